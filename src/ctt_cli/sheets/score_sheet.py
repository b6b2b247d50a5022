"""The Biểu chấm điểm as an Excel workbook (openpyxl): one row per criterion, SUM formulas for the
groups and the total, input cells unlocked and validated, the rest locked; A4 print setup."""

from __future__ import annotations

import io
from dataclasses import dataclass

from ctt_cli.model.criteria import Criterion
from ctt_cli.scoring import ScoreView
from ctt_cli.views.console import inert
from ctt_cli.vn.words import vn_number

SHEET = "Biểu chấm điểm"
META = "ctt"
FONT = "Times New Roman"
PASS, FAIL = "Đạt", "Không đạt"
HEADER_ROW = 5
COLUMNS = ["STT", "Tiêu chí / tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình"]
APPRAISAL = "Điểm thẩm định"
WIDTHS = [8, 60, 10, 11, 36, 36, 11]


@dataclass(frozen=True)
class Layout:
    """Where things are: the row of every criterion (import reads the sheet by these)."""

    rows: dict[str, int]
    total_row: int
    appraisal: bool


def evidence_text(evidence) -> str:
    """A score's evidence list as one cell: one line per item."""
    return "\n".join(e.document or e.ref or e.text or "" for e in evidence)


def has_appraisal(view: ScoreView) -> bool:
    return any(s.appraisal is not None or s.appraisal_passed is not None for s in view.scores.scores)


def _term(col: str, crit: Criterion, row: int) -> str:
    """The points one child adds to its parent's SUM."""
    if crit.is_leaf and crit.scoring.kind == "pass_fail":
        return f'IF({col}{row}="{PASS}",C{row},0)'
    return f"{col}{row}"


def _sum_formula(col: str, crit: Criterion, rows: dict[str, int]) -> str:
    terms = [_term(col, c, rows[c.id]) for c in crit.children]
    plain = all(t == f"{col}{rows[c.id]}" for t, c in zip(terms, crit.children))
    first, last = rows[crit.children[0].id], rows[crit.children[-1].id]
    contiguous = plain and last - first + 1 == len(terms) and all(not c.children for c in crit.children)
    body = f"SUM({col}{first}:{col}{last})" if contiguous else f"SUM({','.join(terms)})"
    return f"=MIN({body},C{rows[crit.id]})" if crit.cap else f"={body}"


def _walk(items: list[Criterion], depth: int = 0):
    for c in items:
        yield depth, c
        yield from _walk(c.children, depth + 1)


def build_sheet(view: ScoreView, ward_name: str) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    appraisal = has_appraisal(view)
    columns = COLUMNS + ([APPRAISAL] if appraisal else [])
    last_col = get_column_letter(len(columns))
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    open_cell = Protection(locked=False)
    input_fill = PatternFill("solid", fgColor="FFF9E5")

    def put(row: int, col: int, value, *, bold=False, italic=False, color=None, size=12, align=wrap, formula=False):
        cell = ws.cell(row=row, column=col, value=value)
        if not formula:
            inert(cell)  # data text that starts with '=' is text, never a formula Excel runs
        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic, color=color)
        cell.alignment = align
        return cell

    ws.merge_cells(f"A1:{last_col}1")
    put(1, 1, f'BIỂU CHẤM ĐIỂM "CHÍNH QUYỀN THÂN THIỆN" NĂM {view.year}', bold=True, size=14, align=center)
    ws.merge_cells(f"A2:{last_col}2")
    put(
        2,
        1,
        f"{ward_name} - Bộ tiêu chí: {view.criteria.source.title} ({view.criteria.source.number})",
        italic=True,
        align=center,
    )
    ws.merge_cells(f"A3:{last_col}3")
    if view.illustrative:
        notices = [
            n
            for n in (
                view.criteria.notice if view.criteria.illustrative else None,
                view.scores.notice if view.scores.status == "illustrative" else None,
            )
            if n
        ]
        put(3, 1, "MINH HỌA - " + " ".join(notices), bold=True, color="C00000", align=center)
        ws.row_dimensions[3].height = 45
        ws.oddHeader.center.text = "MINH HỌA - KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC"
    ws.merge_cells(f"A4:{last_col}4")
    put(
        4,
        1,
        "Ô nền vàng là ô nhập; các ô khác bị khóa (Review > Unprotect Sheet để mở, không cần mật khẩu).",
        italic=True,
        size=10,
    )
    for i, name in enumerate(columns, 1):
        put(HEADER_ROW, i, name, bold=True, align=center).border = box
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS[i - 1]

    given = {s.criterion: s for s in view.scores.scores}
    order = list(_walk(view.criteria.groups))
    rows = {c.id: HEADER_ROW + 1 + i for i, (_, c) in enumerate(order)}
    total_row = HEADER_ROW + 1 + len(order)
    for depth, crit in order:
        r = rows[crit.id]
        bold = not crit.is_leaf
        put(r, 1, crit.id, bold=bold, align=center)
        put(r, 2, crit.title, bold=bold).alignment = Alignment(wrap_text=True, vertical="top", indent=depth)
        put(r, 3, crit.max, bold=bold, align=center)
        score = given.get(crit.id)
        if not crit.is_leaf:
            put(r, 4, _sum_formula("D", crit, rows), bold=True, align=center, formula=True)
            if appraisal:
                put(r, 7, _sum_formula("G", crit, rows), bold=True, align=center, formula=True)
        else:
            _leaf_inputs(ws, put, crit, score, r, appraisal, DataValidation)
            for col in [4, 5, 6] + ([7] if appraisal else []):
                ws.cell(row=r, column=col).protection = open_cell
                ws.cell(row=r, column=col).fill = input_fill
        for col in range(1, len(columns) + 1):
            ws.cell(row=r, column=col).border = box
            ws.cell(row=r, column=col).number_format = "0.##" if col in (3, 4, 7) else "General"
    put(total_row, 2, "TỔNG ĐIỂM", bold=True)
    put(
        total_row,
        3,
        f"=SUM({','.join(f'C{rows[g.id]}' for g in view.criteria.groups)})",
        bold=True,
        align=center,
        formula=True,
    )
    put(
        total_row,
        4,
        f"=SUM({','.join(f'D{rows[g.id]}' for g in view.criteria.groups)})",
        bold=True,
        align=center,
        formula=True,
    )
    if appraisal:
        put(
            total_row,
            7,
            f"=SUM({','.join(f'G{rows[g.id]}' for g in view.criteria.groups)})",
            bold=True,
            align=center,
            formula=True,
        )
    for col in range(1, len(columns) + 1):
        ws.cell(row=total_row, column=col).border = box
    _levels(view, put, total_row)

    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "Trang &P / &N"
    ws.protection.sheet = True  # no password: the office may unprotect it to fix the structure

    meta = wb.create_sheet(META)
    for i, (k, v) in enumerate(
        [("year", view.year), ("criteria_set", view.criteria.id), ("ward", ward_name), ("appraisal", int(appraisal))], 1
    ):
        meta.cell(row=i, column=1, value=k)
        meta.cell(row=i, column=2, value=v)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _leaf_inputs(ws, put, crit: Criterion, score, r: int, appraisal: bool, DataValidation) -> None:
    kind, step = crit.scoring.kind, crit.scoring.step
    if kind == "pass_fail":
        self_value = None if score is None or score.passed is None else (PASS if score.passed else FAIL)
        appr = None if score is None or score.appraisal_passed is None else (PASS if score.appraisal_passed else FAIL)
        rule = f"{PASS} hoặc {FAIL}"
    else:
        self_value = score.self_score if score else None
        appr = score.appraisal if score else None
        rule = (
            f"0 hoặc {vn_number(crit.max)} (đủ điểm hoặc không)"
            if kind == "full"
            else f"0 ≤ điểm ≤ {vn_number(crit.max)}, bước {vn_number(step)}"
        )
    for col in ["D", "G"] if appraisal else ["D"]:
        if kind == "pass_fail":
            dv = DataValidation(type="list", formula1=f'"{PASS},{FAIL}"', allow_blank=True)
        elif kind == "full":
            dv = DataValidation(type="list", formula1=f'"0,{vn_number(crit.max).replace(",", ".")}"', allow_blank=True)
        else:
            cell = f"{col}{r}"
            dv = DataValidation(
                type="custom",
                allow_blank=True,
                formula1=f"AND(ISNUMBER({cell}),{cell}>=0,{cell}<=C{r},"
                f"ROUND({cell}/{step},6)=INT(ROUND({cell}/{step},6)))",
            )
        dv.error = f"Điểm tiêu chí {crit.id}: {rule}"
        dv.errorTitle = "Điểm không hợp lệ"
        dv.prompt = rule
        dv.showErrorMessage = True
        dv.showInputMessage = True
        ws.add_data_validation(dv)
        dv.add(f"{col}{r}")
    put(r, 4, _number(self_value), align=_center())
    put(r, 5, evidence_text(score.evidence) if score else None)
    put(r, 6, score.explanation if score else None)
    if appraisal:
        put(r, 7, _number(appr), align=_center())


def _center():
    from openpyxl.styles import Alignment

    return Alignment(horizontal="center", vertical="top")


def _number(x):
    return int(x) if isinstance(x, float) and x.is_integer() else x


def _levels(view: ScoreView, put, total_row: int) -> None:
    r = total_row + 2
    put(r, 2, "NGƯỠNG MỨC ĐỘ (theo bộ tiêu chí)", bold=True)
    put(r, 3, "Tổng tối thiểu", bold=True)
    put(r, 4, "Đạt ngưỡng tổng điểm?", bold=True)
    put(r, 5, "Điều kiện khác", bold=True)
    for rule in sorted(view.criteria.levels, key=lambda x: x.level):
        r += 1
        put(r, 1, rule.level)
        put(r, 2, f"Mức {rule.level}" + (f": {rule.name}" if rule.name else ""))
        put(r, 3, _number(rule.min_total))
        put(r, 4, f'=IF(D{total_row}>=C{r},"Đạt","Chưa đạt")', formula=True)
        extra = []
        if rule.min_group_share:
            extra.append(f"mỗi nhóm ≥ {vn_number(rule.min_group_share * 100)}% điểm tối đa")
        extra += [f"nhóm {g} ≥ {vn_number(s * 100)}%" for g, s in rule.group_shares.items()]
        if rule.required:
            extra.append("bắt buộc đạt: " + ", ".join(rule.required))
        put(r, 5, "; ".join(extra) or None)
    r += 2
    reached = view.level_reached
    put(r, 2, "Mức độ đạt được (ctt tính khi xuất biểu, theo điểm tự chấm và mọi điều kiện)", bold=True)
    put(r, 3, reached if reached is not None else "chưa đạt mức nào", bold=True)
    if view.target:
        put(r + 1, 2, "Mục tiêu của kế hoạch năm")
        put(r + 1, 3, view.target)
