"""units.yaml: the registry of units (đơn vị) the plan names."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ctt_cli.model.common import Id, Model, Text
from ctt_cli.model.suppress import Ignore, ignores
from ctt_cli.vn.text import name_key

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


class Unit(Model):
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

    def names(self) -> list[str]:
        """Every accepted spelling, longest first."""
        return sorted(
            {self.name, *(self.aliases), *([self.short_name] if self.short_name else [])}, key=len, reverse=True
        )


class UnitsFile(Model):
    units: list[Unit] = Field(min_length=1, description="Danh mục đơn vị")


def resolve_unit(units: list[Unit], query: str) -> Unit | None:
    """A unit by id, name, short name or alias; letter case and spacing around '-' ignored."""

    key = name_key(query)
    for unit in units:
        if query == unit.id or key in {name_key(n) for n in unit.names()}:
            return unit
    return None
