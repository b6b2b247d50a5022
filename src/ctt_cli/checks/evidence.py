"""Evidence lists (progress and scores): registry documents exist, citations parse."""

from __future__ import annotations

from collections.abc import Iterator

from ctt_cli.findings import Finding
from ctt_cli.model.ward import Ward
from ctt_cli.vn.citation_grammar import LOOKS_LIKE, parse_reference
from ctt_cli.yamlio import Loc, Source


def check_evidence(ward: Ward, source: Source, loc: Loc, evidence) -> Iterator[Finding]:
    docs = {d.id for d in ward.documents}
    for j, ev in enumerate(evidence):
        if ev.document and ward.loaded("documents") and ev.document not in docs:
            yield source.finding("E301", f"không có văn bản mã '{ev.document}'", (*loc, j, "document"))
        if ev.ref and parse_reference(ev.ref) is None:
            yield source.finding(
                "E604",
                f"không đọc được số hiệu văn bản '{ev.ref}'",
                (*loc, j, "ref"),
                hint="dạng '43/KH-UBND ngày 30/01/2026'",
            )
        if ev.text and LOOKS_LIKE.search(ev.text) and parse_reference(ev.text) is not None:
            yield source.finding(
                "E604", "chứng cứ là số hiệu văn bản: ghi vào 'ref' hoặc 'document'", (*loc, j, "text")
            )
