"""Where each file of a ward lives (light: no model classes imported, so the cache path stays fast)."""

from __future__ import annotations

import re

REQUIRED = ("plan", "units", "documents", "tasks")  # <kind>.yaml in the ward folder
YEARLY = ("progress", "scores", "reports")  # <kind>/YYYY.yaml
YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


class Needs:
    """The files a command needs: kinds by their layout names ("plan", "units", "documents", "tasks",
    "criteria", "progress", "scores", "reports") and, for the yearly kinds, one year or all. Errors in
    the other files are reported but do not stop the command."""

    __slots__ = ("kinds", "year")

    def __init__(self, *kinds: str, year: int | None = None) -> None:
        unknown = set(kinds) - {*REQUIRED, *YEARLY, "criteria"}
        if unknown:
            raise ValueError(f"unknown file kinds: {sorted(unknown)}")
        self.kinds = frozenset(kinds)
        self.year = year

    def covers(self, key: str) -> bool:
        """Whether the file of this key ("plan", "progress/2026", "criteria", ...) is needed."""
        kind, _, year = key.partition("/")
        if kind not in self.kinds:
            return False
        return not year or self.year is None or not year.isdigit() or int(year) == self.year

    def __repr__(self) -> str:
        return f"Needs({', '.join(sorted(self.kinds))}{f', year={self.year}' if self.year else ''})"


EVERYTHING = Needs(*REQUIRED, *YEARLY, "criteria")
