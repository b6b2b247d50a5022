"""The validation cache: same findings, invalidated by any change, and no models loaded on a hit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import edit


@pytest.fixture
def cached(monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.delenv("CTT_NO_CACHE", raising=False)
    monkeypatch.setenv("CTT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_same_findings_and_invalidation(cli, cached: Path, ward_dir: Path) -> None:
    first = cli("validate", str(ward_dir), "-f", "json").stdout
    # one data-cache entry; code/ holds the compiled models when this process had none yet
    assert len([p for p in cached.iterdir() if p.name != "code"]) == 1
    assert cli("validate", str(ward_dir), "-f", "json").stdout == first
    edit(ward_dir / "tasks.yaml", "lead: phong-kthtdt", "lead: khong-co")
    changed = cli("validate", str(ward_dir), "-f", "json")
    assert changed.exit_code == 1 and '"E301"' in changed.stdout
    criteria = ward_dir.parent / "criteria" / "qd-5049-minh-hoa.yaml"
    edit(ward_dir / "tasks.yaml", "lead: khong-co", "lead: phong-kthtdt")
    assert cli("validate", str(ward_dir), "-f", "json").stdout == first
    edit(criteria, "min_total: 90", "min_total: 101")  # a file outside the ward folder counts too
    assert '"E700"' in cli("validate", str(ward_dir), "-f", "json").stdout


def test_no_cache_option_and_env(cli, cached: Path, ward_dir: Path) -> None:
    cli("validate", str(ward_dir), "--no-cache")
    assert not cached.exists()


def test_a_hit_loads_no_models(cached: Path, ward_dir: Path) -> None:
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('MODELS', 'ctt_cli.model.plan' in sys.modules, file=sys.stderr))\n"
        "from ctt_cli.app import main\n"
        f"sys.argv = ['ctt', 'validate', {str(ward_dir)!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "CTT_CACHE_DIR": str(cached)}
    env.pop("CTT_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env) for _ in range(2)]
    assert "MODELS True" in runs[0].stderr and "MODELS False" in runs[1].stderr
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode == 0


def test_every_check_name_has_a_function() -> None:
    from ctt_cli.checks import CheckName
    from ctt_cli.checks.registry import CHECKS

    assert list(CHECKS) == list(CheckName)
