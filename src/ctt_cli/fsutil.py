"""Files on disk: paths as shown to the user, bounded reads of input files, and the one safe way ctt
writes a file (atomic: a failed or interrupted write leaves no partial file and the old one untouched;
through symlinks; never onto a device, a FIFO, a folder or a file this run read as input)."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
from pathlib import Path

STDOUT = "-"  # `-o -`: standard output, where the format allows it

_inputs: set[str] = set()  # real paths of the files this run read as input (plan files, templates)


def register_input(path: Path | str) -> None:
    """Remember that this run read ``path`` as input: write_atomic will refuse to replace it."""
    _inputs.add(os.path.realpath(path))


def forget_inputs() -> None:
    """Start of a command: nothing read yet (one process may run several commands, as tests do)."""
    _inputs.clear()


def is_input(path: Path | str) -> bool:
    return os.path.realpath(path) in _inputs


def is_stdout(path: Path | str | None) -> bool:
    """``-o -``: the user asked for standard output, not a file named '-'."""
    return path is not None and str(path) == STDOUT


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the current folder when it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


MAX_BYTES = 1024 * 1024  # a plan file larger than this is refused (E107): no real plan comes near


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
    register_input(path)
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


DOCX_LIMIT = 50 * 1024 * 1024  # a .docx file itself
ZIP_MAX_ENTRIES = 5000  # parts in one .docx (a long real document has a few hundred)
ZIP_MAX_TOTAL = 256 * 1024 * 1024  # all parts unpacked
ZIP_MAX_RATIO = 200  # unpacked / packed for a part over 1 MiB (real XML packs 5-30 times)


def check_docx(path: Path) -> None:
    """Refuse a .docx that would exhaust ctt when opened (a zip bomb, a huge or damaged file) before
    python-docx unpacks it: a ReadError (E108, Vietnamese) names the bound that was crossed. The sizes
    a zip declares bound what Python's zipfile will unpack, so checking them is enough."""
    import io
    import zipfile

    data = read_input(path, DOCX_LIMIT)
    if len(data) > DOCX_LIMIT:
        raise ReadError("E108", f"tệp .docx lớn quá {DOCX_LIMIT // (1024 * 1024)} MiB, không mở")
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ReadError("E108", "không phải tệp .docx đọc được (tệp hỏng, rỗng hoặc không phải Word .docx)") from None
    if len(infos) > ZIP_MAX_ENTRIES:
        raise ReadError("E108", f"tệp .docx có {len(infos)} phần (tối đa {ZIP_MAX_ENTRIES}), nghi là bom zip, không mở")
    total = sum(i.file_size for i in infos)
    if total > ZIP_MAX_TOTAL:
        raise ReadError(
            "E108",
            f"tệp .docx giải nén ra {total // (1024 * 1024)} MiB (tối đa {ZIP_MAX_TOTAL // (1024 * 1024)} MiB), "
            "nghi là bom zip, không mở",
        )
    for info in infos:
        if info.file_size > 1 << 20 and info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1):
            raise ReadError(
                "E108",
                f"phần '{info.filename}' của tệp .docx nén {info.file_size // max(info.compress_size, 1)} lần "
                f"(tối đa {ZIP_MAX_RATIO}), nghi là bom zip, không mở",
            )


class WriteError(Exception):
    """A file could not be written; the message is for the user, in Vietnamese."""


def _existing(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteError(f"không ghi được {path}: {exc.strerror}") from None


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class _Terminated(SystemExit):
    """SIGTERM during a write: unwind (removing the temp file), then exit 143 like the default action."""


@contextlib.contextmanager
def _sigterm_unwinds():
    """While a file is being written, SIGTERM raises (so ``finally`` removes the temp file) instead of
    killing the process on the spot. Signal handlers can only be set from the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):  # noqa: ARG001 - the signal module's signature
        raise _Terminated(128 + signal.SIGTERM)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError):  # pragma: no cover - no signals here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mkstemp(folder: Path, prefix: str) -> tuple[int, str]:
    """``tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)`` without importing ``tempfile``
    (and ``random``, ~1.5 ms on every run that writes its cache): a new file only this process
    opened (O_EXCL), mode 0600, a random name."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = os.path.abspath(os.path.join(folder, f"{prefix}{os.urandom(6).hex()}.tmp"))
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def write_atomic(path: Path, data: bytes, *, replace_input: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, fsync, rename, fsync the
    folder). A symlink is written through (the link stays a link, its target gets the data); the
    existing file's mode and owner are kept. Refused with a WriteError (Vietnamese): a device, FIFO,
    socket or folder as target, and a file this run read as input (plan files, templates) unless
    ``replace_input`` (fmt rewriting the files it read). SIGTERM or Ctrl-C leave no temp file."""
    shown = Path(path)
    if is_stdout(shown):
        raise WriteError("'-' nghĩa là màn hình (stdout), không phải tên tệp; lệnh này không in ra màn hình được")
    real = Path(os.path.realpath(shown))
    info = _existing(real)
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise WriteError(f"không ghi được {shown}: đây là thư mục, không phải tệp")
        if not stat.S_ISREG(info.st_mode):
            raise WriteError(
                f"không ghi được {shown}: đây là thiết bị, FIFO hoặc socket, không phải tệp thường; "
                "ctt không ghi đè lên đó"
            )
        if not replace_input and str(real) in _inputs:
            raise WriteError(
                f"không ghi {shown}: đây là tệp đầu vào mà lệnh này vừa đọc (dữ liệu kế hoạch hoặc "
                "mẫu văn bản); chọn tệp khác cho -o"
            )
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"không tạo được thư mục {real.parent}: {exc.strerror}") from None
    fd, tmp = None, None
    try:
        with _sigterm_unwinds():
            try:
                fd, tmp = _mkstemp(real.parent, f".{real.name}.")
                os.chmod(tmp, stat.S_IMODE(info.st_mode) if info else _new_file_mode())
                owner = (os.getuid(), os.getgid()) if hasattr(os, "getuid") else None  # None: Windows
                if info is not None and owner is not None and (info.st_uid, info.st_gid) != owner:
                    with contextlib.suppress(OSError):  # only root may give a file away; keep the group if we can
                        os.chown(tmp, info.st_uid, info.st_gid)
                with os.fdopen(fd, "wb") as fh:
                    fd = None
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, real)
                tmp = None
            finally:
                if fd is not None:
                    os.close(fd)
                if tmp is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(tmp)
        _fsync_dir(real.parent)
    except PermissionError:
        raise WriteError(
            f"không ghi được {shown}: không có quyền ghi, hoặc tệp đang mở trong Word/LibreOffice "
            "(đóng tệp rồi chạy lại)"
        ) from None
    except OSError as exc:
        raise WriteError(f"không ghi được {shown}: {exc.strerror}") from None


@contextlib.contextmanager
def new_folder(path: Path):
    """Make a whole folder at once: yield a hidden temporary sibling to fill, then rename it to ``path``.
    On any failure, Ctrl-C or SIGTERM the temporary folder is removed: ``path`` is either complete or
    absent, never half-made. ``path`` must not exist, or be an empty folder (WriteError otherwise)."""
    import shutil

    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise WriteError(f"{display_path(path)} đã có và không phải thư mục")
    if path.is_dir() and any(path.iterdir()):
        raise WriteError(f"{display_path(path)} đã có dữ liệu")
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # stdlib, ~1.5 ms (random, shutil): only where a whole folder is made

    temp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        with _sigterm_unwinds():
            yield temp
            temp.chmod(0o777 & ~_umask())
            if path.is_dir():
                path.rmdir()  # empty (checked above)
            os.rename(temp, path)
            _fsync_dir(path.parent)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
