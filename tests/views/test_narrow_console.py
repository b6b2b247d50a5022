"""Readable at 80 columns (one block per task, no date cut, no 'Chủ trì' under --unit), and NO_COLOR
takes the colour away, not the source excerpt with its caret."""

from __future__ import annotations

import io
import re

import pytest
from typer.testing import CliRunner

from conftest import SHIPPED
from ctt_cli.app import app
from ctt_cli.findings import Finding
from ctt_cli.views.console import print_findings

DATE = re.compile(r"\d{2}/\d{2}/\d{4}")


def status(columns: int, *extra: str) -> str:
    result = CliRunner().invoke(
        app,
        ["status", str(SHIPPED), "--year", "2026", "--as-of", "2026-11-25", *extra],
        env={"COLUMNS": str(columns), "NO_COLOR": "1"},
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_narrow_status_fits_and_never_cuts_a_date(columns: int) -> None:
    out = status(columns)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert not [line for line in lines if re.search(r"\d/\d{0,3}$|^\s*\d{1,3}$", line)]
    assert set(DATE.findall(status(200))) <= set(DATE.findall(out))  # every date whole, on one line
    for task in ("T01", "T03", "T05", "T09"):
        assert re.search(rf"^{task}\s+\S", out, re.M), task
    assert "Hạn: 13/11/2026 (lùi từ 14/11/2026, ngày nghỉ" in out.replace("\n     ", " ")
    assert "Chủ trì: Phòng Văn hóa - Xã hội" in out


def test_narrow_status_under_unit_shows_the_role_not_the_lead() -> None:
    out = status(80, "--unit", "Trung tâm Phục vụ hành chính công")
    assert "Chủ trì:" not in out and "Vai trò: chủ trì" in out and "Vai trò: phối hợp (chung)" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_wide_status_is_still_a_table() -> None:
    out = status(160)
    assert "Chứng cứ, ghi chú" in out and "│" in out or "Chủ trì" in out.splitlines()[1]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_color_keeps_the_excerpt(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "tasks:\n  - id: T01\n    lead: phong-vhx\n"
    finding = Finding("tasks.yaml", 3, 11, "E301", "tham chiếu tới đơn vị 'phong-vhx' không có", "tasks[T01].lead")
    for env in ({"NO_COLOR": "1"}, {}):
        monkeypatch.delenv("NO_COLOR", raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        terminal = Terminal()
        monkeypatch.setattr("sys.stdout", terminal)
        print_findings([finding], "text", {"tasks.yaml": text})
        lines = terminal.getvalue().splitlines()
        assert ("\033[" in terminal.getvalue()) == (not env)
        plain = [re.sub(r"\033\[[0-9;]*m", "", line) for line in lines]
        assert plain[1] == "    3 |     lead: phong-vhx"
        assert plain[2].index("^") == plain[1].index("phong-vhx")
    pipe = io.StringIO()
    monkeypatch.setattr("sys.stdout", pipe)
    print_findings([finding], "text", {"tasks.yaml": text})
    assert len(pipe.getvalue().splitlines()) == 1  # a pipe or a file: one line per finding
