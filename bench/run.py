#!/usr/bin/env python3
"""Benchmark ctt against the import floor, in one run, on this machine.

    python bench/run.py [--runs 7] [--city DIR]

Prints a Markdown table (median wall time of each command, and its ratio to the floor
`python -c "import typer, pydantic, ruamel.yaml"` measured in the same run) and the peak
memory of the city-wide commands. Results are recorded by hand in bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CTT = [PY, "-m", "ctt_cli"]


def timed(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)  # warm the OS cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(peak RSS of the largest process, sum over the process and its workers), in MB."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PY, "-c", probe, *cmd], cwd=ROOT, env=env, capture_output=True, text=True).stdout
    largest = int(out.strip() or 0) / 1024
    jobs = int(env.get("CTT_JOBS") or os.cpu_count() or 1)
    return largest, largest * (jobs + 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--city", type=Path, help="a synthetic city made by make_city.py (default: made now)")
    args = parser.parse_args()
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "src")], capture_output=True)  # as pip install does
    work = Path(tempfile.mkdtemp(prefix="ctt-bench-"))
    city = args.city or work / "city"
    if args.city is None:
        subprocess.run([PY, str(ROOT / "bench" / "make_city.py"), str(city)], check=True, capture_output=True)
    cache = work / "cache"
    env = {**os.environ, "CTT_CACHE_DIR": str(cache)}
    env.pop("CTT_NO_CACHE", None)
    cold = {**env, "CTT_NO_CACHE": "1"}
    out_docx = str(work / "k.docx")
    floor = timed([PY, "-c", "import typer, pydantic, ruamel.yaml"], args.runs, env)
    rows = [
        ('floor: python -c "import typer, pydantic, ruamel.yaml"', floor, "1.00", ""),
    ]
    cases = [
        ("a one-command Typer app (bench/hello.py)", [PY, str(ROOT / "bench" / "hello.py")], env, ""),
        ("ctt --help", [*CTT, "--help"], env, "≤ 1.2×"),
        ("ctt validate (shipped plan, unchanged: cache hit)", [*CTT, "validate"], env, "≤ 1.3×"),
        ("ctt validate --no-cache (shipped plan, cold)", [*CTT, "validate"], cold, "≤ 1.3×"),
        ("ctt status --year 2026", [*CTT, "status", "--year", "2026"], env, ""),
        ("ctt render plan", [*CTT, "render", "plan", "-o", out_docx], env, "≤ 2×"),
        ("ctt validate CITY (120 wards, cold)", [*CTT, "validate", str(city)], cold, "< 3 s"),
        ("ctt validate CITY (120 wards, unchanged)", [*CTT, "validate", str(city)], env, "< 3 s"),
        ("ctt summary --year 2026 CITY (120 wards)", [*CTT, "summary", "--year", "2026", str(city)], env, "< 3 s"),
    ]
    for label, cmd, case_env, target in cases:
        seconds = timed(cmd, args.runs, case_env)
        rows.append((label, seconds, f"{seconds / floor:.2f}", target))
    print(
        f"Measured {dt.date.today():%Y-%m-%d} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, median of {args.runs} runs.\n"
    )
    print("| command | ms | × floor | target |")
    print("|---|---:|---:|---|")
    for label, seconds, ratio, target in rows:
        print(f"| {label} | {seconds * 1000:.0f} | {ratio} | {target} |")
    print()
    for label, cmd in (
        ("ctt validate CITY --no-cache", [*CTT, "validate", str(city), "--no-cache"]),
        ("ctt summary --year 2026 CITY", [*CTT, "summary", "--year", "2026", str(city)]),
    ):
        largest, total = peak_mb(cmd, env)
        print(
            f"- peak memory, {label}: {largest:.0f} MB in the largest process; "
            f"at most {total:.0f} MB over it and its workers"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
