#!/usr/bin/env python3
"""Build a synthetic city for benchmarks: N wards, each the full shipped plan with
5 years (2026-2030) of progress and scores. All data is synthetic and says so.

    python bench/make_city.py OUT_DIR [--wards 120]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "plans" / "le-thanh-nghi"
YEARS = range(2026, 2031)
LEAVES = {
    "1.1": (8, 0.5),
    "1.2": (8, 0.5),
    "1.3": (4, None),
    "2.1": (10, 0.25),
    "2.2": (8, 0.25),
    "2.3": (7, None),
    "3.1": (10, 0.5),
    "3.2": (5, "pass"),
    "3.3": (10, 0.5),
    "4.1": (15, 0.25),
    "4.2": (5, None),
    "5.1": (5, None),
    "5.2": (5, None),
}


def progress(rng: random.Random, year: int) -> str:
    lines = ["# Dữ liệu TỔNG HỢP cho đo hiệu năng, không phải của phường nào.", f"year: {year}", "records:"]
    for task in ("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08"):
        if rng.random() < 0.7 and year <= 2026:  # only the past can be done
            lines += [
                f"  - task: {task}",
                "    state: hoàn thành",
                f"    completed: {year}-02-01",
                "    evidence:",
                f"      - text: Báo cáo tổng hợp số {rng.randint(1, 99)}",
            ]
        elif rng.random() < 0.5:
            lines += [f"  - task: {task}", "    state: đang thực hiện"]
    if year in (2027, 2030) and rng.random() < 0.5:
        lines += ["  - task: T09", "    state: đang thực hiện"]
    if lines[-1] == "records:":
        lines[-1] = "records: []"
    return "\n".join(lines) + "\n"


def scores(rng: random.Random, year: int) -> str:
    lines = [
        "# Điểm TỔNG HỢP cho đo hiệu năng.",
        f"year: {year}",
        "criteria_set: qd-5049-minh-hoa",
        "status: illustrative",
        "notice: Điểm tổng hợp để đo hiệu năng, không phải điểm thật.",
        "registered_level: 4",
        "scores:",
    ]
    for cid, (top, step) in LEAVES.items():
        lines.append(f"  - criterion: '{cid}'")
        if step == "pass":
            lines.append(f"    passed: {'true' if rng.random() < 0.9 else 'false'}")
            lines.append("    explanation: Tổng hợp.")
        elif step is None:
            lines.append(f"    self: {top if rng.random() < 0.8 else 0}")
            lines.append("    explanation: Tổng hợp.")
        else:
            value = round(rng.uniform(top / 2, top) / step) * step
            lines.append(f"    self: {value:g}")
            lines.append("    explanation: Tổng hợp.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--wards", type=int, default=120)
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(ROOT / "plans" / "criteria", args.out / "criteria")
    for n in range(1, args.wards + 1):
        rng = random.Random(n)
        ward = args.out / f"phuong-{n:03d}"
        shutil.copytree(SHIPPED, ward, ignore=shutil.ignore_patterns("progress", "scores", "reports"))
        plan = ward / "plan.yaml"
        text = plan.read_text(encoding="utf-8")
        plan.write_text(
            text.replace("id: le-thanh-nghi", f"id: phuong-{n:03d}").replace(
                "ward: Phường Lê Thanh Nghị", f"ward: Phường Thử Nghiệm {n:03d}"
            ),
            encoding="utf-8",
        )
        for year in YEARS:
            for folder, build in (("progress", progress), ("scores", scores)):
                (ward / folder).mkdir(exist_ok=True)
                (ward / folder / f"{year}.yaml").write_text(build(rng, year), encoding="utf-8")
    print(f"{args.wards} phường trong {args.out}")


if __name__ == "__main__":
    main()
