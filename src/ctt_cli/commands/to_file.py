"""`-o FILE` for the commands that print text (validate, deadline, diff, explain, calendar): the
format follows the extension when --format is absent, a file is never written under the name of
another format (no .docx bytes in x.pdf, no JSON in x.xlsx), and the file is written atomically."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, TypeVar

import typer

F = TypeVar("F")

# Every extension a ctt command writes: a file with one of these names holds that format or nothing.
KNOWN = (".csv", ".json", ".md", ".xlsx", ".ics", ".docx", ".pdf", ".html")

FileOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="TỆP",
        help="Ghi ra tệp thay vì màn hình (ghi an toàn, không để tệp dở dang); định dạng theo đuôi tệp khi không có --format.",
    ),
]


def to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def pick(fmt: F | None, output: Path | None, by_suffix: Mapping[str, F], default: F) -> F:
    """The format to write: --format, else the extension of -o, else ``default``. Exit 2 when the
    two disagree or when the extension names a format this command does not write."""
    from ctt_cli.views.console import error

    if to_stdout(output):
        return default if fmt is None else fmt
    assert output is not None
    suffix = output.suffix.lower()
    found = by_suffix.get(suffix)
    if found is not None:
        if fmt is not None and fmt != found:
            error(f"--format {fmt} không ghi vào tệp {suffix} ({output}); bỏ --format hoặc đổi tên tệp")
            raise typer.Exit(2)
        return found
    if suffix in KNOWN:
        usable = ", ".join(sorted(by_suffix)) or "tệp văn bản"
        error(f"{output}: lệnh này không ghi được tệp {suffix}; dùng {usable}")
        raise typer.Exit(2)
    return default if fmt is None else fmt


def emit_text(text: str, output: Path | None) -> None:
    """Print ``text``, or write it to ``output`` (UTF-8, atomically) and say so on stderr."""
    import sys

    if to_stdout(output):
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        return
    assert output is not None
    write_file(output, (text if text.endswith("\n") or not text else text + "\n").encode("utf-8"))


def write_file(output: Path, data: bytes) -> None:
    from ctt_cli.commands.common import write_or_exit
    from ctt_cli.fsutil import display_path
    from ctt_cli.views.console import note

    write_or_exit(output, data)
    note(f"Đã ghi {display_path(output)}")


def captured(printer) -> str:
    """What ``printer()`` writes on stdout, as text (for the printers that write there directly)."""
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        printer()
    return buf.getvalue()
