"""User-facing Vietnamese labels shared by printers and documents."""

from __future__ import annotations

import datetime as dt

STATE_LABELS = {
    "overdue": "quá hạn",
    "due_soon": "sắp đến hạn",
    "upcoming": "chưa đến hạn",
    "done": "hoàn thành",
    "done_late": "hoàn thành muộn",
    "skipped": "không thực hiện",
    "continuous": "thường xuyên",
    "undated": "theo sự kiện / chưa xác định hạn",
    "not_applicable": "không áp dụng năm này",
}
STATE_STYLES = {"overdue": "bold red", "due_soon": "yellow", "done": "green", "done_late": "green",
                "not_applicable": "dim", "undated": "cyan", "skipped": "magenta"}


def vn_date(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def shorten(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def lower_first(text: str) -> str:
    """'Phường Hòa Bình' → 'phường Hòa Bình' (a name inside a sentence)."""
    return text[:1].lower() + text[1:]


def vn_number(x: float | None, sign: bool = False) -> str:
    """8.5 → '8,5' (Vietnamese decimal comma); '' for None; '+2' with ``sign``."""
    if x is None:
        return ""
    return (f"{x:+g}" if sign else f"{x:g}").replace(".", ",")
