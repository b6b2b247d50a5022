"""The header block of a Word plan (issuer, number and symbol | Quốc hiệu or the Party's line, place
and date, as a table or as lines with tabs) and the document-type line under it."""

from __future__ import annotations

import re

from ctt_cli.importer.structure import Header, Para, PlanStructure, Table

TYPES = (
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "HƯỚNG DẪN",
    "BÁO CÁO",
    "THÔNG BÁO",
    "CHƯƠNG TRÌNH",
    "NGHỊ QUYẾT",
    "TỜ TRÌNH",
    "ĐỀ ÁN",
    "CHỈ THỊ",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "BIÊN BẢN",
    "CÔNG VĂN",
    "PHƯƠNG ÁN",
)
NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<n>\d*)\s*(?P<sep>[/-])\s*(?P<sym>[^\s,;]+)")
PLACE_DATE = re.compile(
    r"^(?P<place>[^,]+?)\s*,\s*ngày\s*(?P<d>\d{0,2})\s*tháng\s*(?P<m>\d{0,2})\s*năm\s*(?P<y>\d{4})", re.IGNORECASE
)
RULE = re.compile(r"^[\s_\-=*.–—]*$")


def block_text(b) -> str:
    if isinstance(b, Table):
        return " ".join(c.text for r in b.rows for c in r.cells)
    return b.label + " " + b.text if b.label else b.text


def is_empty(b) -> bool:
    return not isinstance(b, Table) and RULE.match(b.text) is not None and not b.label


def _is_right(text: str) -> bool:
    up = text.upper()
    return up.startswith(("CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP", "ĐẢNG CỘNG SẢN")) or PLACE_DATE.match(text) is not None


def split_lines(p: Para) -> list[Para]:
    return [
        Para(text=t.strip(), pos=p.pos, bold=p.bold, italic=p.italic, centered=p.centered)
        for t in p.text.split("\n")
        if t.strip()
    ]


def type_of(p) -> str | None:
    if isinstance(p, Table) or p.label:
        return None
    first = p.text.split("\n", 1)[0].strip()
    if first != first.upper() or not first:
        return None
    return next((t for t in TYPES if first == t or first.startswith(t + " ")), None)


def read_header(blocks: list, out: PlanStructure) -> int:
    """Fill out.header; return the index of the first block after the header."""
    h: Header = out.header
    i = 0
    while i < len(blocks) and is_empty(blocks[i]):
        i += 1
    if (
        i < len(blocks)
        and isinstance(blocks[i], Table)
        and re.search("CỘNG H|ĐẢNG CỘNG", block_text(blocks[i]).upper())
    ):
        h.layout = "table"
        for row in blocks[i].rows:
            cells = [c for c in row.cells if not c.merged_from_above]
            if not cells:
                continue
            h.left += [q for p in cells[0].paras for q in split_lines(p)]
            if len(cells) > 1:
                h.right += [q for p in cells[-1].paras for q in split_lines(p)]
            for c in cells[1:-1]:
                out.unread += [(p.pos, p.text, "ô giữa của khối tiêu đề") for p in c.paras if p.text]
        i += 1
    else:
        h.layout = "tabs"
        while i < len(blocks) and not isinstance(blocks[i], Table):
            p = blocks[i]
            if type_of(p):
                break
            for line in split_lines(p) if not p.label else []:
                parts = [t for t in line.text.split("\t") if t.strip()]
                if len(parts) >= 2:
                    h.left.append(Para(text=parts[0].strip(), pos=p.pos, bold=p.bold))
                    h.right.append(Para(text=parts[-1].strip(), pos=p.pos, bold=p.bold, italic=p.italic))
                elif parts:
                    (h.right if _is_right(parts[0]) else h.left).append(Para(text=parts[0].strip(), pos=p.pos))
            i += 1
            if h.right and PLACE_DATE.match(h.right[-1].text):
                break
    for p in h.left:
        if RULE.match(p.text):
            if p.text.strip() == "*" and h.issuer_lines and not h.number_line:  # the Party's mark: kept
                h.issuer_lines.append("*")
            continue
        m = NUMBER_LINE.match(p.text)
        if m and not h.number_line:
            h.number_line = p.text
            h.number = int(m.group("n")) if m.group("n") else None
            h.symbol = m.group("sym")
            h.symbol_form = "state" if m.group("sep") == "/" else "party"
        elif not h.number_line:
            h.issuer_lines.append(p.text)
        else:
            out.unread.append((p.pos, p.text, "dòng dưới số, ký hiệu (trích yếu công văn?)"))
    for p in h.right:
        if RULE.match(p.text):
            continue
        m = PLACE_DATE.match(p.text)
        if m:
            h.place = m.group("place").strip()
            h.day = int(m.group("d")) if m.group("d") else None
            h.month = int(m.group("m")) if m.group("m") else None
            h.year = int(m.group("y"))
        elif _is_right(p.text):
            h.motto.append(p.text)
        else:
            out.unread.append((p.pos, p.text, "dòng không nhận ra ở góc phải khối tiêu đề"))
    return i
