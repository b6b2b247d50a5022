"""The Typer application: global options and the command table. Nothing heavy is imported here."""

from __future__ import annotations

import copy
import os
import sys
from typing import Annotated

import typer

from ctt_cli import __version__, settings
from ctt_cli.commands import (
    calendar,
    deadline,
    diff,
    docx_text,
    fmt,
    init,
    new_year,
    record,
    schema,
    score,
    status,
    summary,
    validate,
)
from ctt_cli.commands import import_ as import_command
from ctt_cli.commands.explain import explain
from ctt_cli.commands.progress import progress_app
from ctt_cli.commands.render import render_app
from ctt_cli.commands.site import site
from ctt_cli.commands.templates import templates_app
from ctt_cli.commands.vi_click import install as install_vietnamese_click

install_vietnamese_click()

app = typer.Typer(
    name="ctt",
    help=(
        'ctt: Kế hoạch "Chính quyền thân thiện" của phường dưới dạng dữ liệu.\n\n'
        "Kiểm tra dữ liệu (validate), theo dõi hạn nhiệm vụ (status), chấm điểm (score) "
        "và xuất văn bản .docx theo Nghị định 30/2020/NĐ-CP (render)."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: no rich import on the start-up path (see bench/README.md)
    pretty_exceptions_show_locals=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ctt {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát.")
    ] = False,
) -> None:
    """ctt: Kế hoạch "Chính quyền thân thiện" dưới dạng dữ liệu."""
    from ctt_cli.fsutil import forget_inputs

    forget_inputs()  # what this command reads as input, it will not overwrite


app.command("validate")(validate.validate)
app.command("status")(status.status)
app.add_typer(score.score_app(), name="score")
app.command("summary")(summary.summary)
app.command("site")(site)
app.command("record")(record.record)
app.command("calendar")(calendar.calendar)
app.command("deadline")(deadline.deadline)
app.command("init")(init.init)
app.command("new-year")(new_year.new_year)
app.command("fmt")(fmt.fmt)
app.command("schema")(schema.schema)
app.command("diff")(diff.diff)
app.command("docx-text")(docx_text.docx_text)
app.command("explain")(explain)
app.add_typer(progress_app, name="progress")
app.command("import")(import_command.import_)
app.add_typer(render_app, name="render")
app.add_typer(templates_app, name="templates")


def utf8_streams() -> None:
    """Write UTF-8 whatever the console or pipe says (cp1258, cp1252, ascii on Windows and in hooks).

    Vietnamese cannot be written in those encodings; the office's tools (Excel, VS Code, Notepad) read
    UTF-8. Characters that cannot be encoded at all (lone surrogates from odd file names) are escaped.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # replaced by a test harness or an embedding program: leave it alone
            continue
        try:
            reconfigure(encoding="utf-8", errors="backslashreplace")
        except (ValueError, OSError):  # pragma: no cover - a stream that cannot change encoding
            continue


def app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command ``argv`` names: Typer builds the options of every registered
    command on each run (~20 ms for all of them, bench/README.md), and one run uses one. The whole
    app for anything else (help, --version, no command, an unknown or misspelt one)."""
    name = argv[1] if len(argv) > 1 else ""
    commands = [c for c in app.registered_commands if c.name == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if len(commands) + len(groups) != 1:
        return app
    slim = copy.copy(app)
    slim.registered_commands, slim.registered_groups = commands, groups
    return slim


def main() -> None:
    """Entry point: run the app; an unexpected failure becomes a short message, not a traceback."""
    utf8_streams()
    try:
        app_for(sys.argv)()
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng.\n")
        sys.exit(130)
    except BrokenPipeError:  # `ctt status | head`: stop quietly, and keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as exc:  # last resort: never show a traceback to the office
        if settings.debug():
            raise
        sys.stderr.write(
            f"lỗi nội bộ của ctt: {type(exc).__name__}: {exc}\n"
            "Đây là lỗi của chương trình, không phải của dữ liệu. Chạy lại với CTT_DEBUG=1 để xem chi tiết "
            "và báo cho người phát triển.\n"
        )
        sys.exit(70)
