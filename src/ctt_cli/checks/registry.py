"""The named checks and how they run: each name (``CheckName``) to its function."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ctt_cli.checks import CheckName, citations, deadlines, plan, progress, refs, scores, text
from ctt_cli.checks.suppress import suppress, unshadowed
from ctt_cli.findings import Finding
from ctt_cli.model.ward import Ward

Check = Callable[[Ward, dt.date], Iterable[Finding]]


def _undated(fn: Callable[[Ward], Iterable[Finding]]) -> Check:
    """A check whose findings do not depend on the day."""
    return lambda ward, _as_of: fn(ward)


CHECKS: dict[CheckName, Check] = {
    CheckName.IDS: _undated(refs.check_ids),
    CheckName.REFS: _undated(refs.check_references),
    CheckName.ENCODING: _undated(text.check_encoding),
    CheckName.TONE: _undated(text.check_tone_style),
    CheckName.UNITS: _undated(text.check_unit_spelling),
    CheckName.QUOTES: _undated(text.check_quotes),
    CheckName.PLACE: _undated(text.check_place),
    CheckName.CITATIONS: _undated(citations.check_citations),
    CheckName.DRAFT: _undated(plan.check_draft),
    CheckName.OBJECTIVES: _undated(plan.check_objectives),
    CheckName.DEADLINES: _undated(deadlines.check_deadlines),
    CheckName.PROGRESS: progress.check_progress,
    CheckName.CRITERIA: _undated(scores.check_criteria),
    CheckName.SCORES: _undated(scores.check_scores),
    CheckName.REPORTS: _undated(plan.check_reports),
    CheckName.YEARS: _undated(plan.check_year_names),
}


def run_checks(ward: Ward, as_of: dt.date, only: Iterable[str] | None = None) -> list[Finding]:
    """Run the named checks (all by default) on the ward and return its findings, sorted, those of
    loading included. ``as_of`` is the day the checks judge by (a completion date after it is wrong)."""
    names = [CheckName(n) for n in only] if only else list(CheckName)
    found = list(ward.findings)
    checked: list[Finding] = []
    for name in names:
        checked.extend(CHECKS[name](ward, as_of))
    return suppress(ward, sorted({*found, *unshadowed(found, checked)}))
