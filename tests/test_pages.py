"""Page by page, as LibreOffice prints them: every document type of every year 2026-2030,
for the shipped ward and a ward made by `ctt init`. No blank page, the Nơi nhận and
signature block on one page, the appendix heading lines of NĐ 30."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from yearly_docs import yearly_docs  # noqa: F401 (a fixture)

if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI needs LibreOffice and poppler-utils (.ci/run installs them)")
    pytest.skip("LibreOffice (soffice) or poppler-utils not installed", allow_module_level=True)

SIGNERS = {"le-thanh-nghi": "Nguyễn Hữu Phúc"}
TITLES = {
    "ke-hoach": "NHIỆM VỤ CỤ THỂ",
    "bao-cao": "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM",
    "tu-danh-gia": "BIỂU CHẤM ĐIỂM TIÊU CHÍ",
    "so-ket": "KẾT QUẢ QUA CÁC NĂM",
    "ke-hoach-nam": "NHIỆM VỤ THỰC HIỆN MÔ HÌNH",
}


def kind_of(stem: str) -> str:
    return re.sub(r"^(le-thanh-nghi|hoa-binh)-|-\d{4}.*$", "", stem)


def convert(docx: list[Path], out: Path) -> None:
    """One LibreOffice run for all files (much faster than one per file), with its own profile."""
    profile = out / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.fixture(scope="module")
def pdf_pages(yearly_docs, tmp_path_factory) -> dict[str, list[str]]:  # noqa: F811
    out = tmp_path_factory.mktemp("pdf")
    convert(sorted(yearly_docs.values()), out)
    found = {}
    for stem in yearly_docs:
        pdf = out / f"{stem}.pdf"
        assert pdf.is_file() and pdf.stat().st_size > 1000, f"LibreOffice wrote no PDF for {stem}"
        found[stem] = pages(pdf)
    return found


def without_page_number(page: str) -> str:
    """A page's text less the page number printed in its top margin."""
    return re.sub(r"^\s*\d{1,3}\s*\n", "", page, count=1).strip()


def test_every_document_was_converted(pdf_pages) -> None:
    kinds = {kind_of(stem) for stem in pdf_pages}
    assert kinds == {"ke-hoach", "bao-cao", "tu-danh-gia", "dang-ky", "so-ket", "ke-hoach-nam"}
    # per ward: the plan; report and self-assessment each year; registration, year plan and review
    # from 2027 (the 2026 registration and year plan were due before the plan was issued)
    assert len(pdf_pages) == 2 * (1 + 2 * 5 + 3 * 4)


def test_no_blank_page(pdf_pages) -> None:
    blank = [
        f"{stem} trang {i}"
        for stem, texts in pdf_pages.items()
        for i, page in enumerate(texts, 1)
        if not without_page_number(page)
    ]
    assert blank == []


def test_signature_block_on_one_page(pdf_pages) -> None:
    split = []
    for stem, texts in pdf_pages.items():
        ward = "le-thanh-nghi" if stem.startswith("le-thanh-nghi") else "hoa-binh"
        starts = [i for i, page in enumerate(texts) if "Nơi nhận:" in page]
        assert len(starts) == 1, stem
        page = texts[starts[0]]
        last_line = [line for line in page.split("\n") if line.strip()]
        # the block runs from "Nơi nhận:" to the signer (the shipped ward's name, or the
        # init ward's title line "CHỦ TỊCH" as its signer is still to be filled)
        end = SIGNERS.get(ward, "CHỦ TỊCH")
        if end not in page or "- Lưu: VT" not in page or "TM. ỦY BAN NHÂN DÂN" not in page:
            split.append(stem)
        assert last_line, stem
    assert split == []


@pytest.mark.parametrize("kind", list(TITLES))
def test_appendix_heading_lines(pdf_pages, kind: str) -> None:
    for stem, texts in pdf_pages.items():
        if kind_of(stem) != kind:
            continue
        first = next(i for i, page in enumerate(texts) if "(Kèm theo" in page)
        lines = [line.strip() for line in without_page_number(texts[first]).split("\n") if line.strip()]
        at = lines.index("Phụ lục")  # a line of its own
        assert lines[at + 1].startswith(TITLES[kind]), (stem, lines[:5])
        attached = next(i for i, line in enumerate(lines) if line.startswith("(Kèm theo"))
        assert attached > at + 1, stem
        assert not any(line.startswith("Phụ lục") for page in texts[:first] for line in page.split("\n")), stem
