"""ctt as a library: the plan data without the command line (the way sqlite-utils and hledger-lib
are used). Everything here is a plain function over plain values; nothing prints or exits.

    from ctt_cli import load_ward, render_docx, score_of, status_of

    ward = load_ward("plans/le-thanh-nghi")          # checked: plan, units, documents, tasks present
    for row in status_of(ward, 2026, as_of=datetime.date(2026, 11, 25)).rows:
        print(row.task.id, row.state, row.occurrence and row.occurrence.due)
    print(score_of(ward, 2026).level_reached)
    Path("ke-hoach.docx").write_bytes(render_docx(ward, "plan"))
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ctt_cli.findings import Finding
from ctt_cli.model.ward import CheckedWard
from ctt_cli.scoring import ScoreView, compute_score
from ctt_cli.status import StatusView, compute_status
from ctt_cli.workspace.pipeline import Options, check_paths


class WardError(ValueError):
    """The ward's data has errors; ``findings`` lists them (file, line, column, Vietnamese message)."""

    def __init__(self, path: Path, findings: list[Finding]) -> None:
        first = findings[0] if findings else None
        where = f": {first.file}:{first.line}:{first.column}: {first.message}" if first else ""
        super().__init__(f"{path}: {len(findings)} lỗi dữ liệu{where}")
        self.findings = findings


def check(path: str | Path, as_of: dt.date | None = None) -> list[Finding]:
    """Every finding (errors and warnings) of the wards under ``path``, as `ctt validate` reports them."""
    return check_paths([Path(path)], Options(as_of or dt.date.today(), use_cache=False)).all_findings


def load_ward(path: str | Path, as_of: dt.date | None = None) -> CheckedWard:
    """One ward folder, loaded and checked; raises WardError when its data has errors."""
    checked = check_paths([Path(path)], Options(as_of or dt.date.today(), use_cache=False, need_models=True))
    if checked.findings or len(checked.results) != 1:
        raise WardError(Path(path), checked.findings or [])
    result = checked.results[0]
    ward = result.checked
    if ward is None:
        raise WardError(Path(path), result.errors)
    return ward


def status_of(ward: CheckedWard, year: int, as_of: dt.date | None = None, due_within: int = 14) -> StatusView:
    """Each task occurrence of the year and its state on ``as_of`` (default today)."""
    return compute_status(ward, year, as_of or dt.date.today(), due_within)


def score_of(ward: CheckedWard, year: int) -> ScoreView:
    """The year's self-assessment scored against the criteria set; raises LookupError when the ward
    has no criteria set or no scores for that year."""
    scores = ward.scores(year)
    if ward.criteria is None or scores is None:
        raise LookupError(f"{ward.name}: chưa có bộ tiêu chí hoặc tệp scores/{year}.yaml")
    target = ward.plan.target(year)
    return compute_score(ward.criteria, scores, target.level if target else None)


def render_docx(
    ward: CheckedWard,
    kind: str = "plan",
    *,
    year: int | None = None,
    first: int | None = None,
    last: int | None = None,
    as_of: dt.date | None = None,
    template: Path | None = None,
) -> bytes:
    """A document's .docx bytes: kind is plan, report, assessment, registration or review."""
    from ctt_cli.render.documents import Request, render  # docx libraries: only when used

    request = Request(kind, year=year, first=first, last=last, as_of=as_of or dt.date.today())
    return render(ward, request, template)
