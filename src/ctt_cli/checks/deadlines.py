"""Deadline phrases parse into rules."""

from __future__ import annotations

from collections.abc import Iterator

from ctt_cli import schedule
from ctt_cli.findings import Finding
from ctt_cli.model.ward import Ward


def check_deadlines(ward: Ward) -> Iterator[Finding]:
    source = ward.source("tasks")
    if not source:
        return
    for i, task in enumerate(ward.tasks):
        try:
            rule = schedule.parse(task.deadline)
        except schedule.DeadlineError as exc:
            yield source.finding("E500", str(exc), ("tasks", i, "deadline"))
            continue
        if rule.implied_yearly and task.repeat != "yearly":
            yield source.finding("W500", f"'{task.deadline}' không ghi 'hằng năm'; ctt hiểu là hằng năm",
                                 ("tasks", i, "deadline"),
                                 hint="thêm 'repeat: yearly' để xác nhận, hoặc ghi rõ năm")
