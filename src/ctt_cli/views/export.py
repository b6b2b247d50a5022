"""Tables for files: status, score and summary as one table each (a ward column when several wards),
full text, numbers as numbers, dates as dates; written as CSV (UTF-8 with BOM for files, a chosen
separator) or as an Excel workbook (one sheet per view)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from ctt_cli.explain.evidence import evidence_texts
from ctt_cli.explain.labels import STATE_LABELS
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render.appendix import lead_cell
from ctt_cli.scoring import ScoreView
from ctt_cli.status import State, StatusView, role_of
from ctt_cli.views.console import csv_cell, inert
from ctt_cli.views.score_table import appraisal_partial
from ctt_cli.views.status_table import summary


@dataclass
class Sheet:
    name: str  # the Excel sheet's name (≤ 31 characters)
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    caption: str = ""
    illustrative: bool = False


def status_sheet(views: list[tuple[Ward, StatusView, str | None]]) -> Sheet:

    any_unit = any(unit for _, _, unit in views)
    columns = [
        "Phường",
        "Mã",
        "Nhiệm vụ",
        "Thời gian thực hiện",
        "Chủ trì",
        "Phối hợp",
        *(["Vai trò"] if any_unit else []),
        "Kỳ",
        "Bắt đầu",
        "Hạn",
        "Dự kiến",
        "Hạn cuối theo Điều 148",
        "Trạng thái",
        "Tiến độ ghi nhận",
        "Số ngày quá hạn",
        "Số ngày còn lại",
        "Ngày hoàn thành",
        "Chứng cứ",
        "Lý do",
        "Ghi chú",
    ]
    sheet = Sheet("Tiến độ", "", columns)
    captions = []
    for ward, view, unit_id in views:
        groups = {u.id for u in ward.units if u.kind == "nhom"}
        for r in view.rows:
            occ = r.occurrence
            rec = r.record
            row: list[Any] = [
                view.ward,
                r.task.id,
                r.task.text,
                r.task.deadline,
                lead_cell(ward, r.task),
                "; ".join((u.name if (u := ward.unit(p)) else p) for p in r.task.partners),
            ]
            if any_unit:
                part = role_of(r.task, unit_id, groups) if unit_id else None
                row.append(
                    None
                    if part is None
                    else ("chủ trì" if part[0] == "lead" else "phối hợp") + (" (chung)" if part[1] else "")
                )
            legal = occ.legal_due if occ and occ.legal_due != occ.due else None
            row += [
                occ.label if occ else None,
                occ.start if occ else None,
                occ.due if occ else None,
                occ.planned if occ else None,
                legal,
                STATE_LABELS[r.state],
                rec.state if rec else None,
                r.days if r.state in (State.OVERDUE, State.DONE_LATE) else None,
                r.days if r.state in (State.DUE_SOON, State.UPCOMING) else None,
                rec.completed if rec else None,
                "\n".join(evidence_texts(ward, r.record)) or None,
                rec.reason if rec else None,
                rec.note if rec else None,
            ]
            sheet.rows.append(row)
        captions.append(f"{view.ward}: {summary(view)}")
        sheet.title = f"Tình hình thực hiện nhiệm vụ năm {view.year}, tính đến ngày {view.as_of:%d/%m/%Y}"
    sheet.caption = "\n".join(captions)
    return sheet


def score_sheet(views: list[tuple[Ward, ScoreView, ScoreView | None]]) -> Sheet:
    appraisal = any(
        v.appraisal_total is not None
        or any(g.appraisal is not None for g in v.groups)
        or any(r.appraisal is not None for r in v.results)  # a partial appraisal shows too
        for _, v, _ in views
    )
    missing_notes = []
    columns = [
        "Phường",
        "Mã",
        "Cấp",
        "Tiêu chí",
        "Tối đa",
        "Tự chấm",
        "Tỷ lệ (%)",
        *([f"Thẩm định{' (chưa đủ)' if any(appraisal_partial(v) for _, v, _ in views) else ''}"] if appraisal else []),
        "Giải trình",
        "Mức đạt",
        "Mục tiêu",
        "Minh họa",
    ]
    sheet = Sheet("Chấm điểm", "", columns)
    for ward, view, _ in views:
        given = {r.criterion.id: r for r in view.results}
        groups = {g.group.id: g for g in view.groups}
        partial = appraisal_partial(view)  # (appraised points per group and "" for the total, missing)
        if partial:
            missing_notes.append(
                f"{ward.name}: thẩm định chưa đủ, mới có {len(view.results) - len(partial[1])}/{len(view.results)} "
                f"tiêu chí (điểm thẩm định của nhóm và tổng là số đã có); chưa có: {', '.join(partial[1])}"
            )
        extra = [view.level_reached, view.target, "MINH HỌA" if view.illustrative else None]
        for _, crit in view.criteria.walk():
            if crit.id in groups:
                g = groups[crit.id]
                row = [ward.name, crit.id, "nhóm", crit.title, g.max, g.points, round(g.share * 100, 2)]
                if partial:  # the points appraised so far, none when no criterion of the group is
                    appraised = any(
                        r.appraisal is not None and r.criterion.id.startswith(g.group.id + ".") for r in view.results
                    )
                    row += [partial[0].get(g.group.id) if appraised else None] if appraisal else []
                else:
                    row += [g.appraisal] if appraisal else []
                row += [None]
            elif crit.id in given:
                r = given[crit.id]
                row = [
                    ward.name,
                    crit.id,
                    "tiêu chí",
                    crit.title,
                    crit.max,
                    r.points,
                    None if r.points is None or not crit.max else round(r.points / crit.max * 100, 2),
                ]
                row += [r.appraisal] if appraisal else []
                row += [r.score.explanation if r.score else None]
            else:  # a sub-group deeper than the groups
                row = [ward.name, crit.id, "nhóm con", crit.title, crit.max, None, None]
                row += [None] if appraisal else []
                row += [None]
            sheet.rows.append(row + extra)
        total = [
            ward.name,
            None,
            "tổng",
            "TỔNG ĐIỂM",
            view.criteria.max_total,
            view.total,
            round(view.total / view.criteria.max_total * 100, 2) if view.criteria.max_total else None,
        ]
        total += [view.appraisal_total if not partial else partial[0][""]] if appraisal else []
        sheet.rows.append(total + [None] + extra)
        sheet.title = f"Tự đánh giá, chấm điểm năm {view.year}"
        sheet.illustrative = sheet.illustrative or view.illustrative
    notes = list(missing_notes)
    if sheet.illustrative:
        notes.append("MINH HỌA: điểm hoặc bộ tiêu chí là dữ liệu minh họa, không phải kết quả chính thức.")
    sheet.caption = "\n".join(notes)
    return sheet


def summary_sheet(rows: list[dict], year: int, as_of: dt.date) -> Sheet:
    columns = [
        "Phường",
        "Đường dẫn",
        "Lỗi",
        "Cảnh báo",
        "Hoàn thành",
        "Số kỳ",
        "Quá hạn",
        "Sắp đến hạn",
        "Điểm",
        "Mức đạt",
        "Mục tiêu",
        "Đạt mục tiêu",
        "Ghi chú",
    ]
    sheet = Sheet("Tổng hợp", f"Tổng hợp năm {year}, tính đến ngày {as_of:%d/%m/%Y}", columns)
    for r in rows:
        met = r.get("target_met")
        sheet.rows.append(
            [
                r.get("ward"),
                r.get("path"),
                r.get("errors"),
                r.get("warnings"),
                r.get("done"),
                r.get("occurrences"),
                r.get("overdue"),
                r.get("due_soon"),
                r.get("score"),
                r.get("level"),
                r.get("target"),
                None if met is None else ("đạt" if met else "chưa đạt"),
                r.get("note"),
            ]
        )
    return sheet


def _csv_cell(value: Any, decimal_comma: bool) -> Any:
    if isinstance(value, str):
        return csv_cell(value)  # a formula-looking text gets its apostrophe
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return value


def csv_text(sheet: Sheet, sep: str = ",") -> str:
    """One table, every text in full; with ';' as separator, decimals take a comma (Vietnamese Excel)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    writer.writerow(sheet.columns)
    writer.writerows([[_csv_cell(c, sep == ";") for c in r] for r in sheet.rows])
    return buf.getvalue()


def csv_bytes(sheet: Sheet, sep: str = ",") -> bytes:
    """The CSV file: UTF-8 with BOM, so that Excel on Windows reads Vietnamese."""
    return ("\ufeff" + csv_text(sheet, sep)).encode("utf-8")


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    """One worksheet per view: a title row, a bold header, typed cells, a note under the table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name[:31])
        ws.cell(row=1, column=1, value=sheet.title + (" (MINH HỌA)" if sheet.illustrative else "")).font = Font(
            name="Times New Roman", bold=True, size=13, color="C00000" if sheet.illustrative else None
        )
        for i, name in enumerate(sheet.columns, 1):
            cell = ws.cell(row=2, column=i, value=name)
            cell.font = Font(name="Times New Roman", bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            longest = max([len(str(name))] + [len(str(r[i - 1])) for r in sheet.rows if r[i - 1] is not None])
            ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
        for r, row in enumerate(sheet.rows, 3):
            for c, value in enumerate(row, 1):
                cell = inert(ws.cell(row=r, column=c, value=value))
                cell.font = Font(name="Times New Roman")
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
        if sheet.caption:
            ws.cell(row=len(sheet.rows) + 4, column=1, value=sheet.caption).font = Font(
                name="Times New Roman", italic=True
            )
        ws.freeze_panes = "A3"
        ws.auto_filter.ref = f"A2:{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 2}"
        ws.print_title_rows = "2:2"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
