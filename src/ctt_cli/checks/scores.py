"""The criteria set's structure and each year's scores against it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ctt_cli.checks.evidence import check_evidence
from ctt_cli.findings import Finding
from ctt_cli.model.ward import Ward
from ctt_cli.vn.words import vn_number
from ctt_cli.yamlio import Source

if TYPE_CHECKING:  # the pydantic classes, for the types (loaded files are light: model/compiled.py)
    from ctt_cli.model.criteria import Criterion
    from ctt_cli.model.scores import Score


EPS = 1e-9


def check_criteria(ward: Ward) -> Iterator[Finding]:
    cs, source = ward.criteria, ward.source("criteria")
    if not (cs and source):
        return
    if cs.illustrative:
        yield source.finding("W701", f"bộ tiêu chí '{cs.id}' là dữ liệu minh họa: {cs.notice}", ("status",))
    yield from _check_source(ward, source)
    seen: dict[str, bool] = {}
    for loc, c in cs.walk():
        if c.id in seen:
            yield source.finding("E700", f"mã tiêu chí '{c.id}' bị trùng", (*loc, "id"))
        seen[c.id] = True
        for i, child in enumerate(c.children):
            if not child.id.startswith(c.id + ".") or child.id.count(".") != c.id.count(".") + 1:
                yield source.finding(
                    "E700", f"tiêu chí con '{child.id}' không thuộc mã cha '{c.id}'", (*loc, "children", i, "id")
                )
        if c.children:
            total = sum(ch.max for ch in c.children)
            if (total > c.max + EPS and not c.cap) or (total < c.max - EPS):
                yield source.finding(
                    "E700",
                    f"điểm tối đa của '{c.id}' là {vn_number(c.max)} nhưng tổng các tiêu chí con là {vn_number(total)}",
                    (*loc, "max"),
                    hint="sửa điểm, hoặc ghi 'cap: true' nếu điểm tối đa là mức trần",
                )
        if c.met_at is not None and c.met_at > c.max + EPS:
            yield source.finding(
                "E700", f"met_at {vn_number(c.met_at)} lớn hơn điểm tối đa {vn_number(c.max)}", (*loc, "met_at")
            )
        if c.is_leaf and c.scoring.kind == "partial" and not _on_step(c.max, c.scoring.step):
            yield source.finding(
                "E700",
                f"điểm tối đa {vn_number(c.max)} không chia hết cho bước {vn_number(c.scoring.step)}",
                (*loc, "max"),
            )
    top = sum(g.max for g in cs.groups)
    if abs(top - cs.max_total) > EPS:
        yield source.finding(
            "E700", f"tổng điểm các nhóm là {vn_number(top)}, khác max_total {vn_number(cs.max_total)}", ("max_total",)
        )
    levels: dict[int, bool] = {}
    group_ids = {g.id for g in cs.groups}
    for i, rule in enumerate(cs.levels):
        if rule.level in levels:
            yield source.finding("E700", f"mức độ {rule.level} được định nghĩa hai lần", ("levels", i, "level"))
        levels[rule.level] = True
        for j, cid in enumerate(rule.required):
            if cid not in seen:
                yield source.finding(
                    "E301", f"quy tắc mức độ {rule.level} cần tiêu chí '{cid}' không có", ("levels", i, "required", j)
                )
        for gid in rule.group_shares:
            if gid not in group_ids:
                yield source.finding(
                    "E301",
                    f"quy tắc mức độ {rule.level} nhắc nhóm '{gid}' không có",
                    ("levels", i, "group_shares", gid),
                    key=True,
                )
        if rule.min_total > cs.max_total + EPS:
            yield source.finding(
                "E700",
                f"mức độ {rule.level} cần {vn_number(rule.min_total)} điểm, vượt tổng tối đa",
                ("levels", i, "min_total"),
            )
    yield from _check_conditions(cs, source, {r.level for r in cs.levels})


def _check_conditions(cs, source: Source, levels: set[int]) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, cond in enumerate(cs.conditions):
        if cond.id in seen:
            yield source.finding("E700", f"điều kiện '{cond.id}' bị trùng", ("conditions", i, "id"))
        seen.add(cond.id)
        for j, level in enumerate(cond.levels):
            if level not in levels:
                yield source.finding(
                    "E301",
                    f"điều kiện '{cond.id}' nhắc Mức độ {level} mà bộ tiêu chí không có",
                    ("conditions", i, "levels", j),
                )


def _check_source(ward: Ward, source: Source) -> Iterator[Finding]:
    """The decision that issues the set, against the ward's cited-documents registry."""
    cs = ward.criteria
    if cs is None or not ward.loaded("documents"):
        return
    doc = next((d for d in ward.documents if d.number and d.number.casefold() == cs.source.number.casefold()), None)
    if doc is None:
        yield source.finding(
            "W406",
            f"quyết định {cs.source.number} của bộ tiêu chí không có trong sổ văn bản của {ward.name}",
            ("source", "number"),
        )
    elif cs.source.date and doc.date and cs.source.date != doc.date:
        yield source.finding(
            "W405",
            f"quyết định {doc.number}: bộ tiêu chí ghi ngày {cs.source.date:%d/%m/%Y}, "
            f"sổ văn bản ghi {doc.date:%d/%m/%Y}",
            ("source", "date"),
        )


def _on_step(value: float, step: float) -> bool:
    ratio = value / step
    return abs(ratio - round(ratio)) < 1e-6


def check_levels(ward: Ward) -> Iterator[Finding]:
    """E706: every level the plan aims at or a year registers is one the criteria set defines."""
    cs = ward.criteria
    if cs is None:
        return
    defined = sorted(rule.level for rule in cs.levels)
    hint = "bộ tiêu chí định nghĩa: " + ", ".join(f"Mức độ {n}" for n in defined)
    plan, psource = ward.plan, ward.source("plan")
    if plan and psource:
        for i, obj in enumerate(plan.objectives):
            if obj.level is not None and obj.level not in defined:
                yield psource.finding(
                    "E706",
                    f"mục tiêu Mức độ {obj.level} không có trong bộ tiêu chí '{cs.id}'",
                    ("objectives", i, "level"),
                    hint=hint,
                )
    for year, scores, source in ward.yearly_items("scores"):
        if scores.registered_level is not None and scores.registered_level not in defined:
            yield source.finding(
                "E706",
                f"mức đăng ký năm {year} là Mức độ {scores.registered_level}, bộ tiêu chí '{cs.id}' không có mức này",
                ("registered_level",),
                hint=hint,
            )


def check_scores(ward: Ward) -> Iterator[Finding]:
    cs = ward.criteria
    yield from check_levels(ward)
    for year, scores, source in ward.yearly_items("scores"):
        if scores.status == "illustrative":
            yield source.finding("W701", f"điểm năm {year} là dữ liệu minh họa: {scores.notice}", ("status",))
        if cs is None:
            continue
        if scores.criteria_set != cs.id:
            yield source.finding(
                "E301", f"bộ tiêu chí '{scores.criteria_set}' khác bộ của kế hoạch '{cs.id}'", ("criteria_set",)
            )
            continue
        leaves = {c.id: c for c in cs.leaves()}
        first: dict[str, int] = {}
        for i, score in enumerate(scores.scores):
            loc = ("scores", i)
            crit = leaves.get(score.criterion)
            if crit is None:
                parent = cs.find(score.criterion)
                why = "là tiêu chí cha (chỉ chấm tiêu chí lá)" if parent else "không có trong bộ tiêu chí"
                yield source.finding("E701", f"tiêu chí '{score.criterion}' {why}", (*loc, "criterion"))
                continue
            if score.criterion in first:
                line, _ = source.pos(("scores", first[score.criterion]))
                yield source.finding("E705", f"tiêu chí '{score.criterion}' đã chấm ở dòng {line}", (*loc, "criterion"))
                continue
            first[score.criterion] = i
            if score.not_applicable and not crit.may_not_apply:
                yield source.finding(
                    "E703",
                    f"tiêu chí '{crit.id}' không được ghi là không áp dụng (bộ tiêu chí không cho phép: may_not_apply)",
                    (*loc, "not_applicable"),
                )
            if (score.manager is not None or score.manager_passed is not None) and "manager" not in cs.columns:
                yield source.finding(
                    "E703", f"bộ tiêu chí '{cs.id}' không có cột điểm của người quản lý (manager)", (*loc, "manager")
                )
            yield from _check_value(source, loc, crit, score)
            yield from check_evidence(ward, source, (*loc, "evidence"), score.evidence)
        known = {c.id for c in cs.conditions}
        for i, record in enumerate(scores.conditions):
            if record.condition not in known:
                yield source.finding(
                    "E301", f"bộ tiêu chí không có điều kiện '{record.condition}'", ("conditions", i, "condition")
                )
        missing = [cid for cid in leaves if cid not in first]
        if missing:
            yield source.finding(
                "E704",
                f"chưa chấm các tiêu chí: {', '.join(missing)}",
                ("scores",),
                hint="chấm điểm, hoặc ghi 'not_scored: true' cho tiêu chí chưa chấm",
            )


def _check_value(source: Source, loc: tuple, crit: Criterion, score: Score) -> Iterator[Finding]:
    kind = crit.scoring.kind
    for field, value, flag in (
        ("self", score.self_score, score.passed),
        ("manager", score.manager, score.manager_passed),
        ("appraisal", score.appraisal, score.appraisal_passed),
    ):
        if kind == "pass_fail":
            if value is not None:
                yield source.finding(
                    "E703",
                    f"tiêu chí '{crit.id}' chấm đạt/không đạt: ghi "
                    f"{'passed' if field == 'self' else field + '_passed'}: true|false",
                    (*loc, field),
                )
            continue
        if flag is not None:
            yield source.finding(
                "E703",
                f"tiêu chí '{crit.id}' chấm bằng điểm, không phải đạt/không đạt",
                (*loc, "passed" if field == "self" else f"{field}_passed"),
            )
        if value is None:
            continue
        if value > crit.max + EPS:
            yield source.finding(
                "E702", f"{vn_number(value)} điểm vượt điểm tối đa {vn_number(crit.max)} của '{crit.id}'", (*loc, field)
            )
        elif kind == "full" and value not in (0, crit.max):
            yield source.finding(
                "E703", f"tiêu chí '{crit.id}' chỉ chấm 0 hoặc {vn_number(crit.max)} điểm", (*loc, field)
            )
        elif kind == "partial" and not _on_step(value, crit.scoring.step):
            yield source.finding(
                "E703",
                f"{vn_number(value)} không đúng bước chấm {vn_number(crit.scoring.step)} của '{crit.id}'",
                (*loc, field),
            )
    lost = (
        (score.passed is False)
        if kind == "pass_fail"
        else (score.self_score is not None and score.self_score < crit.max - EPS)
    )
    if lost and not score.explanation:
        yield source.finding("W700", f"tiêu chí '{crit.id}' bị trừ điểm nhưng không có giải trình", loc)
