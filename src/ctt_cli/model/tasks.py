"""tasks.yaml: the plan's tasks, with the appendix (or appendices) that tabulate them.

A plan may have no appendix (its tasks stated in prose: ``section`` names the body section), one
(``appendix``) or several (``appendices``: Phụ lục I, II, III; each task says which). Tasks may be
grouped ("I. Nhóm nhiệm vụ …"); a group may give the deadline, lead and partners its tasks share
(a merged cell in the table): a task that leaves them out takes the group's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails

from ctt_cli.model.common import Id, Model, TaskId, Text, Year
from ctt_cli.model.suppress import Ignore, ignores

Column = Literal["stt", "text", "result", "deadline", "lead", "partners", "funding", "note"]
DEFAULT_COLUMNS: tuple[Column, ...] = ("stt", "text", "deadline", "lead", "partners")
COLUMN_TITLES: dict[str, str] = {
    "stt": "STT",
    "text": "Nhiệm vụ cụ thể",
    "result": "Kết quả/Sản phẩm đầu ra",
    "deadline": "Thời gian thực hiện",
    "lead": "Cơ quan chủ trì",
    "partners": "Cơ quan phối hợp",
    "funding": "Nguồn kinh phí",
    "note": "Ghi chú",
}


class Appendix(Model):
    id: Id | None = Field(None, description="Mã phụ lục (bắt buộc khi có nhiều phụ lục), ví dụ 'phu-luc-1'")
    title: Text = Field(description="Tên phụ lục")
    subtitle: Text | None = None
    issuer_text: Text = Field(description="Cơ quan ban hành như ghi trong dòng 'Kèm theo ...'")
    columns: list[Column] = Field(
        default_factory=lambda: list(DEFAULT_COLUMNS),
        description="Các cột của bảng, theo thứ tự: stt, text, result (Kết quả/Sản phẩm đầu ra), deadline, "
        "lead, partners, funding (Nguồn kinh phí), note (Ghi chú)",
    )
    titles: dict[Column, Text] = Field(
        default_factory=dict,
        description="Tên cột như phụ lục ghi, khi khác tên ctt in mặc định (ví dụ text: 'Nội dung công việc')",
    )
    column_numbers: bool = Field(False, description="Bảng có dòng đánh số cột '(1) (2) (3) …' dưới tiêu đề")
    task_numbers: Literal["by-group", "straight", "restart"] = Field(
        "by-group",
        description="Số thứ tự nhiệm vụ khi có nhóm: by-group = 1.1, 1.2, 2.1; straight = 1, 2, 3 liền qua các "
        "nhóm; restart = 1, 2 trong mỗi nhóm",
    )
    group_numbers: Literal["roman", "decimal"] | None = Field(
        None, description="Số của dòng nhóm: roman = I, II; decimal = 1, 2; để trống: theo cách đánh số mục"
    )

    def title_of(self, column: str) -> str:
        """The column's title as the appendix prints it: its own, or ctt's."""
        return next((t for c, t in self.titles.items() if c == column), None) or COLUMN_TITLES[column]


class Retirement(Model):
    year: Year = Field(description="Năm nhiệm vụ thôi áp dụng (từ năm này trở đi)")
    by: Id | None = Field(None, description="Văn bản sửa đổi, bổ sung bãi bỏ nhiệm vụ (mã trong documents.yaml)")


Leads = Id | list[Id]


class TaskGroup(Model):
    """A group row of the table ('I. Nhóm nhiệm vụ về tuyên truyền'), and what its tasks share."""

    id: Id
    title: Text = Field(description="Tên nhóm nhiệm vụ, đúng nguyên văn")
    appendix: Id | None = Field(None, description="Phụ lục chứa nhóm (mã), khi có nhiều phụ lục")
    deadline: Text | None = Field(None, description="Thời gian thực hiện chung của các nhiệm vụ trong nhóm")
    lead: Leads | None = Field(None, description="Cơ quan chủ trì chung (mã, hoặc danh sách mã)")
    lead_text: Text | None = Field(None, description="Chủ trì chung như ghi trong phụ lục")
    partners: list[Id] = Field(default_factory=list, description="Cơ quan phối hợp chung (mã)")
    partners_text: Text | None = None
    ignore: list[Ignore] = ignores()


class Task(Model):
    id: TaskId
    group: Id | None = Field(None, description="Nhóm nhiệm vụ (mã trong groups)")
    appendix: Id | None = Field(None, description="Phụ lục chứa nhiệm vụ (mã), khi có nhiều phụ lục")
    section: Id | None = Field(None, description="Mục của kế hoạch nêu nhiệm vụ này bằng lời văn (mã mục)")
    text: Text = Field(description="Nhiệm vụ cụ thể, đúng nguyên văn phụ lục")
    result: Text | None = Field(None, description="Kết quả / Sản phẩm đầu ra")
    deadline: Text = Field(
        None,
        description=(  # type: ignore[assignment]  # required unless the group gives it
            "Thời gian thực hiện, đúng nguyên văn phụ lục; để trống khi nhóm ghi chung"
        ),
    )
    repeat: Literal["yearly"] | None = Field(
        None, description="'yearly' khi hạn chỉ ghi ngày/tháng mà kế hoạch hiểu là hằng năm"
    )
    due: dt.date | None = Field(
        None, description="Hạn do kế hoạch ghi thêm cho cụm thời gian theo sự kiện (ctt không tự tính được)"
    )
    until: dt.date | None = Field(
        None, description="Như due, cho cụm 'Từ ngày ... đến <sự kiện>': ngày sự kiện dự kiến"
    )
    lead: Leads | None = Field(
        None,
        description=(
            "Cơ quan chủ trì (mã trong units.yaml); nhiều cơ quan đồng chủ trì: danh sách mã; để trống khi nhóm "
            "ghi chung hoặc khi chỉ ghi lead_text (một chức danh, một người)"
        ),
    )
    lead_text: Text | None = Field(None, description="Chủ trì như ghi trong phụ lục (giữ nguyên văn)")
    partners: list[Id] = Field(default_factory=list, description="Cơ quan phối hợp (mã)")
    partners_text: Text | None = Field(None, description="Cơ quan phối hợp như ghi trong phụ lục")
    funding: Text | None = Field(None, description="Nguồn kinh phí")
    note: Text | None = Field(None, description="Ghi chú")
    from_year: Year | None = Field(None, description="Năm bắt đầu áp dụng (kế hoạch sửa đổi, bổ sung)")
    until_year: Year | None = Field(None, description="Năm cuối cùng áp dụng")
    retired: Retirement | None = Field(None, description="Nhiệm vụ bị bãi bỏ bởi kế hoạch sửa đổi, bổ sung")
    produces: list[Literal["registration", "assessment", "report", "review"]] = Field(
        default_factory=list,
        description="Văn bản mà nhiệm vụ này làm ra (ctt render): registration = đăng ký mức độ, "
        "assessment = báo cáo tự đánh giá, report = báo cáo kết quả, review = sơ kết/tổng kết",
    )
    ignore: list[Ignore] = ignores()

    @model_validator(mode="wrap")
    @classmethod
    def _complete(cls, data: Any, handler: Any) -> Task:
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


class TasksFile(Model):
    appendix: Appendix | None = Field(None, description="Phụ lục nhiệm vụ (khi kế hoạch có một phụ lục)")
    appendices: list[Appendix] = Field(default_factory=list, description="Các phụ lục (Phụ lục I, II, ...)")
    groups: list[TaskGroup] = Field(default_factory=list, description="Các nhóm nhiệm vụ (dòng nhóm của bảng)")
    tasks: list[Task] = Field(default_factory=list)

    @model_validator(mode="before")
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

    @model_validator(mode="after")
    def _appendices(self) -> TasksFile:
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
