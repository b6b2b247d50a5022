"""Read a .docx into blocks: paragraphs (text, number label, emphasis) and tables (rows of
cells on the grid, merged cells marked), in reading order, with their positions.

The number label of a paragraph comes from its text ("I.", "1.", "a)", "-", "+", "1.1.") or from
Word's automatic list numbering (numbering.py). Text is NFC, spaces tidied, quotes kept.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ctt_cli.fsutil import ReadError, check_docx
from ctt_cli.importer.numbering import Numbering, W, load_numbering, paragraph_numbering
from ctt_cli.importer.structure import Cell, Para, Row, Table
from ctt_cli.vn.errors import docx_problem

Block = Para | Table

LABELS = [  # (style, pattern): the typed number at the start of a paragraph
    ("roman", re.compile(r"^(?P<l>[IVXL]{1,6}[.)])\s+")),
    ("upper-letter", re.compile(r"^(?P<l>[A-HJ-KM-UWYZĐ]\.)\s+(?=\S)")),  # "A.", "B.": the letters style's top level
    ("decimal2", re.compile(r"^(?P<l>\d{1,2}(?:\.\d{1,2})+\.?)\s+")),
    ("decimal", re.compile(r"^(?P<l>\d{1,2}[.)])\s+")),
    ("letter", re.compile(r"^(?P<l>[a-zđ]\))\s*")),
    ("letter", re.compile(r"^(?P<l>[a-zđ]\.)\s+(?=\S)")),
    ("dash", re.compile(r"^(?P<l>[-–—•·▪●])\s*(?=\S)")),
    ("plus", re.compile(r"^(?P<l>\+)\s*(?=\S)")),
]
_SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009\u202f]+")


def tidy(text: str) -> str:
    """NFC, runs of spaces made one, no space before , ; : . ) and none after (; lines kept."""
    text = unicodedata.normalize("NFC", text).replace("\u200b", "").replace("\ufeff", "")
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip(" ")
        line = re.sub(r" +([,;:)])", r"\1", line)
        line = re.sub(r"\( +", "(", line)
        lines.append(line)
    return "\n".join(lines).strip("\n")


def split_label(text: str) -> tuple[str, str, str]:
    """(label, style, rest) of a paragraph's typed number; ('', '', text) when it has none."""
    for style, pattern in LABELS:
        m = pattern.match(text)
        if m and text[m.end() :].strip():
            if style == "upper-letter" and not text[m.end() :].split()[0].isupper():
                continue  # "A. NỘI DUNG" heads a section; "P. Lê Thanh Nghị, ngày …" is a place
            return m.group("l"), style, text[m.end() :]
    return "", "", text


def raw_text(p_el) -> str:
    parts = []
    for node in p_el.iter():
        tag = node.tag
        if tag == W + "t":
            parts.append(node.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            if node.get(W + "type") not in ("page", "column"):
                parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _on(rpr, tag: str) -> bool | None:
    el = rpr.find(W + tag) if rpr is not None else None
    if el is None:
        return None
    return el.get(W + "val") not in ("0", "false", "off")


def _emphasis(p_el, tag: str) -> bool:
    """True when every run with text is bold (italic): directly, or by the paragraph's run mark."""
    runs = [r for r in p_el.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()]
    if not runs:
        return False
    return all(_on(r.find(W + "rPr"), tag) for r in runs)


class Reader:
    def __init__(self, document) -> None:
        self.document = document
        self.numbering: Numbering = load_numbering(document)
        self.count = 0
        styles = {}
        for st in document.styles.element.iter(W + "style"):
            name = st.find(W + "name")
            styles[st.get(W + "styleId")] = name.get(W + "val") if name is not None else ""
        self.style_names = styles

    def para(self, p_el, pos: str) -> Para:
        text = raw_text(p_el)
        ppr = p_el.find(W + "pPr")
        jc = ppr.find(W + "jc") if ppr is not None else None
        style_id = (
            ppr.find(W + "pStyle").get(W + "val") if ppr is not None and ppr.find(W + "pStyle") is not None else ""
        )
        para = Para(
            text="",
            pos=pos,
            bold=_emphasis(p_el, "b"),
            italic=_emphasis(p_el, "i"),
            centered=jc is not None and jc.get(W + "val") == "center",
            is_heading_style=self.style_names.get(style_id, "").lower().startswith("heading"),
        )
        auto = paragraph_numbering(p_el, self.numbering) if text.strip() else None
        got = self.numbering.label(*auto) if auto else None
        if "\t" in text and not got:
            para.text = "\t".join(tidy(part) for part in text.split("\t"))  # the header's tabbed columns
            para.text = para.text.strip("\t")
        else:
            para.text = tidy(text.replace("\t", " "))
        if got:
            para.label, para.style = got
            para.label_source = "auto"
            # a typed label after an automatic one is part of the text as Word shows it: leave it
        else:
            label, style, rest = split_label(para.text)
            if label:
                para.label, para.style, para.text = label, style, rest.strip()
                para.label_source = "typed"
        return para

    def table(self, tbl, pos: str) -> Table:
        rows = []
        borders = tbl.find(f"{W}tblPr/{W}tblBorders")
        style = tbl.find(f"{W}tblPr/{W}tblStyle")
        borderless = (borders is None and style is None) or (
            borders is not None and all(e.get(W + "val") in ("nil", "none") for e in borders)
        )
        for r, tr in enumerate(tbl.iterchildren(W + "tr"), 1):
            cells, col = [], 0
            trpr = tr.find(W + "trPr")
            header = trpr is not None and trpr.find(W + "tblHeader") is not None
            skip = tr.find(f"{W}trPr/{W}gridBefore")
            if skip is not None:
                col = int(skip.get(W + "val", "0"))
            for tc in tr.iterchildren(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span_el = tcpr.find(W + "gridSpan") if tcpr is not None else None
                span = int(span_el.get(W + "val", "1")) if span_el is not None else 1
                vm = tcpr.find(W + "vMerge") if tcpr is not None else None
                cont = vm is not None and vm.get(W + "val") in (None, "continue")
                cpos = f"{pos}, dòng {r}, cột {col + 1}"
                paras = [self.para(p, f"{cpos}, đoạn {i}") for i, p in enumerate(tc.iterchildren(W + "p"), 1)]
                for nested in tc.iterchildren(W + "tbl"):  # a table inside a cell: its text, flattened
                    for row in self.table(nested, f"{cpos}, bảng lồng").rows:
                        paras += [p for cell in row.cells for p in cell.paras]
                cells.append(Cell(paras=paras, pos=cpos, col=col, span=span, merged_from_above=cont))
                col += span
            rows.append(Row(cells=cells, pos=f"{pos}, dòng {r}", repeated_header=header))
        return Table(rows=rows, pos=pos, borderless=borderless)

    def blocks(self, element=None) -> list[Block]:
        out: list[Block] = []
        element = self.document.element.body if element is None else element
        for child in element.iterchildren():
            if child.tag == W + "p":
                self.count += 1
                out.append(self.para(child, f"đoạn {self.count}"))
            elif child.tag == W + "tbl":
                self.count += 1
                out.append(self.table(child, f"bảng ở vị trí {self.count}"))
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    out += self.blocks(content)
        return out


def read_blocks(path: Path) -> list[Block]:
    """The body of a .docx as blocks. Raises ValueError (Vietnamese) when it is not a Word file."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        check_docx(path)
    except ReadError as exc:
        raise ValueError(f"không đọc được tệp Word (.docx): {exc.message}") from None
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ValueError(f"không đọc được tệp Word (.docx): {docx_problem(exc)}") from None
    return Reader(document).blocks()
