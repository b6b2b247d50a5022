"""progress/YYYY.yaml: what was done for each task occurrence of one year."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ctt_cli.model.common import Id, Model, TaskId, Text, Year, rule
from ctt_cli.model.methods import EvidenceMethods, RecordMethods
from ctt_cli.model.suppress import Ignore, ignores

ProgressState = Literal["chưa thực hiện", "đang thực hiện", "hoàn thành", "không thực hiện"]


class Evidence(EvidenceMethods, Model):
    """One piece of evidence: a registry document, a citation, or free text (exactly one)."""

    document: Id | None = Field(None, description="Văn bản trong documents.yaml (mã)")
    ref: Text | None = Field(None, description="Số, ký hiệu và ngày, ví dụ '43/KH-UBND ngày 30/01/2026'")
    text: Text | None = Field(None, description="Mô tả tự do")

    _exactly_one = rule("after", EvidenceMethods._exactly_one)


class Record(RecordMethods, Model):
    task: TaskId
    occurrence: str | None = Field(
        None,
        pattern=r"^[0-9]{4}(-(Q[1-4]|H[12]|[0-9]{2}))?$",
        description="Kỳ thực hiện: '2026', '2026-Q1', '2026-H2', '2026-03'; bỏ trống khi năm chỉ có một kỳ",
    )
    state: ProgressState = Field(description="Trạng thái thực hiện")
    completed: dt.date | None = Field(None, description="Ngày hoàn thành (YYYY-MM-DD)")
    evidence: list[Evidence] = Field(default_factory=list)
    reason: Text | None = Field(None, description="Lý do, bắt buộc khi 'không thực hiện'")
    note: Text | None = None
    note_in_report: bool = Field(
        False, description="In ghi chú vào cột Ghi chú của phụ lục báo cáo (mặc định: ghi chú chỉ để theo dõi)"
    )
    reported_by: Text | None = Field(None, description="Người / đơn vị báo cáo")
    ignore: list[Ignore] = ignores()

    _reason = rule("after", RecordMethods._reason)


class ProgressFile(Model):
    year: Year
    records: list[Record] = Field(default_factory=list)
