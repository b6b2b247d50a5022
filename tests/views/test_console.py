"""Printers: the excerpt and caret, colour only on a terminal and never with NO_COLOR."""

from __future__ import annotations

import io

from ctt_cli.findings import Finding
from ctt_cli.views.console import _excerpt, print_findings

TEXT = "a: 1\ntasks:\n  - lead: khong-co\n"
FINDING = Finding("t.yaml", 3, 11, "E301", "không có đơn vị mã 'khong-co'", "tasks[T01].lead", "có phải 'x'?")


def test_excerpt_caret_under_the_column() -> None:
    line, caret = _excerpt(FINDING, {"t.yaml": TEXT})
    assert line.endswith("  - lead: khong-co")
    assert caret.index("^") == line.index("khong-co")


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_and_excerpt_on_a_terminal(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    out = Tty()
    monkeypatch.setattr("sys.stdout", out)
    print_findings([FINDING], "text", {"t.yaml": TEXT})
    text = out.getvalue()
    assert "\033[" in text and "^" in text and "gợi ý: có phải 'x'?" in text


def test_no_colour_with_no_color_or_a_pipe(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = Tty()
    monkeypatch.setattr("sys.stdout", out)
    print_findings([FINDING], "text", {"t.yaml": TEXT})
    assert "\033[" not in out.getvalue()
    monkeypatch.delenv("NO_COLOR")
    pipe = io.StringIO()
    monkeypatch.setattr("sys.stdout", pipe)
    print_findings([FINDING], "text", {"t.yaml": TEXT})
    assert pipe.getvalue().startswith("t.yaml:3:11: lỗi E301: không có đơn vị mã 'khong-co' [tasks[T01].lead]")
    assert "\033[" not in pipe.getvalue() and "^" not in pipe.getvalue()
