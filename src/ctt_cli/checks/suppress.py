"""Warnings kept on purpose: ``ignore: [{code, reason}]`` on an item of the data (the item and
everything inside it), and ``settings.ignore: [{code, reason, path?}]`` in plan.yaml (the whole
ward, or the item at ``path``). A suppressed finding is not printed: it is marked with its reason
(``Finding.ignored``) so the commands can count it and ``ctt validate --show-ignored`` list it.

Only warnings can be suppressed: an error still stops the documents. A suppression without a reason,
with an unknown code or with an error's code is itself a warning (W412), which nothing suppresses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from ctt_cli.findings import CODES, Finding, Severity
from ctt_cli.model.ward import Ward
from ctt_cli.yamlio import Loc, Source
from ctt_cli.yamlio.positions import data_path

NO_REASON = "(không ghi lý do)"


class Rule(NamedTuple):
    code: str
    reason: str
    file: str | None  # None: any file of the ward
    prefix: str  # data path of the item ("" = all)

    def covers(self, finding: Finding) -> bool:
        return self.keeps(finding.code, finding.file, finding.path)

    def keeps(self, code: str, file: str, path: str) -> bool:
        """Whether this suppression covers ``code`` at ``path`` of ``file``."""
        if code != self.code or (self.file is not None and file != self.file):
            return False
        prefix = self.prefix
        return not prefix or path == prefix or (path.startswith(prefix) and path[len(prefix)] in ".[")


def _ignore_lists(node: Any, loc: Loc = ()) -> Iterator[tuple[Loc, list]]:
    """Every ``ignore:`` list in the tree, with the location of the mapping that holds it."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "ignore" and isinstance(value, list):
                yield loc, value
            else:
                yield from _ignore_lists(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _ignore_lists(value, (*loc, i))


def _problem(code: str, reason: str) -> str:
    if code not in CODES:
        return f"bỏ qua mã '{code}' không có (xem 'ctt explain')"
    if CODES[code][0] is Severity.ERROR or code == "W412":
        return f"không bỏ qua được {code}: chỉ bỏ qua được cảnh báo, lỗi thì phải sửa"
    if not reason:
        return f"bỏ qua {code} mà không ghi lý do (reason)"
    return ""


def _rules(source: Source, loc: Loc, entries: list, ward_wide: bool) -> Iterator[Rule | Finding]:
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        code = str(entry.get("code") or "").strip().upper()
        raw_reason = entry.get("reason")
        reason = raw_reason.strip() if isinstance(raw_reason, str) else ""
        problem = _problem(code, reason)
        if problem:
            yield source.finding("W412", problem, (*loc, "ignore", i))
        if code in CODES and CODES[code][0] is Severity.WARNING and code != "W412":
            if ward_wide:
                path = entry.get("path")
                yield Rule(code, reason or NO_REASON, None, str(path).strip() if path else "")
            else:
                yield Rule(code, reason or NO_REASON, source.display, data_path(source.tree, loc))


def rules_of(ward: Ward) -> tuple[list[Rule], list[Finding]]:
    """The ward's suppressions, and a W412 for each faulty one."""
    rules: list[Rule] = []
    extra: list[Finding] = []
    for key, source in ward.sources.items():
        for loc, entries in _ignore_lists(source.tree):
            ward_wide = key == "plan" and loc == ("settings",)
            for made in _rules(source, loc, entries, ward_wide):
                if isinstance(made, Rule):
                    rules.append(made)
                else:
                    extra.append(made)
    return rules, extra


def suppress(ward: Ward, findings: list[Finding]) -> list[Finding]:
    """``findings`` with those the ward's suppressions cover marked ``ignored`` (their reason), and a
    W412 for each faulty suppression."""
    rules, extra = rules_of(ward)
    if not rules:
        return sorted({*findings, *extra})
    out = []
    for finding in findings:
        rule = next((r for r in rules if r.covers(finding)), None)
        out.append(finding._replace(ignored=rule.reason) if rule else finding)
    return sorted({*out, *extra})


def _parent(path: str) -> str:
    """The item a data path's last step belongs to: 'records[T03@2026].completed' → 'records[T03@2026]'."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def unshadowed(loading: list[Finding], checked: list[Finding]) -> list[Finding]:
    """The check findings that are not a consequence of a wrong value: a file with a schema error is
    checked without that value (workspace.salvage), so what the checks then say about the same item
    (a completion date 'missing' because it was 2026-02-30) is left out; the rest stays."""
    items = {(f.file, _parent(f.path)) for f in loading if f.code == "E200" and _parent(f.path)}
    if not items:
        return checked
    return [f for f in checked if not any(f.file == file and Rule(f.code, "", file, p).covers(f) for file, p in items)]
