"""Click's own words in Vietnamese: help headings, the usage line, [default: …], and every usage error.

Typer 0.28 bundles Click as ``typer._click``. Typer's part (section headings, "[default: …]",
"[required]", "No such command") still goes through gettext (``typer.core._``), so a small in-code
catalog is installed there. The bundled Click builds its English with f-strings, not gettext; those
words are reached at the few places that print them: the usage prefix and pieces, the help option's
text, the metavar of a typed option, and the ``show`` of the usage errors, whose message is translated
by a table of patterns (anchored, so a message that is already Vietnamese passes unchanged).

``install()`` is called once by ``app.py``; it is idempotent.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from typing import IO, Any

import typer.core as typer_core
from typer import _click
from typer._click import core as click_core
from typer._click import exceptions as click_exc
from typer._click import formatting as click_formatting
from typer._click import types as click_types
from typer._click._compat import get_text_stderr

# Strings Typer passes through gettext, as Typer writes them.
WORDS: dict[str, str] = {
    "Arguments": "Đối số",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tính khi chạy)",
    "Aborted!": "Đã dừng.",
    "Missing command.": "thiếu lệnh.",
    "No such command {name!r}.": "không có lệnh {name!r}.",
}

USAGE_PREFIX = "Cách dùng: "
HELP_TEXT = "Hiện phần trợ giúp này rồi thoát."
ERROR_PREFIX = "lỗi: "  # as views.console.error writes it
USAGE_PIECES = {"[OPTIONS]": "[TÙY_CHỌN]", "COMMAND [ARGS]...": "LỆNH [ĐỐI_SỐ]..."}

# The metavar Click makes from a type's name ("<int range>") when the option declares none.
METAVARS = {
    "<int range>": "SỐ",
    "<int>": "SỐ",
    "<integer>": "SỐ",
    "<float range>": "SỐ",
    "<float>": "SỐ",
    "<str>": "CHUỖI",
    "<text>": "CHUỖI",
    "<boolean>": "CÓ/KHÔNG",
    "<filename>": "TỆP",
    "<path>": "ĐƯỜNG_DẪN",
    "<uuid>": "UUID",
}

TYPE_NAMES = {
    "int range": "số nguyên",
    "int": "số nguyên",
    "integer": "số nguyên",
    "float range": "số",
    "float": "số",
    "boolean": "giá trị có/không",
    "UUID": "mã UUID",
    "datetime": "ngày giờ",
}


class Catalog(gettext.NullTranslations):
    """A gettext translation backed by ``WORDS``: unknown strings come back unchanged."""

    def gettext(self, message: str) -> str:
        return WORDS.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


CATALOG = Catalog()

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _rules() -> list[_Rule]:
    t = translate

    def rule(pattern: str, make: Callable[[re.Match[str]], str]) -> _Rule:
        return re.compile(pattern, re.S), make

    return [
        rule(r"Invalid value for (?P<p>.+?): (?P<m>.*)", lambda m: f"giá trị không hợp lệ cho {m['p']}: {t(m['m'])}"),
        rule(r"Invalid value: (?P<m>.*)", lambda m: f"giá trị không hợp lệ: {t(m['m'])}"),
        rule(
            r"Missing (?P<k>option|argument|parameter)(?P<p> .+?)?\.(?: (?P<m>.*))?",
            lambda m: (
                {"option": "thiếu tùy chọn", "argument": "thiếu đối số", "parameter": "thiếu tham số"}[m["k"]]
                + (m["p"] or "")
                + "."
                + (f" {t(m['m'])}" if m["m"] else "")
            ),
        ),
        rule(r"Missing parameter: (?P<p>.*)", lambda m: f"thiếu tham số {m['p']}."),
        rule(r"Choose from:\n\t(?P<c>.*)", lambda m: f"Chọn một trong: {m['c']}"),
        rule(
            r"No such option: (?P<o>\S+)(?: \(Possible options: (?P<c>.+)\))?",
            lambda m: f"không có tùy chọn {m['o']}" + (f" (có phải: {m['c']}?)" if m["c"] else ""),
        ),
        rule(r"No such command (?P<n>.+)\.", lambda m: f"không có lệnh {m['n']}."),
        rule(r"Option (?P<o>'.+?') requires an argument\.", lambda m: f"tùy chọn {m['o']} cần một giá trị."),
        rule(
            r"Option (?P<o>'.+?') requires (?P<n>\d+) arguments\.", lambda m: f"tùy chọn {m['o']} cần {m['n']} giá trị."
        ),
        rule(r"Option (?P<o>'.+?') does not take a value\.", lambda m: f"tùy chọn {m['o']} không nhận giá trị."),
        rule(r"Got unexpected extra argument(?:s|\(s\))? \((?P<a>.*)\)", lambda m: f"thừa đối số: {m['a']}"),
        rule(r"(?P<v>.+) is not one of (?P<c>.+)\.", lambda m: f"{m['v']} không phải một trong các giá trị {m['c']}."),
        rule(
            r"(?P<v>.+) is not in the range (?P<r>.+?)(?P<c> clamped)?\.",
            lambda m: f"{m['v']} nằm ngoài khoảng cho phép ({m['r']}).",
        ),
        rule(
            r"(?P<v>.+) is not a valid boolean\. Recognized values: (?P<s>.+)",
            lambda m: f"{m['v']} không phải giá trị có/không; các giá trị được nhận: {m['s']}",
        ),
        rule(
            r"(?P<v>.+) is not a valid (?P<t>.+?)\.",
            lambda m: f"{m['v']} không phải {TYPE_NAMES.get(m['t'], m['t'])} hợp lệ.",
        ),
        rule(r"(?P<v>.+) does not match the formats (?P<f>.+)\.", lambda m: f"{m['v']} không khớp các dạng {m['f']}."),
        rule(
            r"(?P<n>\d+) values are required, but (?P<g>\d+) (?:was|were)? ?given\.",
            lambda m: f"cần {m['n']} giá trị nhưng có {m['g']}.",
        ),
        rule(r"Takes (?P<n>\d+) values but (?P<g>\d+) given\.", lambda m: f"cần {m['n']} giá trị nhưng có {m['g']}."),
        rule(r"Value must be an iterable\.", lambda m: "giá trị phải là một danh sách."),
        rule(r"Could not open file (?P<f>.+?): (?P<m>.*)", lambda m: f"không mở được tệp {m['f']}: {m['m']}"),
        rule(r"unknown error", lambda m: "lỗi không rõ"),
    ]


_RULES: list[_Rule] = []


def describe_range(self: Any) -> str:
    """A number range in words ("từ 2000 đến 2100"), for help and for the out-of-range error."""
    low = None if self.min is None else f"{'trên' if self.min_open else 'từ'} {self.min}"
    high = None if self.max is None else f"{'dưới' if self.max_open else 'đến'} {self.max}"
    if low and high:
        return f"{low} {high}"
    if low:
        return f"{low} trở lên" if not self.min_open else low
    return (high or "") if self.max_open else f"tối đa {self.max}"


def translate(message: str) -> str:
    """Click's English message in Vietnamese; a message no rule knows comes back unchanged."""
    if message in WORDS:
        return WORDS[message]
    if not _RULES:
        _RULES.extend(_rules())
    for pattern, make in _RULES:
        found = pattern.fullmatch(message)
        if found:
            return make(found)
    return message


def _show_click_exception(self: click_exc.ClickException, file: IO[Any] | None = None) -> None:
    _click.echo(
        f"{ERROR_PREFIX}{translate(self.format_message())}", file=file or get_text_stderr(), color=self.show_color
    )


def _show_usage_error(self: click_exc.UsageError, file: IO[Any] | None = None) -> None:
    file = file or get_text_stderr()
    color = None
    if self.ctx is not None:
        color = self.ctx.color
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = f"Xem '{self.ctx.command_path} {self.ctx.help_option_names[0]}' để biết cách dùng.\n"
        _click.echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
    _click.echo(f"{ERROR_PREFIX}{translate(self.format_message())}", file=file, color=color)


def install() -> None:
    """Put the Vietnamese words in place (once; calling again changes nothing)."""
    if getattr(click_core, "_ctt_vi", False):
        return
    setattr(click_core, "_ctt_vi", True)  # noqa: B010 - a marker on a module mypy knows no attribute of
    typer_core._ = CATALOG.gettext

    write_usage = click_formatting.HelpFormatter.write_usage

    def write_usage_vi(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

    click_formatting.HelpFormatter.write_usage = write_usage_vi  # type: ignore[method-assign]

    for cls in {click_core.Command, typer_core.TyperCommand, typer_core.TyperGroup}:
        if "collect_usage_pieces" in vars(cls):
            _wrap_usage_pieces(cls)

    get_help_option = click_core.Command.get_help_option

    def get_help_option_vi(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None and option.help == "Show this message and exit.":
            option.help = HELP_TEXT
        return option

    click_core.Command.get_help_option = get_help_option_vi  # type: ignore[method-assign]

    make_metavar = click_core.Parameter.make_metavar

    def make_metavar_vi(self: Any, ctx: Any) -> str:
        metavar = make_metavar(self, ctx)
        if self.metavar is not None:
            return metavar
        base, dots = (metavar[:-3], "...") if metavar.endswith("...") else (metavar, "")
        return METAVARS.get(base, base) + dots

    click_core.Parameter.make_metavar = make_metavar_vi  # type: ignore[method-assign]

    click_types._NumberRangeBase._describe_range = describe_range  # type: ignore[method-assign]
    click_exc.ClickException.show = _show_click_exception  # type: ignore[method-assign]
    click_exc.UsageError.show = _show_usage_error  # type: ignore[method-assign]


def _wrap_usage_pieces(cls: type) -> None:
    original = vars(cls)["collect_usage_pieces"]

    def collect_usage_pieces_vi(self: Any, ctx: Any) -> list[str]:
        return [USAGE_PIECES.get(piece, piece) for piece in original(self, ctx)]

    cls.collect_usage_pieces = collect_usage_pieces_vi  # type: ignore[attr-defined]
