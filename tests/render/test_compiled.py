"""Templates compiled once per process give exactly the bytes a fresh compile gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ctt_cli.render import compiled, documents, fastdocx
from ctt_cli.render.documents import Request
from ctt_cli.workspace.load import load_ward
from ctt_cli.workspace.readers import DiskReader, MemoReader

DAY = dt.date(2026, 11, 20)
SHIPPED = Path(__file__).resolve().parents[2] / "plans" / "le-thanh-nghi"


def test_cached_compile_gives_same_bytes(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CTT_CACHE_DIR", str(tmp_path))  # nothing compiled yet, in this process or on disk
    monkeypatch.setattr(fastdocx, "_MEMO", {})
    ward = load_ward(SHIPPED, MemoReader(DiskReader()))
    compiled._CODE.clear()
    compiled._PATCHED.clear()
    fresh = documents.render(ward, Request("plan", as_of=DAY))
    assert compiled._CODE and compiled._PATCHED  # the first render filled the caches
    sizes = (len(compiled._CODE), len(compiled._PATCHED))
    assert documents.render(ward, Request("plan", as_of=DAY)) == fresh
    assert (len(compiled._CODE), len(compiled._PATCHED)) == sizes  # the second one reused them


def test_one_environment_budget_per_render() -> None:
    from ctt_cli.render.engine import environment

    first, second = environment(), environment()
    first.bounded_range(150_000)
    assert second.iterations_left == first.iterations_left + 150_000
