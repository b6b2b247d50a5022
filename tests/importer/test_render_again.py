"""What ctt renders from an imported Word plan imports back to the same data: the render holds what the
data says the way the source drew it (the appendix's own columns, titles, numbering, the "(1) (2) …"
row, "T/M", the Party's header, tasks in prose in their sections and in no table)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from tests.importer.samples_commune import AN_HOA_MTTQ, PHU_LONG_DANG_UY
from tests.importer.test_word_styles import STYLES, _import, _ward
from tests.importer.wordgen import Style

FILES = ("plan.yaml", "units.yaml", "documents.yaml", "tasks.yaml")
AN_HOA_ROWS = AN_HOA_MTTQ.rows  # three tasks in a table, for a Party plan with an appendix


@pytest.mark.parametrize("name", list(STYLES))
def test_the_render_of_an_import_imports_to_the_same_data(name: str, tmp_path: Path, cli) -> None:
    _, first, _ = _import(name, tmp_path, cli)
    rendered = tmp_path / "lai.docx"
    assert cli("render", "plan", first, "-o", rendered).exit_code == 0
    again = tmp_path / "again"
    result = cli("import", rendered, "-o", again, "--id", "x")
    assert result.exit_code == 0, result.output
    for file in FILES:
        before = (first / file).read_text(encoding="utf-8")
        after = (again / file).read_text(encoding="utf-8")
        if name == "tab-tu-dong-7-cot" and file == "tasks.yaml":
            # of two appendices, the first is printed "Phụ lục I" (NĐ 30), so it reads back numbered
            after = after.replace("title: PHỤ LỤC I NHIỆM VỤ", "title: PHỤ LỤC NHIỆM VỤ", 1)
        assert after == before, file


def test_prose_tasks_name_their_section_and_are_in_no_table(tmp_path: Path, cli) -> None:
    _, out, _ = _import("dang-uy-tab", tmp_path, cli)
    ward = _ward(out)
    assert ward.tasks_file.all_appendices() == []  # the source has no "PHỤ LỤC": none is made up
    sections = {s.id: s for s in ward.plan.body[2].children}
    assert [t.section for t in ward.tasks] == ["muc-3-1", "muc-3-2"]
    assert sections["muc-3-1"].title == "Lãnh đạo rà soát, sắp xếp Bộ phận Một cửa xã"
    rendered = tmp_path / "lai.docx"
    assert cli("render", "plan", out, "-o", rendered).exit_code == 0
    from ctt_cli.render.docx_text import docx_lines

    lines = docx_lines(rendered)
    assert not any(line.startswith(("Phụ lục", "STT |")) for line in lines)
    assert "- Thời gian hoàn thành: Quý II năm 2026" in lines


def test_a_party_plan_with_its_header_in_a_table(tmp_path: Path, cli) -> None:
    """The usual layout: a borderless table whose right column is "ĐẢNG CỘNG SẢN VIỆT NAM"."""
    STYLES["dang-uy-bang"] = (PHU_LONG_DANG_UY, dataclasses.replace(Style(), signature="table"))
    try:
        _, out, result = _import("dang-uy-bang", tmp_path, cli)
    finally:
        del STYLES["dang-uy-bang"]
    assert ": 0 lỗi" in result.output, result.output
    plan = _ward(out).plan
    assert (plan.ward, plan.document.symbol, plan.document.number) == ("Xã Phú Long", "KH/ĐU", 12)
    # the "*" under the issuer's name is the Party's mark, kept as written
    assert plan.issuer.parent_header == ["ĐẢNG BỘ THÀNH PHỐ HẢI ĐÔNG"]
    assert plan.issuer.header == ["ĐẢNG ỦY XÃ PHÚ LONG", "*"]
    assert (plan.signature.authority_text, plan.signature.body) == ("T/M", "ĐẢNG ỦY")
    report = (tmp_path / "nhap.md").read_text(encoding="utf-8")
    assert "Mọi đoạn văn và ô bảng có chữ đều đã được chuyển" in report
    rendered = tmp_path / "lai.docx"
    assert cli("render", "plan", out, "-o", rendered).exit_code == 0
    issuer_cell = header_cell(rendered)
    # the committee above upright, the issuer's name and its "*" bold, and no rule: the "*" stands for it
    assert issuer_cell == [
        ("ĐẢNG BỘ THÀNH PHỐ HẢI ĐÔNG", False, False),
        ("ĐẢNG ỦY XÃ PHÚ LONG", False, True),
        ("*", False, True),
    ]


def header_cell(docx: Path) -> list[tuple[str, bool, bool]]:
    """The paragraphs of the header table's first cell: (text, drawn as a rule: empty with a bottom
    border, bold)."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    cell = root.find(f"{w}body/{w}tbl/{w}tr/{w}tc")
    assert cell is not None

    def bold(p) -> bool:
        marks = [r.find(f"{w}rPr/{w}b") for r in p.iter(f"{w}r")]
        return bool(marks) and all(b is not None and b.get(f"{w}val") not in ("0", "false") for b in marks)

    return [
        ("".join(t.text or "" for t in p.iter(f"{w}t")), p.find(f"{w}pPr/{w}pBdr/{w}bottom") is not None, bold(p))
        for p in cell.iter(f"{w}p")
    ]


def test_a_party_plans_appendix_cites_it_in_the_party_form(tmp_path: Path, cli) -> None:
    """ "(Kèm theo Kế hoạch số 12-KH/ĐU …)", as its own number line "Số 12-KH/ĐU", not "số: 12/KH/ĐU"."""
    party = dataclasses.replace(PHU_LONG_DANG_UY, appendix_title=["PHỤ LỤC", "NHIỆM VỤ CỤ THỂ"], rows=AN_HOA_ROWS)
    STYLES["dang-uy-phu-luc"] = (party, Style(header="tabs", signature="tabs"))
    try:
        _, out, result = _import("dang-uy-phu-luc", tmp_path, cli)
    finally:
        del STYLES["dang-uy-phu-luc"]
    assert ": 0 lỗi" in result.output, result.output
    rendered = tmp_path / "lai.docx"
    assert cli("render", "plan", out, "-o", rendered).exit_code == 0
    from ctt_cli.render.docx_text import docx_lines

    lines = docx_lines(rendered)
    assert "(Kèm theo Kế hoạch số 12-KH/ĐU ngày 20 tháng 02 năm 2026 của Đảng ủy xã Phú Long)" in lines
