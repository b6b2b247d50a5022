"""ctt calendar: the year's due dates as an iCalendar (.ics) file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands.common import usable_wards, write_or_exit
from ctt_cli.commands.options import PathsArg, Year
from ctt_cli.model.layout import Needs


def calendar(
    year: Year,
    paths: PathsArg = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="TỆP", help="Tệp .ics cần ghi; '-' hoặc bỏ trống: in ra màn hình (stdout)."
        ),
    ] = None,
    alarm_days: Annotated[int, typer.Option("--alarm-days", min=0, max=60, help="Nhắc trước hạn bao nhiêu ngày.")] = 3,
) -> None:
    """Xuất hạn của mọi nhiệm vụ trong năm ra tệp lịch iCalendar (.ics).

    Mỗi kỳ có hạn là một sự kiện cả ngày vào ngày hạn, kèm lời nhắc trước vài ngày và tên
    cơ quan chủ trì, phối hợp. Mã sự kiện (UID) cố định nên nhập lại sẽ cập nhật, không nhân đôi.
    Nhập được vào Outlook, Google Calendar và lịch điện thoại.

    Ví dụ: ctt calendar --year 2026 -o build/lich-2026.ics
    """
    from ctt_cli.commands.to_file import pick
    from ctt_cli.render.calendar import calendar as build
    from ctt_cli.status import compute_status
    from ctt_cli.views.console import note

    pick(None, output, {".ics": "ics"}, "ics")  # never an .ics under a .pdf or .docx name
    wards = usable_wards(paths, needs=Needs("plan", "units", "tasks", "progress", year=year))
    items = [(w, compute_status(w, year, dt.date(year, 1, 1))) for w in wards]
    data = build(items, alarm_days)
    if output is None or str(output) == "-":  # `-o -`: stdout, never a file named '-'
        sys.stdout.buffer.write(data)
        wards.finish()
        return
    write_or_exit(output, data)
    events = data.count(b"BEGIN:VEVENT")
    note(f"Đã ghi {output} ({events} sự kiện)")
    wards.finish()
