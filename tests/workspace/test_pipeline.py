"""The one pipeline: each YAML file is read once per command, a ward's errors never stop the others,
and the library API gives the same answers as the command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import edit
from ctt_cli.app import app
from ctt_cli.workspace import readers

AS_OF = dt.date(2026, 11, 25)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter:
    counter: Counter = Counter()
    real = readers.read_input

    def counting(path, limit):
        counter[str(path)] += 1
        return real(path, limit)

    monkeypatch.setattr(readers, "read_input", counting)
    return counter


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["status", "--year", "2026", "--as-of", "2026-11-25"],
        ["score", "--year", "2026"],
        ["summary", "--year", "2026", "--as-of", "2026-11-25"],
    ],
)
@pytest.mark.parametrize("cache", [False, True])
def test_each_file_is_read_once(
    args, cache, reads, ward_dir: Path, tmp_path: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    if cache:
        monkeypatch.delenv("CTT_NO_CACHE", raising=False)
        monkeypatch.setenv("CTT_CACHE_DIR", str(tmp_path / "cache"))
        runner.invoke(app, ["validate", str(ward_dir)])  # fill the cache
        edit(ward_dir / "plan.yaml", "Nguyễn Hữu Phúc", "Nguyễn Hữu Phước")  # then an edit: a miss
        reads.clear()
    result = runner.invoke(app, [*args, str(ward_dir)])
    assert result.exit_code in (0, 1), result.output
    assert reads, "nothing was read"
    assert max(reads.values()) == 1, {p: n for p, n in reads.items() if n > 1}
    assert any(p.endswith("criteria/qd-5049-minh-hoa.yaml") for p in reads)


def test_a_broken_ward_does_not_stop_the_city(ward_dir: Path, runner) -> None:
    plans = ward_dir.parent
    other = plans / "hoa-binh"
    shutil.copytree(ward_dir, other)
    plan = other / "plan.yaml"  # one plan id per ward (E300)
    plan.write_text(plan.read_text(encoding="utf-8").replace("id: le-thanh-nghi", "id: hoa-binh", 1), encoding="utf-8")
    (other / "units.yaml").write_text("units: [\n", encoding="utf-8")
    result = runner.invoke(app, ["summary", "--year", "2026", "--as-of", "2026-11-25", "--format", "json", str(plans)])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)["wards"]
    assert len(rows) == 2
    broken = next(r for r in rows if r["path"].endswith("hoa-binh"))
    good = next(r for r in rows if r["path"].endswith("le-thanh-nghi"))
    assert broken["errors"] >= 1 and "units.yaml" in broken["note"]
    assert good["errors"] == 0 and good["score"] == 88


def test_the_library_api_gives_what_the_commands_give(ward_dir: Path, tmp_path: Path, runner) -> None:
    from ctt_cli import load_ward, render_docx, score_of, status_of

    ward = load_ward(ward_dir, AS_OF)
    status = status_of(ward, 2026, AS_OF)
    cli = json.loads(
        runner.invoke(
            app, ["status", "--year", "2026", "--as-of", "2026-11-25", "--format", "json", str(ward_dir)]
        ).stdout
    )
    assert [(r.task.id, r.state.value) for r in status.rows] == [
        (r["task"], r["state"]) for r in cli["wards"][0]["rows"]
    ]
    assert score_of(ward, 2026).total == 88
    data = render_docx(ward, "plan")
    assert data[:2] == b"PK" and len(data) > 10_000


def test_the_library_api_refuses_a_ward_with_errors(ward_dir: Path) -> None:
    from ctt_cli import WardError, load_ward

    edit(ward_dir / "tasks.yaml", "lead: phong-kthtdt", "lead: khong-co")
    with pytest.raises(WardError) as caught:
        load_ward(ward_dir, AS_OF)
    assert any(f.code == "E301" for f in caught.value.findings)
    assert "tasks.yaml" in str(caught.value)


def test_no_model_is_built_to_answer_from_the_cache(ward_dir: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "CTT_CACHE_DIR": str(tmp_path / "c")}
    env.pop("CTT_NO_CACHE", None)
    code = (
        "import sys\nfrom ctt_cli.app import main\n"
        f"sys.argv = ['ctt', 'validate', {str(ward_dir)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('ctt_cli.model.') and m != 'ctt_cli.model.layout'))"
    )
    first, second = (
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True) for _ in range(2)
    )
    assert "ctt_cli.model.plan" in first.stdout
    assert second.stdout.strip().endswith("[]"), second.stdout
