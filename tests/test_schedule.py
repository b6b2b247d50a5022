"""Deadline phrases → windows and due dates (Civil Code rules, Vietnamese holidays)."""

from __future__ import annotations

import datetime as dt

import pytest

from ctt_cli.schedule import DeadlineError, next_working_day, occurrences, parse

D = dt.date


def occ(phrase: str, year: int, inclusive: bool = False):
    return [(o.key, o.start, o.nominal_due, o.due) for o in occurrences(parse(phrase), "T", year, inclusive=inclusive)]


@pytest.mark.parametrize(
    ("phrase", "year", "expected"),
    [
        ("Hằng năm", 2026, [("2026", D(2026, 1, 1), D(2026, 12, 31), D(2026, 12, 31))]),
        ("Hàng năm", 2027, [("2027", D(2027, 1, 1), D(2027, 12, 31), D(2027, 12, 31))]),
        # strict: before 15/11 = 14/11, a Saturday in 2026 -> the Friday before, 13/11 (day_off: earlier)
        ("Trước ngày 15/11 hằng năm", 2026, [("2026", D(2026, 1, 1), D(2026, 11, 14), D(2026, 11, 13))]),
        ("TRƯỚC NGÀY 15/11 HÀNG NĂM", 2027, [("2027", D(2027, 1, 1), D(2027, 11, 14), D(2027, 11, 12))]),
        ("Trước ngày 15/11 hằng năm", 2028, [("2028", D(2028, 1, 1), D(2028, 11, 14), D(2028, 11, 14))]),
        # 14/02/2026 is a Saturday, then Tết (16-20/02/2026): due Monday 23/02
        # 14/02/2026 is a Saturday (Tết 16-20/02 follows): due Friday 13/02, never after the plan's date
        ("Trước ngày 15/02", 2026, [("2026", D(2026, 1, 1), D(2026, 2, 14), D(2026, 2, 13))]),
        ("Tháng 12 hằng năm", 2026, [("2026-12", D(2026, 12, 1), D(2026, 12, 31), D(2026, 12, 31))]),
        ("Năm 2027 và năm 2030", 2026, []),
        ("Năm 2027 và năm 2030", 2030, [("2030", D(2030, 1, 1), D(2030, 12, 31), D(2030, 12, 31))]),
        ("Quý I/2027", 2027, [("2027-Q1", D(2027, 1, 1), D(2027, 3, 31), D(2027, 3, 31))]),
        ("Quý I/2027", 2026, []),
        ("6 tháng đầu năm", 2026, [("2026-H1", D(2026, 1, 1), D(2026, 6, 30), D(2026, 6, 30))]),
        # 31/12/2028 is a Sunday -> Friday 29/12/2028
        ("6 tháng cuối năm", 2028, [("2028-H2", D(2028, 7, 1), D(2028, 12, 31), D(2028, 12, 29))]),
        ("Trước ngày 30/6/2027", 2027, [("2027", D(2027, 1, 1), D(2027, 6, 29), D(2027, 6, 29))]),
        ("Thường xuyên", 2026, [("2026", D(2026, 1, 1), None, None)]),
        # leap years: "before 29/02" is 28/02 in both; inclusive keeps 29/02 in 2028
        ("Trước ngày 29/02 hằng năm", 2028, [("2028", D(2028, 1, 1), D(2028, 2, 28), D(2028, 2, 28))]),
    ],
)
def test_phrases(phrase: str, year: int, expected) -> None:
    assert occ(phrase, year) == expected


def test_inclusive_setting() -> None:
    assert occ("Trước ngày 15/11 hằng năm", 2028, inclusive=True)[0][2:] == (D(2028, 11, 15), D(2028, 11, 15))
    assert occ("Trước ngày 29/02 hằng năm", 2028, inclusive=True)[0][2] == D(2028, 2, 29)
    assert occ("Trước ngày 29/02 hằng năm", 2026, inclusive=True)[0][2] == D(2026, 2, 28)


def test_quarterly_and_monthly() -> None:
    quarters = occ("Hằng quý", 2026)
    assert [q[0] for q in quarters] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert quarters[1][1:] == (D(2026, 4, 1), D(2026, 6, 30), D(2026, 6, 30))
    months = occ("Hằng tháng", 2026)
    assert len(months) == 12
    assert months[0][3] == D(2026, 1, 30)  # 31/01/2026 is a Saturday
    twentieth = occ("Trước ngày 20 hằng tháng", 2026)
    assert twentieth[0][2:] == (D(2026, 1, 19), D(2026, 1, 19))
    assert twentieth[1][2:] == (D(2026, 2, 19), D(2026, 2, 13))  # Tết 16-20/02, weekend 14-15/02


def test_implied_yearly_is_flagged() -> None:
    assert parse("Trước ngày 15/02").implied_yearly
    assert not parse("Trước ngày 15/11 hằng năm").implied_yearly


@pytest.mark.parametrize(
    "phrase",
    ["Trước ngày 31/02", "Tháng 13 hằng năm", "Quý V/2026", "Trước ngày 30 hằng tháng", "", "  ", "...", "12345"],
)
def test_unknown_or_impossible_phrases(phrase: str) -> None:
    with pytest.raises(DeadlineError):
        parse(phrase)


def test_words_without_a_date_are_undated_not_errors() -> None:
    assert parse("Khi nào xong").kind == "undated"
    assert parse("sớm nhất có thể").kind == "undated"


def test_working_days() -> None:
    assert next_working_day(D(2026, 9, 2)) == D(2026, 9, 3)  # Quốc khánh
    assert next_working_day(D(2026, 4, 30)) == D(2026, 5, 4)  # 30/4, 1/5, weekend
    assert next_working_day(D(2026, 11, 25)) == D(2026, 11, 25)
