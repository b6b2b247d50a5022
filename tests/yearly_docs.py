"""Every document type for the years 2026-2030, for the shipped ward and for a ward made by
`ctt init`, rendered once per test session (used by test_ooxml.py and test_pages.py).

The wards are copies in a temporary folder with the scores each year's self-assessment
needs: the shipped (illustrative) 2026 scores, carried to each later year. Progress beyond what the
shipped ward records is left out: those tasks show as not done, which is what a real
ward's report says until someone records them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SHIPPED

YEARS = range(2026, 2031)
WARDS = ("le-thanh-nghi", "hoa-binh")


def _scores_for(text: str, year: int, ward: str) -> str:
    text = re.sub(r"(?m)^year: \d{4}$", f"year: {year}", text)
    if ward != SHIPPED.name:  # evidence cited from the shipped ward's own documents
        text = re.sub(r"(?m)^    evidence:\n(      - document: .*\n)+", "", text)
    return text


def requests(ward: str) -> dict[str, list[str]]:
    """File stem -> `ctt render` arguments, for every document of every year."""
    out = {f"{ward}-ke-hoach": ["plan"]}
    for y in YEARS:
        out[f"{ward}-bao-cao-{y}"] = ["report", "-y", str(y), "--as-of", f"{y}-12-15"]
        out[f"{ward}-tu-danh-gia-{y}"] = ["assessment", "-y", str(y)]
        if y > YEARS[0]:  # the 2026 registration and year plan were due before the plan was issued: refused
            out[f"{ward}-dang-ky-{y}"] = ["registration", "-y", str(y)]
            out[f"{ward}-ke-hoach-nam-{y}"] = ["year-plan", "-y", str(y)]
        if y > YEARS[0]:
            out[f"{ward}-so-ket-2026-{y}"] = ["review", "--from", "2026", "--to", str(y), "--as-of", f"{y}-12-20"]
    return out


@pytest.fixture(scope="session")
def yearly_docs(tmp_path_factory) -> dict[str, Path]:
    from typer.testing import CliRunner

    from ctt_cli.app import app

    root = tmp_path_factory.mktemp("yearly")
    plans = root / "plans"
    shutil.copytree(SHIPPED, plans / "le-thanh-nghi")
    shutil.copytree(SHIPPED.parent / "criteria", plans / "criteria")
    runner = CliRunner()
    made = runner.invoke(
        app,
        [
            "init",
            str(plans / "hoa-binh"),
            "--ward",
            "Phường Hòa Bình",
            "--year",
            "2026",
            "--schemas",
            str(root / "schemas"),
            "--root",
            str(root),
        ],
    )
    assert made.exit_code == 0, made.output
    scores = (SHIPPED / "scores" / "2026.yaml").read_text(encoding="utf-8")
    for ward in WARDS:
        folder = plans / ward / "scores"
        folder.mkdir(exist_ok=True)
        for y in YEARS:
            if not (folder / f"{y}.yaml").exists():
                (folder / f"{y}.yaml").write_text(_scores_for(scores, y, ward), encoding="utf-8")
    out = root / "docx"
    out.mkdir()
    docs = {}
    for ward in WARDS:
        for stem, args in requests(ward).items():
            target = out / f"{stem}.docx"
            result = runner.invoke(app, ["render", *args, str(plans / ward), "-o", str(target)])
            assert result.exit_code == 0, (stem, result.output)
            docs[stem] = target
    return docs


def convert(docx: list[Path], out: Path) -> None:
    """One LibreOffice run for all files (much faster than one per file), with its own profile."""
    profile = out / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


def render_docs(docs: dict[str, list[str]], out: Path) -> dict[str, Path]:
    """Each document of ``docs`` (name → ctt arguments) rendered for the shipped ward into ``out``."""
    from typer.testing import CliRunner

    from ctt_cli.app import app

    runner = CliRunner()
    for name, args in docs.items():
        result = runner.invoke(app, [*args, str(SHIPPED), "-o", str(out / f"{name}.docx")])
        assert result.exit_code == 0, result.output
    return {name: out / f"{name}.docx" for name in docs}
