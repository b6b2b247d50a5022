"""ctt diff: what changed in meaning between two versions of the plan data."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ctt_cli.commands.options import ThisYearByDefault
from ctt_cli.commands.to_file import FileOpt, emit_text, pick


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def split_revs(revs: list[str]) -> tuple[str, str | None]:
    """(from, to); to None means the working tree."""
    if not revs:
        return "HEAD", None
    if len(revs) == 1 and ".." in revs[0]:
        a, _, b = revs[0].partition("..")
        return a or "HEAD", b or "HEAD"
    if len(revs) == 1:
        return revs[0], None
    if len(revs) == 2:
        return revs[0], revs[1]
    raise typer.BadParameter("cần 0, 1 hoặc 2 phiên bản git")


def diff(
    revs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[REV_A [REV_B]]",
            help=(
                "Phiên bản git: không có = HEAD so với thư mục làm việc; một = REV so với thư mục làm việc; "
                "hai, hoặc 'main..HEAD' = so hai phiên bản."
            ),
            show_default=False,
        ),
    ] = None,
    plans: Annotated[
        Path | None,
        typer.Option(
            "--plans",
            help=("Thư mục dữ liệu kế hoạch trong kho git. Mặc định: plans/ ở gốc kho (chạy được từ thư mục con)."),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        DiffFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "text: cho người đọc; md: dán làm bình luận pull request; json: cho máy. "
                "Mặc định: theo đuôi tệp -o (.md, .json, .txt), không thì text."
            ),
        ),
    ] = None,
    order: Annotated[bool, typer.Option("--order", help="Báo cả thay đổi thứ tự (mặc định bỏ qua).")] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Mã thoát 1 khi có thay đổi.")] = False,
    year: ThisYearByDefault = None,
    output: FileOpt = None,
) -> None:
    """So sánh dữ liệu kế hoạch giữa hai phiên bản git theo nghĩa, không theo dòng chữ.

    Nhiệm vụ, đơn vị, văn bản, tiêu chí được so theo mã; đổi thứ tự không tính là thay đổi.
    Kết quả nói bằng ngôn ngữ của kế hoạch, ví dụ: "Nhiệm vụ 5: thời gian thực hiện
    'Trước ngày 15/11 hằng năm' → 'Trước ngày 30/11 hằng năm' (hạn 2026: 13/11 → 27/11)".

    Ví dụ: ctt diff main..HEAD --format md

    Ví dụ: ctt diff main..HEAD -o thay-doi.md
    """
    import json
    import os

    from ctt_cli.diff.semantic import diff_wards
    from ctt_cli.diff.words import describe, score_summary
    from ctt_cli.views.console import error, note
    from ctt_cli.workspace.pipeline import load_paths
    from ctt_cli.workspace.readers import DiskReader, GitError, GitReader, repo_root

    fmt = pick(fmt, output, {".md": DiffFormat.md, ".json": DiffFormat.json, ".txt": DiffFormat.text}, DiffFormat.text)
    a, b = split_revs(list(revs or []))
    label_b = b or "thư mục làm việc"
    try:
        top = repo_root()
        # every path relative to the repository's top folder, whichever folder ctt runs from
        target = Path(os.path.realpath(plans if plans is not None else top / "plans"))
        try:
            rel = Path(target.relative_to(top).as_posix() or ".")
        except ValueError:
            error(f"--plans {plans}: thư mục nằm ngoài kho git {top}")
            raise typer.Exit(1) from None
        old_reader = GitReader(a, cwd=top)
        new_reader, new_path = (GitReader(b, cwd=top), rel) if b else (DiskReader(), top / rel)
        if not old_reader.is_dir(rel) and not new_reader.is_dir(new_path):
            error(
                f"không có thư mục dữ liệu kế hoạch {rel.as_posix()} ở {a} lẫn {label_b} "
                f"(--plans {plans if plans is not None else 'mặc định plans/'})"
            )
            raise typer.Exit(1)
        old_wards, _ = load_paths([rel], old_reader)
        new_wards, _ = load_paths([new_path], new_reader)
    except GitError as exc:
        error(f"git: {exc}")
        raise typer.Exit(1) from None
    ref_year = year or dt.date.today().year

    def key(ward) -> str:
        root = Path(ward.root)
        return Path(os.path.relpath(root, top)).as_posix() if root.is_absolute() else root.as_posix()

    old_by = {key(w): w for w in old_wards}
    new_by = {key(w): w for w in new_wards}
    report: list[dict[str, Any]] = []
    for root in list(old_by) + [r for r in new_by if r not in old_by]:
        old, new = old_by.get(root), new_by.get(root)
        changes = diff_wards(old, new, order=order)
        entries = [
            {
                "file": c.file,
                "kind": c.kind,
                "path": list(c.path),
                "old": c.old,
                "new": c.new,
                "message": message,
            }
            for c in changes
            if (message := describe(c, old, new, ref_year))  # "": nothing a reader sees changed
        ]
        for file in sorted({c.file for c in changes if c.file.startswith("scores/")}):
            summary = score_summary(old, new, int(file.split("/")[1]))
            if summary:
                entries.append(
                    {"file": file, "kind": "summary", "path": [], "old": None, "new": None, "message": summary}
                )
        broken = [f for w in (old, new) if w for f in w.errors]
        ward_now = new or old
        assert ward_now is not None  # the root came from one of the two sides
        name = ward_now.name
        if entries or broken:
            report.append({"ward": name, "path": root, "changes": entries, "errors": len(broken)})
    if fmt is DiffFormat.json:
        emit_text(json.dumps({"from": a, "to": b, "wards": report}, ensure_ascii=False, indent=2, default=str), output)
    else:
        out = []
        if fmt is DiffFormat.md:
            out.append(f"### Thay đổi dữ liệu kế hoạch ({a} → {label_b})\n")
        for ward in report:
            out.append(
                f"#### {ward['ward']} (`{ward['path']}`)"
                if fmt is DiffFormat.md
                else f"{ward['ward']} ({ward['path']}):"
            )
            out += [f"- {c['message']}" if fmt is DiffFormat.md else f"  - {c['message']}" for c in ward["changes"]]
            if ward["errors"]:
                out.append(
                    f"- ⚠ {ward['errors']} lỗi dữ liệu: chạy `ctt validate`"
                    if fmt is DiffFormat.md
                    else f"  ! {ward['errors']} lỗi dữ liệu: chạy 'ctt validate'"
                )
            out.append("")
        if not report:
            out.append(
                "Không có thay đổi về nội dung." if fmt is DiffFormat.text else "Không có thay đổi về nội dung.\n"
            )
        emit_text("\n".join(out).rstrip("\n"), output)
    if not report:
        note(f"{a} → {label_b}: không có thay đổi về nội dung")
    if exit_code and any(w["changes"] for w in report):
        raise typer.Exit(1)
