"""The shipped plan: it validates, its known slips are reported, and nothing of the seed was dropped."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from conftest import SEED, SHIPPED, norm, strip_number
from ctt_cli.checks.registry import run_checks
from ctt_cli.findings import count
from ctt_cli.render.context import context_lines, plan_context
from ctt_cli.workspace.load import load_ward

AS_OF = dt.date(2026, 11, 25)


def test_shipped_plan_has_no_errors_and_the_expected_warnings() -> None:
    ward = load_ward(SHIPPED)
    findings = run_checks(ward, AS_OF)
    errors, _ = count(findings)
    assert errors == 0, [f for f in findings if f.severity.value == "error"]
    codes = Counter(f.code for f in findings)
    # the seed's slips, each reported where it stands
    assert codes["W401"] == 3  # Thành uỷ, Đảng uỷ ×2 (new-style tone marks)
    assert codes["W404"] == 1  # "P. Lê Thanh Nghị"
    assert codes["W405"] == 2  # "12-CTr/Đu" ×2
    assert codes["W409"] == 1  # draft: no number, no date
    assert codes["W410"] == 1  # "các thôn" in a ward
    assert codes["W403"] == 4  # straight quotes among curly ones
    spellings = {f.message for f in findings if f.code == "W402"}
    assert any("'Phòng Văn hóa-Xã hội'" in m for m in spellings)
    assert any("'phòng Văn hóa - Xã hội'" in m for m in spellings)
    assert any("'Trung tâm phục vụ hành chính công'" in m for m in spellings)
    assert any("'Công Thông tin điện tử phường'" in m and "Cổng" in m for m in spellings)
    assert codes["W701"] == 2  # the illustrative criteria set and scores say so
    assert codes["W800"] == 1  # the 2026 report narrative is not written yet
    assert set(codes) <= {"W401", "W402", "W403", "W404", "W405", "W409", "W410", "W701", "W800"}


def test_warning_positions_point_at_the_text() -> None:
    ward = load_ward(SHIPPED)
    lines = (SHIPPED / "plan.yaml").read_text(encoding="utf-8").split("\n")
    for f in run_checks(ward, AS_OF, ["tone"]):
        assert lines[f.line - 1][f.column - 1 :].startswith("uỷ"), f
    for f in run_checks(ward, AS_OF, ["citations"]):
        assert lines[f.line - 1][f.column - 1 :].startswith("12-CTr/Đu"), f


def seed_paragraphs() -> list[str]:
    return [norm(line) for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]


def test_every_seed_paragraph_is_in_the_data() -> None:
    data = {strip_number(norm(line)) for line in context_lines(plan_context(load_ward(SHIPPED)))}
    missing = []
    for para in seed_paragraphs():
        if "\t" in para or para.startswith("STT"):
            continue  # table rows are checked cell by cell below
        if strip_number(para) not in data:
            missing.append(para)
    assert missing == []


def test_every_appendix_row_is_in_the_data() -> None:
    from ctt_cli.render.appendix import task_cells

    ward = load_ward(SHIPPED)
    rows = [line.split("\t") for line in SEED.read_text(encoding="utf-8").split("\n") if re.match(r"^\d+\t", line)]
    assert len(rows) == 9 == len(ward.tasks)
    for row, task in zip(rows, ward.tasks):
        cells = [norm(c) for c in row[1:]] + [""] * (5 - len(row))
        assert [norm(c) for c in task_cells(ward, task)] == cells[:4], task.id
        assert task.id == f"T{int(row[0]):02d}"


def test_numbers_are_computed_not_typed() -> None:
    headings = [line for line in context_lines(plan_context(load_ward(SHIPPED))) if re.match(r"^[IVX]+\. ", line)]
    assert [h.split(".")[0] for h in headings] == ["I", "II", "III", "IV", "V"]
    assert headings[-1] == "V. TỔ CHỨC THỰC HIỆN"  # the seed's second "III."


def test_readme_documents_every_code_and_command() -> None:
    from conftest import ROOT
    from ctt_cli.app import app
    from ctt_cli.findings import CODES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, (severity, name, _) in CODES.items():
        assert f"| {code} | {severity.value} | {name} |" in readme, code
    for command in app.registered_commands:
        assert f"### `ctt {command.name}" in readme, command.name
    lines = readme.split("\n")
    assert lines[0].strip().startswith("python3 dev.py run") and lines[1].strip().startswith("python3 dev.py test")
