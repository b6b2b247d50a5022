"""What a template must be before it is rendered, and what a rendering must keep.

docxtpl repairs what it is given without a word: a tag left open (``X {{ doc.subject `` typed before
the real tags) swallows the XML up to the next ``}}`` and the document comes out nearly empty, reported
as fine. So, before rendering: every XML part parses strictly (no recovery), and every ``{{``/``{%``/``{#``
closes in the paragraph that opens it. After rendering: every static paragraph of the template (text and
no tag, outside any ``{% if %}``/``{% for %}`` block) is still in the output.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OPEN = re.compile(r"\{\{|\{%|\{#")
_CLOSE = {"{{": "}}", "{%": "%}", "{#": "#}"}
_BLOCK = re.compile(r"\{%-?[ptrc]{0,2}\s*(if|for|end(?:if|for))\b")


class TemplateProblem(Exception):
    """A template that cannot be rendered faithfully; the message (Vietnamese) says where."""


def _parser():
    from lxml import etree

    return etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=False)


def _paragraphs(xml: bytes) -> list[str]:
    from lxml import etree

    root = etree.fromstring(xml, _parser())
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u2011", "-")
    return " ".join(text.split())


def check(data: bytes) -> list[str]:
    """Raise TemplateProblem at the first broken XML part or tag left open; return the template's
    static paragraphs (plain text) for ``missing_static``."""
    from lxml import etree

    parts = zipfile.ZipFile(io.BytesIO(data))
    for name in parts.namelist():
        if not name.endswith((".xml", ".rels")):
            continue
        try:
            etree.fromstring(parts.read(name), _parser())
        except etree.XMLSyntaxError as exc:
            line, column = exc.position if exc.position else (0, 0)
            raise TemplateProblem(f"phần {name} không phải XML hợp lệ ở dòng {line}, cột {column}: {exc.msg}") from None
    static: list[str] = []
    depth = 0
    for part in sorted(n for n in parts.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)):
        for number, text in enumerate(_paragraphs(parts.read(part)), 1):
            _closed(text, part, number)
            for match in _BLOCK.finditer(text):
                depth = depth - 1 if match.group(1).startswith("end") else depth + 1
            if part == "word/document.xml" and depth == 0 and not _OPEN.search(text) and _plain(text):
                static.append(_plain(text))
    return static


def _closed(text: str, part: str, number: int) -> None:
    """Every tag opened in a paragraph closes in it (docxtpl cannot carry a tag across paragraphs)."""
    at = 0
    while True:
        match = _OPEN.search(text, at)
        if match is None:
            return
        end = text.find(_CLOSE[match.group()], match.end())
        if end < 0:
            snippet = text[max(0, match.start() - 10) : match.start() + 30]
            raise TemplateProblem(
                f"{part}, đoạn {number}, ký tự {match.start() + 1}: thẻ '{match.group()}' không được đóng bằng "
                f"'{_CLOSE[match.group()]}' trong cùng đoạn ('{snippet}')"
            )
        at = end + 2


def missing_static(static: list[str], output: bytes) -> str | None:
    """The first static paragraph of the template that the rendered document lost, or None."""
    return missing_static_xml(static, zipfile.ZipFile(io.BytesIO(output)).read("word/document.xml"))


def missing_static_xml(static: list[str], document: bytes) -> str | None:
    """``missing_static`` given the rendered ``word/document.xml`` itself."""
    from lxml import etree

    return missing_static_in(static, etree.fromstring(document, _parser()))


def missing_static_in(static: list[str], root) -> str | None:
    """``missing_static`` given the rendered document's parsed root."""
    text = "\n".join(_plain("".join(t.text or "" for t in p.iter(f"{W}t"))) for p in root.iter(f"{W}p"))
    return next((p for p in static if p not in text), None)
