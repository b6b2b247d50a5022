"""Context of the sơ kết / tổng kết report (task 9): per year, the tasks done on time, late or
not done, the score and level against the plan's target, a table per year, and the office's
narrative from reports/YEAR.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render.appendix import lead_cell
from ctt_cli.render.reports import (
    ILLUSTRATIVE,
    Body,
    _subject_tail,
    attached,
    deadline_text,
    document_frame,
    issuer_name,
    plan_citation,
    report_file,
    result_text,
    year_scores,
)
from ctt_cli.scoring import ScoreView
from ctt_cli.status import State, StatusRow, compute_status
from ctt_cli.vn.words import vn_number as num

DONE = (State.DONE, State.DONE_LATE)
ONGOING = (State.CONTINUOUS, State.UNDATED)


def _year_rows(ward: Ward, year: int, as_of: dt.date) -> tuple[list[StatusRow], bool]:
    """The year's tasks (those with a period in it) as of the review's day, or the year's end
    for a year already over; and whether the year is over."""
    closed = as_of >= dt.date(year, 12, 31)
    view = compute_status(ward, year, dt.date(year, 12, 31) if closed else as_of)
    return sorted((r for r in view.rows if r.state != State.NOT_APPLICABLE), key=lambda r: r.task.id), closed


def _result(row: StatusRow, closed: bool, last: bool) -> str:
    if last and "review" in row.task.produces and row.state not in DONE:
        return "Thực hiện tại Báo cáo này"
    if closed and row.state in (State.DUE_SOON, State.UPCOMING):
        return "Chưa hoàn thành"
    return result_text(row, year_end=closed)


def _level_words(view: ScoreView | None, target: int | None) -> str:
    goal = f"mục tiêu Mức độ {target}" if target else "kế hoạch không đặt mục tiêu"
    if view is None:
        return f"chưa có kết quả tự chấm điểm ({goal})"
    reached = f"Mức độ {view.level_reached}" if view.level_reached else "chưa đạt mức độ nào"
    verdict = ""
    if target:
        verdict = "; đạt mục tiêu" if view.level_reached and view.level_reached >= target else "; chưa đạt mục tiêu"
    return f"tổng điểm tự chấm {num(view.total)}/{num(view.criteria.max_total)} điểm, {reached} ({goal}{verdict})"


def review_context(ward: Ward, first: int, last: int, as_of: dt.date) -> dict[str, Any]:
    final = ward.plan.period.end is not None and last >= ward.plan.period.end
    name = "Tổng kết" if final else f"Sơ kết {last - first + 1} năm"
    ctx = document_frame(
        ward,
        "review",
        last,
        type_name="Báo cáo",
        code="BC",
        subject=f"{name} thực hiện mô hình “Chính quyền thân thiện” giai đoạn {first}-{last}",
    )
    body = Body(f"reports/{last}.yaml")
    years = list(range(first, last + 1))
    views = {y: year_scores(ward, y) for y in years}
    if any(v and v.illustrative for v in views.values()):
        body.p(ILLUSTRATIVE, "notice")
    body.p(
        f"Thực hiện {plan_citation(ward)} của {issuer_name(ward)} về {_subject_tail(ward)}, Ủy ban nhân dân "
        f"phường báo cáo {name.lower()} giai đoạn {first}-{last} như sau:"
    )
    body.h1(f"Kết quả thực hiện giai đoạn {first}-{last}")
    summary, tables = [], []
    for y in years:
        rows, closed = _year_rows(ward, y, as_of)
        results = [_result(r, closed, y == last) for r in rows]
        on_time = sum(r.state == State.DONE for r in rows)
        late = sum(r.state == State.DONE_LATE for r in rows)
        ongoing = sum(r.state in ONGOING for r in rows) + sum(x == "Thực hiện tại Báo cáo này" for x in results)
        current = sum(x in ("Đang thực hiện", "Chưa đến hạn") for x in results)
        not_done = len(rows) - on_time - late - ongoing - current
        target = ward.plan.target(y)
        level = target.level if target else None
        view = views[y]
        body.h2(f"Năm {y}")
        counts = f"{len(rows)} nhiệm vụ trong năm: {on_time} hoàn thành đúng hạn, {late} hoàn thành muộn, {not_done} chưa hoàn thành"
        counts += f", {ongoing} thực hiện thường xuyên" if ongoing else ""
        counts += f", {current} đang thực hiện" if current else ""
        body.p(f"- {counts}.")
        body.p(f"- Kết quả tự đánh giá: {_level_words(view, level)}.")
        year_report = ward.report(y)
        if year_report:
            for text in year_report.direction + year_report.achievements:
                body.p(text)
        summary.append(
            {
                "year": str(y),
                "on_time": str(on_time),
                "late": str(late),
                "not_done": str(not_done),
                "total": num(view.total) if view else "",
                "level": " ".join(
                    filter(
                        None,
                        [
                            (f"Mức độ {view.level_reached}" if view.level_reached else "Chưa đạt") if view else "",
                            f"(mục tiêu: {level})" if level else "",
                        ],
                    )
                ),
                "note": "minh họa" if view and view.illustrative else ("" if view else "chưa có điểm"),
            }
        )
        tables.append(
            {
                "title": f"Năm {y}",
                "rows": [
                    {
                        "stt": str(i),
                        "text": r.task.text,
                        "deadline": deadline_text(r),
                        "lead": lead_cell(ward, r.task),
                        "result": result,
                    }
                    for i, (r, result) in enumerate(zip(rows, results), 1)
                ],
            }
        )
    report = report_file(ward, last)
    body.h1("Đánh giá chung")
    body.h2("Ưu điểm")
    body.paras(report.achievements, "ưu điểm")
    body.h2("Tồn tại, hạn chế và nguyên nhân")
    body.paras(report.shortcomings + report.causes, "tồn tại, hạn chế, nguyên nhân")
    body.h1("Phương hướng, nhiệm vụ thời gian tới")
    body.paras(report.next_year, "phương hướng, nhiệm vụ")
    body.h1("Đề xuất, kiến nghị")
    body.paras(report.proposals, "đề xuất, kiến nghị")
    ctx["body"] = body.items
    ctx["appendix"].update(
        {
            "title": f"KẾT QUẢ QUA CÁC NĂM {first}-{last}",
            "attached": attached(ward, ctx, "Báo cáo", "review", last),
            "rows": summary,
            "years": tables,
        }
    )
    return ctx
