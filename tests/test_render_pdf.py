"""`ctt render … --pdf` / `-o x.pdf`: a real PDF through LibreOffice, never a .docx under a .pdf name."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SHIPPED


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="LibreOffice or poppler not installed"
)
def test_output_pdf_is_a_pdf(cli, tmp_path: Path) -> None:
    out = tmp_path / "dang-ky.pdf"
    result = cli("render", "registration", str(SHIPPED), "-y", "2027", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and not data.startswith(b"PK")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout.decode()
    assert "PHƯỜNG LÊ THANH NGHỊ" in text and "2027" in text


def test_no_libreoffice_says_so(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice anywhere
    out = tmp_path / "ke-hoach.pdf"
    result = cli("render", "plan", str(SHIPPED), "-o", str(out))
    assert result.exit_code == 1 and "cần LibreOffice để xuất PDF" in result.stderr
    assert not out.exists()


def test_pdf_flag_with_docx_name_is_refused(cli, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    result = cli("render", "plan", str(SHIPPED), "--pdf", "-o", str(out))
    assert result.exit_code == 2 and not out.exists()
