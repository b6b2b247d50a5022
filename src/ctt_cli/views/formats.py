"""The output formats, one list each: what the printers can write."""

from __future__ import annotations

from enum import StrEnum


class TableFormat(StrEnum):
    """Formats of the tables (status, score, summary): the printers' ones, and xlsx (files only)."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    xlsx = "xlsx"


class FindingFormat(StrEnum):
    """Formats of the findings of `ctt validate`."""

    text = "text"
    json = "json"
    github = "github"
    md = "md"
