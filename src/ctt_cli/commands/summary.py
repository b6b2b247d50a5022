"""ctt summary: one table for many wards (the Sở Nội vụ's view of the city)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ctt_cli.commands.common import FormatOpt, PathsArg, TableFormat, resolve_paths
from ctt_cli.commands.status import parse_day


def summary(
    paths: PathsArg = None,
    year: Annotated[int | None, typer.Option("--year", "-y", min=2000, max=2100,
                                             help="Năm cần tổng hợp. Mặc định: năm của --as-of.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="NGÀY", help="Tính tại ngày này. Mặc định: hôm nay.")]
    = None,
    due_within: Annotated[int, typer.Option("--due-within", min=0, help="Ngưỡng 'sắp đến hạn' (ngày).")] = 14,
    fmt: FormatOpt = TableFormat.table,
) -> None:
    """Bảng tổng hợp nhiều phường: mỗi phường một dòng với số nhiệm vụ hoàn thành, quá hạn,
    sắp đến hạn, điểm tự chấm, mức độ đạt được so với mục tiêu, và số lỗi dữ liệu.

    Phường có lỗi dữ liệu vẫn có dòng riêng (ghi rõ lỗi), không làm dừng các phường khác.
    Mã thoát 1 khi có phường lỗi dữ liệu.

    Ví dụ: ctt summary --year 2026 plans/ --format csv
    """
    from ctt_cli import cache
    from ctt_cli.batch import map_wards
    from ctt_cli.output import print_findings, print_table
    from ctt_cli.paths import find_roots
    from ctt_cli.summary import summarize_ward
    from ctt_cli.views.score_view import num

    day = parse_day(as_of) or dt.date.today()
    year = year or day.year
    roots, missing = find_roots(resolve_paths(paths))
    print_findings(missing, "text", stderr=True)
    known = cache.lookup(roots)
    results = map_wards(summarize_ward, roots, year, day, due_within, known)
    for root, (_, fresh) in zip(roots, results, strict=True):
        if fresh is not None:
            cache.store(root, fresh)
    rows = [row for row, _ in results]
    columns = ["Phường", "Lỗi", "Cảnh báo", "Hoàn thành", "Quá hạn", "Sắp đến hạn", "Điểm", "Mức đạt",
               "Mục tiêu", "Ghi chú"]

    def cell(v):
        return "" if v is None else v

    table = [[r["ward"], r["errors"], r["warnings"],
              "" if r["done"] is None else f"{r['done']}/{r['occurrences']}", cell(r["overdue"]),
              cell(r["due_soon"]), num(r["score"]), cell(r["level"]), cell(r["target"]), r["note"]] for r in rows]
    bad = sum(1 for r in rows if r["errors"])
    caption = (f"{len(rows)} phường; {bad} phường có lỗi dữ liệu; "
               f"{sum(1 for r in rows if r['target_met'] is False)} phường chưa đạt mục tiêu; "
               f"{sum(1 for r in rows if r['overdue'])} phường có nhiệm vụ quá hạn. Tính đến {day:%d/%m/%Y}.")
    print_table(columns, table, fmt.value, title=f"Tổng hợp năm {year}", caption=caption,
                data={"year": year, "as_of": day.isoformat(), "wards": rows})
    if bad or missing:
        raise typer.Exit(1)
