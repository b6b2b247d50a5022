"""Reading any office file: .docx directly; .doc and .odt through LibreOffice headless."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ctt_cli.importer.docx_read import read_blocks
from ctt_cli.importer.outline import read
from ctt_cli.importer.structure import PlanStructure


class ImportError_(ValueError):
    """A file ctt cannot import; the message is Vietnamese and says what to do."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(path: Path, workdir: Path) -> Path:
    """A .docx version of a .doc/.odt/.rtf file, made by LibreOffice in workdir."""
    exe = soffice()
    if exe is None:
        raise ImportError_(
            f"{path.name}: tệp {path.suffix} cần LibreOffice để chuyển sang .docx, nhưng máy "
            "chưa cài LibreOffice. Cài LibreOffice (soffice), hoặc mở tệp bằng Word và "
            "'Lưu thành' .docx, rồi chạy lại ctt import."
        )
    profile = workdir / "profile"
    cmd = [
        exe,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "docx",
        "--outdir",
        str(workdir),
        str(path),
    ]
    try:
        subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise ImportError_(f"{path.name}: LibreOffice không chuyển được tệp sang .docx ({exc}).") from None
    out = workdir / (path.stem + ".docx")
    if not out.exists():
        raise ImportError_(f"{path.name}: LibreOffice không tạo ra tệp .docx.")
    return out


def read_plan(path: Path) -> PlanStructure:
    """The structure of a Word plan (.docx, .doc, .odt). Raises ImportError_ or outline.NotAPlan."""
    if not path.is_file():
        raise ImportError_(f"không tìm thấy tệp {path}")
    suffix = path.suffix.lower()
    if suffix in (".doc", ".odt", ".rtf", ".docm"):
        with tempfile.TemporaryDirectory(prefix="ctt-import-") as tmp:
            docx = to_docx(path, Path(tmp))
            return _read(docx, path)
    if suffix != ".docx":
        raise ImportError_(f"{path.name}: ctt import đọc tệp .docx, .doc hoặc .odt, không đọc tệp '{suffix}'.")
    return _read(path, path)


def _read(docx: Path, shown: Path) -> PlanStructure:
    try:
        blocks = read_blocks(docx)
    except ValueError as exc:
        raise ImportError_(f"{shown.name}: {exc}") from None
    return read(blocks, shown.name)
