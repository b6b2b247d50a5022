"""ctt score sheet | import | set: the Biểu chấm điểm out to Excel and back, and one score by command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from ctt_cli.commands.options import PathsArg, Year


class ScoreGroup(TyperGroup):
    """`ctt score [PATHS] --year …` without a subcommand runs `ctt score show` (the score table),
    so that the command keeps working as before it became a group."""

    def parse_args(self, ctx, args):
        if not args or args[0] not in self.commands:
            args = ["show", *args]
        return super().parse_args(ctx, args)


def _one_ward(paths, need_criteria: bool = True):
    from ctt_cli.commands.common import usable_wards
    from ctt_cli.views.console import error

    wards = usable_wards(paths)
    if len(wards) != 1:
        error(f"lệnh này ghi dữ liệu của một phường; đường dẫn đã cho có {len(wards)} phường, hãy chỉ rõ một")
        raise typer.Exit(2)
    ward = wards[0]
    if need_criteria and ward.criteria is None:
        error(f"{ward.name}: chưa có bộ tiêu chí (plan.yaml: criteria_set)")
        raise typer.Exit(1)
    return ward


def score_sheet(
    year: Year,
    paths: PathsArg = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", metavar="TỆP.xlsx", help="Tệp Excel cần ghi (mặc định: bieu-cham-diem-NĂM.xlsx)."
        ),
    ] = None,
) -> None:
    """Xuất Biểu chấm điểm (.xlsx) để điền điểm tự chấm, tài liệu kiểm chứng, giải trình.

    Dòng nhóm và dòng tổng là công thức SUM; ô nhập (nền vàng) được mở khóa và kiểm tra
    (0 ≤ điểm ≤ tối đa, đúng bước chấm); các ô khác bị khóa (bảo vệ trang không mật khẩu).
    Điểm đã có trong scores/NĂM.yaml được điền sẵn. Đọc lại bằng 'ctt score import'.

    Ví dụ: ctt score sheet --year 2026 -o bieu-cham-diem-2026.xlsx
    """
    from ctt_cli.commands.common import write_or_exit
    from ctt_cli.model.scores import ScoresFile
    from ctt_cli.scoring import compute_score
    from ctt_cli.sheets.score_sheet import build_sheet
    from ctt_cli.views.console import note

    ward = _one_ward(paths)
    scores = ward.scores(year) or ScoresFile(year=year, criteria_set=ward.criteria.id, status="official")
    target = ward.plan.target(year)
    view = compute_score(ward.criteria, scores, target.level if target else None)
    out = output or Path(f"bieu-cham-diem-{year}.xlsx")
    if out.suffix.lower() != ".xlsx":
        from ctt_cli.views.console import error

        error(f"{out}: Biểu chấm điểm ghi ra tệp .xlsx")
        raise typer.Exit(2)
    write_or_exit(out, build_sheet(view, ward.name))
    note(f"đã ghi {out}" + (" (MINH HỌA)" if view.illustrative else ""))


def _write_checked(
    ward, path: Path, old: str, new: str, changes: list[str], dry_run: bool, also: dict[Path, str] | None = None
) -> None:
    """Show the changes, check the ward with the new text (and the other files in ``also``), then
    write them (unless dry run), each atomically, ``also`` first."""
    from ctt_cli.commands.common import write_or_exit
    from ctt_cli.fsutil import display_path
    from ctt_cli.views.console import error, note, print_findings
    from ctt_cli.workspace.overlay import check_edits

    if (new == old or not changes) and not also:
        note(f"{display_path(path)}: không có gì thay đổi")
        return
    typer.echo(f"Thay đổi trong {display_path(path)}:")
    for line in changes:
        typer.echo(f"  {line}")
    texts = {**(also or {}), path: new}
    result = check_edits(ward.root, texts, dt.date.today())
    if result.errors:
        print_findings(result.errors, "text", result.texts, stderr=True)
        error(f"dữ liệu sau khi sửa có {len(result.errors)} lỗi; không ghi gì")
        raise typer.Exit(1)
    if dry_run:
        note("chạy thử (--dry-run): chưa ghi gì")
        return
    for target, text in texts.items():
        write_or_exit(target, text.encode("utf-8"), replace_input=True)  # the plan's own files, edited
        note(f"đã ghi {display_path(target)}")


def _scores_tree(ward, year: int):
    """The scores file's path, its text ('' when missing) and its round-trip tree (a new file's
    skeleton when missing: the ward's own scores, status official)."""
    from ctt_cli.yamlio import roundtrip

    path = ward.root / "scores" / f"{year}.yaml"
    if not path.is_file():
        return path, "", roundtrip.load(f"year: {year}\ncriteria_set: {ward.criteria.id}\nstatus: official\nscores:\n")
    text = path.read_text(encoding="utf-8")
    return path, text, roundtrip.load(text)


def score_import(
    file: Annotated[Path, typer.Argument(metavar="TỆP.xlsx", help="Biểu chấm điểm đã điền.")],
    year: Year,
    paths: PathsArg = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ cho xem thay đổi, không ghi.")] = False,
) -> None:
    """Đọc Biểu chấm điểm đã điền (.xlsx) vào scores/NĂM.yaml.

    Mọi ô được kiểm tra trước; có ô sai thì nêu đúng ô (ví dụ 'Biểu chấm điểm!D14: điểm 12
    vượt tối đa 10') và không ghi gì. Chú thích và các giá trị không đổi trong tệp YAML được giữ
    nguyên; các thay đổi được in ra trước khi ghi.

    Ví dụ: ctt score import bieu-cham-diem-2026.xlsx --year 2026 --dry-run
    """
    from ctt_cli.fsutil import ReadError, read_input
    from ctt_cli.sheets.score_import import SheetError, apply, read_sheet
    from ctt_cli.views.console import error
    from ctt_cli.yamlio import roundtrip

    ward = _one_ward(paths)
    try:
        data = read_input(file, 50_000_000)
        filled, problems = read_sheet(data, ward.criteria, year)
    except (ReadError, SheetError) as exc:
        error(f"{file}: {exc}")
        raise typer.Exit(1) from None
    if problems:
        for p in problems:
            error(p)
        error(f"{file}: {len(problems)} ô không hợp lệ; không ghi gì")
        raise typer.Exit(1)
    path, text, tree = _scores_tree(ward, year)
    changes = apply(tree, filled, ward.criteria)
    _write_checked(ward, path, text, roundtrip.dump(tree), changes, dry_run)


def score_set(
    criterion: Annotated[str, typer.Argument(metavar="TIÊU_CHÍ", help="Mã tiêu chí, ví dụ 1.2.")],
    value: Annotated[
        str, typer.Argument(metavar="ĐIỂM", help="Điểm tự chấm (7,5 hoặc 7.5); 'đạt' / 'không đạt'; 'chưa chấm'.")
    ],
    year: Year,
    paths: PathsArg = None,
    evidence: Annotated[
        str | None, typer.Option("--evidence", help="Tài liệu kiểm chứng (mỗi dòng một tài liệu).")
    ] = None,
    explain: Annotated[str | None, typer.Option("--explain", help="Giải trình (bắt buộc khi bị trừ điểm).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ cho xem thay đổi, không ghi.")] = False,
) -> None:
    """Ghi điểm tự chấm của một tiêu chí vào scores/NĂM.yaml (dấu phẩy thập phân được chấp nhận).

    Ví dụ: ctt score set 1.2 7,5 --year 2026 --explain "2 phản ánh xử lý quá hạn"
    """
    from ctt_cli.sheets.score_import import Filled, _cell_value, _evidence_of, apply
    from ctt_cli.views.console import error
    from ctt_cli.vn.text import name_key
    from ctt_cli.yamlio import roundtrip

    ward = _one_ward(paths)
    crit = ward.criteria.find(criterion.strip())
    if crit is None or not crit.is_leaf:
        what = "là nhóm, chỉ chấm tiêu chí thành phần" if crit else "không có trong bộ tiêu chí"
        error(f"tiêu chí '{criterion}' {what} ({ward.criteria.id})")
        raise typer.Exit(1)
    problems: list[str] = []
    raw = None if name_key(value) in ("chưa chấm", "chua cham", "") else value
    got = _cell_value(crit, raw, f"điểm tiêu chí {crit.id}", problems)
    if problems:
        for p in problems:
            error(p)
        raise typer.Exit(1)
    path, text, tree = _scores_tree(ward, year)
    entry = next((e for e in tree.get("scores") or [] if str(e.get("criterion")) == crit.id), None)
    old_ev = _evidence_of(entry) if entry is not None else ""
    old_x = entry.get("explanation") if entry is not None else None
    appraisal = None
    if entry is not None:
        appraisal = entry.get("appraisal_passed" if crit.scoring.kind == "pass_fail" else "appraisal")
    filled = Filled(
        crit,
        got,
        evidence if evidence is not None else (old_ev or None),
        explain if explain is not None else old_x,
        appraisal,
    )
    changes = apply(tree, [filled], ward.criteria)
    _write_checked(ward, path, text, roundtrip.dump(tree), changes, dry_run)
