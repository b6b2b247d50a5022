"""The working-day calendar: the one place that knows which days are days off.

Public holidays come from the ``holidays`` package (Vietnam, lunar ones included) through
``public_holidays`` — the only function that touches the package. For the years of
``vn_holidays`` (generated from the package by tools/make_holidays.py, checked against it by a
test) the precomputed table answers and the package is not imported (bench/README.md). A plan (or a city) adds what the package cannot know in advance: extra days
off and make-up working days (the government's yearly Tết swaps).

Three ways to treat a due date that falls on a day off (``settings.day_off``):

- ``earlier`` (default): the previous working day — never after the date the plan names;
- ``later``: the next working day — Bộ luật Dân sự 2015, Điều 148 (the legal last day);
- ``none``: no move.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ctt_cli.schedule import vn_holidays

DAY_OFF_MODES = ("earlier", "later", "none")


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[dt.date]:
    """Vietnam's public holidays of ``year`` (the only access to the ``holidays`` package)."""
    if vn_holidays.FIRST <= year <= vn_holidays.LAST:
        return frozenset(dt.date(year, month, day) for month, day in vn_holidays.DAYS[year])
    import holidays

    return frozenset(holidays.country_holidays("VN", years=[year]).keys())


class Workdays(NamedTuple):
    """Working days: Monday–Friday that are not public holidays, corrected by a plan's own lists."""

    days_off: frozenset[dt.date] = frozenset()
    working_days: frozenset[dt.date] = frozenset()

    @classmethod
    def of(cls, days_off: Iterable[dt.date] = (), working_days: Iterable[dt.date] = ()) -> Workdays:
        return _cached(frozenset(days_off), frozenset(working_days))

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.working_days:
            return True
        if day in self.days_off:
            return False
        return day.weekday() < 5 and day not in public_holidays(day.year)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The day itself when it is a working day, else the next one (Điều 148 BLDS)."""
        return _step(self, day, 1)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The day itself when it is a working day, else the previous one."""
        return _step(self, day, -1)

    def shift(self, day: dt.date, mode: str = "earlier") -> dt.date:
        if mode == "none":
            return day
        return self.previous_working_day(day) if mode == "earlier" else self.next_working_day(day)


@lru_cache(maxsize=32)
def _cached(days_off: frozenset[dt.date], working_days: frozenset[dt.date]) -> Workdays:
    return Workdays(days_off, working_days)


@lru_cache(maxsize=8192)
def _step(calendar: Workdays, day: dt.date, step: int) -> dt.date:
    for _ in range(60):  # the longest run of days off (Tết plus weekends) is far shorter
        if calendar.is_working_day(day):
            return day
        day += dt.timedelta(days=step)
    return day


DEFAULT = Workdays()


def plan_workdays(plan) -> Workdays:
    """The calendar a plan's settings describe (extra days off, make-up working days)."""
    settings = getattr(plan, "settings", None)
    if settings is None:
        return DEFAULT
    return Workdays.of(getattr(settings, "days_off", ()) or (), getattr(settings, "working_days", ()) or ())


def is_working_day(day: dt.date) -> bool:
    return DEFAULT.is_working_day(day)


def next_working_day(day: dt.date) -> dt.date:
    return DEFAULT.next_working_day(day)


def previous_working_day(day: dt.date) -> dt.date:
    return DEFAULT.previous_working_day(day)
