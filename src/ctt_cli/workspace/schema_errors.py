"""Pydantic validation errors → positioned findings (the schema check, run while loading)."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic_core import ValidationError

from ctt_cli.findings import Finding
from ctt_cli.model.compiled import Compiled, Fields, model_path
from ctt_cli.workspace.salvage import salvage
from ctt_cli.yamlio import Source


def validate_model(source: Source, kind: str, models: Compiled) -> tuple[Any, list[Finding]]:
    """Validate the source's tree as a file of this ``kind`` (with the compiled models); all problems
    become findings. With errors, the model is what could be salvaged for the other checks
    (workspace.salvage), or None."""
    if not isinstance(source.tree, dict):
        return None, [source.finding("E200", "tệp phải là một ánh xạ (các dòng 'khóa: giá trị')")]
    try:
        return models.validate(kind, source.tree), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        model = model_path(kind)
        found = [_finding(source, models.fields, model, err) for err in errors]
        return salvage(source.tree, lambda data: models.validate(kind, data), errors), found


def _existing(tree: Any, loc: tuple[Any, ...], keep_last: bool) -> tuple[Any, ...]:
    """``loc`` without the steps pydantic adds for unions ('constrained-str', 'list[...]'), which are
    not in the file; the last step is kept as is for a missing or unknown key."""
    steps, node = [], tree
    for step in loc[:-1] if keep_last else loc:
        if (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        ):
            steps.append(step)
            node = node[step]
    return (*steps, loc[-1]) if keep_last and loc else tuple(steps)


def _finding(source: Source, fields: Fields, model: str, err: Any) -> Finding:
    kind = err["type"]
    loc = _existing(source.tree, tuple(err["loc"]), kind in ("missing", "extra_forbidden"))
    ctx = err.get("ctx") or {}
    if kind == "missing":
        field = loc[-1]
        return source.finding("E201", f"thiếu trường bắt buộc '{field}'", loc[:-1])
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = list(fields[_model_at(fields, model, loc[:-1])])
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"có phải '{close[0]}'?" if close else "các trường hợp lệ: " + ", ".join(known)
        return source.finding("E202", f"trường '{key}' không có trong lược đồ", loc, key=True, hint=hint)
    return source.finding("E200", _message(kind, ctx, err), loc)


_MESSAGES = {
    "string_type": "phải là chuỗi văn bản (đặt trong nháy nếu là số)",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "float_type": "phải là số",
    "float_parsing": "phải là số",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "list_type": "phải là một danh sách",
    "dict_type": "phải là một ánh xạ (các dòng 'khóa: giá trị')",
    "model_type": "phải là một ánh xạ (các dòng 'khóa: giá trị')",
    "model_attributes_type": "phải là một ánh xạ (các dòng 'khóa: giá trị')",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_from_datetime_inexact": "phải là ngày (không kèm giờ)",
    "string_too_short": "không được để trống",
    "too_short": "cần ít nhất {min_length} phần tử",
    "too_long": "có quá nhiều phần tử (tối đa {max_length})",
    "string_too_long": "quá dài (tối đa {max_length} ký tự)",
    "string_pattern_mismatch": "không đúng dạng (mẫu {pattern})",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than": "phải nhỏ hơn {lt}",
    "literal_error": "phải là một trong: {expected}",
    "enum": "phải là một trong: {expected}",
    "multiple_of": "phải là bội số của {multiple_of}",
}


def _message(kind: str, ctx: dict[str, Any], err: Any) -> str:
    if kind in ("value_error", "assertion_error"):
        return str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    template = _MESSAGES.get(kind)
    if template is None:
        return f"giá trị không hợp lệ ({err['msg']})"
    try:
        return template.format(**ctx).replace(" or ", " hoặc ")
    except (KeyError, IndexError):
        return template


def _model_at(fields: Fields, model: str, loc: tuple[Any, ...]) -> str:
    """The model (its path) that holds the data at ``loc`` (list indexes skipped)."""
    current = model
    for step in loc:
        if isinstance(step, int):
            continue
        inner = fields[current].get(str(step), ("", None))[1]
        if inner is None:
            return current
        current = inner
    return current
