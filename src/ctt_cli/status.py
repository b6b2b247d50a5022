"""Status of a year: each task occurrence's state on a given day. Pure functions."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from ctt_cli import schedule

if TYPE_CHECKING:  # annotations only: `--state` lists the states without building the models
    from ctt_cli.model.progress import Record
    from ctt_cli.model.tasks import Task
    from ctt_cli.model.ward import CheckedWard as Ward


class State(StrEnum):
    """The state of one task occurrence on a given day, in the order status lists them."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    UPCOMING = "upcoming"
    DONE = "done"
    DONE_LATE = "done_late"
    SKIPPED = "skipped"
    CONTINUOUS = "continuous"
    UNDATED = "undated"
    NOT_APPLICABLE = "not_applicable"


_ORDER = {s: i for i, s in enumerate(State)}


class StatusRow(NamedTuple):
    task: Task
    occurrence: schedule.Occurrence | None
    state: State
    days: int | None  # days overdue (overdue, done_late) or days left (due_soon, upcoming)
    record: Record | None
    before_issue: bool  # the occurrence was already due when the plan was issued


class StatusView:
    def __init__(
        self,
        ward: str,
        year: int,
        as_of: dt.date,
        due_within: int,
        issued_on: dt.date | None,
        issued_estimated: bool,
        rows: list[StatusRow] | None = None,
    ) -> None:
        self.ward = ward
        self.year = year
        self.as_of = as_of
        self.due_within = due_within
        self.issued_on = issued_on
        self.issued_estimated = issued_estimated
        self.rows: list[StatusRow] = [] if rows is None else rows

    def counts(self) -> dict[State, int]:
        found = Counter(r.state for r in self.rows)
        return {s: found[s] for s in State if found[s]}


def issued_on(ward: Ward) -> tuple[dt.date | None, bool]:
    """The plan's issue date; for a draft, the latest date it cites (a lower bound), flagged estimated."""
    if ward.plan and ward.plan.document.date:
        return ward.plan.document.date, False
    if ward.plan:
        cited = {d for b in ward.plan.legal_bases for d in b.cites}
        dates = [d.date for d in ward.documents if d.id in cited and d.date]
        if dates:
            return max(dates), True
    return None, False


def _record_for(records: list[Record], occ: schedule.Occurrence, only: bool) -> Record | None:
    for record in records:
        if record.occurrence == occ.key or (record.occurrence is None and only):
            return record
    return None


def _state(
    occ: schedule.Occurrence, record: Record | None, as_of: dt.date, due_within: int
) -> tuple[State, int | None]:
    if record and record.state == "không thực hiện":
        return State.SKIPPED, None
    if record and record.state == "hoàn thành":
        if occ.due and record.completed and record.completed > occ.due:
            return State.DONE_LATE, (record.completed - occ.due).days
        return State.DONE, None
    if occ.kind == "undated":  # event-bound: never overdue
        return State.UNDATED, None
    if occ.due is None:
        return State.CONTINUOUS, None
    if occ.due < as_of:
        return State.OVERDUE, (as_of - occ.due).days
    left = (occ.due - as_of).days
    return (State.DUE_SOON if left <= due_within else State.UPCOMING), left


def compute_status(ward: Ward, year: int, as_of: dt.date, due_within: int = 14) -> StatusView:
    assert ward.plan is not None
    issued, estimated = issued_on(ward)
    view = StatusView(ward.name, year, as_of, due_within, issued, estimated)
    progress = ward.progress(year)
    records = list(progress.records) if progress else []
    tasks = ward.tasks_in(year)  # an amended plan: only the tasks of that year
    by_task = schedule.task_occurrences(ward.plan, tasks, year)
    for task in tasks:
        occs = by_task.get(task.id, [])
        if not occs:
            view.rows.append(StatusRow(task, None, State.NOT_APPLICABLE, None, None, False))
            continue
        mine = [r for r in records if r.task == task.id]
        for occ in occs:
            record = _record_for(mine, occ, len(occs) == 1)
            state, days = _state(occ, record, as_of, due_within)
            before = bool(issued and occ.due and occ.due < issued)
            view.rows.append(StatusRow(task, occ, state, days, record, before))
    view.rows.sort(
        key=lambda r: (_ORDER[r.state], (r.occurrence.due or dt.date.max) if r.occurrence else dt.date.max, r.task.id)
    )
    return view


def role_of(task: Task, unit_id: str, groups: set[str]) -> tuple[str, bool] | None:
    """("lead" | "partner", through_group) of a unit in a task, or None when it has no part.
    A group unit ("Các cơ quan, đơn vị có liên quan") stands for every unit."""
    if unit_id in task.leads:
        return "lead", False
    if unit_id in task.partners:
        return "partner", False
    if unit_id in groups:
        return None
    if any(lead in groups for lead in task.leads):
        return "lead", True
    if any(p in groups for p in task.partners):
        return "partner", True
    return None


def filter_rows(
    view: StatusView, ward: Ward, *, unit_id: str | None = None, role: str = "any", states: list[str] | None = None
) -> StatusView:
    rows = view.rows
    if unit_id:
        groups = {u.id for u in ward.units if u.kind == "nhom"}

        def involved(task: Task) -> bool:
            part = role_of(task, unit_id, groups)
            return part is not None and (role == "any" or part[0] == role)

        rows = [r for r in rows if involved(r.task)]
    if states:
        rows = [r for r in rows if r.state in states]
    return StatusView(view.ward, view.year, view.as_of, view.due_within, view.issued_on, view.issued_estimated, rows)
