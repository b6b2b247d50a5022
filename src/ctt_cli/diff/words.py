"""Semantic changes → sentences in the plan's language (Vietnamese)."""

from __future__ import annotations

from typing import Any

from ctt_cli import schedule
from ctt_cli.diff.phrases import file_words, is_empty, plain, progress_words, score_words, task_label
from ctt_cli.diff.semantic import Change
from ctt_cli.scoring import compute_score
from ctt_cli.vn.words import lower_first, shorten

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
    "parent_header": "tên cơ quan chủ quản ở tiêu đề",
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
    return plain(v, field, ward)


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
    """The change as a Vietnamese sentence; "" when nothing a reader sees has changed."""
    if not change.path and change.kind in ("added", "removed"):
        appears = change.kind == "added"
        return file_words(change.file, change.new if appears else change.old, appears)
    who, rest = subject(change)
    field = rest[-1] if rest else ""
    label = FIELDS.get(field, field)
    if len(rest) >= 2 and field not in FIELDS and rest[-2] in FIELDS:  # one record of a list: an evidence item
        field, label = rest[-2], FIELDS[rest[-2]]
    if change.kind == "reordered":
        return f"{who}: thứ tự thay đổi: {', '.join(change.old)} → {', '.join(change.new)}"
    if not rest:
        if change.kind == "added":
            return f"Thêm {lower_first(who)}: {_summary(change.new, new_ward)}"
        if change.kind == "removed":
            return f"Bỏ {lower_first(who)}: {_summary(change.old, old_ward)}"
    if change.kind == "added" or (change.kind == "changed" and is_empty(change.old)):
        return f"{who}: thêm {label}: {value(change.new, field, new_ward)}"
    if change.kind == "removed" or (change.kind == "changed" and is_empty(change.new)):
        return f"{who}: bỏ {label}: {value(change.old, field, old_ward)}"
    if isinstance(change.old, list) and isinstance(change.new, list):
        added = [x for x in change.new if x not in change.old]
        removed = [x for x in change.old if x not in change.new]
        parts = []
        if added:
            parts.append(f"thêm {label}: {value(added, field, new_ward)}")
        if removed:
            parts.append(f"bỏ {label}: {value(removed, field, old_ward)}")
        if not parts:
            parts.append(f"thứ tự {label} thay đổi")
        return f"{who}: " + "; ".join(parts)
    before, after = value(change.old, field, old_ward), value(change.new, field, new_ward)
    if before == after:
        return ""  # a change no reader sees (8 → 8.0, a key spelled differently)
    line = f"{who}: {label} '{before}' → '{after}'"
    if field == "deadline" and change.file == "tasks" and year:
        line += _due_impact(change, old_ward, new_ward, year)
    return line


def _summary(data: Any, ward) -> str:
    if isinstance(data, dict) and "deadline" in data:
        lead = plain(data.get("lead_text") or data.get("lead"), "lead", ward)
        return f"'{shorten(data.get('text', ''), 80)}' (thời gian: {data['deadline']}; chủ trì: {lead})"
    if isinstance(data, dict) and data.get("task") and data.get("state"):  # the subject names the task
        return progress_words(data, ward)
    if isinstance(data, dict) and data.get("criterion"):
        why = f"; giải trình: {plain(data['explanation'])}" if data.get("explanation") else ""
        return score_words(data) + why
    return value(data, "", ward)


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
    parts = []
    if a.total != b.total:
        parts.append(f"Tổng điểm {year}: {value(a.total)} → {value(b.total)}")
    if a.level_reached != b.level_reached:
        parts.append(f"mức độ đạt được: {a.level_reached or 'chưa đạt'} → {b.level_reached or 'chưa đạt'}")
    if not parts:
        return None
    parts[0] = parts[0][:1].upper() + parts[0][1:]
    return "; ".join(parts)
