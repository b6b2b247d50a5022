"""Moving a tone mark between the two vowels of oa/oe/uy: "uỷ" ↔ "ủy", "hoà" ↔ "hòa"."""

from __future__ import annotations

import unicodedata

from ctt_cli.vn.text import TONE_MARKS, tone_style


def restyle(word: str, style: str) -> str:
    """``word`` with its tone mark where ``style`` ("old": hòa, ủy; "new": hoà, uỷ) puts it;
    unchanged when the word is not one whose mark can move, or already has that style. Letter
    case is kept."""
    styled = tone_style(word)
    if styled is None or styled[1] == style:
        return word
    letters: list[str] = []  # each base letter with its non-tone marks
    tone = ""
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONE_MARKS and letters:
            tone = ch
        elif unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    at = len(letters) - (2 if style == "old" else 1)
    letters[at] = letters[at][0] + tone + letters[at][1:]
    return unicodedata.normalize("NFC", "".join(letters))
