"""The options several commands share, declared once: paths, year, day, format, output."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.types import ParamType

from ctt_cli.views.formats import FindingFormat

DEFAULT_PLANS = Path("plans")
YEAR_MIN, YEAR_MAX = 2000, 2100


def parse_day(value: str | dt.date | None) -> dt.date | None:
    """A day as the office writes it (25/11/2026) or as ISO (2026-11-25)."""
    if value is None or isinstance(value, dt.date):
        return value
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise typer.BadParameter(f"'{value}' không phải ngày; dùng dạng 2026-11-25 hoặc 25/11/2026")


def fold(text: str) -> str:
    """The one spelling rule of option values: case, diacritics (đ too) and the separators '_', '-',
    space do not matter. "Quá hạn", "qua-han", "QUA_HAN" and "quá_hạn" are all "qua-han"."""
    text = unicodedata.normalize("NFD", text.strip().lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s_\-]+", "-", text).strip("-")


def spelled(label: str) -> str:
    """A Vietnamese label as an option value: "sắp đến hạn" → "sắp-đến-hạn" (NFC, diacritics kept)."""
    return re.sub(r"\s+", "-", unicodedata.normalize("NFC", label.strip().lower()))


class EnumChoice(ParamType):
    """A choice of an enum's members, typed in English (the value) or Vietnamese (the label), with or
    without diacritics, with '-', '_' or a space: both spellings go through ``fold``."""

    name = "choice"

    def __init__(self, enum: type[Enum], labels: Mapping[Any, str]) -> None:
        self.enum = enum
        self.labels = {member: spelled(labels[member]) for member in enum}
        self.table: dict[str, Enum] = {}
        for member in enum:
            for spelling in (str(member.value), self.labels[member]):
                other = self.table.setdefault(fold(spelling), member)
                if other is not member:  # pragma: no cover - a programming error in the labels
                    raise ValueError(f"{spelling!r} means both {other} and {member}")

    def choices(self) -> str:
        return ", ".join(f"{self.labels[m]} ({m.value})" for m in self.enum)

    def get_metavar(self, param: Any, ctx: Any) -> str:
        return "[" + "|".join(self.labels[m] for m in self.enum) + "]"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, self.enum):
            return value
        found = self.table.get(fold(str(value)))
        if found is None:
            self.fail(f"'{value}' không phải giá trị được nhận; chọn một trong: {self.choices()}", param, ctx)
        return found


def resolve_paths(paths: list[Path] | None) -> list[Path]:
    """The paths given, or the plans folder found from where the command runs (workspace.where):
    a ctt.toml, the ward folder you are in, or the nearest plans/ above."""
    if paths:
        return list(paths)
    import os

    from ctt_cli.views.console import error
    from ctt_cli.workspace.where import ConfigError, find_plans

    try:
        place = find_plans(Path.cwd())
    except ConfigError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    if place is None:
        error(
            "không tìm thấy thư mục kế hoạch: không có plans/ (hay ctt.toml) ở thư mục này và các thư mục cha. "
            'Tạo kế hoạch mới: ctt init plans/TEN-PHUONG --ward "Phường …", hoặc ghi rõ thư mục kế hoạch.'
        )
        raise typer.Exit(1)
    relative = os.path.relpath(place.plans)
    return [Path(relative) if not relative.startswith("..") else place.plans]


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Thư mục kế hoạch của phường, hoặc thư mục chứa nhiều phường. Mặc định: plans/",
        show_default=False,
        metavar="THƯ_MỤC...",
    ),
]
Year = Annotated[int, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, metavar="NĂM", help="Năm (4 chữ số).")]
YearOrAsOf = Annotated[
    int | None,
    typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, metavar="NĂM", help="Năm. Mặc định: năm của --as-of."),
]
ThisYearByDefault = Annotated[
    int | None, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, metavar="NĂM", help="Năm. Mặc định: năm nay.")
]
AsOf = Annotated[
    dt.date | None,
    typer.Option(
        "--as-of",
        metavar="NGÀY",
        parser=parse_day,
        help=("Tính tại ngày này (2026-11-25 hoặc 25/11/2026). Mặc định: hôm nay."),
    ),
]
FindingFormatOpt = Annotated[
    FindingFormat | None,
    typer.Option(
        "--format",
        "-f",
        help=(
            "text: cho người đọc; json: danh sách phát hiện (code, severity, file, line, column, path, "
            "message, hint); github: chú thích GitHub Actions; md: bảng Markdown. "
            "Mặc định: theo đuôi tệp -o (.json, .md), không thì text."
        ),
    ),
]
DueWithin = Annotated[
    int,
    typer.Option(
        "--due-within",
        min=0,
        max=3660,
        metavar="SỐ_NGÀY",
        help="Hạn còn từ bấy nhiêu ngày trở xuống thì là 'sắp đến hạn'.",
    ),
]


def today(as_of: dt.date | None) -> dt.date:
    """The day a command judges by: --as-of, else today (read here, at the edge, and passed in).

    Validation always judges the data by the real day (a completion date after today is wrong data);
    --as-of moves the day the status, the scores and the documents are computed for."""
    return as_of or dt.date.today()


class Role(StrEnum):
    """Which tasks of a unit: those it leads, supports, or both."""

    lead = "lead"
    partner = "partner"
    any = "any"


ROLE_CHOICE = EnumChoice(Role, {Role.lead: "chủ trì", Role.partner: "phối hợp", Role.any: "tất cả"})
UnitOpt = Annotated[
    str | None,
    typer.Option(
        "--unit", "-u", metavar="ĐƠN_VỊ", help="Chỉ nhiệm vụ của đơn vị này (mã, tên, tên ngắn hoặc tên gọi khác)."
    ),
]
RoleOpt = Annotated[
    Role,
    typer.Option(
        "--role",
        click_type=ROLE_CHOICE,
        metavar="VAI_TRÒ",
        help=("Với --unit: vai trò " + ROLE_CHOICE.choices() + "."),
        show_default=ROLE_CHOICE.labels[Role.any],
    ),
]
