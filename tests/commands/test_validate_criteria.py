"""`ctt validate` on a criteria set alone; levels checked against the set; never an empty reason."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import edit


def validate(cli, *paths: Path):
    result = cli("validate", *map(str, paths), "-f", "json")
    return result.exit_code, json.loads(result.stdout)


def test_a_criteria_folder_and_file_alone(cli, ward_dir: Path) -> None:
    folder = ward_dir.parent / "criteria"
    code, found = validate(cli, folder)
    assert code == 0 and [f["code"] for f in found] == ["W701"]
    crit = folder / "qd-5049-minh-hoa.yaml"
    edit(crit, "max_total: 100", "max_total: 110")
    edit(crit, "    required: ['3.2']", "    required: ['3.9']")
    for path in (folder, crit):
        code, found = validate(cli, path)
        assert code == 1
        assert sorted((f["code"], f["path"]) for f in found) == [
            ("E301", "levels[2].required[0]"),
            ("E700", "max_total"),
            ("W701", "status"),
        ]


def test_a_criteria_file_anywhere(cli, ward_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "nhap" / "bo-tieu-chi-moi.yaml"
    other.parent.mkdir()
    text = (ward_dir.parent / "criteria" / "qd-5049-minh-hoa.yaml").read_text(encoding="utf-8")
    other.write_text(text.replace("    max: 8\n", "    maxx: 8\n", 1), encoding="utf-8")
    code, found = validate(cli, other)
    assert code == 1 and {f["code"] for f in found} >= {"E202", "E201"}
    assert all(f["file"].endswith("bo-tieu-chi-moi.yaml") for f in found)


def test_a_ward_file_checks_its_ward(cli, ward_dir: Path) -> None:
    code, found = validate(cli, ward_dir / "tasks.yaml")
    code_ward, found_ward = validate(cli, ward_dir)
    assert (code, found) == (code_ward, found_ward)


def test_the_shared_set_is_not_reported_twice(cli, ward_dir: Path) -> None:
    _, found = validate(cli, ward_dir, ward_dir.parent / "criteria")
    assert sum(f["code"] == "W701" and f["file"].endswith("qd-5049-minh-hoa.yaml") for f in found) == 1


def test_a_folder_with_nothing_ctt_knows(cli, tmp_path: Path) -> None:
    (tmp_path / "rong").mkdir()
    (tmp_path / "rong" / "ghi-chu.txt").write_text("không phải YAML", encoding="utf-8")
    code, found = validate(cli, tmp_path / "rong")
    assert code == 1 and [f["code"] for f in found] == ["E108"]


def test_levels_must_exist_in_the_set(cli, ward_dir: Path) -> None:
    edit(ward_dir / "plan.yaml", "    level: 4\n    kind: maintain", "    level: 7\n    kind: maintain")
    edit(ward_dir / "scores" / "2026.yaml", "registered_level: 4", "registered_level: 6")
    code, found = validate(cli, ward_dir)
    assert code == 1
    bad = sorted((f["path"], f["message"]) for f in found if f["code"] == "E706")
    assert bad == [
        ("objectives[1].level", "mục tiêu Mức độ 7 không có trong bộ tiêu chí 'qd-5049-minh-hoa'"),
        ("registered_level", "mức đăng ký năm 2026 là Mức độ 6, bộ tiêu chí 'qd-5049-minh-hoa' không có mức này"),
    ]


def test_target_reasons_are_never_empty() -> None:
    from conftest import memory_ward
    from ctt_cli.scoring import compute_score
    from ctt_cli.views.score_table import as_dict

    ward = memory_ward().checked()
    for target in (4, 7):  # 7: a level the set does not define
        view = compute_score(ward.criteria, ward.scores(2026), target)
        data = as_dict(ward, view, None, 5)
        if data["target_met"] is False:
            assert data["target_reasons"] and all(r.strip() for r in data["target_reasons"])
    assert as_dict(ward, compute_score(ward.criteria, ward.scores(2026), 7), None, 5)["target_reasons"] == [
        "bộ tiêu chí không có quy tắc cho mức độ này"
    ]
