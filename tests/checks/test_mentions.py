"""`mentions` answers exactly as the name patterns do, with its no-regex shortcut for names written as
listed (checks/text.py)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ctt_cli.checks.text import mentions
from ctt_cli.vn import text as vntext

NAMES = [
    "Phòng Văn hóa - Xã hội",
    "UBND phường",
    "Công an phường",
    "Trung tâm Phục vụ hành chính công",
    "Đoàn TNCS Hồ Chí Minh",
    "tổ dân phố",
    "VP",
]
PIECES = [*NAMES, " ", "-", " - ", ",", "_", "x", "1", "đ", "Ủy", "phòng văn hóa-xã hội", "PHÒNG", "\u0301", "\n"]


def by_pattern(text: str, names: list[str]) -> bool:
    return any(re.search(vntext.name_pattern(n), text, re.IGNORECASE) for n in names)


@settings(derandomize=True, max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), st.lists(st.sampled_from(NAMES), min_size=1))
@example("Giao Phòng Văn hóa - Xã hội chủ trì", ["Phòng Văn hóa - Xã hội"])
@example("Giao Phòng Văn hóa - Xã hội_ chủ trì", ["Phòng Văn hóa - Xã hội"])  # '_' is a word character
@example("VPĐ", ["VP"])  # a longer word that starts with the name
@example("Công an phường1", ["Công an phường"])
@example("phòng văn hóa-xã hội", ["Phòng Văn hóa - Xã hội"])  # found by the pattern only
def test_mentions_agrees_with_the_name_patterns(text: str, names: list[str]) -> None:
    assert mentions(text, names) == by_pattern(text, names)
