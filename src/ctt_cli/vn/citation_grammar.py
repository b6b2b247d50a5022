"""The document-number grammar (số, ký hiệu) of Nghị định 30/2020/NĐ-CP and of Party practice, one
grammar shared by the cited-documents registry (``documents.yaml``) and the prose reader (W405, W406).

State form (NĐ 30, Phụ lục I):   số[/năm]/KÝHIỆU[-CƠQUAN[-ĐƠNVỊ]]
    5049/QĐ-UBND, 43/KH-UBND            a document with a type name, no year
    30/2020/NĐ-CP, 09/2021/TT-BTP        a regulatory document carries its year
    85/2015/QH13                         a law: the National Assembly and its term
    02/2021/TTLT-BTP-BNV                 a joint document names every issuer
    383/BNV-CCHC, 12/UBND-VX             a công văn: issuer and drafting unit, no type
Party form (Hướng dẫn của Văn phòng Trung ương): số-LOẠI/CƠQUAN
    05-NQ/TU, 12-CTr/ĐU, 04-ĐA/TU, 01-QĐi/TW, 36-HD/VPTW
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple


def _grammar(first: str, rest: str) -> str:
    """The number grammar with the given letter classes for a part's first letter and the rest."""
    kind = f"{first}[{rest}]*[0-9]*"  # QĐ, CTr, QĐi, QH13
    part = f"{first}[{rest}0-9]*"  # UBND, BTP, VX, ĐU
    state = f"[0-9]+(?:/(?:19|20)[0-9]{{2}})?/{kind}(?:-{part})*"
    party = f"[0-9]+-{kind}/{part}(?:-{part})*"
    return f"(?:{party}|{state})"


# The registry is strict: every part begins with a capital (NĐ 30 writes symbols in capitals; the
# Party's kinds keep their small letters: CTr, QĐi).
CAPITALS = "A-ZĐĂÂÊÔƠƯ"  # "UBTƯMTTQVN": the vowels with a hat or horn, no tone marks
SMALL = "a-zđăâêôơư"
DOC_NUMBER = f"^{_grammar(f'[{CAPITALS}]', CAPITALS + SMALL)}$"
# Prose is read loosely (any letter case) so that a miswritten symbol ("12-CTr/Đu") is still found,
# and whole: a number is never cut ("85/2015/QH13" is not "2015/QH").
NUMBER = rf"(?<![\w/.-]){_grammar(f'[{CAPITALS}{SMALL}]', CAPITALS + SMALL)}(?![\w/]|-\w)"
CITATION = re.compile(rf"(?P<number>{NUMBER})(?:\s+ngày\s+(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}))?")
LOOKS_LIKE = re.compile(r"(?<!\d)\d+\s*[-/]\s*[A-Za-zĐđ]")


def is_doc_number(text: str) -> bool:
    """Whether ``text`` is a well-formed number and symbol, as the registry requires."""
    return _strict().fullmatch(text) is not None


@lru_cache(maxsize=1)
def _strict() -> re.Pattern[str]:
    # compiled on first use (~1 ms): the registry's numbers are checked by the model's own pattern
    return re.compile(DOC_NUMBER)


class Citation(NamedTuple):
    number: str
    date: dt.date | None
    start: int
    bad_date: str | None = None  # the date text when it is not a real date


def find_citations(text: str) -> Iterator[Citation]:
    for match in CITATION.finditer(text):
        date, bad = None, None
        if match.group("y"):
            try:
                date = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            except ValueError:
                bad = f"{match.group('d')}/{match.group('m')}/{match.group('y')}"
        yield Citation(match.group("number"), date, match.start(), bad)


def parse_reference(text: str) -> Citation | None:
    """A whole evidence string such as '43/KH-UBND ngày 30/01/2026', or None."""
    match = CITATION.fullmatch(text.strip().removeprefix("số ").removeprefix("Số ").strip())
    return next(find_citations(match.group()), None) if match else None
