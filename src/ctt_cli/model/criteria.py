"""criteria/*.yaml: a criteria set (Bộ tiêu chí, Bảng thang điểm) and its level rules."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ctt_cli.model.common import Id, Level, Model, Text, rule
from ctt_cli.model.methods import CriteriaSetMethods, CriterionMethods
from ctt_cli.model.tables import ScoreColumn, score_columns

CriterionId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$"),
    Field(description="Mã tiêu chí theo cây: '2', '2.3', '2.3.1'"),
]
Points = Annotated[float, Field(ge=0, le=1000, strict=True)]  # strict: `self: true` is not 1 point
Column = ScoreColumn
Share = Annotated[float, Field(ge=0, le=1)]


class SetSource(Model):
    """The decision that issues the criteria set."""

    number: Text = Field(description="Số, ký hiệu quyết định, ví dụ '5049/QĐ-UBND'")
    date: dt.date | None = None
    issuer: Text | None = None
    title: Text = Field(description="Tên bộ tiêu chí như trong quyết định")


class Scoring(Model):
    kind: Literal["partial", "full", "pass_fail"] = Field(
        "partial", description="partial: chấm theo bước; full: đủ điểm hoặc 0; pass_fail: đạt / không đạt"
    )
    step: Points = Field(0.25, gt=0, description="Bước chấm điểm (với partial), ví dụ 0.25 hoặc 0.5")


class Criterion(CriterionMethods, Model):
    id: CriterionId
    label: Text | None = Field(None, description="Số hiệu như văn bản ghi: 'a)', 'I.', '1.2' (để hiển thị)")
    title: Text
    max: Points = Field(description="Điểm tối đa")
    cap: bool = Field(False, description="Điểm tối đa là mức trần: tổng các tiêu chí con được phép vượt")
    scoring: Scoring = Scoring()
    met_at: Points | None = Field(None, description="Điểm tối thiểu để coi là 'đạt' (mặc định: điểm tối đa)")
    evidence: Text | None = Field(None, description="Tài liệu kiểm chứng được chấp nhận")
    may_not_apply: bool = Field(
        False,
        description=(
            "Tiêu chí có thể không áp dụng với đơn vị (ghi not_applicable: true khi chấm); điểm của nó được chia "
            "cho các tiêu chí cùng cấp theo tỷ lệ điểm tối đa"
        ),
    )
    children: list[Criterion] = Field(default_factory=list)


class LevelRule(Model):
    level: Level
    name: Text | None = None
    min_total: Points = Field(0, description="Tổng điểm tối thiểu (đạt từ mức này trở lên)")
    total_above: Points | None = Field(None, description="Ngưỡng chặt: tổng điểm phải TRÊN mức này ('trên 90 điểm')")
    max_share: Share | None = Field(
        None,
        description=(
            "Tỷ lệ tối đa số đơn vị (trong cùng lần chấm) được xếp mức này; đơn vị vượt tỷ lệ xếp mức thấp hơn"
        ),
    )
    max_count: int | None = Field(None, ge=0, description="Số đơn vị tối đa được xếp mức này")
    min_group_share: Share = Field(0, description="Mỗi nhóm tiêu chí đạt tối thiểu tỷ lệ này của điểm tối đa")
    group_shares: dict[CriterionId, Share] = Field(
        default_factory=dict, description="Tỷ lệ tối thiểu riêng cho từng nhóm"
    )
    required: list[CriterionId] = Field(default_factory=list, description="Tiêu chí bắt buộc phải đạt")


class Condition(Model):
    """A condition that is not points: required for a level ('không có cán bộ bị kỷ luật'), or a
    disqualifier that bars it ('có đơn thư khiếu nại vượt cấp đúng sự thật')."""

    id: Id
    label: Text | None = Field(None, description="Số hiệu như văn bản ghi")
    text: Text = Field(description="Nội dung điều kiện, đúng nguyên văn")
    kind: Literal["required", "disqualifier"] = Field(
        description=("required: phải đáp ứng mới được xếp mức; disqualifier: nếu xảy ra thì không được xếp mức")
    )
    levels: list[Level] = Field(default_factory=list, description="Các mức độ chịu điều kiện này (trống: mọi mức)")


class CriteriaSet(CriteriaSetMethods, Model):
    id: Id
    status: Literal["official", "illustrative"] = Field(
        description="official: chép đúng quyết định; illustrative: dữ liệu minh họa, KHÔNG phải văn bản chính thức"
    )
    notice: Text | None = Field(None, description="Lời cảnh báo hiển thị trên mọi kết quả khi là dữ liệu minh họa")
    source: SetSource
    max_total: Points = Field(description="Tổng điểm tối đa của bộ tiêu chí")
    columns: list[Column] = Field(
        default_factory=score_columns,
        description=(
            "Các cột điểm: self (tự chấm), manager (người quản lý/cấp trên trực tiếp), appraisal (cơ quan có "
            "thẩm quyền/thẩm định)"
        ),
    )
    decides: Column = Field("self", description="Cột điểm dùng để xếp mức độ")
    groups: list[Criterion] = Field(min_length=1, description="Các nhóm tiêu chí")
    bonus: list[Criterion] = Field(
        default_factory=list, description=("Điểm thưởng: cộng thêm, được vượt tổng điểm tối đa")
    )
    max_bonus: Points | None = Field(None, description="Điểm thưởng tối đa được cộng")
    conditions: list[Condition] = Field(default_factory=list, description="Điều kiện không tính bằng điểm")
    levels: list[LevelRule] = Field(min_length=1)

    _illustrative_says_so = rule("after", CriteriaSetMethods._illustrative_says_so)
