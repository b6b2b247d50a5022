"""ctt templates …: check the Word templates against the data they will receive."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands.common import usable_wards
from ctt_cli.commands.options import PathsArg, Year, today
from ctt_cli.commands.output import OutFormatOpt, OutputOpt

templates_app = typer.Typer(
    help="Kiểm tra và liệt kê các mẫu văn bản .docx.", no_args_is_help=True, rich_markup_mode=None
)


@templates_app.command("check")
def check(
    paths: PathsArg = None,
    template: Annotated[
        Path | None, typer.Option("--template", metavar="TỆP", help=("Chỉ kiểm tra mẫu này (cần --kind)."))
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", help=("Loại văn bản của --template: plan, report, assessment, registration, review, year-plan.")
        ),
    ] = None,
    year: Year = 2026,
) -> None:
    """Kiểm tra mọi mẫu: biến không có trong dữ liệu (cả ở đầu trang, chân trang), thẻ Jinja sai,
    và thử xuất với dữ liệu thật. Báo lỗi kèm tên mẫu và thẻ. Mã thoát 1 khi có lỗi.

    Ví dụ: ctt templates check
    """
    from ctt_cli.render.documents import KINDS, Request, check_template, templates_dir
    from ctt_cli.views.console import error, note

    ward = usable_wards(paths)[0]
    if template is not None:
        if kind not in KINDS:
            error(f"--template cần --kind là một trong: {', '.join(KINDS)}")
            raise typer.Exit(2)
        items = [(kind, template)]
    else:
        items = [(k, templates_dir() / d.template) for k, d in KINDS.items()]
    problems = 0
    for name, path in items:
        req = Request(name, year=year, first=year, last=year + 1, as_of=today(None))
        if not path.is_file():
            error(f"không tìm thấy mẫu {path}")
            problems += 1
            continue
        found = check_template(path, ward, req)
        for p in found:
            error(p)
        problems += len(found)
        if not found:
            note(f"{path}: tốt")
    if template is None:  # the Sở Nội vụ's report (ctt render city): its context is the city's, not a ward's
        problems += _check_city(paths, year)
    if problems:
        raise typer.Exit(1)


def _check_city(paths, year: int) -> int:
    """The city template rendered with the communes of PATHS (as `ctt render city` would)."""
    from ctt_cli.commands.options import resolve_paths
    from ctt_cli.render.city import TEMPLATE, city_context
    from ctt_cli.render.context import TOP_LEVEL
    from ctt_cli.render.documents import templates_dir
    from ctt_cli.render.engine import RenderError, render, undeclared
    from ctt_cli.site.build import WardPage
    from ctt_cli.views.console import error, note
    from ctt_cli.workspace.pipeline import Options, check_paths

    path = templates_dir() / TEMPLATE
    if not path.is_file():
        error(f"không tìm thấy mẫu {path}")
        return 1
    try:
        found = [
            f"mẫu {path.name}: biến '{{{{ {n} }}}}' không có trong dữ liệu"
            for n in sorted(undeclared(path) - TOP_LEVEL)
        ]
        if not found:
            day = today(None)
            checked = check_paths(resolve_paths(paths), Options(day, then=WardPage(year, day, 14, documents=False)))
            ctx = city_context([r.value for r in checked], year, day)
            render(path, ctx, ctx["meta"])
    except RenderError as exc:
        found = [str(exc)]
    for p in found:
        error(p)
    if not found:
        note(f"{path}: tốt")
    return len(found)


@templates_app.command("vars")
def variables(fmt: OutFormatOpt = None, output: OutputOpt = None) -> None:
    """Liệt kê các biến mà mẫu văn bản được dùng.

    Ví dụ: ctt templates vars

    Ví dụ: ctt templates vars -o bien-mau.md
    """
    from ctt_cli.commands.output import emit, resolve
    from ctt_cli.render.context import VARIABLES
    from ctt_cli.views.console import print_table
    from ctt_cli.views.export import Sheet

    columns = ["Biến", "Ý nghĩa"]
    rows = [[k, v] for k, v in VARIABLES.items()]
    emit(
        resolve(fmt, output, ","),
        output,
        ",",
        lambda: Sheet("Biến mẫu", "Các biến dùng trong mẫu văn bản", columns, rows),
        lambda f: print_table(columns, rows, f, data=[{"variable": k, "meaning": v} for k, v in rows]),
    )
