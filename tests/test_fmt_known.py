"""`ctt fmt --check` remembers what it found formatted (workspace/formatted.py): an unchanged file is
not parsed again, an edited one is checked in full, and nothing is kept without a data cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from ctt_cli.workspace.formatted import FILE, Formatted
from ctt_cli.yamlio import canonical


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CTT_NO_CACHE", raising=False)
    monkeypatch.setenv("CTT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _count_formatting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = canonical.format_checked

    def counting(text: str, *args, **kwargs):
        seen.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(canonical, "format_checked", counting)
    return seen


def test_an_unchanged_tree_is_not_parsed_again(cli, ward_dir: Path, cached: Path, monkeypatch) -> None:
    seen = _count_formatting(monkeypatch)
    first = cli("fmt", "--check", ward_dir)
    assert first.exit_code == 0 and "Mọi tệp đã đúng định dạng" in first.output
    assert len(seen) == 7 and (cached / FILE).is_file()  # plan, units, documents, tasks, 3 yearly files
    seen.clear()
    again = cli("fmt", "--check", ward_dir)
    assert again.exit_code == 0 and again.output == first.output
    assert seen == []


def test_an_edited_file_is_checked_in_full(cli, ward_dir: Path, cached: Path, monkeypatch) -> None:
    cli("fmt", "--check", ward_dir)
    units = ward_dir / "units.yaml"
    text = units.read_text(encoding="utf-8")
    # the same data with two keys of the first unit swapped: not the canonical order any more
    first_id = text.index("  - id:")
    line_end = text.index("\n", first_id) + 1
    next_end = text.index("\n", line_end) + 1
    swapped = text[:first_id] + "  - " + text[line_end:next_end].strip() + "\n    " + text[first_id + 4 : line_end]
    units.write_text(swapped + text[next_end:], encoding="utf-8")
    seen = _count_formatting(monkeypatch)
    result = cli("fmt", "--check", ward_dir)
    assert result.exit_code == 1 and "cần định dạng lại" in result.output and "units.yaml" in result.output
    assert len(seen) == 1  # only the edited file
    fixed = cli("fmt", ward_dir)
    assert fixed.exit_code == 0 and "đã định dạng" in fixed.output
    seen.clear()
    assert cli("fmt", "--check", ward_dir).exit_code == 0 and seen == []  # fmt's own output is known


def test_no_data_cache_keeps_nothing(cli, ward_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CTT_NO_CACHE", "1")
    monkeypatch.setenv("CTT_CACHE_DIR", str(tmp_path / "cache"))
    seen = _count_formatting(monkeypatch)
    cli("fmt", "--check", ward_dir)
    cli("fmt", "--check", ward_dir)
    assert len(seen) == 14 and not (tmp_path / "cache" / FILE).exists()


def test_the_key_is_the_kind_and_the_bytes(cached: Path) -> None:
    known = Formatted()
    known.add("units", b"units: []\n")
    known.save()
    again = Formatted()
    assert again.known("units", b"units: []\n")
    assert not again.known("documents", b"units: []\n")  # another model: another canonical order
    assert not again.known("units", b"units: [] \n")
    (cached / FILE).write_text("{not json", encoding="utf-8")
    assert not Formatted().known("units", b"units: []\n")  # a corrupt file is a miss, not a failure
