from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "plans" / "le-thanh-nghi"
SEED = Path(__file__).resolve().parent / "data" / "seed_plan.txt"

os.environ["COLUMNS"] = "200"
os.environ.pop("CTT_DEBUG", None)
os.environ["CTT_NO_CACHE"] = "1"  # tests see fresh results; test_cache.py turns the cache on

# CI is deterministic: the same examples every run (a failure found locally is added as an @example).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def ward_dir(tmp_path: Path) -> Path:
    """A writable copy of the shipped ward (with its sibling criteria folder)."""
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED, plans / SHIPPED.name)
    criteria = SHIPPED.parent / "criteria"
    if criteria.is_dir():
        shutil.copytree(criteria, plans / "criteria")
    return plans / SHIPPED.name


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture
def cli():
    from ctt_cli.app import app

    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "NO_COLOR": "1"})
        assert "Traceback" not in (result.output or ""), result.output
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke
