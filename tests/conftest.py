from __future__ import annotations

import os
import re
import shutil
import unicodedata
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


def memory_ward(replace: dict[str, str] | None = None, *, edits: dict[str, tuple[str, str]] | None = None,
                root: str = "/mem/plans/w"):
    """A ward built in memory from YAML strings (no disk): the shipped ward's files, with whole files
    replaced (``replace={"progress/2026.yaml": "..."}``) or text edited (``edits={"tasks.yaml": (old, new)}``)."""
    from ctt_cli.workspace.load import load_ward
    from ctt_cli.workspace.readers import MemoryReader

    files: dict[str, str] = {}
    for path in SHIPPED.rglob("*.yaml"):
        files[f"{root}/{path.relative_to(SHIPPED).as_posix()}"] = path.read_text(encoding="utf-8")
    for path in (SHIPPED.parent / "criteria").glob("*.yaml"):
        files[f"{root.rsplit('/', 1)[0]}/criteria/{path.name}"] = path.read_text(encoding="utf-8")
    for name, text in (replace or {}).items():
        files[f"{root}/{name}"] = text
    for name, (old, new) in (edits or {}).items():
        assert old in files[f"{root}/{name}"], f"{old!r} not in {name}"
        files[f"{root}/{name}"] = files[f"{root}/{name}"].replace(old, new, 1)
    return load_ward(Path(root), MemoryReader(files))


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("**", "")
    return re.sub(r"\s+", " ", text).strip()


def strip_number(text: str) -> str:
    return re.sub(r"^([IVX]+\.|\d+\.|[a-zđ]\)|-)\s+", "", text)
