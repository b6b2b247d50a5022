"""The fast reader: libyaml (through ruamel.yaml.clib's C parser) composes the node tree, and ctt
builds plain dicts and lists from it with every key's and value's position kept.

Values are resolved with the YAML 1.2 core schema, as ruamel does ("no" stays text,
"012" is 12), dates stay text (DateText), duplicate keys and aliases are refused.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import Node, ScalarNode, SequenceNode

from ctt_cli.yamlio import libyaml
from ctt_cli.yamlio.common import DateText, DoubleQuoted, SingleQuoted, YamlProblem, marked

_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
MAX_DIGITS = 1000
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$")
_IMPLICIT = {f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "timestamp", "str")}
_TYPED_START = set("-+.0123456789~nNtTfF")  # a plain scalar starting otherwise is text


class LC:
    """Positions (0-based, like ruamel's ``.lc``) of a mapping or sequence and of its entries."""

    __slots__ = ("line", "col", "data")

    def __init__(self, line: int, col: int) -> None:
        self.line, self.col = line, col
        self.data: dict[Any, tuple[int, int, int, int]] = {}

    def key(self, k: Any) -> tuple[int, int]:
        d = self.data[k]
        return d[0], d[1]

    def value(self, k: Any) -> tuple[int, int]:
        d = self.data[k]
        return d[2], d[3]

    def item(self, i: int) -> tuple[int, int]:
        d = self.data[i]
        return d[2], d[3]


class PMap(dict):
    lc: LC


class PSeq(list):
    lc: LC


def _scalar(node: ScalarNode) -> Any:
    value = node.value
    if node.style == "'":
        return SingleQuoted(value)
    if node.style == '"':
        return DoubleQuoted(value)
    if node.style:  # literal | or folded >
        return value
    if value and value[0] not in _TYPED_START:
        return value
    if node.ctag is not libyaml.UNTAGGED and node.tag not in _IMPLICIT:
        return value  # an explicit custom tag: keep the text
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        if len(value) > MAX_DIGITS:  # Python refuses int() of over 4,300 digits; no plan needs 100
            raise YamlProblem(
                "E200",
                f"số quá dài ({len(value)} chữ số, tối đa {MAX_DIGITS})",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                "nếu là mã hoặc văn bản, đặt trong dấu nháy: '0123...'",
            )
        return int(value)
    if value.startswith(("0o", "0x")) and len(value) > 2:
        if len(value) > MAX_DIGITS:
            return value
        try:
            return int(value[2:], 8 if value[1] == "o" else 16)
        except ValueError:
            return value
    if _FLOAT.match(value):
        return float(value)
    special = value.lstrip("+-").lower()
    if special in (".inf", ".nan"):
        return float(("-" if value.startswith("-") else "") + special[1:])
    if _DATE.match(value):
        return DateText(value)
    return value


def _build(node: Node, seen: set[int]) -> Any:
    seen.add(id(node))  # an alias is the same node met twice (scalars too: `name: *ten` is refused)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        seq = PSeq()
        seq.lc = LC(node.start_mark.line, node.start_mark.column)
        for i, child in enumerate(node.value):
            if id(child) in seen:  # an alias node's own mark is its anchor's: name the sequence
                raise _alias(node.start_mark)
            seq.lc.data[i] = (child.start_mark.line, child.start_mark.column) * 2
            seq.append(_build(child, seen))
        return seq
    out = PMap()
    out.lc = LC(node.start_mark.line, node.start_mark.column)
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise YamlProblem(
                "E100",
                "khóa phải là một giá trị đơn (không dùng danh sách hay ánh xạ làm khóa)",
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
        if key_node.ctag is not libyaml.UNTAGGED and key_node.tag == "tag:yaml.org,2002:merge":
            raise _alias(key_node.start_mark)
        key = _scalar(key_node)
        if isinstance(key, (SingleQuoted, DoubleQuoted, DateText)):
            key = str(key)
        if key in out or not _hashable(key):
            raise YamlProblem(
                "E101",
                f"khóa '{key}' bị lặp",
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
                "mỗi khóa chỉ được xuất hiện một lần trong một ánh xạ",
            )
        if id(key_node) in seen:
            raise _alias(key_node.start_mark)
        seen.add(id(key_node))
        if id(value_node) in seen:
            raise _alias(key_node.start_mark)
        out.lc.data[key] = (
            key_node.start_mark.line,
            key_node.start_mark.column,
            value_node.start_mark.line,
            value_node.start_mark.column,
        )
        out[key] = _build(value_node, seen)
    return out


def _hashable(key: Any) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


def _alias(mark) -> YamlProblem:
    return YamlProblem(
        "E106",
        "dùng neo/bí danh YAML (&, *, <<) không được phép trong dữ liệu kế hoạch",
        mark.line + 1,
        mark.column + 1,
        "chép lại giá trị thay vì tham chiếu",
    )


def load(text: str) -> Any:
    """Parse one YAML document into PMap/PSeq/scalars; raise YamlProblem."""
    try:
        node = libyaml.compose(text)
    except MarkedYAMLError as exc:
        raise marked("E100", exc) from None
    except YAMLError as exc:
        raise YamlProblem("E100", f"lỗi YAML: {exc}") from None
    if node is None:
        return None
    return _build(node, set())
