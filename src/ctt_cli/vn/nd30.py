"""Presentation rules of Nghị định 30/2020/NĐ-CP that are text, not layout:
section numbering, the number line and the place-and-date line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

# Điểm are lettered with the Vietnamese alphabet: a, b, c, d, đ, e, g, h, i, k, ...
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
BLANK = "     "  # room left for a hand-written day, month or number on a draft


def roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def section_label(depth: int, index: int, style: str = "roman", parents: tuple[int, ...] = ()) -> str:
    """The computed number of the index-th (0-based) section at depth (1-based). ``style`` "roman"
    (the default): I., 1., a); "decimal": 1., 1.1., 1.1.1.; "roman-decimal": I., 1., 1.1., 1.1.1.
    ``parents`` are the 0-based indexes of the enclosing sections (decimal styles need them)."""
    if style == "decimal":
        return ".".join(str(i + 1) for i in (*parents, index)) + "."
    if style == "letters":  # A., I., 1., a)
        if depth == 1:
            return f"{chr(ord('A') + index)}." if index < 26 else f"{index + 1}."
        return section_label(depth - 1, index)
    if style == "roman-decimal":
        return f"{roman(index + 1)}." if depth == 1 else ".".join(str(i + 1) for i in (*parents[1:], index)) + "."
    if depth == 1:
        return f"{roman(index + 1)}."
    if depth == 2:
        return f"{index + 1}."
    if depth == 3:
        return f"{LETTERS[index]})" if index < len(LETTERS) else f"{index + 1})"
    return "-"


def outline(
    sections: Any, depth: int = 1, style: str = "roman", parents: tuple[int, ...] = ()
) -> Iterator[tuple[int, str, Any]]:
    """(depth, label, section) for every section, depth first, numbered in ``style``."""
    for i, section in enumerate(sections):
        yield depth, section_label(depth, i, style, parents), section
        yield from outline(section.children, depth + 1, style, (*parents, i))


def number_line(number: int | None, symbol: str) -> str:
    """'Số: 05/KH-UBND'; a draft keeps the number blank: 'Số:      /KH-UBND'. A Party symbol
    ('KH/ĐU') follows the Party's form: 'Số 05-KH/ĐU'."""
    if "/" in symbol:
        return f"Số {number:02d}-{symbol}" if number else f"Số{BLANK}-{symbol}"
    return f"Số: {number:02d}/{symbol}" if number else f"Số:{BLANK}/{symbol}"


def date_words(date: dt.date | None, year: int) -> str:
    """'ngày 05 tháng 01 năm 2026' (day < 10 and months 1-2 zero-padded); blanks on a draft."""
    if date is None:
        return f"ngày{BLANK}tháng{BLANK}năm {year}"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


def place_date_line(place: str, date: dt.date | None, year: int) -> str:
    return f"{place}, {date_words(date, year)}"


def attached_line(type_name: str, number: int | None, symbol: str, date: dt.date | None, year: int, issuer: str) -> str:
    """'(Kèm theo Kế hoạch số: 05/KH-UBND ngày 05 tháng 01 năm 2026 của ...)'; blanks on a draft. A Party
    symbol ('KH/ĐU') in the Party's form, as its number line: 'Kế hoạch số 12-KH/ĐU'."""
    shown = f"{number:02d}" if number else BLANK  # room to hand-write a draft's number
    cited = f"số {shown}-{symbol}" if "/" in symbol else f"số: {shown}/{symbol}"
    return f"(Kèm theo {type_name} {cited} {date_words(date, year)} của {issuer})"
