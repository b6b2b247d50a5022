"""--unit everywhere: one way to find a unit (id, code, names in any case and tone style, without
diacritics, an unambiguous part), a did-you-mean with ids, and several wards where only some have it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SHIPPED, edit
from ctt_cli.model.units import Unit, close_units, match_units, resolve_unit

UNITS = [
    Unit(id="phong-vhxh", name="Phòng Văn hóa - Xã hội", short_name="Phòng VH-XH", kind="phong", code="VHXH"),
    Unit(id="ubnd-xa", name="Ủy ban nhân dân xã Hòa Bình", short_name="UBND xã", kind="chinh-quyen"),
    Unit(id="tt-pvhcc", name="Trung tâm Phục vụ hành chính công xã", kind="trung-tam"),
    Unit(id="tt-dvsnc", name="Trung tâm Dịch vụ sự nghiệp công", kind="trung-tam", aliases=["TT DVSNC"]),
    Unit(id="ct-ubnd", name="Chủ tịch, Phó Chủ tịch UBND xã", kind="lanh-dao"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("phong-vhxh", "phong-vhxh"),
        ("PHONG-VHXH", "phong-vhxh"),
        ("vhxh", "phong-vhxh"),
        ("phòng văn hoá-xã hội", "phong-vhxh"),  # new tone style, no spaces around '-'
        ("Phong Van hoa - Xa hoi", "phong-vhxh"),  # typed without Unikey
        ("phòng vh-xh", "phong-vhxh"),
        ("Uỷ ban nhân dân xã Hoà Bình", "ubnd-xa"),
        ("ubnd xã", "ubnd-xa"),
        ("phục vụ", "tt-pvhcc"),
        ("dich vu su nghiep", "tt-dvsnc"),
        ("tt dvsnc", "tt-dvsnc"),
        ("Chủ tịch, Phó Chủ tịch UBND xã", "ct-ubnd"),
    ],
)
def test_one_unit_found(query: str, expected: str) -> None:
    found = resolve_unit(UNITS, query)
    assert found is not None and found.id == expected


def test_ambiguous_and_missing() -> None:
    assert {u.id for u in match_units(UNITS, "trung tâm")} == {"tt-pvhcc", "tt-dvsnc"}
    assert resolve_unit(UNITS, "trung tâm") is None
    assert resolve_unit(UNITS, "Phòng Tư pháp") is None
    assert resolve_unit(UNITS, "  ") is None
    assert [u.id for u in close_units(UNITS, "phong van hoa")][0] == "phong-vhxh"


def test_status_did_you_mean_shows_ids(cli) -> None:
    result = cli("status", SHIPPED, "--year", "2026", "--unit", "Phòng Văn hóa")
    assert result.exit_code == 0  # an unambiguous part of the name
    result = cli("status", SHIPPED, "--year", "2026", "--unit", "Trung tâm")
    assert result.exit_code == 2
    assert "tt-pvhcc (Trung tâm Phục vụ hành chính công phường)" in result.stderr
    assert "tt-dvsnc (Trung tâm Dịch vụ sự nghiệp công phường)" in result.stderr
    result = cli("status", SHIPPED, "--year", "2026", "--unit", "Phòng Văn hóa Thông tin")
    assert result.exit_code == 2
    assert "Có phải: phong-vhxh (Phòng Văn hóa - Xã hội)" in result.stderr


@pytest.fixture
def two_wards(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED.parent / "criteria", plans / "criteria")
    for ident, name in (("le-thanh-nghi", "Phường Lê Thanh Nghị"), ("an-lao", "Xã An Lão")):
        shutil.copytree(SHIPPED, plans / ident)
        edit(plans / ident / "plan.yaml", "id: le-thanh-nghi", f"id: {ident}")
        edit(plans / ident / "plan.yaml", "ward: Phường Lê Thanh Nghị", f"ward: {name}")
    units, tasks = plans / "an-lao" / "units.yaml", plans / "an-lao" / "tasks.yaml"
    with units.open("a", encoding="utf-8") as fh:
        fh.write("\n  - id: to-cnscd\n    name: Tổ Công nghệ số cộng đồng\n    kind: co-so\n")
    edit(tasks, "    lead: phong-kthtdt\n", "    lead: to-cnscd\n")
    return plans


def test_unit_missing_in_one_ward_does_not_silence_the_other(cli, two_wards: Path) -> None:
    result = cli("status", two_wards, "--year", "2026", "--as-of", "2026-11-25", "--unit", "công nghệ số", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert "Phường Lê Thanh Nghị: không có đơn vị 'công nghệ số'; bỏ qua phường này" in result.stderr
    rows = result.stdout.strip().splitlines()[1:]
    assert rows and all(r.startswith("Xã An Lão,") for r in rows)
    assert [r for r in rows if r.startswith("Xã An Lão,T08,")]
    missing = cli("status", two_wards, "--year", "2026", "--unit", "Tổ công nghệ thông tin")
    assert missing.exit_code == 2 and "to-cnscd (Tổ Công nghệ số cộng đồng)" in missing.stderr


def test_calendar_unit_role_open_only_and_ward_names(cli, two_wards: Path) -> None:
    one = cli("calendar", "--year", "2026", two_wards / "an-lao").stdout
    assert "SUMMARY:[T" in one and "Xã An Lão –" not in one
    both = cli("calendar", "--year", "2026", two_wards).stdout
    assert both.count("BEGIN:VEVENT") == 2 * one.count("BEGIN:VEVENT")
    assert "SUMMARY:Xã An Lão – [T" in both and "SUMMARY:Phường Lê Thanh Nghị – [T" in both
    lead = cli("calendar", "--year", "2026", "--unit", "vhxh", "--role", "chủ-trì", two_wards / "an-lao").stdout
    everyone = cli("calendar", "--year", "2026", "--unit", "vhxh", two_wards / "an-lao").stdout
    assert 0 < lead.count("BEGIN:VEVENT") < everyone.count("BEGIN:VEVENT") < one.count("BEGIN:VEVENT")
    unfolded = lead.replace("\r\n ", "").replace("\n ", "")
    leads = [line for line in unfolded.splitlines() if line.startswith("CATEGORIES:")]
    # led by the unit itself, or by the group "các cơ quan, đơn vị có liên quan" it belongs to
    assert set(leads) == {"CATEGORIES:Phòng Văn hóa - Xã hội", "CATEGORIES:Các cơ quan\\, đơn vị có liên quan"}
    done = cli("calendar", "--year", "2026", "--open-only", "--as-of", "2026-11-25", two_wards / "an-lao").stdout
    status = cli("status", two_wards / "an-lao", "--year", "2026", "--as-of", "2026-11-25", "-f", "csv").stdout
    closed = sum(1 for line in status.splitlines() if ",hoàn thành," in line or "không thực hiện" in line)
    assert closed > 0 and done.count("BEGIN:VEVENT") == one.count("BEGIN:VEVENT") - closed
