"""Options and helpers shared by the commands."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_PLANS = Path("plans")

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Thư mục kế hoạch của phường, hoặc thư mục chứa nhiều phường. Mặc định: plans/",
                   show_default=False),
]


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


FormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help="Định dạng đầu ra")]


def resolve_paths(paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else [DEFAULT_PLANS]


@dataclass
class Loaded:
    """The wards that loaded without errors, and how many did not."""

    wards: list
    failed: int

    def __iter__(self):
        return iter(self.wards)

    def __getitem__(self, i):
        return self.wards[i]

    def __len__(self) -> int:
        return len(self.wards)

    def finish(self) -> None:
        """End of a command: exit 1 when some ward was left out because of its errors."""
        if self.failed:
            raise typer.Exit(1)


def load_checked(paths: list[Path] | None) -> Loaded:
    """Load and check every ward. A ward with errors is reported on stderr and left out;
    the others go on. Exit 1 at once when no ward is usable."""
    from ctt_cli import cache
    from ctt_cli.checks import report_for, run_checks
    from ctt_cli.findings import Severity
    from ctt_cli.output import error, print_findings
    from ctt_cli.workspace import load_workspace

    ws = load_workspace(resolve_paths(paths))
    print_findings(ws.findings, "text", stderr=True)
    known = cache.lookup([w.root for w in ws.wards])
    good = []
    for ward in ws.wards:
        if ward.root in known:
            findings = known[ward.root].findings
        else:
            findings = run_checks(ward)
            cache.store(ward.root, report_for(ward.root, ward, findings))
        bad = [f for f in findings if f.severity is Severity.ERROR]
        if bad:
            print_findings(bad, "text", stderr=True)
            error(f"{ward.display}: dữ liệu kế hoạch có {len(bad)} lỗi, bỏ qua phường này; "
                  "chạy 'ctt validate' để xem chi tiết")
        else:
            good.append(ward)
    if not good:
        raise typer.Exit(1)
    return Loaded(good, len(ws.wards) - len(good) + len(ws.findings))


def write_or_exit(path: Path, data: bytes) -> None:
    """Write a file atomically; on failure, say why in Vietnamese and exit 1."""
    from ctt_cli.fsutil import WriteError, write_atomic
    from ctt_cli.output import error

    try:
        write_atomic(path, data)
    except WriteError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
