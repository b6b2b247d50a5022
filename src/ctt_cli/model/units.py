"""units.yaml: the registry of units (đơn vị) the plan names."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ctt_cli.model.common import Id, Model, Text
from ctt_cli.model.methods import UnitMethods
from ctt_cli.model.suppress import Ignore, ignores
from ctt_cli.model.unit_match import close_units as close_units  # re-exported
from ctt_cli.model.unit_match import describe as describe  # re-exported
from ctt_cli.model.unit_match import match_units as match_units  # re-exported
from ctt_cli.model.unit_match import resolve_unit as resolve_unit  # re-exported
from ctt_cli.model.unit_match import unit_key as unit_key  # re-exported

UnitKind = Literal[
    "chinh-quyen",
    "lanh-dao",
    "phong",
    "trung-tam",
    "van-phong",
    "dang",
    "doan-the",
    "co-so",
    "don-vi",
    "cap-tren",
    "nhom",
    "chuc-danh",
]


class Unit(UnitMethods, Model):
    id: Id
    name: Text = Field(description="Tên đầy đủ, chính thức của đơn vị")
    short_name: Text | None = Field(None, description="Tên ngắn dùng trong bảng biểu")
    aliases: list[Text] = Field(default_factory=list, description="Các tên gọi hợp lệ khác")
    kind: UnitKind = Field(
        description="Loại đơn vị; chuc-danh: một chức danh hoặc một người "
        "(ví dụ 'Đồng chí Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội')"
    )
    code: str | None = Field(
        None,
        pattern=r"^[A-ZĐ][A-ZĐ0-9]*$",
        description="Chữ viết tắt của đơn vị soạn thảo trong ký hiệu văn bản, ví dụ VHXH",
    )
    ignore: list[Ignore] = ignores()


class UnitsFile(Model):
    units: list[Unit] = Field(min_length=1, description="Danh mục đơn vị")
