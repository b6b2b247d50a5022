"""Where you stand: the plans folder is found from the current folder up (or from ctt.toml), render
never writes into the data, an empty folder points to `ctt init`, init writes matching repo files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SHIPPED
from ctt_cli.workspace.where import build_dir, find_plans


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED.parent, tmp_path / "plans")
    (tmp_path / "notes").mkdir()
    return tmp_path


def test_find_plans_walks_up(project: Path) -> None:
    ward = project / "plans" / "le-thanh-nghi"
    assert find_plans(project).plans == project / "plans"
    assert find_plans(project / "notes").plans == project / "plans"
    assert find_plans(ward / "progress") == find_plans(ward)
    assert find_plans(ward).plans == ward and find_plans(ward).project == project
    assert build_dir(ward, ward) == project / "build"
    assert build_dir(project / "plans", ward) == project / "build"


def test_status_inside_the_ward_folder(cli, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "plans" / "le-thanh-nghi" / "progress")
    result = cli("status", "--year", "2026", "--as-of", "2026-11-25", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Phường Lê Thanh Nghị,T") >= 8
    assert cli("validate").exit_code == 0


def test_render_from_inside_the_data_writes_to_the_project_build(
    cli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ward = project / "plans" / "le-thanh-nghi"
    monkeypatch.chdir(ward)
    result = cli("render", "plan")
    assert result.exit_code == 0, result.stderr
    assert (project / "build" / "le-thanh-nghi" / "ke-hoach.docx").is_file()
    assert not (ward / "build").exists() and not (project / "plans" / "build").exists()


def test_ctt_toml_names_the_plans_folder(cli, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "plans").rename(project / "du-lieu")
    (project / "ctt.toml").write_text('plans = "du-lieu"\n', encoding="utf-8")
    monkeypatch.chdir(project / "notes")
    result = cli("validate")
    assert result.exit_code == 0 and "le-thanh-nghi (Phường Lê Thanh Nghị)" in result.stderr
    (project / "ctt.toml").write_text("plans = [1\n", encoding="utf-8")
    bad = cli("validate")
    assert bad.exit_code == 1 and "ctt.toml: không đọc được" in bad.stderr


def test_an_empty_folder_says_to_run_init(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["status"], ["validate"], ["render", "plan"], ["calendar", "--year", "2026"]):
        result = cli(*command)
        assert result.exit_code == 1, command
        assert "không tìm thấy thư mục kế hoạch" in result.stderr and "ctt init" in result.stderr


def test_init_writes_gitignore_and_hooks_for_where_the_ward_is(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".gitignore").write_text("*.tmp", encoding="utf-8")
    result = cli("init", "du-lieu/an-lao", "--ward", "Xã An Lão")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()[:1] == ["*.tmp"]
    assert "build/" in (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
    hooks = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "entry: ctt validate du-lieu\n" in hooks and "files: ^du\\-lieu/.*\\.ya?ml$" in hooks
    assert (tmp_path / "ctt.toml").read_text(encoding="utf-8").endswith('plans = "du-lieu"\n')
    monkeypatch.chdir(tmp_path / "du-lieu" / "an-lao")
    assert cli("validate").exit_code == 0


def test_init_in_plans_needs_no_config(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("init", "plans/hoa-binh", "--ward", "Phường Hòa Bình").exit_code == 0
    assert not (tmp_path / "ctt.toml").exists()
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8").endswith("build/\n")
    assert "files: ^plans/.*" in (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
