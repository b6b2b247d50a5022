"""ctt render city: the Sở Nội vụ's summary report to the city's UBND (.docx, .pdf) and its table (.xlsx)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands.options import AsOf, DueWithin, PathsArg, Year, parse_day, resolve_paths, today


class CityFormat(StrEnum):
    docx = "docx"
    pdf = "pdf"
    xlsx = "xlsx"


FormatOpt = Annotated[
    CityFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="docx (báo cáo), pdf (báo cáo qua LibreOffice) hoặc xlsx (bảng phụ lục). Mặc định: theo đuôi tệp -o, không có thì docx.",
    ),
]


def city(
    year: Year,
    paths: PathsArg = None,
    as_of: AsOf = None,
    due_within: DueWithin = 14,
    fmt: FormatOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="TỆP",
            help="Tệp cần ghi (.docx, .pdf, .xlsx). Mặc định: build/tong-hop-NĂM.docx (hoặc .pdf, .xlsx).",
        ),
    ] = None,
    signed: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="NGÀY",
            help="Ngày ký báo cáo (25/11/2026); không có thì để trống để điền tay.",
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", metavar="TỆP", help="Dùng mẫu .docx này thay cho templates/tong-hop.docx."),
    ] = None,
) -> None:
    """Báo cáo tổng hợp của Sở Nội vụ gửi UBND thành phố: số đơn vị theo mức (mục tiêu, đăng ký,
    đạt), tình hình gửi báo cáo tự đánh giá, các đơn vị có nhiệm vụ quá hạn, và phụ lục (trang
    ngang) kết quả của từng xã, phường, đặc khu. --format xlsx: bảng phụ lục dạng Excel.

    Số liệu lấy từ cùng các bảng như 'ctt summary' và 'ctt site'. Đơn vị có lỗi dữ liệu vẫn có
    dòng riêng (ghi rõ lỗi); mã thoát 1 khi có đơn vị lỗi dữ liệu.

    Ví dụ: ctt render city --year 2026 plans/ -o tong-hop-2026.docx

    Ví dụ: ctt render city --year 2026 plans/ -o tong-hop-2026.xlsx
    """
    from ctt_cli.commands.common import write_or_exit
    from ctt_cli.fsutil import display_path
    from ctt_cli.render.city import city_context, city_sheet
    from ctt_cli.site.build import WardPage
    from ctt_cli.views.console import error, note, print_findings
    from ctt_cli.workspace.pipeline import Options, check_paths

    chosen = _format(fmt, output)
    target = output or Path("build") / f"tong-hop-{year}.{chosen.value}"
    if chosen is CityFormat.pdf:
        from ctt_cli.render.pdf import MISSING, soffice

        if soffice() is None:
            error(MISSING)
            raise typer.Exit(1)
    if template is not None and not template.is_file():
        error(f"không tìm thấy mẫu {template}")
        raise typer.Exit(1)
    try:
        date = parse_day(signed)
    except typer.BadParameter as exc:
        error(f"--date: {exc.message}")
        raise typer.Exit(2) from None
    day = today(as_of)
    checked = check_paths(
        resolve_paths(paths), Options(today(None), then=WardPage(year, day, due_within, documents=False))
    )
    print_findings(checked.findings, "text", stderr=True)
    if not checked.results:
        error("không tìm thấy kế hoạch nào để tổng hợp")
        raise typer.Exit(1)
    pages = [r.value for r in checked]
    missing = [f"{f.file}: {f.message}" for f in checked.findings]
    if chosen is CityFormat.xlsx:
        from ctt_cli.views.export import xlsx_bytes

        data = xlsx_bytes([city_sheet(pages, year, day)])
    else:
        data = _docx(city_context(pages, year, day, missing=missing, date=date), template, chosen)
    write_or_exit(target, data)
    bad = sum(1 for p in pages if p["row"]["errors"])
    note(f"Đã ghi {display_path(target)}: {len(pages)} đơn vị, {bad} đơn vị có lỗi dữ liệu.")
    if bad or checked.findings:
        raise typer.Exit(1)


def _format(fmt: CityFormat | None, output: Path | None) -> CityFormat:
    from ctt_cli.views.console import error

    if output is None:
        return fmt or CityFormat.docx
    suffix = output.suffix.lower().lstrip(".")
    if fmt is None:
        try:
            return CityFormat(suffix)
        except ValueError:
            error(f"{output}: không nhận ra định dạng từ đuôi tệp; dùng .docx, .pdf, .xlsx hoặc --format")
            raise typer.Exit(2) from None
    if suffix != fmt.value:  # never a .docx under a .pdf name, nor the reverse
        error(f"--format {fmt.value} ghi tệp .{fmt.value}, không ghi vào {output}")
        raise typer.Exit(2)
    return fmt


def _docx(ctx, template: Path | None, chosen: CityFormat) -> bytes:
    from ctt_cli.render.city import TEMPLATE
    from ctt_cli.render.documents import templates_dir
    from ctt_cli.render.engine import RenderError, render
    from ctt_cli.render.pdf import PdfError, to_pdf
    from ctt_cli.views.console import error

    path = template or templates_dir() / TEMPLATE
    if not path.is_file():
        error(f"không tìm thấy mẫu {path}")
        raise typer.Exit(1)
    try:
        data = render(path, ctx, ctx["meta"])
        return to_pdf(data) if chosen is CityFormat.pdf else data
    except (RenderError, PdfError) as exc:
        error(str(exc))
        raise typer.Exit(1) from None
