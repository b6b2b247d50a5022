"""Named checks. Each takes a loaded Ward and yields findings; they never raise."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ctt_cli.cache import WardReport
from ctt_cli.checks import citations, deadlines, plan, progress, refs, scores, text
from ctt_cli.findings import Finding
from ctt_cli.workspace import Ward, load_ward

Check = Callable[[Ward], Iterable[Finding]]

CHECKS: dict[str, Check] = {  # names also listed in findings.CHECK_NAMES (kept light for the CLI)
    "ids": refs.check_ids,
    "refs": refs.check_references,
    "encoding": text.check_encoding,
    "tone": text.check_tone_style,
    "units": text.check_unit_spelling,
    "quotes": text.check_quotes,
    "place": text.check_place,
    "citations": citations.check_citations,
    "draft": plan.check_draft,
    "objectives": plan.check_objectives,
    "deadlines": deadlines.check_deadlines,
    "progress": progress.check_progress,
    "criteria": scores.check_criteria,
    "scores": scores.check_scores,
    "reports": plan.check_reports,
    "years": plan.check_year_names,
}


def run_checks(ward: Ward, only: Iterable[str] | None = None) -> list[Finding]:
    """Run the named checks (all by default) and return the ward's findings, sorted, loading ones included."""
    names = list(only) if only else list(CHECKS)
    found = list(ward.findings)
    for name in names:
        found.extend(CHECKS[name](ward))
    return sorted(set(found))


_CRITERIA: dict = {}  # criteria sets already read by this process, shared by its wards


def validate_ward(root: Path, only: tuple[str, ...] | None = None) -> WardReport:
    ward = load_ward(root, criteria_cache=_CRITERIA)
    return report_for(root, ward, run_checks(ward, only))


def report_for(root: Path, ward: Ward, findings: list[Finding]) -> WardReport:
    """What the cache keeps of a checked ward (with the files it read outside its folder)."""
    inside = root.resolve()
    extra = sorted(str(s.path) for s in ward.sources.values()
                   if inside not in s.path.resolve().parents)
    return WardReport(ward.display, ward.name, findings, {s.display: s.text for s in ward.sources.values()},
                      extra)
