"""What a deadline phrase means (Rule, Item, Mark) and one time a task falls due (Occurrence).

A Mark is a point or period of a year: the year itself, a half, a quarter, a month, or a day
("Trước ngày 15/11": a cut-off). An Item is one due date: an end Mark, optionally a range start
("Từ tháng 11/2025 đến ...") and a planned date ("Dự kiến ngày ... (Chậm nhất ngày ...)"). A Rule
is the phrase's kind and its items, with the years they apply to.

They are named tuples: immutable, equal and hashed by value, and far cheaper than frozen
dataclasses to define on every cold start (bench/README.md, "Issue 18: value classes").
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ctt_cli.schedule.workdays import DEFAULT, Workdays

ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}
KINDS = ("dated", "continuous", "undated")


class DeadlineError(ValueError):
    """The text is not a deadline at all (empty, no words), or names an impossible date."""


class Mark(NamedTuple):
    """unit: "year", "half", "quarter", "month" or "day". index: the half/quarter/month (for a day:
    its month); None = each of the year. day: the day of month (unit "day"). year: a fixed year,
    None = every year. cut: "end" = the period's last day or the day itself (inclusive);
    "before" = "Trước ngày X" (the plan's before_date setting decides X-1 or X)."""

    unit: str
    index: int | None = None  # type: ignore[assignment]  # shadows tuple.index, which nothing here calls
    day: int | None = None
    year: int | None = None
    cut: str = "end"

    def with_year(self, year: int | None) -> Mark:
        return Mark(self.unit, self.index, self.day, year, self.cut)

    @property
    def position(self) -> tuple[int, int]:
        """(month, day) where the mark's period starts, to order marks within a year."""
        if self.unit == "half":
            return (1 if self.index == 1 else 7, 1)
        if self.unit == "quarter":
            return (3 * (self.index or 1) - 2, 1)
        if self.unit == "month":
            return (self.index or 1, 1)
        if self.unit == "day":
            return (self.index or 1, self.day or 1)
        return (1, 1)


class Item(NamedTuple):
    """One due date: its end (the due), and optionally a window start and a planned date."""

    end: Mark
    start: Mark | None = None
    planned: Mark | None = None


class Rule(NamedTuple):
    """kind: "dated", "continuous" or "undated" (event-bound: no date ctt can compute).
    first_year/last_year bound the years of recurring items ("Giai đoạn 2026-2030", "Năm 2026 và
    các năm tiếp theo"); implied_yearly: a bare "Trước ngày 15/02" read as yearly; reporting: the
    dated reports of a continuous task ("Thường xuyên, định kỳ hằng quý báo cáo"); start: the
    known start of an undated range ("Từ ngày 15/3/2026 đến ngày bầu cử"); years_named: every
    year the phrase writes."""

    phrase: str
    kind: str = "dated"
    items: tuple[Item, ...] = ()
    first_year: int | None = None
    last_year: int | None = None
    open_ended: bool = False
    implied_yearly: bool = False
    reporting: tuple[Item, ...] = ()
    start: dt.date | None = None
    years_named: tuple[int, ...] = ()

    @property
    def continuous(self) -> bool:
        return self.kind == "continuous"

    @property
    def undated(self) -> bool:
        return self.kind == "undated"

    @property
    def years(self) -> tuple[int, ...] | None:
        """The only years with occurrences when the phrase fixes them (None = the plan's years)."""
        if self.kind == "dated" and self.items and all(i.end.year is not None for i in self.items):
            return tuple(sorted({i.end.year for i in self.items if i.end.year is not None}))
        if self.first_year is not None and self.last_year is not None:
            return tuple(range(self.first_year, self.last_year + 1))
        if self.kind == "undated" and self.years_named:
            return tuple(range(min(self.years_named), max(self.years_named) + 1))
        return None

    @property
    def unit(self) -> str:
        """The unit of the first item ("continuous"/"undated" for those kinds)."""
        return self.items[0].end.unit if self.kind == "dated" and self.items else self.kind


class Occurrence(NamedTuple):
    """One time a task falls due. start/end: the window (None when unknown); nominal_due: the due
    date the phrase names, before the day-off move (None when continuous or undated); planned:
    the planned date of a "Dự kiến ... (Chậm nhất ...)" phrase; kind: dated/continuous/undated."""

    task_id: str
    key: str  # stable within the year: "2026", "2026-Q1", "2026-H2", "2026-03"
    label: str  # Vietnamese: "năm 2026", "quý I/2026", "tháng 3/2026"
    start: dt.date | None
    end: dt.date | None
    nominal_due: dt.date | None
    kind: str = "dated"
    planned: dt.date | None = None
    day_off: str = "earlier"
    calendar: Workdays = DEFAULT  # the working days that move the due date

    @property
    def due(self) -> dt.date | None:
        """The due date: the nominal one moved off a day off as the plan's day_off setting says."""
        return self.calendar.shift(self.nominal_due, self.day_off) if self.nominal_due else None

    @property
    def legal_due(self) -> dt.date | None:
        """The legal last day (Điều 148 BLDS: the next working day)."""
        return self.calendar.next_working_day(self.nominal_due) if self.nominal_due else None

    @property
    def shifted(self) -> bool:
        return self.due != self.nominal_due


def month_end(year: int, month: int) -> dt.date:
    # the day before the next month's first: what calendar.monthrange gives, without importing calendar
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def check_date(day: int, month: int, year: int | None = None) -> None:
    try:
        dt.date(year or 2024, month, day)
    except ValueError:
        when = f"{day}/{month}" + (f"/{year}" if year else "")
        raise DeadlineError(f"ngày {when} không có thật") from None


def expand(mark: Mark, year: int, inclusive: bool) -> list[tuple[str, str, dt.date, dt.date, dt.date]]:
    """(key, label, start, end, nominal due) of each period the mark covers in ``year``."""
    if mark.unit == "year":
        return [(f"{year}", f"năm {year}", dt.date(year, 1, 1), dt.date(year, 12, 31), dt.date(year, 12, 31))]
    if mark.unit == "half":
        halves = [
            (1, "đầu", dt.date(year, 1, 1), dt.date(year, 6, 30)),
            (2, "cuối", dt.date(year, 7, 1), dt.date(year, 12, 31)),
        ]
        return [
            (f"{year}-H{h}", f"6 tháng {w} năm {year}", s, e, e) for h, w, s, e in halves if mark.index in (None, h)
        ]
    if mark.unit == "quarter":
        return [
            (
                f"{year}-Q{q}",
                f"quý {ROMAN_OUT[q]}/{year}",
                dt.date(year, 3 * q - 2, 1),
                month_end(year, 3 * q),
                month_end(year, 3 * q),
            )
            for q in range(1, 5)
            if mark.index in (None, q)
        ]
    if mark.unit == "month":
        return [
            (f"{year}-{m:02d}", f"tháng {m}/{year}", dt.date(year, m, 1), month_end(year, m), month_end(year, m))
            for m in range(1, 13)
            if mark.index in (None, m)
        ]
    # a day: a cut-off in the year (index = its month) or in each month (index None)
    out = []
    for m in range(1, 13) if mark.index is None else (mark.index,):
        last = month_end(year, m)
        if (mark.day or 1) > last.day:  # "Trước ngày 29/02" in a common year: the month's last day
            nominal = last
        else:
            nominal = last.replace(day=mark.day or 1)
            if mark.cut == "before" and not inclusive:
                nominal -= dt.timedelta(days=1)
        if mark.index is None:
            out.append((f"{year}-{m:02d}", f"tháng {m}/{year}", dt.date(year, m, 1), last, nominal))
        else:
            out.append((f"{year}", f"năm {year}", dt.date(year, 1, 1), dt.date(year, 12, 31), nominal))
    return out


def start_of(mark: Mark, year: int) -> dt.date:
    """The first day of the mark's period (a day mark: the day itself)."""
    if mark.unit == "day":
        last = month_end(year, mark.index or 1)
        return last.replace(day=min(mark.day or 1, last.day))
    month, day = mark.position
    return dt.date(year, month, day)


def short_label(mark: Mark, year: int, inclusive: bool) -> str:
    if mark.unit == "day":
        return f"{expand(mark.with_year(year), year, inclusive)[0][4]:%d/%m/%Y}"
    if mark.unit == "year":
        return f"năm {year}"
    return expand(mark, year, inclusive)[0][1]
