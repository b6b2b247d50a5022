"""Click's own words are Vietnamese: the help of every command and every usage error."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from ctt_cli.app import app
from ctt_cli.commands.vi_click import CATALOG, WORDS, translate

runner = CliRunner()

STOP_WORDS = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "Invalid value",
    "Missing",
    "default",
    "required",
    "range",
    "Try",
    "Error",
    "OPTIONS",
    "COMMAND",
    "ARGS",
    "for help",
    "No such",
    "is not",
    "Possible",
    "requires",
    "does not",
    "Got unexpected",
    "Choose from",
]
STOP = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in STOP_WORDS))


def command_paths() -> list[list[str]]:
    """Every command and sub-command of the app, as the words typed after `ctt`."""
    out: list[list[str]] = [[]]

    def walk(group, prefix: list[str]) -> None:
        for name, cmd in group.commands.items():
            out.append([*prefix, name])
            if hasattr(cmd, "commands"):
                walk(cmd, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return out


COMMANDS = command_paths()


def test_the_walk_finds_the_commands() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"validate", "status", "fmt", "render plan", "templates check"} <= names
    assert len(COMMANDS) > 15


@pytest.mark.parametrize("words", COMMANDS, ids=lambda c: " ".join(c) or "ctt")
def test_help_has_no_english_click_words(words: list[str]) -> None:
    result = runner.invoke(app, [*words, "--help"])
    assert result.exit_code == 0
    assert "Cách dùng: ctt" in result.output
    assert "Tùy chọn:" in result.output and "Hiện phần trợ giúp này rồi thoát." in result.output
    found = STOP.findall(result.output)
    assert not found, f"English in `ctt {' '.join(words)} --help`: {found}\n{result.output}"


USAGE_ERRORS = [
    (["status", "--format", "xml"], "giá trị không hợp lệ cho '--format' / '-f': 'xml' không phải một trong"),
    (["status", "--khong-co"], "không có tùy chọn --khong-co"),
    (["status", "--yer", "2026"], "không có tùy chọn --yer (có phải: --year?)"),
    (["score"], "thiếu tùy chọn '--year' / '-y'."),
    (["score", "--year", "1999"], "1999 nằm ngoài khoảng cho phép (từ 2000 đến 2100)."),
    (["score", "--year", "hai nghìn"], "'hai nghìn' không phải số nguyên hợp lệ."),
    (["status", "--due-within"], "tùy chọn '--due-within' cần một giá trị."),
    (["fmt", "--check=1"], "tùy chọn '--check' không nhận giá trị."),
    (["init"], "thiếu đối số 'THƯ_MỤC'."),
    (["khong-co"], "không có lệnh 'khong-co'."),
    (["render", "khong-co"], "không có lệnh 'khong-co'."),
    (["status", "--as-of", "31/02/2026"], "'31/02/2026' không phải ngày"),
    (["docx-text", "a.docx", "b.docx"], "thừa đối số: b.docx"),
]


@pytest.mark.parametrize(("args", "expected"), USAGE_ERRORS, ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_usage_errors_are_vietnamese(args: list[str], expected: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert "lỗi: " in result.output
    found = STOP.findall(result.output)
    assert not found, f"English in `ctt {' '.join(args)}`: {found}\n{result.output}"


def test_catalog_is_a_gettext_translation() -> None:
    assert CATALOG.gettext("Options") == "Tùy chọn"
    assert CATALOG.gettext("default: {default}").format(default=5) == "mặc định: 5"
    assert CATALOG.ngettext("required", "required", 2) == "bắt buộc"
    assert CATALOG.gettext("an unknown sentence") == "an unknown sentence"
    assert not any(STOP.search(re.sub(r"\{[^}]*\}", "", v)) for v in WORDS.values())


def test_translate_leaves_vietnamese_alone_and_nests() -> None:
    already = "'xx' không phải ngày; dùng dạng 2026-11-25 hoặc 25/11/2026"
    assert translate(already) == already
    assert translate(f"Invalid value for '--as-of': {already}") == f"giá trị không hợp lệ cho '--as-of': {already}"
    assert (
        translate("Invalid value: 'x' is not a valid integer.")
        == "giá trị không hợp lệ: 'x' không phải số nguyên hợp lệ."
    )
    assert translate("Missing option '--ward'.") == "thiếu tùy chọn '--ward'."
    assert translate("Got unexpected extra arguments (a b)") == "thừa đối số: a b"
