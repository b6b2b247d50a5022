"""Identity and reference checks: ids unique, every reference resolves."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from ctt_cli.findings import Finding
from ctt_cli.model.plan import iter_sections
from ctt_cli.model.ward import Ward
from ctt_cli.yamlio import Loc, Source


def _duplicates(source: Source, list_key: str, ids: list[str], what: str) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for i, ident in enumerate(ids):
        if ident in first:
            line, _ = source.pos((list_key, first[ident]))
            yield source.finding("E300", f"{what} '{ident}' bị trùng (đã có ở dòng {line})",
                                 (list_key, i, "id"))
        else:
            first[ident] = i


def _unknown(source: Source, loc: Loc, ref: str, known: Iterable[str], what: str) -> Finding:
    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    hint = f"có phải '{close[0]}'?" if close else ""
    return source.finding("E301", f"không có {what} mã '{ref}'", loc, hint=hint)


def check_ids(ward: Ward) -> Iterator[Finding]:
    for key, list_key, what in (("units", "units", "đơn vị"), ("documents", "documents", "văn bản"),
                                ("tasks", "tasks", "nhiệm vụ")):
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
    tsource = ward.source("tasks")
    if tsource and units_known:
        for i, task in enumerate(ward.tasks):
            if task.lead not in units:
                yield _unknown(tsource, ("tasks", i, "lead"), task.lead, units, "đơn vị")
            for j, ref in enumerate(task.partners):
                if ref not in units:
                    yield _unknown(tsource, ("tasks", i, "partners", j), ref, units, "đơn vị")
