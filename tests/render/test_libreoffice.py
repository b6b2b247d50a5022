"""A real client: LibreOffice converts every rendered document to PDF; pages and text are checked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SHIPPED
from yearly_docs import convert

if shutil.which("soffice") is None or shutil.which("pdfinfo") is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI needs LibreOffice and poppler-utils (.ci/run installs them)")
    pytest.skip("LibreOffice (soffice) or poppler-utils not installed", allow_module_level=True)

DOCS = {
    "ke-hoach": ["render", "plan"],
    "bao-cao": ["render", "report", "-y", "2026", "--as-of", "2026-12-15"],
    "tu-danh-gia": ["render", "assessment", "-y", "2026"],
    "dang-ky": ["render", "registration", "-y", "2027"],
    "so-ket": ["render", "review", "--from", "2026", "--to", "2027", "--as-of", "2027-12-20"],
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    from typer.testing import CliRunner

    from ctt_cli.app import app

    out = tmp_path_factory.mktemp("pdf")
    runner = CliRunner()
    for name, args in DOCS.items():
        result = runner.invoke(app, [*args, str(SHIPPED), "-o", str(out / f"{name}.docx")])
        assert result.exit_code == 0, result.output
    convert(sorted(out.glob("*.docx")), out)
    found = {name: out / f"{name}.pdf" for name in DOCS}
    for name, pdf in found.items():
        assert pdf.is_file() and pdf.stat().st_size > 1000, f"LibreOffice wrote no PDF for {name}"
    return found


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def text(pdf: Path, layout: bool = True) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def flowing(pdf: Path) -> str:
    """The text in reading order with line breaks folded (wrapped table cells read whole)."""
    return re.sub(r"\s+", " ", text(pdf, layout=False))


def is_a4(size, landscape=False) -> bool:
    w, h = size
    return (abs(w - 595.3) < 2 and abs(h - 841.9) < 2) if not landscape else (abs(w - 841.9) < 2 and abs(h - 595.3) < 2)


def test_plan_pdf(pdfs) -> None:
    sizes = page_sizes(pdfs["ke-hoach"])
    assert is_a4(sizes[0]) and is_a4(sizes[-1], landscape=True)
    portrait = [s for s in sizes if is_a4(s)]
    assert len(portrait) >= 3 and len(sizes) - len(portrait) >= 1
    content = text(pdfs["ke-hoach"])
    # the header columns are wide enough: neither line wraps in LibreOffice
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in content and "PHƯỜNG LÊ THANH NGHỊ" in content
    words = flowing(pdfs["ke-hoach"])
    for phrase in (
        "KẾ HOẠCH",
        "V. TỔ CHỨC THỰC HIỆN",
        "Nơi nhận:",
        "Nguyễn Hữu Phúc",
        "Phụ lục NHIỆM VỤ CỤ THỂ",
        "Trước ngày 15/11",
        "Năm 2027 và năm",
        "Trung tâm Dịch vụ sự",
    ):
        assert phrase in words, phrase
    first_page = content.split("\f")[0]
    assert not re.search(r"^\s*1\s*$", first_page.split("\n")[0])  # no page number on page 1


def test_other_documents_pdf(pdfs) -> None:
    for name in ("bao-cao", "tu-danh-gia", "so-ket"):
        sizes = page_sizes(pdfs[name])
        assert is_a4(sizes[0]) and is_a4(sizes[-1], landscape=True), name
    assert "BIỂU CHẤM ĐIỂM" in text(pdfs["tu-danh-gia"]) and "MINH HỌA" in text(pdfs["tu-danh-gia"])
    assert "BÁO CÁO" in text(pdfs["bao-cao"])
    registration = text(pdfs["dang-ky"])
    assert all(is_a4(s) for s in page_sizes(pdfs["dang-ky"])) and "Kính gửi: Sở Nội vụ" in registration
