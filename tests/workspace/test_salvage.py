"""One schema error does not hide the other findings of the ward, and paths name items by id."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import edit


def found(cli, ward: Path) -> list[dict]:
    return json.loads(cli("validate", "-f", "json", ward).stdout)


def test_a_bad_value_in_plan_keeps_the_other_findings_and_the_name(cli, ward_dir: Path) -> None:
    clean = {(f["code"], f["path"]) for f in found(cli, ward_dir)}
    assert {"W409", "W701", "W404"} <= {c for c, _ in clean}
    edit(ward_dir / "plan.yaml", "  tone_style: old", "  tone_style: cũ")
    broken = found(cli, ward_dir)
    assert [(f["code"], f["path"]) for f in broken if f["severity"] == "error"] == [("E200", "settings.tone_style")]
    assert {(f["code"], f["path"]) for f in broken if f["severity"] == "warning"} == clean
    text = cli("validate", ward_dir).stderr
    assert "(Phường Lê Thanh Nghị): 1 lỗi, " in text


def test_an_unknown_key_in_progress_keeps_the_progress_checks(cli, ward_dir: Path) -> None:
    progress = ward_dir / "progress" / "2026.yaml"
    edit(progress, "completed: 2026-01-30", "completed: 2099-01-30")
    edit(progress, "year: 2026\n", "year: 2026\nghi_chu: thêm tay\n")
    codes = {(f["code"], f["path"]) for f in found(cli, ward_dir) if f["severity"] == "error"}
    assert codes == {("E202", "ghi_chu"), ("E602", "records[T03@2026].completed")}


def test_a_required_field_missing_still_stops_that_file(cli, ward_dir: Path) -> None:
    edit(ward_dir / "plan.yaml", "ward: Phường Lê Thanh Nghị\n", "")
    broken = found(cli, ward_dir)
    assert ("E201", "") in {(f["code"], f["path"]) for f in broken}
    assert "W409" not in {f["code"] for f in broken}  # the plan did not load: no plan checks


def test_paths_name_records_scores_and_union_values_as_written(cli, ward_dir: Path) -> None:
    edit(ward_dir / "tasks.yaml", "    lead: phong-kthtdt\n", "    lead: [1, phong-vhxh]\n")
    scores = ward_dir / "scores" / "2026.yaml"
    text = scores.read_text(encoding="utf-8")
    first = text.index("- criterion:")
    criterion = text[first:].split("\n", 1)[0].split(":", 1)[1].strip().strip("'\"")
    edit(scores, "- criterion:", "- bogus: 1\n    criterion:")
    paths = {(f["code"], f["path"]) for f in found(cli, ward_dir) if f["severity"] == "error"}
    assert ("E200", "tasks[T08].lead[0]") in paths
    assert ("E202", f"scores[{criterion}].bogus") in paths


def test_what_follows_from_a_dropped_value_is_not_reported(cli, ward_dir: Path) -> None:
    progress = ward_dir / "progress" / "2026.yaml"
    edit(progress, "completed: 2026-01-30", "completed: 2026-02-30")
    errors = [(f["code"], f["path"]) for f in found(cli, ward_dir) if f["severity"] == "error"]
    # not also E601 "hoàn thành without a date": the date is there, only wrong
    assert errors == [("E200", "records[T03@2026].completed")]
