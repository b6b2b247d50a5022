"""`ctt score` on the shipped (illustrative) data, and score files that are wrong."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import SHIPPED, edit, line_of


def test_score_json_on_shipped_data(cli) -> None:
    result = cli("score", str(SHIPPED), "--year", "2026", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)["wards"][0]
    assert data["illustrative"] is True and data["notice"]
    assert data["total"] == 88 and data["level_reached"] == 3 and data["target"] == 4
    assert data["target_met"] is False
    assert any("thiếu 2 điểm" in r for r in data["target_reasons"])
    assert data["unscored"] == ["5.2"]


def test_table_says_illustrative(cli) -> None:
    result = cli("score", str(SHIPPED), "--year", "2026")
    assert "MINH HỌA" in result.stdout and "MINH HỌA" in result.stderr
    assert "CHƯA ĐẠT MỤC TIÊU" in result.stdout


def test_fail_below_target(cli) -> None:
    assert cli("score", str(SHIPPED), "-y", "2026", "--fail-below-target").exit_code == 1


def test_missing_year_and_compare(cli, ward_dir: Path) -> None:
    assert cli("score", str(ward_dir), "-y", "2025").exit_code == 1
    assert cli("score", str(ward_dir), "-y", "2026", "--compare", "2025").exit_code == 1
    old = ward_dir / "scores" / "2025.yaml"
    shutil.copy(ward_dir / "scores" / "2026.yaml", old)
    edit(old, "year: 2026", "year: 2025")
    edit(old, "self: 9.5", "self: 7.5")
    data = json.loads(cli("score", str(ward_dir), "-y", "2026", "--compare", "2025", "-f", "json").stdout)
    group2 = data["wards"][0]["groups"][1]
    assert group2["previous"] == 20.5 and group2["self"] == 22.5
    assert cli("score", str(ward_dir), "-y", "2026", "--compare", "2025", "-f", "md").stdout.count("+2") == 2


def errors(cli, ward_dir: Path) -> list[dict]:
    out = json.loads(cli("validate", str(ward_dir), "-f", "json").stdout)
    return [f for f in out if f["severity"] == "error"]


def test_bad_scores(cli, ward_dir: Path) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    edit(path, "criterion: '1.1'\n    self: 8", "criterion: '1.9'\n    self: 8")  # unknown (and 1.1 missing)
    edit(path, "self: 7\n", "self: 8.5\n")  # over max of 1.2? (8)
    edit(path, "self: 9.5", "self: 9.3")  # wrong step 0.25
    edit(path, "criterion: '4.2'\n    self: 5", "criterion: '4.2'\n    self: 3")  # full: 0 or 5
    edit(path, "criterion: '3.2'\n    passed: true", "criterion: '3.2'\n    self: 5")  # pass/fail scored as points
    bad = errors(cli, ward_dir)
    got = {(f["code"], f["line"]) for f in bad}
    assert ("E701", line_of(path, "'1.9'")) in got
    assert ("E702", line_of(path, "self: 8.5")) in got
    assert ("E703", line_of(path, "self: 9.3")) in got
    assert ("E703", line_of(path, "self: 3")) in got
    assert ("E703", line_of(path, "criterion: '3.2'") + 1) in got
    assert any(f["code"] == "E704" and "1.1" in f["message"] for f in bad)


def test_duplicate_score(cli, ward_dir: Path) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - criterion: '1.1'\n    self: 7\n", encoding="utf-8")
    bad = errors(cli, ward_dir)
    assert [f["code"] for f in bad] == ["E705"]
    assert bad[0]["line"] == len(path.read_text(encoding="utf-8").split("\n")) - 2


def test_bad_criteria_set(cli, ward_dir: Path) -> None:
    path = ward_dir.parent / "criteria" / "qd-5049-minh-hoa.yaml"
    edit(path, "    max: 20\n    children:", "    max: 21\n    children:")
    edit(path, "required: ['2.3', '3.2', '5.1']", "required: ['2.3', '3.2', '5.9']")
    edit(path, "      - id: '2.2'", "      - id: '3.9'")
    bad = errors(cli, ward_dir)
    messages = " | ".join(f["message"] for f in bad)
    assert "tổng các tiêu chí con là 20" in messages
    assert "'5.9'" in messages and "'3.9' không thuộc mã cha '2'" in messages
    assert all(f["file"].endswith("qd-5049-minh-hoa.yaml") for f in bad if f["code"] == "E700")


def test_illustrative_needs_notice(cli, ward_dir: Path) -> None:
    path = ward_dir / "scores" / "2026.yaml"
    edit(path, "notice: ĐIỂM MINH HỌA, không phải kết quả tự chấm của phường Lê Thanh Nghị.\n", "")
    assert [f["code"] for f in errors(cli, ward_dir)] == ["E200"]


def test_criteria_source_against_registry(cli, ward_dir: Path) -> None:
    edit(ward_dir / "documents.yaml", "date: 2025-12-11", "date: 2025-12-12")
    out = json.loads(cli("validate", str(ward_dir), "-f", "json").stdout)
    assert any(
        f["code"] == "W405" and f["file"].endswith("qd-5049-minh-hoa.yaml") and f["path"] == "source.date" for f in out
    )
