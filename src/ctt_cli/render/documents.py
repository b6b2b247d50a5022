"""The documents ctt renders: their templates, contexts and default output paths."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ctt_cli import digest as digests
from ctt_cli import schedule
from ctt_cli.fsutil import DOCX_LIMIT, ReadError, read_input
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render import assessment, engine, fastdocx, reports, review, year_plan
from ctt_cli.render.addressing import producing_task
from ctt_cli.render.context import TOP_LEVEL, plan_context, with_appendix_heading
from ctt_cli.render.reports import year_scores
from ctt_cli.settings import shipped, templates_override
from ctt_cli.status import issued_on
from ctt_cli.vn.words import vn_date


class DocKind(NamedTuple):
    name: str
    template: str
    label: str


KINDS = {
    "plan": DocKind("plan", "ke-hoach.docx", "Kế hoạch"),
    "report": DocKind("report", "bao-cao.docx", "Báo cáo kết quả thực hiện năm"),
    "assessment": DocKind("assessment", "tu-danh-gia.docx", "Báo cáo tự đánh giá, chấm điểm"),
    "registration": DocKind("registration", "dang-ky.docx", "Công văn đăng ký mức đạt chuẩn"),
    "review": DocKind("review", "so-ket.docx", "Báo cáo sơ kết, tổng kết"),
    "year-plan": DocKind("year-plan", "ke-hoach-nam.docx", "Kế hoạch thực hiện và đăng ký mức đạt chuẩn năm"),
}


def templates_dir() -> Path:
    """CTT_TEMPLATES, else templates/ as shipped (here, in the checkout, or installed)."""

    return templates_override() or shipped("templates")


def templates_digest() -> str:
    """What rendered documents depend on besides the data and ctt's code: every template's bytes and
    the libraries that render them (``fastdocx.key``). Read once per process and folder state."""
    folder = templates_dir()
    try:
        state = tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.glob("*.docx")))
    except OSError:
        state = ()
    return _digest(folder, state)


@lru_cache(maxsize=4)
def _digest(folder: Path, state: tuple) -> str:
    digest = digests.new(str(folder.resolve()).encode())
    for name, _size, _mtime in state:
        try:
            key = fastdocx.key(read_input(folder / name, DOCX_LIMIT))
        except ReadError:
            key = "unreadable"
        digest.update(f"|{name}|{key}".encode())
    return digest.hexdigest()[:32]


class Request(NamedTuple):
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
        if self.kind == "year-plan":
            return f"ke-hoach-nam-{self.year}"
        return f"{KINDS[self.kind].template.removesuffix('.docx')}-{self.year}"


def context(ward: Ward, req: Request) -> dict[str, Any]:

    as_of = req.as_of
    assert as_of is not None, "the command passes the day the document is dated by"
    if req.kind == "plan":
        return with_appendix_heading(plan_context(ward))
    if req.kind == "review":
        assert req.first is not None and req.last is not None, "a review request names its years"
        return with_appendix_heading(review.review_context(ward, req.first, req.last, as_of))
    build = {
        "report": reports.report_context,
        "assessment": assessment.assessment_context,
        "registration": reports.registration_context,
        "year-plan": year_plan.year_plan_context,
    }[req.kind]
    assert req.year is not None, f"a {req.kind} request names its year"
    return with_appendix_heading(build(ward, req.year, as_of))


def default_output(ward: Ward, req: Request) -> Path:
    ident = ward.plan.id if ward.plan else ward.root.name
    return Path("build") / ident / f"{req.label()}.docx"


def render(ward: Ward, req: Request, template: Path | None = None) -> bytes:
    return render_document(ward, req, template)[0]


def unfinished(ctx: dict[str, Any]) -> list[str]:
    """What still keeps a rendered document from being sent, as Vietnamese sentences: the
    placeholders it holds ('[Cần bổ sung: …]') and illustrative data."""
    out = []
    held = [p["text"] for p in ctx.get("body", []) if p.get("kind") == "placeholder"]
    if held:
        out.append(f"văn bản còn {len(held)} chỗ cần bổ sung, ví dụ: {held[0]}")
    if ctx.get("meta", {}).get("status") == "MINH HỌA" or any(p.get("kind") == "notice" for p in ctx.get("body", [])):
        out.append("văn bản có số liệu MINH HỌA, không gửi đi khi chưa thay bằng số liệu thật")
    return out


def render_document(ward: Ward, req: Request, template: Path | None = None) -> tuple[bytes, list[str]]:
    """The document's bytes and what still keeps it from being sent (see `unfinished`)."""
    path = template or templates_dir() / KINDS[req.kind].template
    if not path.is_file():
        raise engine.RenderError(f"không tìm thấy mẫu {path}")
    why = pointless(ward, req) if req.kind in ("registration", "year-plan") else None
    if why:
        raise engine.RenderError(why)
    ctx = context(ward, req)
    return engine.render(path, ctx, ctx["meta"]), unfinished(ctx)


def due_documents(ward: Ward, year: int) -> list[Request]:
    """Every document for a year: the plan, and each document a task due that year produces,
    except those whose date has no meaning that year (see `pointless`)."""

    requests = [Request("plan")]
    occurrences = schedule.task_occurrences(ward.plan, ward.tasks, year)
    kinds = {k for t in ward.tasks if occurrences.get(t.id) for k in t.produces}
    if "registration" in kinds:  # task 3: the year's plan and the level registration
        requests.append(Request("year-plan", year=year))
    for kind in ("registration", "assessment", "report"):
        if kind in kinds:
            requests.append(Request(kind, year=year))
    if "review" in kinds:
        requests.append(Request("review", first=ward.plan.period.start, last=year))
    return [r for r in requests if pointless(ward, r) is None]


def left_out(ward: Ward, year: int) -> list[str]:
    """The documents of a year that `due_documents` leaves out, each with why (Vietnamese)."""
    occurrences = schedule.task_occurrences(ward.plan, ward.tasks, year)
    kinds: set[str] = {k for t in ward.tasks if occurrences.get(t.id) for k in t.produces}
    if "registration" in kinds:
        kinds.add("year-plan")
    out = []
    for kind in ("year-plan", "registration", "assessment"):
        why = pointless(ward, Request(kind, year=year)) if kind in kinds else None
        if why:
            out.append(f"{KINDS[kind].label}: {why}")
    return out


def pointless(ward: Ward, req: Request) -> str | None:
    """Why a document has no meaning (a Vietnamese sentence), or None when it has one.

    A registration due before the plan was issued (the 2026 one, due 15/02/2026, for a plan that
    cites a document of 09/04/2026) would cite a plan that did not exist yet; a review of a single
    year is the year's report; a self-assessment needs the year's scores."""
    if req.kind in ("registration", "year-plan") and req.year is not None:
        issued, estimated = issued_on(ward)
        task = producing_task(ward, "registration")
        occ = schedule.task_occurrences(ward.plan, [task], req.year).get(task.id) if task else None
        due = next((o.due for o in occ or [] if o.due), None)
        if issued and due and due < issued:
            when = f"sau ngày {vn_date(issued)}" if estimated else f"ngày {vn_date(issued)}"
            what = "kế hoạch năm" if req.kind == "year-plan" else "văn bản đăng ký năm"
            return (
                f"{what} {req.year} hạn {vn_date(due)}, trước khi kế hoạch giai đoạn được ban hành ({when}): "
                f"văn bản này không có cho năm {req.year}"
            )
    if req.kind == "review" and req.first is not None and req.first == req.last:
        return f"sơ kết cần ít nhất hai năm (--from {req.first} --to {req.last}); kết quả một năm là báo cáo năm"
    if req.kind == "assessment" and req.year is not None and year_scores(ward, req.year) is None:
        return f"chưa có kết quả tự chấm điểm năm {req.year} (scores/{req.year}.yaml)"
    return None


def check_template(path: Path, ward: Ward, req: Request) -> list[str]:
    """Problems of one template against the data it will receive (empty when it is fine)."""

    try:
        unknown = sorted(engine.undeclared(path) - TOP_LEVEL)
    except engine.RenderError as exc:
        return [str(exc)]
    problems = [f"mẫu {path.name}: biến '{{{{ {name} }}}}' không có trong dữ liệu" for name in unknown]
    if not problems and pointless(ward, req) is None:  # a document with no meaning that year is not rendered
        try:
            ctx = context(ward, req)
            engine.render(path, ctx, ctx["meta"])
        except engine.RenderError as exc:
            problems.append(str(exc))
    return problems
