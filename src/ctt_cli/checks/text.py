"""Vietnamese text lint: NFC and control characters (errors); tone-mark style,
unit spellings, quotes, place abbreviations, mojibake (warnings)."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from ctt_cli.findings import Finding
from ctt_cli.model.methods import iter_sections
from ctt_cli.model.ward import Ward
from ctt_cli.vn import text as vntext
from ctt_cli.vn.commune import WORDS, foreign_words, kind_of_name, proper_name
from ctt_cli.yamlio import Loc, Source

# Keys whose values are codes or references, not prose.
NOT_PROSE = {
    "id",
    "cites",
    "units",
    "unit",
    "parent",
    "lead",
    "partners",
    "criteria_set",
    "code",
    "symbol",
    "number",
    "before_date",
    "tone_style",
    "kind",
    "authority",
    "task",
    "state",
    "document",
    "scoring",
    "status",
    "criteria",
}
PROSE_FILES = ("plan", "tasks")
# \r (only a "\r" escape can put it in a value) and U+FFFE/U+FFFF (not XML characters) included
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"  # compiled if needed
# Three ways Vietnamese text gets garbled, each by signs that real Vietnamese never has:
# UTF-8 read as Windows-1252 ("PhÆ°á»ng"); TCVN3/ABC shown in a Unicode font ("nh©n d©n ph­êng": ©, ¬,
# soft hyphen, ®, ¸... between letters); VNI-Windows shown in a Unicode font ("Phöôøng", "ñòa": ö, ø, û, ï,
# ñ next to a letter). All three are single character classes: linear on any text.
_MOJIBAKE = re.compile(
    r"[ÃÆÄá](?:(?<=Ã)[\x80-\xbf¡-¿]|(?<=Æ)°|(?<=Ä)‘|(?<=á)[º»])"
    r"|[©¬\xad®¸µ¶¹¨ª¼½¾Æ×Þ](?<=[A-Za-z].)(?=[A-Za-zâêô])"
    r"|[öøûïÖØÛÏ](?<=[A-Za-z].)|[ñÑ](?<!\w.)(?=[a-zòóôö])"
)
_MOJIBAKE_SIGNS = re.compile("[ÃÆÄá©¬\xad®¸µ¶¹¨ª¼½¾×ÞöøûïÖØÛÏñÑ]")  # one class: a fast scan first


def prose(ward: Ward, keys: tuple[str, ...] | None = None) -> Iterator[tuple[Source, Loc, str]]:
    """Every prose string of the ward (all files, or the files named by ``keys``)."""
    for key, source in ward.sources.items():
        if keys is not None and key not in keys:
            continue
        for loc, text in source.strings():
            if "ignore" in loc:  # a suppression's reason is a note to the office, not the plan's text
                continue
            if not any(isinstance(step, str) and step in NOT_PROSE for step in loc[-2:]):
                yield source, loc, text


def _printable(text: str) -> bool:
    """True when ``_CONTROL`` cannot match: every character it names is one ``str.isprintable`` refuses,
    and tabs and line breaks, the two it allows, are taken out first (a C scan; most texts end here)."""
    return text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable()


def check_encoding(ward: Ward) -> Iterator[Finding]:
    for source in ward.sources.values():
        for loc, text in source.strings():
            offset = vntext.first_not_nfc(text)
            if offset is not None:
                yield source.finding(
                    "E400",
                    "văn bản không ở dạng Unicode dựng sẵn (NFC)",
                    loc,
                    offset=offset,
                    hint="chạy 'ctt fmt' để chuyển sang chữ dựng sẵn",
                )
            bad = None if _printable(text) else re.search(_CONTROL, text)
            if bad:
                yield source.finding(
                    "E401", f"ký tự điều khiển U+{ord(bad.group()):04X} không được phép", loc, offset=bad.start()
                )
            mojibake = _MOJIBAKE.search(text) if _MOJIBAKE_SIGNS.search(text) else None
            if mojibake:
                yield source.finding(
                    "W411", f"văn bản có vẻ bị lỗi bảng mã ('{mojibake.group()}')", loc, offset=mojibake.start()
                )


STYLE_WORDS = {"old": "cũ (hòa, thủy, ủy)", "new": "mới (hoà, thuỷ, uỷ)"}


def check_tone_style(ward: Ward) -> Iterator[Finding]:
    preferred = ward.plan.settings.tone_style if ward.plan else "old"
    seen: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for source, loc, text in prose(ward):
        for match in vntext.TONE_CANDIDATE.finditer(text):
            styled = vntext.tone_style(match.group())
            if styled:
                seen[styled[0]][styled[1]].append((source, loc, match))
    for styles in seen.values():
        if len(styles) < 2:
            continue
        other = styles["old"] if preferred == "old" else styles["new"]
        wrong = styles["new"] if preferred == "old" else styles["old"]
        example = next((m.group() for _, _, m in other if not m.group().isupper()), other[0][2].group())
        for source, loc, match in wrong:
            yield source.finding(
                "W401",
                f"'{match.group()}' bỏ dấu kiểu {'mới' if preferred == 'old' else 'cũ'}, nơi khác viết '{example}'",
                loc,
                offset=match.start(),
                hint=f"kế hoạch chọn kiểu bỏ dấu {STYLE_WORDS[preferred]} (settings.tone_style: {preferred})",
            )


def unit_index(units) -> tuple[re.Pattern[str] | None, dict[str, set[str]]]:
    """A regex matching any unit name loosely (case, spaces around '-'), and for each loose key
    the accepted spellings."""
    return _compiled_index(tuple(tuple(u.names()) for u in units))


def canonical_spelling(found: str, accepted: dict[str, set[str]]) -> str:
    """The accepted spelling closest to ``found``."""
    return _closest_name(found, frozenset(accepted.get(vntext.name_key(found), {found})))


@lru_cache(maxsize=4096)
def _closest_name(found: str, names: frozenset[str]) -> str:
    return max(sorted(names), key=lambda n: difflib.SequenceMatcher(None, n, found).ratio())


@lru_cache(maxsize=64)
def _compiled_index(units: tuple[tuple[str, ...], ...]) -> tuple[re.Pattern[str] | None, dict[str, set[str]]]:
    """One regex for every accepted unit name (longest first); wards with the same registry share it."""
    accepted: dict[str, set[str]] = {}
    for unit_names in units:
        for name in unit_names:
            accepted.setdefault(vntext.name_key(name), set()).update(unit_names)
    if not accepted:
        return None, {}
    names = sorted({n for ns in accepted.values() for n in ns}, key=len, reverse=True)
    # a look-ahead on the possible first letters lets the engine skip most positions at once
    firsts = "".join(sorted({c for n in names for c in (n[0].lower(), n[0].upper())}))
    body = "|".join(vntext.name_pattern(n) for n in names)
    pattern = re.compile(f"(?=[{re.escape(firsts)}])(?:{body})", re.IGNORECASE)
    return pattern, accepted


def check_unit_spelling(ward: Ward) -> Iterator[Finding]:
    pattern, accepted = unit_index(ward.units)
    if pattern is None:
        return
    for source, loc, text in prose(ward, PROSE_FILES):
        for match in pattern.finditer(text):
            found = match.group()
            names = accepted.get(vntext.name_key(found), set())
            if found.isupper() and any(found == n.upper() for n in names):
                continue  # a header line in capitals: layout, not a spelling
            if found not in names:
                best = canonical_spelling(found, accepted)
                yield source.finding(
                    "W402", f"tên đơn vị viết '{found}', danh mục ghi '{best}'", loc, offset=match.start()
                )
    yield from _check_unit_mentions(ward)


def mentions(text: str, names: list[str]) -> bool:
    """Whether ``text`` names one of ``names`` (any letter case, any spacing around '-')."""
    # a name written exactly as listed, between non-word characters, is a match of its pattern too:
    # the common case costs no regex compile (each name's pattern is compiled once per run otherwise)
    return any(_literally(text, n) for n in names) or any(
        re.search(vntext.name_pattern(n), text, re.IGNORECASE) for n in names
    )


def _literally(text: str, name: str) -> bool:
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not _word(before) and not _word(after):
            return True
        start = text.find(name, start + 1)
    return False


def _word(char: str) -> bool:
    """Whether the regex class \\w matches ``char`` (letters and digits of any script, and _)."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=4096)
def _closest(text: str, name: str) -> str | None:
    words = text.split()
    width = len(name.split())
    best, best_ratio = None, 0.8
    for i in range(len(words)):
        for w in (width - 1, width, width + 1):
            window = " ".join(words[i : i + w]).strip(",;.:")
            ratio = difflib.SequenceMatcher(None, window.casefold(), name.casefold()).ratio()
            if w > 0 and ratio > best_ratio:
                best, best_ratio = window, ratio
    return best


def _check_unit_mentions(ward: Ward) -> Iterator[Finding]:
    """Text tied to units by reference must name each of them by an accepted name."""
    plan, psource, tsource = ward.plan, ward.source("plan"), ward.source("tasks")
    checks: list[tuple[Source, Loc, str, list[str]]] = []
    if plan and psource:
        checks += [
            (psource, (*loc, "title"), s.title, s.units) for loc, s in iter_sections(plan.body) if s.units and s.title
        ]
        checks += [(psource, ("recipients", i, "text"), r.text, r.units) for i, r in enumerate(plan.recipients)]
    if tsource:
        for i, task in enumerate(ward.tasks):
            if task.lead_text and task.leads:
                checks.append((tsource, ("tasks", i, "lead_text"), task.lead_text, task.leads))
            if task.partners_text:
                checks.append((tsource, ("tasks", i, "partners_text"), task.partners_text, task.partners))
    for source, loc, text, refs in checks:
        for ref in refs:
            unit = ward.unit(ref)
            if unit is None or mentions(text, unit.names()):
                continue
            close = _closest(text, unit.name) or next((c for n in unit.names() if (c := _closest(text, n))), None)
            if close:
                yield source.finding("W402", f"viết '{close}', có phải '{unit.name}'?", loc, offset=text.find(close))
            else:
                yield source.finding("W402", f"văn bản không nhắc tới đơn vị '{unit.name}' ({ref})", loc)


def check_quotes(ward: Ward) -> Iterator[Finding]:
    texts = list(prose(ward, PROSE_FILES))
    if not any("“" in t or "”" in t for _, _, t in texts):
        return
    for source, loc, text in texts:
        if '"' in text:
            yield source.finding(
                "W403", 'dùng nháy thẳng "..." trong khi nơi khác dùng nháy cong “...”', loc, offset=text.index('"')
            )


_ABBREV = re.compile(r"^(P|X|TP|Q|H|TX|TT)\.\s*")


def check_place(ward: Ward) -> Iterator[Finding]:
    plan, source = ward.plan, ward.source("plan")
    if not (plan and source):
        return
    match = _ABBREV.match(plan.document.place)
    if match:
        yield source.finding(
            "W404",
            f"địa danh viết tắt '{match.group().strip()}'",
            ("document", "place"),
            hint=f"ghi đầy đủ tên đơn vị hành chính, ví dụ '{plan.ward}'",
        )
    yield from _check_commune_words(ward)


def _check_commune_words(ward: Ward) -> Iterator[Finding]:
    """W410: the words of another kind of unit ('phường', 'tổ dân phố' in a xã's plan; 'xã', 'thôn' in
    a phường's), outside the city documents' 'xã, phường, đặc khu' and 'cấp xã'."""
    plan = ward.plan
    kind = kind_of_name(plan.ward) if plan else None
    if plan is None or kind is None:
        return
    own = WORDS[kind]
    for src, loc, text in prose(ward, (*PROSE_FILES, "units")):
        for offset, word in foreign_words(text, kind, proper_name(plan.ward)):
            folded = word.casefold()
            instead = own.areas if folded in ("thôn", "tổ dân phố") else own.word
            yield src.finding(
                "W410",
                f"{own.word} không có '{word}'; có phải '{instead}'?",
                loc,
                offset=offset,
                hint=f"kế hoạch của {plan.ward}: dùng từ của {own.word} ({own.word}, {own.areas})",
            )
