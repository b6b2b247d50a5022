"""Reading plan files as they were at a git revision (for `ctt diff`)."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from ctt_cli.yamlio import parse_yaml


class GitError(Exception):
    """git failed; the message is for the user, in Vietnamese."""


def _git(*args: str, cwd: Path | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("không tìm thấy lệnh git") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {' '.join(args)} thất bại")
    return done.stdout


class GitReader:
    """The same interface as workspace.DiskReader, over one revision's tree."""

    def __init__(self, rev: str, cwd: Path = Path(".")) -> None:
        self.rev = rev
        try:
            _git("rev-parse", "--is-inside-work-tree", cwd=cwd)
        except GitError:
            raise GitError("thư mục hiện tại không nằm trong một kho git") from None
        try:
            _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", cwd=cwd)
        except GitError:
            raise GitError(f"không có phiên bản git '{rev}'") from None
        self.prefix = _git("rev-parse", "--show-prefix", cwd=cwd).decode().strip()
        self.cwd = cwd
        names = _git("ls-tree", "-r", "--name-only", "-z", rev, cwd=cwd).decode("utf-8").split("\0")
        self.files: set[str] = set()
        self.dirs: set[str] = {"."}
        for name in filter(None, names):
            if not name.startswith(self.prefix):
                continue
            rel = name[len(self.prefix):]
            self.files.add(rel)
            for parent in PurePosixPath(rel).parents:
                self.dirs.add(str(parent))

    def _key(self, path: Path) -> str:
        return str(PurePosixPath(*Path(path).parts)) if str(path) not in ("", ".") else "."

    def read_yaml(self, path: Path, display: str):
        data = _git("show", f"{self.rev}:{self.prefix}{self._key(path)}", cwd=self.cwd)
        return parse_yaml(data, f"{self.rev}:{display}", Path(path))

    def is_file(self, path: Path) -> bool:
        return self._key(path) in self.files

    def is_dir(self, path: Path) -> bool:
        return self._key(path) in self.dirs

    def listdir(self, path: Path) -> list[str]:
        key = self._key(path)
        names = {PurePosixPath(f).relative_to(key).parts[0] if key != "." else PurePosixPath(f).parts[0]
                 for f in self.files | self.dirs
                 if f != key and (key == "." or f.startswith(key + "/"))}
        return sorted(names)
