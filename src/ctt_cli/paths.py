"""Finding ward folders on disk (light: no models imported, so the cache and --help stay fast)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ctt_cli.findings import Finding


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the current folder when it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


class DiskReader:
    """Files as they are in the working tree (gitrev.GitReader offers the same for a revision)."""

    def read_yaml(self, path: Path, display: str):
        from ctt_cli.yamlio import read_yaml

        return read_yaml(path, display)

    def is_file(self, path: Path) -> bool:
        return path.is_file()

    def is_dir(self, path: Path) -> bool:
        return path.is_dir()

    def listdir(self, path: Path) -> list[str]:
        return sorted(p.name for p in path.iterdir())


def find_roots(paths: list[Path], reader=None) -> tuple[list[Path], list[Finding]]:
    """Ward folders under the given paths (a ward folder, its plan.yaml, or a folder of wards),
    and an E108 finding for each path that holds none."""
    reader = reader or DiskReader()
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


def shipped(relative: str) -> Path:
    """A file or folder that ships with ctt (templates/, plans/le-thanh-nghi, schemas/): in the
    current folder, else in this checkout, else where pip installed it (<prefix>/share/ctt)."""
    for base in (Path("."), Path(__file__).resolve().parents[2], Path(sys.prefix) / "share" / "ctt"):
        if (base / relative).exists():
            return base / relative
    return Path(relative)
