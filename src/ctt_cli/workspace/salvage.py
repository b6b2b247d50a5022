"""What can still be checked in a file with schema errors.

One wrong value must not hide the other findings of the ward (a bad date in plan.yaml used to
drop the whole plan, and with it the draft, illustrative-data and spelling warnings and the ward's
name). The errors are reported as they are; the checks then run on the file without the keys the
errors are about: an unknown key, or an optional key whose value is wrong, is left out. When that
is not enough (a required key is missing or wrong) the file stays unloaded, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic_core import ValidationError

ROUNDS = 8


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _real(data: Any, loc: tuple) -> list[tuple[Any, Any]]:
    """(container, key) steps of ``loc`` that exist in ``data`` (pydantic adds union tags)."""
    steps: list[tuple[Any, Any]] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            steps.append((node, step))
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            steps.append((node, step))
            node = node[step]
    return steps


def salvage(tree: Any, validate: Callable[[Any], Any], errors: list[Any]) -> Any:
    """The model ``validate`` builds from ``tree`` without the mapping keys that ``errors`` (pydantic's)
    point at; None when a required field is missing or wrong."""
    data = _plain(tree)
    for _ in range(ROUNDS):
        for err in errors:
            if err["type"] == "missing":
                return None
            dict_steps = [(c, k) for c, k in _real(data, tuple(err["loc"])) if isinstance(c, dict)]
            if not dict_steps:
                return None
            container, key = dict_steps[-1]
            container.pop(key, None)
        try:
            return validate(data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
    return None
