"""ctt score: a year's self-assessment against the criteria set, and the level it reaches."""

from __future__ import annotations

from typing import Annotated

import typer

from ctt_cli.commands.common import usable_wards
from ctt_cli.commands.options import YEAR_MAX, YEAR_MIN, PathsArg, TableFormatOpt, Year
from ctt_cli.model.layout import Needs
from ctt_cli.views.formats import TableFormat


def score(
    paths: PathsArg = None,
    year: Year = ...,
    compare: Annotated[int | None, typer.Option("--compare", min=YEAR_MIN, max=YEAR_MAX, metavar="NĂM",
                                                help="So sánh từng nhóm tiêu chí với năm này.")] = None,
    fmt: TableFormatOpt = TableFormat.table,
    top: Annotated[int, typer.Option("--top", min=0, help="Số tiêu chí bị trừ điểm nhiều nhất cần liệt kê.")] = 5,
    fail_below_target: Annotated[bool, typer.Option("--fail-below-target", help=(
        "Mã thoát 1 khi mức độ đạt được thấp hơn mục tiêu của kế hoạch năm đó (dùng trong CI)."))] = False,
) -> None:
    """Chấm điểm một năm theo bộ tiêu chí: tổng điểm, điểm từng nhóm, mức độ đạt được.

    So với mức đã đăng ký và mục tiêu của kế hoạch; nếu chưa đạt mục tiêu, nêu rõ vì sao
    (thiếu bao nhiêu điểm, nhóm nào dưới tỷ lệ tối thiểu, tiêu chí bắt buộc nào chưa đạt),
    rồi liệt kê các tiêu chí bị trừ điểm nhiều nhất. Dữ liệu minh họa luôn được ghi rõ.

    Ví dụ: ctt score --year 2026 --compare 2025
    """
    from ctt_cli.scoring import apply_quotas, compute_score
    from ctt_cli.views.console import error
    from ctt_cli.views.score_table import print_scores

    views = []
    wards = usable_wards(paths, needs=Needs("plan", "criteria", "scores", year=year)
                         if compare is None else Needs("plan", "criteria", "scores"))
    for ward in wards:
        criteria, scores = ward.criteria, ward.scores(year)
        if criteria is None or scores is None:
            what = "bộ tiêu chí (plan.yaml: criteria_set)" if criteria is None else f"tệp scores/{year}.yaml"
            error(f"{ward.name}: chưa có {what}")
            raise typer.Exit(1)
        target = ward.plan.target(year)
        view = compute_score(criteria, scores, target.level if target else None)
        before = None
        if compare is not None:
            old = ward.scores(compare)
            if old is None:
                error(f"{ward.name}: không có tệp scores/{compare}.yaml để so sánh")
                raise typer.Exit(1)
            before = compute_score(criteria, old)
        views.append((ward, view, before))
    apply_quotas([view for _, view, _ in views])  # caps on how many units may reach a level
    print_scores(views, fmt.value, top)
    if fail_below_target and any(v.target and (v.level_reached or 0) < v.target for _, v, _ in views):
        raise typer.Exit(1)
    wards.finish()
