"""Where plan files are read from: the working tree (DiskReader) or a git revision (GitReader), behind
one protocol; and MemoReader, which reads each file once per command and remembers what it read."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol

from ctt_cli.fsutil import MAX_BYTES, ReadError, read_input

if TYPE_CHECKING:
    from ctt_cli.yamlio import Source


class Reader(Protocol):
    def read_bytes(self, path: Path) -> bytes: ...
    def is_file(self, path: Path) -> bool: ...
    def is_dir(self, path: Path) -> bool: ...
    def listdir(self, path: Path) -> list[str]: ...
    def label(self, display: str) -> str: ...


class DiskReader:
    """Files as they are in the working tree, read through the one safe input helper."""

    def read_bytes(self, path: Path) -> bytes:
        return read_input(path, MAX_BYTES)

    def is_file(self, path: Path) -> bool:
        try:
            return path.is_file()
        except OSError:
            return False

    def is_dir(self, path: Path) -> bool:
        try:
            return path.is_dir()
        except OSError:
            return False

    def listdir(self, path: Path) -> list[str]:
        try:
            return sorted(p.name for p in path.iterdir())
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:  # a folder that is there but cannot be read is not an empty folder
            raise ReadError("E108", f"không đọc được thư mục ({exc.strerror})") from None

    def label(self, display: str) -> str:
        return display


class MemoReader:
    """Wraps a reader so that each file is read at most once in a command; ``read`` lists what was read
    (the cache keys an entry by these bytes, and the loader parses the same bytes)."""

    def __init__(self, inner: Reader) -> None:
        self.inner = inner
        self.read: dict[Path, bytes | ReadError] = {}
        self.absent: set[Path] = set()  # asked for and not there (a cache key must notice them return)

    def read_bytes(self, path: Path) -> bytes:
        path = Path(path)
        if path not in self.read:
            try:
                self.read[path] = self.inner.read_bytes(path)
            except ReadError as exc:
                self.read[path] = exc
        got = self.read[path]
        if isinstance(got, ReadError):
            raise got
        return got

    def is_file(self, path: Path) -> bool:
        found = self.inner.is_file(path)
        if not found:
            self.absent.add(Path(path))
        return found

    def is_dir(self, path: Path) -> bool:
        return self.inner.is_dir(path)

    def listdir(self, path: Path) -> list[str]:
        return self.inner.listdir(path)

    def label(self, display: str) -> str:
        return self.inner.label(display)


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


def repo_root(cwd: Path = Path(".")) -> Path:
    """The top folder of the git repository holding ``cwd`` (GitError outside one)."""
    try:
        top = _git("rev-parse", "--show-toplevel", cwd=cwd)
    except GitError:
        raise GitError("thư mục hiện tại không nằm trong một kho git") from None
    return Path(os.fsdecode(top.rstrip(b"\n")))


class GitReader:
    """The Reader protocol over one revision's tree."""

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
        names = os.fsdecode(_git("ls-tree", "-r", "--name-only", "-z", rev, cwd=cwd)).split("\0")
        self.files: set[str] = set()
        self.dirs: set[str] = {"."}
        for name in filter(None, names):
            if not name.startswith(self.prefix):
                continue
            rel = name[len(self.prefix) :]
            self.files.add(rel)
            for parent in PurePosixPath(rel).parents:
                self.dirs.add(str(parent))

    def _key(self, path: Path) -> str:
        return str(PurePosixPath(*Path(path).parts)) if str(path) not in ("", ".") else "."

    def read_bytes(self, path: Path) -> bytes:
        try:
            return _git("show", f"{self.rev}:{self.prefix}{self._key(path)}", cwd=self.cwd)
        except GitError as exc:
            raise ReadError("E108", str(exc)) from None

    def label(self, display: str) -> str:
        return f"{self.rev}:{display}"

    def is_file(self, path: Path) -> bool:
        return self._key(path) in self.files

    def is_dir(self, path: Path) -> bool:
        return self._key(path) in self.dirs

    def listdir(self, path: Path) -> list[str]:
        key = self._key(path)
        names = {
            PurePosixPath(f).relative_to(key).parts[0] if key != "." else PurePosixPath(f).parts[0]
            for f in self.files | self.dirs
            if f != key and (key == "." or f.startswith(key + "/"))
        }
        return sorted(names)


@dataclass
class SharedFiles:
    """Files several wards name (the criteria set), parsed once per command: keyed by the file's
    resolved path and the hash of its bytes, so a changed file is never served stale."""

    parsed: dict[tuple[str, str], tuple[Source, Any]] = field(default_factory=dict)


class MemoryReader:
    """Files held in memory, by path (tests, and tools that build a ward before writing it)."""

    def __init__(self, files: dict[str | Path, str | bytes]) -> None:
        self.files = {Path(k): v.encode("utf-8") if isinstance(v, str) else v for k, v in files.items()}
        self.dirs = {p for f in self.files for p in f.parents}

    def read_bytes(self, path: Path) -> bytes:
        try:
            return self.files[Path(path)]
        except KeyError:
            raise ReadError("E108", "không tìm thấy tệp") from None

    def is_file(self, path: Path) -> bool:
        return Path(path) in self.files

    def is_dir(self, path: Path) -> bool:
        return Path(path) in self.dirs

    def listdir(self, path: Path) -> list[str]:
        return sorted({f.relative_to(path).parts[0] for f in self.files if Path(path) in f.parents})

    def label(self, display: str) -> str:
        return display
