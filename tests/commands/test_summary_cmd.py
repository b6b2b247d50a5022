"""The city view: several wards at once, one broken ward not stopping the others; init and new-year."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, edit


@pytest.fixture
def city(tmp_path: Path) -> Path:
    out = tmp_path / "city"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_city.py"), str(out), "--wards", "18"],
        check=True,
        capture_output=True,
    )
    return out


def test_summary_parallel_equals_sequential(cli, city: Path, monkeypatch) -> None:
    monkeypatch.setenv("CTT_JOBS", "2")
    parallel = json.loads(cli("summary", str(city), "-y", "2026", "--as-of", "2026-11-25", "-f", "json").stdout)
    monkeypatch.setenv("CTT_JOBS", "1")
    sequential = json.loads(cli("summary", str(city), "-y", "2026", "--as-of", "2026-11-25", "-f", "json").stdout)
    assert parallel == sequential
    assert len(parallel["wards"]) == 18 and all(r["errors"] == 0 for r in parallel["wards"])
    assert [r["ward"] for r in parallel["wards"]] == [f"Phường Thử Nghiệm {n:03d}" for n in range(1, 19)]


def test_validate_parallel_equals_sequential(cli, city: Path, monkeypatch) -> None:
    monkeypatch.setenv("CTT_JOBS", "2")
    parallel = cli("validate", str(city), "-f", "json").stdout
    monkeypatch.setenv("CTT_JOBS", "1")
    assert cli("validate", str(city), "-f", "json").stdout == parallel


def test_spawned_workers_as_on_windows_give_the_same_results(cli, city: Path, monkeypatch, tmp_path) -> None:
    """Windows has no fork: each worker is a fresh interpreter that gets the work and sends back its
    results by pickling (the options, the view to build, findings, rows, pages with documents)."""
    import multiprocessing

    monkeypatch.setenv("CTT_JOBS", "1")
    summary = ["summary", str(city), "-y", "2026", "--as-of", "2026-11-25", "-f", "json"]
    site = ["site", str(city), "-y", "2026", "--as-of", "2026-11-25"]
    sequential = (cli(*summary).stdout, cli("validate", str(city), "-f", "json").stdout)
    assert cli(*site, "-o", tmp_path / "one").exit_code == 0
    started = []
    real_context = multiprocessing.get_context

    def context(method=None):
        started.append(method)
        return real_context(method)

    monkeypatch.setenv("CTT_JOBS", "2")
    monkeypatch.setenv("CTT_NO_CACHE", "1")  # the workers do the work, not the cache
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(multiprocessing, "get_context", context)
    assert (cli(*summary).stdout, cli("validate", str(city), "-f", "json").stdout) == sequential
    assert cli(*site, "-o", tmp_path / "spawned").exit_code == 0
    assert started == ["spawn"] * 3
    one, spawned = tmp_path / "one", tmp_path / "spawned"
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(spawned) for p in spawned.rglob("*") if p.is_file())
    assert len([f for f in files if f.suffix == ".docx"]) >= 18
    assert all((one / f).read_bytes() == (spawned / f).read_bytes() for f in files)


def test_broken_ward_does_not_stop_the_others(cli, city: Path, monkeypatch) -> None:
    monkeypatch.setenv("CTT_JOBS", "2")
    edit(city / "phuong-007" / "tasks.yaml", "lead: phong-kthtdt", "lead: khong-co")
    result = cli("summary", str(city), "-y", "2026", "--as-of", "2026-11-25", "-f", "json")
    assert result.exit_code == 1
    rows = {r["ward"]: r for r in json.loads(result.stdout)["wards"]}
    assert rows["Phường Thử Nghiệm 007"]["errors"] == 1 and "E301" not in rows["Phường Thử Nghiệm 007"]["note"]
    assert "tasks.yaml" in rows["Phường Thử Nghiệm 007"]["note"]
    assert rows["Phường Thử Nghiệm 008"]["done"] is not None
    status = cli(
        "status",
        str(city / "phuong-006"),
        str(city / "phuong-007"),
        "-y",
        "2026",
        "--as-of",
        "2026-11-25",
        "-f",
        "json",
    )
    assert status.exit_code == 1 and "phuong-007" in status.stderr
    assert [w["ward"] for w in json.loads(status.stdout)["wards"]] == ["Phường Thử Nghiệm 006"]


def test_init_then_new_year(cli, tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    result = cli("init", "plans/hoa-binh", "--ward", "Phường Hòa Bình", "--year", "2026")
    assert result.exit_code == 0
    found = json.loads(cli("validate", "plans/hoa-binh", "-f", "json").stdout)
    assert {f["code"] for f in found} <= {"W409", "W701"}  # only what must be filled in, and the illustrative set
    assert sum(f["code"] == "W409" for f in found) == 2
    for name in (".pre-commit-config.yaml", ".gitattributes", "schemas/plan.schema.json", "plans/hoa-binh/README.md"):
        assert (tmp_path / name).is_file(), name
    plan = (tmp_path / "plans/hoa-binh/plan.yaml").read_text(encoding="utf-8")
    assert plan.startswith("# yaml-language-server: $schema=../../schemas/plan.schema.json")
    assert "ward: Phường Hòa Bình" in plan and "Lê Thanh Nghị" not in plan
    assert cli("fmt", "--check", "plans/hoa-binh").exit_code == 0
    assert cli("init", "plans/hoa-binh", "--ward", "Phường Hòa Bình").exit_code == 1  # never overwrites
    assert cli("new-year", "2027", "plans/hoa-binh").exit_code == 0
    progress = tmp_path / "plans/hoa-binh/progress/2027.yaml"
    scores = tmp_path / "plans/hoa-binh/scores/2027.yaml"
    assert progress.read_text(encoding="utf-8").count("\n    state: chưa thực hiện") == 9  # T01-T09 (sơ kết 2027)
    assert "registered_level: 4" in scores.read_text(encoding="utf-8")
    after = json.loads(cli("validate", "plans/hoa-binh", "-f", "json").stdout)
    assert [f for f in after if f["code"] != "W800"] == found  # the new report file: narrative still to write
    assert {f["file"] for f in after if f["code"] == "W800"} == {"plans/hoa-binh/reports/2027.yaml"}
    assert cli("fmt", "--check", "plans/hoa-binh").exit_code == 0  # new files are in ctt's layout
    status = json.loads(cli("status", "plans/hoa-binh", "-y", "2027", "--as-of", "2027-01-10", "-f", "json").stdout)
    assert {r["state"] for r in status["wards"][0]["rows"]} == {"upcoming"}
    progress.write_text("# sửa tay\n" + progress.read_text(encoding="utf-8"), encoding="utf-8")
    before = progress.read_text(encoding="utf-8")
    cli("new-year", "2027", "plans/hoa-binh")
    assert progress.read_text(encoding="utf-8") == before


def test_new_year_on_shipped_copy(cli, ward_dir: Path) -> None:
    assert cli("new-year", "2026", str(ward_dir)).exit_code == 0  # both exist: nothing written
    assert cli("new-year", "2028", str(ward_dir)).exit_code == 0
    assert "registered_level: 4" in (ward_dir / "scores" / "2028.yaml").read_text(encoding="utf-8")


def test_init_elsewhere_brings_the_criteria_set(cli, tmp_path: Path, monkeypatch) -> None:
    from conftest import SHIPPED

    monkeypatch.chdir(tmp_path)
    assert (
        cli(
            "init",
            "repo/plans/an-binh",
            "--ward",
            "Phường An Bình",
            "--from",
            str(SHIPPED),
            "--schemas",
            "repo/schemas",
            "--root",
            "repo",
        ).exit_code
        == 0
    )
    assert (tmp_path / "repo/plans/criteria/qd-5049-minh-hoa.yaml").is_file()
    assert "criteria_set: ../criteria/qd-5049-minh-hoa.yaml" in (tmp_path / "repo/plans/an-binh/plan.yaml").read_text(
        encoding="utf-8"
    )
    found = json.loads(cli("validate", "repo/plans/an-binh", "-f", "json").stdout)
    assert {f["code"] for f in found} <= {"W409", "W701"}


def test_new_year_comments_carry_over_and_report(cli, ward_dir: Path) -> None:
    assert (
        cli(
            "record", "T05", str(ward_dir), "-y", "2026", "--state", "đang thực hiện", "--note", "Đang tổng hợp số liệu"
        ).exit_code
        == 0
    )
    assert cli("new-year", "2027", str(ward_dir)).exit_code == 0
    progress = (ward_dir / "progress" / "2027.yaml").read_text(encoding="utf-8")
    assert "# Việc năm 2026 chưa xong" in progress
    assert "#   T05 năm 2026 (đang thực hiện: Đang tổng hợp số liệu)" in progress
    assert "T03 năm 2026" not in progress  # done in 2026 (Kế hoạch 43/KH-UBND): not carried
    assert "  # T05 năm 2027, hạn 12/11/2027: Tham mưu báo cáo tự đánh giá" in progress
    import yaml

    report = yaml.safe_load((ward_dir / "reports" / "2027.yaml").read_text(encoding="utf-8"))
    assert report["year"] == 2027 and report["kinh_gui"] == ["Sở Nội vụ thành phố Hải Phòng"]
    assert cli("validate", str(ward_dir)).exit_code == 0
