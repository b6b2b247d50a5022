"""Properties of the deadline grammar (deterministic hypothesis runs)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ctt_cli.schedule import DeadlineError, is_working_day, normalize, occurrences, parse

ROMAN = ["I", "II", "III", "IV"]


@st.composite
def mark(draw) -> str:
    """One point or period, written as offices write it."""
    year = draw(st.sampled_from(["", "/2025", "/2026", " năm 2027", "/2028", " hằng năm"]))
    kind = draw(st.sampled_from(["month", "quarter", "before", "by", "year", "half"]))
    if kind == "month":
        return f"Tháng {draw(st.integers(1, 12))}{year}"
    if kind == "quarter":
        return f"Quý {ROMAN[draw(st.integers(0, 3))]}{year}"
    if kind == "year":
        return draw(st.sampled_from(["Hằng năm", "Năm 2026", "2027", "Năm 2028"]))
    if kind == "half":
        return draw(st.sampled_from(["6 tháng đầu năm", "6 tháng cuối năm"]))
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    word = "Trước ngày" if kind == "before" else draw(st.sampled_from(["Chậm nhất ngày", "Không quá ngày", "Hạn chót"]))
    return f"{word} {day:02d}/{month:02d}{year}"


@st.composite
def phrase(draw) -> str:
    shape = draw(st.sampled_from(["one", "list", "range", "open"]))
    first = draw(mark())
    if shape == "list":
        return f"{first} và {draw(mark())}"
    if shape == "range":
        return f"Từ {draw(st.sampled_from(['tháng 1', 'tháng 3', 'quý I', 'ngày 05/01']))} đến {first}"
    if shape == "open":
        return f"{first} và các năm tiếp theo"
    return first


def _occurrences(text: str, year: int, **kw):
    try:
        rule = parse(text)
    except DeadlineError:
        return None
    return [(o.key, o.start, o.nominal_due, o.due, o.kind) for o in occurrences(rule, "T", year, **kw)]


@settings(derandomize=True, max_examples=300, deadline=None)
@given(text=phrase(), year=st.integers(2025, 2032))
def test_due_never_after_nominal_by_default(text: str, year: int) -> None:
    try:
        rule = parse(text)
    except DeadlineError:
        return  # e.g. a range written backwards
    for occ in occurrences(rule, "T", year):
        if occ.nominal_due is None:
            continue
        assert occ.due <= occ.nominal_due
        assert is_working_day(occ.due)
        assert (occ.nominal_due - occ.due).days <= 12  # the longest run of days off (Tết and a weekend)
        later = occ.calendar.shift(occ.nominal_due, "later")
        assert later >= occ.nominal_due and occ.legal_due == later


@settings(derandomize=True, max_examples=400, deadline=None)
@given(
    text=st.text(max_size=60)
    | st.from_regex(r"[Tt]rước ngày \d{1,3}/\d{1,3}(/\d{1,5})?( hằng năm)?", fullmatch=True)
    | st.from_regex(r"(Quý|Tháng|Từ|Năm) [\dIVX]{1,4}[-/ ]?\d{0,4}( đến | và |-)?[\w /-]{0,20}", fullmatch=True)
)
def test_parse_never_raises_anything_else(text: str) -> None:
    try:
        rule = parse(text)
    except DeadlineError as exc:
        assert str(exc)  # a Vietnamese message for validate and `ctt deadline`
        return
    assert rule.kind in ("dated", "continuous", "undated") and rule.phrase == text
    for year in (2026, 2028):
        occurrences(rule, "T", year)


def _variant(text: str, data) -> str:
    """The same phrase as another office might type it."""
    if data.draw(st.booleans()):
        text = text.replace("hằng", "hàng").replace("Hằng", "Hàng")
    if data.draw(st.booleans()):
        text = text.replace("Quý", "Quí").replace("quý", "quí")
    case = data.draw(st.sampled_from(["same", "upper", "lower"]))
    text = text.upper() if case == "upper" else text.lower() if case == "lower" else text
    if data.draw(st.booleans()):
        text = text.replace("/", " / ")
    if data.draw(st.booleans()):
        text = text.replace("-", " - ")
    if data.draw(st.booleans()):
        for roman, arabic in (("IV", "4"), ("III", "3"), ("II", "2"), ("I", "1")):
            text = text.replace(f"Quý {roman}/", f"Quý {arabic}/").replace(f"Quý {roman} ", f"Quý {arabic} ")
    if data.draw(st.booleans()):
        text = "  " + text.replace(" ", "  ") + data.draw(st.sampled_from([".", ";", ",", " .", ":"]))
    return text


@settings(derandomize=True, max_examples=300, deadline=None)
@given(text=phrase(), data=st.data(), year=st.integers(2025, 2029))
def test_spelling_variants_keep_the_meaning(text: str, data, year: int) -> None:
    variant = _variant(text, data)
    assert _occurrences(variant, year) == _occurrences(text, year), variant
    assert _occurrences(variant, year, inclusive=True, day_off="later") == _occurrences(
        text, year, inclusive=True, day_off="later"
    )


def test_nfd_input_reads_like_nfc() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Trước ngày 15/11 hằng năm")
    assert normalize(nfd) == "trước ngày 15/11 hằng năm"
    assert _occurrences(nfd, 2026) == _occurrences("Trước ngày 15/11 hằng năm", 2026)
    assert _occurrences(nfd, 2026)[0][3] == dt.date(2026, 11, 13)
