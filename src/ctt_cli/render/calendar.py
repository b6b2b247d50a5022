"""Task occurrences → an iCalendar file (RFC 5545) that Outlook, Google Calendar and phones import.

Each occurrence with a due date is an all-day VEVENT on that date with an alarm
some days before. Continuous and undated (event-bound) occurrences have no date and are left
out of the file (`ctt status` lists them). UIDs are stable (plan id, task id, occurrence key), so importing
again updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt

from ctt_cli.explain.labels import shift_word
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render.appendix import lead_cell, party_names
from ctt_cli.settings import source_date_epoch
from ctt_cli.status import StatusView
from ctt_cli.vn.words import shorten, vn_date


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continuation lines starting with a space (RFC 5545 §3.1)."""
    out: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not out else 74
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = ch
        else:
            current += ch
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def stamp() -> str:
    """DTSTAMP: now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = source_date_epoch()
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None else dt.datetime.now(dt.UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def calendar(items: list[tuple[Ward, StatusView]], alarm_days: int = 3, ward_names: bool | None = None) -> bytes:
    """The .ics of the occurrences with a due date; ``ward_names`` (default: when there are several
    wards) puts the ward's name before each event's title."""
    if ward_names is None:
        ward_names = len(items) > 1
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ctt//Chinh quyen than thien//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Chính quyền thân thiện",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]
    now = stamp()
    for ward, view in items:
        plan_id = ward.plan.id if ward.plan else ward.root.name
        for row in view.rows:
            occ = row.occurrence
            if occ is None or occ.due is None:
                continue
            task = row.task
            lead = lead_cell(ward, task)
            partners = party_names(ward, list(task.partners))
            description = [
                task.text,
                f"Thời gian thực hiện: {task.deadline}",
                f"Kỳ: {occ.label}",
                f"Hạn: {vn_date(occ.due)}"
                + (f" ({shift_word(occ)} từ {vn_date(occ.nominal_due)}, ngày nghỉ)" if occ.shifted else "")
                + (f"; hạn cuối theo Điều 148 BLDS: {vn_date(occ.legal_due)}" if occ.legal_due != occ.due else ""),
                f"Cơ quan chủ trì: {lead}",
            ]
            if occ.planned:
                description.insert(3, f"Dự kiến: {vn_date(occ.planned)}")
            if partners:
                description.append(f"Cơ quan phối hợp: {partners}")
            description.append(f"Kế hoạch: {ward.name}")
            end = occ.due + dt.timedelta(days=1)
            title = f"[{task.id}] Hạn: {shorten(task.text, 80)}"
            if ward_names:
                title = f"{ward.name} – {title}"
            event = [
                "BEGIN:VEVENT",
                f"UID:{plan_id}-{task.id}-{occ.key}@ctt",
                f"DTSTAMP:{now}",
                f"DTSTART;VALUE=DATE:{occ.due:%Y%m%d}",
                f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                f"SUMMARY:{_escape(title)}",
                f"DESCRIPTION:{_escape(chr(10).join(description))}",
                f"CATEGORIES:{_escape(lead)}",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{_escape(f'Còn {alarm_days} ngày: [{task.id}] {shorten(task.text, 60)}')}",
                f"TRIGGER:-P{alarm_days}D",
                "END:VALARM",
                "END:VEVENT",
            ]
            lines += event
    lines.append("END:VCALENDAR")
    return ("\r\n".join(part for line in lines for part in _fold(line)) + "\r\n").encode("utf-8")
