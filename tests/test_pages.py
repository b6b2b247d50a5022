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

from yearly_docs import convert, yearly_docs  # noqa: F401 (a fixture)

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


# ---- the Sở Nội vụ's report (ctt render city) -----------------------------------------------------


@pytest.fixture(scope="module")
def city_pdfs(tmp_path_factory) -> dict[str, tuple[list[str], list[tuple[float, float]]]]:
    """The city report for the shipped ward alone and for the synthetic city of four communes:
    its pages' text and sizes (points) as LibreOffice prints them."""
    from typer.testing import CliRunner

    from conftest import SHIPPED, make_city
    from ctt_cli.app import app

    out = tmp_path_factory.mktemp("city-pdf")
    city = make_city(out / "plans")
    docs = []
    for stem, plans in (("tong-hop-shipped", SHIPPED), ("tong-hop-city", city)):
        args = ["render", "city", "-y", "2026", "--as-of", "2026-11-25", str(plans), "-o", str(out / f"{stem}.docx")]
        result = CliRunner().invoke(app, args)
        assert result.exit_code in (0, 1) and (out / f"{stem}.docx").is_file(), result.output
        docs.append(out / f"{stem}.docx")
    convert(docs, out)
    found = {}
    for doc in docs:
        pdf = doc.with_suffix(".pdf")
        info = subprocess.run(["pdfinfo", "-l", "99", str(pdf)], capture_output=True, text=True, check=True).stdout
        sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
        found[doc.stem] = (pages(pdf), sizes)
    return found


def test_city_report_pages(city_pdfs) -> None:
    for stem, (texts, sizes) in city_pdfs.items():
        assert len(texts) == len(sizes) >= 2, stem
        assert all(without_page_number(page) for page in texts), f"{stem}: a blank page"
        # the report portrait, the appendix of every commune landscape
        appendix_at = next(i for i, page in enumerate(texts) if "(Kèm theo Báo cáo" in page)
        assert all(w < h for w, h in sizes[:appendix_at]), stem
        assert all(w > h for w, h in sizes[appendix_at:]), stem
        lines = [line.strip() for line in without_page_number(texts[appendix_at]).split("\n") if line.strip()]
        at = lines.index("Phụ lục")
        assert lines[at + 1].startswith("KẾT QUẢ THỰC HIỆN CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU NĂM 2026"), stem
        # the parent body's name on one line above SỞ NỘI VỤ; Nơi nhận and the signature on one page
        first = texts[0].split("\n")
        assert any(line.strip().startswith("UBND THÀNH PHỐ HẢI PHÒNG") for line in first), stem
        signed = [page for page in texts if "Nơi nhận:" in page]
        assert len(signed) == 1 and "GIÁM ĐỐC" in signed[0] and "- Lưu: VT." in signed[0], stem
    city_text = "\n".join(city_pdfs["tong-hop-city"][0])
    for name in ("Phường Lê Thanh Nghị", "Xã An Hưng", "Đặc khu Bạch Long Vĩ", "Phường Hồng An"):
        assert name in city_text
