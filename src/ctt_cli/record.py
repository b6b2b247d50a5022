"""Recording progress by command: the words a clerk types (state names in any case, with or without
diacritics; evidence strings) turned into a progress record, applied to the round-trip tree of
progress/YYYY.yaml so that comments and other records stay as they were. Pure functions."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from ctt_cli.vn.citation_grammar import parse_reference
from ctt_cli.yamlio.common import DateText

STATES = ("chưa thực hiện", "đang thực hiện", "hoàn thành", "không thực hiện")


class RecordError(ValueError):
    """What the clerk typed cannot be recorded (Vietnamese message)."""


def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: 'Hoàn Thành' → 'hoan thanh'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def parse_state(text: str) -> str:
    wanted = fold(text)
    for state in STATES:
        if fold(state) == wanted:
            return state
    raise RecordError(f"trạng thái '{text}' không hợp lệ; dùng một trong: {', '.join(STATES)}")


@dataclass
class Entry:
    """The fields given on the command line (None: not given, keep what the file has)."""

    task: str
    state: str
    occurrence: str | None = None
    completed: dt.date | None = None
    evidence: list[str] | None = None
    reason: str | None = None
    note: str | None = None
    by: str | None = None


def choose_occurrence(task_id: str, keys: list[tuple[str, str]], given: str | None, year: int) -> str | None:
    """The occurrence key to record: None when the year has one (or none), else the one given."""
    if given is not None:
        given = given.strip()
        if given not in [k for k, _ in keys]:
            listed = ", ".join(f"{k} ({label})" for k, label in keys) or "không có kỳ nào"
            raise RecordError(f"nhiệm vụ {task_id} không có kỳ '{given}' trong năm {year}; các kỳ: {listed}")
        return given if len(keys) > 1 else None
    if len(keys) > 1:
        listed = ", ".join(f"{k} ({label})" for k, label in keys)
        raise RecordError(
            f"nhiệm vụ {task_id} có {len(keys)} kỳ trong năm {year}; chọn một bằng --occurrence: {listed}"
        )
    return None


# The kind of a document from its symbol (Nghị định 30/2020, Phụ lục III): 120/BC-UBND is a Báo cáo.
SYMBOL_KINDS = {
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "TB": "Thông báo",
    "NQ": "Nghị quyết",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "TTr": "Tờ trình",
    "HD": "Hướng dẫn",
    "CT": "Chỉ thị",
    "BB": "Biên bản",
    "CV": "Công văn",
    "KL": "Kết luận",
}


@dataclass
class NewDocument:
    """A cited document not in documents.yaml yet, as far as the citation tells."""

    id: str
    kind: str
    number: str
    date: dt.date | None


def cited_document(text: str, documents) -> tuple[str | None, NewDocument | None]:
    """For an evidence string that is a citation ('120/BC-UBND ngày 13/11/2026', or 'Báo cáo số …'):
    the id of the registry document it names, or the new document it would add. (None, None) otherwise."""
    import re

    text = " ".join(text.split())
    kind = None
    citation = parse_reference(text)
    if citation is None:
        m = re.fullmatch(r"(?P<kind>[^\d/]+?)\s+số\s+(?P<rest>\S.*)", text)
        citation = parse_reference(m.group("rest")) if m else None
        if m is None or citation is None:
            return None, None
        kind = m.group("kind").strip()
    for doc in documents:
        if doc.number == citation.number and (citation.date is None or doc.date in (None, citation.date)):
            return doc.id, None
    if citation.date is None:
        return None, None
    number, _, symbol = citation.number.partition("/")
    code = symbol.split("-")[0]
    kind = kind or SYMBOL_KINDS.get(code)
    if not kind:
        return None, None
    base = re.sub(r"[^a-z0-9]+", "-", fold(f"{code}-{number}-{citation.date.year}")).strip("-")
    taken = {d.id for d in documents}
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return None, NewDocument(ident, kind, citation.number, citation.date)


def evidence_items(texts: list[str], document_ids: set[str]):
    """Evidence strings in the registry form: a document id, a citation (ref), or free text."""
    from ruamel.yaml.comments import CommentedMap

    items = []
    for text in (t.strip() for t in texts):
        if not text:
            continue
        key = "document" if text in document_ids else "ref" if parse_reference(text) else "text"
        items.append(CommentedMap([(key, text)]))
    return items


def apply_record(tree, entry: Entry, year: int, document_ids: set[str]) -> list[str]:
    """Add or update the record in the tree of progress/YYYY.yaml; the changes as lines."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if entry.state == "không thực hiện" and not entry.reason:
        existing = _find(tree, entry)
        if existing is None or not existing.get("reason"):
            raise RecordError("trạng thái 'không thực hiện' cần ghi lý do: --reason \"…\"")
    if entry.completed is not None and entry.state != "hoàn thành":
        raise RecordError('--date là ngày hoàn thành; chỉ dùng với --state "hoàn thành"')
    if entry.completed is not None and entry.completed.year not in (year, year + 1):
        raise RecordError(f"ngày hoàn thành {entry.completed:%d/%m/%Y} không thuộc năm {year}")
    if tree.get("records") is None:
        tree["records"] = CommentedSeq()
    record = _find(tree, entry)
    label = entry.task + (f" ({entry.occurrence})" if entry.occurrence else "")
    changes: list[str] = []
    if record is None:
        record = CommentedMap([("task", entry.task)])
        if entry.occurrence:
            record["occurrence"] = entry.occurrence
        tree["records"].append(record)
        changes.append(f"{label}: thêm bản ghi")

    def put(key: str, value, shown: str | None = None) -> None:
        old = record.get(key)
        if value is None:
            if key in record:
                record.pop(key)
                changes.append(f"{label}: bỏ {key} ({old})")
            return
        if str(old) != str(value):
            record[key] = value
            changes.append(f"{label}: {key} {_show(old)} → {shown or value}")

    put("state", entry.state)
    if entry.state == "hoàn thành":
        if entry.completed is not None:
            put("completed", DateText(entry.completed.isoformat()), f"{entry.completed:%d/%m/%Y}")
    else:
        put("completed", None)
    if entry.evidence is not None:
        items = evidence_items(entry.evidence, document_ids)
        old = [dict(e) for e in record.get("evidence") or []]
        if [dict(i) for i in items] != old:
            record["evidence"] = CommentedSeq(items)
            changes.append(f"{label}: evidence → " + "; ".join(next(iter(i.values())) for i in items))
    if entry.state == "không thực hiện":
        if entry.reason:
            put("reason", entry.reason)
    else:
        put("reason", entry.reason)
    if entry.note is not None:
        put("note", entry.note)
    if entry.by is not None:
        put("reported_by", entry.by)
    return changes


def _show(value) -> str:
    """An old value as the clerk reads it: ISO dates as dd/mm/yyyy, '—' for nothing."""
    if value is None:
        return "—"
    try:
        return f"{dt.date.fromisoformat(str(value)):%d/%m/%Y}"
    except ValueError:
        return str(value)


def _find(tree, entry: Entry):
    for record in tree.get("records") or []:
        if str(record.get("task")) == entry.task and (record.get("occurrence") or None) == entry.occurrence:
            return record
    return None
