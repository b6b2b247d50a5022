"""ctt render …: official .docx documents from the plan data and the templates."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands import render_city
from ctt_cli.commands.common import usable_wards
from ctt_cli.commands.options import YEAR_MAX, YEAR_MIN, AsOf, PathsArg, Year, today
from ctt_cli.model.layout import Needs

render_app = typer.Typer(
    help="Xuất văn bản .docx theo Nghị định 30/2020/NĐ-CP từ dữ liệu kế hoạch và các mẫu trong templates/.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="TỆP",
        help=(
            "Tệp .docx (hoặc .pdf, chuyển qua LibreOffice) cần ghi; '-': ghi ra stdout (để chuyển tiếp qua ống). Mặc định: build/<mã kế hoạch>/<tên>.docx"
        ),
    ),
]
PdfOpt = Annotated[bool, typer.Option("--pdf", help="Xuất PDF (chuyển qua LibreOffice headless) thay cho .docx.")]
TemplateOpt = Annotated[
    Path | None,
    typer.Option(
        "--template", metavar="TỆP", help="Dùng mẫu .docx này thay cho mẫu trong templates/ (cũng được kiểm tra)."
    ),
]


def _pdf_error() -> type[Exception]:
    from ctt_cli.render.pdf import PdfError

    return PdfError


def _render(
    paths,
    requests_for,
    output: Path | None,
    template: Path | None,
    *,
    progress: bool = False,
    pdf: bool = False,
    needs: Needs | None = None,
) -> None:
    import sys

    from ctt_cli.fsutil import WriteError, is_stdout, write_atomic
    from ctt_cli.render.documents import render_document
    from ctt_cli.render.engine import RenderError
    from ctt_cli.views.console import error, note, warn

    wards = usable_wards(paths, needs=needs)
    day = today(None)  # the day a document is dated by, unless the command was given --as-of
    jobs = [(w, r if r.as_of else r._replace(as_of=day)) for w in wards for r in requests_for(w)]
    if output is not None and len(jobs) != 1:
        error("--output chỉ dùng khi xuất đúng một văn bản của một kế hoạch")
        raise typer.Exit(2)
    if template is not None and not template.is_file():
        error(f"không tìm thấy mẫu {template}")
        raise typer.Exit(1)
    if output is not None:
        from ctt_cli.commands.to_file import pick

        pick(None, output, {".docx": "docx", ".pdf": "pdf"}, "docx")  # no .docx under a .xlsx name
    pdf = pdf or (output is not None and output.suffix.lower() == ".pdf")
    if pdf and output is not None and output.suffix.lower() != ".pdf":
        error(f"--pdf ghi tệp .pdf, không ghi vào {output}")
        raise typer.Exit(2)
    if pdf:
        from ctt_cli.render.pdf import MISSING, soffice

        if soffice() is None:  # say so before rendering anything
            error(MISSING)
            raise typer.Exit(1)
    bar = None
    if progress and sys.stderr.isatty():  # off a terminal rich draws nothing (and costs 27 ms to import)
        from rich.progress import Progress

        from ctt_cli.views.console import _console

        bar = Progress(console=_console(stderr=True), transient=True)
        bar.start()
        task = bar.add_task("Đang xuất văn bản", total=len(jobs))
    try:
        for ward, req in jobs:
            try:
                data, unfinished = render_document(ward, req, template)
                target = output or _build_target(ward, req)
                if is_stdout(target):  # `-o -`: the .docx bytes on stdout (for a pipe)
                    if sys.stdout.isatty():
                        error("không in tệp .docx ra màn hình; dùng '-o -' khi chuyển tiếp qua ống (| hoặc >)")
                        raise typer.Exit(2)
                    sys.stdout.buffer.write(data)
                    sys.stdout.buffer.flush()
                    continue
                if pdf:
                    from ctt_cli.render.pdf import to_pdf

                    data, target = to_pdf(data), target.with_suffix(".pdf")
                write_atomic(target, data)
            except (RenderError, WriteError, _pdf_error()) as exc:
                error(str(exc))
                raise typer.Exit(1) from None
            if bar:
                bar.advance(task)
            note(f"Đã ghi {target}")
            for line in unfinished:
                warn(f"{target}: {line}")
    finally:
        if bar:
            bar.stop()
    wards.finish()


@render_app.command("plan")
def plan(paths: PathsArg = None, output: OutputOpt = None, template: TemplateOpt = None, pdf: PdfOpt = False) -> None:
    """Kế hoạch đầy đủ: phần đầu, căn cứ, các mục đánh số tự động, nơi nhận, chữ ký và phụ lục nhiệm vụ.

    Ví dụ: ctt render plan -o build/ke-hoach.docx

    Ví dụ: ctt render plan -o build/ke-hoach.pdf
    """
    from ctt_cli.render.documents import Request

    # the plan document reads the plan, its units, documents and tasks: a broken score file does not stop it
    _render(
        paths,
        lambda w: [Request("plan")],
        output,
        template,
        pdf=pdf,
        needs=Needs("plan", "units", "documents", "tasks"),
    )


@render_app.command("report")
def report(
    year: Year,
    paths: PathsArg = None,
    as_of: AsOf = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    pdf: PdfOpt = False,
) -> None:
    """Báo cáo kết quả thực hiện năm (nhiệm vụ 6): kết quả từng nhiệm vụ, điểm tự chấm, phần tường thuật.

    Phần tường thuật lấy từ reports/NĂM.yaml; phần còn thiếu hiện dòng nhắc bổ sung.

    Ví dụ: ctt render report --year 2026 --as-of 2026-12-15
    """
    from ctt_cli.render.documents import Request

    _render(paths, lambda w: [Request("report", year=year, as_of=today(as_of))], output, template, pdf=pdf)


@render_app.command("assessment")
def assessment(
    year: Year, paths: PathsArg = None, output: OutputOpt = None, template: TemplateOpt = None, pdf: PdfOpt = False
) -> None:
    """Báo cáo tự đánh giá, chấm điểm (nhiệm vụ 5) kèm Biểu chấm điểm.

    Ví dụ: ctt render assessment --year 2026
    """
    from ctt_cli.render.documents import Request

    _render(paths, lambda w: [Request("assessment", year=year)], output, template, pdf=pdf)


@render_app.command("registration")
def registration(
    year: Year, paths: PathsArg = None, output: OutputOpt = None, template: TemplateOpt = None, pdf: PdfOpt = False
) -> None:
    """Công văn đăng ký mức đạt chuẩn năm gửi Sở Nội vụ (nhiệm vụ 3), theo mục tiêu của kế hoạch.

    Ví dụ: ctt render registration --year 2027
    """
    from ctt_cli.render.documents import Request

    _render(paths, lambda w: [Request("registration", year=year)], output, template, pdf=pdf)


@render_app.command("year-plan")
def year_plan(
    year: Year, paths: PathsArg = None, output: OutputOpt = None, template: TemplateOpt = None, pdf: PdfOpt = False
) -> None:
    """Kế hoạch triển khai thực hiện và đăng ký mức đạt chuẩn năm (nhiệm vụ 3), từ các nhiệm vụ của kế hoạch
    có kỳ thực hiện trong năm, kèm hạn hoàn thành và đơn vị chủ trì, phối hợp.

    Ví dụ: ctt render year-plan --year 2027
    """
    from ctt_cli.render.documents import Request

    _render(paths, lambda w: [Request("year-plan", year=year)], output, template, pdf=pdf)


@render_app.command("review")
def review(
    first: Annotated[int, typer.Option("--from", min=YEAR_MIN, max=YEAR_MAX, help="Năm đầu.")],
    last: Annotated[int, typer.Option("--to", min=YEAR_MIN, max=YEAR_MAX, help="Năm cuối.")],
    paths: PathsArg = None,
    as_of: AsOf = None,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    pdf: PdfOpt = False,
) -> None:
    """Báo cáo sơ kết (ví dụ 2026-2027) hoặc tổng kết (đến năm cuối giai đoạn, 2030) (nhiệm vụ 9).

    Ví dụ: ctt render review --from 2026 --to 2027
    """
    from ctt_cli.render.documents import Request
    from ctt_cli.views.console import error

    if last < first:
        error(f"--to {last} trước --from {first}")
        raise typer.Exit(2)
    if last == first:
        error(f"sơ kết, tổng kết cần ít nhất hai năm (--from {first} --to {last}); kết quả một năm: ctt render report")
        raise typer.Exit(2)
    _render(paths, lambda w: [Request("review", first=first, last=last, as_of=today(as_of))], output, template, pdf=pdf)


@render_app.command("all")
def render_all(year: Year, paths: PathsArg = None, as_of: AsOf = None, pdf: PdfOpt = False) -> None:
    """Mọi văn bản của một năm: kế hoạch và các văn bản mà nhiệm vụ đến hạn năm đó phải làm.

    Ví dụ: ctt render all --year 2027
    """
    from ctt_cli.render.documents import due_documents, left_out
    from ctt_cli.views.console import note

    day = today(as_of)

    def requests_for(ward):
        for why in left_out(ward, year):  # a document whose date has no meaning that year
            note(f"{ward.name}: không xuất {why}")
        return [r._replace(as_of=day) for r in due_documents(ward, year)]

    _render(paths, requests_for, None, None, progress=True, pdf=pdf)


def _build_target(ward, req) -> Path:
    """The default file: build/<plan id>/<name>.docx in the project, never inside the data folder."""
    import os

    from ctt_cli.render.documents import default_output
    from ctt_cli.workspace.where import build_dir

    target = build_dir(Path.cwd(), ward.root) / default_output(ward, req).relative_to("build")
    relative = os.path.relpath(target)
    return Path(relative) if not relative.startswith("..") else target


render_app.command("city")(render_city.city)  # the Sở Nội vụ's report (commands/render_city.py)
