"""ctt fmt: one canonical layout for every plan YAML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands.options import PathsArg, resolve_paths


def yaml_files(paths: list[Path]) -> list[Path]:
    return walk_yaml(paths)[0]


def walk_yaml(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The YAML files under ``paths``, and the folders that could not be read (with the reason): fmt
    must not call a tree "all formatted" when it could not look inside part of it."""
    import os

    out: list[Path] = []
    unreadable: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_file():
            out.append(path)
        elif path.is_dir():
            found: list[Path] = []
            for folder, _, names in os.walk(
                path, onerror=lambda e: unreadable.append((Path(e.filename), e.strerror or str(e)))
            ):
                found += [Path(folder) / n for n in names if n.endswith((".yaml", ".yml"))]
            out += sorted(found)
    return out, unreadable


def fmt(
    paths: PathsArg = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help=("Không ghi gì; liệt kê các tệp cần định dạng lại và trả mã thoát 1 nếu có (cho CI, pre-commit)."),
        ),
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Không ghi gì; in phần khác biệt (unified diff).")] = False,
    fix: Annotated[
        list[str] | None,
        typer.Option(
            "--fix",
            metavar="MÃ",
            help="Sửa luôn các cảnh báo có cách sửa máy móc: W401 (kiểu bỏ dấu theo settings.tone_style), "
            "W402 (tên đơn vị như trong danh mục), W403 (nháy thẳng → nháy cong), W404 (địa danh đầy đủ). "
            "Lặp lại hoặc ngăn bằng dấu phẩy; xem trước bằng --diff.",
        ),
    ] = None,
) -> None:
    """Định dạng các tệp YAML của kế hoạch theo một bố cục chuẩn.

    Thứ tự khóa theo lược đồ, thụt lề cố định, mỗi đoạn văn một dòng; giữ nguyên chú thích,
    dòng trống và mọi giá trị. Chạy lại không thay đổi gì; tệp chỉ được ghi khi nội dung đổi.
    Trước khi ghi, fmt đọc lại kết quả và so dữ liệu, chú thích; nếu không giữ được điều gì
    (hoặc tệp có chỉ thị %YAML, thẻ !!int, !tag...) thì báo lỗi và để nguyên tệp.

    Sửa luôn những gì trình soạn thảo làm hỏng mà không đổi nghĩa, và ghi rõ đã sửa gì: bỏ BOM,
    đổi xuống dòng CRLF (hoặc lẫn lộn) sang LF, chuyển chữ tổ hợp (NFD) sang chữ dựng sẵn (NFC).

    Không bao giờ tự sửa lời văn (văn bản đã ký giữ nguyên như đã viết), trừ khi chọn --fix.

    Ví dụ: ctt fmt --check
    Ví dụ: ctt fmt --fix W403,W401 --diff plans/le-thanh-nghi
    """
    import difflib
    import sys

    from ctt_cli.findings import Finding
    from ctt_cli.fsutil import MAX_BYTES, ReadError, WriteError, display_path, read_input, write_atomic
    from ctt_cli.model.kinds import kind_of
    from ctt_cli.views.console import error, note, print_findings
    from ctt_cli.workspace.formatted import Formatted

    fixes = None
    if fix:
        from ctt_cli.commands.fmt_fix import Fixes, parse_codes

        codes = parse_codes(fix)
        if isinstance(codes, str):
            error(f"--fix: không có cách sửa tự động cho '{codes}'; chỉ sửa được W401, W402, W403, W404")
            raise typer.Exit(2)
        fixes = Fixes(codes)
    targets = resolve_paths(paths)
    missing = [p for p in targets if not p.exists()]
    if missing:
        error(f"không tìm thấy {missing[0]}")
        raise typer.Exit(1)
    changed, failed = [], 0
    formatted = Formatted()
    files, unreadable = walk_yaml(targets)
    for folder, reason in unreadable:
        error(f"{display_path(folder)}: không đọc được thư mục ({reason}); các tệp trong đó chưa được định dạng")
        failed += 1
    for path in files:
        kind = kind_of(str(path))
        if kind is None:
            continue
        shown = display_path(path)
        try:
            raw = read_input(path, MAX_BYTES)
        except ReadError as exc:
            print_findings([Finding(shown, 0, 0, exc.code, exc.message)], "text", stderr=True)
            failed += 1
            continue
        if fixes is None and formatted.known(kind.name, raw):
            continue  # these very bytes were found formatted before (workspace/formatted.py)
        from ctt_cli.workspace.load import models  # what formatting needs: only for files not known
        from ctt_cli.yamlio import parse_yaml
        from ctt_cli.yamlio.canonical import format_checked
        from ctt_cli.yamlio.repair import repair
        from ctt_cli.yamlio.verify import Unkeepable

        fixed = repair(raw)
        source, findings = parse_yaml(fixed.data, shown, path, rt=True)
        if source is None:
            print_findings(findings, "text", stderr=True)
            failed += 1
            continue
        expect, fixed_counts = None, dict[str, int]()
        if fixes is not None:
            done = fixes.for_file(path, source.tree)
            if done is not None:
                expect, fixed_counts = done
        try:
            text = format_checked(source.text, source.tree, models().layout(kind.name), expect)
        except Unkeepable as exc:
            where = source.display + (f":{exc.line}" if exc.line else "") + (f":{exc.column}" if exc.column else "")
            error(f"{where}: không định dạng, tệp giữ nguyên: {exc.message}")
            failed += 1
            continue
        if text.encode("utf-8") == raw:
            if fixes is None:
                formatted.add(kind.name, raw)
            continue
        changed.append(source.display)
        notes = fixed.notes + [f"sửa {n} chỗ {code}" for code, n in sorted(fixed_counts.items()) if n]
        repaired = f" (đã {'; '.join(notes)})" if notes else ""
        if diff:
            before = raw.decode("utf-8", "replace")
            if notes:
                note(f"{source.display}: {'; '.join(notes)}")
            sys.stdout.writelines(
                difflib.unified_diff(
                    before.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=f"a/{source.display}",
                    tofile=f"b/{source.display}",
                )
            )
        elif check:
            needs = f" (cần {'; '.join(notes)})" if notes else ""
            note(f"cần định dạng lại: {source.display}{needs}")
        else:
            try:
                write_atomic(path, text.encode("utf-8"), replace_input=True)
            except WriteError as exc:
                error(str(exc))
                failed += 1
                continue
            formatted.add(kind.name, text.encode("utf-8"))  # verified stable: formatting it again keeps it
            note(f"đã định dạng: {source.display}{repaired}")
    formatted.save()
    if not changed and not failed:
        note("Mọi tệp đã đúng định dạng.")
    if failed or ((check or diff) and changed):
        raise typer.Exit(1)
