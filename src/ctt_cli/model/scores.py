"""scores/YYYY.yaml: one year's self-assessment (tự chấm) and appraisal (thẩm định) scores."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ctt_cli.model.common import Id, Level, Model, Text, Year, rule
from ctt_cli.model.criteria import CriterionId, Points
from ctt_cli.model.methods import ScoreMethods, ScoresFileMethods
from ctt_cli.model.progress import Evidence
from ctt_cli.model.suppress import Ignore, ignores


class Score(ScoreMethods, Model):
    criterion: CriterionId
    self_score: Points | None = Field(None, alias="self", description="Điểm tự chấm")
    passed: bool | None = Field(None, description="Với tiêu chí đạt / không đạt")
    not_scored: bool = Field(False, description="Ghi rõ là chưa chấm")
    not_applicable: bool = Field(False, description="Tiêu chí không áp dụng với đơn vị (khi bộ tiêu chí cho phép)")
    manager: Points | None = Field(None, description="Điểm của người quản lý / cấp trên trực tiếp")
    manager_passed: bool | None = None
    evidence: list[Evidence] = Field(default_factory=list, description="Tài liệu kiểm chứng")
    explanation: Text | None = Field(None, description="Giải trình, bắt buộc khi bị trừ điểm")
    appraisal: Points | None = Field(None, description="Điểm thẩm định của Sở Nội vụ")
    appraisal_passed: bool | None = None
    appraisal_note: Text | None = None
    ignore: list[Ignore] = ignores()

    model_config = {**Model.model_config, "populate_by_name": True}

    _one_form = rule("after", ScoreMethods._one_form)


class ConditionRecord(Model):
    condition: Id = Field(description="Mã điều kiện trong bộ tiêu chí")
    holds: bool = Field(description="Điều kiện có xảy ra / được đáp ứng không")
    note: Text | None = None


class ScoresFile(ScoresFileMethods, Model):
    year: Year
    criteria_set: Id = Field(description="Mã bộ tiêu chí dùng để chấm")
    status: Literal["official", "illustrative"] = Field(
        description="illustrative: điểm minh họa, KHÔNG phải điểm của phường"
    )
    notice: Text | None = None
    registered_level: Level | None = Field(None, description="Mức độ đã đăng ký năm này (nhiệm vụ 3)")
    scores: list[Score] = Field(default_factory=list)
    conditions: list[ConditionRecord] = Field(default_factory=list, description="Các điều kiện không tính bằng điểm")

    _illustrative_says_so = rule("after", ScoresFileMethods._illustrative_says_so)
