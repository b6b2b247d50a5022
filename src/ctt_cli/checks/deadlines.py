"""Deadline phrases: readable (E500 only when the text is not a deadline at all), dated where
possible (W501 for event-bound phrases), within the plan's period (W502); the plan's own
calendar of days off and make-up working days changes something (W503)."""

from __future__ import annotations

from collections.abc import Iterator

from ctt_cli import schedule
from ctt_cli.findings import Finding
from ctt_cli.model.ward import Ward


def check_deadlines(ward: Ward) -> Iterator[Finding]:
    yield from _check_calendar(ward)
    source = ward.source("tasks")
    if not source:
        return
    period = ward.plan.period if ward.plan else None
    for i, task in enumerate(ward.tasks):
        loc = ("tasks", i, "deadline")
        try:
            rule = schedule.parse(task.deadline)
        except schedule.DeadlineError as exc:
            yield source.finding("E500", str(exc), loc, hint="ví dụ: " + "; ".join(schedule.ACCEPTED_FORMS[:6]))
            continue
        if rule.implied_yearly and task.repeat != "yearly":
            yield source.finding(
                "W500",
                f"'{task.deadline}' không ghi 'hằng năm'; ctt hiểu là hằng năm",
                loc,
                hint="thêm 'repeat: yearly' để xác nhận, hoặc ghi rõ năm",
            )
        if rule.undated and task.due is None and task.until is None:
            yield source.finding(
                "W501",
                f"'{task.deadline}' là thời gian theo sự kiện: ctt không tính được hạn, nhiệm vụ hiện "
                "'theo sự kiện / chưa xác định hạn' và không bao giờ quá hạn",
                loc,
                hint="ghi thêm 'due: YYYY-MM-DD' bên cạnh, hoặc dùng dạng có ngày như: "
                + "; ".join(schedule.suggestions(task.deadline)),
            )
        if (task.due or task.until) and not rule.undated:
            field = "due" if task.due else "until"
            yield source.finding(
                "W504",
                f"'{task.deadline}' đã tính được hạn; {field} không được dùng",
                ("tasks", i, field),
                hint=f"bỏ '{field}', hoặc sửa thời gian thực hiện",
            )
        if period is not None:
            outside = [
                y
                for y in rule.years_named
                if y < period.start or (period.end is not None and not period.open_ended and y > period.end)
            ]
            if outside:
                span = f"{period.start}-{period.end or '…'}" + (" và những năm tiếp theo" if period.open_ended else "")
                yield source.finding(
                    "W502",
                    f"'{task.deadline}' nêu năm {', '.join(map(str, outside))} ngoài giai đoạn của kế hoạch ({span})",
                    loc,
                )


def _check_calendar(ward: Ward) -> Iterator[Finding]:
    plan, source = ward.plan, ward.source("plan")
    if plan is None or source is None:
        return
    base = schedule.Workdays()
    for field in ("days_off", "working_days"):
        for i, day in enumerate(getattr(plan.settings, field)):
            works = base.is_working_day(day)
            if field == "days_off" and not works:
                yield source.finding(
                    "W503", f"{day:%d/%m/%Y} đã là ngày nghỉ (cuối tuần hoặc ngày lễ)", ("settings", field, i)
                )
            if field == "working_days" and works:
                yield source.finding(
                    "W503",
                    f"{day:%d/%m/%Y} vốn là ngày làm việc; ngày làm bù thường là thứ Bảy",
                    ("settings", field, i),
                )
