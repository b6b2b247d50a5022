"""Building blocks for ctt's Word templates (python-docx), laid out per Nghị định 30/2020/NĐ-CP.

Used by make_templates.py to create the first version of every template in
templates/. After that the .docx files are the source: the office may restyle
them in Word or LibreOffice; `ctt templates check` keeps them honest.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15  # A4 portrait minus left and right margins
LANDSCAPE_WIDTH_MM = 297 - 30 - 15
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
MIDDLE = WD_ALIGN_VERTICAL.CENTER


def bold_width_mm(text: str, size: float) -> float:
    """Printed width of ``text`` in Times New Roman Bold at ``size`` points."""
    from ctt_cli.render.measure import width_mm

    return width_mm(text, size, bold=True)


def _fonts(rpr_parent) -> None:
    """Times New Roman in every font slot (ASCII, high ANSI, East Asian, complex script)."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def new_document(title: str):
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _fonts(normal.element)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.0
    for name in ("Header", "Footer", "Table Grid"):
        if name in [s.name for s in doc.styles]:
            doc.styles[name].font.name = FONT
            _fonts(doc.styles[name].element)
    section = doc.sections[0]
    portrait(section)
    section.different_first_page_header_footer = True
    page_number(section)
    doc.core_properties.title = title
    return doc


def portrait(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def landscape_section(doc):
    """A new landscape section. The paragraph that ends the portrait section (it follows
    the signature table) is 1 pt high, so it never spills onto a page of its own."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    brk = next(p for p in reversed(doc.paragraphs) if p._p.pPr is not None and p._p.pPr.sectPr is not None)
    fmt = brk.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    tiny_mark(brk)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    section.header.is_linked_to_previous = False
    section.first_page_header.is_linked_to_previous = False
    page_number(section)
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), "1")  # each appendix is numbered on its own
    section._sectPr.insert_element_before(
        pg,
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings",
        "w:sectPrChange",
    )
    return section


def page_number(section) -> None:
    """Centred page number in the top margin; none on the first page (empty first-page header)."""
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "26")
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)
    section.first_page_header.is_linked_to_previous = False


def para(
    container,
    text: str = "",
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align=JUSTIFY,
    indent: bool = False,
    after: float = 6,
    before: float = 0,
    keep_next: bool = False,
):
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    fmt.first_line_indent = Cm(1.27) if indent else Cm(0)
    if keep_next:
        fmt.keep_with_next = True
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.font.name = FONT
        _fonts(run._r)
        run.bold, run.italic = bold, italic
    return p


def tag(container, text: str):
    """A paragraph that holds only a docxtpl block tag ({%p ... %}); it disappears when rendered."""
    return para(container, text, after=0)


RULE_LINE_PT = 4


def rule(container, length_mm: float, width_mm: float, after: float = 6):
    """A centred horizontal line ``length_mm`` long drawn right under the paragraph above:
    the bottom border of a 4 pt high paragraph whose indents leave ``length_mm`` of
    ``width_mm`` (the width the paragraph has: the text width, or a cell less its margins)."""
    p = para(container, "", align=CENTER, after=after)
    side = max((width_mm - length_mm) / 2, 0)
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(side)
    fmt.space_before = Pt(0)
    # exact 4 pt: the line sits about 1.5 mm under the text's descenders, not one 14 pt line lower
    fmt.line_spacing = Pt(RULE_LINE_PT)
    ppr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.insert_element_before(border, *_AFTER_PBDR)
    tiny_mark(p)
    return p


_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def tiny_mark(p) -> None:
    """The paragraph mark at 1 pt, so that an empty paragraph is 1 pt high."""
    ppr = p._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "2")
        rpr.append(el)


def fixed_table(container, widths_mm: list[float], rows: int, *, borders: bool):
    table = container.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr  # autofit = False already wrote <w:tblLayout w:type="fixed"/>
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(width / 25.4 * 1440)))  # twips: LibreOffice reads the grid
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
    if borders:
        tbl_borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{edge}")
            for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "auto")):
                el.set(qn(k), v)
            tbl_borders.append(el)
        tbl_pr.insert_element_before(
            tbl_borders,
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        )
    for cell in table._cells:  # drop the empty paragraph python-docx puts in each cell
        cell._tc.remove(cell.paragraphs[0]._p)
    return table


def caption(table, text: str) -> None:
    """The table's caption (w:tblCaption, its alternative text): how ctt finds a table it completes."""
    el = OxmlElement("w:tblCaption")
    el.set(qn("w:val"), text)
    table._tbl.tblPr.insert_element_before(el, "w:tblDescription", "w:tblPrChange")


def no_cell_margins(table) -> None:
    mar = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        el = OxmlElement(side)
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def new_row(table):
    """A row whose cells hold no paragraph yet (python-docx adds an empty one)."""
    row = table.add_row()
    for cell in row.cells:
        for p in list(cell.paragraphs):
            cell._tc.remove(p._p)
    return row


def row_tag(table, text: str, *, thin: bool = False) -> None:
    """A table row holding only a docxtpl row tag ({%tr ... %}). ``thin``: one cell across the row
    (the row is gone once rendered; a smaller template renders faster)."""
    row = new_row(table)
    para(row.cells[0], text, size=12, after=0)
    if thin and len(row.cells) > 1:
        for tc in row._tr.tc_lst[1:]:
            row._tr.remove(tc)
        first = row._tr.tc_lst[0]
        first.tcPr.get_or_add_tcW().set(qn("w:w"), str(sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid)))
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(len(table.columns)))
        first.tcPr.append(span)
        return
    for cell in row.cells[1:]:
        para(cell, "", size=12, after=0)


MOTTO = "Độc lập - Tự do - Hạnh phúc"
ISSUER_RULE_MM = 24
ISSUER_COLUMN_MM = 66
SUBJECT_RULE_MM = 58  # 1/3 to 1/2 of a trích yếu line of 116 to 165 mm (a full line)


def header_block(doc, *, kinh_gui: bool = False) -> None:
    """Issuer | Quốc hiệu, Tiêu ngữ; then Số | place and date. Variables: parent_lines, name_lines, doc."""
    # no cell margins, so the place and date line ("Phường Lê Thanh Nghị, ngày 05 tháng 01 năm
    # 2026", 97 mm at 13 pt italic) stays on one line and an issuer's name of up to 66 mm too
    widths = [ISSUER_COLUMN_MM, TEXT_WIDTH_MM - ISSUER_COLUMN_MM]
    table = fixed_table(doc, widths, 2, borders=False)
    no_cell_margins(table)
    left, right = table.rows[0].cells
    # NĐ 30: the parent body (chủ quản), if any, upright at 12 pt (its name is often the longer one:
    # "UBND THÀNH PHỐ HẢI PHÒNG" keeps to one line); the issuer's own name bold
    tag(left, "{%p for line in parent_lines %}")
    para(left, "{{ line }}", size=12, align=CENTER, after=0)
    tag(left, "{%p endfor %}")
    tag(left, "{%p for line in name_lines %}")
    para(left, "{{ line }}", size=13, bold=True, align=CENTER, after=0)
    tag(left, "{%p endfor %}")
    # 1/3 to 1/2 of the issuer's name ("PHƯỜNG LÊ THANH NGHỊ" is 59 mm at 13 pt); ctt sizes it
    # from the real name when it renders (render/ooxml.py)
    rule(left, ISSUER_RULE_MM, widths[0], after=0)
    # a plan the Party issues (KH/ĐU) has "ĐẢNG CỘNG SẢN VIỆT NAM" here instead of the state's
    # Quốc hiệu and Tiêu ngữ
    tag(right, "{%p if doc.party %}")
    para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=13, bold=True, align=CENTER, after=0)
    tag(right, "{%p else %}")
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=CENTER, after=0)
    para(right, MOTTO, size=13, bold=True, align=CENTER, after=0)
    rule(right, bold_width_mm(MOTTO, 13), widths[1], after=0)  # the motto's full length
    tag(right, "{%p endif %}")
    left2, right2 = table.rows[1].cells
    para(left2, "{{ doc.number_line }}", size=13, align=CENTER, before=6, after=0)
    tag(left2, "{%p if doc.summary %}")
    para(left2, "{{ doc.summary }}", size=12, align=CENTER, before=6, after=0)
    tag(left2, "{%p endif %}")
    para(right2, "{{ doc.place_date }}", size=13, italic=True, align=CENTER, before=6, after=0)


def title_block(doc) -> None:
    para(doc, "", after=6)
    tag(doc, "{%p if doc.type_upper %}")
    para(doc, "{{ doc.type_upper }}", bold=True, align=CENTER, after=0, keep_next=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if doc.subject %}")
    para(doc, "{{ doc.subject }}", bold=True, align=CENTER, after=0, keep_next=True)
    rule(doc, SUBJECT_RULE_MM, TEXT_WIDTH_MM, after=12)
    tag(doc, "{%p endif %}")


def kinh_gui_block(doc) -> None:
    tag(doc, "{%p if kinh_gui %}")
    tag(doc, "{%p for k in kinh_gui %}")
    para(doc, "{{ k }}", align=CENTER, after=0)
    tag(doc, "{%p endfor %}")
    para(doc, "", after=6)
    tag(doc, "{%p endif %}")


def paragraphs_loop(doc, var: str) -> None:
    """Body paragraphs of kinds h1 (I. CAPS bold), h2 (1. bold), p (justified, indented),
    placeholder (visible, italic), notice (bold, the illustrative-data warning)."""
    tag(doc, f"{{%p for p in {var} %}}")
    tag(doc, "{%p if p.kind == 'h1' %}")
    para(doc, "{{ p.text }}", bold=True, indent=True, keep_next=True)
    tag(doc, "{%p elif p.kind == 'h2' %}")
    para(doc, "{{ p.text }}", bold=True, indent=True, keep_next=True)
    tag(doc, "{%p elif p.kind == 'placeholder' %}")
    para(doc, "{{ p.text }}", italic=True, indent=True)
    tag(doc, "{%p elif p.kind == 'notice' %}")
    para(doc, "{{ p.text }}", bold=True, italic=True, indent=True)
    tag(doc, "{%p else %}")
    para(doc, "{{ p.text }}", indent=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def signature_block(doc) -> None:
    """Nơi nhận | signature. Variables: recipients, signature."""
    widths = [85, TEXT_WIDTH_MM - 85]
    table = fixed_table(doc, widths, 1, borders=False)
    cant_split(table.rows[0])  # Nơi nhận and the signature stay on one page
    left, right = table.rows[0].cells
    para(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT, after=0, before=6, keep_next=True)
    tag(left, "{%p for r in recipients %}")
    para(left, "{{ r }}", size=11, align=LEFT, after=0, keep_next=True)
    tag(left, "{%p endfor %}")
    tag(right, "{%p if signature.authority_line %}")
    para(right, "{{ signature.authority_line }}", bold=True, align=CENTER, after=0, before=6, keep_next=True)
    tag(right, "{%p endif %}")
    para(right, "{{ signature.title }}", bold=True, align=CENTER, after=0, keep_next=True)
    for _ in range(4):
        para(right, "", align=CENTER, after=0, keep_next=True)
    para(right, "{{ signature.name }}", bold=True, align=CENTER, after=0)


def grid_table(
    doc,
    headers: list[str],
    widths: list[float],
    cells: list[str],
    loop: str,
    *,
    group_rows: bool = False,
    total_row: list[str] | None = None,
    centred: tuple[int, ...] = (0,),
    number_row: tuple[str, list[str]] | None = None,
    thin_tags: bool = False,
) -> None:
    """A bordered table: a repeated header row (cells centred both ways), then one row per
    item of ``loop`` ("t in rows"). With group_rows, items whose kind is 'group' get a bold
    row. Columns in ``centred`` (STT, scores) are centred in every row, column 1 is
    justified (left in group and total rows), the others flush left. ``number_row``: (condition,
    cells) of a row under the header, drawn when the condition holds (the "(1) (2) …" row)."""
    table = fixed_table(doc, widths, 1, borders=True)
    header = table.rows[0]
    repeat_header(header)
    cant_split(header)
    for cell, text in zip(header.cells, headers):
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        para(cell, text, size=12, bold=True, align=CENTER, after=0)

    def align(i: int, body=JUSTIFY):
        return CENTER if i in centred else body if i == 1 else LEFT

    if number_row:
        condition, numbers = number_row
        row_tag(table, f"{{%tr if {condition} %}}", thin=thin_tags)
        row = new_row(table)
        cant_split(row)
        for cell, text in zip(row.cells, numbers):
            para(cell, text, size=12, italic=True, align=CENTER, after=0)
        row_tag(table, "{%tr endif %}", thin=thin_tags)
    row_tag(table, f"{{%tr for t in {loop} %}}", thin=thin_tags)
    if group_rows:
        row_tag(table, "{%tr if t.kind == 'group' %}", thin=thin_tags)
        row = new_row(table)
        cant_split(row)
        for i, cell_text in enumerate(cells):
            para(row.cells[i], cell_text, size=12, bold=True, align=align(i, LEFT), after=0)
        row_tag(table, "{%tr else %}", thin=thin_tags)
    row = new_row(table)
    cant_split(row)
    for i, cell_text in enumerate(cells):
        para(row.cells[i], cell_text, size=12, align=align(i), after=0)
    if group_rows:
        row_tag(table, "{%tr endif %}", thin=thin_tags)
    row_tag(table, "{%tr endfor %}", thin=thin_tags)
    if total_row:
        row = new_row(table)
        cant_split(row)
        for i, cell_text in enumerate(total_row):
            para(row.cells[i], cell_text, size=12, bold=True, align=align(i, LEFT), after=0)


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
