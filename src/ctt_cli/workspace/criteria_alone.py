"""Checking criteria sets on their own (`ctt validate plans/criteria`, `ctt validate bo-tieu-chi.yaml`):
the person who types in a decision's criteria set checks it before any ward uses it. Which paths are
criteria files is ``discover.split_paths``'s call."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ctt_cli.checks.registry import run_checks
from ctt_cli.fsutil import display_path
from ctt_cli.model.ward import Ward
from ctt_cli.workspace.load import _criteria
from ctt_cli.workspace.pipeline import WardResult, _texts
from ctt_cli.workspace.readers import DiskReader, MemoReader, Reader


def check_criteria_file(path: Path, as_of: dt.date, reader: Reader | None = None) -> WardResult:
    """A criteria set checked alone: its syntax, schema and structure (no ward, no documents)."""
    memo = MemoReader(reader or DiskReader())
    ward = Ward(root=path.parent, display=display_path(path))
    _criteria(ward, path, memo, None)
    findings = run_checks(ward, as_of)
    name = f"bộ tiêu chí {ward.criteria.id}" if ward.criteria else "bộ tiêu chí"
    return WardResult(path, display_path(path), name, findings, _texts(memo), ward)
