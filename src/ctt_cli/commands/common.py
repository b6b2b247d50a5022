"""Options and helpers shared by the commands."""

from __future__ import annotations

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


def load_checked(paths: list[Path] | None):
    """Load and check every ward; print errors on stderr and exit 1 if any ward has errors.

    Returns the list of wards (all valid)."""
    from ctt_cli.checks import run_checks
    from ctt_cli.findings import Severity
    from ctt_cli.output import error, print_findings
    from ctt_cli.workspace import load_workspace

    ws = load_workspace(resolve_paths(paths))
    bad = list(ws.findings)
    for ward in ws.wards:
        bad += [f for f in run_checks(ward) if f.severity is Severity.ERROR]
    if bad:
        print_findings(bad, "text", stderr=True)
        error(f"dữ liệu kế hoạch có {len(bad)} lỗi; chạy 'ctt validate' để xem chi tiết")
        raise typer.Exit(1)
    return ws.wards
