"""The mechanical fixes of `ctt fmt --fix`: the same rules as the text warnings, applied to the
strings the warnings are about and to nothing else.

- W401: a word of oa/oe/uy written in the other tone style, where the plan writes it both ways,
  gets the style of ``settings.tone_style`` ("uỷ" → "ủy" for ``old``);
- W402: a unit name spelled loosely (case, spaces around '-') gets its registered spelling;
- W403: straight quotes "..." become curly “...” in a plan that uses curly ones elsewhere;
- W404: an abbreviated place ("P. Lê Thanh Nghị") becomes the full name ("Lê Thanh Nghị";
  "P. 3" → "Phường 3").

What a suppression keeps (``ignore`` on the item, ``settings.ignore``) is not fixed: a signed item
keeps its slips.

A fixer is built from a loaded ward and applied to the tree of one of its files; it counts what
it changed, per code.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ctt_cli.checks.suppress import Rule, rules_of
from ctt_cli.checks.text import _ABBREV, NOT_PROSE, PROSE_FILES, canonical_spelling, prose, unit_index
from ctt_cli.model.ward import Ward
from ctt_cli.vn import text as vntext
from ctt_cli.vn.tone import restyle
from ctt_cli.yamlio import Source
from ctt_cli.yamlio.positions import data_path

FIXABLE = ("W401", "W402", "W403", "W404")
_FULL = {"P": "Phường", "X": "Xã", "TP": "Thành phố", "Q": "Quận", "H": "Huyện", "TX": "Thị xã", "TT": "Thị trấn"}
_STRAIGHT = re.compile(r'"([^"\n]*)"')


def _is_prose(loc: tuple) -> bool:
    if "ignore" in loc:
        return False
    return not any(isinstance(step, str) and step in NOT_PROSE for step in loc[-2:])


def full_place(place: str) -> str:
    """The place line without its abbreviation: the name alone, or the full word before a number."""
    match = _ABBREV.match(place)
    if not match:
        return place
    rest = place[match.end() :]
    if rest[:1].isdigit():
        return f"{_FULL[match.group(1)]} {rest}"
    return rest


@dataclass
class Fixer:
    """The fixes chosen for one ward; ``fix(key, loc, text)`` returns the fixed string."""

    codes: frozenset[str]
    style: str = "old"
    mixed_keys: set[str] = field(default_factory=set)  # tone keys written in both styles
    curly: bool = False
    units: Any = None  # (pattern, accepted) of checks.text.unit_index
    counts: Counter[str] = field(default_factory=Counter)
    kept: list[Rule] = field(default_factory=list)  # suppressions: a signed item keeps its slips
    sources: dict[str, Source] = field(default_factory=dict)

    def fix(self, key: str, loc: tuple, text: str) -> str:
        if self.kept and key in self.sources:
            source = self.sources[key]
            path = data_path(source.tree, loc)
            codes = frozenset(c for c in self.codes if not any(r.keeps(c, source.display, path) for r in self.kept))
            if codes != self.codes:
                narrower = Fixer(codes, self.style, self.mixed_keys, self.curly, self.units, self.counts)
                return narrower.fix(key, loc, text)
        return self._fix(key, loc, text)

    def _fix(self, key: str, loc: tuple, text: str) -> str:
        if "W404" in self.codes and key == "plan" and loc == ("document", "place"):
            fixed = full_place(text)
            if fixed != text:
                self.counts["W404"] += 1
            return fixed
        if not _is_prose(loc):
            return text
        if "W401" in self.codes and self.mixed_keys:
            text = vntext.TONE_CANDIDATE.sub(self._tone, text)
        if key in PROSE_FILES:
            if "W402" in self.codes and self.units and self.units[0] is not None:
                text = self.units[0].sub(self._unit, text)
            if "W403" in self.codes and self.curly and '"' in text:
                text, n = _STRAIGHT.subn(r"“\1”", text)
                self.counts["W403"] += n
        return text

    def _tone(self, match: re.Match[str]) -> str:
        word = match.group()
        styled = vntext.tone_style(word)
        if styled is None or styled[1] == self.style or styled[0] not in self.mixed_keys:
            return word
        self.counts["W401"] += 1
        return restyle(word, self.style)

    def _unit(self, match: re.Match[str]) -> str:
        found = match.group()
        accepted = self.units[1]
        names = accepted.get(vntext.name_key(found), set())
        if found in names or (found.isupper() and any(found == n.upper() for n in names)):
            return found
        self.counts["W402"] += 1
        return canonical_spelling(found, accepted)


def fixer_for(ward: Ward, codes: frozenset[str]) -> Fixer:
    """The fixer of ``codes`` for ``ward``, with what the rules need to know of the whole ward."""
    fixer = Fixer(codes, style=ward.plan.settings.tone_style if ward.plan else "old")
    fixer.kept = [r for r in rules_of(ward)[0] if r.code in codes]
    fixer.sources = dict(ward.sources)
    if "W401" in codes:
        seen: dict[str, set[str]] = defaultdict(set)
        for _, _, text in prose(ward):
            for match in vntext.TONE_CANDIDATE.finditer(text):
                styled = vntext.tone_style(match.group())
                if styled:
                    seen[styled[0]].add(styled[1])
        fixer.mixed_keys = {k for k, styles in seen.items() if len(styles) > 1}
    if "W402" in codes:
        fixer.units = unit_index(ward.units)
    if "W403" in codes:
        fixer.curly = any("“" in t or "”" in t for _, _, t in prose(ward, PROSE_FILES))
    return fixer


def apply(node: Any, fix: Callable[[tuple, str], str], loc: tuple = ()) -> Any:
    """Apply ``fix(loc, text)`` to every string value under ``node`` in place (mappings and lists of
    either reader); string subclasses (ruamel's literal, folded, quoted scalars) keep their type."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for k, value in list(items):
        here = (*loc, k)
        if isinstance(value, str):
            new = fix(here, str(value))
            if new != str(value):
                node[k] = new if type(value) is str else _same_kind(value, new)
        else:
            apply(value, fix, here)
    return node


def _same_kind(old: str, new: str) -> str:
    try:
        return type(old)(new)
    except TypeError:
        return new
