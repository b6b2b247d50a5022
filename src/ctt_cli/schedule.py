"""Deadline phrases → rules → occurrences with windows and due dates.

The YAML keeps each task's deadline exactly as the appendix writes it
("Trước ngày 15/11 hằng năm"); this module parses it into a Rule and computes,
for a given year, the occurrences of the task: their window (start, due).

Due dates follow the Civil Code (Bộ luật Dân sự 2015): a period ends at the end
of its last day (Điều 148); "Trước ngày X" ends on X-1 (strict, the default) or
on X (inclusive, a plan setting); a last day that falls on a weekend or a
Vietnamese public holiday moves to the next working day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}

ACCEPTED_FORMS = (
    "Thường xuyên",
    "Hằng năm",
    "Trước ngày 15/11 hằng năm",
    "Trước ngày 15/02 (với repeat: yearly)",
    "Trước ngày 30/6/2027",
    "Tháng 12 hằng năm",
    "Tháng 6/2027",
    "Năm 2027 và năm 2030",
    "Quý I/2027",
    "Quý II hằng năm",
    "Hằng quý",
    "6 tháng đầu năm / 6 tháng cuối năm",
    "Hằng tháng",
    "Trước ngày 20 hằng tháng",
)


class DeadlineError(ValueError):
    """The phrase is not one of the accepted forms, or names an impossible date."""


@dataclass(frozen=True)
class Rule:
    """What a deadline phrase means.

    unit: the period each occurrence covers ("year", "half", "quarter", "month"), or
    "continuous". which: the halves/quarters/months of a year that have an occurrence
    (None = all). years: the only years with occurrences (None = every year of the
    plan). before: a "Trước ngày" cut-off (day, month), month None = in each month.
    implied_yearly: a bare "Trước ngày 15/02", read as yearly.
    """

    phrase: str
    unit: str
    which: tuple[int, ...] | None = None
    years: tuple[int, ...] | None = None
    before: tuple[int, int | None] | None = None
    implied_yearly: bool = False

    @property
    def continuous(self) -> bool:
        return self.unit == "continuous"


@dataclass(frozen=True)
class Occurrence:
    """One time a task falls due: its window and due date (None when continuous)."""

    task_id: str
    key: str  # stable within the year: "2026", "2026-Q1", "2026-H2", "2026-03"
    label: str  # Vietnamese: "năm 2026", "quý I/2026", "tháng 3/2026"
    start: dt.date
    end: dt.date  # end of the period the occurrence belongs to
    nominal_due: dt.date | None  # the due date before the working-day shift; None when continuous

    @property
    def due(self) -> dt.date | None:
        """The due date: the nominal one, moved to the next working day (computed on demand:
        the holiday calendar is loaded only by the commands that need it)."""
        return next_working_day(self.nominal_due) if self.nominal_due else None

    @property
    def shifted(self) -> bool:
        return self.due != self.nominal_due


def normalize(phrase: str) -> str:
    text = unicodedata.normalize("NFC", phrase).casefold()
    text = text.replace("hàng", "hằng").replace("quí", "quý")
    text = re.sub(r"\s*/\s*", "/", text)
    return re.sub(r"\s+", " ", text).strip(" .;,")


_D = r"(\d{1,2})"
_Y = r"(\d{4})"
_Q = r"(i{1,3}|iv|[1-4])"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"thường xuyên"), "continuous"),
    (re.compile(r"hằng năm"), "yearly"),
    (re.compile(rf"trước ngày {_D}/{_D}/{_Y}"), "before_date"),
    (re.compile(rf"trước ngày {_D}/{_D}( hằng năm)?"), "before_yearly"),
    (re.compile(rf"trước ngày {_D} hằng tháng"), "before_monthly"),
    (re.compile(r"hằng tháng"), "monthly"),
    (re.compile(r"hằng quý"), "quarterly"),
    (re.compile(rf"quý {_Q}(?:/{_Y}| năm {_Y}| hằng năm)"), "quarter"),
    (re.compile(rf"tháng {_D}(?:/{_Y}| năm {_Y}| hằng năm)"), "month"),
    (re.compile(r"6 tháng (đầu|cuối) năm(?: hằng năm)?"), "half"),
    (re.compile(rf"năm {_Y}((?:(?:,| và) (?:năm )?\d{{4}})*)"), "years"),
]


def _check_date(day: int, month: int, year: int = 2024) -> None:
    try:
        dt.date(year, month, day)
    except ValueError:
        raise DeadlineError(f"ngày {day}/{month} không có thật") from None


def parse(phrase: str) -> Rule:
    """Parse a deadline phrase; raise DeadlineError listing the accepted forms."""
    text = normalize(phrase)
    for pattern, form in _PATTERNS:
        m = pattern.fullmatch(text)
        if not m:
            continue
        g = m.groups()
        if form == "continuous":
            return Rule(phrase, "continuous")
        if form == "yearly":
            return Rule(phrase, "year")
        if form == "before_date":
            day, month, year = int(g[0]), int(g[1]), int(g[2])
            _check_date(day, month, year)
            return Rule(phrase, "year", years=(year,), before=(day, month))
        if form == "before_yearly":
            day, month = int(g[0]), int(g[1])
            _check_date(day, month)
            return Rule(phrase, "year", before=(day, month), implied_yearly=g[2] is None)
        if form == "before_monthly":
            day = int(g[0])
            if not 1 <= day <= 28:
                raise DeadlineError(f"ngày {day} hằng tháng không có ở mọi tháng (chọn 1..28)")
            return Rule(phrase, "month", before=(day, None))
        if form == "monthly":
            return Rule(phrase, "month")
        if form == "quarterly":
            return Rule(phrase, "quarter")
        if form == "quarter":
            year = g[1] or g[2]
            return Rule(phrase, "quarter", which=(ROMAN[g[0]],), years=(int(year),) if year else None)
        if form == "month":
            month = int(g[0])
            if not 1 <= month <= 12:
                raise DeadlineError(f"tháng {month} không có thật")
            year = g[1] or g[2]
            return Rule(phrase, "month", which=(month,), years=(int(year),) if year else None)
        if form == "half":
            return Rule(phrase, "half", which=(1 if g[0] == "đầu" else 2,))
        if form == "years":
            years = (int(g[0]), *(int(y) for y in re.findall(r"\d{4}", g[1] or "")))
            return Rule(phrase, "year", years=tuple(sorted(set(years))))
    raise DeadlineError(
        f"không hiểu thời gian thực hiện '{phrase}'. Các dạng được chấp nhận: " + "; ".join(ACCEPTED_FORMS)
    )


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("VN", years=[year, year + 1]).keys())


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


@lru_cache(maxsize=4096)
def next_working_day(day: dt.date) -> dt.date:
    """The day itself when it is a working day, else the next one (Điều 148 BLDS)."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _periods(rule: Rule, year: int) -> list[tuple[str, str, dt.date, dt.date]]:
    """(key, label, start, end) of each period of the year."""
    if rule.unit == "year":
        return [(f"{year}", f"năm {year}", dt.date(year, 1, 1), dt.date(year, 12, 31))]
    if rule.unit == "half":
        halves = {1: ("H1", f"6 tháng đầu năm {year}", dt.date(year, 1, 1), dt.date(year, 6, 30)),
                  2: ("H2", f"6 tháng cuối năm {year}", dt.date(year, 7, 1), dt.date(year, 12, 31))}
        return [(f"{year}-{k}", lbl, s, e) for h, (k, lbl, s, e) in halves.items()
                if rule.which is None or h in rule.which]
    if rule.unit == "quarter":
        return [(f"{year}-Q{q}", f"quý {ROMAN_OUT[q]}/{year}", dt.date(year, 3 * q - 2, 1),
                 _month_end(year, 3 * q))
                for q in range(1, 5) if rule.which is None or q in rule.which]
    return [(f"{year}-{m:02d}", f"tháng {m}/{year}", dt.date(year, m, 1), _month_end(year, m))
            for m in range(1, 13) if rule.which is None or m in rule.which]


def occurrences(rule: Rule, task_id: str, year: int, *, inclusive: bool = False) -> list[Occurrence]:
    """The task's occurrences in ``year`` (the plan's span is the caller's business)."""
    if rule.years is not None and year not in rule.years:
        return []
    if rule.continuous:
        return [Occurrence(task_id, f"{year}", f"năm {year}", dt.date(year, 1, 1), dt.date(year, 12, 31), None)]
    out = []
    for key, label, start, end in _periods(rule, year):
        if rule.before is None:
            nominal = end
        else:
            day, cut_month = rule.before
            last = _month_end(year, cut_month or start.month)
            if day > last.day:  # "Trước ngày 29/02" in a common year: the month's last day
                nominal = last
            else:
                nominal = last.replace(day=day) - (dt.timedelta(0) if inclusive else dt.timedelta(days=1))
        out.append(Occurrence(task_id, key, label, start, end, nominal))
    return out


def rule_or_none(phrase: str) -> Rule | None:
    try:
        return parse(phrase)
    except DeadlineError:
        return None


def task_occurrences(plan, tasks, year: int) -> dict[str, list[Occurrence]]:
    """Every task's occurrences in ``year`` within the plan's span (a task whose
    phrase does not parse has none; `ctt validate` reports it)."""
    inclusive = plan.settings.before_date == "inclusive"
    out: dict[str, list[Occurrence]] = {}
    for task in tasks:
        rule = rule_or_none(task.deadline)
        covered = plan.period.covers(year) or (rule is not None and rule.years is not None)
        out[task.id] = occurrences(rule, task.id, year, inclusive=inclusive) if rule and covered else []
    return out
