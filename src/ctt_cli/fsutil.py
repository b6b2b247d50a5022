"""Files on disk: paths as shown to the user, and atomic writes (a failed write leaves no partial file
and the old one untouched)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the current folder when it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


class ReadError(Exception):
    """A file could not be read: ``code`` is the finding code, the message Vietnamese."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def read_input(path: Path, limit: int) -> bytes:
    """The one way ctt reads an input file: regular files only, and never more than ``limit`` + 1
    bytes (a FIFO, a device or /dev/zero behind a link can neither hang nor exhaust ctt). Every
    failure is a ReadError with code E108."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ReadError("E108", "không tìm thấy tệp") from None
    except IsADirectoryError:
        raise ReadError("E108", "đây là thư mục, không phải tệp") from None
    except OSError as exc:
        raise ReadError("E108", f"không đọc được tệp ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError("E108", "đây là thư mục, không phải tệp")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("E108", "không phải tệp thường (thiết bị, FIFO hoặc socket), không đọc")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise ReadError("E108", f"không đọc được tệp ({exc.strerror})") from None
    finally:
        os.close(fd)


class WriteError(Exception):
    """A file could not be written; the message is for the user, in Vietnamese."""


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or what a new file gets under the current umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"không tạo được thư mục {path.parent}: {exc.strerror}") from None
    fd, tmp = None, None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            fd = None
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except PermissionError:
        raise WriteError(f"không ghi được {path}: không có quyền ghi, hoặc tệp đang mở trong Word/LibreOffice "
                         "(đóng tệp rồi chạy lại)") from None
    except OSError as exc:
        raise WriteError(f"không ghi được {path}: {exc.strerror}") from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
