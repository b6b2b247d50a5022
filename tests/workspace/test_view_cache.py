"""City views cached with a ward's findings: an unchanged ward's summary row is answered from the
cache (no model loaded, no status computed); any change, or other view parameters, recompute it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import edit
from ctt_cli import city
from ctt_cli.workspace import load, pipeline
from ctt_cli.workspace.pipeline import Options, check_paths

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def cached(monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.delenv("CTT_NO_CACHE", raising=False)
    monkeypatch.setenv("CTT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _rows(ward_dir: Path, due_within: int = 14) -> list[dict]:
    return [r.value for r in check_paths([ward_dir], Options(DAY, then=city.CityRow(2026, DAY, due_within)))]


def _forbid(monkeypatch) -> list[str]:
    calls: list[str] = []

    def status(*args, **kwargs):
        calls.append("status")
        return real_status(*args, **kwargs)

    def load_ward(*args, **kwargs):
        calls.append("load")
        return real_load(*args, **kwargs)

    real_status, real_load = city.compute_status, load.load_ward
    monkeypatch.setattr(city, "compute_status", status)
    monkeypatch.setattr(load, "load_ward", load_ward)
    return calls


def test_a_hit_computes_no_status(monkeypatch, cached: Path, ward_dir: Path) -> None:
    first = _rows(ward_dir)
    assert first[0]["done"] is not None and first[0]["errors"] == 0
    calls = _forbid(monkeypatch)
    assert _rows(ward_dir) == first
    assert calls == []


def test_other_parameters_and_edits_recompute(monkeypatch, cached: Path, ward_dir: Path) -> None:
    first = _rows(ward_dir)
    calls = _forbid(monkeypatch)
    other = _rows(ward_dir, due_within=400)
    assert calls == ["load", "status"]
    assert other[0]["due_soon"] >= first[0]["due_soon"]
    assert _rows(ward_dir) == first and calls == ["load", "status"]  # both views are kept
    edit(ward_dir / "tasks.yaml", "lead: phong-kthtdt", "lead: khong-co")
    broken = _rows(ward_dir)
    assert broken[0]["errors"] >= 1 and broken[0]["done"] is None
    assert calls[-1] == "load"


def test_summary_same_output_cold_and_warm(cli, cached: Path, ward_dir: Path) -> None:
    args = ("summary", "--year", "2026", "--as-of", "2026-11-20", str(ward_dir), "--format", "json")
    cold = cli(*args)
    warm = cli(*args)
    assert cold.exit_code == warm.exit_code == 0
    assert cold.stdout == warm.stdout and '"ward"' in cold.stdout


def test_uncacheable_value_is_not_stored(cached: Path, ward_dir: Path) -> None:
    class Odd:
        cache_tag = "odd"

        def __call__(self, result):
            return {"day": DAY}  # not JSON: computed every time, never cached

    for _ in range(2):
        assert check_paths([ward_dir], Options(DAY, then=Odd())).results[0].value == {"day": DAY}


def test_warm_summary_loads_no_ward(cached: Path, ward_dir: Path) -> None:
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('LOADED', 'ctt_cli.workspace.load' in sys.modules, file=sys.stderr))\n"
        "from ctt_cli.app import main\n"
        f"sys.argv = ['ctt', 'summary', '--year', '2026', {str(ward_dir)!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "CTT_CACHE_DIR": str(cached)}
    env.pop("CTT_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env) for _ in range(2)]
    assert "LOADED True" in runs[0].stderr and "LOADED False" in runs[1].stderr
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode == 0


def test_texts_are_decoded_on_demand(ward_dir: Path) -> None:
    result = check_paths([ward_dir], Options(DAY, use_cache=False)).results[0]
    assert isinstance(result.texts, pipeline._Texts)
    label = next(label for label in result.texts if label.endswith("tasks.yaml"))
    assert result.texts[label] == (ward_dir / "tasks.yaml").read_text(encoding="utf-8")


def test_results_carry_models_only_when_asked(ward_dir: Path) -> None:
    plain = check_paths([ward_dir], Options(DAY, use_cache=False)).results[0]
    assert plain.ward is None and plain.name  # a worker sends back findings, not models
    loaded = check_paths([ward_dir], Options(DAY, use_cache=False, need_models=True)).results[0]
    assert loaded.checked is not None and loaded.findings == plain.findings
