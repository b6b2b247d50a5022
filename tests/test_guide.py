"""docs/huong-dan.md: linked from the README's top; every command and code it names exists."""

from __future__ import annotations

import re

import typer

from conftest import ROOT
from ctt_cli.app import app
from ctt_cli.findings import CODES

GUIDE = ROOT / "docs" / "huong-dan.md"


def test_readme_links_the_guide_near_the_top() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("\n# ", 1)[0]
    assert "(docs/huong-dan.md)" in head


def test_commands_named_in_the_guide_exist() -> None:
    root = typer.main.get_command(app)
    text = GUIDE.read_text(encoding="utf-8")
    named = set(re.findall(r"(?:`|^    )ctt ([a-z][a-z-]+)(?: ([a-z]+))?", text, re.M))
    assert len(named) >= 10
    for command, sub in named:
        assert command in root.commands, command
        group = root.commands[command]
        if sub and hasattr(group, "commands"):
            assert sub in group.commands, f"{command} {sub}"


def test_codes_named_in_the_guide_exist_and_its_anchors_resolve() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    codes = set(re.findall(r"\b([EW]\d{3})\b", text))
    assert codes and codes <= set(CODES)
    headings = {
        re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in re.findall(r"^## (.+)$", text, re.M)
    }
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in headings, anchor


def test_walkthrough_output_is_what_ctt_prints() -> None:
    """Section 8 ("Một năm làm việc") shows the real output of every command, run on a copy of the
    shipped plan: tools/walkthrough.py runs them again and compares."""
    import shutil
    import subprocess
    import sys

    import pytest

    if shutil.which("soffice") is None:  # two steps write PDF
        pytest.skip("LibreOffice (soffice) not installed")
    text = GUIDE.read_text(encoding="utf-8")
    assert "## 8. Một năm làm việc" in text and "$ ctt render city" in text
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "walkthrough.py"), "--check"], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_readme_links_the_walkthrough() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/huong-dan.md#8-một-năm-làm-việc)" in readme
