"""Attack: a stale validation cache kept refusing a ward after its missing criteria file was restored
(the key did not cover files that were missing), and a corrupt cache entry must be a miss, never a failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def cached(monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.delenv("CTT_NO_CACHE", raising=False)
    monkeypatch.setenv("CTT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_restored_criteria_file_is_noticed(cli, cached: Path, ward_dir: Path, tmp_path: Path) -> None:
    criteria = ward_dir.parent / "criteria"
    shutil.move(criteria, tmp_path / "cat-tam")
    first = cli("validate", str(ward_dir))
    assert first.exit_code == 1 and "không tìm thấy tệp bộ tiêu chí" in first.stdout
    assert list(cached.iterdir())  # an entry was stored
    shutil.move(tmp_path / "cat-tam", criteria)
    again = cli("validate", str(ward_dir))
    assert again.exit_code == 0, again.stdout
    assert "không tìm thấy tệp bộ tiêu chí" not in again.stdout


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"{",
        b"[]",
        b"null",
        b'{"key": 1}',
        b"\xff\xfe",
        b"[" * 100000,
        b'{"key":"x","extra":[],"display":"d",'
        b'"name":"n","findings":[{"file":"a","line":"x","column":1,"code":"E100","message":"m","path":"","hint":""}]}',
    ],
)
def test_corrupt_entry_is_a_miss(cli, cached: Path, ward_dir: Path, garbage: bytes) -> None:
    clean = cli("validate", str(ward_dir))
    entries = list(cached.iterdir())
    assert len(entries) == 1
    entries[0].write_bytes(garbage)
    again = cli("validate", str(ward_dir))
    assert again.exit_code == clean.exit_code and again.stdout == clean.stdout
