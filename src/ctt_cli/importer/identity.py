"""The identity of an imported plan: its ward, issuer (UBND, MTTQ, Đảng ủy, ban chỉ đạo, with a
parent body), number and symbol (state or Party form), numbering style, recipients and signature."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ctt_cli.importer.report import Ledger
from ctt_cli.importer.structure import PlanStructure
from ctt_cli.importer.units import Registry
from ctt_cli.model.plan import DocumentInfo
from ctt_cli.vn.commune import ISSUERS, WORDS, IssuerKind, issuer_kind_of, kind_of_name, proper_name
from ctt_cli.vn.text import tone_style
from ctt_cli.vn.words import lower_first

LOCALITY = re.compile(r"\b(PHƯỜNG|XÃ|THỊ TRẤN|ĐẶC KHU)\s+(.+)$")
PERIOD = re.compile(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})(\s+và những năm tiếp theo)?", re.IGNORECASE)
OBJECTIVE = re.compile(r"[Mm]ức độ\s+(\d)")
PARENT = re.compile(
    r"^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN)\s+"
    r"(THÀNH PHỐ|TỈNH|HUYỆN|QUẬN|THỊ XÃ)\s+(.+)$"
)
SYMBOL = re.compile(DocumentInfo.model_fields["symbol"].metadata[0].pattern)
# the source's numbering (depth → style the reader saw) → plan.yaml settings.numbering
NUMBERING = {
    ("decimal", "decimal2"): "decimal",
    ("decimal",): "decimal",
    ("roman", "decimal", "decimal2"): "roman-decimal",
    ("upper-letter", "roman"): "letters",
}
PARTY_PARENT = re.compile(r"^ĐẢNG BỘ\s+(THÀNH PHỐ|TỈNH|HUYỆN|QUẬN|THỊ XÃ)\s+(.+)$")
ORGANISATION = re.compile(r"tổ chức thực hiện", re.IGNORECASE)


def title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def ward_name(s: PlanStructure) -> str:
    for line in reversed(s.header.issuer_lines):
        m = LOCALITY.search(line.upper())
        if m:
            kind = m.group(1).lower()  # "Xã", "Phường", "Thị trấn", "Đặc khu": only its first letter upper
            return f"{kind[:1].upper()}{kind[1:]} {title_case(m.group(2))}"
    return s.header.place or "Phường"


def _tone(texts: list[str]) -> str:
    counts: Counter[str] = Counter()
    for text in texts:
        for word in re.findall(r"\w+", text):
            got = tone_style(word)
            if got:
                counts[got[1]] += 1
    return "new" if counts["new"] > counts["old"] else "old"


class Identity:
    """The header, signature and recipients part of the mapper (PlanMapper)."""

    s: PlanStructure
    ledger: Ledger
    reg: Registry
    tone: str

    def issuer(self, ward: str) -> tuple[dict, str]:
        h, led = self.s.header, self.ledger
        lines = h.issuer_lines or [f"ỦY BAN NHÂN DÂN {ward.upper()}"]
        out: dict = {}
        own = lines
        m = PARENT.match(lines[0].upper())
        if len(lines) > 1 and m and ward.upper() not in lines[0].upper():  # NĐ 30: the parent body on top
            head = "UBND" if m.group(1) == "UBND" else title_case(m.group(1)).replace(" Nhân Dân", " nhân dân")
            parent = self.reg.add(f"{head} {m.group(2).lower()} {title_case(m.group(3))}")
            out["parent"] = parent
            own = lines[1:]
            led.note(f"Dòng đầu khối tiêu đề '{lines[0]}' được coi là cơ quan chủ quản (issuer.parent: {parent}).")
        party = PARTY_PARENT.match(lines[0].upper())
        if len(lines) > 1 and party and ward.upper() not in lines[0].upper():  # "ĐẢNG BỘ THÀNH PHỐ …" on top
            parent = self.reg.add(f"Đảng bộ {party.group(1).lower()} {title_case(party.group(2))}")
            out["parent"] = parent
            own = lines[1:]
            led.note(f"Dòng đầu khối tiêu đề '{lines[0]}' được coi là cấp ủy cấp trên (issuer.parent: {parent}).")
        joined = " ".join(line for line in own if line.strip("* "))
        kind = issuer_kind_of(joined)
        commune = kind_of_name(ward)
        if joined.upper().startswith(("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND")) and kind == IssuerKind.UBND:
            name = f"Ủy ban nhân dân {lower_first(ward)}"
        elif kind != IssuerKind.UBND and commune is not None:  # MTTQ, Đảng ủy, ban chỉ đạo: their full name
            name = ISSUERS[kind].name.format(word=WORDS[commune].word, name=proper_name(ward))
            led.note(f"Cơ quan ban hành '{joined}' ({kind.value}): ctt ghi đơn vị '{name}'; kiểm tra trong units.yaml.")
        else:
            name = title_case(joined)
            led.note(
                f"Cơ quan ban hành '{joined}' không phải Ủy ban nhân dân: ctt ghi đơn vị '{name}'; "
                "kiểm tra tên đơn vị trong units.yaml."
            )
        if self.tone == "new":  # the plan's own tone style
            name = name.replace("Ủy ban", "Uỷ ban").replace("Đảng ủy", "Đảng uỷ")
        # the parent body's line above the issuer's name is printed upright (NĐ 30): its own field
        parent_lines = lines[: len(lines) - len(own)]
        for p in h.left:
            if p.text in own:
                led.carry(p, "plan.yaml: issuer.header")
            elif p.text in parent_lines:
                led.carry(p, "plan.yaml: issuer.parent_header")
        return {
            "unit": self.reg.add(name),
            **out,
            **({"parent_header": parent_lines} if parent_lines else {}),
            "header": own,
        }, name

    def document(self) -> dict:
        h, led = self.s.header, self.ledger
        symbol = h.symbol or "KH-UBND"
        if not SYMBOL.match(symbol):  # the state form "KH-UBND" or the Party's "KH/ĐU"
            fixed = re.sub(r"[^A-Za-zĐđ0-9]+", "-", symbol).strip("-").upper()
            if not SYMBOL.match(fixed):
                fixed = "KH-UBND"
            where = next((p for p in self.s.header.left if p.text == h.number_line), None)
            if where is not None:
                led.drop(where.pos, where.text, f"ký hiệu không đọc được; plan.yaml ghi tạm ký hiệu '{fixed}'")
            led.note(
                f"Ký hiệu '{h.number_line}' không theo dạng 'số/KH-CƠQUAN' hay 'số-KH/ĐU': "
                f"ctt ghi tạm ký hiệu '{fixed}'; sửa document.symbol nếu cần."
            )
            symbol = fixed
        elif (h.symbol_form == "party") != ("/" in symbol):
            led.note(f"Ký hiệu '{h.number_line}': ctt in lại theo dạng của ký hiệu '{symbol}' (Điều 8 NĐ 30).")
        year = h.year or dt.date.today().year
        if not h.year:
            led.note(f"Không thấy năm ban hành trong dòng địa danh, ngày tháng: ctt ghi năm {year}.")
        date = None
        if h.day and h.month and h.year:
            try:
                date = dt.date(h.year, h.month, h.day)
            except ValueError:
                led.note(f"Ngày ban hành {h.day}/{h.month}/{h.year} không có thật: để trống.")
        for p in self.s.header.left + self.s.header.right:
            if p.text == h.number_line:
                if not any(e.pos == p.pos for e in led.not_carried):
                    led.carry(p, "plan.yaml: document.number, document.symbol")
            elif p.text in h.motto and p.text.upper().startswith("ĐẢNG CỘNG SẢN") and "/" in symbol:
                led.carry(p, "dòng 'ĐẢNG CỘNG SẢN VIỆT NAM' (ctt tự in cho ký hiệu dạng Đảng)")
            elif p.text in h.motto and p.text.upper().startswith("ĐẢNG CỘNG SẢN"):
                led.drop(
                    p.pos, p.text, "dòng của văn bản Đảng, ký hiệu không theo dạng Đảng: ctt in Quốc hiệu, Tiêu ngữ"
                )
            elif p.text in h.motto:
                led.carry(p, "Quốc hiệu, Tiêu ngữ (ctt tự in)")
            elif h.place and p.text.startswith(h.place):
                led.carry(p, "plan.yaml: document.place, document.date, document.year")
        led.carry(self.s.type_line, "plan.yaml: document.type")
        for p in self.s.subject:
            led.carry(p, "plan.yaml: document.subject")
        code = re.split(r"[-/]", symbol)[0]
        return {
            "type": "Kế hoạch",
            "code": code,
            "symbol": symbol,
            "number": h.number,
            "date": date,
            "year": year,
            "place": h.place or "",
            "subject": self.s.subject_text or "Kế hoạch",
        }

    def numbering(self, settings: dict) -> None:
        """settings.numbering from the numbers the source used (typed or Word's list numbering)."""
        seen = tuple(st for _, st in sorted(self.s.numbering.items()))
        style = next((v for k, v in NUMBERING.items() if seen[: len(k)] == k), "roman")
        if style != "roman":
            settings["numbering"] = style
        if seen:
            shown = ", ".join(f"cấp {d}: {st}" for d, st in sorted(self.s.numbering.items()))
            self.ledger.note(
                f"Kiểu đánh số của văn bản gốc ({self.s.numbering_source or 'gõ tay'}): {shown}; "
                f"plan.yaml ghi settings.numbering: {style} (ctt tự đánh số theo kiểu này)."
            )

    def recipients(self) -> list[dict]:
        out = []
        self.ledger.carry(self.s.recipients_head, "'Nơi nhận:' (ctt tự in)")
        for i, p in enumerate(self.s.recipients):
            rec: dict = {"text": p.text}
            low = p.text.lower()
            if low.startswith("lưu"):
                rec["archive"] = True
            elif not low.startswith("như trên"):
                ids = [self.reg.add(n) for n in self.reg.split(p.text)]
                if ids:
                    rec["units"] = list(dict.fromkeys(ids))
            out.append(rec)
            self.ledger.carry(p, f"plan.yaml: recipients[{i}]")
        return out

    def signature(self) -> dict:
        sig = self.s.signature
        out: dict = {}
        if sig.authority:
            out["authority"] = sig.authority
            if sig.written and sig.written != sig.authority:  # the Party's "T/M", "K/T": printed as written
                out["authority_text"] = sig.written
                self.ledger.note(
                    f"Chữ ký ghi '{sig.written}': plan.yaml ghi authority: '{sig.authority}' và "
                    f"authority_text: '{sig.written}' (ctt in '{sig.written}')."
                )
        if sig.body:
            out["body"] = sig.body
        out["title"] = sig.title or "CHỦ TỊCH"
        if not sig.title:
            self.ledger.note("Không thấy chức vụ người ký: ctt ghi tạm 'CHỦ TỊCH'.")
        if sig.name:
            out["name"] = sig.name
        for p in sig.paras:
            if p.text in (sig.title, sig.name) or (sig.written and p.text.startswith(sig.written)):
                self.ledger.carry(p, "plan.yaml: signature")
        return out
