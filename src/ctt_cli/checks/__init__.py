"""Named checks. Each takes a loaded Ward and yields findings; they never raise. The names are the
enum below (light to import: the command line lists and validates them); the functions are in
``checks.registry``."""

from __future__ import annotations

from enum import StrEnum


class CheckName(StrEnum):
    """The named checks of `ctt validate --check`, in the order they run."""

    IDS = "ids"
    REFS = "refs"
    ENCODING = "encoding"
    TONE = "tone"
    UNITS = "units"
    QUOTES = "quotes"
    PLACE = "place"
    CITATIONS = "citations"
    DRAFT = "draft"
    OBJECTIVES = "objectives"
    DEADLINES = "deadlines"
    PROGRESS = "progress"
    CRITERIA = "criteria"
    SCORES = "scores"
    REPORTS = "reports"
    YEARS = "years"
