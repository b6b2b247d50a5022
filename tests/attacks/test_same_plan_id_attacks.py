"""Attack: two ward folders with the same plan `id` overwrote each other's documents in `build/<id>/`,
their calendar UIDs collided, and validate said nothing. Now both get an E300 naming the other path,
and render/calendar leave both out instead of mixing them."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import edit, line_of


def _twin(ward: Path, name: str, ward_name: str) -> Path:
    twin = ward.parent / name
    shutil.copytree(ward, twin)
    edit(twin / "plan.yaml", "ward: Phường Lê Thanh Nghị", f"ward: {ward_name}")
    return twin


def test_validate_names_both_paths(cli, ward_dir: Path) -> None:
    twin = _twin(ward_dir, "phuong-khac", "Phường Tân Bình")
    result = cli("validate", str(ward_dir.parent))
    assert result.exit_code == 1
    out = result.stdout + result.stderr
    lines = [ln for ln in out.splitlines() if "E300" in ln and "mã kế hoạch" in ln]
    assert len(lines) == 2, out
    line = line_of(ward_dir / "plan.yaml", "id: le-thanh-nghi")
    assert any(
        ln.startswith(f"{twin / 'plan.yaml'}:{line}:5") or f"phuong-khac/plan.yaml:{line}:5" in ln for ln in lines
    )
    assert all("le-thanh-nghi/plan.yaml" in ln and "phuong-khac/plan.yaml" in ln for ln in lines), lines


def test_quoted_id_is_the_same_id(cli, ward_dir: Path) -> None:
    twin = _twin(ward_dir, "phuong-khac", "Phường Tân Bình")
    edit(twin / "plan.yaml", "id: le-thanh-nghi", "id: 'le-thanh-nghi'   # chép từ phường bạn")
    assert "mã kế hoạch 'le-thanh-nghi' trùng" in cli("validate", str(ward_dir.parent)).stdout


def test_render_never_overwrites_one_ward_with_another(cli, ward_dir: Path, tmp_path: Path, monkeypatch) -> None:
    _twin(ward_dir, "phuong-khac", "Phường Tân Bình")
    monkeypatch.chdir(tmp_path)
    result = cli("render", "plan", str(ward_dir.parent))
    assert result.exit_code == 1
    assert not (tmp_path / "build" / "le-thanh-nghi").exists()
    calendar = cli("calendar", str(ward_dir.parent), "--year", "2026", "-o", str(tmp_path / "lich.ics"))
    assert calendar.exit_code == 1 and not (tmp_path / "lich.ics").exists()


def test_different_ids_render_apart(cli, ward_dir: Path, tmp_path: Path, monkeypatch) -> None:
    twin = _twin(ward_dir, "tan-binh", "Phường Tân Bình")
    edit(twin / "plan.yaml", "id: le-thanh-nghi", "id: tan-binh")
    assert "E300" not in cli("validate", str(ward_dir.parent)).stdout
    monkeypatch.chdir(tmp_path)
    assert cli("render", "plan", str(ward_dir.parent)).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == ["le-thanh-nghi", "tan-binh"]
    ics = cli("calendar", str(ward_dir.parent), "--year", "2026", "-o", "-").stdout
    uids = [ln for ln in ics.splitlines() if ln.startswith("UID:")]
    assert uids and len(uids) == len(set(uids))
