"""ctt score: a year's self-assessment against the criteria set, and the level it reaches."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ctt_cli.commands.common import usable_wards
from ctt_cli.commands.options import YEAR_MAX, YEAR_MIN, PathsArg, Year
from ctt_cli.commands.output import CsvSepOpt, OutFormatOpt, OutputOpt
from ctt_cli.model.layout import Needs


def score(
    year: Year,
    paths: PathsArg = None,
    compare: Annotated[
        int | None,
        typer.Option(
            "--compare", min=YEAR_MIN, max=YEAR_MAX, metavar="NĂM", help="So sánh từng nhóm tiêu chí với năm này."
        ),
    ] = None,
    fmt: OutFormatOpt = None,
    output: OutputOpt = None,
    csv_sep: CsvSepOpt = ",",
    top: Annotated[int, typer.Option("--top", min=0, help="Số tiêu chí bị trừ điểm nhiều nhất cần liệt kê.")] = 5,
    fail_below_target: Annotated[
        bool,
        typer.Option(
            "--fail-below-target",
            help=("Mã thoát 1 khi mức độ đạt được thấp hơn mục tiêu của kế hoạch năm đó (dùng trong CI)."),
        ),
    ] = False,
) -> None:
    """Chấm điểm một năm theo bộ tiêu chí: tổng điểm, điểm từng nhóm, mức độ đạt được.

    Lệnh con: 'ctt score sheet' (xuất Biểu chấm điểm .xlsx), 'ctt score import' (đọc biểu đã điền),
    'ctt score set' (ghi điểm một tiêu chí).

    So với mức đã đăng ký và mục tiêu của kế hoạch; nếu chưa đạt mục tiêu, nêu rõ vì sao
    (thiếu bao nhiêu điểm, nhóm nào dưới tỷ lệ tối thiểu, tiêu chí bắt buộc nào chưa đạt),
    rồi liệt kê các tiêu chí bị trừ điểm nhiều nhất. Dữ liệu minh họa luôn được ghi rõ.

    Ví dụ: ctt score --year 2026 --compare 2025

    Ví dụ: ctt score --year 2026 -o diem-2026.csv --csv-sep ";"
    """
    from ctt_cli.commands.output import emit, resolve
    from ctt_cli.scoring import apply_quotas, compute_score
    from ctt_cli.views.console import error
    from ctt_cli.views.score_table import print_scores

    out_fmt = resolve(fmt, output, csv_sep)
    views = []
    wards = usable_wards(
        paths,
        needs=Needs("plan", "criteria", "scores", year=year)
        if compare is None
        else Needs("plan", "criteria", "scores"),
    )
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

    def sheet() -> Any:  # the export module only for sheet formats (csv, json, xlsx): not for a table
        from ctt_cli.views.export import score_sheet

        return score_sheet(views)

    emit(out_fmt, output, csv_sep, sheet, lambda f: print_scores(views, f, top))
    if fail_below_target and any(v.target and v.scored and (v.level_reached or 0) < v.target for _, v, _ in views):
        raise typer.Exit(1)
    wards.finish()


def score_app():
    """`ctt score` as a group: `ctt score --year 2026` (no subcommand) runs the score table as before;
    `sheet`, `import` and `set` are subcommands (commands/score_sheet.py)."""
    from ctt_cli.commands.score_sheet import ScoreGroup, score_import, score_set, score_sheet

    group = typer.Typer(
        cls=ScoreGroup,
        help="Chấm điểm một năm; xuất và đọc Biểu chấm điểm (.xlsx).",
        rich_markup_mode=None,
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    group.command("show", help=score.__doc__)(score)
    group.command("sheet")(score_sheet)
    group.command("import")(score_import)
    group.command("set")(score_set)
    return group
