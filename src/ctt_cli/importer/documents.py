"""Cited documents out of the plan's prose: "Quyết định số 5049/QĐ-UBND ngày 11/12/2025 của
Ủy ban nhân dân thành phố ban hành ..." → kind, number, date, issuer, subject as far as the
sentence gives them. Numbers and dates are read by vn.citation_grammar."""

from __future__ import annotations

import re

from ctt_cli.model.documents import DOC_NUMBER
from ctt_cli.scaffold.files import slug
from ctt_cli.vn.citation_grammar import CITATION

KINDS = (
    "Chương trình hành động",
    "Chương trình phối hợp",
    "Chương trình",
    "Quy chế phối hợp",
    "Nghị quyết liên tịch",
    "Quyết định",
    "Nghị quyết",
    "Nghị định",
    "Kế hoạch",
    "Đề án",
    "Thông tư",
    "Chỉ thị",
    "Công văn",
    "Hướng dẫn",
    "Luật",
    "Thông báo",
    "Kết luận",
    "Báo cáo",
    "Quy định",
    "Văn bản",
    "Công điện",
)
_KIND = "|".join(re.escape(k) for k in KINDS)
MENTION = re.compile(rf"(?P<kind>{_KIND})\s+(?:số\s*:?\s*)?(?={CITATION.pattern})", re.IGNORECASE)
SUBJECT_START = re.compile(r"\s+(?=(?:về|ban hành|thực hiện|triển khai|quy định|hướng dẫn|phê duyệt|tổ chức)\b)")
END = re.compile(rf"\s*(?:;|\.\s*$|,\s*(?={_KIND})|\s+và\s+(?={_KIND}))", re.IGNORECASE)
NUMBER_RE = re.compile(DOC_NUMBER)


def _id(kind: str, number: str) -> str:
    initials = "".join(w[0] for w in slug(kind).split("-"))[:3]
    head, _, tail = number.partition("/")
    digits = re.match(r"\d+", head)
    return slug(f"{initials}-{digits.group() if digits else head}-{tail.split('-')[-1]}")


def mentions(text: str) -> list[dict]:
    """Every 'kind số NUMBER [ngày D/M/Y] [của ISSUER] [SUBJECT]' in a text, as documents.yaml records."""
    out = []
    for m in MENTION.finditer(text):
        cite = CITATION.match(text, m.end())
        if cite is None:
            continue
        kind = m.group("kind")
        kind = kind[0].upper() + kind[1:]
        number = cite.group("number")
        rec: dict = {"kind": kind, "number": number}
        if cite.group("y"):
            import datetime as dt

            try:
                rec["date"] = dt.date(int(cite.group("y")), int(cite.group("m")), int(cite.group("d")))
            except ValueError:
                pass
        rest = text[cite.end() :]
        end = END.search(rest)
        rest = rest[: end.start()] if end else rest
        rest = rest.strip()
        if rest.startswith("của "):
            rest = rest[4:]
            parts = SUBJECT_START.split(rest, maxsplit=1)
            issuer = parts[0].strip(" ,")
            if issuer:
                rec["issuer"] = issuer
            rest = parts[1] if len(parts) > 1 else ""
        subject = rest.strip(" ,.")
        if subject and SUBJECT_START.match(" " + subject):
            rec["subject"] = subject
        out.append(rec)
    return out


def registry(texts: list[str]) -> tuple[list[dict], list[str]]:
    """documents.yaml records from texts (first mention first; later mentions fill what is missing),
    and notes on numbers the model cannot hold."""
    by_number: dict[str, dict] = {}
    notes = []
    for text in texts:
        for rec in mentions(text):
            key = rec["number"].upper()
            if key not in by_number:
                by_number[key] = rec
            else:
                for k, v in rec.items():
                    by_number[key].setdefault(k, v)
    out, ids = [], set()
    for rec in by_number.values():
        doc_id = base = _id(rec["kind"], rec["number"])
        n = 2
        while doc_id in ids:
            doc_id, n = f"{base}-{n}", n + 1
        ids.add(doc_id)
        if not NUMBER_RE.match(rec["number"]):
            notes.append(f"số, ký hiệu '{rec['number']}' không đúng dạng NĐ 30: ghi vào ghi chú (note)")
            rec = {**rec, "note": f"Số, ký hiệu như văn bản ghi: {rec['number']}"}
            del rec["number"]
        out.append(
            {"id": doc_id, **{k: rec[k] for k in ("kind", "number", "date", "issuer", "subject", "note") if k in rec}}
        )
    return out, notes
