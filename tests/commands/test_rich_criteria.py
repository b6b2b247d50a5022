"""A richer criteria set (tests/data/criteria/xep-loai-minh-hoa.yaml, our own illustrative set) through
`ctt score`: three score columns with the competent authority's deciding, a strict threshold ("trên
90"), a required condition and a disqualifier, an item that may not apply (its points redistributed),
bonus points above the maximum, a cap on how many units reach the top level, labels I./a)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import edit

DATA = Path(__file__).resolve().parents[1] / "data"
LEAVES = ("1.1", "1.2", "1.3", "2.1", "2.2", "3")


def scores_yaml(appraisal: dict[str, float | None], conditions: dict[str, bool], self_bonus: float = 0) -> str:
    lines = [
        "year: 2026",
        "criteria_set: xep-loai-minh-hoa",
        "status: illustrative",
        "notice: ĐIỂM MINH HỌA do ctt tự soạn để thử công cụ.",
        "scores:",
    ]
    for cid in LEAVES:
        value = appraisal.get(cid, 0)
        if value is None:
            lines.append(f"  - criterion: '{cid}'\n    not_applicable: true")
            continue
        own = max(value, self_bonus) if cid == "3" else value
        lines.append(
            f"  - criterion: '{cid}'\n    self: {own}\n    manager: {value}\n    appraisal: {value}"
            "\n    explanation: minh họa"
        )
    if conditions:
        lines.append("conditions:")
        lines += [f"  - condition: {k}\n    holds: {'true' if v else 'false'}" for k, v in conditions.items()]
    return "\n".join(lines) + "\n"


WARDS = {
    # appraisal per leaf (None: not applicable), conditions recorded
    "an": ({"1.1": 30, "1.2": 20, "1.3": 10, "2.1": 24, "2.2": 14, "3": 5}, {"khong-ky-luat": True, "don-thu": False}),
    "binh": (
        {"1.1": 28, "1.2": None, "1.3": 10, "2.1": 24, "2.2": 14, "3": 0},
        {"khong-ky-luat": True, "don-thu": False},
    ),
    "chau": ({"1.1": 27, "1.2": 17, "1.3": 10, "2.1": 23, "2.2": 13, "3": 0}, {"khong-ky-luat": True, "don-thu": True}),
    "dung": ({"1.1": 25, "1.2": 15, "1.3": 10, "2.1": 20, "2.2": 12, "3": 0}, {"don-thu": False}),
}


@pytest.fixture
def city(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    (plans / "criteria").mkdir(parents=True)
    shutil.copy(DATA / "criteria" / "xep-loai-minh-hoa.yaml", plans / "criteria")
    for name, (appraisal, conditions) in WARDS.items():
        ward = plans / name
        shutil.copytree(DATA / "wards" / "minh-tan", ward)
        edit(ward / "plan.yaml", "settings:\n", "criteria_set: ../criteria/xep-loai-minh-hoa.yaml\nsettings:\n")
        edit(ward / "plan.yaml", "id: minh-tan", f"id: {name}")
        edit(ward / "plan.yaml", "ward: Xã Minh Tân", f"ward: Xã Minh Tân {name.title()}")
        (ward / "scores").mkdir()
        (ward / "scores" / "2026.yaml").write_text(scores_yaml(appraisal, conditions, self_bonus=2), encoding="utf-8")
    return plans


def test_the_set_validates_alone(cli) -> None:
    result = cli("validate", str(DATA / "criteria" / "xep-loai-minh-hoa.yaml"), "-f", "json")
    assert result.exit_code == 0 and [f["code"] for f in json.loads(result.stdout)] == ["W701"]


def test_score_evaluates_every_rule(cli, city: Path) -> None:
    found = json.loads(cli("validate", str(city), "-f", "json", "--as-of", "2026-12-01").stdout)
    assert not [f for f in found if f["severity"] == "error"], found
    result = cli("score", *(str(city / n) for n in WARDS), "-y", "2026", "-f", "json")
    assert result.exit_code == 0, result.output
    wards = {w["ward"].rsplit(" ", 1)[-1].lower(): w for w in json.loads(result.stdout)["wards"]}
    an, binh, chau, dung = (wards[n] for n in WARDS)
    # the authority's column decides; the bonus goes above the maximum, capped at max_bonus 4
    assert (an["decides"], an["appraisal_total"], an["bonus"], an["decisive_total"]) == ("appraisal", 98, 4, 102)
    assert an["decisive_total"] > an["max_total"]
    assert (an["level_reached"], an["level_name"]) == (4, "Hoàn thành xuất sắc nhiệm vụ")
    # 1.2 does not apply to binh: group I's 38 of 40 points count as 57 of 60
    assert binh["not_applicable"] == ["1.2"] and binh["groups"][0]["appraisal"] == 57
    assert binh["decisive_total"] == 95 and "1.2" not in binh["unscored"]
    # 95 is above 90, but only one unit may be rated at the top: an (102) keeps it, binh falls to 3
    assert binh["level_reached"] == 3
    assert _reasons(binh, 4) == ["vượt số đơn vị được xếp mức này (tối đa 1)"]
    # exactly 90 is not "trên 90"; a disqualifier that happened bars level 4
    assert chau["decisive_total"] == 90 and chau["level_reached"] == 3
    assert _reasons(chau, 4) == [
        "cần trên 90 điểm, đạt 90",
        "điều kiện loại trừ 2. “(Minh họa) Có đơn thư phản ánh đúng sự thật về thái độ phục vụ”: xảy ra",
    ]
    # a required condition not recorded bars levels 3 and 4
    assert dung["decisive_total"] == 82 and dung["level_reached"] == 2
    assert _reasons(dung, 3) == [
        "điều kiện 1. “(Minh họa) Không có cán bộ, công chức bị xử lý kỷ luật trong năm”: chưa ghi"
    ]
    assert [g["label"] for g in an["groups"]] == ["I.", "II."]


def test_text_output_says_which_column_decides(cli, city: Path) -> None:
    result = cli("score", str(city / "an"), "-y", "2026")
    assert result.exit_code == 0
    assert "Tổng điểm xét mức (điểm thẩm định, kể cả điểm thưởng): 102" in result.stdout
    assert "Mức độ đạt được (theo điểm thẩm định): 4 (Hoàn thành xuất sắc nhiệm vụ)" in result.stdout
    assert "Quản lý chấm" in result.stdout and "MINH HỌA" in result.stdout
    binh = cli("score", str(city / "an"), str(city / "binh"), "-y", "2026").stdout
    assert "Chưa đạt Mức độ 4 (Hoàn thành xuất sắc nhiệm vụ) vì: vượt số đơn vị được xếp mức này (tối đa 1)" in binh


def test_not_applicable_needs_the_set_to_allow_it(cli, city: Path) -> None:
    edit(
        city / "an" / "scores" / "2026.yaml",
        "- criterion: '1.1'\n    self: 30\n    manager: 30\n    appraisal: 30",
        "- criterion: '1.1'\n    not_applicable: true",
    )
    found = json.loads(cli("validate", str(city / "an"), "-f", "json").stdout)
    assert [(f["code"], f["path"]) for f in found if f["code"] == "E703"] == [("E703", "scores[1.1].not_applicable")]


def _reasons(ward: dict, level: int) -> list[str]:
    return next(lv for lv in ward["levels"] if lv["level"] == level)["reasons"]
