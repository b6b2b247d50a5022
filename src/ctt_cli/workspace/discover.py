"""Finding ward folders under the paths a command is given (light: no models imported)."""

from __future__ import annotations

from pathlib import Path

from ctt_cli.findings import Finding
from ctt_cli.fsutil import display_path
from ctt_cli.model.layout import REQUIRED, YEAR_FILE, YEARLY
from ctt_cli.workspace.readers import DiskReader


def find_roots(paths: list[Path], reader=None) -> tuple[list[Path], list[Finding]]:
    """Ward folders under the given paths (a ward folder, its plan.yaml, or a folder of wards),
    and an E108 finding for each path that holds none."""
    if reader is None:
        reader = DiskReader()
    roots: list[Path] = []
    missing: list[Finding] = []
    for path in paths:
        if path.name == "plan.yaml" and reader.is_file(path):
            found = [path.parent]
        elif reader.is_file(path / "plan.yaml"):
            found = [path]
        elif reader.is_dir(path):
            found = [path / n for n in reader.listdir(path) if reader.is_file(path / n / "plan.yaml")]
        else:
            found = []
        if not found and path.name == "criteria" and reader.is_dir(path):
            continue  # the shared criteria sets beside the wards (`plans/*` names them too)
        if not found:
            exists = reader.is_dir(path) or reader.is_file(path)
            what = "không chứa kế hoạch nào (plan.yaml)" if exists else "không tồn tại"
            missing.append(Finding(display_path(path), 0, 0, "E108", f"đường dẫn {what}"))
        roots += found
    return roots, missing


def ward_files(root: Path, reader) -> list[Path]:
    """The YAML files of a ward folder that loading reads (the required ones, present or not, and
    every YYYY.yaml of the yearly folders): what the cache key covers."""
    files = [root / f"{key}.yaml" for key in REQUIRED]
    for folder in YEARLY:
        directory = root / folder
        if reader.is_dir(directory):
            files += [directory / n for n in reader.listdir(directory) if YEAR_FILE.match(n)]
    return files
