"""What a Word plan says, independent of ctt's model: the reader fills it, the mapper reads it.

Every piece keeps the position it came from ("đoạn 12", "bảng 3, dòng 4, cột 2") so the
import report can say where each paragraph and cell went. Nothing here knows plan.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph of the source, its number label separated from its text."""

    text: str  # NFC, spacing tidied, without its number label
    pos: str  # "đoạn 12" or "bảng 1, dòng 2, cột 1, đoạn 1"
    label: str = ""  # "I.", "1.", "a)", "1.1.", "-", "+" (typed or from Word's list numbering)
    label_source: str = ""  # "typed" | "auto" (w:numPr) | ""
    style: str = ""  # the label's numbering style: roman, decimal, decimal2, letter, dash, plus, bullet
    bold: bool = False
    italic: bool = False
    centered: bool = False
    is_heading_style: bool = False  # a Word "Heading N" paragraph style


@dataclass
class Cell:
    paras: list[Para]
    pos: str
    col: int  # grid column where the cell starts (0-based)
    span: int = 1  # grid columns covered (w:gridSpan)
    merged_from_above: bool = False  # w:vMerge continuation: the text is the cell above

    @property
    def text(self) -> str:
        """The cell's text on one line (paragraphs and manual line breaks joined by a space)."""
        return " ".join(" ".join(p.text.split("\n")) for p in self.paras if p.text).strip()


@dataclass
class Row:
    cells: list[Cell]
    pos: str
    repeated_header: bool = False  # w:tblHeader

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Table:
    rows: list[Row]
    pos: str
    borderless: bool = False

    @property
    def width(self) -> int:
        return max((c.col + c.span for r in self.rows for c in r.cells), default=0)


@dataclass
class Header:
    """The two-column block at the top (NĐ 30 ô số 1-5)."""

    left: list[Para] = field(default_factory=list)  # parent body and issuer lines, "Số: …", extract
    right: list[Para] = field(default_factory=list)  # Quốc hiệu, Tiêu ngữ, place and date
    issuer_lines: list[str] = field(default_factory=list)
    number: int | None = None
    symbol: str = ""  # "KH-UBND", "KH/ĐU"
    symbol_form: str = ""  # "state" (05/KH-UBND) or "party" (05-KH/ĐU)
    number_line: str = ""
    motto: list[str] = field(default_factory=list)  # Quốc hiệu, Tiêu ngữ
    place: str = ""
    day: int | None = None
    month: int | None = None
    year: int | None = None
    layout: str = ""  # "table" | "tabs" | "lines"


@dataclass
class Section:
    """A numbered node of the body, or an unnumbered paragraph run inside one."""

    label: str
    style: str
    head: Para | None  # the numbered paragraph; None for the body's unnumbered start
    paras: list[Para] = field(default_factory=list)  # unnumbered paragraphs under the heading
    items: list[Para] = field(default_factory=list)  # "-" and "+" lines
    children: list[Section] = field(default_factory=list)
    fields: dict[str, Para] = field(default_factory=dict)  # "- Đơn vị chủ trì: …" lines, by label key


@dataclass
class AppendixTable:
    title: list[Para] = field(default_factory=list)  # PHỤ LỤC ..., subtitle lines
    attached: Para | None = None  # "(Kèm theo Kế hoạch số … của …)"
    table: Table | None = None
    columns: list[str | None] = field(default_factory=list)  # role of each grid column: stt, text, deadline,
    # lead, partners, result, budget, note; None for a column not recognised
    header_words: list[str] = field(default_factory=list)  # the header cells as written
    header_rows: int = 1  # rows taken by the header (two-level headers, a "(1) (2) …" numbering row)
    notes: list[Para] = field(default_factory=list)  # paragraphs after the table


@dataclass
class Signature:
    authority: str | None = None  # "TM.", "KT.", "Q.", ...
    written: str = ""  # the authority as written ("T/M" in a Party document)
    body: str | None = None  # "ỦY BAN NHÂN DÂN"
    title: str = ""
    name: str | None = None
    paras: list[Para] = field(default_factory=list)


@dataclass
class PlanStructure:
    """A Word plan as read, before any mapping onto ctt's files."""

    source: str
    header: Header
    type_line: Para | None = None  # "KẾ HOẠCH"
    subject: list[Para] = field(default_factory=list)  # trích yếu, possibly over several paragraphs
    bases: list[Para] = field(default_factory=list)  # "Căn cứ …", "Thực hiện …"
    preamble: list[Para] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    numbering: dict[int, str] = field(default_factory=dict)  # depth → style seen (1: roman, 2: decimal, ...)
    numbering_source: str = ""  # "typed", "auto" or "mixed"
    closing: list[Para] = field(default_factory=list)
    recipients_head: Para | None = None  # "Nơi nhận:"
    recipients: list[Para] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    appendices: list[AppendixTable] = field(default_factory=list)
    unread: list[tuple[str, str, str]] = field(default_factory=list)  # (pos, text, why) the reader set aside
    everything: list[tuple[str, str]] = field(default_factory=list)  # (pos, text) of every paragraph with text

    @property
    def type_name(self) -> str:
        return self.type_line.text if self.type_line else ""

    @property
    def subject_text(self) -> str:
        return " ".join(p.text for p in self.subject if p.text)
