"""ctt summary: one table for many wards (the Sở Nội vụ's view of the city)."""

from __future__ import annotations

import typer

from ctt_cli.commands.options import AsOf, DueWithin, PathsArg, YearOrAsOf, resolve_paths, today
from ctt_cli.commands.output import CsvSepOpt, OutFormatOpt, OutputOpt


def summary(
    paths: PathsArg = None,
    year: YearOrAsOf = None,
    as_of: AsOf = None,
    due_within: DueWithin = 14,
    fmt: OutFormatOpt = None,
    output: OutputOpt = None,
    csv_sep: CsvSepOpt = ",",
) -> None:
    """Bảng tổng hợp nhiều phường: mỗi phường một dòng với số nhiệm vụ hoàn thành, quá hạn,
    sắp đến hạn, điểm tự chấm, mức độ đạt được so với mục tiêu, và số lỗi dữ liệu.

    Phường có lỗi dữ liệu vẫn có dòng riêng (ghi rõ lỗi), không làm dừng các phường khác.
    Mã thoát 1 khi có phường lỗi dữ liệu.

    Ví dụ: ctt summary --year 2026 plans/ --format csv

    Ví dụ: ctt summary --year 2026 plans/ -o tong-hop-2026.xlsx
    """
    from ctt_cli.city import CityRow
    from ctt_cli.commands.output import emit, resolve
    from ctt_cli.views.console import print_findings, print_table
    from ctt_cli.views.score_table import num
    from ctt_cli.workspace.pipeline import Options, check_paths

    out_fmt = resolve(fmt, output, csv_sep)
    day = today(as_of)
    year = year or day.year
    checked = check_paths(resolve_paths(paths), Options(today(None), then=CityRow(year, day, due_within)))
    print_findings(checked.findings, "text", stderr=True)
    missing = checked.findings
    rows = [r.value for r in checked]
    columns = [
        "Phường",
        "Lỗi",
        "Cảnh báo",
        "Hoàn thành",
        "Quá hạn",
        "Sắp đến hạn",
        "Điểm",
        "Mức đạt",
        "Mục tiêu",
        "Ghi chú",
    ]

    def cell(v):
        return "" if v is None else v

    table = [
        [
            r["ward"],
            r["errors"],
            r["warnings"],
            "" if r["done"] is None else f"{r['done']}/{r['occurrences']}",
            cell(r["overdue"]),
            cell(r["due_soon"]),
            num(r["score"]),
            cell(r["level"]),
            cell(r["target"]),
            r["note"],
        ]
        for r in rows
    ]
    bad = sum(1 for r in rows if r["errors"])
    caption = (
        f"{len(rows)} phường; {bad} phường có lỗi dữ liệu; "
        f"{sum(1 for r in rows if r['target_met'] is False)} phường chưa đạt mục tiêu; "
        f"{sum(1 for r in rows if r['overdue'])} phường có nhiệm vụ quá hạn. Tính đến {day:%d/%m/%Y}."
    )
    from ctt_cli.views.export import summary_sheet

    emit(
        out_fmt,
        output,
        csv_sep,
        lambda: summary_sheet(rows, year, day),
        lambda f: print_table(
            columns,
            table,
            f,
            title=f"Tổng hợp năm {year}",
            caption=caption,
            data={"year": year, "as_of": day.isoformat(), "wards": rows},
        ),
    )
    if bad or missing:
        raise typer.Exit(1)
