"""Word plans made the way ward offices make them, generated with python-docx for the import tests.

Every document here is ILLUSTRATIVE test data written for ctt's tests (invented communes, invented
numbers): not any real commune's plan. One content (PlanText) is laid out in several real-world
styles (Style): header as a borderless table or as tabbed paragraphs; numbers typed in the text or
made by Word's automatic list numbering (numbering.xml built with python-docx's oxml); the
trích yếu over one to three paragraphs or manual line breaks; the signature block as a table or
as tabbed paragraphs, the closing inside that table; decomposed (NFD) text; an appendix table of
5, 6 (a "Kinh phí" column) or 7 columns with merged cells, group rows (tasks numbered straight through
or again under each), a repeated header row and a column-number row; tasks written in prose; a second
appendix.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

CENTER = WD_ALIGN_PARAGRAPH.CENTER


@dataclass
class Sec:
    title: str | None = None
    text: str | None = None
    items: list[str] = field(default_factory=list)
    children: list[Sec] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)  # prose task lines: ("Đơn vị chủ trì", "…")


@dataclass
class Row:
    text: str
    deadline: str = ""
    lead: str = ""
    partners: str = ""
    result: str = ""
    note: str = ""
    funding: str = ""
    group: bool = False  # a group heading row ("I | CÔNG TÁC TUYÊN TRUYỀN")


@dataclass
class PlanText:
    issuer: list[str]
    symbol: str
    number: int | None
    place: str
    day: int | None
    month: int | None
    year: int
    subject: list[str]  # the trích yếu as the office broke it
    bases: list[str]
    preamble: str
    body: list[Sec]
    closing: str
    recipients: list[str]
    authority: str
    title: str
    name: str
    appendix_title: list[str] = field(default_factory=list)
    attached: str = ""
    rows: list[Row] = field(default_factory=list)
    second_title: list[str] = field(default_factory=list)
    second_rows: list[Row] = field(default_factory=list)
    motto: list[str] = field(
        default_factory=lambda: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    )  # a Party document: ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    type_line: str = "KẾ HOẠCH"


@dataclass
class Style:
    header: str = "table"  # table | tabs
    numbering: str = "typed"  # typed | auto
    subject: str = "paragraphs"  # paragraphs | breaks
    signature: str = "table"  # table | tabs | closing-in-table
    nfd: bool = False
    columns: int = 5  # 5, 6 (with "Kinh phí") or 7 (with result and note)
    merged_lead: bool = False  # the lead column merged down over rows with the same lead
    group_rows: bool = False
    repeat_header: bool = False  # the header row marked to repeat on each page (w:tblHeader)
    retyped_header: bool = False  # the header row typed again inside the table, as some offices do
    column_numbers: bool = False  # a "(1) (2) (3) …" row under the header
    fragmented: bool = False  # every paragraph in runs of 5 letters, with proofErr, bookmarks, a tracked deletion
    labels: str = "roman"  # typed section numbers: roman (I., 1., a)), decimal (1., 1.1., 1.1.1.), roman-decimal
    restart: bool = False  # tasks numbered 1, 2 again under each group row (else 1 … n straight through)


class Maker:
    def __init__(self, plan: PlanText, style: Style) -> None:
        self.plan, self.style = plan, style
        self.doc = Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(14)
        self.num_id: str | None = None

    def t(self, text: str) -> str:
        return unicodedata.normalize("NFD", text) if self.style.nfd else text

    def para(self, container, text: str = "", *, bold=False, italic=False, center=False, br: bool = False):
        p = container.add_paragraph()
        if center:
            p.alignment = CENTER
        parts = text.split("\n") if br else [text]
        for i, part in enumerate(parts):
            if self.style.fragmented:
                run = self.fragments(p, part, bold, italic)
            else:
                run = p.add_run(self.t(part))
                run.bold, run.italic = bold, italic
            if i < len(parts) - 1:
                run.add_break()
        return p

    def fragments(self, p, text: str, bold: bool, italic: bool):
        """Text as Word leaves it after editing: runs of a few letters, spell-check marks, a bookmark,
        and a tracked deletion (not part of the text) inside the paragraph."""
        run = None
        for k in range(0, max(len(text), 1), 5):
            if k == 5:
                p._p.append(parse_xml(f'<w:proofErr {nsdecls("w")} w:type="spellStart"/>'))
                p._p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{k}" w:name="_Toc{k}"/>'))
            if k == 10:
                p._p.append(
                    parse_xml(
                        f'<w:del {nsdecls("w")} w:id="9{k}" w:author="VT" w:date="2026-03-01T00:00:00Z">'
                        f"<w:r><w:delText>đã xóa </w:delText></w:r></w:del>"
                    )
                )
            run = p.add_run(self.t(text[k : k + 5]))
            run.bold, run.italic = bold, italic
        return run

    # --- numbering.xml --------------------------------------------------------------------
    def numbering(self) -> str:
        """A multilevel list I. / 1. / a) / - and its num instance; returns the numId."""
        if self.num_id:
            return self.num_id
        root = self.doc.part.numbering_part.element
        levels = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "-")]
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="41">'
            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
        )
        first_num = root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            root.append(abstract)
        root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="41"><w:abstractNumId w:val="41"/></w:num>'))
        self.num_id = "41"
        return self.num_id

    def numbered(self, label: str, level: int, text: str, *, bold=False):
        if self.style.numbering == "auto":
            p = self.para(self.doc, text, bold=bold)
            ppr = p._p.get_or_add_pPr()
            ppr.append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{self.numbering()}"/></w:numPr>'
                )
            )
            return p
        return self.para(self.doc, f"{label} {text}", bold=bold)

    # --- the parts ------------------------------------------------------------------------
    def number_line(self) -> str:
        n = f"{self.plan.number:02d}" if self.plan.number else "     "
        if "/" in self.plan.symbol:  # the Party's form: "Số 12-KH/ĐU"
            return f"Số {n}-{self.plan.symbol}"
        return f"Số: {n}/{self.plan.symbol}"

    def place_date(self) -> str:
        p = self.plan
        d = f"{p.day:02d}" if p.day else "     "
        m = f"{p.month:02d}" if p.month and p.month <= 2 else str(p.month) if p.month else "     "
        return f"{p.place}, ngày {d} tháng {m} năm {p.year}"

    def header(self) -> None:
        p = self.plan
        left = [*p.issuer]
        right = list(p.motto)
        if self.style.header == "table":
            table = self.doc.add_table(rows=2, cols=2)
            a, b = table.rows[0].cells
            a.paragraphs[0].add_run(self.t(left[0])).bold = True
            for line in left[1:]:
                self.para(a, line, bold=True, center=True)
            if len(right) > 1:  # a Party header has its "*" line instead of a rule
                self.para(a, "_______")
            b.paragraphs[0].add_run(self.t(right[0])).bold = True
            for line in right[1:]:  # the Tiêu ngữ; a Party header has one line
                self.para(b, line, bold=True, center=True)
            c, d = table.rows[1].cells
            c.paragraphs[0].add_run(self.t(self.number_line()))
            d.paragraphs[0].add_run(self.t(self.place_date())).italic = True
        else:
            lines = left + [""] * (len(right) - len(left))
            for i in range(max(len(lines), len(right))):
                l_text = lines[i] if i < len(lines) else ""
                r_text = right[i] if i < len(right) else ""
                self.para(self.doc, f"{l_text}\t{r_text}", bold=True)
            self.para(self.doc, "______\t__________________")
            self.para(self.doc, f"{self.number_line()}\t\t{self.place_date()}")
        self.para(self.doc, "")

    def title(self) -> None:
        self.para(self.doc, self.plan.type_line, bold=True, center=True)
        if self.style.subject == "breaks":
            self.para(self.doc, "\n".join(self.plan.subject), bold=True, center=True, br=True)
        else:
            for line in self.plan.subject:
                self.para(self.doc, line, bold=True, center=True)
        self.para(self.doc, "_______________", center=True)

    def body(self) -> None:
        for basis in self.plan.bases:
            self.para(self.doc, basis, italic=True)
        self.para(self.doc, self.plan.preamble)
        self.sections(self.plan.body, 0)

    def sections(self, secs: list[Sec], level: int, parents: tuple[int, ...] = ()) -> None:
        from ctt_cli.vn.nd30 import section_label

        for i, s in enumerate(secs):
            label = section_label(level + 1, i, self.style.labels, parents)
            if s.title:
                self.numbered(label, level, s.title, bold=level < 2)
                if s.text:
                    self.para(self.doc, s.text)
            elif s.text:
                self.numbered(label, level, s.text)
            for item in s.items:
                self.numbered("-", 3, item) if self.style.numbering == "auto" else self.para(self.doc, f"- {item}")
            for name, value in s.fields:
                self.para(self.doc, f"- {name}: {value}")
            self.sections(s.children, level + 1, (*parents, i))

    def signature(self) -> None:
        p = self.plan
        right = [f"{p.authority}", p.title, "", "", p.name]
        left = ["Nơi nhận:"] + [
            f"- {r}{'.' if i == len(p.recipients) - 1 else ';'}" for i, r in enumerate(p.recipients)
        ]
        if self.style.signature == "tabs":
            self.para(self.doc, p.closing)
            for i in range(max(len(left), len(right))):
                a = left[i] if i < len(left) else ""
                b = right[i] if i < len(right) else ""
                self.para(self.doc, f"{a}\t\t{b}" if b else a, bold=i in (0, 1) and bool(b))
            return
        if self.style.signature == "closing-in-table":
            table = self.doc.add_table(rows=2, cols=2)
            merged = table.cell(0, 0).merge(table.cell(0, 1))
            merged.paragraphs[0].add_run(self.t(p.closing))
            row = table.rows[1].cells
        else:
            self.para(self.doc, p.closing)
            table = self.doc.add_table(rows=1, cols=2)
            row = table.rows[0].cells
        row[0].paragraphs[0].add_run(self.t(left[0])).bold = True
        for line in left[1:]:
            self.para(row[0], line)
        row[1].paragraphs[0].add_run(self.t(right[0])).bold = True
        for line in right[1:]:
            self.para(row[1], line, bold=True, center=True)

    def appendix(self, titles: list[str], rows: list[Row], attached: str) -> None:
        self.doc.add_page_break()
        for line in titles:
            self.para(self.doc, line, bold=True, center=True)
        if attached:
            self.para(self.doc, attached, italic=True, center=True)
        head = ["STT", "Nhiệm vụ cụ thể", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp"]
        if self.style.columns == 7:
            head = [
                "TT",
                "Nội dung công việc",
                "Thời gian hoàn thành",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Kết quả, sản phẩm",
                "Ghi chú",
            ]
        elif self.style.columns == 6:  # a budgeted plan: the "Kinh phí" column
            head = [*head[:2], "Thời hạn", *head[3:], "Kinh phí (triệu đồng)"]
        cols = len(head)
        table = self.doc.add_table(rows=1, cols=cols)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head):
            cell.paragraphs[0].add_run(self.t(text)).bold = True
        if self.style.repeat_header:  # Word's "Repeat as header row at the top of each page"
            table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        if self.style.column_numbers:
            for cell, k in zip(table.add_row().cells, range(1, cols + 1)):
                cell.paragraphs[0].add_run(f"({k})")
        n, group_no, prev_lead_cell, prev_lead = 0, 0, None, None
        for r, row in enumerate(rows):
            if self.style.retyped_header and r == len(rows) // 2:
                for cell, text in zip(table.add_row().cells, head):  # the header typed again at a page break
                    cell.paragraphs[0].add_run(self.t(text)).bold = True
                prev_lead_cell = None
            if row.group and not self.style.group_rows:
                continue
            cells = table.add_row().cells
            if row.group:
                group_no += 1
                n = 0 if self.style.restart else n
                from ctt_cli.vn.nd30 import roman

                cells[0].paragraphs[0].add_run(roman(group_no)).bold = True
                if row.deadline or row.lead:  # the group's own deadline and lead, shared by its tasks
                    for cell, text in zip(cells[1:], [row.text, row.deadline, row.lead, row.partners]):
                        cell.paragraphs[0].add_run(self.t(text)).bold = True
                else:
                    merged = cells[1].merge(cells[cols - 1])
                    merged.paragraphs[0].add_run(self.t(row.text)).bold = True
                prev_lead_cell = None
                continue
            n += 1
            values = [str(n), row.text, row.deadline, row.lead, row.partners, row.result, row.note][:cols]
            values = [*values[:5], row.funding] if cols == 6 else values
            for k, (cell, text) in enumerate(zip(cells, values)):
                if k == 3 and self.style.merged_lead and prev_lead_cell is not None and row.lead == prev_lead:
                    prev_lead_cell = prev_lead_cell.merge(cell)  # one tall cell: Word's vMerge
                    continue
                cell.paragraphs[0].add_run(self.t(text))
                if k == 3:
                    prev_lead_cell, prev_lead = cell, row.lead

    def build(self):
        self.header()
        self.title()
        self.body()
        self.signature()
        if self.plan.rows:
            self.appendix(self.plan.appendix_title, self.plan.rows, self.plan.attached)
        if self.plan.second_rows:
            self.appendix(self.plan.second_title, self.plan.second_rows, "")
        return self.doc


def make(plan: PlanText, style: Style, path) -> None:
    Maker(plan, style).build().save(str(path))


if __name__ == "__main__":  # python -m tests.importer.wordgen OUT_DIR: the test plans as .docx files
    import sys

    from tests.importer.test_word_styles import STYLES

    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for name, (plan, style) in STYLES.items():
        make(plan, style, out / f"{name}.docx")
        print(out / f"{name}.docx")
