"""Scoring a year against a criteria set and evaluating the level rules. Pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the pydantic classes, for the types (loaded files are light: model/compiled.py)
    from ctt_cli.model.criteria import Condition, CriteriaSet, Criterion, LevelRule
    from ctt_cli.model.scores import Score, ScoresFile


# Named tuples and a plain class, not dataclasses: defining those cost `ctt score` ~2.4 ms on every
# cold start (bench/README.md, "Issue 18: value classes").
class CriterionResult(NamedTuple):
    criterion: Criterion
    score: Score | None
    points: float | None  # None when not scored (or not applicable)
    appraisal: float | None
    manager: float | None = None

    @property
    def deduction(self) -> float:
        if self.score is not None and self.score.not_applicable:
            return 0.0
        return self.criterion.max - (self.points or 0.0)

    def met(self) -> bool:
        """Met for the level rules: passed, or at least the criterion's pass mark (self score)."""
        if self.criterion.scoring.kind == "pass_fail":
            return bool(self.score and self.score.passed)
        return self.points is not None and self.points >= self.criterion.pass_mark


class GroupResult(NamedTuple):
    group: Criterion
    points: float
    appraisal: float | None
    max: float
    manager: float | None = None

    @property
    def share(self) -> float:
        return self.points / self.max if self.max else 1.0


class LevelCheck(NamedTuple):
    rule: LevelRule
    ok: bool
    points_short: float
    groups_short: list[tuple[GroupResult, float]]  # (group, required share)
    not_met: list[CriterionResult]
    above_short: bool = False  # a strict threshold ("trên 90 điểm") not passed
    conditions_failed: Sequence[tuple[Condition, str]] = ()
    over_quota: int | None = None  # the level's cap on units, when this one fell outside it


class ScoreView:
    def __init__(
        self,
        year: int,
        criteria: CriteriaSet,
        scores: ScoresFile,
        results: list[CriterionResult],
        groups: list[GroupResult],
        total: float,
        appraisal_total: float | None,
        checks: list[LevelCheck] | None = None,
        target: int | None = None,
        manager_total: float | None = None,
        bonus: float = 0.0,
        bonus_results: list[CriterionResult] | None = None,
        decisive_total: float | None = None,
    ) -> None:
        self.year = year
        self.criteria = criteria
        self.scores = scores
        self.results = results
        self.groups = groups
        self.total = total
        self.appraisal_total = appraisal_total
        self.checks: list[LevelCheck] = [] if checks is None else checks
        self.target = target
        self.manager_total = manager_total
        self.bonus = bonus
        self.bonus_results: list[CriterionResult] = [] if bonus_results is None else bonus_results
        # the deciding column's total with the bonus: what the levels judge
        self.decisive_total = decisive_total

    @property
    def illustrative(self) -> bool:
        return self.criteria.illustrative or self.scores.status == "illustrative"

    @property
    def level_reached(self) -> int | None:
        ok = [c.rule.level for c in self.checks if c.ok]
        return max(ok) if ok else None

    @property
    def registered(self) -> int | None:
        return self.scores.registered_level

    @property
    def scored(self) -> bool:
        """False for a year with no criterion scored yet ("chưa chấm": not 0 points, not failing)."""
        return any(r.points is not None for r in self.results)

    @property
    def unscored(self) -> list[CriterionResult]:
        return [r for r in self.results if r.points is None and not (r.score and r.score.not_applicable)]

    def check_for(self, level: int | None) -> LevelCheck | None:
        return next((c for c in self.checks if c.rule.level == level), None)

    def deductions(self, n: int = 5) -> list[CriterionResult]:
        lost = [r for r in self.results if r.deduction > 0]
        return sorted(lost, key=lambda r: (-r.deduction, r.criterion.id))[:n]


def _points(criterion: Criterion, score: Score | None, basis: str) -> float | None:
    if score is None or score.not_scored or score.not_applicable:
        return None
    if criterion.scoring.kind == "pass_fail":
        flag = {"self": score.passed, "manager": score.manager_passed, "appraisal": score.appraisal_passed}[basis]
        return None if flag is None else (criterion.max if flag else 0.0)
    return {"self": score.self_score, "manager": score.manager, "appraisal": score.appraisal}[basis]


def _not_applicable(criterion: Criterion, by_id: dict[str, CriterionResult]) -> bool:
    """A leaf the unit marked 'không áp dụng' (and the set allows it), or a parent all of whose leaves are."""
    if criterion.is_leaf:
        r = by_id[criterion.id]
        return bool(criterion.may_not_apply and r.score and r.score.not_applicable)
    return all(_not_applicable(c, by_id) for c in criterion.children)


def _sum(criterion: Criterion, by_id: dict[str, CriterionResult], basis: str) -> float | None:
    """Points of a criterion on one column. The points of children that do not apply go to the others,
    in proportion to their maximum (the criterion keeps its maximum)."""
    if criterion.is_leaf:
        r = by_id[criterion.id]
        return {"self": r.points, "manager": r.manager, "appraisal": r.appraisal}[basis]
    applying = [c for c in criterion.children if not _not_applicable(c, by_id)]
    parts = [_sum(c, by_id, basis) for c in applying]
    if basis != "self" and any(p is None for p in parts):
        return None
    total = sum(p or 0.0 for p in parts)
    kept = sum(c.max for c in applying)
    full = sum(c.max for c in criterion.children)
    if applying and kept < full - 1e-9:
        total *= full / kept
    return min(total, criterion.max) if criterion.cap else total


def _condition_failures(rule: LevelRule, criteria: CriteriaSet, scores: ScoresFile) -> list[tuple[Condition, str]]:
    records = {r.condition: r for r in scores.conditions}
    out = []
    for cond in criteria.conditions:
        if cond.levels and rule.level not in cond.levels:
            continue
        record = records.get(cond.id)
        if cond.kind == "required" and (record is None or not record.holds):
            out.append((cond, "chưa ghi" if record is None else "không đáp ứng"))
        elif cond.kind == "disqualifier" and (record is None or record.holds):
            out.append((cond, "chưa ghi" if record is None else "xảy ra"))
    return out


def evaluate(
    rule: LevelRule,
    groups: list[GroupResult],
    total: float,
    results: dict[str, CriterionResult],
    criteria: CriteriaSet,
    scores: ScoresFile | None = None,
) -> LevelCheck:
    short = max(0.0, rule.min_total - total)
    above_short = rule.total_above is not None and not total > rule.total_above + 1e-9
    groups_short = []
    for g in groups:
        need = rule.group_shares.get(g.group.id, rule.min_group_share)
        if g.share + 1e-9 < need:
            groups_short.append((g, need))
    not_met = []
    for cid in rule.required:
        result = results.get(cid)
        if result is None:
            crit = criteria.find(cid)
            if crit is not None:  # a required group or parent: all its leaves must be met
                not_met += [
                    results[c.id] for c in _leaves(crit) if not results[c.id].met() and not _not_applicable(c, results)
                ]
        elif not result.met() and not _not_applicable(result.criterion, results):
            not_met.append(result)
    failed = _condition_failures(rule, criteria, scores) if scores is not None else []
    ok = short <= 1e-9 and not above_short and not groups_short and not not_met and not failed
    return LevelCheck(rule, ok, short, groups_short, not_met, above_short, failed)


def _leaves(criterion: Criterion) -> list[Criterion]:
    return [criterion] if criterion.is_leaf else [x for c in criterion.children for x in _leaves(c)]


def compute_score(criteria: CriteriaSet, scores: ScoresFile, target: int | None = None) -> ScoreView:
    given = {s.criterion: s for s in scores.scores}
    bonus_ids = criteria.bonus_ids()
    leaves = [c for c in criteria.leaves()]
    all_results = [
        CriterionResult(
            c,
            given.get(c.id),
            _points(c, given.get(c.id), "self"),
            _points(c, given.get(c.id), "appraisal"),
            _points(c, given.get(c.id), "manager"),
        )
        for c in leaves
    ]
    by_id = {r.criterion.id: r for r in all_results}
    results = [r for r in all_results if r.criterion.id not in bonus_ids]
    columns: dict[str, list[GroupResult]] = {}
    for basis in ("self", "manager", "appraisal"):
        columns[basis] = [
            GroupResult(g, _sum(g, by_id, basis) or 0.0, _sum(g, by_id, "appraisal"), g.max, _sum(g, by_id, "manager"))
            if basis == "self"
            else GroupResult(g, _sum(g, by_id, basis) or 0.0, None, g.max)
            for g in criteria.groups
        ]
    groups = columns["self"]
    total = sum(g.points for g in groups)
    appraisal = None if any(g.appraisal is None for g in groups) else sum(g.appraisal or 0 for g in groups)
    manager = None if any(g.manager is None for g in groups) else sum(g.manager or 0 for g in groups)
    bonus = sum((_sum(g, by_id, criteria.decides) or 0.0) for g in criteria.bonus)
    if criteria.max_bonus is not None:
        bonus = min(bonus, criteria.max_bonus)
    view = ScoreView(
        scores.year,
        criteria,
        scores,
        results,
        groups,
        total,
        appraisal,
        target=target,
        manager_total=manager,
        bonus=bonus,
        bonus_results=[r for r in all_results if r.criterion.id in bonus_ids],
    )
    deciding = columns[criteria.decides]
    decisive = sum(g.points for g in deciding) + bonus
    view.decisive_total = decisive
    view.checks = [
        evaluate(rule, deciding, decisive, by_id, criteria, scores)
        for rule in sorted(criteria.levels, key=lambda r: r.level)
    ]
    return view


def apply_quotas(views: list[ScoreView]) -> list[ScoreView]:
    """The caps on how many of the units scored together may reach a level ('không quá 20% được xếp
    loại Hoàn thành xuất sắc'): the best by the deciding total keep it; the others lose that level and
    fall to the next one they reach. Views of different criteria sets are capped separately."""
    by_set: dict[str, list[ScoreView]] = {}
    for view in views:
        by_set.setdefault(view.criteria.id, []).append(view)
    for group in by_set.values():
        criteria = group[0].criteria
        for rule in sorted(criteria.levels, key=lambda r: -r.level):
            limits = [
                n
                for n in (
                    (int(rule.max_share * len(group) + 1e-9) if rule.max_share is not None else None),
                    rule.max_count,
                )
                if n is not None
            ]
            if not limits:
                continue
            reached = [v for v in group if v.level_reached == rule.level]
            reached.sort(key=lambda v: -(v.decisive_total or 0.0))
            for view in reached[min(limits) :]:
                view.checks = [
                    c._replace(ok=False, over_quota=min(limits)) if c.rule.level == rule.level else c
                    for c in view.checks
                ]
    return views
