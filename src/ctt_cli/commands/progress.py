"""ctt progress sheet | import: the year's progress out to each unit as an Excel sheet, and back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands.options import PathsArg, Year

progress_app = typer.Typer(
    help="Tiến độ thực hiện: xuất bảng tiến độ (.xlsx) cho đơn vị điền và đọc lại.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _lines(ward, year: int, unit_id: str | None):
    from ctt_cli.render.appendix import lead_cell
    from ctt_cli.sheets.progress_sheet import Line
    from ctt_cli.status import compute_status, filter_rows, role_of

    view = compute_status(ward, year, dt.date(year, 12, 31))
    if unit_id:
        view = filter_rows(view, ward, unit_id=unit_id, role="any", states=[])
    groups = {u.id for u in ward.units if u.kind == "nhom"}
    lines = []
    for r in view.rows:
        if r.occurrence is None:
            continue
        part = role_of(r.task, unit_id, groups) if unit_id else None
        role = (
            None if part is None else ("chủ trì" if part[0] == "lead" else "phối hợp") + (" (chung)" if part[1] else "")
        )
        lines.append(
            Line(
                r.task.id,
                r.occurrence.key,
                r.occurrence.label,
                r.task.text,
                lead_cell(ward, r.task),
                role,
                r.occurrence.due,
                r.record,
            )
        )
    lines.sort(key=lambda x: (x.task, x.key))
    return lines


@progress_app.command("sheet")
def progress_sheet(
    year: Year,
    paths: PathsArg = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            metavar="ĐƠN_VỊ",
            help=("Chỉ nhiệm vụ đơn vị này chủ trì hoặc phối hợp (mã, tên, tên ngắn)."),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", metavar="TỆP.xlsx", help="Tệp cần ghi (mặc định: tien-do-NĂM.xlsx)."),
    ] = None,
) -> None:
    """Xuất bảng tiến độ năm (.xlsx): mỗi kỳ của mỗi nhiệm vụ một dòng, trạng thái chọn trong danh sách.

    Với --unit: chỉ các nhiệm vụ đơn vị chủ trì hoặc phối hợp, để mỗi đơn vị điền bảng của mình;
    Phòng Văn hóa - Xã hội đọc lại từng bảng bằng 'ctt progress import'.

    Ví dụ: ctt progress sheet --year 2026 --unit "Trung tâm Phục vụ hành chính công" -o tien-do-tt.xlsx
    """
    from ctt_cli.commands.common import write_or_exit
    from ctt_cli.commands.score_sheet import _one_ward
    from ctt_cli.commands.unit_option import pick_unit
    from ctt_cli.sheets.progress_sheet import build_sheet
    from ctt_cli.views.console import error, note

    ward = _one_ward(paths, need_criteria=False)
    unit_id = unit_name = None
    if unit:
        unit_id = pick_unit([ward], unit)[id(ward)]
        unit_name = next(u.name for u in ward.units if u.id == unit_id)
    out = output or Path(f"tien-do-{year}.xlsx")
    if out.suffix.lower() != ".xlsx":
        error(f"{out}: bảng tiến độ ghi ra tệp .xlsx")
        raise typer.Exit(2)
    lines = _lines(ward, year, unit_id)
    write_or_exit(out, build_sheet(lines, year, ward.name, unit_name))
    note(f"đã ghi {out} ({len(lines)} dòng)")


@progress_app.command("import")
def progress_import(
    file: Annotated[Path, typer.Argument(metavar="TỆP.xlsx", help="Bảng tiến độ đã điền.")],
    year: Year,
    paths: PathsArg = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ cho xem thay đổi, không ghi.")] = False,
) -> None:
    """Đọc bảng tiến độ đã điền (.xlsx) vào progress/NĂM.yaml.

    Mọi ô được kiểm tra trước; có ô sai thì nêu đúng ô (ví dụ 'Tiến độ!G7: trạng thái ...') và không
    ghi gì. Ô để trống: giữ nguyên dữ liệu đã có. Chú thích trong tệp YAML được giữ nguyên.

    Ví dụ: ctt progress import tien-do-tt.xlsx --year 2026 --dry-run
    """
    from ctt_cli.commands.score_sheet import _one_ward, _write_checked
    from ctt_cli.fsutil import ReadError, read_input
    from ctt_cli.record import RecordError, apply_record
    from ctt_cli.schedule import task_occurrences
    from ctt_cli.sheets.progress_sheet import SHEET, SheetError, read_sheet
    from ctt_cli.views.console import error
    from ctt_cli.yamlio import roundtrip

    ward = _one_ward(paths, need_criteria=False)
    occurrences = task_occurrences(ward.plan, ward.tasks, year)
    known = {(t, o.key): len(occs) for t, occs in occurrences.items() for o in occs}
    try:
        entries, problems = read_sheet(read_input(file, 50_000_000), year, known)
    except (ReadError, SheetError) as exc:
        error(f"{file}: {exc}")
        raise typer.Exit(1) from None
    path = ward.root / "progress" / f"{year}.yaml"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    tree = roundtrip.load(text or f"year: {year}\nrecords:\n")
    documents = {d.id for d in ward.documents}
    changes: list[str] = []
    for row, entry in entries:
        try:
            changes += apply_record(tree, entry, year, documents)
        except RecordError as exc:
            problems.append(f"{SHEET}!G{row}: {exc}")
            continue
        record = next(
            (
                r
                for r in tree.get("records") or []
                if str(r.get("task")) == entry.task and (r.get("occurrence") or None) == entry.occurrence
            ),
            None,
        )
        if entry.state == "hoàn thành" and record is not None and not record.get("completed"):
            problems.append(f"{SHEET}!H{row}: nhiệm vụ {entry.task} 'hoàn thành' cần ngày hoàn thành")
    if problems:
        for p in problems:
            error(p)
        error(f"{file}: {len(problems)} ô không hợp lệ; không ghi gì")
        raise typer.Exit(1)
    _write_checked(ward, path, text, roundtrip.dump(tree), changes, dry_run)
