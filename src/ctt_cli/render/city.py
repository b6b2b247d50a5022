"""The Sở Nội vụ's summary report to the city's UBND (`ctt render city`): its context and its table.

The issuer is the Sở, not a ward, so the frame is built here and not by ``context.frame``. Every
number comes from the site's ward pages (``site.build.WardPage``, itself ``city.ward_row`` and the
status and score views): this module only counts and words them, it never computes a state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ctt_cli.render.context import issuer_context
from ctt_cli.site.build import KINDS, WARD_STATES
from ctt_cli.views.export import Sheet
from ctt_cli.vn import nd30
from ctt_cli.vn.words import vn_number

TEMPLATE = "tong-hop.docx"
COLUMNS = [
    "STT",
    "Xã, phường, đặc khu",
    "Loại",
    "Mức mục tiêu",
    "Mức đăng ký",
    "Điểm tự chấm",
    "Mức đạt",
    "Nhiệm vụ hoàn thành",
    "Nhiệm vụ quá hạn",
    "Báo cáo tự đánh giá",
    "Tình trạng, ghi chú",
]
KEYS = ["stt", "name", "kind", "target", "registered", "score", "level", "done", "overdue", "sent", "note"]
SENT = {True: "đã gửi", False: "chưa gửi", None: "không có nhiệm vụ"}
ILLUSTRATIVE = (
    "MINH HỌA: điểm của {n} đơn vị trong báo cáo này là số liệu minh họa (bộ tiêu chí hoặc điểm chưa chính thức), "
    "không dùng để đánh giá, xếp loại."
)


@dataclass(frozen=True)
class Issuer:
    """The Sở Nội vụ issuing the report; the defaults are Hải Phòng's (the city ctt was made for)."""

    header: tuple[str, ...] = ("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ NỘI VỤ")
    name: str = "Sở Nội vụ"
    symbol: str = "BC-SNV"
    place: str = "Hải Phòng"
    kinh_gui: tuple[str, ...] = ("Ủy ban nhân dân thành phố Hải Phòng",)
    authority: str = ""
    title: str = "GIÁM ĐỐC"
    signer: str = ""
    recipients: tuple[str, ...] = ("Như trên", "Lưu: VT")


def level_word(level: int | None) -> str:
    return "" if level is None else f"Mức {level}"


def table_rows(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per commune, typed (numbers as numbers): the appendix and the .xlsx sheet."""
    out = []
    for i, page in enumerate(sorted(pages, key=lambda p: (p["kind"], p["name"])), 1):
        row = page["row"]
        note = WARD_STATES[page["state"]]
        if row["note"]:
            note = f"{note}; {row['note']}"
        out.append(
            {
                "stt": i,
                "name": page["name"],
                "kind": page["kind"],
                "target": row["target"],
                "registered": page["registered"],
                "score": row["score"],
                "level": row["level"],
                "done": None if row["done"] is None else f"{row['done']}/{row['occurrences']}",
                "overdue": row["overdue"],
                "sent": None if row["errors"] else SENT[page["assessment_sent"]],
                "note": note,
                "illustrative": page["illustrative"],
            }
        )
    return out


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key in ("target", "registered", "level"):
        return level_word(value)
    if key == "score":
        return vn_number(value)
    return str(value)


def _names(pages: list[dict[str, Any]]) -> str:
    return ", ".join(sorted(p["name"] for p in pages))


def _levels(pages: list[dict[str, Any]]) -> list[dict[str, str]]:
    rows = [p["row"] for p in pages]
    levels = sorted(
        {r["target"] for r in rows if r["target"] is not None}
        | {p["registered"] for p in pages if p["registered"] is not None}
        | {r["level"] for r in rows if r["level"] is not None}
    )
    body = [
        {
            "kind": "p",
            "text": (
                f"- Mức {lv}: {sum(1 for r in rows if r['target'] == lv)} đơn vị đặt mục tiêu, "
                f"{sum(1 for p in pages if p['registered'] == lv)} đơn vị đăng ký, "
                f"{sum(1 for r in rows if r['level'] == lv)} đơn vị đạt theo điểm tự chấm."
            ),
        }
        for lv in levels
    ]
    scored = [r for r in rows if r["score"] is not None]
    unscored = sum(1 for r in rows if not r["errors"] and r["score"] is None)
    body.append(
        {
            "kind": "p",
            "text": (
                f"- Đã có điểm tự chấm: {len(scored)} đơn vị, trong đó "
                f"{sum(1 for r in scored if r['level'] is None)} đơn vị chưa đạt mức nào; "
                f"chưa chấm điểm: {unscored} đơn vị."
            ),
        }
    )
    met = sum(1 for r in rows if r["target_met"] is True)
    not_met = sum(1 for r in rows if r["target_met"] is False)
    body.append({"kind": "p", "text": f"- Đạt mục tiêu đã đặt: {met} đơn vị; chưa đạt mục tiêu: {not_met} đơn vị."})
    return body


def _states(pages: list[dict[str, Any]]) -> list[dict[str, str]]:
    body = []
    sent = [p for p in pages if p["assessment_sent"] is True]
    not_sent = [p for p in pages if p["assessment_sent"] is False and not p["row"]["errors"]]
    body.append({"kind": "p", "text": f"- Đã gửi báo cáo tự đánh giá, chấm điểm: {len(sent)}/{len(pages)} đơn vị."})
    text = f"- Chưa gửi báo cáo tự đánh giá, chấm điểm: {len(not_sent)}/{len(pages)} đơn vị"
    body.append({"kind": "p", "text": f"{text}: {_names(not_sent)}." if not_sent else f"{text}."})
    for key, label in WARD_STATES.items():
        members = [p for p in pages if p["state"] == key]
        if members:
            body.append({"kind": "p", "text": f"- {label[:1].upper()}{label[1:]}: {len(members)} đơn vị."})
    return body


def _overdue(pages: list[dict[str, Any]]) -> list[dict[str, str]]:
    late = sorted((p for p in pages if p["row"]["overdue"]), key=lambda p: (-p["row"]["overdue"], p["name"]))
    if not late:
        return [{"kind": "p", "text": "Không có đơn vị nào có nhiệm vụ quá hạn."}]
    body = [{"kind": "p", "text": f"Có {len(late)} đơn vị có nhiệm vụ quá hạn:"}]
    for p in late:
        body.append({"kind": "p", "text": f"- {p['name']}: {p['row']['overdue']} nhiệm vụ quá hạn."})
    return body


def _errors(pages: list[dict[str, Any]], missing: list[str]) -> list[dict[str, str]]:
    bad = [p for p in pages if p["row"]["errors"]]
    body = [
        {"kind": "p", "text": f"- {p['name']}: {p['row']['errors']} lỗi ({p['row']['note']})."}
        for p in sorted(bad, key=lambda p: p["name"])
    ]
    body += [{"kind": "p", "text": f"- {m}."} for m in missing]
    return body


def city_context(
    pages: list[dict[str, Any]],
    year: int,
    as_of: dt.date,
    *,
    issuer: Issuer | None = None,
    missing: list[str] | None = None,
    date: dt.date | None = None,
) -> dict[str, Any]:
    """The report's context, in the frame every template shares (render/context.py VARIABLES).
    ``date`` is the day the report is signed (None: left blank to fill in, as a draft)."""
    iss = issuer or Issuer()
    kinds = [k for k in (*KINDS, "khác") if any(p["kind"] == k for p in pages)]
    counted = ", ".join(f"{sum(1 for p in pages if p['kind'] == k)} {k}" for k in kinds) or "0 đơn vị"
    subject = f"Kết quả thực hiện tiêu chí “Chính quyền thân thiện” năm {year} của các xã, phường, đặc khu"
    rows = table_rows(pages)
    illustrative = sum(1 for r in rows if r["illustrative"])
    body: list[dict[str, str]] = []
    if illustrative:
        body.append({"kind": "notice", "text": ILLUSTRATIVE.format(n=illustrative)})
    body.append(
        {
            "kind": "p",
            "text": (
                f"{iss.name} báo cáo kết quả thực hiện tiêu chí “Chính quyền thân thiện” năm {year} của "
                f"{len(pages)} đơn vị ({counted}), theo số liệu các đơn vị cập nhật đến ngày "
                f"{as_of:%d/%m/%Y}, như sau:"
            ),
        }
    )
    body.append({"kind": "h1", "text": "I. ĐĂNG KÝ VÀ KẾT QUẢ THEO MỨC ĐỘ"})
    body += _levels(pages)
    body.append({"kind": "h1", "text": "II. TÌNH HÌNH GỬI BÁO CÁO TỰ ĐÁNH GIÁ VÀ TIẾN ĐỘ"})
    body += _states(pages)
    body.append({"kind": "h1", "text": "III. CÁC ĐƠN VỊ CÓ NHIỆM VỤ QUÁ HẠN"})
    body += _overdue(pages)
    errors = _errors(pages, missing or [])
    if errors:
        body.append({"kind": "h1", "text": "IV. ĐƠN VỊ CÓ DỮ LIỆU CHƯA HỢP LỆ"})
        body += errors
    body.append({"kind": "h1", "text": f"{'V' if errors else 'IV'}. ĐỀ XUẤT, KIẾN NGHỊ"})
    body.append({"kind": "placeholder", "text": "[Bổ sung: đề xuất, kiến nghị của Sở Nội vụ]"})
    body.append(
        {
            "kind": "p",
            "text": f"Chi tiết từng đơn vị tại Phụ lục kèm theo. {iss.name} kính báo cáo Ủy ban nhân dân thành phố./.",
        }
    )
    number_line = nd30.number_line(None, iss.symbol)
    return {
        **issuer_context(iss.header[:-1], iss.header[-1:]),  # the city above the Sở: its parent body
        "doc": {
            "number_line": number_line,
            "summary": "",
            "place_date": nd30.place_date_line(iss.place, date, year),
            "type_upper": "BÁO CÁO",
            "subject": subject,
            "code": "BC",
            "symbol": iss.symbol,
            "party": False,  # a state body: the Quốc hiệu and Tiêu ngữ, not the Party header
        },
        "kinh_gui": [f"Kính gửi: {k}." for k in iss.kinh_gui],
        "bases": [],
        "preamble": "",
        "body": body,
        "closing": "",
        "recipients": [f"- {t}{'.' if i == len(iss.recipients) - 1 else ';'}" for i, t in enumerate(iss.recipients)],
        "signature": {"authority_line": iss.authority, "title": iss.title, "name": iss.signer},
        "appendix": {
            "heading": "Phụ lục",
            "title": f"KẾT QUẢ THỰC HIỆN CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU NĂM {year}",
            "subtitle": "",
            "attached": nd30.attached_line("Báo cáo", None, iss.symbol, date, year, iss.name),
            "note": ILLUSTRATIVE.format(n=illustrative) if illustrative else "",
            "rows": [{k: _cell(k, r[k]) for k in KEYS} for r in rows],
            "total_max": "",
            "total_self": "",
        },
        "appendices": [],
        "meta": {
            "title": subject,
            "subject": subject,
            "author": iss.name,
            "year": year,
            "date": date,
            "category": "Báo cáo",
            "keywords": "Chính quyền thân thiện",
            "status": "Dự thảo",
        },
    }


def city_sheet(pages: list[dict[str, Any]], year: int, as_of: dt.date) -> Sheet:
    """The appendix table as a worksheet (``--format xlsx``): levels and counts as numbers."""
    rows = table_rows(pages)
    sheet = Sheet(
        "Tổng hợp",
        f"Kết quả thực hiện của các xã, phường, đặc khu năm {year}, tính đến ngày {as_of:%d/%m/%Y}",
        COLUMNS,
        illustrative=any(r["illustrative"] for r in rows),
    )
    for r in rows:
        sheet.rows.append([r[k] for k in KEYS])
    illustrative = sum(1 for r in rows if r["illustrative"])
    if illustrative:
        sheet.caption = ILLUSTRATIVE.format(n=illustrative)
    return sheet
