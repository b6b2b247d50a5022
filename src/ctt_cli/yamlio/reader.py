"""Reading YAML files safely, with positions kept.

Everything the rest of ctt knows about a file's bytes lives here: size and
encoding checks, parsing (the fast libyaml reader, or ruamel round-trip for
fmt; both keep every value's line and column and refuse anchors/aliases).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ctt_cli.findings import Finding
from ctt_cli.fsutil import MAX_BYTES, ReadError, read_input
from ctt_cli.yamlio import fast
from ctt_cli.yamlio.common import YamlProblem
from ctt_cli.yamlio.positions import Loc, data_path, offset_position, position, strings

_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\ud800-\udfff\ufffe\uffff]"


class Source:
    """One YAML file as read: its path for messages, its text and its round-trip tree."""

    def __init__(self, path: Path, display: str, text: str, tree: Any) -> None:
        self.path = path
        self.display = display
        self.text = text
        self.tree = tree  # dicts and lists with an ``lc`` attribute giving positions

    def strings(self) -> list[tuple[Loc, str]]:
        """Every string value with its location (computed once: several checks walk them)."""
        cached = self.__dict__.get("_strings")
        if cached is None:
            cached = self.__dict__["_strings"] = list(strings(self.tree))
        return cached

    def pos(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        return position(self.tree, loc, key=key)

    def finding(
        self, code: str, message: str, loc: Loc = (), *, key: bool = False, hint: str = "", offset: int | None = None
    ) -> Finding:
        if offset is not None:
            line, col = offset_position(self.tree, loc, offset)
        else:
            line, col = self.pos(loc, key=key)
        return Finding(self.display, line, col, code, message, data_path(self.tree, loc), hint)


MAX_DEPTH = 64


_DEEP_INDENT = re.compile(r"\n {" + str(2 * MAX_DEPTH) + "}")


def _too_deep(text: str) -> int:
    """Offset where brackets or indentation nest deeper than MAX_DEPTH (0 when they do not).

    Checked before parsing: parsers recurse per level and take seconds on deep input. Only brackets
    that open a flow collection count: not those inside quoted strings, comments or plain text
    (``text: Mục [a`` or ``# [[[``). One linear pass."""
    deep = _DEEP_INDENT.search(text)
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return deep.start() + 1 if deep else 0
    limit = deep.start() if deep else len(text)
    depth, quote, prev, i, n = 0, "", "\n", 0, len(text)
    while i < n:
        ch = text[i]
        if i >= limit:
            return limit + 1
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                if quote == "'" and i + 1 < n and text[i + 1] == "'":
                    i += 1
                else:
                    quote, prev = "", ch
        elif ch == "\n":
            prev = "\n"
        elif ch in " \t":
            pass
        elif ch == "#" and (prev == "\n" or text[i - 1] in " \t"):
            eol = text.find("\n", i)
            i = n if eol < 0 else eol
            continue
        else:
            starts = prev in "\n[{,?" or (prev in ":-" and text[i - 1] in " \t")
            if ch in "\"'" and (starts or depth):
                quote = ch
            elif ch in "[{" and (starts or depth):
                depth += 1
                if depth > MAX_DEPTH:
                    return i
            elif ch in "]}" and depth:
                depth -= 1
            prev = ch
        i += 1
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
        raw = read_input(path, MAX_BYTES)
    except ReadError as exc:
        return fail(exc.code, exc.message)
    return parse_yaml(raw, shown, path, rt=rt)


def parse_yaml(
    raw: bytes, display: str, path: Path | None = None, *, rt: bool = False
) -> tuple[Source | None, list[Finding]]:
    """Parse bytes already read (from disk or from git); ``rt``: keep comments (for fmt)."""

    def fail(code: str, message: str, line: int = 0, col: int = 0, hint: str = ""):
        return None, [Finding(display, line, col, code, message, "", hint)]

    if len(raw) > MAX_BYTES:
        return fail("E107", f"tệp lớn {len(raw)} byte, vượt giới hạn {MAX_BYTES} byte")
    if raw.startswith(b"\xef\xbb\xbf"):
        return fail(
            "E104",
            "tệp bắt đầu bằng BOM (dấu thứ tự byte mà Notepad thêm vào)",
            1,
            1,
            "chạy 'ctt fmt' để bỏ BOM, hoặc lưu lại tệp dạng UTF-8 không BOM",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        return fail(
            "E103",
            f"byte 0x{raw[exc.start]:02x} không hợp lệ trong UTF-8",
            line,
            col,
            "lưu lại tệp với bảng mã UTF-8 (Unicode)",
        )
    # every character _CONTROL names is one str.isprintable refuses, so a file that is printable but for
    # its tabs and line breaks (nearly all) is not searched: the regex is compiled only for the others
    printable = text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable()
    bad = None if printable else re.search(_CONTROL, text)
    if bad:
        line, col = _line_col(text, bad.start())
        return fail("E401", f"ký tự điều khiển U+{ord(bad.group()):04X} không được phép", line, col)
    for lineno, line_text in enumerate(text.split("\n"), 1):
        indent = len(line_text) - len(line_text.lstrip(" \t"))
        if "\t" in line_text[:indent]:
            return fail("E102", "dùng tab để thụt lề; YAML chỉ cho phép dấu cách", lineno, line_text.index("\t") + 1)
    deep = _too_deep(text)
    if deep:
        return fail("E100", f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)", *_line_col(text, deep))
    if not any(ln.strip() and not ln.lstrip().startswith("#") for ln in text.splitlines()):
        return fail("E105", "tệp rỗng, không có dữ liệu")
    try:
        if rt:
            from ctt_cli.yamlio import roundtrip  # ruamel: only for fmt

            tree = roundtrip.load(text)
        else:
            tree = fast.load(text)
    except YamlProblem as exc:
        return fail(exc.code, exc.message, exc.line, exc.column, exc.hint)
    except RecursionError:
        return fail("E100", "dữ liệu lồng nhau quá sâu")
    return Source(path or Path(display), display, text, tree), []
