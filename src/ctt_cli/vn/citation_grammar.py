"""Parsing document citations ("số 5049/QĐ-UBND ngày 11/12/2025") out of prose."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

# (?<!\d): a number starts at the first digit of a run. Without it, a run of 20,000 digits is tried
# from each of its digits, and every try scans to the run's end: quadratic (seconds per task text).
NUMBER = r"(?<!\d)\d+(?:-[A-Za-zĐđ]+)?/[A-Za-zĐđ]+(?:-[A-Za-zĐđ0-9]+)*"
CITATION = re.compile(
    rf"(?P<number>{NUMBER})(?:\s+ngày\s+(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}))?"
)
LOOKS_LIKE = re.compile(r"(?<!\d)\d+\s*[-/]\s*[A-Za-zĐđ]")


@dataclass(frozen=True)
class Citation:
    number: str
    date: dt.date | None
    start: int
    bad_date: str | None = None  # the date text when it is not a real date


def find_citations(text: str) -> Iterator[Citation]:
    for match in CITATION.finditer(text):
        date, bad = None, None
        if match.group("y"):
            try:
                date = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            except ValueError:
                bad = f"{match.group('d')}/{match.group('m')}/{match.group('y')}"
        yield Citation(match.group("number"), date, match.start(), bad)


def parse_reference(text: str) -> Citation | None:
    """A whole evidence string such as '43/KH-UBND ngày 30/01/2026', or None."""
    match = CITATION.fullmatch(text.strip().removeprefix("số ").removeprefix("Số ").strip())
    return next(find_citations(match.group()), None) if match else None
