"""Rules → the occurrences of a year, with windows, nominal and shifted due dates."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from ctt_cli.schedule.grammar import normalize, parse
from ctt_cli.schedule.rules import DeadlineError, Item, Occurrence, Rule, expand, short_label, start_of
from ctt_cli.schedule.workdays import DEFAULT, Workdays, plan_workdays

# Dated forms shown as hints beside an undated phrase (examples of each family, not a closed list).
ACCEPTED_FORMS = (
    "Thường xuyên",
    "Hằng năm",
    "Năm 2026",
    "Trong tháng 12/2026",
    "Quý IV/2026",
    "6 tháng đầu năm",
    "Trước ngày 15/11 hằng năm",
    "Chậm nhất ngày 10/12/2026",
    "Năm 2027 và năm 2030",
    "Từ tháng 11/2026 đến tháng 4/2027",
    "Từ tháng 3 đến tháng 11 hằng năm",
    "Năm 2026 và các năm tiếp theo",
    "Giai đoạn 2026-2030",
    "Hằng quý",
    "Trước ngày 20 hằng tháng",
    "Dự kiến ngày 05/12/2026 (Chậm nhất ngày 10/12/2026)",
)


def _items(
    task_id: str,
    items: tuple[Item, ...],
    year: int,
    inclusive: bool,
    day_off: str,
    calendar: Workdays,
    prefix: str = "",
) -> list[Occurrence]:
    out: list[Occurrence] = []
    several = len(items) > 1
    for item in items:
        end = item.end
        if end.year is not None and end.year != year:
            continue
        for key, label, start, period_end, nominal in expand(end, year, inclusive):
            if several and end.unit == "day" and end.index is not None:
                key = f"{year}-{end.index:02d}-{end.day:02d}"
            if item.start is not None:
                first = (
                    item.start.year
                    if item.start.year is not None
                    else (year if item.start.position <= end.position else year - 1)
                )
                start = start_of(item.start, first)
                label = f"từ {short_label(item.start, first, inclusive)} đến {short_label(end, year, inclusive)}"
                period_end = nominal
            planned = None
            if item.planned is not None:
                when = item.planned.year or year
                planned = expand(item.planned.with_year(when), when, True)[0][4]
            out.append(
                Occurrence(
                    task_id, key, prefix + label, start, period_end, nominal, "dated", planned, day_off, calendar
                )
            )
    seen: dict[str, int] = {}
    unique = []
    for occ in out:  # two items that land on the same key: the later ones get "-2", "-3"
        seen[occ.key] = seen.get(occ.key, 0) + 1
        if seen[occ.key] > 1:
            occ = Occurrence(
                occ.task_id,
                f"{occ.key}-{seen[occ.key]}",
                occ.label,
                occ.start,
                occ.end,
                occ.nominal_due,
                occ.kind,
                occ.planned,
                occ.day_off,
                occ.calendar,
            )
        unique.append(occ)
    return unique


def occurrences(
    rule: Rule,
    task_id: str,
    year: int,
    *,
    inclusive: bool = False,
    day_off: str = "earlier",
    calendar: Workdays = DEFAULT,
    due: dt.date | None = None,
) -> list[Occurrence]:
    """The task's occurrences in ``year`` (the plan's span is the caller's business). ``due``: the
    date a plan gives an undated phrase (``due``/``until`` beside it in tasks.yaml)."""
    if rule.undated and due is not None:
        if due.year != year:
            return []
        start = rule.start if rule.start and rule.start <= due else None
        return [
            Occurrence(
                task_id,
                f"{year}",
                f"hạn {due:%d/%m/%Y} (ghi trong kế hoạch)",
                start,
                due,
                due,
                "dated",
                None,
                day_off,
                calendar,
            )
        ]
    if rule.first_year is not None and year < rule.first_year:
        return []
    if rule.last_year is not None and year > rule.last_year:
        return []
    if rule.undated:
        if rule.years is not None and year not in rule.years:
            return []
        start = rule.start if rule.start and rule.start.year == year else None
        return [
            Occurrence(
                task_id, f"{year}", f"năm {year} (theo sự kiện)", start, None, None, "undated", None, day_off, calendar
            )
        ]
    if rule.continuous:
        whole = Occurrence(
            task_id,
            f"{year}",
            f"năm {year}",
            dt.date(year, 1, 1),
            dt.date(year, 12, 31),
            None,
            "continuous",
            None,
            day_off,
            calendar,
        )
        reports = _items(task_id, rule.reporting, year, inclusive, day_off, calendar, prefix="báo cáo ")
        return [whole, *(r for r in reports if r.key != whole.key)] + [
            Occurrence(
                r.task_id,
                f"{r.key}-bc",
                r.label,
                r.start,
                r.end,
                r.nominal_due,
                r.kind,
                r.planned,
                r.day_off,
                r.calendar,
            )
            for r in reports
            if r.key == whole.key
        ]
    return _items(task_id, rule.items, year, inclusive, day_off, calendar)


def rule_or_none(phrase: str) -> Rule | None:
    try:
        return parse(phrase)
    except DeadlineError:
        return None


def task_occurrences(plan, tasks, year: int) -> dict[str, list[Occurrence]]:
    """Every task's occurrences in ``year`` within the plan's span (a task whose phrase is not a
    deadline at all has none; `ctt validate` reports it). Undated phrases give an "undated"
    occurrence in each year of the plan, or a dated one when the task has ``due``/``until``."""
    settings = plan.settings
    inclusive = settings.before_date == "inclusive"
    day_off = getattr(settings, "day_off", "earlier")
    calendar = plan_workdays(plan)
    out: dict[str, list[Occurrence]] = {}
    for task in tasks:
        rule = rule_or_none(task.deadline)
        fixed = getattr(task, "due", None) or getattr(task, "until", None)
        if rule is None:
            out[task.id] = []
            continue
        if rule.undated and fixed is not None:
            out[task.id] = occurrences(
                rule, task.id, year, inclusive=inclusive, day_off=day_off, calendar=calendar, due=fixed
            )
            continue
        covered = plan.period.covers(year) or rule.years is not None
        out[task.id] = (
            occurrences(rule, task.id, year, inclusive=inclusive, day_off=day_off, calendar=calendar) if covered else []
        )
    return out


def suggestions(phrase: str, limit: int = 3) -> list[str]:
    """The dated forms nearest to a phrase ctt cannot date: forms built from the dates and years
    it writes, then the closest examples."""
    text = normalize(phrase)
    out: list[str] = []
    yearly = "hằng năm" in text
    if m := re.search(r"(từ (?:ngày )?)?(\d{1,2}/\d{1,2}/\d{4})", text):
        out.append(f"Từ ngày {m[2]} đến ngày …" if m[1] else f"Chậm nhất ngày {m[2]}")
    if m := re.search(r"\b(tháng \d{1,2}|quý (?:iv|iii|ii|i|[1-4]))(/\d{4})?\b", text):
        period = m[1].replace("quý", "Quý").replace("tháng", "Tháng")
        period = re.sub(r"Quý (iv|iii|ii|i)$", lambda q: "Quý " + q[1].upper(), period)
        out.append(period + (m[2] or (" hằng năm" if yearly else "")))
    years = re.findall(r"(?<!\d)(20\d\d)(?!\d)", text)
    if years:
        out.append(f"Năm {years[-1]}")
    if yearly:
        out.append("Hằng năm")
    by_text = {normalize(f): f for f in ACCEPTED_FORMS}
    out += [by_text[m] for m in difflib.get_close_matches(text, list(by_text), n=limit, cutoff=0.0)]
    unique = list(dict.fromkeys(out))
    return unique[:limit]
