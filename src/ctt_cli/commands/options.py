"""The options several commands share, declared once: paths, year, day, format, output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.views.formats import FindingFormat, TableFormat

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


def resolve_paths(paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else [DEFAULT_PLANS]


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Thư mục kế hoạch của phường, hoặc thư mục chứa nhiều phường. Mặc định: plans/",
                   show_default=False, metavar="THƯ_MỤC..."),
]
Year = Annotated[int, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, metavar="NĂM",
                                   help="Năm (4 chữ số).")]
YearOrAsOf = Annotated[int | None, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, metavar="NĂM",
                                                help="Năm. Mặc định: năm của --as-of.")]
ThisYearByDefault = Annotated[int | None, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, metavar="NĂM",
                                                       help="Năm. Mặc định: năm nay.")]
AsOf = Annotated[dt.date | None, typer.Option("--as-of", metavar="NGÀY", parser=parse_day, help=(
    "Tính tại ngày này (2026-11-25 hoặc 25/11/2026). Mặc định: hôm nay."))]
TableFormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help="Định dạng đầu ra")]
FindingFormatOpt = Annotated[FindingFormat, typer.Option("--format", "-f", help=(
    "text: cho người đọc; json: danh sách phát hiện (code, severity, file, line, column, path, "
    "message, hint); github: chú thích GitHub Actions."))]
DueWithin = Annotated[int, typer.Option("--due-within", min=0, max=3660, metavar="SỐ_NGÀY",
                                        help="Hạn còn từ bấy nhiêu ngày trở xuống thì là 'sắp đến hạn'.")]


def today(as_of: dt.date | None) -> dt.date:
    """The day a command judges by: --as-of, else today (read here, at the edge, and passed in)."""
    return as_of or dt.date.today()
