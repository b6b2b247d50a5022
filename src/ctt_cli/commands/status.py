"""ctt status: what is done, due and overdue in a year."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from ctt_cli.commands.common import usable_wards
from ctt_cli.commands.options import (
    AsOf,
    DueWithin,
    EnumChoice,
    PathsArg,
    Role,
    RoleOpt,
    UnitOpt,
    YearOrAsOf,
    today,
)
from ctt_cli.commands.output import CsvSepOpt, OutFormatOpt, OutputOpt
from ctt_cli.commands.state_option import States
from ctt_cli.model.layout import Needs
from ctt_cli.status import State


class FailOn(StrEnum):
    overdue = "overdue"
    due_soon = "due-soon"


FAIL_ON_CHOICE = EnumChoice(FailOn, {FailOn.overdue: "quá hạn", FailOn.due_soon: "sắp đến hạn"})


def status(
    paths: PathsArg = None,
    year: YearOrAsOf = None,
    as_of: AsOf = None,
    unit: UnitOpt = None,
    role: RoleOpt = Role.any,
    due_within: DueWithin = 14,
    state: States = None,
    fmt: OutFormatOpt = None,
    output: OutputOpt = None,
    csv_sep: CsvSepOpt = ",",
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            click_type=FAIL_ON_CHOICE,
            metavar="MỨC",
            help=(
                "Mã thoát 1 nếu có kỳ quá hạn (quá-hạn, overdue) hoặc quá hạn/sắp đến hạn (sắp-đến-hạn, due-soon). "
                "Dùng trong CI."
            ),
        ),
    ] = None,
) -> None:
    """Tình hình thực hiện các nhiệm vụ của phụ lục trong một năm: đã xong, sắp đến hạn, quá hạn.

    Hạn được tính từ cột 'Thời gian thực hiện' của phụ lục; hạn rơi vào ngày nghỉ được lùi về
    ngày làm việc liền trước (settings.day_off: earlier; 'later' = Điều 148 Bộ luật Dân sự).
    Nhiệm vụ theo sự kiện hiện 'theo sự kiện / chưa xác định hạn', không bao giờ quá hạn.
    Tiến độ lấy từ progress/NĂM.yaml.

    Ví dụ: ctt status --year 2026 --as-of 2026-11-25 --unit "Trung tâm Phục vụ hành chính công"

    Ví dụ: ctt status --state quá-hạn --state sắp-đến-hạn --fail-on quá-hạn
    Ví dụ: ctt status --year 2026 -o tien-do-2026.xlsx
    """
    from ctt_cli.commands.output import emit, resolve
    from ctt_cli.status import compute_status, filter_rows
    from ctt_cli.views.status_table import print_status

    out_fmt = resolve(fmt, output, csv_sep)
    day = today(as_of)
    year = year or day.year
    wards = usable_wards(paths, Needs("plan", "units", "tasks", "progress", year=year))
    views = []
    picked: dict[int, str] = {}
    if unit:
        from ctt_cli.commands.unit_option import pick_unit  # the name matching: only with --unit

        picked = pick_unit(wards, unit)
    for ward in wards:
        unit_id = picked.get(id(ward))
        if unit and unit_id is None:
            continue
        view = compute_status(ward, year, day, due_within)
        views.append(
            (ward, filter_rows(view, ward, unit_id=unit_id, role=role.value, states=list(state or [])), unit_id)
        )

    def sheet() -> Any:  # the export module only for sheet formats (csv, json, xlsx): not for a table
        from ctt_cli.views.export import status_sheet

        return status_sheet(views)

    emit(out_fmt, output, csv_sep, sheet, lambda f: print_status(views, f, role.value))
    if fail_on:
        failing = {State.OVERDUE} if fail_on is FailOn.overdue else {State.OVERDUE, State.DUE_SOON}
        if any(r.state in failing for _, v, _ in views for r in v.rows):
            raise typer.Exit(1)
    wards.finish()
