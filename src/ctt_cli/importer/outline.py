"""Blocks of a Word plan → PlanStructure: header, type line, trích yếu, bases, the section tree,
closing, recipients, signature and appendix tables. Nothing here knows ctt's YAML files."""

from __future__ import annotations

import re

from ctt_cli.importer.appendix import appendix_columns, is_task_table
from ctt_cli.importer.header import RULE, block_text, is_empty, read_header, split_lines, type_of
from ctt_cli.importer.structure import AppendixTable, Header, Para, PlanStructure, Section, Table

BASIS = re.compile(r"^(Căn cứ|Thực hiện)\b")
AUTHORITY = re.compile(r"^(TM\.|KT\.|Q\.|TL\.|TUQ\.|T/M|K/T)\s*(.*)$")  # T/M, K/T: the Party's forms
FIELD = re.compile(
    r"^(?P<key>Thời gian(?: hoàn thành| thực hiện)?|Thời hạn(?: hoàn thành)?|Tiến độ|"
    r"(?:Đơn vị|Cơ quan) chủ trì(?: thực hiện)?|Chủ trì|(?:Đơn vị|Cơ quan) phối hợp|Phối hợp|"
    r"Kết quả(?:, sản phẩm)?|Sản phẩm(?: đầu ra)?)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
SECTION_STYLES = ("roman", "decimal", "decimal2", "letter", "upper-letter", "lower-roman")
ITEM_STYLES = ("dash", "plus")


class NotAPlan(ValueError):
    """The file is a document of another type (its type line is given)."""

    def __init__(self, found: str) -> None:
        super().__init__(found)
        self.found = found


def field_key(text: str) -> tuple[str, str] | None:
    m = FIELD.match(text)
    if not m:
        return None
    key = m.group("key").lower()
    kind = (
        "lead"
        if "chủ trì" in key
        else "partners"
        if "phối hợp" in key
        else "result"
        if key.startswith(("kết quả", "sản phẩm"))
        else "deadline"
    )
    return kind, m.group("value").strip().rstrip(";").strip()


def read(blocks: list, source: str) -> PlanStructure:
    out = PlanStructure(source=source, header=Header())
    for b in blocks:
        if isinstance(b, Table):
            out.everything += [
                (p.pos, p.text)
                for r in b.rows
                for c in r.cells
                if not c.merged_from_above
                for p in c.paras
                if p.text.strip() and not RULE.match(p.text)
            ]
        elif b.text.strip() and not RULE.match(b.text):
            out.everything.append((b.pos, b.text))
    i = read_header(blocks, out)
    while i < len(blocks) and (is_empty(blocks[i]) or isinstance(blocks[i], Table)):
        if isinstance(blocks[i], Table):
            out.unread += [
                (c.pos, c.text, "bảng trước dòng tên loại") for r in blocks[i].rows for c in r.cells if c.text
            ]
        i += 1
    if i >= len(blocks):
        raise NotAPlan("")
    found = type_of(blocks[i])
    if found != "KẾ HOẠCH":
        raise NotAPlan(found or blocks[i].text[:60])
    type_para = blocks[i]
    first, _, rest = type_para.text.partition("\n")
    out.type_line = Para(text=found, pos=type_para.pos, bold=True, centered=True)
    if first.strip() != found:  # "KẾ HOẠCH Triển khai ..." on one line
        out.subject.append(Para(text=first.strip()[len(found) :].strip(), pos=type_para.pos))
    if rest.strip():
        out.subject.append(Para(text=" ".join(rest.split()), pos=type_para.pos))
    i += 1
    while i < len(blocks):  # trích yếu: centred or bold paragraphs, several paragraphs or lines
        b = blocks[i]
        if isinstance(b, Table):
            break
        if is_empty(b):
            i += 1
            if out.subject:
                break
            continue
        if b.label or not (b.centered or b.bold) or BASIS.match(b.text) and not b.centered:
            break
        out.subject.append(Para(text=" ".join(b.text.split()), pos=b.pos, bold=b.bold, centered=True))
        i += 1
    body: list[Para] = []
    started = False
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Table):
            if "nơi nhận" in block_text(b).lower():
                break
            if is_task_table(b):
                out.appendices.append(AppendixTable(table=b, **appendix_columns(b)))
            else:
                out.unread += [(c.pos, c.text, "bảng trong thân văn bản") for r in b.rows for c in r.cells if c.text]
            i += 1
            continue
        if b.text.lower().startswith("nơi nhận") or _appendix_title(b):
            break
        if not is_empty(b):
            if not started and b.label and b.style in SECTION_STYLES and not BASIS.match(b.text):
                started = True
            if not started and BASIS.match(b.text):
                out.bases.append(Para(text=" ".join(b.text.split()), pos=b.pos, italic=b.italic))
            elif not started:
                out.preamble.append(b)
            else:
                body.append(b)
        i += 1
    if body and not body[-1].label and body[-1].text.endswith("/."):
        out.closing.append(body.pop())
    elif not body and out.preamble and out.preamble[-1].text.endswith("/."):
        out.closing.append(out.preamble.pop())
    out.sections = build_tree(body, out)
    i = read_signature(blocks, i, out)
    read_appendices(blocks, i, out)
    return out


def _one_line(p: Para) -> Para:
    """A body paragraph's manual line breaks are layout: the data keeps one line per paragraph."""
    if "\n" in p.text:
        p.text = " ".join(part.strip() for part in p.text.split("\n") if part.strip())
    return p


def build_tree(body: list[Para], out: PlanStructure) -> list[Section]:
    body = [_one_line(p) for p in body]
    out.preamble = [_one_line(p) for p in out.preamble]
    out.closing = [_one_line(p) for p in out.closing]
    root = Section(label="", style="", head=None)
    stack: list[tuple[Section, str]] = [(root, "")]
    sources = set()
    for p in body:
        if p.label and p.style in SECTION_STYLES:
            styles = [s for _, s in stack]
            key = p.style if p.style != "decimal2" else f"decimal{p.label.rstrip('.').count('.') + 1}"  # 1.1. ≠ 1.1.1.
            if key in styles:
                del stack[styles.index(key) :]
            sec = Section(label=p.label, style=p.style, head=p)
            stack[-1][0].children.append(sec)
            stack.append((sec, key))
            out.numbering.setdefault(len(stack) - 1, p.style)
            sources.add(p.label_source)
            continue
        cur = stack[-1][0]
        if p.label and p.style in ITEM_STYLES:
            cur.items.append(p)
            got = field_key(p.text)
            if got and cur is not root:
                cur.fields.setdefault(got[0], p)
            sources.add(p.label_source)
        elif cur is root:
            out.preamble.append(p)
        else:
            got = field_key(p.text)
            if got and cur is not root:  # a labelled line without its dash
                cur.items.append(p)
                cur.fields.setdefault(got[0], p)
            else:
                cur.paras.append(p)
    out.numbering_source = "mixed" if len(sources) > 1 else next(iter(sources), "")
    return root.children


def _appendix_title(b) -> bool:
    return (
        not isinstance(b, Table)
        and not b.label
        and b.text.upper().startswith("PHỤ LỤC")
        and (b.bold or b.centered or b.text == b.text.upper())
    )


def read_signature(blocks: list, i: int, out: PlanStructure) -> int:
    left: list[Para] = []
    right: list[Para] = []
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Table):
            if is_task_table(b) or "nơi nhận" not in block_text(b).lower() and left:
                break
            for row in b.rows:
                cells = [c for c in row.cells if not c.merged_from_above and c.text]
                for c in cells:
                    lines = [q for p in c.paras for q in split_lines(p)]
                    if "nơi nhận" in c.text.lower():
                        left += lines
                    elif c.text.endswith("/.") and not out.closing:
                        out.closing += lines
                    else:
                        right += lines
            i += 1
            continue
        if _appendix_title(b):
            break
        if not is_empty(b):
            for line in split_lines(b) if not b.label else [b]:
                parts = [t.strip() for t in line.text.split("\t") if t.strip()]
                if b.label:  # "- Như trên;" read with its dash label, maybe a tab and a signature line
                    left.append(Para(text="- " + parts[0], pos=b.pos))
                    if len(parts) >= 2:
                        right.append(Para(text=parts[-1], pos=b.pos, bold=b.bold))
                elif len(parts) >= 2:
                    left.append(Para(text=parts[0], pos=b.pos))
                    right.append(Para(text=parts[-1], pos=b.pos, bold=b.bold))
                elif parts and (
                    parts[0].lower().startswith(("nơi nhận", "-", "lưu"))
                    or (left and not right and parts[0].endswith(";"))
                ):
                    left.append(Para(text=parts[0], pos=b.pos))
                elif parts:
                    right.append(Para(text=parts[0], pos=b.pos, bold=b.bold))
        i += 1
    for p in left:
        text = p.text
        if text.lower().startswith("nơi nhận"):
            out.recipients_head = p
            text = text.split(":", 1)[1].strip() if ":" in text else ""
            if not text:
                continue
        text = re.sub(r"^[-–—•+]\s*", "", text).rstrip(";.,").strip()
        if text:
            out.recipients.append(Para(text=text, pos=p.pos))
    sig = out.signature
    lines = [p for p in right if p.text and not RULE.match(p.text)]
    sig.paras = lines
    if lines and (m := AUTHORITY.match(lines[0].text)):
        sig.written = m.group(1)
        sig.authority = {"T/M": "TM.", "K/T": "KT."}.get(m.group(1), m.group(1))
        sig.body = m.group(2).strip() or None
        lines = lines[1:]
    if lines:
        sig.title = lines[0].text
        rest = lines[1:]
        names = [p for p in rest if p.text != p.text.upper() or len(p.text.split()) <= 4 and p is rest[-1]]
        if names:
            sig.name = names[-1].text
        for p in rest:
            if p is not (names[-1] if names else None):
                out.unread.append((p.pos, p.text, "dòng trong khối chữ ký (dấu, chữ ký?)"))
    return i


def read_appendices(blocks: list, i: int, out: PlanStructure) -> None:
    current: AppendixTable | None = None
    while i < len(blocks):
        b = blocks[i]
        i += 1
        if isinstance(b, Table):
            if is_task_table(b) and (current is None or current.table is not None):
                current = AppendixTable()
                out.appendices.append(current)
            if current is not None and current.table is None and is_task_table(b):
                current.table = b
                for key, value in appendix_columns(b).items():
                    setattr(current, key, value)
            else:
                out.unread += [(c.pos, c.text, "bảng sau khối chữ ký") for r in b.rows for c in r.cells if c.text]
            continue
        if is_empty(b):
            continue
        if _appendix_title(b) or current is None:
            current = AppendixTable()
            out.appendices.append(current)
        if current.table is not None:
            current.notes.append(b)
        elif b.text.startswith("(") and "kèm theo" in b.text.lower():
            current.attached = b
        else:
            current.title.append(Para(text=" ".join(b.text.split()), pos=b.pos, bold=b.bold))
