"""The precomputed holiday table (tools/make_holidays.py) equals the `holidays` package."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import holidays
import pytest

from ctt_cli.schedule import vn_holidays
from ctt_cli.schedule.workdays import Workdays, public_holidays


@pytest.mark.parametrize("year", range(vn_holidays.FIRST, vn_holidays.LAST + 1))
def test_table_equals_package(year):
    expected = frozenset(d for d in holidays.country_holidays("VN", years=[year]) if d.year == year)
    assert public_holidays(year) == expected
    assert len(expected) >= 9  # New Year, Tết, Hùng Kings, 30/4, 1/5, 2/9 at least


def test_outside_the_table_falls_back_to_package():
    year = vn_holidays.LAST + 1
    assert public_holidays(year) == frozenset(holidays.country_holidays("VN", years=[year]).keys())
    assert dt.date(year, 9, 2) in public_holidays(year)


def test_calendar_uses_table_and_plan_days():
    calendar = Workdays.of(days_off=[dt.date(2026, 1, 2)], working_days=[dt.date(2026, 1, 1)])
    assert calendar.is_working_day(dt.date(2026, 1, 1))  # a plan's make-up day beats New Year
    assert not calendar.is_working_day(dt.date(2026, 1, 2))
    assert not Workdays().is_working_day(dt.date(2026, 4, 30))
    assert Workdays().next_working_day(dt.date(2026, 9, 2)) == dt.date(2026, 9, 3)


def test_holidays_package_not_imported_within_range():
    code = (
        "import sys, datetime as dt\n"
        "from ctt_cli.schedule.workdays import Workdays\n"
        "Workdays().is_working_day(dt.date(2027, 2, 8))\n"
        "print('holidays' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
