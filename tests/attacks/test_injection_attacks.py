"""Attacks through output formats (issue 19): workflow-command injection in `--format github`, and
formula injection in CSV cells opened by Excel or LibreOffice."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from conftest import edit
from ctt_cli.findings import Finding
from ctt_cli.views.console import csv_cell, github_property, print_findings, print_table


def test_github_message_and_properties_are_escaped(capsys) -> None:
    finding = Finding("plans/a,b:c/tasks.yaml", 3, 5, "W411", "dòng 1\r\n::error file=a::INJECTED 100%", "tasks[T01]")
    print_findings([finding], "github")
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("::warning file=plans/a%2Cb%3Ac/tasks.yaml,line=3,col=5,")
    assert "dòng 1%0D%0A::error file=a::INJECTED 100%25 [tasks[T01]]" in out
    assert github_property("a%b") == "a%25b"


def test_github_ward_folder_with_newline_injects_nothing(cli, ward_dir: Path) -> None:
    evil = ward_dir.parent / "x\n::error file=a::INJECTED"
    shutil.move(ward_dir, evil)
    edit(evil / "tasks.yaml", "    deadline: Hàng năm\n", "    deadline: Hàng  năm\n")  # some finding to report
    result = cli("validate", str(evil), "--format", "github")
    lines = result.stdout.splitlines()
    assert lines, result.stderr
    assert all(line.startswith(("::warning file=", "::error file=")) for line in lines)
    assert not any(line.startswith("::error file=a::") for line in lines)
    assert any("x%0A::error file=a::INJECTED".replace(":", "%3A") in line for line in lines)


def test_csv_formula_cells_are_neutralised() -> None:
    for text in ('=HYPERLINK("http://x","bấm")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"):
        assert csv_cell(text) == "'" + text
    for value in ("Rà soát", "-3", "-1,5", "+84", 7, -2.5, "", "12/2026"):
        assert csv_cell(value) == value  # plain text and numbers are untouched
    assert csv_cell(None) == ""


def test_csv_table_output(capsys) -> None:
    print_table(["Mã", "Nhiệm vụ"], [["T01", '=HYPERLINK("http://evil","bấm")'], ["T02", -1]], "csv")
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [["Mã", "Nhiệm vụ"], ["T01", '\'=HYPERLINK("http://evil","bấm")'], ["T02", "-1"]]


def test_status_csv_with_formula_in_task_text(cli, ward_dir: Path) -> None:
    edit(
        ward_dir / "tasks.yaml",
        "    text: Tham mưu báo cáo tự đánh giá,",
        '    text: =HYPERLINK("http://evil";"x") Tham mưu báo cáo tự đánh giá,',
    )
    result = cli("status", str(ward_dir), "--year", "2026", "--as-of", "2026-11-25", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert not any(c[:1] in "=+@" for c in cells if c)
