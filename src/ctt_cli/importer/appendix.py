"""Appendix tables: columns recognised by their header words, rows read on the grid with merged
cells filled from the cell above, group rows and repeated header rows told apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ctt_cli.importer.structure import Cell, Row, Table

# role → header words, tried in this order (the first that matches a header cell wins)
ROLES: list[tuple[str, tuple[str, ...]]] = [
    ("stt", ("stt", "tt", "số thứ tự", "số tt")),
    ("partners", ("phối hợp",)),
    ("lead", ("chủ trì", "đơn vị thực hiện", "cơ quan thực hiện", "đơn vị thực hiện", "đơn vị, cơ quan thực hiện")),
    ("result", ("kết quả", "sản phẩm")),
    ("deadline", ("thời gian", "thời hạn", "tiến độ", "hạn hoàn thành")),
    ("text", ("nhiệm vụ", "nội dung", "công việc", "hoạt động", "giải pháp")),
    ("budget", ("kinh phí", "nguồn kinh phí", "dự toán")),
    ("note", ("ghi chú",)),
]
COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$|^\([a-zA-Z0-9]+\)$")
GROUP_STT = re.compile(r"^([IVXL]+|[A-Z])\.?$")


def role_of(text: str) -> str | None:
    low = " ".join(text.lower().split())
    if not low:
        return None
    for role, words in ROLES:
        if role == "stt":
            if low.rstrip(".") in words:
                return role
        elif any(w in low for w in words):
            return role
    return None


def _grid(row: Row, width: int) -> list[Cell | None]:
    out: list[Cell | None] = [None] * width
    for c in row.cells:
        for k in range(c.col, min(c.col + c.span, width)):
            out[k] = c
    return out


def appendix_columns(table: Table) -> dict:
    """columns (role per grid column), header_words, header_rows of a task table."""
    width = table.width
    columns: list[str | None] = [None] * width
    words: list[str] = [""] * width
    rows = 0
    for row in table.rows[:3]:
        grid = _grid(row, width)
        roles = [role_of(c.text) if c else None for c in grid]
        texts = [c.text if c else "" for c in grid]
        if rows and not any(r for r in roles if r) and not all(COLUMN_NUMBERS.match(t) or not t for t in texts):
            break
        if rows and all(COLUMN_NUMBERS.match(t) or not t for t in texts):
            rows += 1
            break
        if not any(roles) and rows == 0:
            break
        for k, role in enumerate(roles):
            cell = grid[k]
            if role and (columns[k] is None or (cell is not None and cell.span == 1)):
                columns[k] = role
                words[k] = texts[k]
        rows += 1
    return {"columns": columns, "header_words": words, "header_rows": rows}


def is_task_table(table: Table) -> bool:
    if len(table.rows) < 2:
        return False
    cols = appendix_columns(table)["columns"]
    return "text" in cols and ("lead" in cols or "deadline" in cols)


@dataclass
class TaskRow:
    values: dict[str, str]  # role → text
    cells: dict[str, list[Cell]]  # role → the source cells (for the report)
    pos: str
    group: bool = False
    extra: dict[int, str] = field(default_factory=dict)  # grid column → text of a column with no role
    stt: str = ""


def task_rows(table: Table, columns: list[str | None], header_rows: int) -> tuple[list[TaskRow], list[Row]]:
    """(rows with their values by role, rows skipped as repeated header or column numbers)."""
    width = len(columns)
    header_texts = [r.texts() for r in table.rows[:header_rows]]
    above: dict[int, str] = {}
    out: list[TaskRow] = []
    skipped: list[Row] = []
    for row in table.rows[header_rows:]:
        if (
            row.texts() in header_texts
            or (row.repeated_header and out == [])
            or all(COLUMN_NUMBERS.match(t) or not t for t in row.texts())
        ):
            skipped.append(row)
            continue
        grid = _grid(row, width)
        values: dict[str, str] = {}
        cells: dict[str, list[Cell]] = {}
        extra: dict[int, str] = {}
        seen: set[int] = set()
        for k, cell in enumerate(grid):
            if cell is None or id(cell) in seen:
                continue
            seen.add(id(cell))
            text = above.get(k, "") if cell.merged_from_above else cell.text
            if not cell.merged_from_above:
                for j in range(cell.col, cell.col + cell.span):
                    above[j] = cell.text
            role = columns[k]
            if role is None:
                if text:
                    extra[k] = text
                continue
            values[role] = (values.get(role, "") + " " + text).strip() if role in values else text
            cells.setdefault(role, []).append(cell)
        real = [c for c in row.cells if c.text]
        if not real:
            skipped.append(row)
            continue
        spans_wide = any(c.span >= max(2, width - 2) for c in real)
        if spans_wide and not values.get("text") and values.get("stt"):  # "I. TUYÊN TRUYỀN" across the row
            values["text"] = values.pop("stt")
            cells["text"] = cells.pop("stt")
        no_cells = not values.get("deadline") and not values.get("lead") and not values.get("partners")
        numbered = GROUP_STT.match(values.get("stt", "")) is not None
        bold = all(p.bold for c in cells.get("text", []) for p in c.paras if p.text)
        group = bool(values.get("text")) and (
            (no_cells and (spans_wide or numbered or all(p.bold for c in real for p in c.paras if p.text)))
            or (numbered and bold)  # "I | NHÓM … | Quý III | Ban …": a group with the deadline and lead it shares
        )
        out.append(
            TaskRow(values=values, cells=cells, pos=row.pos, group=group, extra=extra, stt=values.get("stt", ""))
        )
    return out, skipped
