"""reports/YYYY.yaml: what the office writes for a year's documents (the narrative parts)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from ctt_cli.model.common import Model, Text, Year

NARRATIVE = {
    "direction": "công tác lãnh đạo, chỉ đạo, triển khai",
    "achievements": "ưu điểm",
    "shortcomings": "tồn tại, hạn chế",
    "causes": "nguyên nhân",
    "next_year": "phương hướng, nhiệm vụ năm tới",
    "proposals": "đề xuất, kiến nghị",
}


class Issued(Model):
    """Number and date of one rendered document, once it is signed."""

    number: int | None = Field(None, ge=1)
    date: dt.date | None = None


class ReportFile(Model):
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

    @model_validator(mode="after")
    def _dates_in_year(self) -> ReportFile:
        for name in ("report", "assessment", "registration", "review"):
            issued = getattr(self, name)
            if issued.date and issued.date.year != self.year:
                raise ValueError(f"ngày của {name} ({issued.date:%d/%m/%Y}) không thuộc năm {self.year}")
        return self

    def missing(self) -> list[str]:
        return [label for key, label in NARRATIVE.items() if not getattr(self, key)]
