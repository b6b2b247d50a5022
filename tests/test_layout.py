"""NĐ 30 layout details of the rendered documents, read back with python-docx: rules,
the appendix heading, the section break before the appendix, the signature block."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from conftest import ROOT
from yearly_docs import render_docs

sys.path.insert(0, str(ROOT / "tools"))
import docxbuild  # noqa: E402

DOCS = {
    "ke-hoach": ["render", "plan"],
    "bao-cao": ["render", "report", "-y", "2026", "--as-of", "2026-12-15"],
    "tu-danh-gia": ["render", "assessment", "-y", "2026"],
    "dang-ky": ["render", "registration", "-y", "2027"],
    "so-ket": ["render", "review", "--from", "2026", "--to", "2027", "--as-of", "2027-12-20"],
    "tong-hop": ["render", "city", "-y", "2026", "--as-of", "2026-11-20"],  # the Sở Nội vụ's report
}
WITH_APPENDIX = ["ke-hoach", "bao-cao", "tu-danh-gia", "so-ket", "tong-hop"]


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> dict[str, Path]:
    return render_docs(DOCS, tmp_path_factory.mktemp("layout"))


def body_blocks(doc):
    """The body's paragraphs and tables in order, as python-docx objects."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield Table(child, doc)


def is_rule(p) -> bool:
    ppr = p._p.pPr
    return ppr is not None and ppr.find(qn("w:pBdr")) is not None and not p.text.strip()


def rule_length_mm(p, available_mm: float) -> float:
    fmt = p.paragraph_format
    return available_mm - (fmt.left_indent or 0) / Mm(1) - (fmt.right_indent or 0) / Mm(1)


def cell_margins_mm(table) -> float:
    """Left + right cell margins of a table (Word's default 0.19 cm each unless it sets them)."""
    mar = table._tbl.tblPr.find(qn("w:tblCellMar"))
    sides = [mar.find(qn(f"w:{s}")) if mar is not None else None for s in ("left", "right")]
    return sum(int(s.get(qn("w:w"))) / 1440 * 25.4 if s is not None else 108 / 1440 * 25.4 for s in sides)


def assert_close_under_text(rule, above) -> None:
    """The rule is drawn by a paragraph at most 4 pt high right under the paragraph above,
    not one 14 pt line lower (5 mm)."""
    fmt = rule.paragraph_format
    assert fmt.line_spacing is not None and fmt.line_spacing <= Pt(4)
    assert (fmt.space_before or 0) == 0 and (above.paragraph_format.space_after or 0) == 0
    size = rule._p.pPr.find(qn("w:rPr")).find(qn("w:sz"))
    assert int(size.get(qn("w:val"))) <= 4  # paragraph mark of 2 pt at most


def test_header_rules(docs) -> None:
    doc = Document(str(docs["ke-hoach"]))
    header = doc.tables[0]
    widths = [int(c.get(qn("w:w"))) / 1440 * 25.4 for c in header._tbl.tblGrid.findall(qn("w:gridCol"))]
    left, right = header.rows[0].cells
    paras = left.paragraphs
    rule = next(p for p in paras if is_rule(p))
    issuer = [p.text for p in paras if p.text]
    name_mm = max(docxbuild.bold_width_mm(line, 13) for line in issuer)
    length = rule_length_mm(rule, widths[0] - cell_margins_mm(header))
    assert name_mm / 3 <= length <= name_mm / 2, (length, name_mm)
    assert_close_under_text(rule, paras[paras.index(rule) - 1])
    paras = right.paragraphs
    motto = next(p for p in paras if p.text == "Độc lập - Tự do - Hạnh phúc")
    rule = paras[paras.index(motto) + 1]
    assert is_rule(rule)
    length = rule_length_mm(rule, widths[1] - cell_margins_mm(header))
    assert abs(length - docxbuild.bold_width_mm(motto.text, 13)) < 1  # the motto's full length
    assert_close_under_text(rule, motto)


@pytest.mark.parametrize(
    "header",
    [
        ["ỦY BAN NHÂN DÂN", "XÃ AN LÃO"],
        ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA BÌNH"],
        ["ỦY BAN NHÂN DÂN", "PHƯỜNG NGÔ QUYỀN"],
        ["UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN", "ĐẶC KHU BẠCH LONG VĨ"],
    ],
)
def test_issuer_rule_follows_the_name(cli, ward_dir: Path, tmp_path: Path, header: list[str]) -> None:
    """The issuer's rule is sized from the ward's own name, not from the shipped one."""
    from conftest import edit

    edit(ward_dir / "plan.yaml", "header: [ỦY BAN NHÂN DÂN, PHƯỜNG LÊ THANH NGHỊ]", f"header: [{', '.join(header)}]")
    out = tmp_path / "k.docx"
    assert cli("render", "plan", str(ward_dir), "-o", str(out)).exit_code == 0
    table = Document(str(out)).tables[0]
    widths = [int(c.get(qn("w:w"))) / 1440 * 25.4 for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    paras = table.rows[0].cells[0].paragraphs
    assert [p.text for p in paras if p.text] == header
    rule = next(p for p in paras if is_rule(p))
    name_mm = max(docxbuild.bold_width_mm(line, 13) for line in header)
    length = rule_length_mm(rule, widths[0] - cell_margins_mm(table))
    assert name_mm / 3 <= length <= name_mm / 2, (header, length, name_mm)


def test_bold_width_measures_real_lines() -> None:
    # Times New Roman Bold 13 pt, as LibreOffice prints it (Liberation Serif has the same metrics)
    assert 55 < docxbuild.bold_width_mm("Độc lập - Tự do - Hạnh phúc", 13) < 57
    assert docxbuild.bold_width_mm("PHƯỜNG LÊ THANH NGHỊ", 13) > docxbuild.bold_width_mm("ỦY BAN NHÂN DÂN", 13)
    assert docxbuild.bold_width_mm("ĐỘC", 14) == docxbuild.bold_width_mm("DOC", 14)


@pytest.mark.parametrize("name", ["ke-hoach", "bao-cao", "tu-danh-gia", "so-ket"])
def test_subject_rule(docs, name: str) -> None:
    doc = Document(str(docs[name]))
    paras = doc.paragraphs
    title = next(i for i, p in enumerate(paras) if p.text in ("KẾ HOẠCH", "BÁO CÁO"))
    rule_at = next(i for i in range(title, title + 4) if is_rule(paras[i]))
    subject = paras[rule_at - 1]
    assert subject.runs[0].bold
    line_mm = min(docxbuild.TEXT_WIDTH_MM, docxbuild.bold_width_mm(subject.text, 14))  # its longest line
    length = rule_length_mm(paras[rule_at], docxbuild.TEXT_WIDTH_MM)
    assert line_mm / 3 <= length <= line_mm / 2, (name, length, line_mm)
    assert_close_under_text(paras[rule_at], subject)


@pytest.mark.parametrize("name", ["ke-hoach", "bao-cao", "dang-ky"])
def test_place_and_date_fit_one_line(docs, name: str) -> None:
    from ctt_cli.render.measure import width_mm

    header = Document(str(docs[name])).tables[0]
    widths = [int(c.get(qn("w:w"))) / 1440 * 25.4 for c in header._tbl.tblGrid.findall(qn("w:gridCol"))]
    line = header.rows[1].cells[1].paragraphs[0].text
    for date in ("ngày     tháng     năm 2026", "ngày 25 tháng 12 năm 2026"):  # a draft, the widest date
        full = re.sub(r"ngày .*$", date, line)
        assert width_mm(full, 13) < widths[1] - cell_margins_mm(header), full  # italic is narrower


def test_gap_before_vv_line(docs) -> None:
    doc = Document(str(docs["dang-ky"]))
    cell = doc.tables[0].rows[1].cells[0]
    vv = next(p for p in cell.paragraphs if p.text.startswith("V/v"))
    assert vv.paragraph_format.space_before == Pt(6)
    assert vv.runs[0].font.size == Pt(12)


@pytest.mark.parametrize("name", WITH_APPENDIX)
def test_section_break_paragraph_is_tiny(docs, name: str) -> None:
    """The paragraph that ends the portrait section (after the signature table) is 1 pt
    high: a 14 pt one pushed onto a page of its own made a blank page before the appendix."""
    doc = Document(str(docs[name]))
    blocks = list(body_blocks(doc))
    brk_at = next(
        i for i, b in enumerate(blocks) if hasattr(b, "_p") and b._p.pPr is not None and b._p.pPr.sectPr is not None
    )
    brk, before = blocks[brk_at], blocks[brk_at - 1]
    assert not brk.text.strip()
    assert hasattr(before, "rows") and "Nơi nhận:" in before.rows[0].cells[0].text  # right after the signature
    fmt = brk.paragraph_format
    assert fmt.line_spacing <= Pt(2) and (fmt.space_before or 0) == 0 and (fmt.space_after or 0) == 0
    assert int(brk._p.pPr.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val"))) <= 4


@pytest.mark.parametrize("name", list(DOCS))
def test_signature_block_kept_together(docs, name: str) -> None:
    doc = Document(str(docs[name]))
    closing = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    assert len(closing.rows) == 1
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    left = [p for p in closing.rows[0].cells[0].paragraphs if p.text]
    assert all(p.paragraph_format.keep_with_next for p in left)


@pytest.mark.parametrize("name", list(DOCS))
def test_last_paragraph_keeps_with_signature(docs, name: str) -> None:
    doc = Document(str(docs[name]))
    blocks = list(body_blocks(doc))
    closing_at = next(
        i
        for i, b in enumerate(blocks)
        if hasattr(b, "rows") and len(b.rows) == 1 and b.rows[0].cells[0].text.startswith("Nơi nhận:")
    )
    assert blocks[closing_at - 1].paragraph_format.keep_with_next


def appendix_paragraphs(doc):
    blocks = list(body_blocks(doc))
    brk_at = next(
        i for i, b in enumerate(blocks) if hasattr(b, "_p") and b._p.pPr is not None and b._p.pPr.sectPr is not None
    )
    out = []
    for b in blocks[brk_at + 1 :]:
        if hasattr(b, "rows"):
            break
        out.append(b)
    return out


@pytest.mark.parametrize(
    "name, title",
    [
        ("ke-hoach", "NHIỆM VỤ CỤ THỂ"),
        ("bao-cao", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026"),
        ("tu-danh-gia", "BIỂU CHẤM ĐIỂM TIÊU CHÍ “CHÍNH QUYỀN THÂN THIỆN” NĂM 2026"),
        ("so-ket", "KẾT QUẢ QUA CÁC NĂM 2026-2027"),
    ],
)
def test_appendix_heading(docs, name: str, title: str) -> None:
    paras = appendix_paragraphs(Document(str(docs[name])))
    texts = [p.text for p in paras]
    heading = paras[0]
    assert heading.text == "Phụ lục"
    assert heading.runs[0].bold and heading.runs[0].font.size == Pt(14)
    assert heading.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert texts[1].replace("\u00a0", " ") == title and paras[1].runs[0].bold and title == title.upper()
    attached = next(p for p in paras if p.text.startswith("(Kèm theo "))
    assert all(r.italic for r in attached.runs)
    kind = "Kế hoạch" if name == "ke-hoach" else "Báo cáo"
    symbol = "KH" if name == "ke-hoach" else "BC"
    # a draft: blanks to hand-write the number, day and month
    assert re.fullmatch(
        rf"\(Kèm theo {kind} số: {{3,}}/{symbol}-UBND ngày {{3,}}tháng {{3,}}năm 20\d\d của .+\)",
        attached.text.replace("\u00a0", " "),
    ), attached.text
    rule = paras[paras.index(attached) + 1]
    assert is_rule(rule)
    assert_close_under_text(rule, attached)
    assert all(p.paragraph_format.keep_with_next for p in paras[: paras.index(attached) + 1])


def test_appendix_heading_numbers() -> None:
    from ctt_cli.render.context import appendix_heading, roman, with_appendix_heading

    assert appendix_heading() == "Phụ lục" and appendix_heading(1, 1) == "Phụ lục"
    assert [appendix_heading(i, 3) for i in (1, 2, 3)] == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]
    assert [roman(n) for n in (4, 9, 14, 40, 1990)] == ["IV", "IX", "XIV", "XL", "MCMXC"]
    for title, kept in [
        ("PHỤ LỤC NHIỆM VỤ CỤ THỂ", "NHIỆM VỤ CỤ THỂ"),
        ("Phụ lục: Danh mục", "Danh mục"),
        ("BIỂU TỔNG HỢP", "BIỂU TỔNG HỢP"),
        ("PHỤ LỤC", ""),
        ("PHỤ LỤCX", "PHỤ LỤCX"),
    ]:
        ctx = with_appendix_heading({"appendix": {"heading": "", "title": title, "rows": [{}]}})
        assert ctx["appendix"]["heading"] == "Phụ lục" and ctx["appendix"]["title"] == kept
    empty = with_appendix_heading({"appendix": {"heading": "", "title": "", "rows": []}})
    assert empty["appendix"]["heading"] == ""  # no table, no appendix heading


@pytest.mark.parametrize("name", WITH_APPENDIX)
def test_table_header_cells_centred_vertically(docs, name: str) -> None:
    table = Document(str(docs[name])).tables[-1]
    for cell in table.rows[0].cells:
        valign = cell._tc.tcPr.find(qn("w:vAlign"))
        assert valign is not None and valign.get(qn("w:val")) == "center"
        assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_score_columns_centred_in_every_row(docs) -> None:
    table = Document(str(docs["tu-danh-gia"])).tables[-1]
    groups = [r for r in table.rows[1:] if re.fullmatch(r"[IVX]+", r.cells[0].text)]
    items = [r for r in table.rows[1:] if re.fullmatch(r"\d+\.\d+", r.cells[0].text)]
    assert groups and items
    for row in [*groups, *items, table.rows[-1]]:
        for col in (2, 3):
            assert row.cells[col].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER, (row.cells[0].text, col)
    assert items[0].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert groups[0].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


@pytest.mark.parametrize("name", ["bao-cao", "tu-danh-gia", "dang-ky", "so-ket"])
def test_new_documents_give_the_place_in_full(docs, name: str) -> None:
    """The plan keeps the seed's 'P. Lê Thanh Nghị' (W404 reports it); documents ctt writes
    afresh give the unit's official name (NĐ 30 Phụ lục I, II.4.a)."""
    date = Document(str(docs[name])).tables[0].rows[1].cells[1].paragraphs[0].text
    assert date.startswith("Phường Lê Thanh Nghị, ngày "), date
    plan = Document(str(docs["ke-hoach"])).tables[0].rows[1].cells[1].paragraphs[0].text
    assert plan.startswith("P. Lê Thanh Nghị, ngày ")


@pytest.mark.parametrize(
    "place, shown",
    [
        ("P. Lê Thanh Nghị", "Phường Lê Thanh Nghị"),
        ("TP.Hải Phòng", "Phường Lê Thanh Nghị"),
        ("Lê Thanh Nghị", "Lê Thanh Nghị"),
        ("Phường Lê Thanh Nghị", "Phường Lê Thanh Nghị"),
        ("Phố Hiến", "Phố Hiến"),
    ],
)
def test_official_place(ward_dir: Path, place: str, shown: str) -> None:
    from conftest import edit
    from ctt_cli.render.context import official_place
    from ctt_cli.workspace.load import load_ward

    edit(ward_dir / "plan.yaml", "place: P. Lê Thanh Nghị", f"place: {place}")
    assert official_place(load_ward(ward_dir)) == shown


def test_readme_shows_every_page_image() -> None:
    """tools/page_images.py makes one image per document type; the README shows each one."""
    import page_images

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    kinds = {args[0] for args, _ in page_images.IMAGES.values()}
    assert kinds == {"plan", "report", "assessment", "registration", "review", "year-plan"}
    for name in page_images.IMAGES:
        image = ROOT / "docs" / f"{name}.png"
        assert image.is_file() and image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
        assert f"(docs/{name}.png)" in readme, name
