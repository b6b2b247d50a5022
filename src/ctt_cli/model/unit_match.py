"""Finding units by what people type (ids, codes, names with or without diacritics), without
pydantic: `--unit` options use it before any model is loaded."""

from __future__ import annotations

import difflib
import unicodedata
from typing import TYPE_CHECKING

from ctt_cli.vn.text import name_key
from ctt_cli.vn.tone import restyle

if TYPE_CHECKING:
    from ctt_cli.model.units import Unit


def unit_key(text: str) -> str:
    """A name as people may type it: letter case, spacing around '-' and the tone style (hòa/hoà,
    ủy/uỷ) ignored."""
    return " ".join(restyle(w, "old") for w in name_key(text).split(" "))


def _bare(text: str) -> str:
    """The key without any diacritics (typed without Unikey): 'phong van hoa - xa hoi'."""
    decomposed = unicodedata.normalize("NFD", unit_key(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_units(units: list[Unit], query: str) -> list[Unit]:
    """The units ``query`` names, from the most exact way of naming one down: id, code, a full name
    (name, short name or alias), the same without diacritics, then a part of a name. One unit: found;
    several: ambiguous; none: not there."""
    query = query.strip()
    if not query:
        return []
    key, bare = unit_key(query), _bare(query)
    tiers = (
        lambda u: query.casefold() == u.id.casefold(),
        lambda u: bool(u.code) and query.casefold() == str(u.code).casefold(),
        lambda u: key in {unit_key(n) for n in u.names()},
        lambda u: bare in {_bare(n) for n in u.names()},
        lambda u: any(key in unit_key(n) for n in u.names()) or bare in u.id.replace("-", " "),
        lambda u: any(bare in _bare(n) for n in u.names()),
    )
    for test in tiers:
        found = [u for u in units if test(u)]
        if found:
            return found
    return []


def resolve_unit(units: list[Unit], query: str) -> Unit | None:
    """The one unit ``query`` names (see match_units); None when it names none or several."""
    found = match_units(units, query)
    return found[0] if len(found) == 1 else None


def close_units(units: list[Unit], query: str, limit: int = 5) -> list[Unit]:
    """Units whose names look like ``query``, for a did-you-mean list."""
    bare = _bare(query)
    scored = []
    for unit in units:
        names = [_bare(n) for n in unit.names()] + [unit.id.replace("-", " ")]
        best = max(difflib.SequenceMatcher(None, bare, n).ratio() for n in names)
        words = max(len(set(bare.split()) & set(n.split())) for n in names)
        if best >= 0.5 or words:
            scored.append((-words, -best, unit.id, unit))
    return [u for *_, u in sorted(scored, key=lambda t: t[:3])[:limit]]


def describe(unit: Unit) -> str:
    """'id (name)': the id first, since names contain commas."""
    return f"{unit.id} ({unit.name})"
