"""Level rules on hand-made criteria sets: exactly on each threshold, just below it, a failed mandatory criterion."""

from __future__ import annotations

import pytest

from ctt_cli.model.criteria import CriteriaSet
from ctt_cli.model.scores import ScoresFile
from ctt_cli.scoring import compute_score

SET = {
    "id": "test-set",
    "status": "illustrative",
    "notice": "test",
    "max_total": 100,
    "source": {"number": "1/QĐ-UBND", "title": "test"},
    "groups": [
        {
            "id": "1",
            "title": "A",
            "max": 60,
            "children": [
                {"id": "1.1", "title": "a1", "max": 40, "scoring": {"kind": "partial", "step": 0.25}},
                {"id": "1.2", "title": "a2", "max": 20, "scoring": {"kind": "partial", "step": 0.5}, "met_at": 15},
            ],
        },
        {
            "id": "2",
            "title": "B",
            "max": 40,
            "children": [
                {"id": "2.1", "title": "b1", "max": 30, "scoring": {"kind": "partial", "step": 1}},
                {"id": "2.2", "title": "b2", "max": 10, "scoring": {"kind": "pass_fail"}},
            ],
        },
    ],
    "levels": [
        {"level": 1, "min_total": 50},
        {"level": 2, "min_total": 80, "min_group_share": 0.5, "required": ["2.2"]},
        {"level": 3, "min_total": 90, "group_shares": {"2": 0.9}, "required": ["1.2"]},
    ],
}


def view(a1: float, a2: float, b1: float, b2: bool, target: int = 3):
    cs = CriteriaSet.model_validate(SET)
    scores = ScoresFile.model_validate(
        {
            "year": 2026,
            "criteria_set": "test-set",
            "status": "illustrative",
            "notice": "t",
            "scores": [
                {"criterion": "1.1", "self": a1},
                {"criterion": "1.2", "self": a2},
                {"criterion": "2.1", "self": b1},
                {"criterion": "2.2", "passed": b2},
            ],
        }
    )
    return compute_score(cs, scores, target)


@pytest.mark.parametrize(
    ("scores", "level"),
    [
        ((20, 10, 20, False), 1),  # 50: exactly level 1; 2.2 failed
        ((19.75, 10, 20, False), None),  # 49.75: just below
        ((40, 10, 20, True), 2),  # 80 with 2.2 passed (10 points): exactly level 2
        ((39.75, 10, 20, True), 1),  # 79.75
        ((40, 20, 20, False), 1),  # 80 but mandatory 2.2 failed
        ((39, 15, 26, True), 3),  # 90 exactly, group 2 = 36/40 = 90% exactly, 1.2 met exactly at 15
        ((38.75, 15, 26, True), 2),  # 89.75
        ((39.5, 14.5, 26, True), 2),  # 90 but 1.2 below its pass mark (15)
        ((40, 20, 25, True), 2),  # 95 but group 2 = 35/40 = 87.5% < 90%
    ],
)
def test_levels(scores, level) -> None:
    assert view(*scores).level_reached == level


def test_why_the_target_is_missed() -> None:
    v = view(39.5, 14.5, 25, True)  # 89 points
    check = v.check_for(3)
    assert not check.ok
    assert check.points_short == pytest.approx(1.0)
    assert [r.criterion.id for r in check.not_met] == ["1.2"]
    assert [(g.group.id, need) for g, need in check.groups_short] == [("2", 0.9)]
    low = view(20, 10, 20, False).check_for(3)
    assert low.points_short == pytest.approx(40)


def test_totals_and_deductions() -> None:
    v = view(30, 15, 20, False)
    assert v.total == 65 and [g.points for g in v.groups] == [45, 20]
    assert [(r.criterion.id, r.deduction) for r in v.deductions(3)] == [("1.1", 10), ("2.1", 10), ("2.2", 10)]
