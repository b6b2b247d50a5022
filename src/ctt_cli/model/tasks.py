"""tasks.yaml: the appendix (PHỤ LỤC NHIỆM VỤ CỤ THỂ) and its tasks."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ctt_cli.model.common import Id, Model, TaskId, Text


class Appendix(Model):
    title: Text = Field(description="Tên phụ lục")
    subtitle: Text | None = None
    issuer_text: Text = Field(description="Cơ quan ban hành như ghi trong dòng 'Kèm theo ...'")


class Task(Model):
    id: TaskId
    text: Text = Field(description="Nhiệm vụ cụ thể, đúng nguyên văn phụ lục")
    deadline: Text = Field(description="Thời gian thực hiện, đúng nguyên văn phụ lục")
    repeat: Literal["yearly"] | None = Field(
        None, description="'yearly' khi hạn chỉ ghi ngày/tháng mà kế hoạch hiểu là hằng năm"
    )
    due: dt.date | None = Field(
        None, description="Hạn do kế hoạch ghi thêm cho cụm thời gian theo sự kiện (ctt không tự tính được)")
    until: dt.date | None = Field(
        None, description="Như due, cho cụm 'Từ ngày ... đến <sự kiện>': ngày sự kiện dự kiến")
    lead: Id = Field(description="Cơ quan chủ trì (mã trong units.yaml)")
    lead_text: Text | None = Field(None, description="Tên cơ quan chủ trì như ghi trong phụ lục")
    partners: list[Id] = Field(default_factory=list, description="Cơ quan phối hợp (mã)")
    partners_text: Text | None = Field(None, description="Cơ quan phối hợp như ghi trong phụ lục")
    produces: list[Literal["registration", "assessment", "report", "review"]] = Field(
        default_factory=list,
        description="Văn bản mà nhiệm vụ này làm ra (ctt render): registration = đăng ký mức độ, "
                    "assessment = báo cáo tự đánh giá, report = báo cáo kết quả, review = sơ kết/tổng kết",
    )


class TasksFile(Model):
    appendix: Appendix
    tasks: list[Task] = Field(min_length=1)
