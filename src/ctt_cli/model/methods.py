"""What the file models do beyond their fields: properties, lookups and cross-field rules.

They live here, in plain mixin classes without pydantic, so that one definition serves both forms
of a model: the pydantic class in ``model/<file>.py`` (the source of truth for the fields, the
schemas and the error messages) and the light class a cold run validates into with pydantic-core
alone (``model/light.py``, ``model/compiled.py``). The ``_``-named methods are the model
validators; the pydantic classes register them with ``model_validator``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic_core import InitErrorDetails, ValidationError

from ctt_cli.model.tables import COLUMN_TITLES, NARRATIVE, Column

if TYPE_CHECKING:
    from typing import Self

    from ctt_cli.model.criteria import Criterion
    from ctt_cli.model.plan import Objective, Period, Section
    from ctt_cli.model.progress import Evidence
    from ctt_cli.model.report import Issued
    from ctt_cli.model.tasks import Appendix, Leads, Retirement, Task, TaskGroup


# --- plan.yaml -------------------------------------------------------------------------------


class DocumentInfoMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        date: dt.date | None
        year: int

    def _date_in_year(self) -> Self:
        if self.date is not None and self.date.year != self.year:
            raise ValueError(f"ngày ban hành {self.date:%d/%m/%Y} không thuộc năm {self.year}")
        return self


class PeriodMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        start: int
        end: int | None
        open_ended: bool

    def _ordered(self) -> Self:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"năm kết thúc {self.end} trước năm bắt đầu {self.start}")
        return self

    def covers(self, year: int) -> bool:
        if year < self.start:
            return False
        return self.end is None or self.open_ended or year <= self.end


class ObjectiveMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        from_year: int
        to_year: int | None

    def covers(self, year: int) -> bool:
        return self.from_year <= year and (self.to_year is None or year <= self.to_year)


class SectionMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        title: str | None
        text: str | None
        items: list[str]
        children: list[Section]

    def _not_empty(self) -> Self:
        if not (self.title or self.text or self.items or self.children):
            raise ValueError("mục phải có ít nhất một trong: title, text, items, children")
        return self


class PlanMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        objectives: list[Objective]
        period: Period

    def _objectives_disjoint(self) -> Self:
        years: dict[int, int] = {}
        for i, obj in enumerate(self.objectives):
            last = obj.to_year or max(obj.from_year, (self.period.end or obj.from_year))
            for y in range(obj.from_year, last + 1):
                if y in years:
                    raise ValueError(f"mục tiêu thứ {years[y] + 1} và thứ {i + 1} cùng áp dụng cho năm {y}")
                years[y] = i
        return self

    def objective(self, year: int) -> Objective | None:
        """The objective that covers ``year``, with or without a level."""
        return next((o for o in self.objectives if o.covers(year)), None)

    def target(self, year: int) -> Objective | None:
        """The objective that covers ``year`` when it names a level (what scoring and registration need)."""
        found = self.objective(year)
        return found if found is not None and found.level is not None else None


def iter_sections(sections: list[Section], loc: tuple = ("body",)) -> Iterator[tuple[tuple, Section]]:
    """Every section of the body, depth first, with its location in plan.yaml."""
    for i, section in enumerate(sections):
        yield (*loc, i), section
        yield from iter_sections(section.children, (*loc, i, "children"))


# --- tasks.yaml ------------------------------------------------------------------------------


class TaskMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        lead: Leads | None
        from_year: int | None
        until_year: int | None
        retired: Retirement | None

    @classmethod
    def _complete(cls, data: Any, handler: Any) -> Any:
        """deadline and lead are required unless the group gives them (filled in by TasksFile); reported
        as missing fields beside any other error of the task."""
        missing: list[InitErrorDetails] = []
        if isinstance(data, dict):
            if data.get("deadline") is None:
                missing.append({"type": "missing", "loc": ("deadline",), "input": data})
            if data.get("lead") is None and data.get("lead_text") is None:
                missing.append({"type": "missing", "loc": ("lead",), "input": data})
        try:
            task = handler(data)
        except ValidationError as exc:
            if not missing:
                raise
            raise ValidationError.from_exception_data(exc.title, [*_details(exc), *missing]) from None
        if missing:
            raise ValidationError.from_exception_data(cls.__name__, missing)
        if task.from_year and task.until_year and task.until_year < task.from_year:
            raise ValueError(f"until_year {task.until_year} trước from_year {task.from_year}")
        return task

    @property
    def leads(self) -> list[str]:
        """The lead units' ids (none when the lead is only a text: a position, a person)."""
        if self.lead is None:
            return []
        return [self.lead] if isinstance(self.lead, str) else list(self.lead)

    def applies(self, year: int) -> bool:
        """Whether the task is part of the plan in ``year`` (an amended plan adds and retires tasks)."""
        if self.from_year is not None and year < self.from_year:
            return False
        if self.until_year is not None and year > self.until_year:
            return False
        return self.retired is None or year < self.retired.year


def _details(exc: ValidationError) -> list[InitErrorDetails]:
    out: list[InitErrorDetails] = []
    for e in exc.errors():
        detail: InitErrorDetails = {"type": e["type"], "loc": e["loc"], "input": e["input"]}
        if "ctx" in e:
            detail["ctx"] = e["ctx"]
        out.append(detail)
    return out


_SHARED = ("deadline", "lead", "lead_text", "partners", "partners_text", "appendix")


class AppendixMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        titles: dict[Column, str]

    def title_of(self, column: str) -> str:
        """The column's title as the appendix prints it: its own, or ctt's."""
        return next((t for c, t in self.titles.items() if c == column), None) or COLUMN_TITLES[column]


class TasksFileMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        appendix: Appendix | None
        appendices: list[Appendix]
        groups: list[TaskGroup]

    @classmethod
    def _group_defaults(cls, data: Any) -> Any:
        """A task takes what its group shares (deadline, lead, partners, appendix) when it leaves it out."""
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("groups"), list)
            or not isinstance(data.get("tasks"), list)
        ):
            return data
        groups = {g["id"]: g for g in data["groups"] if isinstance(g, dict) and isinstance(g.get("id"), str)}
        tasks = []
        for task in data["tasks"]:
            group = groups.get(task["group"]) if isinstance(task, dict) and isinstance(task.get("group"), str) else None
            if group:
                task = dict(task)
                lead_given = task.get("lead") is not None or task.get("lead_text") is not None
                for key in _SHARED:
                    if key in ("lead", "lead_text") and lead_given:
                        continue
                    if task.get(key) in (None, []) and group.get(key) not in (None, []):
                        task[key] = group[key]
            tasks.append(task)
        return {**data, "tasks": tasks}

    def _appendices(self) -> Self:
        if self.appendix is not None and self.appendices:
            raise ValueError("ghi 'appendix' (một phụ lục) hoặc 'appendices' (nhiều phụ lục), không ghi cả hai")
        if len(self.appendices) > 1 and any(a.id is None for a in self.appendices):
            raise ValueError("khi có nhiều phụ lục, mỗi phụ lục cần mã (id)")
        return self

    def all_appendices(self) -> list[Appendix]:
        return [self.appendix] if self.appendix is not None else list(self.appendices)

    def appendix_of(self, task: Task) -> Appendix | None:
        """The appendix that tabulates a task (the only one, or the one it names)."""
        found = self.all_appendices()
        if len(found) <= 1:
            return found[0] if found else None
        return next((a for a in found if a.id == task.appendix), None)

    def group(self, group_id: str | None) -> TaskGroup | None:
        return next((g for g in self.groups if g.id == group_id), None)


# --- criteria/*.yaml -------------------------------------------------------------------------


class CriterionMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        children: list[Criterion]
        max: float
        met_at: float | None

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def pass_mark(self) -> float:
        return self.max if self.met_at is None else self.met_at


class CriteriaSetMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        status: str
        notice: str | None
        decides: str
        columns: list[Any]
        groups: list[Criterion]
        bonus: list[Criterion]

    def _illustrative_says_so(self) -> Self:
        if self.status == "illustrative" and not self.notice:
            raise ValueError("bộ tiêu chí minh họa phải có lời cảnh báo (notice)")
        if self.decides not in self.columns:
            raise ValueError(f"cột xếp mức '{self.decides}' không có trong columns")
        return self

    def bonus_ids(self) -> set[str]:
        return {c.id for g in self.bonus for c in _subtree(g)}

    @property
    def illustrative(self) -> bool:
        return self.status == "illustrative"

    def walk(self) -> Iterator[tuple[tuple, Criterion]]:
        """Every criterion (the bonus ones last) with its location in the file, depth first."""

        def rec(items: list[Criterion], loc: tuple) -> Iterator[tuple[tuple, Criterion]]:
            for i, c in enumerate(items):
                yield (*loc, i), c
                yield from rec(c.children, (*loc, i, "children"))

        yield from rec(self.groups, ("groups",))
        yield from rec(self.bonus, ("bonus",))

    def leaves(self) -> list[Criterion]:
        return [c for _, c in self.walk() if c.is_leaf]

    def find(self, criterion_id: str) -> Criterion | None:
        return next((c for _, c in self.walk() if c.id == criterion_id), None)


def _subtree(criterion: Criterion) -> list[Criterion]:
    return [criterion, *(x for c in criterion.children for x in _subtree(c))]


# --- units, progress, scores, reports --------------------------------------------------------


class UnitMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        name: str
        short_name: str | None
        aliases: list[str]

    def names(self) -> list[str]:
        """Every accepted spelling, longest first."""
        return sorted(
            {self.name, *(self.aliases), *([self.short_name] if self.short_name else [])}, key=len, reverse=True
        )


class EvidenceMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        document: str | None
        ref: str | None
        text: str | None

    def _exactly_one(self) -> Self:
        if sum(v is not None for v in (self.document, self.ref, self.text)) != 1:
            raise ValueError("mỗi chứng cứ ghi đúng một trong: document, ref, text")
        return self


class RecordMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        state: str
        reason: str | None
        evidence: list[Evidence]

    def _reason(self) -> Self:
        if self.state == "không thực hiện" and not self.reason:
            raise ValueError("trạng thái 'không thực hiện' cần ghi lý do (reason)")
        return self


class ScoreMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        self_score: float | None
        passed: bool | None
        not_scored: bool
        not_applicable: bool

    def _one_form(self) -> Self:
        given = [self.self_score is not None, self.passed is not None, self.not_scored, self.not_applicable]
        if sum(given) != 1:
            raise ValueError(
                "mỗi tiêu chí ghi đúng một trong: self (điểm), passed (đạt/không đạt), not_scored: true, "
                "not_applicable: true"
            )
        return self


class ScoresFileMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        status: str
        notice: str | None

    def _illustrative_says_so(self) -> Self:
        if self.status == "illustrative" and not self.notice:
            raise ValueError("điểm minh họa phải có lời cảnh báo (notice)")
        return self


class ReportFileMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        year: int
        report: Issued
        assessment: Issued
        registration: Issued
        review: Issued

    def _dates_in_year(self) -> Self:
        for name in ("report", "assessment", "registration", "review"):
            issued = getattr(self, name)
            if issued.date and issued.date.year != self.year:
                raise ValueError(f"ngày của {name} ({issued.date:%d/%m/%Y}) không thuộc năm {self.year}")
        return self

    def missing(self) -> list[str]:
        return [label for key, label in NARRATIVE.items() if not getattr(self, key)]
