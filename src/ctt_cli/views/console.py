"""Printers: findings (text, json, github) and tables (table, json, csv, md).

Data goes to stdout, diagnostics to stderr. Colour follows rich's detection:
off when the stream is not a terminal or NO_COLOR is set.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from ctt_cli import settings
from ctt_cli.findings import Finding, Severity, count


def _console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = settings.columns()
    if width is None and not stream.isatty():  # a pipe or a file: wide enough for Vietnamese words
        width = 160
    return Console(stderr=stderr, highlight=False, width=width, soft_wrap=True)


def _excerpt(finding: Finding, texts: Mapping[str, str]) -> list[str]:
    text = texts.get(finding.file)
    if not text or finding.line < 1:
        return []
    lines = text.split("\n")
    if finding.line > len(lines):
        return []
    line = lines[finding.line - 1]
    col = max(finding.column, 1)
    start = max(0, col - 60)
    snippet = line[start : start + 110]
    prefix = f"{finding.line:>5} | "
    return [
        prefix + ("…" if start else "") + snippet,
        " " * (len(prefix) - 2) + "| " + " " * (col - 1 - start + (1 if start else 0)) + "^",
    ]


def _use_color(stream) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return settings.color(stream)


def _on_terminal(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _paint(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


def print_findings(
    findings: list[Finding], fmt: str, texts: Mapping[str, str] | None = None, *, stderr: bool = False
) -> None:
    """Print findings in the chosen format, on stdout (or stderr when they are diagnostics).

    Plain writes, no rich: this is the hot path of `ctt validate`."""
    stream = sys.stderr if stderr else sys.stdout
    if fmt == "json":
        import json  # stdlib: only for this format (json and csv cost ~2 ms of every run's start otherwise)

        stream.write(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "md":
        stream.write(findings_md(findings))
        return
    if fmt == "github":
        for f in findings:
            level = "error" if f.severity is Severity.ERROR else "warning"
            msg = github_data(f"{f.message} [{f.path}]" if f.path else f.message)
            stream.write(
                f"::{level} file={github_property(f.file)},line={f.line},col={f.column},"
                f"title={github_property(f.code)}::{msg}\n"
            )
        return
    color = _use_color(stream)
    out = []
    for f in findings:
        error = f.severity is Severity.ERROR
        word = _paint(f"{'lỗi' if error else 'cảnh báo'} {f.code}", "1;31" if error else "33", color)
        where = f"{f.file}:{f.line}:{f.column}" if f.line else f.file
        path = f" [{f.path}]" if f.path else ""
        out.append(f"{where}: {word}: {f.message}{path}")
        if texts is not None and _on_terminal(stream):  # NO_COLOR takes the colour away, not the excerpt
            out += [_paint(row, "2", color) for row in _excerpt(f, texts)]
        if f.hint:
            out.append(_paint(f"    gợi ý: {f.hint}", "36", color))
    if out:
        stream.write("\n".join(out) + "\n")


def findings_md(findings: list[Finding]) -> str:
    """The findings as a Markdown table (a report to paste into a ticket or a pull request)."""
    if not findings:
        return "Không có lỗi hay cảnh báo.\n"
    out = ["| Mức | Mã | Vị trí | Thông điệp | Gợi ý |", "|---|---|---|---|---|"]
    for f in findings:
        where = f"{f.file}:{f.line}:{f.column}" if f.line else f.file
        message = f"{f.message} [{f.path}]" if f.path else f.message
        level = "lỗi" if f.severity is Severity.ERROR else "cảnh báo"
        out.append("| " + " | ".join(_md_cell(c) for c in (level, f.code, where, message, f.hint or "")) + " |")
    errors, warnings = count(findings)
    return "\n".join([*out, "", f"{errors} lỗi, {warnings} cảnh báo."]) + "\n"


def github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner expects (no line break can start
    another command)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property value (file=, title=): also ':' and ',' escaped."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


_NUMBER = re.compile(r"[-+]?[0-9]+([.,][0-9]+)*")


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @ tab or CR (a formula,
    =HYPERLINK(...)) gets a leading apostrophe; numbers, and text that is only a number, stay as
    they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def inert(cell: Any) -> Any:
    """An xlsx cell (openpyxl) whose text starts with '=' stays text: openpyxl would store it as a
    formula that Excel runs (=HYPERLINK(...)); only the formulas ctt writes itself are formulas."""
    if getattr(cell, "data_type", None) == "f":
        cell.data_type = "s"
    return cell


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def summary_line(findings: list[Finding]) -> str:
    errors, warnings = count(findings)
    return f"{errors} lỗi, {warnings} cảnh báo"


def error(message: str) -> None:
    """A diagnostic on stderr."""
    sys.stderr.write(f"{_paint('lỗi:', '1;31', _use_color(sys.stderr))} {message}\n")


def warn(message: str) -> None:
    """A warning on stderr: the command did its work, but the result needs attention."""
    sys.stderr.write(f"{_paint('cảnh báo:', '1;33', _use_color(sys.stderr))} {message}\n")


def note(message: str) -> None:
    sys.stderr.write(message + "\n")


def print_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: str,
    *,
    title: str = "",
    caption: str = "",
    data: Any = None,
    styles: Sequence[str | None] | None = None,
) -> None:
    """A table on stdout. ``data`` is what the json format prints (default: the rows as objects)."""
    if fmt == "json":
        import json  # stdlib: only for this format

        payload = data if data is not None else [dict(zip(columns, r)) for r in rows]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        import csv  # stdlib: only for this format

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([csv_cell(c) for c in columns])
        writer.writerows([[csv_cell(c) for c in r] for r in rows])
        sys.stdout.write(buf.getvalue())
    elif fmt == "md":
        out = [f"### {title}", ""] if title else []
        out.append("| " + " | ".join(columns) + " |")
        out.append("|" + "|".join("---" for _ in columns) + "|")
        for r in rows:
            out.append("| " + " | ".join(_md_cell(c) for c in r) + " |")
        if caption:
            out += ["", caption]
        sys.stdout.write("\n".join(out) + "\n")
    else:
        from rich.table import Table

        table = Table(title=title or None, caption=caption or None, caption_justify="left")
        for _i, col in enumerate(columns):
            table.add_column(col, overflow="fold")
        for i, r in enumerate(rows):
            table.add_row(*[_escape("" if c is None else str(c)) for c in r], style=styles[i] if styles else None)
        _console().print(table)


def _md_cell(value: Any) -> str:
    return ("" if value is None else str(value)).replace("|", "\\|").replace("\n", " ")


def table_width() -> int:
    """The width tables on stdout are laid out for (COLUMNS, the terminal, or 160 in a pipe)."""
    return _console().width


def print_blocks(
    title: str, blocks: Sequence[Sequence[str]], caption: str = "", styles: Sequence[str | None] | None = None
) -> None:
    """A narrow terminal's table: one block per row, its first line styled, the others indented,
    every line wrapped at word boundaries (a date or a code is never cut)."""
    import textwrap

    from rich.text import Text

    console = _console()
    width = max(console.width, 40)
    for line in title.split("\n") if title else []:
        for part in textwrap.wrap(line, width, break_on_hyphens=False):
            console.print(Text(part, style="bold"))
    for i, block in enumerate(blocks):
        console.print("")
        for j, line in enumerate(block):
            indent = "" if j == 0 else "     "
            for part in textwrap.wrap(
                line, width, initial_indent=indent, subsequent_indent="     ", break_on_hyphens=False
            ) or [indent]:
                console.print(Text(part, style=(styles[i] if styles and j == 0 else None) or ""))
    if caption:
        console.print("")
        for part in textwrap.wrap(caption, width, break_on_hyphens=False):
            console.print(Text(part))
