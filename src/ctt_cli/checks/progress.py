"""Progress records point at real occurrences, with plausible dates and readable evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ctt_cli import schedule
from ctt_cli.checks.evidence import check_evidence
from ctt_cli.findings import Finding
from ctt_cli.model.ward import Ward


def check_progress(ward: Ward, today: dt.date) -> Iterator[Finding]:
    plan = ward.plan
    for year, progress, source in ward.yearly_items("progress"):
        occurrences = schedule.task_occurrences(plan, ward.tasks_in(year), year) if plan else {}
        seen: dict[tuple[str, str], int] = {}
        for i, record in enumerate(progress.records):
            loc = ("records", i)
            task = ward.task(record.task)
            if ward.tasks and task is None:
                yield source.finding("E600", f"không có nhiệm vụ '{record.task}'", (*loc, "task"))
                continue
            if task is not None and not task.applies(year):
                yield source.finding(
                    "E600", f"nhiệm vụ {record.task} không áp dụng trong năm {year} ({_years(task)})", (*loc, "task")
                )
                continue
            occ = None
            options = occurrences.get(record.task, [])
            if plan and task:
                if record.occurrence is None and len(options) == 1:
                    occ = options[0]
                else:
                    occ = next((o for o in options if o.key == record.occurrence), None)
                if occ is None:
                    keys = ", ".join(o.key for o in options) or "không có kỳ nào"
                    what = f"kỳ '{record.occurrence}'" if record.occurrence else "kỳ (cần ghi occurrence)"
                    yield source.finding(
                        "E600",
                        f"nhiệm vụ {record.task} không có {what} trong năm {year} (các kỳ: {keys})",
                        (*loc, "occurrence" if record.occurrence else "task"),
                    )
            key = (record.task, occ.key if occ else str(record.occurrence))
            if key in seen:
                yield source.finding(
                    "E603", f"{record.task} kỳ {key[1]} đã ghi ở bản ghi thứ {seen[key] + 1}", (*loc, "task")
                )
            seen.setdefault(key, i)
            yield from _check_dates(source, loc, record, occ, year, today)
            yield from check_evidence(ward, source, (*loc, "evidence"), record.evidence)


def _years(task) -> str:
    """'áp dụng từ năm 2027', 'bãi bỏ từ năm 2028 (qd-sua-doi)': when a task applies."""
    parts = []
    if task.from_year:
        parts.append(f"áp dụng từ năm {task.from_year}")
    if task.until_year:
        parts.append(f"đến năm {task.until_year}")
    if task.retired:
        parts.append(
            f"bãi bỏ từ năm {task.retired.year}" + (f" theo văn bản '{task.retired.by}'" if task.retired.by else "")
        )
    return ", ".join(parts)


def _check_dates(source, loc, record, occ, year: int, today: dt.date) -> Iterator[Finding]:
    if record.state == "hoàn thành" and record.completed is None:
        yield source.finding("E601", "trạng thái 'hoàn thành' cần ngày hoàn thành (completed)", loc)
    if record.completed is None:
        return
    if record.state != "hoàn thành":
        yield source.finding("E602", f"có ngày hoàn thành nhưng trạng thái là '{record.state}'", (*loc, "completed"))
    if record.completed > today:
        yield source.finding("E602", f"ngày hoàn thành {record.completed:%d/%m/%Y} ở tương lai", (*loc, "completed"))
    elif record.completed.year > year + 1 or record.completed.year < year - 1:
        yield source.finding(
            "E602", f"ngày hoàn thành {record.completed:%d/%m/%Y} không thuộc năm {year}", (*loc, "completed")
        )
    elif occ is not None and occ.start is not None and record.completed < occ.start:
        yield source.finding(
            "W600",
            f"hoàn thành {record.completed:%d/%m/%Y}, trước khi kỳ {occ.label} bắt đầu ({occ.start:%d/%m/%Y})",
            (*loc, "completed"),
        )
