"""Document contexts: plain dicts built from a ward, one builder per document kind.

Each context has the same frame (issuer_lines, doc, kinh_gui, body, recipients,
signature, appendix, meta) so the templates share their header and signature
blocks; VARIABLES documents what every template may use.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from ctt_cli.model.tables import COLUMN_TITLES, DEFAULT_COLUMNS
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.render.appendix import appendix_rows, attached_line, column_numbers, column_titles
from ctt_cli.vn import nd30

VARIABLES = {
    "issuer_lines": "mọi dòng ở góc trái trên số, ký hiệu (chữ in hoa): parent_lines rồi name_lines",
    "parent_lines": "tên cơ quan chủ quản (in đứng, không đậm), hoặc rỗng",
    "name_lines": "tên cơ quan ban hành (in đậm), kể cả dấu '*' dưới tên của văn bản Đảng",
    "doc.number_line": "'Số: 05/KH-UBND', để trống số khi là dự thảo",
    "doc.summary": "trích yếu công văn 'V/v ...' (chỉ công văn), hoặc rỗng",
    "doc.symbol": "ký hiệu văn bản: 'KH-UBND', 'BC-UBND', dạng Đảng 'BC/ĐU'",
    "doc.place_date": "'Phường ..., ngày 05 tháng 01 năm 2026'",
    "doc.type_upper": "tên loại văn bản in hoa: KẾ HOẠCH, BÁO CÁO (rỗng với công văn)",
    "doc.subject": "trích yếu nội dung",
    "kinh_gui": "danh sách 'Kính gửi: ...' (có thể rỗng)",
    "bases": "các dòng 'Căn cứ ...' (chỉ kế hoạch)",
    "preamble": "đoạn mở đầu (chỉ kế hoạch)",
    "body": "các đoạn thân văn bản: p.kind (h1, h2, p, placeholder, notice) và p.text",
    "closing": "đoạn kết (chỉ kế hoạch)",
    "recipients": "các dòng nơi nhận, đã có dấu ';' hoặc '.'",
    "signature.authority_line": "'TM. ỦY BAN NHÂN DÂN'",
    "signature.title": "chức vụ người ký",
    "signature.name": "họ tên người ký",
    "appendix.heading": "dòng 'Phụ lục' (kèm số La Mã khi văn bản có từ 2 phụ lục), hoặc rỗng",
    "appendix.title / subtitle / attached / note": "tên phụ lục (chữ in hoa) và dòng 'Kèm theo ...'",
    "appendix.rows": "các dòng của bảng phụ lục (t.stt, t.text, ... tùy văn bản)",
    "appendix.total_max / total_self": "dòng tổng của biểu chấm điểm",
    "doc.party": "văn bản của Đảng (ký hiệu dạng KH/ĐU): dòng 'ĐẢNG CỘNG SẢN VIỆT NAM' thay Quốc hiệu",
    "appendix.years": "sơ kết: mỗi năm một bảng (y.title, y.rows: t.stt, t.text, t.deadline, t.lead, t.result)",
    "appendices": "mọi phụ lục của kế hoạch (Phụ lục I, II, ...): heading, title, subtitle, attached, "
    "extended (có cột kết quả, kinh phí, ghi chú), columns (tên cột, theo thứ tự của phụ lục), "
    "keys (mã cột), titles (tên cột theo mã: titles.text, ...), numbers (dòng '(1) (2) …' theo mã, rỗng "
    "khi phụ lục không có), layout ('basic': năm cột mặc định; 'wide': các cột của phụ lục), "
    "rows (t.kind 'group' hoặc 'task', t.stt, t.text, t.result, t.deadline, t.lead, t.partners, t.funding, "
    "t.note; t.cells: các ô theo thứ tự cột của phụ lục)",
    "meta.title": "tiêu đề trong thuộc tính tệp",
}
TOP_LEVEL = {
    "issuer_lines",
    "parent_lines",
    "name_lines",
    "doc",
    "kinh_gui",
    "bases",
    "preamble",
    "body",
    "closing",
    "recipients",
    "signature",
    "appendix",
    "appendices",
    "meta",
}


def issuer_context(parent: Sequence[str], name: Sequence[str]) -> dict[str, list[str]]:
    """The header's left column: the parent body's lines (upright, NĐ 30), then the issuer's name (bold)."""
    return {"issuer_lines": [*parent, *name], "parent_lines": list(parent), "name_lines": list(name)}


def frame(
    ward: Ward,
    *,
    type_name: str,
    code: str,
    symbol: str,
    subject: str,
    year: int,
    number: int | None = None,
    date: dt.date | None = None,
    summary: str = "",
    place: str | None = None,
) -> dict[str, Any]:
    plan = ward.plan
    assert plan is not None
    sig = plan.signature
    return {
        **issuer_context(plan.issuer.parent_header, plan.issuer.header),
        "doc": {
            "number_line": nd30.number_line(number, symbol),
            "summary": summary,
            "place_date": nd30.place_date_line(place or plan.document.place, date, year),
            "type_upper": type_name.upper(),
            "subject": subject,
            "code": code,
            "symbol": symbol,
            # a Party document (KH/ĐU, BC/ĐU): "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the Quốc hiệu
            "party": "/" in plan.document.symbol,
        },
        "kinh_gui": [],
        "bases": [],
        "preamble": "",
        "body": [],
        "closing": "",
        "recipients": [],
        "signature": {
            "authority_line": " ".join(filter(None, (sig.authority_text or sig.authority, sig.body))),
            "title": sig.title,
            "name": sig.name or "",
        },
        "appendix": {
            "heading": "",
            "title": "",
            "subtitle": "",
            "attached": "",
            "note": "",
            "rows": [],
            "total_max": "",
            "total_self": "",
        },
        "meta": {
            "title": subject or summary,
            "subject": subject,
            "author": plan.ward,
            "year": year,
            "date": date,
            "category": type_name,
            "keywords": "Chính quyền thân thiện",
            "status": "",
        },
    }


ABBREVIATED_PLACE = re.compile(r"^(P|X|TP|Q|H|TX|TT)\.\s*")


def official_place(ward: Ward) -> str:
    """The place a document ctt writes afresh gives: the plan's place, unless it abbreviates
    the unit ('P. Lê Thanh Nghị'), which NĐ 30 (Phụ lục I, II.4.a) forbids for a unit named
    after a person; then the ward's official name ('Phường Lê Thanh Nghị')."""
    plan = ward.plan
    assert plan is not None
    return plan.ward if ABBREVIATED_PLACE.match(plan.document.place) else plan.document.place


def recipient_lines(texts: list[str]) -> list[str]:
    """'- Sở Nội vụ;' ... '- Lưu: VT.': a semicolon after each, a full stop after the last."""
    last = len(texts) - 1
    return [f"- {t.rstrip(';.')}{'.' if i == last else ';'}" for i, t in enumerate(texts)]


def plan_context(ward: Ward) -> dict[str, Any]:
    plan = ward.plan
    assert plan is not None and ward.tasks_file is not None
    doc = plan.document
    ctx = frame(
        ward,
        type_name=doc.type,
        code=doc.code,
        symbol=doc.symbol,
        subject=doc.subject,
        year=doc.year,
        number=doc.number,
        date=doc.date,
    )
    ctx["bases"] = [b.text for b in plan.legal_bases]
    ctx["preamble"] = plan.preamble or ""
    body = []
    for depth, label, section in nd30.outline(plan.body, style=plan.settings.numbering):
        if section.title:
            kind = "h1" if depth == 1 else "h2" if depth == 2 else "p"
            body.append({"kind": kind, "text": f"{label} {section.title}"})
            if section.text:
                body.append({"kind": "p", "text": section.text})
        elif section.text:
            body.append({"kind": "p", "text": f"{label} {section.text}"})
        body += [{"kind": "p", "text": f"- {item}"} for item in section.items]
    ctx["body"] = body
    ctx["closing"] = plan.closing or ""
    ctx["recipients"] = recipient_lines([r.text for r in plan.recipients])
    numbering = plan.settings.numbering
    several = ward.tasks_file.all_appendices()
    appendices = []
    for i, app in enumerate(several, 1):
        title, subtitle = _without_word(app.title), app.subtitle or ""
        heading = appendix_heading(i, len(several))
        number, _, rest = title.partition(" ")
        if title != app.title and number.rstrip(".") in (roman(i), str(i)) and (rest or subtitle):
            # 'PHỤ LỤC II DANH SÁCH …': its number on the 'Phụ lục' line, once
            heading, title = f"Phụ lục {number.rstrip('.')}", rest
        if not title and subtitle:  # 'PHỤ LỤC I' + its subtitle
            title, subtitle = subtitle, ""
        appendices.append(
            {
                "heading": heading,
                "title": title,
                "written": [app.title, app.subtitle or ""],  # the title lines as the data writes them
                "subtitle": subtitle,
                "attached": attached_line(ward, app),
                "columns": column_titles(app) + [""] * (2 - len(app.columns)),  # a table has STT and text
                "keys": list(app.columns),
                "titles": {k: app.title_of(k) for k in COLUMN_TITLES},
                "numbers": column_numbers(app),
                "layout": "basic" if tuple(app.columns) == DEFAULT_COLUMNS else "wide",
                "extended": any(k in app.columns for k in ("result", "funding", "note")),
                "rows": appendix_rows(ward, app, numbering),
            }
        )
    ctx["appendices"] = appendices
    if appendices:  # "appendix": the first one, for a template that draws a single table
        first = appendices[0]
        ctx["appendix"].update({k: first[k] for k in ("heading", "title", "subtitle", "attached", "rows")})
    ctx["meta"]["status"] = "Dự thảo" if doc.number is None else ""
    return ctx


PLAIN_MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def context_lines(ctx: dict[str, Any]) -> list[str]:
    """A document context as plain lines in reading order (header block row by row as the templates
    draw it: issuer | Quốc hiệu, then Số | place and date; body, closing, appendix with its table rows
    joined by tabs): what the document says, without layout."""
    doc = ctx["doc"]
    lines = [
        *ctx["issuer_lines"],
        *(["ĐẢNG CỘNG SẢN VIỆT NAM"] if doc.get("party") else PLAIN_MOTTO),
        doc["number_line"],
        doc["place_date"],
        doc["type_upper"],
        doc["subject"],
        *ctx["kinh_gui"],
        *ctx["bases"],
        ctx["preamble"],
        *(p["text"] for p in ctx["body"]),
        ctx["closing"],
        "Nơi nhận:",
        *ctx["recipients"],
        ctx["signature"]["authority_line"],
        ctx["signature"]["title"],
        ctx["signature"]["name"],
    ]
    for app in ctx.get("appendices") or ([ctx["appendix"]] if ctx["appendix"]["rows"] else []):
        lines += [*app.get("written", [app["title"], app["subtitle"]]), app["attached"]]
        keys = app.get("keys")
        if keys:
            lines.append("\t".join(app["columns"]))
            if app.get("numbers"):
                lines.append("\t".join(app["numbers"][k] for k in keys))
            lines += ["\t".join(str(row[k]) for k in keys) for row in app["rows"]]
        else:
            lines += ["\t".join(str(v) for k, v in row.items() if k != "kind") for row in app["rows"]]
    return [line for line in lines if line]


ROMAN = (
    ("M", 1000),
    ("CM", 900),
    ("D", 500),
    ("CD", 400),
    ("C", 100),
    ("XC", 90),
    ("L", 50),
    ("XL", 40),
    ("X", 10),
    ("IX", 9),
    ("V", 5),
    ("IV", 4),
    ("I", 1),
)


def roman(n: int) -> str:
    out = ""
    for letters, value in ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def appendix_heading(number: int = 1, count: int = 1) -> str:
    """'Phụ lục' on its own line (NĐ 30 Phụ lục I), numbered in Roman when there are several."""
    return "Phụ lục" if count < 2 else f"Phụ lục {roman(number)}"


def _without_word(title: str) -> str:
    """'PHỤ LỤC NHIỆM VỤ CỤ THỂ' → 'NHIỆM VỤ CỤ THỂ': the word is on the 'Phụ lục' line."""
    prefix = "PHỤ LỤC"
    if title.upper().startswith(prefix) and title[len(prefix) :][:1] in (" ", ":", ""):
        return title[len(prefix) :].lstrip(" :") or title
    return title


def with_appendix_heading(ctx: dict[str, Any]) -> dict[str, Any]:
    """Give a context's appendix its 'Phụ lục' line. A title that already starts with
    'PHỤ LỤC' ('PHỤ LỤC NHIỆM VỤ CỤ THỂ') keeps the rest as its title, so the word is not
    printed twice."""
    app = ctx.get("appendix") or {}
    if not app.get("rows") or app.get("heading"):
        return ctx
    title = app.get("title", "")
    prefix = "PHỤ LỤC"
    if title.upper().startswith(prefix) and title[len(prefix) :][:1] in (" ", ":", ""):
        title = title[len(prefix) :].lstrip(" :")
    app.update(heading=appendix_heading(), title=title)
    return ctx
