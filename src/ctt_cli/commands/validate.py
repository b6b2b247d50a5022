"""ctt validate: check the plan data and report every problem."""

from __future__ import annotations

from typing import Annotated

import typer

from ctt_cli.checks import CheckName
from ctt_cli.commands.options import AsOf, FindingFormatOpt, PathsArg, resolve_paths, today
from ctt_cli.commands.to_file import FileOpt, captured, emit_text, pick
from ctt_cli.views.formats import FindingFormat


def validate(
    paths: PathsArg = None,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi (mã thoát 1).")] = False,
    fmt: FindingFormatOpt = None,
    only: Annotated[
        list[CheckName] | None, typer.Option("--check", help=("Chỉ chạy kiểm tra có tên này (lặp lại được)."))
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=("Kiểm tra lại từ đầu, không dùng kết quả đã lưu của các tệp không đổi."))
    ] = False,
    as_of: AsOf = None,
    show_ignored: Annotated[
        bool,
        typer.Option(
            "--show-ignored",
            help="In cả các cảnh báo được bỏ qua có lý do (ignore trong dữ liệu hoặc settings.ignore), kèm lý do.",
        ),
    ] = False,
    output: FileOpt = None,
) -> None:
    """Kiểm tra dữ liệu kế hoạch: cú pháp YAML, lược đồ, tham chiếu, hạn, chính tả tiếng Việt.

    Một tệp hoặc thư mục bộ tiêu chí (ví dụ plans/criteria) được kiểm tra riêng: cú pháp, lược đồ,
    cấu trúc (mã, tổng điểm, quy tắc mức độ).

    Báo TẤT CẢ lỗi và cảnh báo trong một lần chạy, mỗi dòng dạng
    'tệp:dòng:cột: lỗi|cảnh báo MÃ: thông điệp [đường dẫn dữ liệu]'.
    Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc có cảnh báo khi dùng --strict); 2 sai cú pháp lệnh.

    Cảnh báo được bỏ qua có lý do (ignore: [{code: W402, reason: "văn bản đã ký"}] trên mục dữ liệu,
    hoặc settings.ignore trong plan.yaml) không được in, chỉ đếm; --strict không tính chúng.

    Ví dụ: ctt validate plans/le-thanh-nghi --strict
    Ví dụ: ctt validate --show-ignored
    Ví dụ: ctt validate plans/criteria/qd-5049-minh-hoa.yaml
    Ví dụ: ctt validate plans/ -o kiem-tra.md
    """
    from ctt_cli.views.console import note, print_findings, summary_line
    from ctt_cli.workspace.discover import split_paths
    from ctt_cli.workspace.pipeline import Options, check_paths

    fmt = pick(fmt, output, {".json": FindingFormat.json, ".md": FindingFormat.md}, FindingFormat.text)
    ward_paths, criteria_files = split_paths(resolve_paths(paths))
    checked = (
        check_paths(ward_paths, Options(today(as_of), only=tuple(only) if only else None, use_cache=not no_cache))
        if ward_paths
        else None
    )
    if checked is None:
        from ctt_cli.workspace.pipeline import Checked

        checked = Checked([])
    seen = {label for result in checked for label in result.texts}  # a set some ward uses is checked with it
    if criteria_files:
        from ctt_cli.workspace.criteria_alone import check_criteria_file

        checked.results += [
            check_criteria_file(p, today(as_of))
            for p in criteria_files
            if not any(label.endswith(p.as_posix()) or p.as_posix().endswith(label) for label in seen)
        ]

    def report() -> None:
        for result in checked:
            if fmt is FindingFormat.text:
                print_findings(result.findings, "text", result.texts)
                if show_ignored:
                    print_findings(with_reasons(result.ignored), "text")
                note(f"{result.display} ({result.name}): {summary_line(result.findings)}{ignored_note(result.ignored)}")
        if fmt is FindingFormat.text:
            print_findings(checked.findings, "text")
            if len(checked.results) != 1:
                total = summary_line(checked.all_findings) + ignored_note(checked.ignored)
                note(f"Tổng cộng {len(checked.results)} kế hoạch: {total}")
        else:
            print_findings(checked.all_findings + (checked.ignored if show_ignored else []), fmt.value)

    if output is None:
        report()
    else:  # the findings to the file (written even when there are errors: that is the report), notes on stderr
        emit_text(captured(report), output)
    errors, warnings = checked.counts()
    if errors or (strict and warnings):
        raise typer.Exit(1)


def ignored_note(ignored: list) -> str:
    return f" ({len(ignored)} cảnh báo được bỏ qua có lý do)" if ignored else ""


def with_reasons(ignored: list) -> list:
    """The suppressed findings, their message ending with the reason they are kept."""
    return [f._replace(message=f"{f.message} — bỏ qua: {f.ignored}") for f in ignored]
