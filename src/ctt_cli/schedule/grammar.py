"""Deadline phrases → Rules: a small grammar, not a list of phrases.

normalize() folds the spelling variants offices write (NFC, case, hàng/hằng, quí/quý, spaces
around / and -, trailing punctuation); _canon() rewrites the remaining synonyms to one form
(Roman quarter numbers, "năm" before a year, "ngày 5 tháng 12 năm 2025", hours). parse() then
composes the families: period ends, cut-offs, lists ("và", ",", ";"), ranges ("Từ … đến …",
"A - B"), year spans, open-ended recurrence ("và các năm tiếp theo"), a planned date with a hard
limit, continuous work with a reporting rhythm, and event-bound phrases (kind "undated").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from ctt_cli.schedule.rules import DeadlineError, Item, Mark, Rule, check_date, start_of

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def _sub(needed: str, pattern: str, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
    """``re.sub(pattern, repl, text)`` for a pattern that can only match where ``needed`` is in the text:
    a phrase without it is returned as it is, and the pattern is compiled only when some phrase has it
    (each costs ~0.1 ms to compile, and a run meets a few of the ~25)."""
    return re.sub(pattern, repl, text) if needed in text else text


def normalize(phrase: str) -> str:
    text = unicodedata.normalize("NFC", phrase).casefold()
    if any(dash in text for dash in "–—−‐"):
        text = re.sub(r"[–—−‐]", "-", text)
    text = _sub("hàng", r"\bhàng\b", "hằng", text)
    text = _sub("quí", r"\bquí\b", "quý", text)
    text = _sub("/", r"\s*/\s*", "/", text)
    text = _sub("-", r"\s*-\s*", "-", text)
    if any(mark in text for mark in ",;:"):
        text = re.sub(r"\s*([,;:])\s*", r"\1 ", text)
    text = _sub("(", r"\(\s*", "(", _sub(")", r"\s*\)", ")", text))
    return re.sub(r"\s+", " ", text).strip(" .;,:!…")


def _canon(text: str) -> str:
    text = _sub("mỗi ", r"\bmỗi (năm|quý|tháng)\b", r"hằng \1", text)
    text = _sub("định kỳ", r"\bđịnh kỳ,? ", "", text)
    text = _sub(" tháng", r"\b(?:sáu|06) tháng\b", "6 tháng", text)
    text = _sub("nửa ", r"\bnửa (đầu|cuối) năm\b", r"6 tháng \1 năm", text)
    text = _sub("lần", r"\b(?:hằng |mỗi )?6 tháng(?:/| một )lần\b", "hằng 6 tháng", text)
    text = re.sub(r"\b(\d{1,2}) ?(?:giờ|h) ?(?:\d{1,2} ?(?:phút|p)?)?(?: ngày)?,? ?(?=(?:ngày )?\d)", "", text)
    text = _sub(
        " tháng ",
        r"\bngày (\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?",
        lambda m: f"ngày {m[1]}/{m[2]}" + (f"/{m[3]}" if m[3] else ""),
        text,
    )
    if "." in text or "-" in text:
        text = re.sub(r"\b(\d{1,2})[.-](\d{1,2})[.-](\d{4})\b", r"\1/\2/\3", text)
    text = _sub("quý i", r"\bquý (iv|iii|ii|i)\b", lambda m: "quý " + _ROMAN[m[1]], text)
    text = re.sub(r"\b(quý|tháng) (\d{1,2})(?:/| năm |-|, năm | )(\d{4})\b", r"\1 \2/\3", text)
    text = _sub("trước hoặc ", r"\btrước hoặc (?:trong|vào) ngày\b", "đến hết ngày", text)
    text = _sub("năm ", r"(?<!đầu )(?<!cuối )\bnăm (\d{4})\b", r"\1", text)
    return text


_NOISE = re.compile(
    r"^(?:hoàn thành|thực hiện|triển khai|tổ chức|thời gian|thời hạn|trong khoảng thời gian|"
    r"trong thời gian|trong|vào|giai đoạn|hạn(?! chót)|xong)\b[:,]? ?"
)
_INCL = r"(?:chậm nhất|muộn nhất|không quá|không muộn hơn|hạn chót|đến hết|đến|hết|trước hoặc trong)"
_DAY = re.compile(
    rf"(?P<w>trước|{_INCL}(?: là)?(?: vào)?(?: trước)?)?:? ?(?:ngày )?"
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?"
)
_MONTHLY = re.compile(rf"(?P<w>trước|{_INCL}(?: là)?)? ?ngày (?P<d>\d{{1,2}}) hằng tháng")
_PERIOD_LEAD = re.compile(rf"^(?:{_INCL}(?: là)?(?: trong| hết)?|cuối|hết) ")
_TEMPORAL = re.compile(r"\d|\bnăm\b|\bquý\b|\btháng\b|\bngày\b|\bhằng\b|\bgiai đoạn\b")


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    if not 1900 <= year <= 2199:
        raise DeadlineError(f"năm {year} không hợp lý")
    return year


def _mark(text: str) -> Mark | None:
    """One point or period ("quý 4/2025", "trước ngày 15/11", "2026", "hằng quý"); None if not one."""
    text = _NOISE.sub("", text).strip()
    if m := _DAY.fullmatch(text):
        if not (m["w"] or m["y"] or text.startswith("ngày")):
            return None if text.count("/") != 1 else _day(m)
        return _day(m)
    if m := _MONTHLY.fullmatch(text):
        day = int(m["d"])
        if not 1 <= day <= 28:
            raise DeadlineError(f"ngày {day} hằng tháng không có ở mọi tháng (chọn 1..28)")
        return Mark("day", None, day, None, "before" if m["w"] == "trước" else "end")
    text = _PERIOD_LEAD.sub("", text)
    if m := re.fullmatch(r"(\d{4})", text):
        return Mark("year", year=_year(m[1]))
    if text in ("hằng năm", "năm", "cả năm", "cuối năm", "trong năm", "hằng năm một lần"):
        return Mark("year")
    if text in ("hằng 6 tháng", "6 tháng"):
        return Mark("half")
    if text in ("hằng quý", "quý"):
        return Mark("quarter")
    if text in ("hằng tháng", "tháng"):
        return Mark("month")
    if m := re.fullmatch(r"(?:cuối |hết )?(?:năm )?(\d{4})", text):
        return Mark("year", year=_year(m[1]))
    if m := re.fullmatch(r"tháng (\d{1,2})(?:/(\d{4}))?", text):
        if not 1 <= int(m[1]) <= 12:
            raise DeadlineError(f"tháng {m[1]} không có thật")
        return Mark("month", int(m[1]), year=_year(m[2]))
    if m := re.fullmatch(r"quý ([ivx]+|\d+)(?:/(\d{4}))?", text):
        if not m[1].isdigit() or not 1 <= int(m[1]) <= 4:
            raise DeadlineError(f"quý {m[1].upper()} không có thật (chỉ có quý I..IV)")
        return Mark("quarter", int(m[1]), year=_year(m[2]))
    if m := re.fullmatch(r"6 tháng (đầu|cuối)(?: năm)?(?:/| )?(\d{4})?", text):
        return Mark("half", 1 if m[1] == "đầu" else 2, year=_year(m[2]))
    return None


def _day(m: re.Match[str]) -> Mark:
    day, month, year = int(m["d"]), int(m["m"]), _year(m["y"])
    if not 1 <= month <= 12:
        raise DeadlineError(f"tháng {month} không có thật")
    check_date(day, month, year)
    before = bool(m["w"]) and (m["w"] == "trước" or m["w"].endswith(" trước"))
    return Mark("day", month, day, year, "before" if before else "end")


def _item(part: str) -> Item | tuple[int, int] | None:
    """A list part: a Mark, a range, or a year span (first, last)."""
    part = _NOISE.sub("", part).strip()
    if m := re.fullmatch(r"(?:từ )?(\d{4})-(\d{4})", part):
        first, last = _year(m[1]), _year(m[2])
        if last < first:  # type: ignore[operator]
            raise DeadlineError(f"giai đoạn {first}-{last} kết thúc trước khi bắt đầu")
        return (first, last)  # type: ignore[return-value]
    single = _mark(part[3:] if part.startswith("từ ") else part)
    if single is not None:
        return Item(single)
    m = re.fullmatch(r"(?:từ )?(.+?) (?:đến|tới|cho đến)(?: hết)? (.+)", part) or re.fullmatch(
        r"(?:từ )?(.+?)-(.+)", part
    )
    if not m:
        return None
    start, end = _mark(m[1]), _mark(_inherit(m[1], m[2]))
    if start is None or end is None:
        return None
    if start.unit == end.unit == "year" and start.year and end.year:
        if end.year < start.year:
            raise DeadlineError(f"giai đoạn {start.year}-{end.year} kết thúc trước khi bắt đầu")
        return (start.year, end.year)
    if start.year is None and end.year is not None:
        start = start.with_year(end.year if start.position <= end.position else end.year - 1)
    elif end.year is None and start.year is not None:
        end = end.with_year(start.year if start.position <= end.position else start.year + 1)
    if start.year is not None and end.year is not None and (start.year, start.position) > (end.year, end.position):
        raise DeadlineError("khoảng thời gian kết thúc trước khi bắt đầu")
    return Item(end, start=start)


def _dated(text: str, phrase: str) -> Rule | None:
    """The phrase as dated items, or None when some part with a date in it cannot be read."""
    open_ended = False
    if m := re.search(r",? ?(?:và )?(?:các|những) năm tiếp theo$|,? ?(?:trở đi|trở về sau)$", text):
        open_ended, text = True, text[: m.start()].strip(" ,;")
    every_year = False
    if text != "hằng năm" and (m := re.search(r"(?:,| và)? hằng năm$", text)):
        every_year, text = True, text[: m.start()].strip(" ,;")
    parts = [p for p in re.split(r"\s*(?:;|,| và | hoặc | cùng )\s*", text) if p]
    items: list[Item] = []
    first = last = None
    previous = ""
    for part in parts:
        part = previous = _inherit(previous, part)
        got = _item(part)
        if got is None:
            if _TEMPORAL.search(part):
                return None
            continue  # a clause with no date at all ("gửi Văn phòng") beside a dated one
        if isinstance(got, Item):  # first: an Item is a (named) tuple too
            items.append(got)
        else:
            first = got[0] if first is None else min(first, got[0])
            last = got[1] if last is None else max(last, got[1])
            items.append(Item(Mark("year")))
    if len(items) > 1 and Item(Mark("year")) in items and first is None:  # "Hằng năm, trước ngày 15/11"
        items = [i for i in items if i != Item(Mark("year"))]
        every_year = True
    if not items:
        return None
    if not every_year:  # "Quý III và quý IV/2026": the year written last applies to the ones before
        for i in range(len(items) - 2, -1, -1):
            if (
                items[i].end.year is None
                and items[i].start is None
                and items[i + 1].end.year is not None
                and items[i].end.unit != "year"
                and first is None
            ):
                items[i] = Item(items[i].end.with_year(items[i + 1].end.year))
    if open_ended or every_year:
        fixed = [i.end.year for i in items if i.end.year is not None]  # the first year with a due date
        if fixed and first is None:
            first = min(fixed)
        if fixed:  # "Quý IV năm 2025 và các năm tiếp theo": quarter IV of every year from 2025
            items = [
                Item(i.end.with_year(None), i.start.with_year(None) if i.start else None, i.planned) for i in items
            ]
        if open_ended:
            last = None
    implied = not (every_year or open_ended or first is not None) and any(
        i.end.year is None and i.end.unit in ("day", "month", "quarter") and i.end.index is not None for i in items
    )
    return Rule(phrase, "dated", tuple(items), first, last, open_ended, implied)


def _inherit(previous: str, part: str) -> str:
    """A bare number after a month or quarter is one too: "Tháng 3, 6, 9", "Tháng 10-11/2026"."""
    if re.fullmatch(r"(?:\d{1,2}|iv|iii|ii|i)(?:/\d{4})?", part):
        unit = re.match(r"(?:từ |trong )?(tháng|quý) ", _NOISE.sub("", previous))
        if unit:
            return f"{unit[1]} {_ROMAN.get(part.split('/')[0], part.split('/')[0])}" + (
                f"/{part.split('/')[1]}" if "/" in part else ""
            )
    return part


def _refine(rule: Rule, parens: list[str], phrase: str) -> Rule:
    """A cut-off in parentheses narrows a period: "Hằng năm (trước ngày 15/12)" is due 14/12."""
    for inner in parens:
        try:
            cut = _dated(inner, phrase)
        except DeadlineError:
            continue
        if cut is None or not all(i.end.unit == "day" and i.start is None for i in cut.items):
            continue
        years = {i.end.year for i in rule.items}
        if len(years) == 1 and None not in years:
            year = years.pop()
            items = tuple(i if i.end.year else Item(i.end.with_year(year)) for i in cut.items)
        else:
            items = cut.items
        return Rule(
            phrase,
            "dated",
            items,
            rule.first_year,
            rule.last_year,
            rule.open_ended,
            rule.implied_yearly and cut.implied_yearly,
        )
    return rule


def _hard_limit(parens: list[str]) -> Mark | None:
    for inner in parens:
        for segment in [inner, *re.split(r"-|,|;", inner)]:
            got = _mark(segment.strip())
            if got is not None and got.unit == "day" and got.year is not None:
                return got
    return None


def _continuous(text: str, phrase: str) -> Rule:
    """Continuous work; a reporting rhythm beside it ("định kỳ hằng quý báo cáo ...") gives dated
    reporting occurrences."""
    reporting: tuple[Item, ...] = ()
    for segment in re.split(r"[,;]", text):
        if "báo cáo" not in segment:
            continue
        rest = re.sub(r"\b(?:thường xuyên|liên tục|thực hiện)\b", "", segment)
        rest = re.sub(r" ?\bbáo cáo\b", "", rest)
        rest = re.sub(r" (?:về|cho|lên|gửi|tới)\b.*$", "", rest).strip()
        rule = _dated(rest, phrase) if rest else None
        if rule is not None:
            reporting = rule.items
            break
    return Rule(phrase, "continuous", reporting=reporting)


def years_in(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", text) if 1900 <= int(y) <= 2199}))


@lru_cache(maxsize=4096)
def parse(phrase: str) -> Rule:
    """Parse a deadline phrase into a Rule (dated, continuous or undated). Raise DeadlineError only
    for text that is not a deadline at all (empty, no words or numbers) or an impossible date."""
    text = normalize(phrase)
    if not re.search(r"\w", text):
        raise DeadlineError(
            "thời gian thực hiện để trống" if not text else f"'{phrase}' không phải thời gian thực hiện"
        )
    text = _canon(text)
    named = years_in(text)
    if re.search(r"\b(?:thường xuyên|liên tục)\b", text):
        return Rule(phrase, "continuous", reporting=_continuous(text, phrase).reporting, years_named=named)
    parens = re.findall(r"\(([^)]*)\)?", text)
    main = re.sub(r"\([^)]*\)?", " ", text).strip(" ,;:")
    main = re.sub(r"\s+", " ", main)
    if m := re.match(r"dự kiến (?:là |vào )?(.+)", main):
        planned = _mark(m[1])
        limit = _hard_limit(parens)
        if planned is not None:
            return Rule(phrase, "dated", (Item(limit or planned, planned=planned),), years_named=named)
    rule: Rule | None = _dated(main, phrase) if main else None
    if rule is not None and parens:
        rule = _refine(rule, parens, phrase)
    if rule is None and not main and parens:
        rule = _dated(parens[0], phrase)
    if rule is not None:
        return Rule(
            rule.phrase,
            rule.kind,
            rule.items,
            rule.first_year,
            rule.last_year,
            rule.open_ended,
            rule.implied_yearly,
            years_named=named,
        )
    if not re.search(r"[^\W\d_]", text):
        raise DeadlineError(f"'{phrase}' không phải thời gian thực hiện")
    start = None
    if m := re.match(r"(?:từ )?(?:ngày )?(\d{1,2}/\d{1,2}/\d{4}) (?:đến|tới)\b", _NOISE.sub("", main)):
        mark = _mark(m[1])
        if mark is not None and mark.year:
            start = start_of(mark, mark.year)
    return Rule(phrase, "undated", start=start, years_named=named)
