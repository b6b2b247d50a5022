"""The progress sheet (.xlsx): one row per task occurrence of the year (of one unit, as lead or partner,
when asked), the state as a drop-down, completion date, evidence, reason, note; and reading it back
as record entries, every cell checked in the sheet's own terms ('Tiến độ!G7: …')."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

from ctt_cli.model.progress import Record
from ctt_cli.record import STATES, Entry, RecordError, parse_state
from ctt_cli.views.console import inert

SHEET = "Tiến độ"
META = "ctt"
FONT = "Times New Roman"
HEADER_ROW = 4
COLUMNS = [
    "Mã",
    "Kỳ",
    "Nhiệm vụ",
    "Chủ trì",
    "Vai trò của đơn vị",
    "Hạn",
    "Trạng thái",
    "Ngày hoàn thành",
    "Chứng cứ (mỗi dòng một)",
    "Lý do (khi không thực hiện)",
    "Ghi chú",
    "Người báo cáo",
]
WIDTHS = [7, 10, 60, 24, 14, 12, 16, 14, 36, 28, 28, 20]
INPUTS = range(7, 13)  # G..L


@dataclass
class Line:
    """One row of the sheet: a task occurrence, what is recorded, the unit's role."""

    task: str
    key: str
    label: str
    text: str
    lead: str
    role: str | None
    due: dt.date | None
    record: Record | None


def build_sheet(lines: list[Line], year: int, ward_name: str, unit_name: str | None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    last = get_column_letter(len(COLUMNS))
    ws.merge_cells(f"A1:{last}1")
    ws["A1"] = f"TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ NĂM {year} - {ward_name}" + (f" - {unit_name}" if unit_name else "")
    ws["A1"].font = Font(name=FONT, bold=True, size=14)
    ws.merge_cells(f"A2:{last}2")
    ws["A2"] = (
        "Ô nền vàng là ô nhập: trạng thái chọn trong danh sách; ngày dạng dd/mm/yyyy; ô để trống thì "
        "giữ nguyên dữ liệu đã có. Đọc lại bằng 'ctt progress import'."
    )
    ws["A2"].font = Font(name=FONT, italic=True, size=10)
    for i, name in enumerate(COLUMNS, 1):
        cell = ws.cell(row=HEADER_ROW, column=i, value=name)
        cell.font = Font(name=FONT, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS[i - 1]
    states = DataValidation(type="list", formula1='"' + ",".join(STATES) + '"', allow_blank=True)
    states.error, states.errorTitle = "Chọn một trạng thái trong danh sách", "Trạng thái không hợp lệ"
    dates = DataValidation(
        type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)", allow_blank=True
    )
    dates.error, dates.errorTitle = "Ngày dạng dd/mm/yyyy", "Ngày không hợp lệ"
    ws.add_data_validation(states)
    ws.add_data_validation(dates)
    fill = PatternFill("solid", fgColor="FFF9E5")
    for r, line in enumerate(lines, HEADER_ROW + 1):
        rec = line.record
        values = [
            line.task,
            line.key,
            line.text,
            line.lead,
            line.role,
            line.due,
            rec.state if rec else None,
            rec.completed if rec else None,
            "\n".join(e.document or e.ref or e.text or "" for e in rec.evidence) if rec else None,
            rec.reason if rec else None,
            rec.note if rec else None,
            rec.reported_by if rec else None,
        ]
        for c, value in enumerate(values, 1):
            cell = inert(ws.cell(row=r, column=c, value=value))
            cell.font = Font(name=FONT)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = box
            if isinstance(value, dt.date) or c in (6, 8):
                cell.number_format = "DD/MM/YYYY"
            if c in INPUTS:
                cell.protection = Protection(locked=False)
                cell.fill = fill
        states.add(f"G{r}")
        dates.add(f"H{r}")
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True
    meta = wb.create_sheet(META)
    meta["A1"], meta["B1"] = "year", year
    meta["A2"], meta["B2"] = "kind", "progress"
    meta.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


class SheetError(Exception):
    """Not a progress sheet of this year."""


def _date(raw, where: str, problems: list[str]) -> dt.date | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text) or None
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(text)
    except ValueError:
        problems.append(f"{where}: '{text}' không phải ngày (dạng 13/11/2026)")
        return None


def _text(raw) -> str | None:
    text = "" if raw is None else str(raw).strip()
    return text or None


def read_sheet(data: bytes, year: int, known: dict[tuple[str, str], int]) -> tuple[list[tuple[int, Entry]], list[str]]:
    """The entries the sheet asks to record (with their row), and the problems. ``known`` maps each
    (task, occurrence key) of the year to its number of occurrences that year."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not .xlsx
        raise SheetError(f"không đọc được tệp Excel: {exc}") from None
    if SHEET not in wb.sheetnames:
        raise SheetError(f"không có trang tính '{SHEET}' (tệp không do 'ctt progress sheet' tạo ra?)")
    if META in wb.sheetnames and wb[META]["B1"].value not in (None, year):
        raise SheetError(f"bảng tiến độ năm {wb[META]['B1'].value}, không phải năm {year}")
    ws = wb[SHEET]
    entries: list[tuple[int, Entry]] = []
    problems: list[str] = []
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        task = _text(ws.cell(row=r, column=1).value)
        if not task:
            continue
        key = _text(ws.cell(row=r, column=2).value) or str(year)
        if (task, key) not in known:
            problems.append(f"{SHEET}!A{r}: nhiệm vụ {task} kỳ {key} không có trong năm {year}")
            continue
        raw_state = _text(ws.cell(row=r, column=7).value)
        if raw_state is None:
            continue
        try:
            state = parse_state(raw_state)
        except RecordError as exc:
            problems.append(f"{SHEET}!G{r}: {exc}")
            continue
        completed = _date(ws.cell(row=r, column=8).value, f"{SHEET}!H{r}", problems)
        evidence = _text(ws.cell(row=r, column=9).value)
        entry = Entry(
            task,
            state,
            key if known[(task, key)] > 1 else None,
            completed,
            evidence.splitlines() if evidence else None,
            _text(ws.cell(row=r, column=10).value),
            _text(ws.cell(row=r, column=11).value),
            _text(ws.cell(row=r, column=12).value),
        )
        if state != "hoàn thành":
            entry.completed = None
        entries.append((r, entry))
    return entries, problems
