"""Identity and reference checks: ids unique, every reference resolves."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from ctt_cli.findings import Finding
from ctt_cli.model.methods import iter_sections
from ctt_cli.model.ward import Ward
from ctt_cli.yamlio import Loc, Source


def _duplicates(source: Source, list_key: str, ids: list[str], what: str) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for i, ident in enumerate(ids):
        if ident in first:
            line, _ = source.pos((list_key, first[ident]))
            yield source.finding("E300", f"{what} '{ident}' bị trùng (đã có ở dòng {line})", (list_key, i, "id"))
        else:
            first[ident] = i


def _unknown(source: Source, loc: Loc, ref: str, known: Iterable[str], what: str) -> Finding:
    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    hint = f"có phải '{close[0]}'?" if close else ""
    return source.finding("E301", f"không có {what} mã '{ref}'", loc, hint=hint)


def check_ids(ward: Ward) -> Iterator[Finding]:
    for key, list_key, what in (
        ("units", "units", "đơn vị"),
        ("documents", "documents", "văn bản"),
        ("tasks", "tasks", "nhiệm vụ"),
    ):
        source = ward.source(key)
        model = ward.file(key)
        if source and model:
            yield from _duplicates(source, list_key, [x.id for x in getattr(model, list_key)], what)
    plan, source = ward.plan, ward.source("plan")
    if plan and source:
        seen: dict[str, bool] = {}
        for loc, section in iter_sections(plan.body):
            if section.id:
                if section.id in seen:
                    yield source.finding("E300", f"mục '{section.id}' bị trùng", (*loc, "id"))
                seen[section.id] = True


def check_references(ward: Ward) -> Iterator[Finding]:
    units = {u.id for u in ward.units}
    docs = {d.id for d in ward.documents}
    plan, source = ward.plan, ward.source("plan")
    units_known = ward.loaded("units")
    if plan and source and units_known:
        for field in ("unit", "parent"):
            ref = getattr(plan.issuer, field)
            if ref and ref not in units:
                yield _unknown(source, ("issuer", field), ref, units, "đơn vị")
        for loc, section in iter_sections(plan.body):
            for j, ref in enumerate(section.units):
                if ref not in units:
                    yield _unknown(source, (*loc, "units", j), ref, units, "đơn vị")
        for i, rec in enumerate(plan.recipients):
            for j, ref in enumerate(rec.units):
                if ref not in units:
                    yield _unknown(source, ("recipients", i, "units", j), ref, units, "đơn vị")
    if plan and source and ward.loaded("documents"):
        for i, basis in enumerate(plan.legal_bases):
            for j, ref in enumerate(basis.cites):
                if ref not in docs:
                    yield _unknown(source, ("legal_bases", i, "cites", j), ref, docs, "văn bản")
    yield from _task_references(ward, units, docs)


def _lead_locs(loc: Loc, lead: str | list[str] | None) -> Iterator[tuple[Loc, str]]:
    if isinstance(lead, str):
        yield (*loc, "lead"), lead
    elif lead:
        yield from (((*loc, "lead", j), ref) for j, ref in enumerate(lead))


def _task_references(ward: Ward, units: set[str], docs: set[str]) -> Iterator[Finding]:
    """Leads (one or several), partners, groups, appendices, the section a prose task is in, and the
    document that retired a task."""
    tsource, tasks_file = ward.source("tasks"), ward.tasks_file
    if not (tsource and tasks_file):
        return
    units_known = ward.loaded("units")
    groups = {g.id for g in tasks_file.groups}
    appendices = {a.id for a in tasks_file.all_appendices() if a.id}
    sections = {s.id for _, s in iter_sections(ward.plan.body) if s.id} if ward.plan else None
    yield from _duplicates(tsource, "groups", [g.id for g in tasks_file.groups], "nhóm nhiệm vụ")
    for i, group in enumerate(tasks_file.groups):
        loc = ("groups", i)
        if units_known:
            yield from _party_refs(tsource, loc, group.lead, group.partners, units)
        if group.appendix and group.appendix not in appendices:
            yield _unknown(tsource, (*loc, "appendix"), group.appendix, appendices, "phụ lục")
    several = len(tasks_file.all_appendices()) > 1
    for i, task in enumerate(ward.tasks):
        loc = ("tasks", i)
        if units_known:
            yield from _party_refs(tsource, loc, task.lead, task.partners, units)
        if task.group and task.group not in groups:
            yield _unknown(tsource, (*loc, "group"), task.group, groups, "nhóm nhiệm vụ")
        if task.appendix and task.appendix not in appendices:
            yield _unknown(tsource, (*loc, "appendix"), task.appendix, appendices, "phụ lục")
        elif several and not task.appendix and not task.section and not (task.group and task.group not in groups):
            yield tsource.finding(
                "E302",
                f"kế hoạch có {len(appendices)} phụ lục: nhiệm vụ {task.id} cần ghi thuộc phụ lục nào (appendix)",
                loc,
                hint="các phụ lục: " + ", ".join(sorted(appendices)),
            )
        if task.section and sections is not None and task.section not in sections:
            yield _unknown(tsource, (*loc, "section"), task.section, sections, "mục")
        if task.retired and task.retired.by and ward.loaded("documents") and task.retired.by not in docs:
            yield _unknown(tsource, (*loc, "retired", "by"), task.retired.by, docs, "văn bản")


def _party_refs(source: Source, loc: Loc, lead: Any, partners: Iterable[str], units: set[str]) -> Iterator[Finding]:
    """Unknown unit ids among the (co-)leads and partners of a task or a task group."""
    for at, ref in _lead_locs(loc, lead):
        if ref not in units:
            yield _unknown(source, at, ref, units, "đơn vị")
    for j, ref in enumerate(partners):
        if ref not in units:
            yield _unknown(source, (*loc, "partners", j), ref, units, "đơn vị")
