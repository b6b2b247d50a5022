"""Reading YAML with positions kept, safely.

Everything the rest of ctt knows about a file's bytes lives here: size and
encoding checks, ruamel round-trip parsing (so every value keeps its line and
column), the refusal of anchors/aliases, and the mapping from a path inside
the data (``("tasks", 4, "lead")``) back to ``line:column``.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from ctt_cli.findings import Finding

MAX_BYTES = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\ud800-\udfff\ufffe\uffff]")

Loc = tuple[str | int, ...]


@dataclass
class Source:
    """One YAML file as read: its path for messages, its text and its round-trip tree."""

    path: Path
    display: str
    text: str
    tree: Any

    def pos(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        return position(self.tree, loc, key=key)

    def finding(self, code: str, message: str, loc: Loc = (), *, key: bool = False,
                hint: str = "", offset: int | None = None) -> Finding:
        if offset is not None:
            line, col = offset_position(self.tree, loc, offset)
        else:
            line, col = self.pos(loc, key=key)
        return Finding(self.display, line, col, code, message, display_path(self.tree, loc), hint)


class DateText(str):
    """An unquoted YAML date (2026-01-30), kept as text: the models parse it, so an
    impossible date (2026-02-30) is a positioned error rather than a crash in the parser."""


class _Constructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node, values=None):  # noqa: ARG002 - ruamel's signature
        return DateText(self.construct_scalar(node))


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Constructor = _Constructor
    y.preserve_quotes = True
    y.allow_duplicate_keys = False
    return y


MAX_DEPTH = 64


def _too_deep(text: str) -> int:
    """Offset where brackets or indentation nest deeper than MAX_DEPTH (0 when they do not).

    Checked before parsing: ruamel recurses per level and takes seconds on deep input."""
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
        elif ch == "\n" and text[i + 1:i + 1 + 2 * MAX_DEPTH].startswith(" " * (2 * MAX_DEPTH)):
            return i + 1
    return 0


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_yaml(path: Path, display: str | None = None) -> tuple[Source | None, list[Finding]]:
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
    return parse_yaml(raw, shown, path)


def parse_yaml(raw: bytes, display: str, path: Path | None = None) -> tuple[Source | None, list[Finding]]:
    """Parse bytes already read (from disk or from git)."""

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
        tree = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        code = "E101" if type(exc).__name__ == "DuplicateKeyError" else "E100"
        message, hint = _yaml_problem(exc)
        return fail(code, message, line, col, hint)
    except YAMLError as exc:
        return fail("E100", f"lỗi YAML: {exc}")
    except RecursionError:
        return fail("E100", "dữ liệu lồng nhau quá sâu")
    alias = _find_alias(tree)
    if alias is not None:
        # an alias's own position is its anchor's: name the key that holds it instead
        keys = [i for i, step in enumerate(alias) if isinstance(step, str)]
        line, col = position(tree, alias[: keys[-1] + 1] if keys else alias, key=True)
        return fail("E106", "dùng neo/bí danh YAML (&, *, <<) không được phép trong dữ liệu kế hoạch",
                    line, col, "chép lại giá trị thay vì tham chiếu")
    return Source(path or Path(display), display, text, tree), []


_PROBLEMS = {  # prefix of ruamel's problem text: (Vietnamese message, hint)
    "mapping values are not allowed": (
        "có dấu ':' ở chỗ không được phép",
        "nếu văn bản có dấu ': ', hãy đặt cả giá trị trong nháy đơn '...'",
    ),
    "could not find expected ':'": ("thiếu dấu ':' sau khóa", ""),
    "found unexpected end of stream": ("tệp kết thúc giữa chừng (thiếu dấu nháy đóng?)", ""),
    "expected <block end>": ("thụt lề không khớp", "kiểm tra số dấu cách đầu dòng"),
    "expected a single document": ("tệp có nhiều hơn một tài liệu YAML ('---')", ""),
    "found undefined alias": ("bí danh (*) chưa được định nghĩa", ""),
    "found character": ("ký tự không thể bắt đầu một giá trị", ""),
    "found unknown escape character": ("chuỗi thoát (\\...) không hợp lệ trong nháy kép", ""),
}


def _yaml_problem(exc: MarkedYAMLError) -> tuple[str, str]:
    """Vietnamese message and hint for a ruamel parse error."""
    problem = str(exc.problem or exc.context or "").strip()
    dup = re.search(r'duplicate key "(.*?)"', problem)
    if dup:
        return f"khóa '{dup.group(1)}' bị lặp", "mỗi khóa chỉ được xuất hiện một lần trong một ánh xạ"
    for prefix, (message, hint) in _PROBLEMS.items():
        if problem.startswith(prefix):
            return message, hint
    return f"lỗi cú pháp YAML ({problem})", ""


def _find_alias(tree: Any) -> Loc | None:
    """Return the location of the first node seen twice (an alias), in one linear walk
    (breadth first, so the anchor is met before its aliases)."""
    seen: set[int] = set()
    queue: deque[tuple[Any, Loc]] = deque([(tree, ())])
    while queue:
        node, loc = queue.popleft()
        if not isinstance(node, (CommentedMap, CommentedSeq)):
            continue
        if id(node) in seen or getattr(node, "merge", None):
            return loc
        seen.add(id(node))
        items = node.items() if isinstance(node, CommentedMap) else enumerate(node)
        queue.extend((v, (*loc, k)) for k, v in items)
    return None


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
        if isinstance(node, CommentedMap) and step in node:
            try:
                pos = node.lc.key(step) if (key and last) else node.lc.value(step)
            except (KeyError, TypeError):
                pos = None
            if pos:
                line, col = pos[0] + 1, pos[1] + 1
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
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
    quoted = isinstance(node, (SingleQuotedScalarString, DoubleQuotedScalarString))
    if isinstance(node, SingleQuotedScalarString):
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
    return tree


def _dumper() -> YAML:
    y = _yaml()
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never fold a paragraph: one paragraph, one line, one diff hunk
    y.representer.add_representer(
        DateText, lambda rep, data: rep.represent_scalar("tag:yaml.org,2002:timestamp", str(data)))
    return y


def dump(tree: Any) -> str:
    """The canonical text of a round-trip tree (comments and blank lines kept)."""
    import io

    buf = io.StringIO()
    _dumper().dump(tree, buf)
    return buf.getvalue()
