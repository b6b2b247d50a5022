"""A rendered .docx converted to PDF by LibreOffice headless (when installed), with its own
throw-away profile so that several conversions (or an open LibreOffice) do not collide."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

MISSING = (
    "cần LibreOffice để xuất PDF (không tìm thấy lệnh 'soffice'); cài LibreOffice "
    "(ví dụ: apt-get install libreoffice-writer) hoặc xuất .docx rồi in ra PDF bằng Word"
)


class PdfError(Exception):
    """The conversion cannot be done (Vietnamese message)."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: bytes, timeout: int = 300) -> bytes:
    exe = soffice()
    if exe is None:
        raise PdfError(MISSING)
    with tempfile.TemporaryDirectory(prefix="ctt-pdf-") as tmp:
        work = Path(tmp)
        (work / "van-ban.docx").write_bytes(docx)
        cmd = [
            exe,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(work / "van-ban.docx"),
        ]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"LibreOffice không chuyển được sang PDF: {exc}") from None
        pdf = work / "van-ban.pdf"
        if done.returncode != 0 or not pdf.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[:300]
            raise PdfError(
                f"LibreOffice không chuyển được sang PDF (mã {done.returncode}){': ' + detail if detail else ''}"
            )
        return pdf.read_bytes()
