"""Where plan files are read from: the working tree (DiskReader) or a git revision (GitReader), behind
one protocol; and MemoReader, which reads each file once per command and remembers what it read."""

from __future__ import annotations

import atexit
import os
import subprocess
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


class _Batch:
    """One ``git cat-file --batch`` process per repository and command: every tree and file a diff
    reads goes through it (one git process instead of one per file). Requests are answered in order:
    a header ``<oid> <type> <size>`` then the object, or ``<name> missing``."""

    _open: dict[Path, _Batch] = {}

    def __init__(self, cwd: Path) -> None:
        try:
            self.proc = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=cwd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except FileNotFoundError:
            raise GitError("không tìm thấy lệnh git") from None
        atexit.register(self.close)

    @classmethod
    def at(cls, cwd: Path) -> _Batch:
        key = Path(os.path.realpath(cwd))
        batch = cls._open.get(key)
        if batch is None or batch.proc.poll() is not None:
            batch = cls._open[key] = cls(key)
        return batch

    def get(self, name: str, limit: int = -1) -> tuple[str, str, bytes] | None:
        """The object's id (hex), type and bytes (at most ``limit`` + 1 of them when ``limit`` >= 0;
        the rest is read and dropped), or None when the repository has no such object."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if "\n" in name:
            return None
        try:
            self.proc.stdin.write(os.fsencode(name) + b"\n")
            self.proc.stdin.flush()
            header = self.proc.stdout.readline()
        except OSError:
            header = b""
        if not header:  # git stopped: not a repository, or killed
            err = self.proc.stderr.read().decode("utf-8", "replace").strip().splitlines() if self.proc.stderr else []
            raise GitError(err[-1] if err else "git cat-file thất bại")
        parts = header.split()
        if len(parts) != 3 or parts[-1] == b"missing":
            return None
        size = int(parts[2])
        keep = size if limit < 0 else min(size, limit + 1)
        data = self.proc.stdout.read(keep)
        left = size - keep
        while left > 0:
            chunk = self.proc.stdout.read(min(left, 1 << 20))
            if not chunk:
                raise GitError("git cat-file dừng giữa chừng")
            left -= len(chunk)
        self.proc.stdout.read(1)  # the newline after every object
        return parts[0].decode(), parts[1].decode(), data

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                if self.proc.stdin is not None:
                    self.proc.stdin.close()
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


class GitReader:
    """The Reader protocol over one revision's tree, paths relative to ``cwd`` (the repository's top
    folder). Trees are read only where a command looks (plans/), through one ``git cat-file`` process."""

    def __init__(self, rev: str, cwd: Path = Path(".")) -> None:
        self.rev = rev
        self.batch = _Batch.at(cwd)
        try:
            commit = self.batch.get(f"{rev}^{{commit}}", 0)
        except GitError:
            raise GitError("thư mục hiện tại không nằm trong một kho git") from None
        root = self.batch.get(f"{rev}^{{tree}}") if commit is not None else None
        if root is None:
            raise GitError(f"không có phiên bản git '{rev}'")
        self.width = len(root[0]) // 2  # 20 bytes (sha-1) or 32 (sha-256), as the repository uses
        self.trees: dict[str, dict[str, tuple[str, str]] | None] = {".": self._entries(root[2])}

    def _entries(self, raw: bytes) -> dict[str, tuple[str, str]]:
        """A tree object's entries: name -> (kind: "tree", "blob" or "other", object id in hex).
        Each entry is ``<mode> <name>\\0<id>``; a submodule (a commit) is "other"."""
        entries: dict[str, tuple[str, str]] = {}
        at = 0
        while at < len(raw):
            space = raw.index(b" ", at)
            nul = raw.index(b"\0", space)
            mode, name = raw[at:space], os.fsdecode(raw[space + 1 : nul])
            oid = raw[nul + 1 : nul + 1 + self.width].hex()
            kind = "tree" if mode == b"40000" else "blob" if mode in (b"100644", b"100755", b"120000") else "other"
            entries[name] = (kind, oid)
            at = nul + 1 + self.width
        return entries

    def _key(self, path: Path) -> str:
        return str(PurePosixPath(*Path(path).parts)) if str(path) not in ("", ".") else "."

    def _tree(self, key: str) -> dict[str, tuple[str, str]] | None:
        if key not in self.trees:
            parent, name = str(PurePosixPath(key).parent), PurePosixPath(key).name
            entries = self._tree(parent)
            entry = entries.get(name) if entries is not None else None
            got = self.batch.get(entry[1]) if entry is not None and entry[0] == "tree" else None
            self.trees[key] = self._entries(got[2]) if got is not None and got[1] == "tree" else None
        return self.trees[key]

    def _entry(self, path: Path) -> tuple[str, str] | None:
        key = self._key(path)
        if key == ".":
            return None
        entries = self._tree(str(PurePosixPath(key).parent))
        return entries.get(PurePosixPath(key).name) if entries is not None else None

    def read_bytes(self, path: Path) -> bytes:
        entry = self._entry(path)
        if entry is None or entry[0] != "blob":
            what = "đây là thư mục, không phải tệp" if entry is not None else "không tìm thấy tệp"
            raise ReadError("E108", f"{self.rev}:{self._key(path)}: {what}")
        try:
            got = self.batch.get(entry[1], MAX_BYTES)
        except GitError as exc:
            raise ReadError("E108", str(exc)) from None
        if got is None:
            raise ReadError("E108", f"{self.rev}:{self._key(path)}: không tìm thấy tệp")
        return got[2]

    def label(self, display: str) -> str:
        return f"{self.rev}:{display}"

    def is_file(self, path: Path) -> bool:
        entry = self._entry(path)
        return entry is not None and entry[0] == "blob"

    def is_dir(self, path: Path) -> bool:
        return self._tree(self._key(path)) is not None

    def listdir(self, path: Path) -> list[str]:
        entries = self._tree(self._key(path))
        return sorted(name for name, (kind, _) in (entries or {}).items() if kind != "other")


class SharedFiles:
    """Files several wards name (the criteria set), parsed once per command: keyed by the file's
    resolved path and the hash of its bytes, so a changed file is never served stale."""

    def __init__(self) -> None:
        self.parsed: dict[tuple[str, str], tuple[Source, Any]] = {}


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
