"""Case folding (vn/fold.py) agrees with re.IGNORECASE: character by character over the whole Basic
Multilingual Plane, and as a unit-name pattern on generated texts with the characters where the two
could part (dotted İ, dotless ı, long ſ, the Kelvin sign, ß/ẞ, Greek sigma, Cyrillic)."""

from __future__ import annotations

import re
from collections import defaultdict

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ctt_cli.checks.text import _any_name
from ctt_cli.vn.fold import CaselessPattern, fold, fold_char


def _chars() -> list[str]:
    return [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]


def test_characters_that_fold_alike_match_alike() -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    for char in _chars():
        low = fold_char(char)
        if low is not None:
            groups[low].append(char)
    assert len(groups) > 60_000  # nearly every character folds
    for members in groups.values():
        for a in members:
            for b in members:
                assert re.fullmatch(re.escape(a), b, re.IGNORECASE), (a, b)


def test_characters_that_fold_apart_do_not_match() -> None:
    for char in _chars():
        low = fold_char(char)
        if low is None:
            continue
        for other in {char.lower(), char.upper(), char.title(), char.swapcase(), char.casefold(), "i", "s", "k"}:
            if len(other) == 1 and fold_char(other) is not None:
                same = fold_char(other) == low
                assert bool(re.fullmatch(re.escape(char), other, re.IGNORECASE)) == same, (char, other)


def test_folding_keeps_word_and_space_characters() -> None:
    for char in _chars():
        low = fold_char(char)
        if low is not None:
            assert bool(re.match(r"\w", low)) == bool(re.match(r"\w", char)), char
            assert bool(re.match(r"\s", low)) == bool(re.match(r"\s", char)), char


def test_texts_that_cannot_fold() -> None:
    assert fold("Phường LÊ THANH NGHỊ") == "phường lê thanh nghị"
    assert fold("İstanbul") is None  # 'İ' lowers to two characters
    assert fold("ΣΟΦΙΑ") is None  # sigma has three case forms
    assert fold("Straße") is None  # ß upper-cases to two characters


NAMES = ["Phòng Văn hóa - Xã hội", "UBND phường", "Công an phường", "Trung tâm Phục vụ hành chính công", "VP", "Sở"]
PIECES = [
    *NAMES,
    " ",
    "-",
    " - ",
    "\n",
    "_",
    "x",
    "1",
    "PHÒNG VĂN HÓA-XÃ HỘI",
    "công AN phường",
    "ı",
    "İ",
    "ſ",
    "\u212a",
    "ß",
    "ẞ",
    "Σ",
    "ς",
    "в",
    "ᲀ",
    "ǅ",
    "\u0301",
    "SỞ",
    "ſở",
    "UBND PHƯỜNG",
]


def _by_regex(text: str, names: list[str]) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(_any_name(names), text, re.IGNORECASE)]


@settings(derandomize=True, max_examples=500)
@given(
    st.lists(st.sampled_from(PIECES), max_size=10).map("".join),
    st.lists(st.sampled_from([*NAMES, "Sı", "ſở", "Ksở", "Trường İ"]), min_size=1, unique=True),
)
@example("Giao phòng Văn hóa-Xã hội và CÔNG AN PHƯỜNG", NAMES)
@example("ſở và SỞ", ["Sở"])
def test_the_unit_pattern_finds_what_re_ignorecase_finds(text: str, names: list[str]) -> None:
    names = sorted(names, key=len, reverse=True)
    pattern = CaselessPattern(_any_name, names)
    assert list(pattern.finditer(text)) == _by_regex(text, names)
