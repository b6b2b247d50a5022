"""`ctt fmt --fix CODE…`: the ward a file belongs to, and the fixer of the chosen codes for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ctt_cli.checks.fixes import FIXABLE, Fixer, apply, fixer_for
from ctt_cli.model.layout import REQUIRED, YEARLY
from ctt_cli.workspace.load import load_ward


def parse_codes(values: list[str]) -> frozenset[str] | str:
    """The codes of ``--fix`` (repeated or comma-separated, any case); or the first unknown one."""
    codes = {c.strip().upper() for v in values for c in v.split(",") if c.strip()}
    for code in sorted(codes):
        if code not in FIXABLE:
            return code
    return frozenset(codes)


def ward_of(path: Path) -> tuple[Path, str] | None:
    """(ward folder, file key such as 'tasks' or 'progress/2026') of a ward's file; None for others."""
    path = path.resolve()
    if path.stem in REQUIRED and (path.parent / "plan.yaml").is_file():
        return path.parent, path.stem
    if path.parent.name in YEARLY and (path.parent.parent / "plan.yaml").is_file():
        return path.parent.parent, f"{path.parent.name}/{path.stem}"
    return None


class Fixes:
    """One fixer per ward folder, built on first use."""

    def __init__(self, codes: frozenset[str]) -> None:
        self.codes = codes
        self._fixers: dict[Path, Fixer] = {}

    def for_file(self, path: Path, tree: Any) -> tuple[Callable[[Any], Any], dict[str, int]] | None:
        """Fix ``tree`` (the round-trip tree of ``path``) in place; return the same change as a function
        for fmt's verification and the count of fixes per code. None when the file is in no ward."""
        found = ward_of(path)
        if found is None:
            return None
        root, key = found
        if root not in self._fixers:
            self._fixers[root] = fixer_for(load_ward(root), self.codes)
        fixer = self._fixers[root]
        fixer.counts.clear()
        apply(tree, lambda loc, text: fixer.fix(key, loc, text))
        counts = dict(fixer.counts)
        return (lambda data: apply(data, lambda loc, text: fixer.fix(key, loc, text))), counts
