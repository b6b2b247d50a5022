"""The city view: one row per ward (tasks done and overdue, score and level, data errors)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ctt_cli.findings import count
from ctt_cli.scoring import compute_score
from ctt_cli.status import State, compute_status
from ctt_cli.workspace.pipeline import WardResult


@dataclass(frozen=True)
class CityRow:
    """Computes a ward's row of the city table from its pipeline result (in a worker process for a
    city). Never raises on bad data: a ward whose files have errors gets a row saying so."""

    year: int
    as_of: dt.date
    due_within: int

    def __call__(self, result: WardResult) -> dict[str, Any]:
        return ward_row(result, self.year, self.as_of, self.due_within)

    @property
    def cache_tag(self) -> str:
        """The row is cached with the ward's findings under this name (workspace/cache.py)."""
        return f"city-row|{self.year}|{self.as_of.isoformat()}|{self.due_within}"


def ward_row(result: WardResult, year: int, as_of: dt.date, due_within: int) -> dict[str, Any]:
    findings = result.findings
    errors, warnings = count(findings)
    row: dict[str, Any] = {
        "ward": result.name,
        "path": result.display,
        "errors": errors,
        "warnings": warnings,
        "done": None,
        "overdue": None,
        "due_soon": None,
        "occurrences": None,
        "score": None,
        "max_score": None,
        "level": None,
        "target": None,
        "target_met": None,
        "illustrative": None,
        "note": "",
    }
    if errors:
        first = next(f for f in findings if f.severity.value == "error")
        row["note"] = f"lỗi dữ liệu, ví dụ {first.file}:{first.line}: {first.message}"
        return row
    ward = result.checked
    if ward is None:
        return row
    status = compute_status(ward, year, as_of, due_within)
    counts = status.counts()
    applicable = [r for r in status.rows if r.state is not State.NOT_APPLICABLE]
    row.update(
        done=counts.get(State.DONE, 0) + counts.get(State.DONE_LATE, 0),
        overdue=counts.get(State.OVERDUE, 0),
        due_soon=counts.get(State.DUE_SOON, 0),
        occurrences=len(applicable),
    )
    target = ward.plan.target(year)
    row["target"] = target.level if target else None
    scores = ward.scores(year)
    if ward.criteria and scores:
        view = compute_score(ward.criteria, scores, row["target"])
        if not view.scored:
            row["note"] = f"chưa chấm điểm năm {year}"
            return row
        row.update(
            score=view.total,
            max_score=view.criteria.max_total,
            level=view.level_reached,
            illustrative=view.illustrative,
            target_met=None if row["target"] is None else (view.level_reached or 0) >= row["target"],
        )
        if view.illustrative:
            row["note"] = "điểm minh họa"
    else:
        row["note"] = f"chưa có điểm năm {year}"
    return row
