"""The units registry of an imported plan: names split out of lead/partner cells, organisation
headings and recipients; spelling variants of one unit merged (the longest is the name, the
others aliases or the short name); a kind guessed from the name's head word."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ctt_cli.scaffold.files import slug
from ctt_cli.vn.text import name_key, name_pattern

HEAD_WORDS = (
    "Phòng",
    "Ban",
    "Trung tâm",
    "Văn phòng",
    "Ủy ban",
    "Uỷ ban",
    "UBND",
    "HĐND",
    "Hội đồng",
    "Công an",
    "Quân sự",
    "Hội",
    "Đoàn",
    "Mặt trận",
    "MTTQ",
    "Đảng ủy",
    "Đảng uỷ",
    "Thường trực",
    "Cổng",
    "Sở",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Trạm",
    "Trường",
    "Tổ",
    "Các",
    "các",
    "Bộ phận",
    "Chi cục",
    "Đài",
    "Liên đoàn",
    "Cựu chiến binh",
    "Hợp tác xã",
    "Kho bạc",
    "Chi nhánh",
    "Bảo hiểm",
    "Thành ủy",
    "Thành uỷ",
    "Huyện ủy",
    "Ban Chỉ huy",
    "Ban chỉ đạo",
    "Ban Chỉ đạo",
    "Tòa án",
    "Viện kiểm sát",
)
_HEAD = "|".join(re.escape(w) for w in sorted(HEAD_WORDS, key=len, reverse=True))
_COMMA_HEAD = "|".join(re.escape(w) for w in sorted({*HEAD_WORDS, "TT"} - {"các"}, key=len, reverse=True))
_AND_HEAD = "|".join(re.escape(w) for w in sorted(set(HEAD_WORDS) - {"UBND", "HĐND", "MTTQ"}, key=len, reverse=True))
SPLIT = re.compile(rf"\s*;\s*|\s*,\s*(?=(?:{_COMMA_HEAD})\b|\uE000)|\s+(?:và|với)\s+(?=(?:{_AND_HEAD})\b|\uE000)")
EXPAND = [
    (r"\bUBND\b", "Ủy ban nhân dân"),
    (r"\bHĐND\b", "Hội đồng nhân dân"),
    (r"\bMTTQ\b", "Mặt trận Tổ quốc"),
    (r"\bVN\b", "Việt Nam"),
    (r"\bCCHC\b", "cải cách hành chính"),
]
LOCALITY = re.compile(r"\s+(?:thuộc\s+)?(?:UBND\s+|Ủy ban nhân dân\s+)?(?:phường|xã|thị trấn|đặc khu)$", re.IGNORECASE)
KINDS = [
    (r"^(đồng chí|đ/c|ông|bà)\s|^(bí thư|phó bí thư|trưởng ban|phó trưởng ban|trưởng công an)\b", "chuc-danh"),
    (
        r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(thành phố|tỉnh|huyện|quận)|^sở\b|^thành ủy|^thành uỷ|"
        r"^ban chấp hành đảng bộ thành phố",
        "cap-tren",
    ),
    (r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|hđnd|thường trực hội đồng|tt hđnd)", "chinh-quyen"),
    (r"^(chủ tịch|phó chủ tịch|ct,|lãnh đạo)", "lanh-dao"),
    (r"^phòng\b", "phong"),
    (r"^trung tâm\b", "trung-tam"),
    (r"^văn phòng\b", "van-phong"),
    (r"đảng ủy|đảng uỷ|^ban xây dựng đảng|^chi bộ|^tt đảng", "dang"),
    (r"mặt trận|mttq|^hội\b|^đoàn\b|chính trị - xã hội|^liên đoàn|cựu chiến binh", "doan-the"),
    (r"^(các )?(tổ dân phố|thôn|khu dân cư|tổ\b)", "co-so"),
    (r"^các\b", "nhom"),
]


def loose_key(name: str, ward: str = "") -> str:
    """A key that merges spelling variants: abbreviations expanded, tone marks placed either way,
    case and spacing around '-' ignored, a trailing 'phường'/'xã' dropped."""
    for pattern, full in EXPAND:
        name = re.sub(pattern, full, name)
    name = name.strip()
    if ward and name.lower().endswith(" " + ward.lower()):  # "… phường Lê Thanh Nghị" → "… phường"
        name = name[: -len(ward)].rstrip()
    # "Đảng ủy Ủy ban nhân dân xã" (the Party committee of the UBND) is not "Đảng ủy xã": keep what it belongs to
    party = re.match(r"(?i)(đảng ủy|đảng uỷ|chi bộ)\s", name) is not None
    name = (
        re.sub(r"\s+(?:phường|xã|thị trấn|đặc khu)$", "", name, flags=re.IGNORECASE)
        if party
        else LOCALITY.sub("", name)
    )
    key = unicodedata.normalize("NFD", name_key(name).replace("đ", "d"))
    return "".join(c for c in key if not unicodedata.combining(c))


def clean_name(text: str) -> str:
    text = re.sub(r"^(?:Đề nghị|Giao|Đối với)\s+", "", text.strip())
    return text.strip(" :;.,").strip()


def looks_like_unit(text: str) -> bool:
    text = clean_name(text)
    return bool(text) and len(text.split()) <= 30 and re.match(rf"(?:{_HEAD})\b", text) is not None


@dataclass
class UnitEntry:
    id: str
    names: list[str] = field(default_factory=list)  # every spelling seen, first seen first
    cell_names: list[str] = field(default_factory=list)  # spellings seen in table cells


class Registry:
    def __init__(self, ward_place: str = "") -> None:
        self.ward_place = ward_place  # "Lê Thanh Nghị": the ward's own name, dropped when merging
        self.entries: list[UnitEntry] = []
        self.by_key: dict[str, UnitEntry] = {}

    def known_names(self) -> list[str]:
        return sorted({n for e in self.entries for n in e.names}, key=len, reverse=True)

    def split(self, text: str) -> list[str]:
        """The unit names in a lead/partner cell or a recipient line, known names kept whole."""
        text = " ".join(text.split())
        protected: dict[str, str] = {}
        for name in self.known_names():

            def keep(m: re.Match) -> str:
                token = f"\ue000{len(protected)}\ue001"
                protected[token] = m.group()  # the spelling of this text, not the registry's
                return token

            text = re.sub(name_pattern(name), keep, text, flags=re.IGNORECASE)
        out = []
        for part in SPLIT.split(text):
            for token, name in protected.items():
                if token in part:
                    part = part.replace(token, name)
            part = clean_name(part)
            if part:
                out.append(part)
        return out

    def add(self, name: str, *, cell: bool = False) -> str:
        name = clean_name(name)
        key = loose_key(name, self.ward_place)
        entry = self.by_key.get(key)
        if entry is None:
            base = slug(name)[:40].strip("-") or "don-vi"
            uid, n = base, 2
            while any(e.id == uid for e in self.entries):
                uid, n = f"{base}-{n}", n + 1
            entry = UnitEntry(uid)
            self.entries.append(entry)
            self.by_key[key] = entry
        if name not in entry.names:
            entry.names.append(name)
        if cell and name not in entry.cell_names:
            entry.cell_names.append(name)
        return entry.id

    def units(self) -> list[dict]:
        """units.yaml records: name = the longest spelling, short_name = the one the table uses,
        aliases = the other spellings that differ by more than letter case or spacing."""
        out = []
        for e in self.entries:
            name = max(e.names, key=lambda n: (len(n), n[:1].isupper()))
            short = next((n for n in e.cell_names if n != name), None)
            taken = {name_key(name)} | ({name_key(short)} if short else set())
            aliases = []
            for n in e.names:
                if name_key(n) not in taken:
                    aliases.append(n)
                    taken.add(name_key(n))
            rec: dict = {"id": e.id, "name": name}
            if short:
                rec["short_name"] = short
            if aliases:
                rec["aliases"] = aliases
            rec["kind"] = kind_of(name)
            out.append(rec)
        return out


def kind_of(name: str) -> str:
    low = name.lower()
    for pattern, kind in KINDS:
        if re.search(pattern, low):
            return kind
    return "don-vi"
