"""Context of the self-assessment report (task 5) with its Biểu chấm điểm."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ctt_cli.explain.evidence import evidence_text
from ctt_cli.explain.reasons import level_reasons
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render.addressing import addressee
from ctt_cli.render.engine import RenderError
from ctt_cli.render.reports import (
    ILLUSTRATIVE,
    Body,
    attached,
    document_frame,
    issuer_name,
    plan_citation,
    report_file,
    score_sentence,
    year_scores,
)
from ctt_cli.vn import nd30
from ctt_cli.vn.words import lower_first
from ctt_cli.vn.words import vn_number as num


def assessment_context(ward: Ward, year: int, as_of: dt.date) -> dict[str, Any]:
    ctx = document_frame(
        ward,
        "assessment",
        year,
        type_name="Báo cáo",
        code="BC",
        subject=f"Tự đánh giá, chấm điểm kết quả thực hiện các tiêu chí mô hình “Chính quyền thân thiện” năm {year}",
    )
    view = year_scores(ward, year)
    body = Body(f"reports/{year}.yaml")
    if view is None:
        raise RenderError(
            f"chưa có kết quả tự chấm điểm năm {year} (scores/{year}.yaml, theo bộ tiêu chí của kế hoạch): "
            "không xuất báo cáo tự đánh giá, chấm điểm rỗng; chấm điểm trước (ctt score set) rồi xuất lại"
        )
    cs = view.criteria
    if view.illustrative:
        body.p(ILLUSTRATIVE, "notice")
    source = cs.source
    when = f" ngày {source.date:%d/%m/%Y}" if source.date else ""
    body.p(
        f"Căn cứ Quyết định số {source.number}{when} của {source.issuer or 'cơ quan có thẩm quyền'} "
        f"ban hành {lower_first(source.title)}; thực hiện {plan_citation(ward)} của "
        f"{issuer_name(ward)}, Ủy ban nhân dân phường tự đánh giá, chấm điểm kết quả thực hiện năm {year} "
        f"như sau:"
    )
    body.h1("Kết quả tự chấm điểm")
    body.p(score_sentence(view))
    for g in view.groups:
        body.p(f"- {g.group.title}: {num(g.points)}/{num(g.max)} điểm.")
    target = view.check_for(view.target)
    if target and not target.ok:
        body.p(
            f"Chưa đạt Mức độ {view.target} theo mục tiêu của Kế hoạch vì: "
            + "; ".join(level_reasons(target, view))
            + "."
        )
    body.h1("Giải trình các tiêu chí bị trừ điểm")
    lost = [r for r in view.results if r.points is not None and r.deduction > 0]
    for r in lost:
        head = f"- Tiêu chí {r.criterion.id} (trừ {num(r.deduction)} điểm): "
        if r.score and r.score.explanation:
            body.p(head + r.score.explanation)
        else:
            body.p(head + f"[Cần bổ sung giải trình (scores/{year}.yaml)]", "placeholder")
    if not lost:
        body.p("Không có tiêu chí nào bị trừ điểm.")
    unscored = [r.criterion.id for r in view.results if r.points is None and not (r.score and r.score.not_applicable)]
    if unscored:
        body.p(f"[Chưa chấm các tiêu chí: {', '.join(unscored)} (scores/{year}.yaml)]", "placeholder")
    report = report_file(ward, year)
    body.h1("Khó khăn, vướng mắc và đề xuất")
    body.paras(report.shortcomings + report.proposals, "khó khăn, vướng mắc, đề xuất")
    to = addressee(ctx["kinh_gui"])
    if view.level_reached:
        asked = f"Mức độ {view.level_reached}"
        if view.registered and view.registered != view.level_reached:
            asked += f" (mức độ đã đăng ký: Mức độ {view.registered})"
        body.p(
            f"Ủy ban nhân dân phường kính đề nghị {to} thẩm định, xem xét công nhận phường đạt chuẩn "
            f"“Chính quyền thân thiện” {asked} năm {year}./."
        )
    else:
        body.p(
            f"Theo kết quả tự chấm điểm, phường chưa đạt mức độ nào của “Chính quyền thân thiện” năm {year}; "
            f"Ủy ban nhân dân phường kính báo cáo {to} xem xét, chỉ đạo./."
        )
    ctx["body"] = body.items
    rows = []
    for depth, c in _tree(cs.groups):
        result = next((r for r in view.results if r.criterion.id == c.id), None)
        if depth == 0:
            g = next(g for g in view.groups if g.group.id == c.id)
            rows.append(
                {
                    "kind": "group",
                    "stt": nd30.roman(int(c.id)) if c.id.isdigit() else c.id,
                    "title": c.title,
                    "max": num(c.max),
                    "self": num(g.points),
                    "evidence": "",
                    "explanation": "",
                }
            )
        elif result is None:
            rows.append(
                {
                    "kind": "item",
                    "stt": c.id,
                    "title": c.title,
                    "max": num(c.max),
                    "self": "",
                    "evidence": "",
                    "explanation": "",
                }
            )
        else:
            evidence = evidence_text(ward, result.score.evidence) if result.score else ""
            self_score = (
                ("Đạt" if result.score and result.score.passed else "Không đạt")
                if c.scoring.kind == "pass_fail" and result.points is not None
                else num(result.points)
            )
            rows.append(
                {
                    "kind": "item",
                    "stt": c.id,
                    "title": c.title,
                    "max": num(c.max),
                    "self": self_score
                    if result.points is not None
                    else "không áp dụng"
                    if result.score and result.score.not_applicable
                    else "chưa chấm",
                    "evidence": evidence,
                    "explanation": result.score.explanation if result.score and result.score.explanation else "",
                }
            )
    ctx["appendix"].update(
        {
            "title": f"BIỂU CHẤM ĐIỂM TIÊU CHÍ “CHÍNH QUYỀN THÂN THIỆN” NĂM {year}",
            "subtitle": ("(SỐ LIỆU MINH HỌA)" if view.illustrative else ""),
            "attached": attached(ward, ctx, "Báo cáo", "assessment", year),
            "rows": rows,
            "total_max": num(cs.max_total),
            "total_self": num(view.total),
            "note": ILLUSTRATIVE if view.illustrative else "",
        }
    )
    if view.illustrative:
        ctx["meta"]["status"] = "MINH HỌA"
    return ctx


def _tree(items, depth: int = 0):
    for c in items:
        yield depth, c
        yield from _tree(c.children, depth + 1)
