#!/usr/bin/env python3
"""Create the first version of every Word template in templates/.

    .venv/bin/python tools/make_templates.py [OUT_DIR]

The templates are the source from then on (the office restyles them in Word);
run this only to start over. `ctt templates check` verifies any version.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))

import docxbuild as b  # noqa: E402

from ctt_cli.render.city import COLUMNS as CITY_COLUMNS  # noqa: E402
from ctt_cli.render.engine import reproducible  # noqa: E402


def plan_template():
    doc = b.new_document("{{ meta.title }}")
    b.header_block(doc)
    b.title_block(doc)
    b.tag(doc, "{%p for basis in bases %}")
    b.para(doc, "{{ basis }}", italic=True, indent=True)
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p if preamble %}")
    b.para(doc, "{{ preamble }}", indent=True)
    b.tag(doc, "{%p endif %}")
    b.paragraphs_loop(doc, "body")
    b.tag(doc, "{%p if closing %}")
    b.para(doc, "{{ closing }}", indent=True, keep_next=True)
    b.tag(doc, "{%p endif %}")
    b.signature_block(doc)
    plan_appendices(doc)
    return doc


PLAN_BASIC = {"stt": 14, "text": 98, "deadline": 36, "lead": 44, "partners": 60}  # key: width in mm
# the table whose columns the appendix decides: STT, the task's text, then a {%tc for %} loop over the
# further columns (its opening and closing tag cells vanish when rendered); ctt sets the widths once the
# columns are known (render/table_grid.py finds the table by its caption)
WIDE_MARK = "ctt:cot-theo-phu-luc"
WIDE_MM = [12, 202, 4, 30, 4]  # the landscape page's text width, 252 mm


def plan_appendices(doc):
    """Every appendix of the plan ("appendices"), each with its "Phụ lục I/II" line when there
    are several: ctt's five columns ("basic"), or the appendix's own columns in its order ("wide"),
    with its own column titles and its "(1) (2) …" row when it has them."""
    b.landscape_section(doc)
    b.tag(doc, "{%p for a in appendices %}")
    b.tag(doc, "{%p if not loop.first %}")
    b.page_break(doc)
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if a.heading %}")
    b.para(doc, "{{ a.heading }}", bold=True, align=b.CENTER, after=0, keep_next=True)
    b.tag(doc, "{%p endif %}")
    b.para(doc, "{{ a.title }}", bold=True, align=b.CENTER, after=0, keep_next=True)
    b.tag(doc, "{%p if a.subtitle %}")
    b.para(doc, "{{ a.subtitle }}", bold=True, align=b.CENTER, after=0, keep_next=True)
    b.tag(doc, "{%p endif %}")
    b.para(doc, "{{ a.attached }}", italic=True, align=b.CENTER, after=0, keep_next=True)
    b.rule(doc, b.SUBJECT_RULE_MM, b.LANDSCAPE_WIDTH_MM, after=12)
    b.tag(doc, "{%p if a.layout == 'basic' %}")
    b.grid_table(
        doc,
        [f"{{{{ a.titles.{k} }}}}" for k in PLAN_BASIC],
        list(PLAN_BASIC.values()),
        [f"{{{{ t.{k} }}}}" for k in PLAN_BASIC],
        "a.rows",
        group_rows=True,
        number_row=("a.numbers", [f"{{{{ a.numbers.{k} }}}}" for k in PLAN_BASIC]),
        thin_tags=True,  # the tag rows as one cell each: a smaller template renders faster
    )
    b.tag(doc, "{%p else %}")
    wide_table(doc)
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p endfor %}")


def wide_table(doc) -> None:
    """The appendix's own columns: STT, the task's text, and a column loop over the rest."""

    def cells(first: str, second: str, each: str, over: str) -> list[str]:
        return [first, second, f"{{%tc for c in {over} %}}", each, "{%tc endfor %}"]

    table = b.fixed_table(doc, WIDE_MM, 1, borders=True)
    b.caption(table, WIDE_MARK)
    header = table.rows[0]
    b.repeat_header(header)
    b.cant_split(header)
    for cell, text in zip(header.cells, cells("{{ a.columns[0] }}", "{{ a.columns[1] }}", "{{ c }}", "a.columns[2:]")):
        cell.vertical_alignment = b.MIDDLE
        b.para(cell, text, size=12, bold=True, align=b.CENTER, after=0)
    b.row_tag(table, "{%tr if a.numbers %}", thin=True)
    row = b.new_row(table)
    b.cant_split(row)
    for cell, text in zip(row.cells, cells("(1)", "(2)", "({{ loop.index + 2 }})", "a.columns[2:]")):
        b.para(cell, text, size=12, italic=True, align=b.CENTER, after=0)
    b.row_tag(table, "{%tr endif %}", thin=True)
    b.row_tag(table, "{%tr for t in a.rows %}", thin=True)
    b.row_tag(table, "{%tr if t.kind == 'group' %}", thin=True)
    for bold in (True, False):
        row = b.new_row(table)
        b.cant_split(row)
        texts = cells("{{ t.cells[0] }}", "{{ t.cells[1] }}", "{{ c }}", "t.cells[2:]")
        aligns = [b.CENTER, b.LEFT if bold else b.JUSTIFY, b.LEFT, b.LEFT, b.LEFT]
        for cell, text, align in zip(row.cells, texts, aligns):
            b.para(cell, text, size=12, bold=bold, align=align, after=0)
        if bold:
            b.row_tag(table, "{%tr else %}", thin=True)
    b.row_tag(table, "{%tr endif %}", thin=True)
    b.row_tag(table, "{%tr endfor %}", thin=True)


def appendix(doc, headers, widths, cells, *, group_rows=False, total_row=None, centred=(0,)):
    b.landscape_section(doc)
    # NĐ 30: "Phụ lục" (with its Roman number when there are several) on its own line, the
    # title in capitals, the italic "(Kèm theo ...)", then a rule
    b.tag(doc, "{%p if appendix.heading %}")
    b.para(doc, "{{ appendix.heading }}", bold=True, align=b.CENTER, after=0, keep_next=True)
    b.tag(doc, "{%p endif %}")
    b.para(doc, "{{ appendix.title }}", bold=True, align=b.CENTER, after=0, keep_next=True)
    b.tag(doc, "{%p if appendix.subtitle %}")
    b.para(doc, "{{ appendix.subtitle }}", bold=True, align=b.CENTER, after=0, keep_next=True)
    b.tag(doc, "{%p endif %}")
    b.para(doc, "{{ appendix.attached }}", italic=True, align=b.CENTER, after=0, keep_next=True)
    b.rule(doc, b.SUBJECT_RULE_MM, b.LANDSCAPE_WIDTH_MM, after=12)
    b.grid_table(
        doc, headers, widths, cells, "appendix.rows", group_rows=group_rows, total_row=total_row, centred=centred
    )
    b.tag(doc, "{%p if appendix.note %}")
    b.para(doc, "{{ appendix.note }}", size=12, italic=True, before=6)
    b.tag(doc, "{%p endif %}")


def report_like(title: str):
    doc = b.new_document(title)
    b.header_block(doc)
    b.title_block(doc)
    b.kinh_gui_block(doc)
    b.paragraphs_loop(doc, "body")
    b.signature_block(doc)
    return doc


def report_template():
    doc = report_like("{{ meta.title }}")
    appendix(
        doc,
        [
            "STT",
            "Nhiệm vụ",
            "Thời gian thực hiện",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Kết quả, tiến độ",
            "Ghi chú",
        ],
        [12, 74, 30, 34, 34, 34, 34],
        [
            "{{ t.stt }}",
            "{{ t.text }}",
            "{{ t.deadline }}",
            "{{ t.lead }}",
            "{{ t.partners }}",
            "{{ t.result }}",
            "{{ t.note }}",
        ],
    )
    return doc


def assessment_template():
    doc = report_like("{{ meta.title }}")
    appendix(
        doc,
        [
            "STT",
            "Tiêu chí, tiêu chí thành phần",
            "Điểm tối đa",
            "Điểm tự chấm",
            "Tài liệu kiểm chứng",
            "Giải trình, ghi chú",
        ],
        [16, 92, 22, 22, 50, 50],
        ["{{ t.stt }}", "{{ t.title }}", "{{ t.max }}", "{{ t.self }}", "{{ t.evidence }}", "{{ t.explanation }}"],
        group_rows=True,
        total_row=["", "TỔNG CỘNG", "{{ appendix.total_max }}", "{{ appendix.total_self }}", "", ""],
        centred=(0, 2, 3),
    )
    return doc


def registration_template():
    return report_like("{{ meta.title }}")


def review_template():
    doc = report_like("{{ meta.title }}")
    appendix(
        doc,
        [
            "Năm",
            "Hoàn thành đúng hạn",
            "Hoàn thành muộn",
            "Chưa hoàn thành",
            "Tổng điểm tự chấm",
            "Mức độ đạt (mục tiêu)",
            "Ghi chú",
        ],
        [18, 32, 32, 32, 32, 40, 66],
        [
            "{{ t.year }}",
            "{{ t.on_time }}",
            "{{ t.late }}",
            "{{ t.not_done }}",
            "{{ t.total }}",
            "{{ t.level }}",
            "{{ t.note }}",
        ],
        centred=(0, 1, 2, 3, 4, 5),
    )
    # then one table per year: each task of the year and its result
    b.tag(doc, "{%p for y in appendix.years %}")
    b.para(doc, "{{ y.title }}", bold=True, before=12, after=6, keep_next=True)
    b.grid_table(
        doc,
        ["STT", "Nhiệm vụ", "Thời gian thực hiện", "Cơ quan chủ trì", "Kết quả"],
        [12, 106, 40, 44, 50],
        ["{{ t.stt }}", "{{ t.text }}", "{{ t.deadline }}", "{{ t.lead }}", "{{ t.result }}"],
        "y.rows",
    )
    b.tag(doc, "{%p endfor %}")
    return doc


def year_plan_template():
    doc = report_like("{{ meta.title }}")
    appendix(
        doc,
        ["STT", "Nhiệm vụ", "Thời gian thực hiện", "Hạn hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        [12, 92, 36, 30, 38, 44],
        [
            "{{ t.stt }}",
            "{{ t.text }}",
            "{{ t.deadline }}",
            "{{ t.due }}",
            "{{ t.lead }}",
            "{{ t.partners }}",
        ],
        centred=(0, 3),
    )
    return doc


def city_template():
    """The Sở Nội vụ's summary report to the city (ctt render city): a report, then its appendix of
    every commune on a landscape page."""
    doc = b.new_document("{{ meta.title }}")
    b.header_block(doc)
    b.title_block(doc)
    b.kinh_gui_block(doc)
    b.paragraphs_loop(doc, "body")
    b.signature_block(doc)
    appendix(
        doc,
        CITY_COLUMNS,  # the table's header: one list, shared with render/city.py
        [12, 44, 18, 18, 18, 18, 16, 22, 18, 20, 48],
        [
            "{{ t.stt }}",
            "{{ t.name }}",
            "{{ t.kind }}",
            "{{ t.target }}",
            "{{ t.registered }}",
            "{{ t.score }}",
            "{{ t.level }}",
            "{{ t.done }}",
            "{{ t.overdue }}",
            "{{ t.sent }}",
            "{{ t.note }}",
        ],
        centred=(0, 3, 4, 5, 6, 7, 8),
    )
    return doc


TEMPLATES = {
    "ke-hoach.docx": plan_template,
    "bao-cao.docx": report_template,
    "tu-danh-gia.docx": assessment_template,
    "dang-ky.docx": registration_template,
    "so-ket.docx": review_template,
    "ke-hoach-nam.docx": year_plan_template,
}
TEMPLATES["tong-hop.docx"] = city_template  # the city's report: its own line, to merge easily


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates"
    out.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        buf = io.BytesIO()
        build().save(buf)
        # the same tidying as a rendered document: schema order, vi-VN, no thumbnail, fixed zip times
        (out / name).write_bytes(reproducible(buf.getvalue()))
        print(out / name)


if __name__ == "__main__":
    main()
