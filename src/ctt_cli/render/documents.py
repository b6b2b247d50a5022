"""The documents ctt renders: their templates, contexts and default output paths."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctt_cli import schedule
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render import assessment, engine, reports
from ctt_cli.render.context import TOP_LEVEL, plan_context, with_appendix_heading
from ctt_cli.settings import shipped, templates_override


@dataclass(frozen=True)
class DocKind:
    name: str
    template: str
    label: str


KINDS = {
    "plan": DocKind("plan", "ke-hoach.docx", "Kế hoạch"),
    "report": DocKind("report", "bao-cao.docx", "Báo cáo kết quả thực hiện năm"),
    "assessment": DocKind("assessment", "tu-danh-gia.docx", "Báo cáo tự đánh giá, chấm điểm"),
    "registration": DocKind("registration", "dang-ky.docx", "Công văn đăng ký mức đạt chuẩn"),
    "review": DocKind("review", "so-ket.docx", "Báo cáo sơ kết, tổng kết"),
}


def templates_dir() -> Path:
    """CTT_TEMPLATES, else templates/ as shipped (here, in the checkout, or installed)."""

    return templates_override() or shipped("templates")


@dataclass(frozen=True)
class Request:
    kind: str
    year: int | None = None
    first: int | None = None
    last: int | None = None
    as_of: dt.date | None = None

    def label(self) -> str:
        if self.kind == "plan":
            return "ke-hoach"
        if self.kind == "review":
            return f"so-ket-{self.first}-{self.last}"
        return f"{KINDS[self.kind].template.removesuffix('.docx')}-{self.year}"


def context(ward: Ward, req: Request) -> dict[str, Any]:

    as_of = req.as_of
    assert as_of is not None, "the command passes the day the document is dated by"
    if req.kind == "plan":
        return with_appendix_heading(plan_context(ward))
    if req.kind == "review":
        assert req.first is not None and req.last is not None, "a review request names its years"
        return with_appendix_heading(reports.review_context(ward, req.first, req.last, as_of))
    build = {
        "report": reports.report_context,
        "assessment": assessment.assessment_context,
        "registration": reports.registration_context,
    }[req.kind]
    assert req.year is not None, f"a {req.kind} request names its year"
    return with_appendix_heading(build(ward, req.year, as_of))


def default_output(ward: Ward, req: Request) -> Path:
    ident = ward.plan.id if ward.plan else ward.root.name
    return Path("build") / ident / f"{req.label()}.docx"


def render(ward: Ward, req: Request, template: Path | None = None) -> bytes:
    path = template or templates_dir() / KINDS[req.kind].template
    if not path.is_file():
        raise engine.RenderError(f"không tìm thấy mẫu {path}")
    ctx = context(ward, req)
    return engine.render(path, ctx, ctx["meta"])


def due_documents(ward: Ward, year: int) -> list[Request]:
    """Every document for a year: the plan, and each document a task due that year produces."""

    requests = [Request("plan")]
    occurrences = schedule.task_occurrences(ward.plan, ward.tasks, year)
    kinds = {k for t in ward.tasks if occurrences.get(t.id) for k in t.produces}
    for kind in ("registration", "assessment", "report"):
        if kind in kinds:
            requests.append(Request(kind, year=year))
    if "review" in kinds:
        requests.append(Request("review", first=ward.plan.period.start, last=year))
    return requests


def check_template(path: Path, ward: Ward, req: Request) -> list[str]:
    """Problems of one template against the data it will receive (empty when it is fine)."""

    try:
        unknown = sorted(engine.undeclared(path) - TOP_LEVEL)
    except engine.RenderError as exc:
        return [str(exc)]
    problems = [f"mẫu {path.name}: biến '{{{{ {name} }}}}' không có trong dữ liệu" for name in unknown]
    if not problems:
        try:
            ctx = context(ward, req)
            engine.render(path, ctx, ctx["meta"])
        except engine.RenderError as exc:
            problems.append(str(exc))
    return problems
