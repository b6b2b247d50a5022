#!/usr/bin/env python3
"""Benchmark ctt against the import floor, in one run, on this machine.

    python bench/run.py [--rounds 11] [--city-wards 120] [--big 1000] [--only WORD]

Every command is timed next to its own run of the floor
`python -c "import typer, pydantic, ruamel.yaml"` (a pair), the pairs of one round run in a
shuffled order, and the table reports the median wall and CPU time (user + system of the
process tree) and the min / median / max of the per-pair ratios. Pairing keeps the ratios
honest on a shared machine whose speed drifts by ±20 % from minute to minute.

Extra rows: the physical limit (Python start plus PyYAML's C parse of the shipped plan), the
peers on the same files when installed (`check-jsonschema` on the JSON schemas, `yamllint`),
and a synthetic city (`bench/make_city.py`) with the peak memory summed over the process tree
(sampled from /proc every 5 ms). Results are recorded by hand in bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CTT = [PY, "-m", "ctt_cli"]
FLOOR = [PY, "-c", "import typer, pydantic, ruamel.yaml"]
PLAN = ROOT / "plans" / "le-thanh-nghi"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run; CPU covers the process and its waited-for children."""
    cpu = _cpu()
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
    return time.perf_counter() - start, _cpu() - cpu


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def peak_tree_mb(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS summed over the process tree in MB), sampled every 5 ms."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.005)

    thread = threading.Thread(target=sample)
    thread.start()
    proc.wait()
    done.set()
    thread.join()
    return time.perf_counter() - start, peak / 2**20


def paired(cases: list[tuple[str, list[str], dict[str, str], str]], rounds: int, env: dict[str, str]) -> list[str]:
    for _, cmd, case_env, _ in cases:  # warm the OS cache (and ctt's cache for the warm rows)
        subprocess.run(cmd, cwd=ROOT, env=case_env, capture_output=True)
    samples: dict[str, list[tuple[float, float, float, float]]] = {label: [] for label, *_ in cases}
    floors: list[tuple[float, float]] = []
    rng = random.Random(18)
    for _ in range(rounds):
        order = list(cases)
        rng.shuffle(order)
        for label, cmd, case_env, _ in order:
            first_floor = rng.random() < 0.5
            if first_floor:
                floor = run_once(FLOOR, env)
            wall, cpu = run_once(cmd, case_env)
            if not first_floor:
                floor = run_once(FLOOR, env)
            floors.append(floor)
            samples[label].append((wall, cpu, wall / floor[0], cpu / floor[1]))
    lines = [
        "| command | wall ms | CPU ms | × floor, wall (min / median / max) | × floor, CPU (median) | target |",
        "|---|---:|---:|---|---:|---|",
        f'| floor: python -c "import typer, pydantic, ruamel.yaml" | '
        f"{statistics.median(f[0] for f in floors) * 1000:.0f} | "
        f"{statistics.median(f[1] for f in floors) * 1000:.0f} | 1.00 | 1.00 | |",
    ]
    for label, _, _, target in cases:
        rows = samples[label]
        ratios = sorted(r[2] for r in rows)
        lines.append(
            f"| {label} | {statistics.median(r[0] for r in rows) * 1000:.0f} | "
            f"{statistics.median(r[1] for r in rows) * 1000:.0f} | "
            f"{ratios[0]:.2f} / **{statistics.median(ratios):.2f}** / {ratios[-1]:.2f} | "
            f"{statistics.median(r[3] for r in rows):.2f} | {target} |"
        )
    return lines


def peers() -> list[tuple[str, list[str]]]:
    out = []
    bindir = Path(PY).parent
    schemas = sorted((ROOT / "schemas").glob("*.json"))
    jsonschema = shutil.which("check-jsonschema", path=f"{bindir}:{os.environ.get('PATH', '')}")
    if jsonschema and schemas:
        out.append(
            (
                "peer: check-jsonschema --check-metaschema on the schemas",
                [jsonschema, "--check-metaschema", *map(str, schemas)],
            )
        )
    yamllint = shutil.which("yamllint", path=f"{bindir}:{os.environ.get('PATH', '')}")
    if yamllint:
        out.append(("peer: yamllint on the shipped plan", [yamllint, "-d", "relaxed", str(PLAN)]))
    return out


SITE_UP_TO = 200  # wards: larger cities get no site rows (a minute a run)


def city_rows(wards: int, work: Path, env: dict[str, str], runs: int) -> list[str]:
    city = work / f"city{wards}"
    subprocess.run(
        [PY, str(ROOT / "bench" / "make_city.py"), str(city), "--wards", str(wards)], check=True, capture_output=True
    )
    cache = {**env, "CTT_CACHE_DIR": str(work / f"cache{wards}")}
    cold = {**env, "CTT_NO_CACHE": "1"}
    summary = [*CTT, "summary", "--year", "2026", str(city)]
    cases = [
        ("validate, cold (no cache)", [*CTT, "validate", str(city)], cold),
        ("validate, warm (unchanged)", [*CTT, "validate", str(city)], cache),
        ("summary --year 2026, cold (no cache)", summary, cold),
        ("summary --year 2026, warm (unchanged)", summary, cache),
    ]
    if wards <= SITE_UP_TO:  # the city site with the year's documents (issue 17)
        site = [*CTT, "site", "--year", "2026", "--as-of", "2026-11-25", str(city), "-o", str(work / f"site{wards}")]
        first = {**cold, "CTT_CACHE_DIR": "/dev/null/ctt"}  # nothing can be kept: templates compiled every run
        cases += [
            ("site --no-documents, cold (no data cache)", [*site, "--no-documents"], cold),
            ("site, cold (no data cache; compiled templates kept)", site, cold),
            ("site, cold and no code cache either (a first run ever)", site, first),
            ("site, warm (unchanged city)", site, cache),
        ]
        subprocess.run(site, cwd=ROOT, env=cold, capture_output=True)  # compile the templates once
        subprocess.run(site, cwd=ROOT, env=cache, capture_output=True)
    subprocess.run(cases[1][1], cwd=ROOT, env=cache, capture_output=True)  # fill the cache
    subprocess.run(summary, cwd=ROOT, env=cache, capture_output=True)
    lines = [
        f"City of {wards} wards ({wards * 14} files), median of {runs} runs:",
        "",
        "| command | wall s | CPU s | ms per ward (wall) | peak MB over the process tree |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, cmd, case_env in cases:
        walls, cpus, peaks = [], [], []
        for _ in range(runs):
            wall, cpu = run_once(cmd, case_env)
            walls.append(wall)
            cpus.append(cpu)
        peaks.append(peak_tree_mb(cmd, case_env)[1])
        wall = statistics.median(walls)
        lines.append(
            f"| {label} | {wall:.2f} | {statistics.median(cpus):.2f} | {wall / wards * 1000:.1f} | {max(peaks):.0f} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--city-wards", type=int, default=120, help="0: no city rows")
    parser.add_argument("--big", type=int, default=0, help="also a city of this many wards (e.g. 1000)")
    parser.add_argument("--city-runs", type=int, default=3)
    parser.add_argument("--only", help="only the single-ward rows whose label contains this")
    args = parser.parse_args()
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "src")], capture_output=True)  # as pip install does
    work = Path(tempfile.mkdtemp(prefix="ctt-bench-"))
    env = {**os.environ, "CTT_CACHE_DIR": str(work / "cache")}
    env.pop("CTT_NO_CACHE", None)
    cold = {**env, "CTT_NO_CACHE": "1"}
    fresh = {**cold, "CTT_NO_CODE_CACHE": "1"}
    plan_files = sorted(str(p) for p in PLAN.rglob("*.yaml"))
    physical = "import sys, yaml\nfor f in sys.argv[1:]:\n    yaml.load(open(f, 'rb'), Loader=yaml.CSafeLoader)"
    out = str(work / "out")
    cases = [
        ("physical limit: python + PyYAML C parse of the plan", [PY, "-c", physical, *plan_files], env, ""),
        ("a one-command Typer app (bench/hello.py)", [PY, str(ROOT / "bench" / "hello.py")], env, ""),
        ("ctt --help", [*CTT, "--help"], env, "≤ 1.2×"),
        ("ctt validate, warm (unchanged: cache hit)", [*CTT, "validate"], env, "≤ 1.1×"),
        ("ctt validate, cold (CTT_NO_CACHE=1)", [*CTT, "validate"], cold, "≤ 1.5×"),
        # a fresh install's first run: no compiled models yet either (model/compiled.py builds them)
        ("ctt validate, cold, no compiled models (CTT_NO_CODE_CACHE=1)", [*CTT, "validate"], fresh, ""),
        ("ctt status --year 2026, cold", [*CTT, "status", "--year", "2026"], cold, "≤ 2×"),
        ("ctt score --year 2026, cold", [*CTT, "score", "--year", "2026"], cold, "≤ 2×"),
        ("ctt render plan, cold", [*CTT, "render", "plan", "-o", out + "/k.docx"], cold, "≤ 2.5×"),
        ("ctt render all --year 2026, cold", [*CTT, "render", "all", "--year", "2026"], cold, "≤ 4×"),
        ("ctt fmt --check", [*CTT, "fmt", "--check"], env, "≤ 2×"),
        ("ctt diff (HEAD vs working tree)", [*CTT, "diff"], env, ""),
    ] + [(label, cmd, env, "") for label, cmd in peers()]
    if args.only:
        cases = [c for c in cases if args.only in c[0]]
    print(
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; {args.rounds} shuffled rounds of pairs.\n"
    )
    print("\n".join(paired(cases, args.rounds, env)))
    for wards in [w for w in (args.city_wards, args.big) if w]:
        print()
        print("\n".join(city_rows(wards, work, env, args.city_runs)))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
