"""ctt status: what is done, due and overdue in a year."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ctt_cli.commands.common import usable_wards
from ctt_cli.commands.options import AsOf, DueWithin, PathsArg, TableFormatOpt, YearOrAsOf, today
from ctt_cli.model.layout import Needs
from ctt_cli.status import State
from ctt_cli.views.formats import TableFormat


class Role(StrEnum):
    lead = "lead"
    partner = "partner"
    any = "any"


class FailOn(StrEnum):
    overdue = "overdue"
    due_soon = "due-soon"


def status(
    paths: PathsArg = None,
    year: YearOrAsOf = None,
    as_of: AsOf = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", metavar="ĐƠN_VỊ",
                                             help="Chỉ nhiệm vụ của đơn vị này (mã, tên, tên ngắn hoặc tên gọi khác).")]
    = None,
    role: Annotated[Role, typer.Option("--role", help="Với --unit: vai trò chủ trì (lead), phối hợp (partner) "
                                                      "hoặc cả hai (any).")] = Role.any,
    due_within: DueWithin = 14,
    state: Annotated[list[State] | None, typer.Option("--state", help="Chỉ các trạng thái này (lặp lại được).")]
    = None,
    fmt: TableFormatOpt = TableFormat.table,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help=(
        "Mã thoát 1 nếu có kỳ quá hạn (overdue) hoặc quá hạn/sắp đến hạn (due-soon). Dùng trong CI."))] = None,
) -> None:
    """Tình hình thực hiện các nhiệm vụ của phụ lục trong một năm: đã xong, sắp đến hạn, quá hạn.

    Hạn được tính từ cột 'Thời gian thực hiện' của phụ lục; hạn rơi vào ngày nghỉ được dời sang
    ngày làm việc kế tiếp (Điều 148 Bộ luật Dân sự). Tiến độ lấy từ progress/NĂM.yaml.

    Ví dụ: ctt status --year 2026 --as-of 2026-11-25 --unit "Trung tâm Phục vụ hành chính công"
    """
    from ctt_cli.model.units import resolve_unit
    from ctt_cli.status import compute_status, filter_rows
    from ctt_cli.views.console import error
    from ctt_cli.views.status_table import print_status

    day = today(as_of)
    year = year or day.year
    wards = usable_wards(paths, day, Needs("plan", "units", "tasks", "progress", year=year))
    views = []
    for ward in wards:
        unit_id = None
        if unit:
            found = resolve_unit(ward.units, unit)
            if found is None:
                names = ", ".join(u.short_name or u.name for u in ward.units)
                error(f"{ward.name}: không có đơn vị '{unit}'. Các đơn vị: {names}")
                raise typer.Exit(2)
            unit_id = found.id
        view = compute_status(ward, year, day, due_within)
        views.append((ward, filter_rows(view, ward, unit_id=unit_id, role=role.value,
                                        states=list(state or [])), unit_id))
    print_status(views, fmt.value, role.value)
    if fail_on:
        failing = {State.OVERDUE} if fail_on is FailOn.overdue else {State.OVERDUE, State.DUE_SOON}
        if any(r.state in failing for _, v, _ in views for r in v.rows):
            raise typer.Exit(1)
    wards.finish()
