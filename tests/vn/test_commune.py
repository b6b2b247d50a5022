"""`foreign_words` skips a text whose lower-cased form lacks each word's first part: sound only because
re.IGNORECASE matches a letter of these words exactly where ``str.lower`` gives that letter."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ctt_cli.vn.commune import _ALLOWED, WORDS, CommuneKind, foreign_words

LETTERS = sorted({c for words in WORDS.values() for w in words.foreign for c in w if not c.isspace()})


def test_the_foreign_words_letters_have_only_two_case_forms() -> None:
    for letter in LETTERS:
        by_regex = {chr(c) for c in range(0x10000) if re.fullmatch(re.escape(letter), chr(c), re.IGNORECASE)}
        by_lower = {chr(c) for c in range(0x10000) if chr(c).lower() == letter}
        assert by_regex == by_lower, letter


def _unfiltered(text: str, kind: CommuneKind) -> list[tuple[int, str]]:
    """foreign_words as it was before the lower-case prefilter."""
    masked = _ALLOWED.sub(lambda m: " " * len(m.group()), text)
    found = []
    for word in WORDS[kind].foreign:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, word.split())) + r"(?!\w)"
        found += [(m.start(), m.group()) for m in re.finditer(pattern, masked, re.IGNORECASE)]
    return sorted(found)


PIECES = ["xã", "XÃ", "Xã", "phường", "PHƯỜNG", "thôn", "Thôn", "tổ dân phố", "TỔ  DÂN\nPHỐ", "đặc khu", "ĐẶC KHU"]
PIECES += [" ", ", ", "hội", "cấp ", "và ", "\u212a", "İ", "1", "_", "khu", "KHU"]


@settings(derandomize=True, max_examples=500)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), st.sampled_from(list(CommuneKind)))
def test_the_prefilter_changes_nothing(text: str, kind: CommuneKind) -> None:
    assert foreign_words(text, kind) == _unfiltered(text, kind)
