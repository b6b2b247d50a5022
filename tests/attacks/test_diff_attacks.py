"""Attacks on `ctt diff` (issue 19): a typo in --plans, running from inside plans/, '--plans .' or an
absolute path must never say "no changes" (exit 0) while real changes are there."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import edit, plans_repo


@pytest.fixture
def changed_repo(tmp_path: Path, monkeypatch) -> Path:
    """A repository whose working tree moves a deadline of task 5."""
    plans_repo(tmp_path)
    edit(tmp_path / "plans" / "le-thanh-nghi" / "tasks.yaml", "Trước ngày 15/11 hằng năm", "Trước ngày 30/11 hằng năm")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _changes(result) -> list[str]:
    return [c["message"] for w in json.loads(result.stdout)["wards"] for c in w["changes"]]


def test_plans_typo_is_an_error(cli, changed_repo: Path) -> None:
    result = cli("diff", "--plans", "plan", "--exit-code")
    assert result.exit_code == 1
    assert "Không có thay đổi" not in result.stdout and "plan" in result.stderr


@pytest.mark.parametrize(
    "where, plans",
    [
        ("plans", None),  # run from inside plans/, default --plans
        ("plans/le-thanh-nghi", None),
        ("plans", "."),  # --plans . from inside plans/
        ("", "ABS"),  # an absolute path
    ],
)
def test_changes_found_from_any_folder(cli, changed_repo: Path, monkeypatch, where: str, plans) -> None:
    monkeypatch.chdir(changed_repo / where)
    args = ["diff", "--format", "json", "--year", "2026"]
    if plans == "ABS":
        args += ["--plans", str(changed_repo / "plans")]
    elif plans:
        args += ["--plans", plans]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    messages = _changes(result)
    assert len(messages) == 1 and "30/11" in messages[0], messages  # the one real change, not "whole ward new"
    assert cli(*args, "--exit-code").exit_code == 1


def test_plans_outside_the_repository_is_an_error(cli, changed_repo: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    result = cli("diff", "--plans", os.fspath(outside))
    assert result.exit_code == 1 and "ngoài kho git" in result.stderr
