"""ctt validate: check the plan data and report every problem."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ctt_cli.commands.common import PathsArg, resolve_paths


class FindingFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def validate(
    paths: PathsArg = None,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi (mã thoát 1).")] = False,
    fmt: Annotated[FindingFormat, typer.Option("--format", "-f", help=(
        "text: cho người đọc; json: danh sách phát hiện (code, severity, file, line, column, path, "
        "message, hint); github: chú thích GitHub Actions."))] = FindingFormat.text,
    only: Annotated[list[str] | None, typer.Option("--check", help=(
        "Chỉ chạy kiểm tra có tên này (lặp lại được): ids, refs, encoding, tone, units, quotes, place, "
        "citations, draft, objectives, deadlines, progress, criteria, scores, reports, years."))] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=(
        "Kiểm tra lại từ đầu, không dùng kết quả đã lưu của các tệp không đổi."))] = False,
) -> None:
    """Kiểm tra dữ liệu kế hoạch: cú pháp YAML, lược đồ, tham chiếu, hạn, chính tả tiếng Việt.

    Báo TẤT CẢ lỗi và cảnh báo trong một lần chạy, mỗi dòng dạng
    'tệp:dòng:cột: lỗi|cảnh báo MÃ: thông điệp [đường dẫn dữ liệu]'.
    Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc có cảnh báo khi dùng --strict); 2 sai cú pháp lệnh.

    Ví dụ: ctt validate plans/le-thanh-nghi --strict
    """
    from ctt_cli import cache
    from ctt_cli.batch import map_wards
    from ctt_cli.findings import CHECK_NAMES, count
    from ctt_cli.output import error, note, print_findings, summary_line
    from ctt_cli.paths import find_roots

    unknown = [name for name in only or [] if name not in CHECK_NAMES]
    if unknown:
        error(f"không có kiểm tra tên '{unknown[0]}'; các tên hợp lệ: {', '.join(CHECK_NAMES)}")
        raise typer.Exit(2)
    roots, missing = find_roots(resolve_paths(paths))
    use_cache = not no_cache and not only
    hits = cache.lookup(roots) if use_cache else {}
    todo = [r for r in roots if r not in hits]
    if todo:
        from ctt_cli.checks import validate_ward  # loads the models: only when something changed

        fresh = dict(zip(todo, map_wards(validate_ward, todo, tuple(only) if only else None), strict=True))
        if use_cache:
            for root, report in fresh.items():
                cache.store(root, report)
        hits.update(fresh)
    reports = [hits[r] for r in roots]
    findings = list(missing)
    for report in reports:
        findings += report.findings
        if fmt is FindingFormat.text:
            print_findings(report.findings, "text", report.texts)
            note(f"{report.display} ({report.name}): {summary_line(report.findings)}")
    if fmt is FindingFormat.text:
        print_findings(missing, "text")
        if len(reports) != 1:
            note(f"Tổng cộng {len(reports)} kế hoạch: {summary_line(findings)}")
    else:
        print_findings(findings, fmt.value)
    errors, warnings = count(findings)
    if errors or (strict and warnings):
        raise typer.Exit(1)
