"""Word's automatic list numbering: the number a paragraph shows but does not hold in its text.

A paragraph is numbered by ``w:numPr`` (numId, ilvl), directly or through its paragraph style;
numbering.xml maps numId to an abstract definition whose level gives the format (upperRoman,
decimal, lowerLetter, bullet), the pattern ("%1.", "%1.%2.", "%1)") and the start. Counters run
per abstract list, a level restarts when a higher level moves on, and ``w:startOverride`` of a
num instance restarts its list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ctt_cli.vn.nd30 import roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LETTERS_EN = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    bullet: str = ""


@dataclass
class Numbering:
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId → ilvl → Level
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """(label, style) for the next paragraph of this list level, counters advanced."""
        abstract = self.nums.get(num_id)
        if abstract is None or num_id == "0":
            return None
        levels = self.levels.get(abstract, {})
        level = levels.get(ilvl, Level())
        counts = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counts[lvl] = start - 1
        if level.fmt == "bullet":
            mark = "+" if level.bullet == "+" else "-"
            return mark, "plus" if mark == "+" else "dash"
        counts[ilvl] = counts.get(ilvl, levels.get(ilvl, Level()).start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = level.text
        for lvl in range(ilvl + 1):
            lv = levels.get(lvl, Level())
            text = text.replace(f"%{lvl + 1}", _format(counts.get(lvl, lv.start), lv.fmt))
        style = {
            "upperRoman": "roman",
            "lowerLetter": "letter",
            "upperLetter": "upper-letter",
            "lowerRoman": "lower-roman",
        }.get(level.fmt, "decimal")
        if style == "decimal" and level.text.count("%") > 1:
            style = "decimal2"
        return text.strip(), style


def _format(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        s = LETTERS_EN[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    return str(n)


def _val(el, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val") if child is not None else None


def load_numbering(document) -> Numbering:
    """The numbering definitions and style links of a python-docx Document."""
    out = Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        root = None
    if root is not None:
        for ab in root.iter(W + "abstractNum"):
            aid = ab.get(W + "abstractNumId")
            levels = {}
            for lvl in ab.iter(W + "lvl"):
                start = _val(lvl, "start")
                levels[int(lvl.get(W + "ilvl", "0"))] = Level(
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    start=int(start) if start and start.isdigit() else 1,
                    bullet=(_val(lvl, "lvlText") or "").strip(),
                )
            out.levels[aid] = levels
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId")
            out.nums[nid] = _val(num, "abstractNumId") or ""
            for ov in num.iter(W + "lvlOverride"):
                start = _val(ov, "startOverride")
                if start and start.isdigit():
                    out.overrides.setdefault(nid, {})[int(ov.get(W + "ilvl", "0"))] = int(start)
    for style in document.styles.element.iter(W + "style"):
        ppr = style.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is not None and _val(numpr, "numId"):
            out.style_num[style.get(W + "styleId")] = (_val(numpr, "numId") or "0", int(_val(numpr, "ilvl") or 0))
    return out


def paragraph_numbering(p_el, numbering: Numbering) -> tuple[str, int] | None:
    """(numId, ilvl) of a w:p, from its own properties or its paragraph style."""
    ppr = p_el.find(W + "pPr")
    if ppr is None:
        return None
    numpr = ppr.find(W + "numPr")
    if numpr is not None:
        num_id = _val(numpr, "numId")
        if num_id is not None:
            return num_id, int(_val(numpr, "ilvl") or 0)
    style = _val(ppr, "pStyle")
    if style and style in numbering.style_num:
        return numbering.style_num[style]
    return None
