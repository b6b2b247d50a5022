"""The city view: one row per ward (tasks done and overdue, score and level, data errors)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ctt_cli.cache import WardReport
from ctt_cli.checks import _CRITERIA, report_for, run_checks
from ctt_cli.findings import count
from ctt_cli.workspace import load_ward


def summarize_ward(root: Path, year: int, as_of: dt.date, due_within: int,
                   known: dict[Path, WardReport]) -> tuple[dict[str, Any], WardReport | None]:
    """The ward's row, and its fresh validation report when ``known`` (the cache) had none.
    Never raises on bad data: a ward whose files have errors gets a row saying so."""
    from ctt_cli.scoring import compute_score
    from ctt_cli.status import compute_status

    ward = load_ward(root, criteria_cache=_CRITERIA)
    fresh = None
    if root in known:
        findings = known[root].findings
    else:
        findings = run_checks(ward)
        fresh = report_for(root, ward, findings)
    errors, warnings = count(findings)
    row: dict[str, Any] = {"ward": ward.name, "path": ward.display, "errors": errors, "warnings": warnings,
                           "done": None, "overdue": None, "due_soon": None, "occurrences": None,
                           "score": None, "max_score": None, "level": None, "target": None, "target_met": None,
                           "illustrative": None, "note": ""}
    if errors:
        first = next(f for f in findings if f.severity.value == "error")
        row["note"] = f"lỗi dữ liệu, ví dụ {first.file}:{first.line}: {first.message}"
        return row, fresh
    status = compute_status(ward, year, as_of, due_within)
    counts = status.counts()
    applicable = [r for r in status.rows if r.state != "not_applicable"]
    row.update(done=counts.get("done", 0) + counts.get("done_late", 0), overdue=counts.get("overdue", 0),
               due_soon=counts.get("due_soon", 0), occurrences=len(applicable))
    target = ward.plan.target(year) if ward.plan else None
    row["target"] = target.level if target else None
    scores = ward.scores(year)
    if ward.criteria and scores:
        view = compute_score(ward.criteria, scores, row["target"])
        row.update(score=view.total, max_score=view.criteria.max_total, level=view.level_reached,
                   illustrative=view.illustrative,
                   target_met=None if row["target"] is None else (view.level_reached or 0) >= row["target"])
        if view.illustrative:
            row["note"] = "điểm minh họa"
    else:
        row["note"] = f"chưa có điểm năm {year}"
    return row, fresh
