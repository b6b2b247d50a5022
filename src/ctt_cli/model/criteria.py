"""criteria/*.yaml: a criteria set (Bộ tiêu chí, Bảng thang điểm) and its level rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from ctt_cli.model.common import Id, Level, Model, Text

CriterionId = Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$"),
                        Field(description="Mã tiêu chí theo cây: '2', '2.3', '2.3.1'")]
Points = Annotated[float, Field(ge=0, le=1000)]
Share = Annotated[float, Field(ge=0, le=1)]


class SetSource(Model):
    """The decision that issues the criteria set."""

    number: Text = Field(description="Số, ký hiệu quyết định, ví dụ '5049/QĐ-UBND'")
    date: dt.date | None = None
    issuer: Text | None = None
    title: Text = Field(description="Tên bộ tiêu chí như trong quyết định")


class Scoring(Model):
    kind: Literal["partial", "full", "pass_fail"] = Field(
        "partial", description="partial: chấm theo bước; full: đủ điểm hoặc 0; pass_fail: đạt / không đạt")
    step: Points = Field(0.25, gt=0, description="Bước chấm điểm (với partial), ví dụ 0.25 hoặc 0.5")


class Criterion(Model):
    id: CriterionId
    title: Text
    max: Points = Field(description="Điểm tối đa")
    cap: bool = Field(False, description="Điểm tối đa là mức trần: tổng các tiêu chí con được phép vượt")
    scoring: Scoring = Scoring()
    met_at: Points | None = Field(None, description="Điểm tối thiểu để coi là 'đạt' (mặc định: điểm tối đa)")
    evidence: Text | None = Field(None, description="Tài liệu kiểm chứng được chấp nhận")
    children: list[Criterion] = Field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def pass_mark(self) -> float:
        return self.max if self.met_at is None else self.met_at


class LevelRule(Model):
    level: Level
    name: Text | None = None
    min_total: Points = Field(0, description="Tổng điểm tối thiểu")
    min_group_share: Share = Field(0, description="Mỗi nhóm tiêu chí đạt tối thiểu tỷ lệ này của điểm tối đa")
    group_shares: dict[CriterionId, Share] = Field(default_factory=dict,
                                                   description="Tỷ lệ tối thiểu riêng cho từng nhóm")
    required: list[CriterionId] = Field(default_factory=list, description="Tiêu chí bắt buộc phải đạt")


class CriteriaSet(Model):
    id: Id
    status: Literal["official", "illustrative"] = Field(
        description="official: chép đúng quyết định; illustrative: dữ liệu minh họa, KHÔNG phải văn bản chính thức")
    notice: Text | None = Field(None, description="Lời cảnh báo hiển thị trên mọi kết quả khi là dữ liệu minh họa")
    source: SetSource
    max_total: Points = Field(description="Tổng điểm tối đa của bộ tiêu chí")
    groups: list[Criterion] = Field(min_length=1, description="Các nhóm tiêu chí")
    levels: list[LevelRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _illustrative_says_so(self) -> CriteriaSet:
        if self.status == "illustrative" and not self.notice:
            raise ValueError("bộ tiêu chí minh họa phải có lời cảnh báo (notice)")
        return self

    @property
    def illustrative(self) -> bool:
        return self.status == "illustrative"

    def walk(self) -> Iterator[tuple[tuple, Criterion]]:
        """Every criterion with its location in the file, depth first."""
        def rec(items: list[Criterion], loc: tuple) -> Iterator[tuple[tuple, Criterion]]:
            for i, c in enumerate(items):
                yield (*loc, i), c
                yield from rec(c.children, (*loc, i, "children"))
        return rec(self.groups, ("groups",))

    def leaves(self) -> list[Criterion]:
        return [c for _, c in self.walk() if c.is_leaf]

    def find(self, criterion_id: str) -> Criterion | None:
        return next((c for _, c in self.walk() if c.id == criterion_id), None)
