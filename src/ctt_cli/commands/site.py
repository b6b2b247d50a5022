"""ctt site: the city's static site (a dashboard the Sở Nội vụ opens in a browser)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands.options import AsOf, DueWithin, PathsArg, YearOrAsOf, resolve_paths, today


def site(
    paths: PathsArg = None,
    year: YearOrAsOf = None,
    as_of: AsOf = None,
    due_within: DueWithin = 14,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="THƯ_MỤC", help="Thư mục ghi trang (tạo nếu chưa có).")
    ] = Path("site"),
    documents: Annotated[
        bool, typer.Option("--documents/--no-documents", help="Tạo các văn bản .docx của năm cho từng phường.")
    ] = True,
    pdf: Annotated[bool, typer.Option("--pdf", help="Tạo thêm bản PDF của văn bản (cần LibreOffice; chậm).")] = False,
    city_report: Annotated[
        bool,
        typer.Option(
            "--city-report",
            help="Tạo thêm báo cáo tổng hợp của Sở Nội vụ (như 'ctt render city': .docx và bảng .xlsx) và đặt "
            "liên kết ở trang chung.",
        ),
    ] = False,
) -> None:
    """Trang web tĩnh tổng hợp nhiều xã, phường: index.html (bảng mọi đơn vị, sắp xếp và lọc được,
    biểu đồ mức mục tiêu/mức đạt) và một trang cho mỗi đơn vị (tiến độ nhiệm vụ theo thời gian,
    bảng theo đơn vị, điểm theo nhóm tiêu chí, lỗi dữ liệu, văn bản .docx). Mở index.html bằng
    trình duyệt, không cần mạng, không cần máy chủ.

    Đơn vị có lỗi dữ liệu vẫn có dòng và trang riêng (ghi rõ lỗi). Mã thoát 1 khi có đơn vị lỗi dữ liệu.

    Ví dụ: ctt site --year 2026 plans/ -o site/

    Ví dụ: ctt site --year 2026 plans/ -o site/ --city-report
    """
    import shutil

    from ctt_cli.fsutil import WriteError, display_path
    from ctt_cli.site import docstore
    from ctt_cli.site.build import WardPage
    from ctt_cli.site.pages import write_site
    from ctt_cli.views.console import error, note, print_findings
    from ctt_cli.workspace.pipeline import Options, check_paths

    day = today(as_of)
    year = year or day.year
    if pdf and not shutil.which("soffice"):
        note("không tìm thấy LibreOffice (soffice): chỉ tạo văn bản .docx, không có bản PDF")
        pdf = False
    view = WardPage(year, day, due_within, documents)
    checked = check_paths(resolve_paths(paths), Options(today(None), then=view))
    print_findings(checked.findings, "text", stderr=True)
    if not checked.results:
        error("không tìm thấy kế hoạch nào để tạo trang")
        raise typer.Exit(1)
    pages = [r.value for r in checked]
    lost = docstore.attach(pages)  # a cached page names its documents: read them back
    if lost:  # one the store no longer has: render that ward again
        again = check_paths([checked.results[i].root for i in lost], Options(today(None), use_cache=False, then=view))
        fresh = {r.root: r.value for r in again.results}
        for i in lost:
            pages[i] = fresh.get(checked.results[i].root, pages[i])
        docstore.attach(pages)
    missing = [f"{f.file}: {f.message}" for f in checked.findings]
    reports = _city_report(pages, year, day, missing) if city_report else None
    try:
        made = write_site(pages, output, year, day, pdf=pdf, missing=missing, reports=reports)
    except WriteError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    docstore.prune({d["blob"] for p in pages for d in p["documents"] if d.get("blob")})
    bad = sum(1 for p in pages if p["row"]["errors"])
    typer.echo(
        f"Đã tạo {display_path(output / 'index.html')}: {len(made.pages)} trang, {len(made.documents)} văn bản, "
        f"{made.size / 1024:.0f} KB; {len(pages)} đơn vị, {bad} đơn vị có lỗi dữ liệu."
    )
    if bad or checked.findings:
        raise typer.Exit(1)


def _city_report(pages, year: int, day, missing: list[str]) -> list[dict]:
    """The Sở Nội vụ's report (.docx) and its table (.xlsx), from the same ward pages as the site."""
    from ctt_cli.render.city import TEMPLATE, city_context, city_sheet
    from ctt_cli.render.documents import templates_dir
    from ctt_cli.render.engine import RenderError, render
    from ctt_cli.views.console import error
    from ctt_cli.views.export import xlsx_bytes

    ctx = city_context(pages, year, day, missing=missing)
    try:
        docx = render(templates_dir() / TEMPLATE, ctx, ctx["meta"])
    except RenderError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    return [
        {"label": "Báo cáo tổng hợp gửi UBND thành phố", "file": f"tong-hop-{year}.docx", "data": docx},
        {
            "label": "Bảng kết quả từng đơn vị (Excel)",
            "file": f"tong-hop-{year}.xlsx",
            "data": xlsx_bytes([city_sheet(pages, year, day)]),
        },
    ]
