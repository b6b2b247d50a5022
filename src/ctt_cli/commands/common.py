"""What the commands share after parsing: run the pipeline, print what it found, write files."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import typer

from ctt_cli.commands.options import resolve_paths, today
from ctt_cli.model.layout import REQUIRED, YEAR_FILE, YEARLY, Needs

if TYPE_CHECKING:
    from ctt_cli.findings import Finding
    from ctt_cli.model.ward import CheckedWard
    from ctt_cli.workspace.pipeline import WardResult


class Usable:
    """The wards a command can work on, and whether some were left out for their errors."""

    def __init__(self, wards: list[CheckedWard], failed: int) -> None:
        self.wards = wards
        self.failed = failed

    def __iter__(self):
        return iter(self.wards)

    def __getitem__(self, i: int) -> CheckedWard:
        return self.wards[i]

    def __len__(self) -> int:
        return len(self.wards)

    def finish(self) -> None:
        """End of a command: exit 1 when some ward was left out because of its errors."""
        if self.failed:
            raise typer.Exit(1)


def usable_wards(paths: list[Path] | None, needs: Needs | None = None) -> Usable:
    """Run the pipeline with models and keep the wards a command can work on. ``needs`` names the files
    the command reads (all by default): a ward with errors in those is reported on stderr and left out;
    errors only in the other files are reported and the ward goes on. Exit 1 at once when no ward is
    usable."""
    from ctt_cli.views.console import error, note, print_findings
    from ctt_cli.workspace.pipeline import Options, check_paths

    checked = check_paths(resolve_paths(paths), Options(today(None), need_models=True))
    print_findings(checked.findings, "text", stderr=True)
    good = []
    for result in checked:
        if result.checked is not None:
            good.append(result.checked)
            _register_inputs(result.checked)
            continue
        blocking = [f for f in result.errors if needs is None or needs.covers(file_key(result, f))]
        ward = result.ward.checked_without(needs) if result.ward is not None and not blocking else None
        print_findings(result.errors, "text", result.texts, stderr=True)
        if ward is not None:
            good.append(ward)
            _register_inputs(ward)
            note(
                f"{result.display}: {len(result.errors)} lỗi ở các tệp lệnh này không dùng; vẫn tiếp tục. "
                "Chạy 'ctt validate' để xem chi tiết"
            )
            continue
        error(
            f"{result.display}: dữ liệu kế hoạch có {len(blocking or result.errors)} lỗi, bỏ qua phường này; "
            "chạy 'ctt validate' để xem chi tiết"
        )
    if not good:
        raise typer.Exit(1)
    return Usable(good, len(checked.results) - len(good) + len(checked.findings))


def _register_inputs(ward) -> None:
    """The ward's files are this run's input even when they came from the cache or a worker process:
    no output may replace them."""
    from ctt_cli.fsutil import register_input

    for source in ward.sources.values():
        register_input(source.path)
    if ward.root.is_dir():
        for path in ward.root.rglob("*.y*ml"):
            register_input(path)


def file_key(result: WardResult, finding: Finding) -> str:
    """The key of the file a finding is in: "plan", "progress/2026", "criteria" (or "" when unknown)."""
    ward = result.ward
    if ward is not None:
        for key, source in ward.sources.items():
            if source.display == finding.file:
                return key
    name = PurePosixPath(finding.file.replace("\\", "/"))
    root = PurePosixPath(result.display.replace("\\", "/"))
    try:
        inside = name.relative_to(root)
    except ValueError:
        plan = ward.plan if ward is not None else None
        if plan is not None and plan.criteria_set and name.name == PurePosixPath(plan.criteria_set).name:
            return "criteria"
        return ""
    if len(inside.parts) == 1 and inside.stem in REQUIRED:
        return inside.stem
    if len(inside.parts) == 1 and inside.name in YEARLY:  # the folder itself (unreadable): every year of it
        return inside.name
    if len(inside.parts) == 2 and inside.parts[0] in YEARLY and YEAR_FILE.match(inside.name):
        return f"{inside.parts[0]}/{inside.stem}"
    return ""


def write_or_exit(path: Path, data: bytes, *, replace_input: bool = False) -> None:
    """Write a file atomically; on failure, say why in Vietnamese and exit 1. ``replace_input``: the
    command means to rewrite a plan file it read (record, score import/set), never an output path."""
    from ctt_cli.fsutil import WriteError, write_atomic
    from ctt_cli.views.console import error

    try:
        write_atomic(path, data, replace_input=replace_input)
    except WriteError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
