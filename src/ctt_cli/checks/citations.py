"""Citations in prose against the cited-documents registry; document dates."""

from __future__ import annotations

from collections.abc import Iterator

from ctt_cli.checks.text import prose
from ctt_cli.findings import Finding
from ctt_cli.model.ward import Ward
from ctt_cli.vn.citation_grammar import find_citations


def check_citations(ward: Ward) -> Iterator[Finding]:
    if not ward.loaded("documents"):
        return
    registry = {d.number.casefold(): d for d in ward.documents if d.number}
    plan_date = ward.plan.document.date if ward.plan else None
    for source, loc, text in prose(ward, ("plan", "tasks")):
        for cite in find_citations(text):
            doc = registry.get(cite.number.casefold())
            if doc is None:
                yield source.finding(
                    "W406",
                    f"văn bản '{cite.number}' không có trong sổ văn bản (documents.yaml)",
                    loc,
                    offset=cite.start,
                )
                continue
            if cite.number != doc.number:
                yield source.finding(
                    "W405", f"ký hiệu viết '{cite.number}', sổ văn bản ghi '{doc.number}'", loc, offset=cite.start
                )
            if cite.bad_date:
                yield source.finding(
                    "W405", f"ngày '{cite.bad_date}' của văn bản {doc.number} không có thật", loc, offset=cite.start
                )
            elif cite.date and doc.date and cite.date != doc.date:
                yield source.finding(
                    "W405",
                    f"văn bản {doc.number} ghi ngày {cite.date:%d/%m/%Y}, sổ văn bản ghi {doc.date:%d/%m/%Y}",
                    loc,
                    offset=cite.start,
                )
    dsource = ward.source("documents")
    amendments = {t.retired.by for t in ward.tasks if t.retired and t.retired.by}  # later by nature
    if plan_date and dsource:
        for i, doc in enumerate(ward.documents):
            if doc.date and doc.date > plan_date and doc.id not in amendments:
                yield dsource.finding(
                    "W407",
                    f"văn bản {doc.number or doc.id} ngày {doc.date:%d/%m/%Y} "
                    f"sau ngày ban hành kế hoạch {plan_date:%d/%m/%Y}",
                    ("documents", i, "date"),
                )
