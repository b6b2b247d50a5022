"""tasks.yaml: the plan's tasks, with the appendix (or appendices) that tabulate them.

A plan may have no appendix (its tasks stated in prose: ``section`` names the body section), one
(``appendix``) or several (``appendices``: Phụ lục I, II, III; each task says which). Tasks may be
grouped ("I. Nhóm nhiệm vụ …"); a group may give the deadline, lead and partners its tasks share
(a merged cell in the table): a task that leaves them out takes the group's.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ctt_cli.model.common import Id, Model, TaskId, Text, Year, rule
from ctt_cli.model.methods import AppendixMethods, TaskMethods, TasksFileMethods
from ctt_cli.model.suppress import Ignore, ignores
from ctt_cli.model.tables import COLUMN_TITLES as COLUMN_TITLES  # re-exported
from ctt_cli.model.tables import DEFAULT_COLUMNS as DEFAULT_COLUMNS  # re-exported
from ctt_cli.model.tables import Column, appendix_columns


class Appendix(AppendixMethods, Model):
    id: Id | None = Field(None, description="Mã phụ lục (bắt buộc khi có nhiều phụ lục), ví dụ 'phu-luc-1'")
    title: Text = Field(description="Tên phụ lục")
    subtitle: Text | None = None
    issuer_text: Text = Field(description="Cơ quan ban hành như ghi trong dòng 'Kèm theo ...'")
    columns: list[Column] = Field(
        default_factory=appendix_columns,
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


class Task(TaskMethods, Model):
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

    _complete = rule("wrap", vars(TaskMethods)["_complete"])


class TasksFile(TasksFileMethods, Model):
    appendix: Appendix | None = Field(None, description="Phụ lục nhiệm vụ (khi kế hoạch có một phụ lục)")
    appendices: list[Appendix] = Field(default_factory=list, description="Các phụ lục (Phụ lục I, II, ...)")
    groups: list[TaskGroup] = Field(default_factory=list, description="Các nhóm nhiệm vụ (dòng nhóm của bảng)")
    tasks: list[Task] = Field(default_factory=list)

    _group_defaults = rule("before", vars(TasksFileMethods)["_group_defaults"])
    _appendices = rule("after", TasksFileMethods._appendices)
