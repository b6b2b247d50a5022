"""Why a level is not reached, in Vietnamese (the score table and the self-assessment both say it)."""

from __future__ import annotations

from ctt_cli.scoring import LevelCheck, ScoreView
from ctt_cli.vn.words import vn_number as num


def level_reasons(check: LevelCheck | None, view: ScoreView) -> list[str]:
    """Why a level is not reached, in Vietnamese."""
    if check is None:
        return ["bộ tiêu chí không có quy tắc cho mức độ này"]
    out = []
    total = view.decisive_total if view.decisive_total is not None else view.total
    if check.points_short > 0:
        out.append(f"thiếu {num(check.points_short)} điểm (cần {num(check.rule.min_total)}, đạt {num(total)})")
    if check.above_short and check.rule.total_above is not None:
        out.append(f"cần trên {num(check.rule.total_above)} điểm, đạt {num(total)}")
    for g, need in check.groups_short:
        out.append(f"nhóm {g.group.id} đạt {g.share:.0%} điểm tối đa, cần tối thiểu {need:.0%}")
    for r in check.not_met:
        state = "chưa chấm" if r.points is None else "chưa đạt"
        out.append(f"tiêu chí bắt buộc {r.criterion.id} {state}")
    for cond, how in check.conditions_failed:
        label = f"{cond.label} " if cond.label else ""
        what = "điều kiện" if cond.kind == "required" else "điều kiện loại trừ"
        out.append(f"{what} {label}“{cond.text}”: {how}")
    if check.over_quota is not None:
        out.append(f"vượt số đơn vị được xếp mức này (tối đa {check.over_quota})")
    if view.unscored:
        out.append(
            "còn "
            + str(len(view.unscored))
            + " tiêu chí chưa chấm: "
            + ", ".join(r.criterion.id for r in view.unscored)
        )
    return out
