"""Vietnamese writing of dates, numbers and names inside sentences."""

from __future__ import annotations

import datetime as dt


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
