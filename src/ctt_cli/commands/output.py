"""Writing a command's table to a file (`-o FILE`): the format follows the extension when --format is
absent; csv and xlsx come from the export tables (views/export.py), json and md from the printers."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.views.formats import TableFormat

OutFormatOpt = Annotated[
    TableFormat | None,
    typer.Option(
        "--format",
        "-f",
        help=(
            "Định dạng đầu ra: table, json, csv, md, xlsx (xlsx cần -o). Mặc định: theo đuôi tệp -o, không có -o thì table."
        ),
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="TỆP",
        help=("Ghi ra tệp thay vì màn hình; định dạng theo đuôi tệp (.csv, .json, .md, .xlsx) khi không có --format."),
    ),
]
CsvSepOpt = Annotated[
    str,
    typer.Option(
        "--csv-sep",
        metavar="KÝ_TỰ",
        help=("Dấu phân cách CSV; ';' cho Excel cài đặt tiếng Việt (khi đó số thập phân dùng dấu phẩy)."),
    ),
]

_BY_SUFFIX = {".csv": TableFormat.csv, ".json": TableFormat.json, ".md": TableFormat.md, ".xlsx": TableFormat.xlsx}


def resolve(fmt: TableFormat | None, output: Path | None, csv_sep: str) -> TableFormat:
    """The format to write; usage errors (exit 2) for what cannot work."""
    from ctt_cli.views.console import error

    if len(csv_sep) != 1 or csv_sep in '"\r\n':
        error(f"--csv-sep: '{csv_sep}' không dùng được; dùng một ký tự như ',' hoặc ';'")
        raise typer.Exit(2)
    if fmt is None:
        if output is None:
            return TableFormat.table
        found = _BY_SUFFIX.get(output.suffix.lower())
        if found is None:
            error(f"{output}: không nhận ra định dạng từ đuôi tệp; dùng .csv, .json, .md, .xlsx hoặc --format")
            raise typer.Exit(2)
        return found
    if output is not None:
        from ctt_cli.commands.to_file import pick

        pick(fmt, output, _BY_SUFFIX, fmt)  # no CSV under a .xlsx or .pdf name
    if fmt is TableFormat.xlsx and output is None:
        error("--format xlsx cần tệp đầu ra: -o TỆP.xlsx")
        raise typer.Exit(2)
    if fmt is TableFormat.table and output is not None:
        error("-o ghi tệp .csv, .json, .md hoặc .xlsx; chọn --format tương ứng")
        raise typer.Exit(2)
    return fmt


def emit(fmt: TableFormat, output: Path | None, csv_sep: str, sheet: Callable, printer: Callable[[str], None]) -> None:
    """Print or write: ``sheet()`` gives the export table (csv, xlsx); ``printer(fmt)`` prints json, md, table."""
    if fmt is TableFormat.table and output is None:  # the common case: no export module, no file
        printer(fmt.value)
        return
    from ctt_cli.commands.common import write_or_exit
    from ctt_cli.views.console import note
    from ctt_cli.views.export import csv_bytes, csv_text, xlsx_bytes

    if fmt is TableFormat.csv:
        if output is None:
            typer.echo(csv_text(sheet(), csv_sep), nl=False)
            return
        data = csv_bytes(sheet(), csv_sep)
    elif fmt is TableFormat.xlsx:
        data = xlsx_bytes([sheet()])
    elif output is None:
        printer(fmt.value)
        return
    else:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            printer(fmt.value)
        data = buf.getvalue().encode("utf-8")
    assert output is not None  # emit writes a file only when -o names one
    write_or_exit(output, data)
    note(f"đã ghi {output}")
