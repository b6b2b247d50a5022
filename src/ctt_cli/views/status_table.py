"""Status view → table / json / csv / md."""

from __future__ import annotations

from typing import Any

from ctt_cli.explain.evidence import evidence_texts
from ctt_cli.explain.labels import STATE_LABELS, shift_word
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render.appendix import lead_cell
from ctt_cli.status import State, StatusRow, StatusView, role_of
from ctt_cli.views.console import print_blocks, print_table, table_width
from ctt_cli.vn.words import shorten, vn_date

STATE_STYLES = {
    State.OVERDUE: "bold red",
    State.DUE_SOON: "yellow",
    State.DONE: "green",
    State.DONE_LATE: "green",
    State.NOT_APPLICABLE: "dim",
    State.UNDATED: "cyan",
    State.SKIPPED: "magenta",
}


def _days(row: StatusRow) -> str:
    if row.days is None:
        return ""
    if row.state == State.OVERDUE:
        return f"quá {row.days} ngày"
    if row.state == State.DONE_LATE:
        return f"muộn {row.days} ngày"
    return f"còn {row.days} ngày"


def _due(row: StatusRow) -> str:
    occ = row.occurrence
    if occ is None:
        return ""
    if occ.kind == "undated":
        return "theo sự kiện"
    if occ.due is None:
        return "không có hạn"
    text = vn_date(occ.due)
    if occ.planned:
        text = f"dự kiến {vn_date(occ.planned)}; chậm nhất {text}"
    notes = []
    if occ.shifted:
        notes.append(f"{shift_word(occ)} từ {vn_date(occ.nominal_due)}, ngày nghỉ")
    if occ.legal_due != occ.due:
        notes.append(f"Điều 148 BLDS: {vn_date(occ.legal_due)}")
    return text + (f" ({'; '.join(notes)})" if notes else "")


def _note(ward: Ward, row: StatusRow) -> str:
    parts = evidence_texts(ward, row.record)
    if row.before_issue and row.state in (State.OVERDUE, State.SKIPPED):
        parts.append("đã quá hạn khi ban hành kế hoạch")
    if row.record and row.record.state == "đang thực hiện":
        parts.append("đang thực hiện")
    if row.record and row.record.reason:
        parts.append(f"lý do: {row.record.reason}")
    if row.state == State.NOT_APPLICABLE:
        parts.append(f"hạn: {row.task.deadline}")
    return "; ".join(parts)


def row_dict(ward: Ward, row: StatusRow, role: tuple[str, bool] | None = None) -> dict[str, Any]:
    occ = row.occurrence
    lead = ward.unit(row.task.leads[0]) if row.task.leads else None
    return {
        "task": row.task.id,
        "text": row.task.text,
        "deadline": row.task.deadline,
        "lead": row.task.lead,
        "lead_name": lead.name if lead else row.task.lead_text,
        "partners": list(row.task.partners),
        "occurrence": occ.key if occ else None,
        "label": occ.label if occ else None,
        "kind": occ.kind if occ else None,
        "start": occ.start.isoformat() if occ and occ.start else None,
        "due": occ.due.isoformat() if occ and occ.due else None,
        "nominal_due": occ.nominal_due.isoformat() if occ and occ.nominal_due else None,
        "legal_due": occ.legal_due.isoformat() if occ and occ.legal_due else None,
        "planned": occ.planned.isoformat() if occ and occ.planned else None,
        "state": row.state,
        "state_label": STATE_LABELS[row.state],
        "days_overdue": row.days if row.state in (State.OVERDUE, State.DONE_LATE) else None,
        "days_left": row.days if row.state in (State.DUE_SOON, State.UPCOMING) else None,
        "before_issue": row.before_issue,
        "completed": row.record.completed.isoformat() if row.record and row.record.completed else None,
        "evidence": evidence_texts(ward, row.record),
        "note": row.record.note if row.record else None,
        "progress_state": row.record.state if row.record else None,
        "reason": row.record.reason if row.record else None,
        "role": role[0] if role else None,  # with --unit: lead / partner
        "role_shared": role[1] if role else None,  # given to a group the unit belongs to
    }


def _role(ward: Ward, row: StatusRow, unit_id: str | None) -> tuple[str, bool] | None:
    """With --unit: the unit's role in the task, and whether it is given to a group the unit belongs to."""
    if not unit_id:
        return None
    return role_of(row.task, unit_id, {u.id for u in ward.units if u.kind == "nhom"})


def summary(view: StatusView) -> str:
    counts = view.counts()
    tasks = len({r.task.id for r in view.rows})
    parts = [f"{n} {STATE_LABELS[s]}" for s, n in counts.items()]
    return f"{tasks} nhiệm vụ, {len(view.rows)} dòng: " + ", ".join(parts) if parts else "không có nhiệm vụ nào"


WIDE = 120  # below this many columns, one block per task instead of a table


def _title(ward: Ward, view: StatusView, unit_id: str | None, role: str) -> str:
    title = f"{view.ward}: nhiệm vụ năm {view.year}, tính đến ngày {vn_date(view.as_of)}"
    if unit_id:
        unit = ward.unit(unit_id)
        who = {"lead": "chủ trì", "partner": "phối hợp", "any": "chủ trì hoặc phối hợp"}[role]
        title += f"\nĐơn vị: {unit.name if unit else unit_id} ({who}; '(chung)': giao chung cho các cơ quan, đơn vị)"
    return title


def _caption(view: StatusView) -> str:
    caption = summary(view)
    if view.issued_on:
        caption += (
            f". Ngày ban hành kế hoạch: {'không sớm hơn ' if view.issued_estimated else ''}{vn_date(view.issued_on)}"
        )
    return caption


def _print_blocks(ward: Ward, view: StatusView, unit_id: str | None, role: str, groups: set[str]) -> None:
    """The status on a narrow terminal: per task its state, text, due date and period, and the lead
    (the unit's role instead under --unit, where the lead is not the point)."""
    blocks = []
    for r in view.rows:
        days = _days(r)
        head = f"{r.task.id:<4} {STATE_LABELS[r.state]}" + (f", {days}" if days else "")
        lines = [head, shorten(r.task.text, 160)]
        when = _due(r)
        period = r.occurrence.label if r.occurrence else ""
        lines.append(f"Hạn: {when}" + (f" · Kỳ: {period}" if period else "") if when else f"Kỳ: {period}")
        if unit_id:
            part = role_of(r.task, unit_id, groups)
            label = "chủ trì" if part and part[0] == "lead" else "phối hợp"
            lines.append(f"Vai trò: {label}" + (" (chung)" if part and part[1] else ""))
        else:
            lines.append(f"Chủ trì: {lead_cell(ward, r.task)}")
        note = _note(ward, r)
        if note:
            lines.append(f"Ghi chú: {note}")
        blocks.append(lines)
    print_blocks(
        _title(ward, view, unit_id, role), blocks, _caption(view), [STATE_STYLES.get(r.state) for r in view.rows]
    )


def print_status(views: list[tuple[Ward, StatusView, str | None]], fmt: str, role: str) -> None:
    if fmt == "json":
        first = views[0][1] if views else None
        data = {
            "year": first.year if first else None,
            "as_of": first.as_of.isoformat() if first else None,
            "due_within": first.due_within if first else None,
            "wards": [
                {
                    "ward": view.ward,
                    "path": ward.display,
                    "unit": unit_id,
                    "issued_on": view.issued_on.isoformat() if view.issued_on else None,
                    "issued_on_estimated": view.issued_estimated,
                    "counts": view.counts(),
                    "rows": [row_dict(ward, r, _role(ward, r, unit_id)) for r in view.rows],
                }
                for ward, view, unit_id in views
            ],
        }
        print_table([], [], "json", data=data)
        return
    narrow = fmt == "table" and table_width() < WIDE
    for ward, view, unit_id in views:
        groups = {u.id for u in ward.units if u.kind == "nhom"}
        if narrow:
            _print_blocks(ward, view, unit_id, role, groups)
            continue
        columns = ["Mã", "Nhiệm vụ", "Chủ trì", "Kỳ", "Hạn", "Trạng thái", "Còn/quá", "Chứng cứ, ghi chú"]
        if unit_id:
            columns.insert(3, "Vai trò")
        rows, styles = [], []
        for r in view.rows:
            row = [
                r.task.id,
                shorten(r.task.text, 60),
                lead_cell(ward, r.task),
                r.occurrence.label if r.occurrence else "",
                _due(r),
                STATE_LABELS[r.state],
                _days(r),
                _note(ward, r),
            ]
            if unit_id:
                part = role_of(r.task, unit_id, groups)
                label = "chủ trì" if part and part[0] == "lead" else "phối hợp"
                row.insert(3, f"{label} (chung)" if part and part[1] else label)
            rows.append(row)
            styles.append(STATE_STYLES.get(r.state))
        title, caption = _title(ward, view, unit_id, role), _caption(view)
        print_table(columns, rows, fmt, title=title, caption=caption, styles=styles)
