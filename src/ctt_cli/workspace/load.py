"""Loading one ward folder into a typed Ward, from any Reader (disk or a git revision).

A ward folder holds::

    plan.yaml  units.yaml  documents.yaml  tasks.yaml     (required)
    progress/2026.yaml  scores/2026.yaml  reports/2026.yaml (one per year, optional)

and the plan names its criteria set by a path relative to the folder. Loading never raises
on bad data: a file that fails leaves its model None and adds positioned findings; the checks
then run on whatever did load.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ctt_cli.digest import hexdigest
from ctt_cli.findings import Finding
from ctt_cli.fsutil import ReadError, display_path
from ctt_cli.model.compiled import Compiled, code_key, compiled
from ctt_cli.model.layout import REQUIRED, YEAR_FILE, YEARLY
from ctt_cli.model.ward import Ward
from ctt_cli.settings import code_cache_dir
from ctt_cli.workspace.readers import DiskReader, Reader, SharedFiles
from ctt_cli.workspace.schema_errors import validate_model
from ctt_cli.yamlio import Source, parse_yaml


def models() -> Compiled:
    """The file models compiled for this code (model/compiled.py: no pydantic on a cold start)."""
    return compiled(_code_key(), code_cache_dir())


@lru_cache(maxsize=1)
def _code_key() -> str:
    """The code's key once per process (it scans model/ and vn/: ~0.3 ms, and every file read asked
    for it); the code that runs is the code this process imported, whatever changes on disk later."""
    return code_key()


def _read(ward: Ward, key: str, path: Path, kind: str, reader: Reader) -> tuple[Source | None, Any]:
    display = reader.label(display_path(path))
    try:
        raw = reader.read_bytes(path)
    except ReadError as exc:
        ward.findings.append(Finding(display, 0, 0, exc.code, exc.message))
        return None, None
    source, findings = parse_yaml(raw, display, path)
    ward.findings.extend(findings)
    if source is None:
        return None, None
    ward.sources[key] = source
    obj, findings = validate_model(source, kind, models())
    ward.findings.extend(findings)
    return source, obj


def _criteria(ward: Ward, path: Path, reader: Reader, shared: SharedFiles | None) -> None:
    try:
        raw = reader.read_bytes(path)
    except ReadError:
        raw = None
    cache_key = (str(path.resolve()), hexdigest(raw)) if raw is not None else None
    if shared is not None and cache_key in shared.parsed:
        ward.sources["criteria"], ward.criteria = shared.parsed[cache_key]
        return
    source, obj = _read(ward, "criteria", path, "criteria", reader)
    ward.criteria = obj
    if shared is not None and cache_key and source is not None and obj is not None:
        shared.parsed[cache_key] = (source, obj)


def load_ward(root: Path, reader: Reader | None = None, shared: SharedFiles | None = None) -> Ward:
    """Load every file of one ward folder; never raises on bad data."""
    reader = reader or DiskReader()
    ward = Ward(root=root, display=display_path(root))
    for key in REQUIRED:
        _, obj = _read(ward, key, root / f"{key}.yaml", key, reader)
        setattr(ward, {"plan": "plan"}.get(key, f"{key}_file"), obj)
    plan = ward.plan
    if plan and plan.criteria_set:
        path = Path(os.path.normpath(root / plan.criteria_set))
        if reader.is_file(path):
            _criteria(ward, path, reader, shared)
        else:
            src = ward.sources["plan"]
            ward.findings.append(
                src.finding("E108", f"không tìm thấy tệp bộ tiêu chí '{plan.criteria_set}'", ("criteria_set",))
            )
    for folder in YEARLY:
        directory = root / folder
        if not reader.is_dir(directory):
            continue
        seen: dict[int, str] = {}
        try:
            names = sorted(reader.listdir(directory))
        except ReadError as exc:
            ward.findings.append(Finding(display_path(directory), 0, 0, exc.code, exc.message))
            continue
        for name in names:
            match = YEAR_FILE.match(name)
            if not match:
                continue
            year = int(match.group(1))
            if year in seen:  # 2026.yaml and 2026.yml: neither silently wins
                _both_year_files(ward, directory, seen[year], name)
                continue
            seen[year] = name
            _, obj = _read(ward, f"{folder}/{year}", directory / name, folder, reader)
            if obj is not None:
                ward.year_files(folder)[year] = obj
    return ward


def _both_year_files(ward: Ward, directory: Path, first: str, second: str) -> None:
    """E109 on both files of one year; the year is left out (ctt does not guess which one is right)."""
    year = int(first[:4])
    ward.year_files(directory.name).pop(year, None)
    for name, other in ((first, second), (second, first)):
        ward.findings.append(
            Finding(
                display_path(directory / name),
                0,
                0,
                "E109",
                f"năm {year} có hai tệp: '{display_path(directory / first)}' và '{display_path(directory / second)}'; "
                f"giữ một tệp, xóa '{other}'",
            )
        )
