"""Semantic diff of plan data: items matched by their identity, not by their place in a file.

The data of each file (its model, dumped to plain values) is turned into nested
mappings: a list of records becomes a mapping keyed by the record's identity
(id, criterion, task/occurrence, level, year, title or text). Two such trees are
compared into Change records; `diffwords` turns them into the plan's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ctt_cli.model.kinds import kind_of

Path_ = tuple[str, ...]


@dataclass(frozen=True)
class Change:
    file: str  # "tasks", "plan", "scores/2026", ...
    kind: str  # added | removed | changed | reordered
    path: Path_
    old: Any = None
    new: Any = None


def identity(item: Any, index: int) -> str:
    if not isinstance(item, dict):
        return str(index)
    for key in ("id", "criterion"):
        if item.get(key) not in (None, ""):
            return str(item[key])
    if item.get("task"):
        return f"{item['task']}@{item.get('occurrence') or ''}"
    for key in ("level", "from_year", "title", "text"):
        if item.get(key) not in (None, ""):
            return str(item[key])
    return f"#{index + 1}"


def keyed(value: Any) -> Any:
    """Lists of records → mappings by identity (order kept); lists of scalars stay lists."""
    if isinstance(value, dict):
        return {k: keyed(v) for k, v in value.items()}
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        out: dict[str, Any] = {}
        for i, item in enumerate(value):
            key = identity(item, i)
            while key in out:  # two records with one identity (validate reports it): keep both
                key += "'"
            out[key] = keyed(item)
        return _Records(out)
    return value


class _Records(dict):
    """A mapping that came from a list: its key order is meaningful for --order."""


def compare(file: str, old: Any, new: Any, path: Path_ = (), *, order: bool = False) -> list[Change]:
    if isinstance(old, dict) and isinstance(new, dict):
        changes: list[Change] = []
        for key in old:
            if key not in new:
                changes.append(Change(file, "removed", (*path, key), old[key], None))
        for key in new:
            if key not in old:
                changes.append(Change(file, "added", (*path, key), None, new[key]))
            else:
                changes += compare(file, old[key], new[key], (*path, key), order=order)
        if order and isinstance(old, _Records) and isinstance(new, _Records):
            common_old = [k for k in old if k in new]
            common_new = [k for k in new if k in old]
            if common_old != common_new:
                changes.append(Change(file, "reordered", path, common_old, common_new))
        return changes
    if isinstance(old, list) and isinstance(new, list) and not order:
        if sorted(map(repr, old)) == sorted(map(repr, new)):
            return []
    if old != new:
        return [Change(file, "changed", path, old, new)]
    return []


def ward_files(ward) -> dict[str, Any]:
    """Every loaded file of a ward as keyed plain data."""
    out: dict[str, Any] = {}
    for key, model in ward.loaded_files().items():
        out[key] = keyed(model.model_dump(mode="json", by_alias=True))
    return out


def broken_files(ward) -> set[str]:
    """Files of the ward that did not load (a parse or schema error): they are not compared."""
    from pathlib import PurePosixPath

    if ward is None:
        return set()
    loaded = set(ward.loaded_files())
    out = set()
    for finding in ward.errors:
        path = PurePosixPath(finding.file.split(":", 1)[-1])
        kind = kind_of(path)
        if kind is not None:
            key = f"{kind.name}/{path.stem}" if kind.yearly else kind.name
            if key not in loaded:
                out.add(key)
    return out


def diff_wards(old, new, *, order: bool = False) -> list[Change]:
    """Changes from ward ``old`` to ward ``new`` (either may be None: added or removed ward).
    A file that does not load on either side is left out (the caller reports its errors)."""
    skip = broken_files(old) | broken_files(new)
    a = {k: v for k, v in (ward_files(old) if old else {}).items() if k not in skip}
    b = {k: v for k, v in (ward_files(new) if new else {}).items() if k not in skip}
    changes: list[Change] = []
    for file in list(a) + [f for f in b if f not in a]:
        if file not in b:
            changes.append(Change(file, "removed", (), a[file], None))
        elif file not in a:
            changes.append(Change(file, "added", (), None, b[file]))
        else:
            changes += compare(file, a[file], b[file], order=order)
    return changes
