"""The control-character searches (E401) run only on texts that ``str.isprintable`` refuses once tabs
and line breaks are taken out: sound because every character the patterns name is not printable."""

from __future__ import annotations

import re

import pytest

from ctt_cli.checks import text as checks_text
from ctt_cli.yamlio import reader


@pytest.mark.parametrize("pattern", [checks_text._CONTROL, reader._CONTROL])
def test_every_control_character_is_unprintable(pattern: str) -> None:
    compiled = re.compile(pattern)
    named = [c for c in range(0x110000) if compiled.match(chr(c))]
    assert len(named) > 2000  # the C0/C1 controls and the surrogates at least
    assert not [hex(c) for c in named if chr(c).isprintable()]


def test_tabs_and_line_breaks_alone_do_not_search() -> None:
    assert checks_text._printable("Phường Lê Thanh Nghị\n\tdòng hai")
    assert not checks_text._printable("chữ\u00a0cách")  # a no-break space is not printable: searched
    assert not checks_text._printable("a\x07b")
