"""Attack: data that ctt read wrongly without a word: `self: true` scored 1 point, scalar aliases were
accepted, progress/2026.yml silently beat 2026.yaml, W411 missed TCVN3 and VNI mojibake, the "too deep"
check fired on brackets in strings and comments, and a "\\r" escape reached `<w:t>` as a raw line break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import edit


def _out(result) -> str:
    return result.stdout + result.stderr


@pytest.mark.parametrize("value", ["true", "yes", "'8'", "on"])
def test_points_are_numbers_not_bools_or_text(cli, ward_dir: Path, value: str) -> None:
    edit(ward_dir / "scores" / "2026.yaml", "    self: 8\n", f"    self: {value}\n")
    result = cli("validate", str(ward_dir))
    if value in ("yes", "on"):  # YAML 1.2: plain text, refused as text
        assert result.exit_code == 1 and "E200" in _out(result)
        return
    assert result.exit_code == 1, _out(result)
    assert "scores/2026.yaml:11:11: lỗi E200" in _out(result)
    assert cli("score", str(ward_dir), "--year", "2026").exit_code == 1


def test_whole_numbers_still_score(cli, ward_dir: Path) -> None:
    edit(ward_dir / "scores" / "2026.yaml", "    self: 8\n", "    self: 8.0\n")
    assert cli("validate", str(ward_dir)).exit_code == 0


@pytest.mark.parametrize(
    "old, new",
    [
        ("ward: Phường Lê Thanh Nghị", "ward: &ten Phường Lê Thanh Nghị\nshort_name: *ten"),
        ("id: le-thanh-nghi", "id: &ma le-thanh-nghi\nx-copy: [*ma]"),
    ],
)
def test_scalar_aliases_are_refused(cli, ward_dir: Path, old: str, new: str) -> None:
    edit(ward_dir / "plan.yaml", old, new)
    result = cli("validate", str(ward_dir))
    assert result.exit_code == 1 and "E106" in _out(result), _out(result)


def test_yaml_and_yml_of_one_year(cli, ward_dir: Path) -> None:
    progress = ward_dir / "progress"
    shutil.copy(progress / "2026.yaml", progress / "2026.yml")
    result = cli("validate", str(ward_dir))
    assert result.exit_code == 1
    lines = [ln for ln in _out(result).splitlines() if "E109" in ln]
    assert len(lines) == 2 and all("2026.yaml" in ln and "2026.yml'" in ln for ln in lines), lines
    assert cli("status", str(ward_dir), "--year", "2026").exit_code == 1


@pytest.mark.parametrize(
    "garbled",
    [
        # TCVN3 (ABC) bytes shown in a Unicode font, as pasted from an old .doc
        "Tæ chøc héi nghÞ s¬ kÕt c«ng t¸c c¶i c¸ch hµnh chÝnh",
        "Uû ban nh©n d©n ph­êng Lª Thanh NghÞ",
        # VNI-Windows shown in a Unicode font
        "Toå chöùc hoäi nghò sô keát coâng taùc caûi caùch haønh chính",
        "Ñoaøn thanh nieân phöôøng",
    ],
)
def test_mojibake_is_w411(cli, ward_dir: Path, garbled: str) -> None:
    tasks = ward_dir / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    start = text.index("    text: ", text.index("  - id: T01"))
    end = text.index("\n", start)
    tasks.write_text(text[:start] + f"    text: {garbled}" + text[end:], encoding="utf-8")
    result = cli("validate", str(ward_dir))
    assert "W411" in _out(result), _out(result)


@pytest.mark.parametrize(
    "sentence",
    ["Tổ chức hội nghị sơ kết; thuê hội trường, tiên phong, xuân, ủy ban", "Báo cáo Word® của José García, Müller"],
)
def test_real_vietnamese_is_not_mojibake(cli, ward_dir: Path, sentence: str) -> None:
    tasks = ward_dir / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    start = text.index("    text: ", text.index("  - id: T01"))
    end = text.index("\n", start)
    tasks.write_text(text[:start] + f"    text: {sentence}" + text[end:], encoding="utf-8")
    assert "W411" not in _out(cli("validate", str(ward_dir)))


@pytest.mark.parametrize(
    "line",
    [
        'note_x: "' + "[" * 80 + '"',
        "# " + "{[" * 50,
        "note_x: Mục " + "[a" * 80,
        "note_x: 'it''s " + "{" * 80 + "'",
    ],
)
def test_brackets_in_text_are_not_depth(cli, ward_dir: Path, line: str) -> None:
    edit(ward_dir / "plan.yaml", "id: le-thanh-nghi", "id: le-thanh-nghi\n" + line)
    out = _out(cli("validate", str(ward_dir)))
    assert "quá sâu" not in out


def test_real_deep_flow_is_still_refused(cli, ward_dir: Path) -> None:
    edit(ward_dir / "plan.yaml", "id: le-thanh-nghi", "id: le-thanh-nghi\nnote_x: " + "[" * 80 + "]" * 80)
    result = cli("validate", str(ward_dir))
    assert result.exit_code == 1 and "quá sâu" in _out(result)


def test_carriage_return_escape_is_refused(cli, ward_dir: Path, tmp_path: Path) -> None:
    edit(ward_dir / "plan.yaml", "ward: Phường Lê Thanh Nghị", 'ward: "Phường Lê\\rThanh Nghị"')
    result = cli("validate", str(ward_dir))
    assert result.exit_code == 1 and "U+000D" in _out(result)
    out = tmp_path / "kh.docx"
    assert cli("render", "plan", str(ward_dir), "-o", str(out)).exit_code == 1
    assert not out.exists()


@pytest.mark.parametrize("escape", ["\\uFFFF", "\\uFFFE"])
def test_xml_noncharacter_in_task_text_is_reported_not_dropped(cli, ward_dir: Path, escape: str) -> None:
    tasks = ward_dir / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    start = text.index("    text: ", text.index("  - id: T01"))
    end = text.index("\n", start)
    tasks.write_text(text[:start] + f'    text: "Tổ chức{escape} hội nghị"' + text[end:], encoding="utf-8")
    result = cli("validate", str(ward_dir))
    assert result.exit_code == 1 and "E401" in _out(result)
