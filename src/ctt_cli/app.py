"""The Typer application: global options and the command table. Nothing heavy is imported here."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated

import typer

from ctt_cli import __version__, settings
from ctt_cli.commands.vi_click import install as install_vietnamese_click

install_vietnamese_click()

# The command table, in the order of `ctt --help`: name, module under ctt_cli.commands, attribute, and
# how it is attached ("command": a function; "group": a Typer app; "factory": a function that makes one).
# A run imports only the module of the command it names (bench/README.md); help imports them all.
COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("validate", "validate", "validate", "command"),
    ("status", "status", "status", "command"),
    ("score", "score", "score_app", "factory"),
    ("summary", "summary", "summary", "command"),
    ("site", "site", "site", "command"),
    ("record", "record", "record", "command"),
    ("calendar", "calendar", "calendar", "command"),
    ("deadline", "deadline", "deadline", "command"),
    ("init", "init", "init", "command"),
    ("new-year", "new_year", "new_year", "command"),
    ("fmt", "fmt", "fmt", "command"),
    ("schema", "schema", "schema", "command"),
    ("diff", "diff", "diff", "command"),
    ("docx-text", "docx_text", "docx_text", "command"),
    ("explain", "explain", "explain", "command"),
    ("progress", "progress", "progress_app", "group"),
    ("import", "import_", "import_", "command"),
    ("render", "render", "render_app", "group"),
    ("templates", "templates", "templates_app", "group"),
)


def _typer() -> typer.Typer:
    """The application without commands: its help, global options and callback."""
    made = typer.Typer(
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
    made.callback()(_root)
    return made


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ctt {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát.")
    ] = False,
) -> None:
    """ctt: Kế hoạch "Chính quyền thân thiện" dưới dạng dữ liệu."""
    from ctt_cli.fsutil import forget_inputs

    forget_inputs()  # what this command reads as input, it will not overwrite


def _attach(target: typer.Typer, entry: tuple[str, str, str, str]) -> None:
    name, module, attribute, how = entry
    found = getattr(importlib.import_module(f"ctt_cli.commands.{module}"), attribute)
    if how == "command":
        target.command(name)(found)
    else:
        target.add_typer(found() if how == "factory" else found, name=name)


_WHOLE: list[typer.Typer] = []


def whole_app() -> typer.Typer:
    """The app with every command (built once: it imports every command module)."""
    if not _WHOLE:
        made = _typer()
        for entry in COMMANDS:
            _attach(made, entry)
        _WHOLE.append(made)
    return _WHOLE[0]


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # `from ctt_cli.app import app`: the whole app, built on first use
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    """The app with only the command ``argv`` names, and only its module imported: Typer builds the
    options of every registered command on each run (~20 ms for all of them, bench/README.md), and one
    run uses one. The whole app for anything else (help, --version, no command, an unknown or misspelt
    one, so that misspellings still get suggestions)."""
    name = argv[1] if len(argv) > 1 else ""
    entries = [e for e in COMMANDS if e[0] == name]
    if len(entries) != 1:
        return whole_app()
    slim = _typer()
    _attach(slim, entries[0])
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
