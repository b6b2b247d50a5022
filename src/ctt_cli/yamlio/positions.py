"""Positions inside a parsed YAML tree: from a path in the data (``("tasks", 4, "lead")``) to
``line:column``, and the id-based path shown in messages (``tasks[T05].lead``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Loc = tuple[str | int, ...]


def _child(node: Any, step: str | int) -> Any:
    if isinstance(node, dict) and step in node:
        return node[step]
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


def position(tree: Any, loc: Loc, *, key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the value at ``loc``; of its key when ``key``.

    Walks as deep as the data goes: for a missing key, the position of the
    mapping that should hold it.
    """
    node = tree
    line, col = 1, 1
    if hasattr(node, "lc"):
        line, col = node.lc.line + 1, node.lc.col + 1
    for i, step in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, dict) and hasattr(node, "lc") and step in node:
            try:
                pos = node.lc.key(step) if (key and last) else node.lc.value(step)
            except (KeyError, TypeError):
                pos = None
            if pos:
                line, col = pos[0] + 1, pos[1] + 1
        elif isinstance(node, list) and hasattr(node, "lc") and isinstance(step, int) and 0 <= step < len(node):
            try:
                pos = node.lc.item(step)
                line, col = pos[0] + 1, pos[1] + 1
            except (KeyError, TypeError, IndexError):
                pass
        else:
            break
        node = _child(node, step)
    return line, col


def offset_position(tree: Any, loc: Loc, offset: int) -> tuple[int, int]:
    """Position of character ``offset`` inside the string scalar at ``loc``.

    Exact for single-line plain and quoted scalars (the layout ctt writes);
    for other styles the scalar's start.
    """
    line, col = position(tree, loc)
    node = tree
    for step in loc:
        node = _child(node, step)
    if not isinstance(node, str) or "\n" in node:
        return line, col
    style = getattr(node, "style", None)  # ruamel's scalar strings and ours both say
    quoted = style in ("'", '"')
    if style == "'":
        offset += node[:offset].count("'")
    return line, col + offset + (1 if quoted else 0)


def _item_name(root: Any, item: dict) -> str | None:
    """How people name a list item: its id; a progress record by task and period (T05@2026, the
    file's year when the record has no period); a score by criterion (1.2); a condition by its id."""
    for key in ("id", "criterion", "condition"):
        value = item.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) != "":
            return str(value)
    task = item.get("task")
    if isinstance(task, str) and task:
        period = item.get("occurrence") or (root.get("year") if isinstance(root, dict) else None)
        return f"{task}@{period}" if isinstance(period, (str, int)) and str(period) else task
    return None


def data_path(tree: Any, loc: Loc) -> str:
    """``tasks[T05].lead``: list items named by their id when they have one."""
    out = ""
    node = tree
    for step in loc:
        if isinstance(step, int):
            child = _child(node, step)
            ident = _item_name(tree, child) if isinstance(child, dict) else None
            out += f"[{ident}]" if ident else f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
        node = _child(node, step)
    return out


def strings(tree: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string scalar value in the tree (not keys), with its location."""
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from strings(v, (*loc, k))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from strings(v, (*loc, i))
    elif isinstance(tree, str):
        yield loc, tree


def plain(tree: Any) -> Any:
    """The tree as plain dicts, lists and scalars (no ruamel types)."""
    if isinstance(tree, dict):
        return {str(k): plain(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [plain(v) for v in tree]
    if isinstance(tree, str):
        return str(tree)
    return tree
