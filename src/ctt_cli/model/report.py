"""reports/YYYY.yaml: what the office writes for a year's documents (the narrative parts)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ctt_cli.model.common import Model, Text, Year, rule
from ctt_cli.model.methods import ReportFileMethods
from ctt_cli.model.tables import NARRATIVE as NARRATIVE  # re-exported


class Issued(Model):
    """Number and date of one rendered document, once it is signed."""

    number: int | None = Field(None, ge=1)
    date: dt.date | None = None


class ReportFile(ReportFileMethods, Model):
    year: Year
    kinh_gui: list[Text] = Field(default_factory=list, description="Kính gửi (báo cáo gửi cấp trên)")
    recipients: list[Text] = Field(default_factory=list, description="Nơi nhận; mặc định: Như trên, Lưu: VT")
    report: Issued = Issued()
    assessment: Issued = Issued()
    registration: Issued = Issued()
    review: Issued = Issued()
    direction: list[Text] = Field(default_factory=list, description="Công tác lãnh đạo, chỉ đạo, triển khai")
    achievements: list[Text] = Field(default_factory=list, description="Ưu điểm")
    shortcomings: list[Text] = Field(default_factory=list, description="Tồn tại, hạn chế")
    causes: list[Text] = Field(default_factory=list, description="Nguyên nhân")
    next_year: list[Text] = Field(default_factory=list, description="Phương hướng, nhiệm vụ năm tới")
    proposals: list[Text] = Field(default_factory=list, description="Đề xuất, kiến nghị")

    _dates_in_year = rule("after", ReportFileMethods._dates_in_year)
