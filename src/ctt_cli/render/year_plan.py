"""Context of the yearly implementation plan and level registration (task 3: "Xây dựng Kế hoạch
triển khai thực hiện … và đăng ký mức đạt chuẩn … hằng năm"): the plan's tasks that have a
period in the year, with the deadline the plan wrote, the due dates ctt computes and the units."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ctt_cli import schedule
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render import addressing
from ctt_cli.render.appendix import task_cells
from ctt_cli.render.context import recipient_lines
from ctt_cli.render.reports import Body, _subject_tail, attached, document_frame, issuer_name, plan_citation
from ctt_cli.vn.words import vn_date

SUBJECT = "Triển khai thực hiện mô hình “Chính quyền thân thiện” và đăng ký mức đạt chuẩn năm {year}"


def due_cell(occurrences: list[schedule.Occurrence]) -> str:
    """The due dates of a task's periods in the year: '13/11/2026'; several: '12 kỳ, từ 30/01 đến 31/12'."""
    dues = [o.due for o in occurrences if o.due]
    if not dues:
        return "Thường xuyên" if occurrences else ""
    if len(dues) <= 3:
        return "; ".join(vn_date(d) for d in dues)
    return f"{len(dues)} kỳ, từ {dues[0]:%d/%m} đến {dues[-1]:%d/%m/%Y}"


def year_plan_context(ward: Ward, year: int, as_of: dt.date) -> dict[str, Any]:
    plan = ward.plan
    ctx = document_frame(
        ward,
        "registration",
        year,
        type_name=plan.document.type,
        code=plan.document.code,
        subject=SUBJECT.format(year=year),
    )
    occurrences = schedule.task_occurrences(plan, ward.tasks, year)
    tasks = [t for t in ward.tasks if occurrences.get(t.id)]
    target = plan.target(year)
    body = Body(f"reports/{year}.yaml")
    body.p(
        f"Thực hiện {plan_citation(ward)} của {issuer_name(ward)} về {_subject_tail(ward)}, "
        f"{issuer_name(ward)} ban hành Kế hoạch triển khai thực hiện mô hình “Chính quyền thân thiện” "
        f"và đăng ký mức đạt chuẩn năm {year}, cụ thể như sau:"
    )
    body.h1("Mục tiêu, mức đạt chuẩn đăng ký")
    if target:
        how = "duy trì đạt chuẩn" if target.kind == "maintain" else "phấn đấu đạt chuẩn"
        body.p(f"- Năm {year}, {how} “Chính quyền thân thiện” Mức độ {target.level}.")
        body.p(f"- Đăng ký mức đạt chuẩn “Chính quyền thân thiện” năm {year}: Mức độ {target.level}.")
    else:
        body.p(f"[Kế hoạch không có mục tiêu cho năm {year} (plan.yaml: objectives)]", "placeholder")
    body.h1(f"Nhiệm vụ năm {year}")
    body.p(
        f"Thực hiện {len(tasks)} nhiệm vụ của Kế hoạch giai đoạn có kỳ thực hiện trong năm {year} "
        f"(danh mục nhiệm vụ kèm theo)."
    )
    body.h1("Tổ chức thực hiện")
    by_lead: dict[str, list[str]] = {}
    for i, task in enumerate(tasks, 1):
        lead = task_cells(ward, task)[2]
        if lead:
            by_lead.setdefault(lead, []).append(str(i))
    if by_lead:
        body.p("Các cơ quan, đơn vị chủ trì thực hiện các nhiệm vụ trong danh mục kèm theo:")
    for lead, numbers in by_lead.items():
        body.p(f"- {lead}: nhiệm vụ số {', '.join(numbers)}.")
    drafting = addressing.drafting_unit(ward, "registration")
    task = addressing.producing_task(ward, "registration")
    unit = ward.unit(task.leads[0]) if task and task.leads else None
    if unit:
        body.p(
            f"- {unit.name}: theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch, "
            f"báo cáo {issuer_name(ward)} theo quy định."
        )
    ctx["body"] = body.items
    ctx["kinh_gui"] = []  # a plan is issued, not addressed
    report = ward.report(year)
    written = list(report.recipients) if report and report.recipients else []
    sent = [r.text for r in plan.recipients if not r.archive]
    ctx["recipients"] = recipient_lines(written or [*sent, f"Lưu: VT, {drafting}" if drafting else "Lưu: VT"])
    rows = []
    for i, task in enumerate(tasks, 1):
        text, deadline, lead, partners = task_cells(ward, task)
        rows.append(
            {
                "stt": str(i),
                "text": text,
                "deadline": deadline,
                "due": due_cell(occurrences[task.id]),
                "lead": lead,
                "partners": partners,
            }
        )
    ctx["appendix"].update(
        {
            "title": f"NHIỆM VỤ THỰC HIỆN MÔ HÌNH “CHÍNH QUYỀN THÂN THIỆN” NĂM {year}",
            "attached": attached(ward, ctx, plan.document.type, "registration", year),
            "rows": rows,
        }
    )
    ctx["meta"]["title"] = SUBJECT.format(year=year)
    return ctx
