"""Finding ward folders under the paths a command is given (light: no models imported)."""

from __future__ import annotations

from pathlib import Path

from ctt_cli.findings import Finding
from ctt_cli.fsutil import ReadError, display_path
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
            found = [path / n for n in _names(reader, path) if reader.is_file(path / n / "plan.yaml")]
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
            files += [directory / n for n in _names(reader, directory) if YEAR_FILE.match(n)]
    return files


def _names(reader, path: Path) -> list[str]:
    """A folder's names, or none when it cannot be read (the loader reports that folder: E108)."""
    try:
        return reader.listdir(path)
    except ReadError:
        return []


def _is_yaml(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def split_paths(paths: list[Path], reader=None) -> tuple[list[Path], list[Path]]:
    """(paths for the ward pipeline, criteria files to check alone): a YAML file that is not one of a
    ward's, and a folder of YAML files without any plan (plans/criteria). A path that holds neither
    stays with the pipeline, which reports it (E108)."""
    reader = reader or DiskReader()
    wards: list[Path] = []
    criteria: list[Path] = []
    for path in paths:
        if reader.is_file(path) and _is_yaml(path.name):
            if path.stem in REQUIRED and path.parent.name not in (*YEARLY, "criteria"):
                wards.append(path.parent)  # one file of a ward: check its ward
            elif path.parent.name in YEARLY and YEAR_FILE.match(path.name):
                wards.append(path.parent.parent)
            else:
                criteria.append(path)
        elif (
            reader.is_dir(path)
            and not reader.is_file(path / "plan.yaml")
            and not any(reader.is_file(path / n / "plan.yaml") for n in _names(reader, path))
        ):
            found = sorted(path / n for n in _names(reader, path) if _is_yaml(n) and reader.is_file(path / n))
            if found:
                criteria += found
            else:
                wards.append(path)  # nothing ctt knows: the pipeline says so (E108)
        else:
            wards.append(path)
    return wards, criteria
