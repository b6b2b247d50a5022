"""The words of a commune-level unit: its kind (xã, phường, đặc khu), what its residential
areas are called (thôn, tổ dân phố), and the issuers of its documents (UBND, MTTQ, Đảng ủy).

Pure words: used by the starter (`ctt init`) to write a plan in the unit's own terms and by the
check that flags the other kind's words (W410)."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple


class CommuneKind(StrEnum):
    XA = "xa"
    PHUONG = "phuong"
    DAC_KHU = "dac-khu"


class KindWords(NamedTuple):
    kind: CommuneKind
    title: str  # "Xã", as it begins the unit's name
    word: str  # "xã", as it follows "Ủy ban nhân dân"
    areas: str  # "thôn": the residential areas, lower case
    areas_title: str  # "Các thôn": the recipient line and the unit of all areas
    area_id: str  # unit id of all the areas
    foreign: tuple[str, ...]  # words of the other kinds that do not belong in this unit's plan


WORDS: dict[CommuneKind, KindWords] = {
    CommuneKind.XA: KindWords(CommuneKind.XA, "Xã", "xã", "thôn", "Các thôn", "thon", ("phường", "tổ dân phố")),
    CommuneKind.PHUONG: KindWords(
        CommuneKind.PHUONG, "Phường", "phường", "tổ dân phố", "Các Tổ dân phố", "to-dan-pho", ("xã", "thôn")
    ),
    # a đặc khu (an island district) keeps both: thôn where it was rural, tổ dân phố where it was a town
    CommuneKind.DAC_KHU: KindWords(
        CommuneKind.DAC_KHU,
        "Đặc khu",
        "đặc khu",
        "thôn, tổ dân phố",
        "Các thôn, tổ dân phố",
        "thon-to-dan-pho",
        ("phường", "xã"),
    ),
}


def kind_of_name(name: str) -> CommuneKind | None:
    """'Xã An Lão' → XA, 'Phường Lê Chân' → PHUONG, 'Đặc khu Cát Hải' → DAC_KHU; None otherwise."""
    folded = name.strip().casefold()
    for words in WORDS.values():
        if folded.startswith(words.word + " "):
            return words.kind
    return None


def proper_name(name: str) -> str:
    """'Xã An Lão' → 'An Lão' (the name without its kind)."""
    kind = kind_of_name(name)
    return name.strip()[len(WORDS[kind].word) :].strip() if kind else name.strip()


# Where the other kinds' words are legitimate: the enumeration of the three kinds in city documents,
# "cấp xã" (the commune level as a whole), "xã hội" (society), "xã viên", and "thôn, tổ dân phố".
_ALLOWED = re.compile(
    r"(?:xã|phường|đặc khu)(?:\s*,\s*(?:xã|phường|đặc khu))+(?:\s*,?\s*(?:và|hoặc)\s+(?:xã|phường|đặc khu))?"
    r"|(?:xã|phường|đặc khu)\s+(?:và|hoặc)\s+(?:xã|phường|đặc khu)"
    r"|cấp\s+xã|xã\s+hội|xã\s+viên|hợp\s+tác\s+xã"
    r"|thôn\s*(?:,|và|hoặc)\s*tổ\s+dân\s+phố|tổ\s+dân\s+phố\s*(?:,|và|hoặc)\s*thôn",
    re.IGNORECASE,
)


def foreign_words(text: str, kind: CommuneKind, own_name: str = "") -> list[tuple[int, str]]:
    """(offset, word) for each word of another kind in ``text`` (a xã plan saying 'phường')."""
    # a word found in any letter case has its first part in the lower-cased text: most texts have none
    # and skip the masking (their letters have no case forms beyond upper and lower: tests/vn/test_commune.py)
    lowered = text.lower()
    words = [word for word in WORDS[kind].foreign if word.split()[0] in lowered]
    if not words:
        return []
    masked = _ALLOWED.sub(lambda m: " " * len(m.group()), text)
    if own_name:
        masked = re.sub(re.escape(own_name), lambda m: " " * len(m.group()), masked, flags=re.IGNORECASE)
    found = []
    for word in words:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, word.split())) + r"(?!\w)"
        found += [(m.start(), m.group()) for m in re.finditer(pattern, masked, re.IGNORECASE)]
    return sorted(found)


def _case_like(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def reword(text: str, source: CommuneKind, target: CommuneKind) -> str:
    """A text written for one kind, in the words of another: 'UBND phường' → 'UBND xã', 'Các Tổ dân
    phố' → 'Các thôn'. The enumeration 'xã, phường, đặc khu' and 'cấp xã' stay as they are."""
    if source == target:
        return text
    src, dst = WORDS[source], WORDS[target]
    pattern = re.compile(
        rf"({_ALLOWED.pattern})|(?<!\w)(?:{re.escape(src.areas_title)}|{re.escape(src.areas)}"
        rf"|{re.escape(src.word)})(?!\w)",
        re.IGNORECASE,
    )

    def swap(m: re.Match[str]) -> str:
        found = m.group()
        if m.group(1):
            return found
        low = found.casefold()
        if low == src.areas_title.casefold():
            if found.isupper():
                return dst.areas_title.upper()
            return dst.areas_title if found[:1].isupper() else dst.areas_title.lower()
        if low == src.areas.casefold():
            return _case_like(found, dst.areas)
        return _case_like(found, dst.word)

    return pattern.sub(swap, text)


def reword_id(ident: str, source: CommuneKind, target: CommuneKind) -> str:
    """'ubnd-phuong' → 'ubnd-xa'; 'to-dan-pho' → 'thon'."""
    if source == target:
        return ident
    src, dst = WORDS[source], WORDS[target]
    ident = re.sub(rf"(?<![a-z]){re.escape(src.area_id)}(?![a-z])", dst.area_id, ident)
    return re.sub(rf"(?<![a-z]){re.escape(source.value)}(?![a-z])", target.value, ident)


class IssuerKind(StrEnum):
    UBND = "ubnd"
    MTTQ = "mttq"
    DANG_UY = "dang-uy"
    BAN_CHI_DAO = "ban-chi-dao"


class IssuerWords(NamedTuple):
    kind: IssuerKind
    unit_id: str  # with {kind}: 'ubnd-{kind}' → 'ubnd-xa'
    name: str  # with {word} and {name}: the full name of the issuing body
    short_name: str
    alias: str  # the name without the proper name: 'Ủy ban nhân dân xã'
    header: tuple[str, ...]  # with {WARD} (the unit's name in capitals)
    symbol: str  # of a plan
    body: str  # the collective body signed for (TM.)
    head: str  # its head's title
    deputy: str  # the deputy who signs for the head (KT.)
    unit_kind: str
    parent: tuple[str, ...] = ()  # the parent body's lines above ``header``, printed upright (NĐ 30)


ISSUERS: dict[IssuerKind, IssuerWords] = {
    IssuerKind.UBND: IssuerWords(
        IssuerKind.UBND,
        "ubnd-{kind}",
        "Ủy ban nhân dân {word} {name}",
        "UBND {word}",
        "Ủy ban nhân dân {word}",
        ("ỦY BAN NHÂN DÂN", "{WARD}"),
        "KH-UBND",
        "ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "chinh-quyen",
    ),
    IssuerKind.MTTQ: IssuerWords(
        IssuerKind.MTTQ,
        "btt-mttq-{kind}",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam {word} {name}",
        "Ban Thường trực Ủy ban MTTQ Việt Nam {word}",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam {word}",
        ("ỦY BAN MTTQ VIỆT NAM", "{WARD}", "BAN THƯỜNG TRỰC"),
        "KH-MTTQ",
        "BAN THƯỜNG TRỰC",
        "CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "doan-the",
    ),
    IssuerKind.DANG_UY: IssuerWords(
        IssuerKind.DANG_UY,
        "dang-uy-{kind}",
        "Đảng ủy {word} {name}",
        "Đảng ủy {word}",
        "Đảng ủy {word}",
        ("ĐẢNG ỦY {WARD}", "*"),
        "KH/ĐU",
        "ĐẢNG ỦY",
        "BÍ THƯ",
        "PHÓ BÍ THƯ",
        "dang",
        ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",),
    ),
    IssuerKind.BAN_CHI_DAO: IssuerWords(
        IssuerKind.BAN_CHI_DAO,
        "bcd-{kind}",
        "Ban Chỉ đạo thực hiện mô hình “Chính quyền thân thiện” {word} {name}",
        "Ban Chỉ đạo {word}",
        "Ban Chỉ đạo thực hiện mô hình “Chính quyền thân thiện” {word}",
        ("BAN CHỈ ĐẠO",),
        "KH-BCĐ",
        "BAN CHỈ ĐẠO",
        "TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "nhom",
        ("UBND {WARD}",),
    ),
}


def issuer_kind_of(text: str) -> IssuerKind:
    """The kind of a full issuer name: 'Ban Thường trực Ủy ban MTTQ …' → MTTQ; UBND by default."""
    folded = text.casefold()
    if "mặt trận" in folded or "mttq" in folded:
        return IssuerKind.MTTQ
    if "ban chỉ đạo" in folded:
        return IssuerKind.BAN_CHI_DAO
    if "đảng ủy" in folded or "đảng uỷ" in folded or "đảng bộ" in folded:
        return IssuerKind.DANG_UY
    return IssuerKind.UBND
