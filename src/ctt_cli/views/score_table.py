"""Score view → table / json / csv / md."""

from __future__ import annotations

from typing import Any

from ctt_cli.explain.reasons import level_reasons
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.scoring import ScoreView
from ctt_cli.views.console import note, print_table
from ctt_cli.vn.words import vn_number

num = vn_number


def as_dict(ward: Ward, view: ScoreView, before: ScoreView | None, top: int) -> dict[str, Any]:
    target_check = view.check_for(view.target)
    return {
        "ward": ward.name,
        "path": ward.display,
        "year": view.year,
        "illustrative": view.illustrative,
        "notice": [
            n
            for n in (
                view.criteria.notice if view.criteria.illustrative else None,
                view.scores.notice if view.scores.status == "illustrative" else None,
            )
            if n
        ],
        "criteria_set": view.criteria.id,
        "scored": view.scored,
        "total": view.total if view.scored else None,
        "max_total": view.criteria.max_total,
        "appraisal_total": view.appraisal_total,
        "appraisal_partial": (partial := appraisal_partial(view)) and partial[0][""],
        "appraisal_missing": partial[1] if partial else [],
        "manager_total": view.manager_total,
        "bonus": view.bonus,
        "decides": view.criteria.decides,
        "decisive_total": view.decisive_total,
        "level_reached": view.level_reached,
        "level_name": _level_name(view, view.level_reached),
        "level_registered": view.registered,
        "target": view.target,
        "target_met": None if view.target is None or not view.scored else (view.level_reached or 0) >= view.target,
        "target_reasons": []
        if view.target is None or not view.scored or (target_check is not None and target_check.ok)
        else (level_reasons(target_check, view) or [f"chưa đủ điều kiện của Mức độ {view.target}"]),
        "groups": [
            {
                "id": g.group.id,
                "label": g.group.label,
                "title": g.group.title,
                "max": g.max,
                "self": g.points,
                "manager": g.manager,
                "appraisal": g.appraisal,
                "previous": _prev(before, g.group.id),
            }
            for g in view.groups
        ],
        "levels": [
            {
                "level": c.rule.level,
                "name": c.rule.name,
                "ok": c.ok,
                **({"reasons": level_reasons(c, view)} if not c.ok else {}),
            }
            for c in view.checks
        ],
        "not_applicable": [r.criterion.id for r in view.results if r.score and r.score.not_applicable],
        "unscored": [r.criterion.id for r in view.unscored],
        "deductions": [
            {
                "criterion": r.criterion.id,
                "title": r.criterion.title,
                "max": r.criterion.max,
                "self": r.points,
                "lost": r.deduction,
                "explanation": r.score.explanation if r.score else None,
            }
            for r in view.deductions(top)
        ],
    }


def appraisal_partial(view: ScoreView) -> tuple[dict[str, float], list[str]] | None:
    """When only some criteria have an appraisal score: the appraised points per group (and "" for
    the total), and the criteria still without one. None when there is no appraisal or all of it."""
    done = [r for r in view.results if r.appraisal is not None]
    if not done or view.appraisal_total is not None:
        return None
    sums: dict[str, float] = {
        g.group.id: sum(r.appraisal or 0.0 for r in done if r.criterion.id.startswith(g.group.id + "."))
        for g in view.groups
    }
    sums[""] = sum(sums.values())
    return sums, [r.criterion.id for r in view.results if r.appraisal is None]


def _level_name(view: ScoreView, level: int | None) -> str | None:
    rule = next((r for r in view.criteria.levels if r.level == level), None)
    return rule.name if rule else None


def _prev(before: ScoreView | None, group_id: str) -> float | None:
    if before is None:
        return None
    return next((g.points for g in before.groups if g.group.id == group_id), None)


def print_scores(views: list[tuple[Ward, ScoreView, ScoreView | None]], fmt: str, top: int) -> None:
    if fmt == "json":
        print_table([], [], "json", data={"wards": [as_dict(w, v, b, top) for w, v, b in views]})
        return
    for ward, view, before in views:
        data = as_dict(ward, view, before, top)
        if view.illustrative:
            note("⚠ " + " ".join(data["notice"]))
        columns = ["Nhóm", "Tiêu chí", "Tối đa", "Tự chấm", "Tỷ lệ"]
        partial = appraisal_partial(view)
        if view.manager_total is not None:
            columns.append("Quản lý chấm")
        if view.appraisal_total is not None:
            columns.append("Thẩm định")
        elif partial:
            columns.append("Thẩm định (chưa đủ)")
        if before is not None:
            columns += [f"Năm {before.year}", "Thay đổi"]
        rows = []
        for g in view.groups:
            row = [g.group.label or g.group.id, g.group.title, num(g.max), num(g.points), f"{g.share:.0%}"]
            if view.manager_total is not None:
                row.append(num(g.manager))
            if view.appraisal_total is not None:
                row.append(num(g.appraisal))
            elif partial:
                row.append(num(partial[0][g.group.id]))
            if before is not None:
                prev = _prev(before, g.group.id)
                row += [num(prev), "" if prev is None else vn_number(g.points - prev, sign=True)]
            rows.append(row)
        total = [
            "",
            "TỔNG",
            num(view.criteria.max_total),
            num(view.total) if view.scored else "chưa chấm",
            f"{view.total / view.criteria.max_total:.0%}" if view.criteria.max_total and view.scored else "",
        ]
        if view.manager_total is not None:
            total.append(num(view.manager_total))
        if view.appraisal_total is not None:
            total.append(num(view.appraisal_total))
        elif partial:
            total.append(num(partial[0][""]))
        if before is not None:
            total += [num(before.total), vn_number(view.total - before.total, sign=True)]
        rows.append(total)
        basis = {"self": "điểm tự chấm", "manager": "điểm của người quản lý", "appraisal": "điểm thẩm định"}[
            view.criteria.decides
        ]
        reached = data["level_reached"]
        name = (
            f" ({data['level_name']})"
            if reached and data["level_name"] and data["level_name"] != f"Mức độ {reached}"
            else ""
        )
        lines = []
        if view.manager_total is not None:
            lines.append(f"Tổng điểm của người quản lý: {num(view.manager_total)}")
        if view.criteria.bonus:
            lines.append(f"Điểm thưởng: {num(view.bonus)}")
        if view.criteria.decides != "self" or view.criteria.bonus:
            lines.append(f"Tổng điểm xét mức ({basis}, kể cả điểm thưởng): {num(view.decisive_total)}")
        lines += [
            f"Mức độ đạt được (theo {basis}): {(str(reached) + name) if reached else ('chưa đạt mức nào' if view.scored else 'chưa chấm')}",
            f"Mức độ đã đăng ký: {data['level_registered'] or 'chưa ghi'}",
            f"Mục tiêu của kế hoạch năm {view.year}: {data['target'] or 'không có'}",
        ]
        above = next((lv for lv in data["levels"] if not lv["ok"] and lv["level"] > (reached or 0)), None)
        if above is not None and above["level"] != view.target and above.get("reasons"):
            lines.append(
                f"Chưa đạt Mức độ {above['level']}"
                + (f" ({above['name']})" if above["name"] and above["name"] != f"Mức độ {above['level']}" else "")
                + " vì: "
                + "; ".join(above["reasons"])
            )
        if data["target_met"] is False:
            lines.append("CHƯA ĐẠT MỤC TIÊU vì: " + "; ".join(data["target_reasons"]))
        elif data["target_met"]:
            lines.append("Đạt mục tiêu.")
        if partial:
            lines.append(
                f"Điểm thẩm định mới có {len(view.results) - len(partial[1])}/{len(view.results)} "
                f"tiêu chí; còn thiếu: {', '.join(partial[1])}"
            )
        if data["deductions"]:
            lines.append("Bị trừ điểm nhiều nhất:")
            lines += [
                f"  {d['criterion']} {d['title']}: -{num(d['lost'])}"
                + (" (chưa chấm)" if d["self"] is None else f" ({d['explanation']})" if d["explanation"] else "")
                for d in data["deductions"]
            ]
        if view.illustrative:
            lines.append("⚠ DỮ LIỆU MINH HỌA, không phải kết quả chính thức.")
        title = f"{ward.name}: tự đánh giá, chấm điểm năm {view.year}"
        if view.illustrative:
            title += " (MINH HỌA)"
        print_table(columns, rows, fmt, title=title, caption="\n".join(lines))
