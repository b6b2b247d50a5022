"""ctt record: one task occurrence's progress written into progress/YYYY.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ctt_cli.commands.options import PathsArg, Year, parse_day


def record(
    task: Annotated[str, typer.Argument(metavar="NHIỆM_VỤ", help="Mã nhiệm vụ, ví dụ T05.")],
    paths: PathsArg = None,
    year: Year = ...,
    state: Annotated[str, typer.Option("--state", "-s", metavar="TRẠNG_THÁI", help=(
        "hoàn thành | đang thực hiện | không thực hiện | chưa thực hiện (viết hoa, không dấu đều được)."))] = ...,
    date: Annotated[dt.date | None, typer.Option("--date", metavar="NGÀY", parser=parse_day,
                                                 help="Ngày hoàn thành, dạng 13/11/2026.")] = None,
    evidence: Annotated[list[str] | None, typer.Option("--evidence", "-e", help=(
        "Chứng cứ: số hiệu văn bản ('120/BC-UBND ngày 13/11/2026'), mã văn bản trong documents.yaml, "
        "hoặc mô tả; lặp lại để ghi nhiều chứng cứ."))] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Lý do (bắt buộc khi 'không thực hiện').")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Ghi chú.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Người / đơn vị báo cáo.")] = None,
    occurrence: Annotated[str | None, typer.Option("--occurrence", metavar="KỲ", help=(
        "Kỳ thực hiện khi nhiệm vụ có nhiều kỳ trong năm: 2026-Q1, 2026-H2, 2026-03."))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ cho xem thay đổi, không ghi.")] = False,
) -> None:
    """Ghi tiến độ một nhiệm vụ vào progress/NĂM.yaml (kiểm tra trước khi ghi, giữ nguyên chú thích).

    Ví dụ: ctt record T05 --year 2026 --state "hoàn thành" --date 13/11/2026 --evidence "120/BC-UBND ngày 13/11/2026"
    """
    from ctt_cli.commands.score_sheet import _one_ward, _write_checked
    from ctt_cli.record import Entry, RecordError, apply_record, choose_occurrence, parse_state
    from ctt_cli.schedule import task_occurrences
    from ctt_cli.views.console import error
    from ctt_cli.yamlio import roundtrip

    ward = _one_ward(paths, need_criteria=False)
    found = ward.task(task.strip().upper())
    if found is None:
        error(f"không có nhiệm vụ '{task}' trong tasks.yaml")
        raise typer.Exit(1)
    try:
        keys = [(o.key, o.label) for o in task_occurrences(ward.plan, [found], year).get(found.id, [])]
        entry = Entry(found.id, parse_state(state), choose_occurrence(found.id, keys, occurrence, year),
                      date, evidence, reason, note, by)
        path = ward.root / "progress" / f"{year}.yaml"
        text = path.read_text(encoding="utf-8") if path.is_file() else f"year: {year}\nrecords:\n"
        tree = roundtrip.load(text)
        changes = apply_record(tree, entry, year, {d.id for d in ward.documents})
    except RecordError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    _write_checked(ward, path, text if path.is_file() else "", roundtrip.dump(tree), changes, dry_run)
