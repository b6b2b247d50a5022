"""Values of the plan data in words a reviewer reads: no braces, no None, no list brackets.

`plain` renders any value a semantic change carries (a date, a list of unit ids, an evidence
item, a progress or score record, a whole mapping of records); `file_added` sums up a whole
yearly file that appears or disappears ("tạo tiến độ năm 2027 (10 kỳ, chưa thực hiện)").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from ctt_cli.vn.words import shorten, vn_number

EMPTY = "(trống)"
EVIDENCE_KEYS = {"document", "ref", "text"}
UNIT_FIELDS = ("lead", "partners", "units", "leads")
FIELD_WORDS = {
    "self": "điểm tự chấm",
    "appraisal": "điểm thẩm định",
    "passed": "đạt",
    "not_scored": "chưa chấm",
    "not_applicable": "không áp dụng",
    "explanation": "giải trình",
    "state": "trạng thái",
    "completed": "hoàn thành ngày",
    "reason": "lý do",
    "note": "ghi chú",
    "deadline": "thời gian",
    "lead": "chủ trì",
}


def is_empty(v: Any) -> bool:
    return v is None or v == "" or v == [] or v == {}


def _unit_name(ward, unit_id: str) -> str:
    unit = ward.unit(unit_id) if ward is not None else None
    return (unit.short_name or unit.name) if unit else unit_id


def task_label(task_id: str) -> str:
    return f"Nhiệm vụ {int(task_id[1:])}" if re.fullmatch(r"T\d+", task_id) else f"Nhiệm vụ {task_id}"


def is_evidence(v: Any) -> bool:
    return isinstance(v, dict) and bool(v) and set(v) <= EVIDENCE_KEYS


def evidence_words(v: dict[str, Any], ward) -> str:
    if v.get("document"):
        doc = next((d for d in ward.documents if d.id == v["document"]), None) if ward is not None else None
        if doc is None:
            return f"văn bản {v['document']}"
        if doc.number:
            return f"{doc.kind} số {doc.number}" + (f" ngày {doc.date:%d/%m/%Y}" if doc.date else "")
        return shorten(f"{doc.kind} {doc.subject or ''}".strip(), 90)
    return shorten(str(v.get("ref") or v.get("text") or ""), 120)


def _records(v: dict[str, Any]) -> bool:
    """A mapping of records (a list of records keyed by identity): every value is a mapping."""
    return bool(v) and all(isinstance(x, dict) for x in v.values())


def record_words(v: dict[str, Any], ward) -> str:
    """One record in words: a progress record, a score, a unit, a task, or any mapping."""
    if is_evidence(v):
        return evidence_words(v, ward)
    if v.get("task") and v.get("state"):  # a progress record
        occ = f" kỳ {v['occurrence']}" if v.get("occurrence") else ""
        return f"{task_label(v['task']).lower()}{occ}: {progress_words(v, ward)}"
    if v.get("criterion"):  # a score
        return f"tiêu chí {v['criterion']}: {score_words(v)}"
    for key in ("name", "title", "text"):
        if isinstance(v.get(key), str) and v[key]:
            return shorten(v[key], 90)
    parts = [f"{FIELD_WORDS.get(k, k)} {plain(x, k, ward)}" for k, x in v.items() if not is_empty(x) and x is not False]
    return "; ".join(parts) or EMPTY


def progress_words(v: dict[str, Any], ward) -> str:
    """A progress record's content: its state, its day, its evidence and reason."""
    done = f" ngày {plain(v['completed'])}" if v.get("completed") else ""
    parts = [f"{v['state']}{done}"]
    if not is_empty(v.get("evidence")):
        parts.append(f"chứng cứ: {plain(v['evidence'], 'evidence', ward)}")
    if v.get("reason"):
        parts.append(f"lý do: {plain(v['reason'])}")
    return "; ".join(parts)


def score_words(v: dict[str, Any]) -> str:
    if v.get("not_applicable"):
        return "không áp dụng"
    if v.get("not_scored"):
        return "chưa chấm"
    if v.get("passed") is not None:
        return "đạt" if v["passed"] else "không đạt"
    if v.get("self") is not None:
        return f"{plain(v['self'])} điểm"
    return "chưa chấm"


def plain(v: Any, field: str = "", ward=None) -> str:
    """Any value in words (see the module docstring)."""
    if is_empty(v):
        return EMPTY
    if isinstance(v, bool):
        return "có" if v else "không"
    if isinstance(v, (int, float)):
        return vn_number(v)
    if isinstance(v, str):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return dt.date.fromisoformat(v).strftime("%d/%m/%Y")
        if field in UNIT_FIELDS and ward is not None:
            return _unit_name(ward, v)
        return shorten(v, 120)
    if isinstance(v, list):
        return ", ".join(plain(x, field, ward) for x in v if not is_empty(x)) or EMPTY
    if isinstance(v, dict):
        if _records(v) and not is_evidence(v):
            return "; ".join(record_words(x, ward) for x in v.values())
        return record_words(v, ward)
    return shorten(str(v), 120)


def _records_of(data: Any, key: str) -> list[dict[str, Any]]:
    items = data.get(key) if isinstance(data, dict) else None
    if isinstance(items, dict):
        return [x for x in items.values() if isinstance(x, dict)]
    return [x for x in items or [] if isinstance(x, dict)]


def file_words(file: str, data: Any, added: bool) -> str:
    """A whole file that appears ('tạo …') or disappears ('xóa …'), summed up."""
    verb = "Tạo" if added else "Xóa"
    kind, _, year = file.partition("/")
    if kind == "progress":
        records = _records_of(data, "records")
        states = Counter(str(r.get("state", "")) for r in records)
        if not records:
            return f"{verb} tiến độ năm {year} (chưa ghi kỳ nào)"
        if len(states) == 1:
            return f"{verb} tiến độ năm {year} ({len(records)} kỳ, {next(iter(states))})"
        spread = ", ".join(f"{n} {s}" for s, n in states.most_common())
        return f"{verb} tiến độ năm {year} ({len(records)} kỳ: {spread})"
    if kind == "scores":
        scores = _records_of(data, "scores")
        scored = sum(score_words(s) not in ("chưa chấm",) for s in scores)
        return f"{verb} bảng tự chấm điểm năm {year} ({len(scores)} tiêu chí, đã chấm {scored})"
    if kind == "reports":
        return f"{verb} phần tường thuật các văn bản năm {year}"
    names = {
        "plan": "kế hoạch",
        "units": "danh mục đơn vị",
        "documents": "danh mục văn bản",
        "tasks": "phụ lục nhiệm vụ",
        "criteria": "bộ tiêu chí",
    }
    return f"{verb} {names.get(kind, kind)}"
