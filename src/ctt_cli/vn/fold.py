"""Case-insensitive matching without ``re.IGNORECASE``: fold the text and the pattern's letters to lower
case, one character for one (offsets are kept), and match exactly.

Why: compiling a long alternation of Vietnamese names with ``re.IGNORECASE`` costs ~4 ms (every 'i' and
's' becomes a set with 'ı' and 'ſ', each a 64K-character bitmap); the same alternation over folded
text compiles in less than half that. ``folder(text)`` answers None for a text with a character whose
folding could disagree with ``re.IGNORECASE`` (e.g. 'İ', Greek and Cyrillic letters with extra case
forms, 'ß'); the caller then uses the ``re.IGNORECASE`` pattern. ``tests/vn/test_fold.py`` checks the
folding against ``re`` over the whole Basic Multilingual Plane and on generated texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

try:  # the characters with more than two case forms, as the re module's compiler knows them
    from re._casefix import _EXTRA_CASES as _EXTRA  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # another Python: no folding, every text takes the re.IGNORECASE pattern
    _EXTRA = None

# 'ı' and 'ſ' are the extra case forms of 'i' and 's' (re.IGNORECASE matches them): folded to those
_SAME = {"ı": "i", "ſ": "s"}
_OTHER = frozenset(chr(c) for c in _EXTRA) - {"i", "s", "ı", "ſ"} if _EXTRA is not None else frozenset()


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


@cache
def fold_char(char: str) -> str | None:
    """The one character ``char`` folds to, or None when folding could disagree with re.IGNORECASE."""
    if _EXTRA is None:
        return None
    low = char.lower()
    if len(low) != 1 or len(low.upper()) != 1 or len(char.upper()) != 1:
        return None
    low = _SAME.get(low, low)
    if low in _OTHER or char in _OTHER:
        return None
    if _word(low) != _word(char) or low.isspace() != char.isspace():
        return None  # \w and \s must see the folded text as they see the original
    return low


def folder(text: str) -> dict[int, str] | None:
    """The ``str.translate`` table that folds ``text`` (only its characters that change), or None."""
    table: dict[int, str] = {}
    for char in set(text):
        low = fold_char(char)
        if low is None:
            return None
        if low != char:
            table[ord(char)] = low
    return table


def fold(text: str) -> str | None:
    """``text`` folded to lower case, character for character, or None (see ``folder``)."""
    table = folder(text)
    return None if table is None else text.translate(table) if table else text


class CaselessPattern:
    """``re.compile(build(words), re.IGNORECASE)`` for a regex that is ``words`` (letters written as
    they are) joined by case-blind parts (``\\s``, ``\\w``, punctuation): ``finditer`` matches it on
    the folded text when both the words and the text fold, and gives what the re.IGNORECASE pattern
    finds, with the original text of each match. Each regex is compiled on first use."""

    def __init__(self, build: Callable[[list[str]], str], words: list[str]) -> None:
        self._build = build
        self._words = words
        folded = [fold(w) for w in words]
        self._folded: list[str] | None = None if None in folded else [f for f in folded if f is not None]
        self._exact: re.Pattern[str] | None = None
        self._caseless: re.Pattern[str] | None = None

    @property
    def caseless(self) -> re.Pattern[str]:
        if self._caseless is None:
            self._caseless = re.compile(self._build(self._words), re.IGNORECASE)
        return self._caseless

    def finditer(self, text: str) -> Iterator[tuple[int, str]]:
        """(offset, matched text) of each match, as ``caseless.finditer`` finds them."""
        table = folder(text) if self._folded is not None else None
        if table is None or self._folded is None:
            yield from ((m.start(), m.group()) for m in self.caseless.finditer(text))
            return
        if self._exact is None:
            self._exact = re.compile(self._build(self._folded))
        for match in self._exact.finditer(text.translate(table) if table else text):
            yield match.start(), text[match.start() : match.end()]

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        return self.caseless.sub(repl, text)
