"""ctt status: what is done, due and overdue in a year."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

import typer

from ctt_cli.commands.common import FormatOpt, PathsArg, TableFormat, load_checked


class Role(StrEnum):
    lead = "lead"
    partner = "partner"
    any = "any"


class StateName(StrEnum):
    overdue = "overdue"
    due_soon = "due_soon"
    upcoming = "upcoming"
    done = "done"
    done_late = "done_late"
    skipped = "skipped"
    continuous = "continuous"
    undated = "undated"
    not_applicable = "not_applicable"


class FailOn(StrEnum):
    overdue = "overdue"
    due_soon = "due-soon"


def parse_day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise typer.BadParameter(f"'{value}' không phải ngày; dùng dạng 2026-11-25 hoặc 25/11/2026")


def status(
    paths: PathsArg = None,
    year: Annotated[int | None, typer.Option("--year", "-y", min=2000, max=2100,
                                             help="Năm cần xem. Mặc định: năm của --as-of.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="NGÀY",
                                              help="Tính trạng thái tại ngày này (2026-11-25 hoặc 25/11/2026). "
                                                   "Mặc định: hôm nay.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", metavar="ĐƠN_VỊ",
                                             help="Chỉ nhiệm vụ của đơn vị này (mã, tên, tên ngắn hoặc tên gọi khác).")]
    = None,
    role: Annotated[Role, typer.Option("--role", help="Với --unit: vai trò chủ trì (lead), phối hợp (partner) "
                                                      "hoặc cả hai (any).")] = Role.any,
    due_within: Annotated[int, typer.Option("--due-within", min=0, metavar="SỐ_NGÀY",
                                            help="Hạn còn từ bấy nhiêu ngày trở xuống thì là 'sắp đến hạn'.")] = 14,
    state: Annotated[list[StateName] | None, typer.Option("--state", help="Chỉ các trạng thái này (lặp lại được).")]
    = None,
    fmt: FormatOpt = TableFormat.table,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help=(
        "Mã thoát 1 nếu có kỳ quá hạn (overdue) hoặc quá hạn/sắp đến hạn (due-soon). Dùng trong CI."))] = None,
) -> None:
    """Tình hình thực hiện các nhiệm vụ của phụ lục trong một năm: đã xong, sắp đến hạn, quá hạn.

    Hạn được tính từ cột 'Thời gian thực hiện' của phụ lục; hạn rơi vào ngày nghỉ được lùi về
    ngày làm việc liền trước (settings.day_off: earlier; 'later' = Điều 148 Bộ luật Dân sự).
    Nhiệm vụ theo sự kiện hiện 'theo sự kiện / chưa xác định hạn', không bao giờ quá hạn.
    Tiến độ lấy từ progress/NĂM.yaml.

    Ví dụ: ctt status --year 2026 --as-of 2026-11-25 --unit "Trung tâm Phục vụ hành chính công"
    """
    from ctt_cli.model.units import resolve_unit
    from ctt_cli.output import error
    from ctt_cli.status import compute_status, filter_rows
    from ctt_cli.views.status_view import print_status

    day = parse_day(as_of) or dt.date.today()
    year = year or day.year
    wards = load_checked(paths)
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
                                        states=[s.value for s in state or []]), unit_id))
    print_status(views, fmt.value, role.value)
    if fail_on:
        failing = {"overdue"} if fail_on is FailOn.overdue else {"overdue", "due_soon"}
        if any(r.state in failing for _, v, _ in views for r in v.rows):
            raise typer.Exit(1)
    wards.finish()
