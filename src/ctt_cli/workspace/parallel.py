"""Work on many wards at once: the city view. Each ward is loaded and checked on its own
(a failure in one never stops the others); with many wards the work is spread over
worker processes, one per core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ctt_cli import settings

PARALLEL_FROM = 16  # fewer wards than this: one process (starting workers costs more)


def _chunk(args: tuple[Callable[..., Any], list[Path], tuple]) -> list[Any]:
    fn, roots, extra = args
    return [fn(root, *extra) for root in roots]


def map_wards(fn: Callable[..., Any], roots: list[Path], *extra: Any, jobs: int | None = None) -> list[Any]:
    """[fn(root, *extra) for root in roots], in order, on worker processes when it pays."""
    jobs = jobs or settings.jobs()
    if jobs <= 1 or len(roots) < PARALLEL_FROM:
        return [fn(root, *extra) for root in roots]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork where there is one (Linux, macOS: workers start at once); Windows has only spawn, where each
    # worker is a fresh interpreter given everything by pickling (tested by forcing it on Linux)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    chunks = [roots[i::jobs] for i in range(jobs)]
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method)) as pool:
        parts = list(pool.map(_chunk, [(fn, chunk, extra) for chunk in chunks]))
    out: list[Any] = [None] * len(roots)
    for i, part in enumerate(parts):
        for j, result in enumerate(part):
            out[i + j * jobs] = result
    return out
