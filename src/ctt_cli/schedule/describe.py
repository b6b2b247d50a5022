"""How ctt reads a phrase, in Vietnamese: the rule, and the occurrences of some years
(the core of `ctt deadline`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ctt_cli.schedule.grammar import parse
from ctt_cli.schedule.occur import occurrences
from ctt_cli.schedule.rules import ROMAN_OUT, Item, Mark, Rule
from ctt_cli.schedule.workdays import DEFAULT, Workdays

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
DAY_OFF_TEXT = {
    "earlier": "hạn rơi vào ngày nghỉ thì lùi về ngày làm việc liền trước",
    "later": "hạn rơi vào ngày nghỉ thì dời sang ngày làm việc kế tiếp (Điều 148 BLDS)",
    "none": "hạn rơi vào ngày nghỉ vẫn giữ nguyên",
}


def _mark_text(mark: Mark, inclusive: bool, plain: bool = False) -> str:
    every = " hằng năm" if mark.year is None else ""
    year = f"/{mark.year}" if mark.year else ""
    if mark.unit == "year":
        return f"năm {mark.year}" if mark.year else "hằng năm"
    if mark.unit == "half":
        if mark.index is None:
            return "mỗi 6 tháng"
        return f"6 tháng {'đầu' if mark.index == 1 else 'cuối'} năm" + (f" {mark.year}" if mark.year else every)
    if mark.unit == "quarter":
        return f"quý {ROMAN_OUT[mark.index]}{year}{every}" if mark.index else "hằng quý"
    if mark.unit == "month":
        return f"tháng {mark.index}{year}{every}" if mark.index else "hằng tháng"
    when = f"ngày {mark.day:02d}" + (f"/{mark.index:02d}{year}{every}" if mark.index else " hằng tháng")
    if mark.cut == "before":
        return f"trước {when} (hạn là {'chính ngày đó' if inclusive else 'ngày liền trước'})"
    return when if plain else f"chậm nhất {when}"


def _item_text(item: Item, inclusive: bool) -> str:
    end = _mark_text(item.end, inclusive)
    if item.planned is not None:
        return f"dự kiến {_mark_text(item.planned, True, plain=True)}, hạn chót {_mark_text(item.end, True, True)}"
    if item.start is not None:
        return f"từ {_mark_text(item.start, True, True)} đến {_mark_text(item.end, inclusive, True)} (hạn là ngày cuối)"
    if item.end.unit != "day":
        return f"{end} (hạn là ngày cuối kỳ)"
    return end


def rule_text(rule: Rule, inclusive: bool = False) -> str:
    """The rule in Vietnamese."""
    if rule.undated:
        text = "theo sự kiện: ctt không tính được hạn (không bao giờ quá hạn; ghi thêm 'due' để có hạn)"
        return text + (f"; bắt đầu {rule.start:%d/%m/%Y}" if rule.start else "")
    if rule.continuous:
        text = "thường xuyên, không có hạn"
        if rule.reporting:
            text += "; báo cáo định kỳ: " + "; ".join(_item_text(i, inclusive) for i in rule.reporting)
        return text
    text = "; ".join(_item_text(i, inclusive) for i in rule.items)
    if rule.first_year is not None and rule.open_ended:
        text += f"; từ năm {rule.first_year} và các năm tiếp theo"
    elif rule.first_year is not None:
        text += f"; các năm {rule.first_year}-{rule.last_year}"
    if rule.implied_yearly:
        text += " (không ghi 'hằng năm': ctt hiểu là hằng năm)"
    return text


def covers(year: int, start: int, end: int | None, open_ended: bool) -> bool:
    return year >= start and (end is None or open_ended or year <= end)


def explain(
    phrase: str,
    years: list[int],
    *,
    period: tuple[int, int | None, bool],
    inclusive: bool = False,
    day_off: str = "earlier",
    calendar: Workdays = DEFAULT,
) -> tuple[dict[str, Any], list]:
    """The JSON of `ctt deadline` and the occurrences behind it. Raises DeadlineError."""
    rule = parse(phrase)
    found = []
    for year in years:
        if not (covers(year, *period) or rule.years is not None):
            continue
        found += [
            (year, o) for o in occurrences(rule, "-", year, inclusive=inclusive, day_off=day_off, calendar=calendar)
        ]

    def iso(day: dt.date | None) -> str | None:
        return day.isoformat() if day else None

    data = {
        "phrase": phrase,
        "kind": rule.kind,
        "rule": rule_text(rule, inclusive),
        "occurrences": [
            {
                "year": y,
                "label": o.label,
                "start": iso(o.start),
                "due": iso(o.due),
                "nominal_due": iso(o.nominal_due),
                "planned": iso(o.planned),
            }
            for y, o in found
        ],
    }
    return data, found


def day_text(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day:%d/%m/%Y}"
