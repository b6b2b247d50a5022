"""Contexts of the yearly documents: results report, self-assessment, registration, review."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ctt_cli.explain.evidence import evidence_texts
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render import addressing
from ctt_cli.render.appendix import lead_cell, task_cells
from ctt_cli.render.context import frame, official_place, recipient_lines
from ctt_cli.scoring import ScoreView, compute_score
from ctt_cli.status import State, StatusRow, compute_status
from ctt_cli.vn import nd30
from ctt_cli.vn.words import lower_first, vn_date
from ctt_cli.vn.words import vn_number as num
from ctt_cli.workspace.load import models

if TYPE_CHECKING:  # the pydantic class, for the type (loaded files are light: model/compiled.py)
    from ctt_cli.model.report import ReportFile

ILLUSTRATIVE = (
    "LƯU Ý: số liệu chấm điểm trong văn bản này là DỮ LIỆU MINH HỌA, không phải bộ tiêu chí "
    "chính thức của Quyết định số 5049/QĐ-UBND và không phải kết quả tự chấm của phường. "
    "Không gửi văn bản này đi khi chưa thay bằng số liệu thật."
)


class Body:
    """Paragraphs of a generated document, numbered per NĐ 30 (I., 1.) as they are added.
    ``source`` names the file the office writes the narrative in ('reports/2026.yaml')."""

    def __init__(self, source: str = "reports/NĂM.yaml") -> None:
        self.items: list[dict[str, str]] = []
        self._h1 = self._h2 = 0
        self.source = source

    def h1(self, title: str) -> None:
        self.items.append({"kind": "h1", "text": f"{nd30.section_label(1, self._h1)} {title.upper()}"})
        self._h1, self._h2 = self._h1 + 1, 0

    def h2(self, title: str) -> None:
        self.items.append({"kind": "h2", "text": f"{nd30.section_label(2, self._h2)} {title}"})
        self._h2 += 1

    def p(self, text: str, kind: str = "p") -> None:
        self.items.append({"kind": kind, "text": text})

    def paras(self, texts: list[str], what: str) -> None:
        """The office's paragraphs, or a visible placeholder asking for them."""
        for text in texts:
            self.p(text)
        if not texts:
            self.p(f"[Cần bổ sung: {what} ({self.source})]", "placeholder")


def plan_citation(ward: Ward) -> str:
    doc = ward.plan.document
    if doc.number and doc.date:
        return f"{doc.type} số {doc.number:02d}/{doc.symbol} ngày {doc.date:%d/%m/%Y}"
    return f"{doc.type} số …/{doc.symbol} ngày …/…/{doc.year}"


def issuer_name(ward: Ward) -> str:
    unit = ward.unit(ward.plan.issuer.unit)
    return unit.name if unit else ward.plan.ward


def attached(ward: Ward, ctx: dict[str, Any], type_name: str, kind: str, year: int) -> str:
    number, date = _issued(ward, year, kind)
    symbol = ctx["doc"]["symbol"]
    appendix = ward.tasks_file.all_appendices() if ward.tasks_file else []
    by = appendix[0].issuer_text if appendix else issuer_name(ward)
    return nd30.attached_line(type_name, number, symbol, date, year, by)


def _subject_tail(ward: Ward) -> str:
    return lower_first(ward.plan.document.subject)


def _issued(ward: Ward, year: int, kind: str):
    report = ward.report(year)
    issued = getattr(report, kind) if report else None
    return (issued.number, issued.date) if issued else (None, None)


def report_file(ward: Ward, year: int) -> ReportFile:
    """The year's report file, or an empty one (the compiled model: no pydantic class on the path)."""
    return ward.report(year) or models().validate("reports", {"year": year})


def _lead_of(ward: Ward, kind: str) -> str:
    task = next((t for t in ward.tasks if kind in t.produces), None)
    return lead_cell(ward, task) if task else ""


def _symbol(ward: Ward, code: str, kind: str) -> str:
    if "/" in ward.plan.document.symbol:  # the Party's form: BC/ĐU, and CV/ĐU for a công văn
        return f"{code or 'CV'}/{ward.plan.document.symbol.split('/', 1)[1]}"
    issuer = ward.plan.document.symbol.split("-", 1)[-1]
    task = next((t for t in ward.tasks if kind in t.produces), None)
    unit = ward.unit(task.leads[0]) if task and task.leads else None
    if code:
        return f"{code}-{issuer}"
    return f"{issuer}-{unit.code}" if unit and unit.code else issuer


def document_frame(
    ward: Ward, kind: str, year: int, *, type_name: str, code: str, subject: str, summary: str = ""
) -> dict[str, Any]:
    number, date = _issued(ward, year, kind)
    ctx = frame(
        ward,
        type_name=type_name,
        code=code,
        symbol=_symbol(ward, code, kind),
        subject=subject,
        year=year,
        number=number,
        date=date,
        summary=summary,
        place=official_place(ward),
    )
    report = report_file(ward, year)
    ctx["kinh_gui"] = addressing.kinh_gui_lines(ward, kind, report.kinh_gui)
    ctx["recipients"] = recipient_lines(addressing.recipients(ward, kind, report.recipients, ctx["kinh_gui"]))
    return ctx


def result_text(row: StatusRow, year_end: bool = False) -> str:
    """A task's result as the report writes it. ``year_end``: the report closes the year (dated
    in December or later), so a task of the year is never 'not yet due' in it."""
    completed = row.record.completed if row.record else None
    if row.state == State.DONE:
        return f"Hoàn thành ngày {vn_date(completed)}" if completed else "Hoàn thành"
    if row.state == State.DONE_LATE:
        return f"Hoàn thành ngày {vn_date(completed)}, muộn {row.days} ngày"
    if row.state == State.OVERDUE:
        return f"Chưa hoàn thành, quá hạn {row.days} ngày"
    if row.state in (State.DUE_SOON, State.UPCOMING):
        if year_end or (row.record and row.record.state == "đang thực hiện"):
            return "Đang thực hiện"
        return "Chưa đến hạn"
    if row.state == State.CONTINUOUS:
        return "Thực hiện thường xuyên"
    if row.state == State.UNDATED:
        return "Thực hiện theo sự kiện, chưa xác định hạn"
    if row.state == State.SKIPPED:
        return f"Không thực hiện: {row.record.reason if row.record else ''}"
    return "Không đến kỳ thực hiện trong năm"


def deadline_text(row: StatusRow) -> str:
    """The deadline the plan wrote; ctt's due date beside it only where the plan's words do not
    already say that day ('Trước ngày 15/11 hằng năm (hạn tính: 13/11/2026)')."""
    written = row.task.deadline
    occ = row.occurrence
    if occ is None or occ.due is None:
        return written
    due = occ.due
    said = {f"{due.day}/{due.month}", f"{due.day:02d}/{due.month:02d}", f"{due.day}/{due.month:02d}"}
    said |= {f"{due.day:02d}/{due.month}"}
    if any(re.search(rf"(?<!\d){re.escape(d)}(?!\d)", written) for d in said):
        return written
    return f"{written} (hạn tính: {vn_date(due)})"


def year_scores(ward: Ward, year: int) -> ScoreView | None:
    scores, criteria = ward.scores(year), ward.criteria
    if not (scores and criteria and scores.criteria_set == criteria.id):
        return None
    target = ward.plan.target(year)
    return compute_score(criteria, scores, target.level if target else None)


def score_sentence(view: ScoreView) -> str:
    level = f"Mức độ {view.level_reached}" if view.level_reached else "chưa đạt mức độ nào"
    registered = f"Mức độ {view.registered}" if view.registered else "chưa ghi"
    return (
        f"Tổng điểm tự chấm {num(view.total)}/{num(view.criteria.max_total)} điểm; "
        f"mức độ đạt được: {level}; mức độ đã đăng ký: {registered}."
    )


def report_context(ward: Ward, year: int, as_of: dt.date) -> dict[str, Any]:
    report = report_file(ward, year)
    ctx = document_frame(
        ward,
        "report",
        year,
        type_name="Báo cáo",
        code="BC",
        subject=f"Kết quả thực hiện mô hình “Chính quyền thân thiện” năm {year}",
    )
    view = compute_status(ward, year, as_of)
    scores = year_scores(ward, year)
    body = Body(f"reports/{year}.yaml")
    if scores and scores.illustrative:
        body.p(ILLUSTRATIVE, "notice")
    body.p(
        f"Thực hiện {plan_citation(ward)} của {issuer_name(ward)} về {_subject_tail(ward)}, "
        f"Ủy ban nhân dân phường báo cáo kết quả thực hiện năm {year} như sau:"
    )
    body.h1("Công tác lãnh đạo, chỉ đạo, triển khai")
    body.paras(report.direction, "công tác lãnh đạo, chỉ đạo, triển khai")
    body.h1(f"Kết quả thực hiện các nhiệm vụ năm {year}")
    rows = sorted((r for r in view.rows if r.state != State.NOT_APPLICABLE), key=lambda r: r.task.id)
    year_end = as_of >= dt.date(year, 12, 1)
    results = {r.task.id: _own_result(r, year_end) for r in rows}
    for row in rows:
        evidence = "; ".join(evidence_texts(ward, row.record))
        text = row.task.text.rstrip(" .;:,…")
        body.p(f"- {text}: {results[row.task.id]}" + (f"; căn cứ: {evidence}" if evidence else "") + ".")
    body.p(f"(Chi tiết tại Phụ lục kèm theo; số liệu tính đến ngày {vn_date(as_of)}.)")
    body.h1("Kết quả tự đánh giá, chấm điểm")
    if scores:
        body.p(score_sentence(scores))
    else:
        body.p(f"[Chưa có kết quả tự chấm điểm năm {year} (scores/{year}.yaml)]", "placeholder")
    body.h1("Đánh giá chung")
    body.h2("Ưu điểm")
    body.paras(report.achievements, "ưu điểm")
    body.h2("Tồn tại, hạn chế và nguyên nhân")
    body.paras(report.shortcomings, "tồn tại, hạn chế")
    body.paras(report.causes, "nguyên nhân")
    body.h1(f"Phương hướng, nhiệm vụ năm {year + 1}")
    body.paras(report.next_year, "phương hướng, nhiệm vụ năm tới")
    body.h1("Đề xuất, kiến nghị")
    body.paras(report.proposals, "đề xuất, kiến nghị")
    ctx["body"] = body.items
    table = []
    for i, row in enumerate(rows, 1):
        text, _, lead, partners = task_cells(ward, row.task)
        deadline = deadline_text(row)
        record = row.record
        shown = record.note if record and record.note and record.note_in_report else ""  # working notes stay out
        note = "; ".join(filter(None, ["; ".join(evidence_texts(ward, record)), shown]))
        table.append(
            {
                "stt": str(i),
                "text": text,
                "deadline": deadline,
                "lead": lead,
                "partners": partners,
                "result": results[row.task.id],
                "note": note,
            }
        )
    ctx["appendix"].update(
        {
            "title": f"PHỤ LỤC KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {year}",
            "attached": attached(ward, ctx, "Báo cáo", "report", year),
            "rows": table,
        }
    )
    if scores and scores.illustrative:
        ctx["meta"]["status"] = "MINH HỌA"
    return ctx


def _own_result(row: StatusRow, year_end: bool) -> str:
    """The report's own task is not 'unfinished': the report is its result."""
    if "report" in row.task.produces and row.state not in (State.DONE, State.DONE_LATE, State.SKIPPED):
        return "Thực hiện tại Báo cáo này"
    return result_text(row, year_end)


def registration_context(ward: Ward, year: int, as_of: dt.date) -> dict[str, Any]:
    ctx = document_frame(
        ward,
        "registration",
        year,
        type_name="",
        code="",
        subject="",
        summary=f"V/v đăng ký mức đạt chuẩn “Chính quyền thân thiện” năm {year}",
    )
    ctx["meta"]["title"] = ctx["doc"]["summary"]
    target = ward.plan.target(year)
    body = Body(f"reports/{year}.yaml")
    body.p(
        f"Thực hiện {plan_citation(ward)} của {issuer_name(ward)} về {_subject_tail(ward)}, "
        f"{issuer_name(ward)} đăng ký mức đạt chuẩn “Chính quyền thân thiện” năm {year} như sau:"
    )
    if target:
        how = "duy trì đạt chuẩn" if target.kind == "maintain" else "phấn đấu đạt chuẩn"
        body.p(f"- Mức độ đăng ký: Mức độ {target.level} ({how}).")
    else:
        body.p(f"[Kế hoạch không có mục tiêu cho năm {year} (plan.yaml: objectives)]", "placeholder")
    lead = _lead_of(ward, "registration")
    if lead:
        body.p(f"- Đơn vị đầu mối tham mưu thực hiện: {lead}.")
    body.p(f"{issuer_name(ward)} kính gửi {addressing.addressee(ctx['kinh_gui'])} tổng hợp, theo dõi./.")
    ctx["body"] = body.items
    return ctx
