"""Semantic changes → sentences in the plan's language (Vietnamese)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ctt_cli import schedule
from ctt_cli.diff.semantic import Change
from ctt_cli.scoring import compute_score
from ctt_cli.vn.words import lower_first, shorten, vn_number

FIELDS = {
    "text": "nội dung",
    "deadline": "thời gian thực hiện",
    "lead": "cơ quan chủ trì",
    "lead_text": "cơ quan chủ trì (như ghi)",
    "partners": "cơ quan phối hợp",
    "partners_text": "cơ quan phối hợp (như ghi)",
    "produces": "văn bản phải làm",
    "repeat": "lặp lại",
    "name": "tên",
    "short_name": "tên ngắn",
    "aliases": "tên gọi khác",
    "kind": "loại",
    "code": "ký hiệu",
    "number": "số",
    "date": "ngày",
    "issuer": "cơ quan ban hành",
    "subject": "trích yếu",
    "title": "tiêu đề",
    "state": "trạng thái",
    "completed": "ngày hoàn thành",
    "evidence": "chứng cứ",
    "note": "ghi chú",
    "reason": "lý do",
    "reported_by": "người báo cáo",
    "self": "điểm tự chấm",
    "appraisal": "điểm thẩm định",
    "explanation": "giải trình",
    "passed": "đạt",
    "level": "mức độ",
    "place": "địa danh",
    "max": "điểm tối đa",
    "min_total": "tổng điểm tối thiểu",
    "min_group_share": "tỷ lệ tối thiểu mỗi nhóm",
    "required": "tiêu chí bắt buộc",
    "registered_level": "mức độ đăng ký",
    "items": "các gạch đầu dòng",
    "units": "đơn vị",
    "cites": "văn bản trích dẫn",
    "year": "năm",
    "start": "năm bắt đầu",
    "end": "năm kết thúc",
    "open_ended": "tiếp tục sau giai đoạn",
    "before_date": "cách hiểu 'Trước ngày'",
    "to_year": "đến năm",
    "header": "tên cơ quan ở tiêu đề",
    "status": "tình trạng dữ liệu",
    "notice": "lời cảnh báo",
    "not_scored": "chưa chấm",
}
TOP = {
    "document": "Thông tin văn bản",
    "objectives": "Mục tiêu",
    "body": "Nội dung",
    "recipients": "Nơi nhận",
    "signature": "Chữ ký",
    "legal_bases": "Căn cứ",
    "period": "Giai đoạn",
    "settings": "Cài đặt",
    "issuer": "Cơ quan ban hành",
    "preamble": "Đoạn mở đầu",
    "closing": "Đoạn kết",
    "appendix": "Phụ lục",
}


def value(v: Any, field: str = "", ward=None) -> str:
    if v is None or v == "" or v == []:
        return "(trống)"
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return dt.date.fromisoformat(v).strftime("%d/%m/%Y")
    if field in ("lead", "partners", "units") and ward is not None:
        ids = v if isinstance(v, list) else [v]
        return ", ".join(_unit_name(ward, i) for i in ids)
    if isinstance(v, bool):
        return "có" if v else "không"
    if isinstance(v, (int, float)):
        return vn_number(v)
    if isinstance(v, list):
        return ", ".join(value(x) for x in v)
    if isinstance(v, dict):
        return shorten(str(v.get("text") or v.get("title") or v.get("name") or v.get("id") or v), 90)
    return shorten(str(v), 120)


def _unit_name(ward, unit_id: str) -> str:
    unit = ward.unit(unit_id) if ward else None
    return (unit.short_name or unit.name) if unit else unit_id


def task_label(task_id: str) -> str:
    return f"Nhiệm vụ {int(task_id[1:])}" if re.fullmatch(r"T\d+", task_id) else f"Nhiệm vụ {task_id}"


def subject(change: Change) -> tuple[str, tuple[str, ...]]:
    """Who the change is about, and the rest of the path."""
    file, path = change.file, change.path
    year = file.split("/")[1] if "/" in file else ""
    if file == "tasks" and path[:1] == ("tasks",) and len(path) > 1:
        return task_label(path[1]), path[2:]
    if file == "units" and len(path) > 1:
        return f"Đơn vị {path[1]}", path[2:]
    if file == "documents" and len(path) > 1:
        return f"Văn bản {path[1]}", path[2:]
    if file.startswith("progress/") and len(path) > 1:
        task, _, occ = path[1].partition("@")
        return f"Tiến độ {year}, {task_label(task).lower()}" + (f" kỳ {occ}" if occ else ""), path[2:]
    if file.startswith("scores/") and path[:1] == ("scores",) and len(path) > 1:
        return f"Điểm {year}, tiêu chí {path[1]}", path[2:]
    if file.startswith("scores/"):
        return f"Điểm {year}", path
    if file.startswith("reports/"):
        return f"Báo cáo năm {year}", path
    if file == "criteria":
        if path[:1] == ("levels",) and len(path) > 1:
            return f"Bộ tiêu chí, mức độ {path[1]}", path[2:]
        crit = [p for i, p in enumerate(path) if i and path[i - 1] in ("groups", "children")]
        if crit:
            return f"Bộ tiêu chí, tiêu chí {crit[-1]}", path[path.index(crit[-1]) + 1 :]
        return "Bộ tiêu chí", path
    if file == "plan" and path:
        if path[0] == "objectives" and len(path) > 1:
            return f"Mục tiêu từ năm {path[1]}", path[2:]
        if path[0] == "body":
            sections = [p for i, p in enumerate(path) if path[i - 1] in ("body", "children")]
            rest = path[path.index(sections[-1]) + 1 :] if sections else path[1:]
            return f"Mục '{shorten(sections[-1], 60)}'" if sections else "Nội dung", rest
        return TOP.get(path[0], path[0]), path[1:]
    return {"plan": "Kế hoạch", "tasks": "Phụ lục"}.get(file, file), path


def describe(change: Change, old_ward=None, new_ward=None, year: int | None = None) -> str:
    who, rest = subject(change)
    field = rest[-1] if rest else ""
    label = FIELDS.get(field, field)
    if change.kind == "reordered":
        return f"{who}: thứ tự thay đổi: {', '.join(change.old)} → {', '.join(change.new)}"
    if not rest:
        if change.kind == "added":
            return f"Thêm {lower_first(who)}: {_summary(change.new, new_ward)}"
        if change.kind == "removed":
            return f"Bỏ {lower_first(who)}: {_summary(change.old, old_ward)}"
    if change.kind == "added":
        return f"{who}: thêm {label} {value(change.new, field, new_ward)}".rstrip()
    if change.kind == "removed":
        return f"{who}: bỏ {label} {value(change.old, field, old_ward)}".rstrip()
    if isinstance(change.old, list) and isinstance(change.new, list):
        added = [x for x in change.new if x not in change.old]
        removed = [x for x in change.old if x not in change.new]
        parts = []
        if added:
            parts.append(f"thêm {label} {value(added, field, new_ward)}")
        if removed:
            parts.append(f"bỏ {label} {value(removed, field, old_ward)}")
        if not parts:
            parts.append(f"thứ tự {label} thay đổi")
        return f"{who}: " + "; ".join(parts)
    line = f"{who}: {label} '{value(change.old, field, old_ward)}' → '{value(change.new, field, new_ward)}'"
    if field == "deadline" and change.file == "tasks" and year:
        line += _due_impact(change, old_ward, new_ward, year)
    return line


def _summary(data: Any, ward) -> str:
    if isinstance(data, dict) and "deadline" in data:
        lead = _unit_name(ward, data.get("lead", ""))
        return f"'{shorten(data.get('text', ''), 80)}' (thời gian: {data['deadline']}; chủ trì: {lead})"
    return value(data)


def _due_impact(change: Change, old_ward, new_ward, year: int) -> str:
    def due(ward, phrase: str) -> str:
        if ward is None or ward.plan is None:
            return "?"
        rule = schedule.rule_or_none(phrase)
        if rule is None:
            return "không đọc được"
        settings = ward.plan.settings
        occ = schedule.occurrences(
            rule,
            change.path[1],
            year,
            inclusive=settings.before_date == "inclusive",
            day_off=settings.day_off,
            calendar=schedule.plan_workdays(ward.plan),
        )
        return ", ".join(f"{o.due:%d/%m}" for o in occ if o.due) or "không có"

    return f" (hạn {year}: {due(old_ward, change.old)} → {due(new_ward, change.new)})"


def score_summary(old_ward, new_ward, year: int) -> str | None:
    """'Tổng điểm 2026: 88 → 90; mức độ đạt được: 3 → 4' when both sides can be scored."""

    def result(ward):
        if ward is None or ward.criteria is None or ward.scores(year) is None:
            return None
        return compute_score(ward.criteria, ward.scores(year))

    a, b = result(old_ward), result(new_ward)
    if a is None or b is None:
        return None
    return (
        f"Tổng điểm {year}: {value(a.total)} → {value(b.total)}; mức độ đạt được: "
        f"{a.level_reached or 'chưa đạt'} → {b.level_reached or 'chưa đạt'}"
    )
