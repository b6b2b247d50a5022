"""`ctt explain`: every code of the code table is explained, and nothing else."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from ctt_cli.app import app
from ctt_cli.explain.codes import EXPLANATIONS
from ctt_cli.findings import CODES

runner = CliRunner()


def test_explanations_match_the_code_table() -> None:
    assert set(EXPLANATIONS) == set(CODES), set(CODES) ^ set(EXPLANATIONS)


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_explanation_is_complete(code: str) -> None:
    item = EXPLANATIONS[code]
    for text in (item.rule, item.why, item.bad, item.good):
        assert text.strip() and len(text) > 5
    assert item.bad != item.good


@pytest.mark.parametrize("code", sorted(CODES))
def test_explain_one_code(code: str) -> None:
    result = runner.invoke(app, ["explain", code.lower()])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith(f"{code} (")
    assert CODES[code][2] in out
    for label in ("Quy tắc:", "Vì sao:", "Ví dụ sai:", "Sửa thành:", "Sửa tự động:"):
        assert label in out


def test_list_has_every_code_once() -> None:
    result = runner.invoke(app, ["explain"])
    assert result.exit_code == 0
    listed = re.findall(r"^([EW]\d{3}) ", result.output, re.M)
    assert listed == list(CODES)
    assert "ctt explain W402" in result.output


def test_several_codes_and_a_typo() -> None:
    both = runner.invoke(app, ["explain", "W402", "E104"])
    assert both.exit_code == 0 and both.output.index("W402 (") < both.output.index("E104 (")
    typo = runner.invoke(app, ["explain", "W4O2"])
    assert typo.exit_code == 2
    assert "không có mã 'W4O2'; có phải: W412, W402" in typo.output


def test_mechanical_fixes_are_the_ones_fmt_makes() -> None:
    assert {c for c, e in EXPLANATIONS.items() if e.fix} == {"E104", "E400", "W401", "W402", "W403", "W404"}
    assert "Sửa tự động: Có: `ctt fmt`" in runner.invoke(app, ["explain", "E400"]).output
    assert "`ctt fmt --fix W403`" in runner.invoke(app, ["explain", "W403"]).output
    assert "Sửa tự động: Không" in runner.invoke(app, ["explain", "W405"]).output
