from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
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
# ctt's code cache (compiled templates) stays on under CTT_NO_CACHE: keep this session's out of ~/.cache
os.environ["CTT_CACHE_DIR"] = tempfile.mkdtemp(prefix="ctt-tests-")
atexit.register(shutil.rmtree, os.environ["CTT_CACHE_DIR"], ignore_errors=True)

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


def memory_ward(
    replace: dict[str, str] | None = None,
    *,
    edits: dict[str, tuple[str, str]] | None = None,
    root: str = "/mem/plans/w",
):
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


INJECTION = "<script>alert(1)</script>"


def make_city(plans: Path) -> Path:
    """A small synthetic city under ``plans``: four communes copied from the shipped ward and edited
    the way other offices write theirs. As of 25/11/2026:
    le-thanh-nghi (phường, the self-assessment due 13/11 not done: overdue, target 4 > level 3),
    an-hung (xã, everything due done, target 3 met; a unit name and a task text carry <script>),
    bach-long-vi (đặc khu, no scores for 2026), hong-an (phường, a progress date that is no date)."""
    shutil.copytree(SHIPPED.parent / "criteria", plans / "criteria")
    done_t05 = (
        "  - task: T05\n    state: hoàn thành\n    completed: 2026-11-10\n    evidence:\n"
        "      - text: Báo cáo tự đánh giá số 88/BC-UBND ngày 10/11/2026\n"
    )
    for ident, name, header in (
        ("le-thanh-nghi", "Phường Lê Thanh Nghị", "PHƯỜNG LÊ THANH NGHỊ"),
        ("an-hung", "Xã An Hưng", "XÃ AN HƯNG"),
        ("bach-long-vi", "Đặc khu Bạch Long Vĩ", "ĐẶC KHU BẠCH LONG VĨ"),
        ("hong-an", "Phường Hồng An", "PHƯỜNG HỒNG AN"),
    ):
        ward = plans / ident
        shutil.copytree(SHIPPED, ward)
        plan = ward / "plan.yaml"
        edit(plan, "id: le-thanh-nghi", f"id: {ident}")
        edit(plan, "ward: Phường Lê Thanh Nghị", f"ward: {name}")
        edit(plan, "PHƯỜNG LÊ THANH NGHỊ]", f"{header}]")
        if ident == "an-hung":
            edit(plan, "    level: 4\n    kind: achieve", "    level: 3\n    kind: achieve")
            edit(
                ward / "units.yaml",
                "    name: Phòng Văn hóa - Xã hội\n    short_name: Phòng Văn hóa - Xã hội",
                f"    name: Phòng Văn hóa - Xã hội {INJECTION}\n    short_name: Phòng VHXH {INJECTION}",
            )
            edit(
                ward / "tasks.yaml",
                "    text: Tổ chức thực hiện các tiêu chí",
                f"    text: {INJECTION} Tổ chức thực hiện các tiêu chí",
            )
        if ident in ("an-hung", "bach-long-vi"):
            with (ward / "progress" / "2026.yaml").open("a", encoding="utf-8") as fh:
                fh.write(done_t05)
        if ident == "bach-long-vi":
            (ward / "scores" / "2026.yaml").unlink()
        if ident == "hong-an":
            edit(ward / "progress" / "2026.yaml", "completed: 2026-01-30", "completed: 30/13/2026")
    return plans


@pytest.fixture
def city(tmp_path: Path) -> Path:
    return make_city(tmp_path / "plans")


def plans_repo(top: Path) -> Path:
    """A git repository at ``top`` holding the shipped ward and its criteria, committed once ("base")."""
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=top, check=True, capture_output=True)

    shutil.copytree(SHIPPED, top / "plans" / "le-thanh-nghi")
    shutil.copytree(ROOT / "plans" / "criteria", top / "plans" / "criteria")
    git("init", "-q", "-b", "main")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    git("add", "-A")
    git("commit", "-qm", "base")
    return top
