"""Printed width of a line of Times New Roman, and the NĐ 30 rules sized from it.

Widths are Adobe's Times-Roman and Times-Bold metrics (1/1000 em), which Times New
Roman and Liberation Serif share closely; a Vietnamese letter is as wide as its base
letter (the marks sit above or below it). Italic is measured as upright (within 3%).
"""

from __future__ import annotations

import unicodedata

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_BOLD = dict(
    zip(
        _UPPER,
        (
            722,
            667,
            722,
            722,
            667,
            611,
            778,
            778,
            389,
            500,
            778,
            667,
            944,
            722,
            778,
            611,
            778,
            722,
            556,
            667,
            722,
            722,
            1000,
            722,
            722,
            667,
        ),
    )
)
_BOLD.update(
    zip(
        _LOWER,
        (
            500,
            556,
            444,
            556,
            444,
            333,
            500,
            556,
            278,
            333,
            556,
            278,
            833,
            556,
            500,
            556,
            556,
            444,
            389,
            333,
            556,
            500,
            722,
            500,
            500,
            444,
        ),
    )
)
_ROMAN = dict(
    zip(
        _UPPER,
        (
            722,
            667,
            667,
            722,
            611,
            556,
            722,
            722,
            333,
            389,
            722,
            611,
            889,
            722,
            722,
            556,
            722,
            667,
            556,
            611,
            722,
            722,
            944,
            722,
            722,
            611,
        ),
    )
)
_ROMAN.update(
    zip(
        _LOWER,
        (
            444,
            500,
            444,
            500,
            444,
            333,
            500,
            500,
            278,
            278,
            500,
            278,
            778,
            500,
            500,
            500,
            500,
            333,
            389,
            278,
            500,
            500,
            722,
            500,
            500,
            444,
        ),
    )
)
_COMMON = {
    " ": 250,
    "\u00a0": 250,
    "-": 333,
    "\u2011": 333,
    ".": 250,
    ",": 250,
    ":": 333,
    "/": 278,
    "(": 333,
    ")": 333,
    "“": 500,
    "”": 500,
    '"': 555,
    "'": 333,
    "…": 1000,
    ";": 333,
}
_BOLD.update(_COMMON, **{"Đ": 722, "đ": 556})
_ROMAN.update(_COMMON, **{"Đ": 722, "đ": 500})
_BOLD.update({str(d): 500 for d in range(10)})
_ROMAN.update({str(d): 500 for d in range(10)})
MM_PER_PT = 25.4 / 72


def width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Printed width of ``text`` at ``size_pt`` points."""
    table = _BOLD if bold else _ROMAN
    units = 0
    for ch in unicodedata.normalize("NFC", text):
        units += table.get(ch) or table.get(unicodedata.normalize("NFD", ch)[0], 500)
    return units / 1000 * size_pt * MM_PER_PT


def rule_length_mm(line_mm: float, *, full: bool = False) -> float:
    """NĐ 30: a rule 1/3 to 1/2 of the line above (0.4 of it), or its full length (Tiêu ngữ)."""
    return line_mm if full else 0.4 * line_mm
