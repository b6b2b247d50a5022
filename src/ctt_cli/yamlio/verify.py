"""What fmt checks before it writes: that its output keeps the data (as the fast reader sees it),
every comment and is stable, and that the input uses nothing fmt cannot carry over (directives, tags).

Comments are found with libyaml's scanner: everything between two tokens is blank space or a comment,
so a ``#`` there starts a comment that runs to the end of the line (plus the comment a block scalar's
``|``/``>`` header line may carry). A ``#`` inside a scalar is never counted.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.tokens import DirectiveToken, ScalarToken, TagToken

from ctt_cli.yamlio import libyaml
from ctt_cli.yamlio.common import DateText, YamlProblem, marked


class Unkeepable(Exception):
    """fmt cannot keep something in this file: ``message`` (Vietnamese) names it, at line:column (1-based)."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def _tokens(text: str) -> list[Any]:
    try:
        return libyaml.scan(text)
    except MarkedYAMLError as exc:
        problem = marked("E100", exc)
        raise Unkeepable(problem.message, problem.line, problem.column) from None
    except YAMLError as exc:
        raise Unkeepable(f"lỗi YAML: {exc}") from None


def refuse_unkeepable(text: str) -> None:
    """Raise Unkeepable at the first %YAML/%TAG directive or explicit tag (!!int, !!binary, !tag):
    the two readers do not agree on them and fmt would change or drop them."""
    for token in _tokens(text):
        if isinstance(token, DirectiveToken):
            mark = token.start_mark
            raise Unkeepable(
                f"chỉ thị %{token.name} không được hỗ trợ: fmt không đổi tệp này (bỏ chỉ thị; ctt đọc YAML 1.2)",
                mark.line + 1,
                mark.column + 1,
            )
        if isinstance(token, TagToken):
            mark = token.start_mark
            handle, suffix = token.value
            raise Unkeepable(
                f"thẻ tường minh '{handle or ''}{suffix}' không được hỗ trợ: fmt không đổi tệp này "
                "(bỏ thẻ, viết giá trị trực tiếp)",
                mark.line + 1,
                mark.column + 1,
            )


def comments(text: str) -> list[tuple[int, str]]:
    """Every comment of a YAML text, in order: (1-based line, text from '#' without trailing blanks)."""
    out: list[tuple[int, str]] = []

    def gap(start: int, end: int) -> None:
        i = start
        while True:
            hash_at = text.find("#", i, end)
            if hash_at < 0:
                return
            eol = text.find("\n", hash_at, end)
            stop = end if eol < 0 else eol
            out.append((text.count("\n", 0, hash_at) + 1, text[hash_at:stop].rstrip()))
            if eol < 0:
                return
            i = eol + 1

    pos = 0
    for token in _tokens(text):
        start, end = token.start_mark.index, token.end_mark.index
        if start > pos:
            gap(pos, start)
        if isinstance(token, ScalarToken) and token.style in ("|", ">"):
            header_end = text.find("\n", start, end)
            gap(start + 1, end if header_end < 0 else header_end)
        pos = max(pos, end)
    if pos < len(text):
        gap(pos, len(text))
    return out


def typed(value: Any) -> Any:
    """The data as values that compare only when their YAML type matches too (True is not 1,
    an unquoted date is not text); mappings ignore key order."""
    if isinstance(value, dict):
        return ("map", frozenset((typed(k), typed(v)) for k, v in value.items()), len(value))
    if isinstance(value, list):
        return ("seq", tuple(typed(v) for v in value))
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", value)
    if isinstance(value, float):
        return ("float", repr(value))
    if isinstance(value, DateText):
        return ("date", str(value))
    if isinstance(value, str):
        return ("str", str(value))
    return (type(value).__name__, repr(value))


def key_order(value: Any) -> list:
    """Every mapping's keys in document order (to tell whether fmt reordered anything)."""
    if isinstance(value, dict):
        return [list(map(str, value))] + [k for v in value.values() for k in key_order(v)]
    if isinstance(value, list):
        return [k for v in value for k in key_order(v)]
    return []


def first_difference(a: Any, b: Any, where: str = "") -> str:
    """A short path (``units[1].id``) to the first place where two data trees differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return f"{where}.{k}" if where else str(k)
            if typed(a[k]) != typed(b[k]):
                return first_difference(a[k], b[k], f"{where}.{k}" if where else str(k))
        return where or "gốc"
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if typed(x) != typed(y):
                return first_difference(x, y, f"{where}[{i}]")
        return f"{where}[{min(len(a), len(b))}]"
    return where or "gốc"


__all__ = ["Unkeepable", "YamlProblem", "comments", "first_difference", "key_order", "refuse_unkeepable", "typed"]
