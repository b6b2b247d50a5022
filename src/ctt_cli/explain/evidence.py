"""The evidence of a progress record in words (status tables, reports and the site all say it so)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ctt_cli.vn.words import vn_date

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ctt_cli.model.progress import Evidence, Record
    from ctt_cli.model.ward import Ward


def evidence_texts(ward: Ward, record: Record | None) -> list[str]:
    """The evidence of a progress record as the office cites it: "Kế hoạch số 43/KH-UBND ngày 30/01/2026"."""
    return evidence_list(ward, record.evidence) if record else []


def evidence_text(ward: Ward, evidence: Iterable[Evidence]) -> str:
    """Evidence items (of a record or a score) in one line, separated by ';'."""
    return "; ".join(evidence_list(ward, evidence))


def evidence_list(ward: Ward, evidence: Iterable[Evidence]) -> list[str]:
    """Each evidence item as the office cites it."""
    out = []
    for ev in evidence:
        if ev.document:
            doc = next((d for d in ward.documents if d.id == ev.document), None)
            if doc and doc.number:
                out.append(f"{doc.kind} số {doc.number}" + (f" ngày {vn_date(doc.date)}" if doc.date else ""))
            else:
                out.append(doc.kind if doc else ev.document)
        else:
            out.append(ev.ref or ev.text or "")
    return out
