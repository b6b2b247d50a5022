"""Checking a ward as it would be after an edit: the edited file's new text is read from memory,
every other file from disk. Commands that write plan data (`ctt record`, `ctt score set|import`)
run this before writing, and write nothing when the new text has errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ctt_cli.workspace.pipeline import Options, check_ward
from ctt_cli.workspace.readers import DiskReader


class OverlayReader(DiskReader):
    """The disk, except for the files given here (path → new bytes)."""

    def __init__(self, overrides: dict[Path, bytes]) -> None:
        self.overrides = {Path(p).resolve(): b for p, b in overrides.items()}

    def read_bytes(self, path: Path) -> bytes:
        got = self.overrides.get(Path(path).resolve())
        return got if got is not None else super().read_bytes(path)

    def is_file(self, path: Path) -> bool:
        return Path(path).resolve() in self.overrides or super().is_file(path)

    def listdir(self, path: Path) -> list[str]:
        names = set(super().listdir(path))
        here = Path(path).resolve()
        names |= {p.name for p in self.overrides if p.parent == here}
        return sorted(names)


def check_edits(root: Path, texts: dict[Path, str], as_of: dt.date):
    """The pipeline's WardResult for the ward at ``root`` with each path holding its new text."""

    overlay = OverlayReader({p: t.encode("utf-8") for p, t in texts.items()})
    return check_ward(root, Options(as_of, use_cache=False), overlay)


def check_edit(root: Path, path: Path, text: str, as_of: dt.date):
    """The pipeline's WardResult for the ward at ``root`` with ``path`` holding ``text``."""
    return check_edits(root, {path: text}, as_of)
