"""Column widths of a table whose columns the data decides.

The plan template draws an appendix with its own columns as STT, the task's text and a ``{%tc for %}``
loop over the further columns (tools/make_templates.py, ``wide_table``). docxtpl repeats the cells but
leaves the widths as the template had them (it only adds or drops grid columns, spreading the width
evenly). Once rendered, ctt sets them: STT narrow, every further column the same, the task's text the
rest of the table's width, in the grid (LibreOffice reads it) and in every cell (Word reads those). The
table is found by its caption, which is then removed.
"""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARK = "ctt:cot-theo-phu-luc"  # the caption tools/make_templates.py gives the table
FIRST = 680  # twips: 12 mm, the STT column
OTHER = 1701  # twips: 30 mm, each further column at most
TEXT = 3402  # twips: 60 mm, the task's text at least (while the columns fit)


def widths(total: int, count: int) -> list[int]:
    """Column widths (twips) of a table ``total`` wide with ``count`` columns: STT, text, the rest."""
    if count <= 1:
        return [total]
    first = min(FIRST, total // count)
    other = min(OTHER, max(0, total - first - TEXT) // (count - 2)) if count > 2 else 0
    other = other or (total - first) // count  # too many columns for 60 mm of text: all alike
    return [first, total - first - other * (count - 2), *[other] * (count - 2)]


def _span(tc: Any) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    return int(span.get(f"{W}val", "1")) if span is not None else 1


def fit_columns(body: Any) -> None:
    """Set the widths of every table under ``body`` (an lxml element) captioned MARK."""
    for caption in list(body.iter(f"{W}tblCaption")):
        if caption.get(f"{W}val") != MARK:
            continue
        tbl_pr = caption.getparent()
        tbl_pr.remove(caption)
        tbl = tbl_pr.getparent()
        grid = tbl.find(f"{W}tblGrid")
        rows = tbl.findall(f"{W}tr")
        if grid is None or not rows:
            continue
        total = sum(int(col.get(f"{W}w", "0")) for col in grid.findall(f"{W}gridCol"))
        count = max(sum(_span(tc) for tc in tr.findall(f"{W}tc")) for tr in rows)
        sizes = widths(total, count)
        for col in grid.findall(f"{W}gridCol"):
            grid.remove(col)
        for size in sizes:
            col = grid.makeelement(f"{W}gridCol", {f"{W}w": str(size)})
            grid.append(col)
        for tr in rows:
            at = 0
            for tc in tr.findall(f"{W}tc"):
                span = _span(tc)
                width = tc.find(f"{W}tcPr/{W}tcW")
                if width is not None:
                    width.set(f"{W}w", str(sum(sizes[at : at + span])))
                    width.set(f"{W}type", "dxa")
                at += span
