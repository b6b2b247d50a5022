"""`ctt validate` on the shipped plan and on broken copies: codes, positions, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SHIPPED, edit, line_of


def findings_of(cli, path: Path, *extra: str) -> tuple[int, list[dict]]:
    result = cli("validate", str(path), "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)


def errors(items: list[dict]) -> list[dict]:
    return [f for f in items if f["severity"] == "error"]


def test_shipped_plan_exit_0(cli) -> None:
    result = cli("validate", str(SHIPPED))
    assert result.exit_code == 0
    assert "0 lỗi" in result.stderr


def test_strict_fails_on_warnings(cli) -> None:
    assert cli("validate", str(SHIPPED), "--strict").exit_code == 1


def test_json_shape_is_stable(cli) -> None:
    code, items = findings_of(cli, SHIPPED)
    assert code == 0 and items
    assert set(items[0]) == {"code", "name", "severity", "file", "line", "column", "path", "message", "hint"}


def test_github_annotations(cli) -> None:
    result = cli("validate", str(SHIPPED), "--format", "github")
    first = result.stdout.splitlines()[0]
    assert first.startswith("::warning file=") and ",line=" in first and "title=W" in first


def test_unknown_key_with_did_you_mean(cli, ward_dir: Path) -> None:
    tasks = ward_dir / "tasks.yaml"
    edit(tasks, "    lead: phong-kthtdt", "    laed: phong-kthtdt")
    code, items = findings_of(cli, ward_dir)
    assert code == 1
    unknown = [f for f in items if f["code"] == "E202"]
    assert unknown and unknown[0]["line"] == line_of(tasks, "laed:") and unknown[0]["column"] == 5
    assert unknown[0]["path"] == "tasks[T08].laed"
    assert "lead" in unknown[0]["hint"]
    missing = [f for f in items if f["code"] == "E201"]
    assert missing and "lead" in missing[0]["message"] and missing[0]["path"] == "tasks[T08]"


def test_unknown_unit_reference_with_did_you_mean(cli, ward_dir: Path) -> None:
    tasks = ward_dir / "tasks.yaml"
    edit(tasks, "    lead: phong-kthtdt", "    lead: phong-kthdt")
    code, items = findings_of(cli, ward_dir)
    bad = errors(items)
    assert code == 1 and [f["code"] for f in bad] == ["E301"]
    assert bad[0]["path"] == "tasks[T08].lead"
    assert (bad[0]["line"], bad[0]["column"]) == (line_of(tasks, "lead: phong-kthdt"), 11)
    assert "phong-kthtdt" in bad[0]["hint"]


def test_wrong_types_and_patterns(cli, ward_dir: Path) -> None:
    plan = ward_dir / "plan.yaml"
    edit(plan, "  year: 2026", "  year: hai nghìn")
    edit(plan, "id: le-thanh-nghi", "id: Lê Thanh Nghị")
    edit(plan, "  before_date: strict", "  before_date: sometimes")
    code, items = findings_of(cli, ward_dir)
    assert code == 1
    by_path = {f["path"]: f for f in errors(items)}
    assert by_path["document.year"]["code"] == "E200" and "số nguyên" in by_path["document.year"]["message"]
    assert by_path["id"]["line"] == line_of(plan, "id: Lê")
    assert "strict" in by_path["settings.before_date"]["message"]


def test_duplicate_task_id(cli, ward_dir: Path) -> None:
    tasks = ward_dir / "tasks.yaml"
    edit(tasks, "  - id: T02", "  - id: T01")
    code, items = findings_of(cli, ward_dir)
    dup = [f for f in items if f["code"] == "E300"]
    second = [i for i, line in enumerate(tasks.read_text(encoding="utf-8").split("\n"), 1) if "- id: T01" in line][1]
    assert code == 1 and len(dup) == 1
    assert (dup[0]["line"], dup[0]["column"]) == (second, 9)
    assert dup[0]["message"].startswith("nhiệm vụ 'T01' bị trùng")


def test_not_nfc_is_an_error_at_the_character(cli, ward_dir: Path) -> None:
    import unicodedata

    plan = ward_dir / "plan.yaml"
    edit(plan, "ward: Phường Lê Thanh Nghị", "ward: " + unicodedata.normalize("NFD", "Phường Lê Thanh Nghị"))
    code, items = findings_of(cli, ward_dir)
    nfc = [f for f in items if f["code"] == "E400"]
    assert code == 1 and nfc and nfc[0]["line"] == line_of(plan, "ward: ") and nfc[0]["column"] == 9  # the "u" of "ư"


def test_escaped_control_character(cli, ward_dir: Path) -> None:
    plan = ward_dir / "plan.yaml"
    edit(plan, "ward: Phường Lê Thanh Nghị", 'ward: "Phường\\x0bLê Thanh Nghị"')
    code, items = findings_of(cli, ward_dir)
    assert code == 1 and any(f["code"] == "E401" for f in items)


def test_citation_date_mismatch_is_a_warning(cli, ward_dir: Path) -> None:
    edit(ward_dir / "plan.yaml", "Kế hoạch số 119/KH-UBND ngày 09/4/2026", "Kế hoạch số 119/KH-UBND ngày 19/4/2026")
    code, items = findings_of(cli, ward_dir)
    assert code == 0
    assert any(f["code"] == "W405" and "19/04/2026" in f["message"] for f in items)


def test_cited_document_after_plan_date(cli, ward_dir: Path) -> None:
    edit(ward_dir / "plan.yaml", "  date:\n", "  date: 2026-04-01\n")
    _, items = findings_of(cli, ward_dir)
    assert any(f["code"] == "W407" and "119/KH-UBND" in f["message"] for f in items)


def test_broken_yaml_file_reported_and_others_still_checked(cli, ward_dir: Path) -> None:
    units = ward_dir / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "  - id: x\n   name: bad indent\n", encoding="utf-8")
    edit(ward_dir / "tasks.yaml", "deadline: Hằng năm", "deadline: Khi nào rảnh")
    edit(ward_dir / "tasks.yaml", "deadline: Tháng 12 hằng năm", "deadline: Trước ngày 31/02 hằng năm")
    code, items = findings_of(cli, ward_dir)
    codes = {f["code"] for f in errors(items)}
    assert code == 1 and {"E100", "E500"} <= codes
    undated = [f for f in items if f["code"] == "W501"]  # event-bound: a warning, not an error
    assert len(undated) == 1 and undated[0]["severity"] == "warning" and undated[0]["hint"]


def test_missing_path_and_missing_file(cli, tmp_path: Path, ward_dir: Path) -> None:
    result = cli("validate", str(tmp_path / "nowhere"))
    assert result.exit_code == 1 and "E108" in result.stdout
    (ward_dir / "documents.yaml").unlink()
    code, items = findings_of(cli, ward_dir)
    assert code == 1 and any(f["code"] == "E108" and f["file"].endswith("documents.yaml") for f in items)


def test_bad_option_is_usage_error(cli) -> None:
    assert cli("validate", "--format", "xml").exit_code == 2
    assert cli("validate", "--check", "nope").exit_code == 2


def test_several_wards_at_once(cli, ward_dir: Path) -> None:
    import shutil

    other = ward_dir.parent / "phuong-khac"
    shutil.copytree(ward_dir, other)
    edit(other / "plan.yaml", "id: le-thanh-nghi", "id: phuong-khac")  # one plan id per ward (E300)
    edit(other / "tasks.yaml", "lead: phong-kthtdt", "lead: khong-co")
    code, items = findings_of(cli, ward_dir.parent)
    bad = errors(items)
    assert code == 1 and len(bad) == 1 and "phuong-khac" in bad[0]["file"]


def test_version(cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith("ctt ")
