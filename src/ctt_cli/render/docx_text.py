"""The text of a .docx, in reading order: paragraphs, and tables as rows of cells.

Used by `ctt docx-text` (a git textconv driver) and by the tests that read
rendered documents back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ctt_cli.fsutil import check_docx


def _paragraph_text(p) -> str:
    from docx.oxml.ns import qn

    parts = []
    for node in p.iter():
        if node.tag == qn("w:t"):
            parts.append((node.text or "").replace("\u00a0", " ").replace("\u2011", "-"))
        elif node.tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif node.tag in (qn("w:tab"),):
            parts.append("\t")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
    return "".join(parts)


def _block_lines(element) -> Iterator[str]:
    from docx.oxml.ns import qn

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield _paragraph_text(child)
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                cells = []
                for cell in row.iterchildren(qn("w:tc")):
                    cells.append(" / ".join(t for t in (_paragraph_text(p) for p in cell.iterchildren(qn("w:p"))) if t))
                yield " | ".join(cells)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _block_lines(content)


def docx_lines(path: Path | str) -> list[str]:
    """Non-empty lines of the document body."""
    from docx import Document

    check_docx(Path(path))  # a zip bomb or a huge file: ReadError before python-docx unpacks it
    doc = Document(str(path))
    return [line for line in _block_lines(doc.element.body) if line.strip()]
