"""Vietnamese text helpers: tone-mark style, tolerant name patterns, NFC."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
# words whose last two letters are o+a, o+e or u+y, with or without marks: the only ones whose
# tone mark can sit on either vowel (a cheap filter before tone_style)
# (?<!\w): tried from the start of a word only, so one long token costs one scan, not one per letter
TONE_CANDIDATE = re.compile(r"(?<!\w)\w*(?:[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ])(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=65536)
def tone_style(word: str) -> tuple[str, str] | None:
    """For a word whose tone can sit on either vowel of oa/oe/uy (hòa/hoà, ủy/uỷ):
    (style-independent key, "old" or "new"). None for every other word."""
    letters: list[str] = []
    tone_at, tone = -1, ""
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in TONE_MARKS and letters:
            tone_at, tone = len(letters) - 1, ch
        elif unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    if tone_at < 0 or len(letters) < 2:
        return None
    pair = letters[-2] + letters[-1]
    if pair not in ("oa", "oe", "uy"):
        return None
    before = letters[-3] if len(letters) >= 3 else ""
    if pair == "uy" and before == "q":  # "quý": qu is the consonant
        return None
    if before and before[0] in "aeiouy":
        return None
    if tone_at == len(letters) - 2:
        style = "old"
    elif tone_at == len(letters) - 1:
        style = "new"
    else:
        return None
    return "".join(letters) + tone, style


def name_pattern(name: str) -> str:
    """A regex for ``name`` tolerant of letter case and of spaces around '-'."""
    parts = []
    for token in re.findall(r"\s*-\s*|\s+|[^\s-]+", name):
        if token.strip() == "-":
            parts.append(r"\s*-\s*")
        elif not token.strip():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(token))
    return r"(?<!\w)" + "".join(parts) + r"(?!\w)"


def name_key(text: str) -> str:
    """Case- and spacing-insensitive key of a name."""
    return re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", text)).casefold().strip()


def first_not_nfc(text: str) -> int | None:
    """Offset of the first character that is not in NFC form, or None when the text is NFC."""
    if unicodedata.is_normalized("NFC", text):
        return None
    for i, ch in enumerate(text):
        if unicodedata.combining(ch):
            return max(i - 1, 0)
        if not unicodedata.is_normalized("NFC", ch):
            return i
    return 0
