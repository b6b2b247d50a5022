"""The deadline grammar on phrases written the way real plans write them (issue 11).

Each row: a phrase, its kind, and for each year the (nominal due, due) of every occurrence under the
defaults (before_date strict, day_off earlier, plan period 2025-2030 and the years after). The
expected dates are worked out by hand from the calendar: weekends, Tết (2025: 27/01-01/02,
2026: 16-20/02, 2027: 04-10/02, 2028: 24-29/01), 30/4-1/5, 2/9 and the other public holidays.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ctt_cli.schedule import DeadlineError, Workdays, normalize, occurrences, parse
from ctt_cli.schedule.describe import explain

PERIOD = (2025, 2030, True)


def D(text: str) -> dt.date:
    day, month, year = map(int, text.split("/"))
    return dt.date(year, month, day)


def same(text: str) -> tuple[dt.date, dt.date]:
    """A nominal due that is a working day: due = nominal."""
    return D(text), D(text)


def moved(nominal: str, due: str) -> tuple[dt.date, dt.date]:
    return D(nominal), D(due)


NONE = [(None, None)]
QUARTERS_2026 = [same("31/03/2026"), same("30/06/2026"), same("30/09/2026"), same("31/12/2026")]
QUARTERS_2025 = [same("31/03/2025"), same("30/06/2025"), same("30/09/2025"), same("31/12/2025")]

TABLE: list[tuple[str, str, dict[int, list]]] = [
    # period ends
    ("Hằng năm", "dated", {2026: [same("31/12/2026")], 2027: [same("31/12/2027")]}),
    ("Hàng năm", "dated", {2025: [same("31/12/2025")], 2028: [moved("31/12/2028", "29/12/2028")]}),
    ("HẰNG NĂM.", "dated", {2026: [same("31/12/2026")], 2027: [same("31/12/2027")]}),
    ("Năm 2026", "dated", {2026: [same("31/12/2026")], 2027: []}),
    ("2027", "dated", {2026: [], 2027: [same("31/12/2027")]}),
    ("Hoàn thành trong năm 2025", "dated", {2025: [same("31/12/2025")], 2026: []}),
    ("Trong năm 2028", "dated", {2027: [], 2028: [moved("31/12/2028", "29/12/2028")]}),
    ("Cuối năm 2026", "dated", {2025: [], 2026: [same("31/12/2026")]}),
    ("Trong tháng 12/2025", "dated", {2025: [same("31/12/2025")], 2026: []}),
    ("Tháng 4/2026", "dated", {2026: [moved("30/04/2026", "29/04/2026")], 2027: []}),
    ("tháng 4 năm 2027", "dated", {2026: [], 2027: [moved("30/04/2027", "29/04/2027")]}),
    ("Tháng 4 - 2028", "dated", {2028: [moved("30/04/2028", "28/04/2028")], 2027: []}),
    ("Tháng 1/2028", "dated", {2028: [same("31/01/2028")], 2026: []}),
    ("Trong tháng 9/2025", "dated", {2025: [same("30/09/2025")], 2026: []}),
    ("Quý III Năm 2026", "dated", {2026: [same("30/09/2026")], 2027: []}),
    ("Quí IV-2025", "dated", {2025: [same("31/12/2025")], 2026: []}),
    ("Quý 2/2027", "dated", {2027: [same("30/06/2027")], 2026: []}),
    ("quý I năm 2028", "dated", {2028: [same("31/03/2028")], 2027: []}),
    ("Quý IV / 2026", "dated", {2026: [same("31/12/2026")], 2025: []}),
    ("6 tháng đầu năm", "dated", {2026: [same("30/06/2026")], 2027: [same("30/06/2027")]}),
    ("6 tháng cuối năm", "dated", {2026: [same("31/12/2026")], 2028: [moved("31/12/2028", "29/12/2028")]}),
    ("Sáu tháng đầu năm 2027", "dated", {2026: [], 2027: [same("30/06/2027")]}),
    ("6 tháng đầu năm 2028", "dated", {2028: [same("30/06/2028")], 2027: []}),
    ("Tháng 9 hằng năm", "dated", {2025: [same("30/09/2025")], 2026: [same("30/09/2026")]}),
    (
        "Tháng 8 hàng năm",
        "dated",
        {2025: [moved("31/08/2025", "29/08/2025")], 2026: [moved("31/08/2026", "28/08/2026")]},
    ),  # 31/08/2026: day off
    ("Quý II hằng năm", "dated", {2026: [same("30/06/2026")], 2027: [same("30/06/2027")]}),
    ("Quý 3 hằng năm", "dated", {2026: [same("30/09/2026")], 2027: [same("30/09/2027")]}),
    ("Hằng quý", "dated", {2025: QUARTERS_2025, 2026: QUARTERS_2026}),
    ("Mỗi quý", "dated", {2025: QUARTERS_2025, 2026: QUARTERS_2026}),
    ("Năm 2028 (năm nhuận)", "dated", {2028: [moved("31/12/2028", "29/12/2028")], 2027: []}),
    # cut-offs: "Trước ngày" is exclusive (strict), the others inclusive
    (
        "Trước ngày 15/11 hằng năm",
        "dated",
        {2026: [moved("14/11/2026", "13/11/2026")], 2027: [moved("14/11/2027", "12/11/2027")]},
    ),
    ("trước ngày 15 / 11 hàng năm;", "dated", {2026: [moved("14/11/2026", "13/11/2026")], 2028: [same("14/11/2028")]}),
    (
        "Trước ngày 15/02",
        "dated",
        {2026: [moved("14/02/2026", "13/02/2026")], 2027: [moved("14/02/2027", "12/02/2027")]},
    ),
    ("Chậm nhất ngày 10/12/2025", "dated", {2025: [same("10/12/2025")], 2026: []}),
    ("Không quá ngày 30/4/2026", "dated", {2026: [moved("30/04/2026", "29/04/2026")], 2025: []}),
    ("Hạn chót: 02/9/2027", "dated", {2027: [moved("02/09/2027", "01/09/2027")], 2026: []}),
    (
        "Trước hoặc trong ngày 15/11 hằng năm",
        "dated",
        {2026: [moved("15/11/2026", "13/11/2026")], 2027: [same("15/11/2027")]},
    ),
    ("Trước ngày 01/05/2026", "dated", {2026: [moved("30/04/2026", "29/04/2026")], 2027: []}),
    ("Trước ngày 3/9/2025", "dated", {2025: [moved("02/09/2025", "29/08/2025")], 2026: []}),
    ("Trước ngày 29/02 hằng năm", "dated", {2028: [same("28/02/2028")], 2027: [moved("28/02/2027", "26/02/2027")]}),
    ("Chậm nhất là ngày 31/12/2026", "dated", {2026: [same("31/12/2026")], 2027: []}),
    ("Không muộn hơn ngày 15/6/2027", "dated", {2027: [same("15/06/2027")], 2026: []}),
    ("Trước ngày 10 tháng 10 năm 2026", "dated", {2026: [same("09/10/2026")], 2025: []}),
    ("Hạn chót ngày 24/11/2026", "dated", {2026: [moved("24/11/2026", "23/11/2026")], 2027: []}),
    ("Đến hết ngày 31/3/2027", "dated", {2027: [same("31/03/2027")], 2026: []}),
    ("Chậm nhất ngày 08/02/2027", "dated", {2027: [moved("08/02/2027", "03/02/2027")], 2026: []}),  # Tết
    ("Trước ngày 29/01/2028", "dated", {2028: [moved("28/01/2028", "21/01/2028")], 2027: []}),  # Tết
    ("Trước ngày 15/02/2025", "dated", {2025: [same("14/02/2025")], 2026: []}),
    ("Hằng năm (trước ngày 15/12)", "dated", {2026: [same("14/12/2026")], 2027: [same("14/12/2027")]}),
    ("Quý IV/2026 (trước ngày 20/12)", "dated", {2026: [moved("19/12/2026", "18/12/2026")], 2027: []}),
    (
        "Hằng năm, trước ngày 15/11",
        "dated",
        {2026: [moved("14/11/2026", "13/11/2026")], 2027: [moved("14/11/2027", "12/11/2027")]},
    ),
    ("Cuối quý IV/2026", "dated", {2026: [same("31/12/2026")], 2027: []}),
    (
        "6 tháng/lần",
        "dated",
        {2026: [same("30/06/2026"), same("31/12/2026")], 2028: [same("30/06/2028"), moved("31/12/2028", "29/12/2028")]},
    ),
    # several occurrences
    (
        "Tháng 3, 6, 9, 12 hằng năm",
        "dated",
        {
            2025: [same("31/03/2025"), same("30/06/2025"), same("30/09/2025"), same("31/12/2025")],
            2026: [same("31/03/2026"), same("30/06/2026"), same("30/09/2026"), same("31/12/2026")],
        },
    ),
    ("Quý I/2026 và hằng năm", "dated", {2025: [], 2026: [same("31/03/2026")], 2027: [same("31/03/2027")]}),
    ("Năm 2027 và năm 2030", "dated", {2027: [same("31/12/2027")], 2028: [], 2030: [same("31/12/2030")]}),
    ("Quý IV/2025 và Quý I/2026", "dated", {2025: [same("31/12/2025")], 2026: [same("31/03/2026")]}),
    (
        "Tháng 6 và tháng 12 hằng năm",
        "dated",
        {2026: [same("30/06/2026"), same("31/12/2026")], 2028: [same("30/06/2028"), moved("31/12/2028", "29/12/2028")]},
    ),
    (
        "Quý II, quý IV hằng năm",
        "dated",
        {2025: [same("30/06/2025"), same("31/12/2025")], 2026: [same("30/06/2026"), same("31/12/2026")]},
    ),
    (
        "Trước ngày 15/3 và trước ngày 15/9 hằng năm",
        "dated",
        {
            2026: [moved("14/03/2026", "13/03/2026"), same("14/09/2026")],
            2027: [moved("14/03/2027", "12/03/2027"), same("14/09/2027")],
        },
    ),
    ("Quý III và quý IV/2026", "dated", {2026: [same("30/09/2026"), same("31/12/2026")], 2027: []}),
    ("Năm 2026; năm 2028", "dated", {2026: [same("31/12/2026")], 2027: [], 2028: [moved("31/12/2028", "29/12/2028")]}),
    ("2026, 2027", "dated", {2026: [same("31/12/2026")], 2027: [same("31/12/2027")]}),
    # ranges: the due date is the end of the window
    ("Tháng 10-11/2026", "dated", {2026: [same("30/11/2026")], 2027: []}),
    ("Từ tháng 11/2025 đến tháng 4/2026", "dated", {2025: [], 2026: [moved("30/04/2026", "29/04/2026")]}),
    ("Từ tháng 12/2025 đến quý I/2026", "dated", {2025: [], 2026: [same("31/03/2026")]}),
    ("Quý IV/2025- Quý II/2026", "dated", {2025: [], 2026: [same("30/06/2026")]}),
    ("Từ ngày 05/12/2025 đến ngày 20/02/2026", "dated", {2025: [], 2026: [moved("20/02/2026", "13/02/2026")]}),
    (
        "Trong khoảng thời gian từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026",
        "dated",
        {2025: [], 2026: [moved("01/02/2026", "30/01/2026")]},
    ),
    (
        "Từ tháng 3 đến tháng 11 hằng năm",
        "dated",
        {2025: [moved("30/11/2025", "28/11/2025")], 2026: [same("30/11/2026")]},
    ),
    (
        "Từ tháng 11 đến tháng 2 hằng năm",
        "dated",
        {2027: [moved("28/02/2027", "26/02/2027")], 2028: [same("29/02/2028")]},
    ),
    ("Từ ngày 01/6/2026 đến ngày 31/8/2026", "dated", {2026: [moved("31/08/2026", "28/08/2026")], 2027: []}),
    ("Từ quý I đến quý III/2027", "dated", {2026: [], 2027: [same("30/09/2027")]}),
    (
        "Từ 15/7 đến 15/8 hằng năm",
        "dated",
        {2026: [moved("15/08/2026", "14/08/2026")], 2027: [moved("15/08/2027", "13/08/2027")]},
    ),
    ("Từ ngày 20/12/2026 đến ngày 10/01/2027", "dated", {2026: [], 2027: [moved("10/01/2027", "08/01/2027")]}),
    # open-ended recurrence and year spans
    ("Năm 2026 và các năm tiếp theo", "dated", {2025: [], 2026: [same("31/12/2026")], 2031: [same("31/12/2031")]}),
    ("Quý IV năm 2025 và các năm tiếp theo", "dated", {2025: [same("31/12/2025")], 2026: [same("31/12/2026")]}),
    (
        "Giai đoạn 2026-2030 và những năm tiếp theo",
        "dated",
        {2025: [], 2026: [same("31/12/2026")], 2031: [same("31/12/2031")]},
    ),
    ("2026 - 2030", "dated", {2025: [], 2026: [same("31/12/2026")], 2031: []}),
    ("Từ năm 2026 - 2030", "dated", {2025: [], 2030: [same("31/12/2030")], 2031: []}),
    ("Giai đoạn 2027–2029", "dated", {2026: [], 2028: [moved("31/12/2028", "29/12/2028")], 2030: []}),
    ("Từ năm 2027 trở đi", "dated", {2026: [], 2027: [same("31/12/2027")], 2031: [same("31/12/2031")]}),
    ("Tháng 12 năm 2026 và các năm tiếp theo", "dated", {2025: [], 2027: [same("31/12/2027")]}),
    (
        "Từ tháng 11/2025 đến tháng 4/2026 và các năm tiếp theo",
        "dated",
        {2025: [], 2026: [moved("30/04/2026", "29/04/2026")], 2027: [moved("30/04/2027", "29/04/2027")]},
    ),
    # planned date with a hard limit: the hard limit is the due date
    (
        "Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử)",
        "dated",
        {2025: [same("10/12/2025")], 2026: []},
    ),
    ("Dự kiến tháng 3/2026 (chậm nhất ngày 15/4/2026)", "dated", {2026: [same("15/04/2026")], 2025: []}),
    ("Dự kiến ngày 20/4/2026 (hạn chót 30/4/2026)", "dated", {2026: [moved("30/04/2026", "29/04/2026")]}),
    # continuous, alone or with a reporting rhythm
    ("Thường xuyên", "continuous", {2026: NONE, 2027: NONE}),
    ("Thực hiện thường xuyên", "continuous", {2026: NONE, 2031: NONE}),
    ("Thường xuyên, hằng năm", "continuous", {2025: NONE, 2026: NONE}),
    (
        "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính",
        "continuous",
        {2026: NONE + QUARTERS_2026, 2025: NONE + QUARTERS_2025},
    ),
    (
        "Thường xuyên; báo cáo 6 tháng đầu năm",
        "continuous",
        {2026: NONE + [same("30/06/2026")], 2028: NONE + [same("30/06/2028")]},
    ),
    (
        "Liên tục, báo cáo trước ngày 15/11 hằng năm",
        "continuous",
        {2026: NONE + [moved("14/11/2026", "13/11/2026")], 2028: NONE + [same("14/11/2028")]},
    ),
    # event-bound: no date ctt can compute
    ("Khi có phát sinh", "undated", {2026: NONE, 2027: NONE}),
    ("Theo kế hoạch công tác tư pháp hàng năm", "undated", {2026: NONE, 2030: NONE}),
    ("Sau khi Nghị định … ban hành", "undated", {2025: NONE, 2026: NONE}),
    ("Từ ngày 15/3/2026 đến ngày bầu cử", "undated", {2025: [], 2026: NONE, 2027: []}),
    ("Theo tiến độ của Thành phố", "undated", {2026: NONE, 2027: NONE}),
    ("Ngay sau khi có văn bản hướng dẫn", "undated", {2026: NONE, 2027: NONE}),
    ("Theo yêu cầu của cấp trên", "undated", {2026: NONE, 2028: NONE}),
    ("Khi có chỉ đạo của UBND Thành phố", "undated", {2026: NONE, 2027: NONE}),
]


def dues(phrase: str, year: int, **kw) -> list[tuple[dt.date | None, dt.date | None]]:
    _, found = explain(phrase, [year], period=kw.pop("period", PERIOD), **kw)
    return [(o.nominal_due, o.due) for _, o in found]


def test_table_is_large_and_distinct() -> None:
    assert len(TABLE) >= 80
    assert len({p for p, _, _ in TABLE}) == len(TABLE)
    assert len({normalize(p) for p, _, _ in TABLE}) >= 80  # spelling variants aside


@pytest.mark.parametrize(("phrase", "kind", "expected"), TABLE, ids=[p[:40] for p, _, _ in TABLE])
def test_phrase(phrase: str, kind: str, expected: dict[int, list]) -> None:
    rule = parse(phrase)
    assert rule.kind == kind
    assert rule.phrase == phrase  # kept exactly as written
    for year, want in expected.items():
        assert dues(phrase, year) == want, year


def test_ranges_keep_their_window() -> None:
    _, found = explain("Từ tháng 11/2025 đến tháng 4/2026", [2026], period=PERIOD)
    occ = found[0][1]
    assert (occ.start, occ.nominal_due, occ.due) == (D("01/11/2025"), D("30/04/2026"), D("29/04/2026"))
    _, found = explain("Từ tháng 11 đến tháng 2 hằng năm", [2027], period=PERIOD)
    assert found[0][1].start == D("01/11/2026")


def test_planned_and_hard_limit_are_both_kept() -> None:
    data, _ = explain(
        "Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử)", [2025], period=PERIOD
    )
    assert data["occurrences"] == [
        {
            "year": 2025,
            "label": "năm 2025",
            "start": "2025-01-01",
            "due": "2025-12-10",
            "nominal_due": "2025-12-10",
            "planned": "2025-12-05",
        }
    ]


def test_undated_keeps_a_known_start() -> None:
    rule = parse("Từ ngày 15/3/2026 đến ngày bầu cử")
    assert rule.kind == "undated" and rule.start == D("15/03/2026")
    assert parse("Khi có phát sinh").start is None


@pytest.mark.parametrize(
    ("phrase", "year", "later", "none"),
    [
        ("Trước ngày 15/11 hằng năm", 2026, "16/11/2026", "14/11/2026"),
        ("Tháng 4/2026", 2026, "04/05/2026", "30/04/2026"),  # 30/4, 1/5, weekend
        ("Trước ngày 15/02", 2026, "23/02/2026", "14/02/2026"),  # weekend, then Tết 16-20/02
        ("6 tháng cuối năm", 2028, "02/01/2029", "31/12/2028"),  # Sunday, then New Year's Day
        ("Tháng 8 hằng năm", 2026, "03/09/2026", "31/08/2026"),  # 31/8, 1/9, 2/9
        ("Hạn chót: 02/9/2027", 2027, "06/09/2027", "02/09/2027"),  # 2/9, 3/9, weekend
    ],
)
def test_day_off_settings(phrase: str, year: int, later: str, none: str) -> None:
    ((nominal, earlier),) = dues(phrase, year)
    assert dues(phrase, year, day_off="later") == [(nominal, D(later))]
    assert dues(phrase, year, day_off="none") == [(nominal, D(none))]
    assert earlier < nominal < D(later)  # the default errs early, the Civil Code reading late


@pytest.mark.parametrize(
    ("phrase", "year", "strict", "inclusive"),
    [
        ("Trước ngày 15/11 hằng năm", 2027, moved("14/11/2027", "12/11/2027"), same("15/11/2027")),
        ("Trước ngày 29/02 hằng năm", 2028, same("28/02/2028"), same("29/02/2028")),
        ("Trước ngày 29/02 hằng năm", 2026, moved("28/02/2026", "27/02/2026"), moved("28/02/2026", "27/02/2026")),
        ("Trước ngày 01/05/2026", 2026, moved("30/04/2026", "29/04/2026"), moved("01/05/2026", "29/04/2026")),
        ("Chậm nhất ngày 10/12/2025", 2025, same("10/12/2025"), same("10/12/2025")),  # inclusive anyway
    ],
)
def test_before_settings(phrase: str, year: int, strict, inclusive) -> None:
    assert dues(phrase, year) == [strict]
    assert dues(phrase, year, inclusive=True) == [inclusive]


def test_open_ended_period() -> None:
    assert dues("Hằng năm", 2031, period=(2026, 2030, True)) == [same("31/12/2031")]
    assert dues("Hằng năm", 2031, period=(2026, 2030, False)) == []
    assert dues("Hằng năm", 2025, period=(2026, 2030, True)) == []
    # fixed years are computed whatever the period (validate warns, W502)
    assert dues("Năm 2032", 2032, period=(2026, 2030, False)) == [same("31/12/2032")]


def test_plan_calendar_days_off_and_make_up_days() -> None:
    rule = parse("Trước ngày 15/11 hằng năm")
    extra_off = Workdays.of(days_off=[D("13/11/2026")])
    assert occurrences(rule, "T", 2026, calendar=extra_off)[0].due == D("12/11/2026")
    make_up = Workdays.of(working_days=[D("14/11/2026")])  # a Saturday worked in exchange
    assert occurrences(rule, "T", 2026, calendar=make_up)[0].due == D("14/11/2026")
    assert occurrences(rule, "T", 2026, calendar=make_up, day_off="later")[0].due == D("14/11/2026")


def test_legal_due_is_the_civil_code_reading() -> None:
    occ = occurrences(parse("Trước ngày 15/11 hằng năm"), "T", 2026)[0]
    assert (occ.due, occ.nominal_due, occ.legal_due) == (D("13/11/2026"), D("14/11/2026"), D("16/11/2026"))


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "   ",
        "...",
        "12345",
        "Trước ngày 31/02",
        "Tháng 13 hằng năm",
        "Quý V/2026",
        "Trước ngày 30 hằng tháng",
        "Từ tháng 5/2026 đến tháng 2/2026",
        "Giai đoạn 2030-2026",
        "Chậm nhất ngày 29/02/2027",
    ],
)
def test_not_a_deadline(phrase: str) -> None:
    with pytest.raises(DeadlineError):
        parse(phrase)


def test_implied_yearly_and_years_named() -> None:
    assert parse("Trước ngày 15/02").implied_yearly
    assert parse("Quý II").implied_yearly
    assert not parse("Quý II hằng năm").implied_yearly
    assert not parse("6 tháng đầu năm").implied_yearly
    assert parse("Quý IV năm 2025 và các năm tiếp theo").years_named == (2025,)
    assert parse("Giai đoạn 2026-2030").years_named == (2026, 2030)


@pytest.mark.parametrize(
    ("phrase", "first"),
    [
        ("Từ ngày 15/3/2026 đến ngày bầu cử", "Từ ngày 15/3/2026 đến ngày …"),
        ("Tuần đầu tiên của tháng 1 hằng năm", "Tháng 1 hằng năm"),
        ("Sau lễ tổng kết quý iv/2026", "Quý IV/2026"),
        ("Theo kế hoạch công tác tư pháp hàng năm", "Hằng năm"),
        ("Khi có phát sinh", None),
    ],
)
def test_hints_for_undated_phrases_are_dated_forms(phrase: str, first: str | None) -> None:
    from ctt_cli.schedule import suggestions

    hints = suggestions(phrase)
    assert parse(phrase).kind == "undated" and 1 <= len(hints) <= 3
    if first:
        assert hints[0] == first
    for hint in hints:
        if "…" not in hint:
            assert parse(hint).kind == "dated", hint
