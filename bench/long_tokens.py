"""Worst case for validate's text checks: a tasks.yaml of ~1 MiB (just under ctt's limit) whose task
text is made of 20,000-character tokens of the kinds that once made regexes quadratic (letters,
digit runs, digits-dash-letters, "baba…", "5049/QQQ…"). Times `ctt validate` (no cache), median of N.

    .venv/bin/python bench/long_tokens.py --runs 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["a" * 20_000, "1" * 20_000, "1" * 10_000 + "-" + "a" * 10_000, "ba" * 10_000, "5049/" + "Q" * 19_995]
LIMIT = 1024 * 1024


def make(folder: Path) -> Path:
    shutil.copytree(ROOT / "plans" / "le-thanh-nghi", folder / "plans" / "w")
    shutil.copytree(ROOT / "plans" / "criteria", folder / "plans" / "criteria")
    tasks = folder / "plans" / "w" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    i = 0
    while True:  # one task per token, each text under the 20,000-character limit
        task = (
            f"\n  - id: T{100 + i}\n    text: Rà soát {KINDS[i % len(KINDS)][:19_900]} theo Kế hoạch số "
            "12/KH-UBND\n    deadline: Hằng năm\n    lead: phong-vhxh\n"
        )
        if len((text + task).encode("utf-8")) > LIMIT - 100:
            break
        text += task
        i += 1
    tasks.write_text(text, encoding="utf-8")
    return tasks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ctt = Path(sys.executable).parent / "ctt"
    with tempfile.TemporaryDirectory() as tmp:
        tasks = make(Path(tmp))
        env = dict(os.environ, CTT_NO_CACHE="1")
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            done = subprocess.run([str(ctt), "validate", str(tasks.parent)], capture_output=True, env=env)
            times.append(time.perf_counter() - start)
        print(f"tasks.yaml: {tasks.stat().st_size} bytes, exit {done.returncode}")
        print(
            f"ctt validate: median {statistics.median(times):.2f} s, worst {max(times):.2f} s "
            f"over {args.runs} runs (target: under 2 s)"
        )


if __name__ == "__main__":
    main()
