"""Reading YAML with positions kept, safely.

Everything the rest of ctt knows about a file's bytes lives here: size and
encoding checks, parsing (the fast libyaml reader, or ruamel round-trip for
fmt; both keep every value's line and column and refuse anchors/aliases), and
the mapping from a path inside the data (``("tasks", 4, "lead")``) back to
``line:column``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctt_cli.findings import Finding
from ctt_cli.yamlkit import fast
from ctt_cli.yamlkit.common import DateText, DoubleQuoted, SingleQuoted, YamlProblem  # noqa: F401

MAX_BYTES = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\ud800-\udfff\ufffe\uffff]")

Loc = tuple[str | int, ...]


@dataclass
class Source:
    """One YAML file as read: its path for messages, its text and its round-trip tree."""

    path: Path
    display: str
    text: str
    tree: Any  # dicts and lists with an ``lc`` attribute giving positions

    def strings(self) -> list[tuple[Loc, str]]:
        """Every string value with its location (computed once: several checks walk them)."""
        cached = self.__dict__.get("_strings")
        if cached is None:
            cached = self.__dict__["_strings"] = list(strings(self.tree))
        return cached

    def pos(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        return position(self.tree, loc, key=key)

    def finding(self, code: str, message: str, loc: Loc = (), *, key: bool = False,
                hint: str = "", offset: int | None = None) -> Finding:
        if offset is not None:
            line, col = offset_position(self.tree, loc, offset)
        else:
            line, col = self.pos(loc, key=key)
        return Finding(self.display, line, col, code, message, display_path(self.tree, loc), hint)


MAX_DEPTH = 64


_DEEP_INDENT = re.compile(r"\n {" + str(2 * MAX_DEPTH) + "}")


def _too_deep(text: str) -> int:
    """Offset where brackets or indentation nest deeper than MAX_DEPTH (0 when they do not).

    Checked before parsing: parsers recurse per level and take seconds on deep input."""
    deep = _DEEP_INDENT.search(text)
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return deep.start() + 1 if deep else 0
    depth, quote = 0, ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote or ch == "\n":
                quote = ""
        elif ch in "\"'" and depth:
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return i
        elif ch in "]}" and depth:
            depth -= 1
        elif deep and i == deep.start():
            return i + 1
    return deep.start() + 1 if deep else 0


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_yaml(path: Path, display: str | None = None, *, rt: bool = False) -> tuple[Source | None, list[Finding]]:
    """Read and parse one YAML file. Returns (source, findings); source is None on failure."""
    shown = display or str(path)

    def fail(code: str, message: str, line: int = 0, col: int = 0, hint: str = ""):
        return None, [Finding(shown, line, col, code, message, "", hint)]

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return fail("E107", f"tệp lớn {size} byte, vượt giới hạn {MAX_BYTES} byte")
        raw = path.read_bytes()
    except FileNotFoundError:
        return fail("E108", "không tìm thấy tệp")
    except IsADirectoryError:
        return fail("E108", "đây là thư mục, không phải tệp")
    except OSError as exc:
        return fail("E108", f"không đọc được tệp ({exc.strerror})")
    return parse_yaml(raw, shown, path, rt=rt)


def parse_yaml(raw: bytes, display: str, path: Path | None = None, *,
               rt: bool = False) -> tuple[Source | None, list[Finding]]:
    """Parse bytes already read (from disk or from git); ``rt``: keep comments (for fmt)."""

    def fail(code: str, message: str, line: int = 0, col: int = 0, hint: str = ""):
        return None, [Finding(display, line, col, code, message, "", hint)]

    if len(raw) > MAX_BYTES:
        return fail("E107", f"tệp lớn {len(raw)} byte, vượt giới hạn {MAX_BYTES} byte")
    if raw.startswith(b"\xef\xbb\xbf"):
        return fail("E104", "tệp bắt đầu bằng BOM (byte order mark)", 1, 1,
                    "lưu lại tệp dạng UTF-8 không BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        return fail("E103", f"byte 0x{raw[exc.start]:02x} không hợp lệ trong UTF-8", line, col,
                    "lưu lại tệp với bảng mã UTF-8 (Unicode)")
    bad = _CONTROL.search(text)
    if bad:
        line, col = _line_col(text, bad.start())
        return fail("E401", f"ký tự điều khiển U+{ord(bad.group()):04X} không được phép", line, col)
    for lineno, line_text in enumerate(text.split("\n"), 1):
        indent = len(line_text) - len(line_text.lstrip(" \t"))
        if "\t" in line_text[:indent]:
            return fail("E102", "dùng tab để thụt lề; YAML chỉ cho phép dấu cách", lineno,
                        line_text.index("\t") + 1)
    deep = _too_deep(text)
    if deep:
        return fail("E100", f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)", *_line_col(text, deep))
    if not any(ln.strip() and not ln.lstrip().startswith("#") for ln in text.splitlines()):
        return fail("E105", "tệp rỗng, không có dữ liệu")
    try:
        if rt:
            from ctt_cli.yamlkit import roundtrip  # ruamel: only for fmt

            tree = roundtrip.load(text)
        else:
            tree = fast.load(text)
    except YamlProblem as exc:
        return fail(exc.code, exc.message, exc.line, exc.column, exc.hint)
    except RecursionError:
        return fail("E100", "dữ liệu lồng nhau quá sâu")
    return Source(path or Path(display), display, text, tree), []


def _child(node: Any, step: str | int) -> Any:
    if isinstance(node, dict) and step in node:
        return node[step]
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


def position(tree: Any, loc: Loc, *, key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the value at ``loc``; of its key when ``key``.

    Walks as deep as the data goes: for a missing key, the position of the
    mapping that should hold it.
    """
    node = tree
    line, col = 1, 1
    if hasattr(node, "lc"):
        line, col = node.lc.line + 1, node.lc.col + 1
    for i, step in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, dict) and hasattr(node, "lc") and step in node:
            try:
                pos = node.lc.key(step) if (key and last) else node.lc.value(step)
            except (KeyError, TypeError):
                pos = None
            if pos:
                line, col = pos[0] + 1, pos[1] + 1
        elif isinstance(node, list) and hasattr(node, "lc") and isinstance(step, int) and 0 <= step < len(node):
            try:
                pos = node.lc.item(step)
                line, col = pos[0] + 1, pos[1] + 1
            except (KeyError, TypeError, IndexError):
                pass
        else:
            break
        node = _child(node, step)
    return line, col


def offset_position(tree: Any, loc: Loc, offset: int) -> tuple[int, int]:
    """Position of character ``offset`` inside the string scalar at ``loc``.

    Exact for single-line plain and quoted scalars (the layout ctt writes);
    for other styles the scalar's start.
    """
    line, col = position(tree, loc)
    node = tree
    for step in loc:
        node = _child(node, step)
    if not isinstance(node, str) or "\n" in node:
        return line, col
    style = getattr(node, "style", None)  # ruamel's scalar strings and ours both say
    quoted = style in ("'", '"')
    if style == "'":
        offset += node[:offset].count("'")
    return line, col + offset + (1 if quoted else 0)


def display_path(tree: Any, loc: Loc) -> str:
    """``tasks[T05].lead``: list items named by their id when they have one."""
    out = ""
    node = tree
    for step in loc:
        if isinstance(step, int):
            child = _child(node, step)
            ident = child.get("id") if isinstance(child, dict) else None
            out += f"[{ident}]" if isinstance(ident, (str, int)) and ident != "" else f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
        node = _child(node, step)
    return out


def strings(tree: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string scalar value in the tree (not keys), with its location."""
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from strings(v, (*loc, k))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from strings(v, (*loc, i))
    elif isinstance(tree, str):
        yield loc, tree


def plain(tree: Any) -> Any:
    """The tree as plain dicts, lists and scalars (no ruamel types)."""
    if isinstance(tree, dict):
        return {str(k): plain(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [plain(v) for v in tree]
    if isinstance(tree, str):
        return str(tree)
    if type(tree).__name__ == "TaggedScalar":  # ruamel keeps "=" (the YAML value tag) wrapped; PyYAML reads a str
        return plain(tree.value)
    return tree
