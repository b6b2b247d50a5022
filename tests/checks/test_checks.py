"""Each named check on in-memory wards built from YAML strings: the fault is found where it is, and a
clean ward gives nothing of that code."""

from __future__ import annotations

import datetime as dt

from conftest import memory_ward
from ctt_cli.checks import CheckName
from ctt_cli.checks.registry import CHECKS, run_checks

AS_OF = dt.date(2026, 11, 25)


def codes(ward, name: CheckName, as_of: dt.date = AS_OF) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in CHECKS[name](ward, as_of)]


def test_the_shipped_ward_loads_in_memory_without_errors() -> None:
    ward = memory_ward()
    assert ward.checked() is not None
    assert not [f for f in run_checks(ward, AS_OF) if f.severity.value == "error"]


def test_refs_names_the_task_and_suggests_the_unit() -> None:
    ward = memory_ward(edits={"tasks.yaml": ("lead: phong-kthtdt", "lead: phong-kthtd")})
    found = list(CHECKS[CheckName.REFS](ward, AS_OF))
    assert [(f.code, f.path) for f in found] == [("E301", "tasks[T08].lead")]
    assert "phong-kthtdt" in found[0].hint


def test_ids_finds_a_duplicate_task_id() -> None:
    ward = memory_ward(edits={"tasks.yaml": ("id: T09", "id: T08")})
    assert [c for c, _, _ in codes(ward, CheckName.IDS)] == ["E300"]


def test_progress_judges_by_the_day_it_is_given() -> None:
    progress = (
        "year: 2026\nrecords:\n  - task: T07\n    state: hoàn thành\n    completed: 2026-12-01\n"
        "    evidence:\n      - text: Báo cáo của Trung tâm\n"
    )
    ward = memory_ward(replace={"progress/2026.yaml": progress})
    early = [c for c, _, _ in codes(ward, CheckName.PROGRESS, dt.date(2026, 11, 25))]
    late = [c for c, _, _ in codes(ward, CheckName.PROGRESS, dt.date(2026, 12, 5))]
    assert "E602" in early  # completed after the day the checks judge by
    assert "E602" not in late


def test_deadlines_flags_an_unreadable_phrase_at_its_task() -> None:
    ward = memory_ward(edits={"tasks.yaml": ("deadline: Năm 2027 và năm 2030", "deadline: lúc nào tiện")})
    found = codes(ward, CheckName.DEADLINES)
    assert any(path == "tasks[T09].deadline" for _, path, _ in found)


def test_tone_flags_mixed_styles_only_when_both_appear() -> None:
    clean = memory_ward(edits={"plan.yaml": ("uỷ", "ủy")})
    mixed = memory_ward()
    assert any(c == "W401" for c, _, _ in codes(mixed, CheckName.TONE))
    assert len(codes(clean, CheckName.TONE)) < len(codes(mixed, CheckName.TONE))


def test_a_file_that_does_not_load_still_lets_the_other_checks_run() -> None:
    ward = memory_ward(replace={"units.yaml": "units: [\n"})
    findings = run_checks(ward, AS_OF)
    assert any(f.code == "E100" and f.file.endswith("units.yaml") for f in findings)
    assert any(f.code == "W409" for f in findings)  # the draft check still ran on the plan
    assert ward.checked() is None
