"""One plan id, one ward: two ward folders whose plan.yaml say the same ``id`` would write into the same
``build/<id>/`` folder and give calendar events the same UIDs. Each gets an E300 naming the other, so
validate reports it and every command that needs error-free wards (render, calendar…) leaves both out."""

from __future__ import annotations

import os
import re
from typing import Protocol

from ctt_cli.findings import Finding

# plan ids are [a-z0-9-] (model/common.Id): a top-level `id:` line, quoted or not, is enough to find them
_PLAN_ID = re.compile(r"""^id:[ \t]*(["']?)([a-z0-9]+(?:-[a-z0-9]+)*)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


class _Result(Protocol):
    display: str
    findings: list[Finding]
    texts: dict[str, str]


def _plan_id(result: _Result) -> tuple[str, str, int, int] | None:
    """(id, plan file as shown, line, column) of a ward result, from the bytes already read."""
    wanted = os.path.join(result.display, "plan.yaml")
    for name in result.texts:  # by name: only plan.yaml's text is needed (texts decode when asked)
        if name == wanted or (os.path.basename(name) == "plan.yaml" and os.path.dirname(name) == result.display):
            text = result.texts[name]
            match = _PLAN_ID.search(text)
            if match is None:
                return None
            line = text.count("\n", 0, match.start()) + 1
            return match.group(2), name, line, match.start(2) - match.start() + 1 - len(match.group(1))
    return None


def report_same_plan_id(results: list) -> None:
    """Add an E300 to each ward whose plan id another ward also uses (in place)."""
    by_id: dict[str, list[tuple[_Result, str, int, int]]] = {}
    for result in results:
        found = _plan_id(result)
        if found is not None:
            ident, name, line, column = found
            by_id.setdefault(ident, []).append((result, name, line, column))
    for ident, wards in by_id.items():
        if len(wards) < 2:
            continue
        for result, name, line, column in wards:
            others = ", ".join(n for r, n, _, _ in wards if r is not result)
            result.findings.append(
                Finding(
                    name,
                    line,
                    column,
                    "E300",
                    f"mã kế hoạch '{ident}' trùng với {others}: hai phường sẽ ghi đè văn bản của nhau trong "
                    f"build/{ident}/ và trùng UID lịch; đổi id của một kế hoạch",
                    "id",
                )
            )
