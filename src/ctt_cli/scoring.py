"""Scoring a year against a criteria set and evaluating the level rules. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass, field

from ctt_cli.model.criteria import CriteriaSet, Criterion, LevelRule
from ctt_cli.model.scores import Score, ScoresFile


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    score: Score | None
    points: float | None  # None when not scored
    appraisal: float | None

    @property
    def deduction(self) -> float:
        return self.criterion.max - (self.points or 0.0)

    def met(self) -> bool:
        """Met for the level rules: passed, or at least the criterion's pass mark (self score)."""
        if self.criterion.scoring.kind == "pass_fail":
            return bool(self.score and self.score.passed)
        return self.points is not None and self.points >= self.criterion.pass_mark


@dataclass(frozen=True)
class GroupResult:
    group: Criterion
    points: float
    appraisal: float | None
    max: float

    @property
    def share(self) -> float:
        return self.points / self.max if self.max else 1.0


@dataclass(frozen=True)
class LevelCheck:
    rule: LevelRule
    ok: bool
    points_short: float
    groups_short: list[tuple[GroupResult, float]]  # (group, required share)
    not_met: list[CriterionResult]


@dataclass
class ScoreView:
    year: int
    criteria: CriteriaSet
    scores: ScoresFile
    results: list[CriterionResult]
    groups: list[GroupResult]
    total: float
    appraisal_total: float | None
    checks: list[LevelCheck] = field(default_factory=list)
    target: int | None = None

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
        return [r for r in self.results if r.points is None]

    def check_for(self, level: int | None) -> LevelCheck | None:
        return next((c for c in self.checks if c.rule.level == level), None)

    def deductions(self, n: int = 5) -> list[CriterionResult]:
        lost = [r for r in self.results if r.deduction > 0]
        return sorted(lost, key=lambda r: (-r.deduction, r.criterion.id))[:n]


def _points(criterion: Criterion, score: Score | None, basis: str) -> float | None:
    if score is None or score.not_scored:
        return None
    if criterion.scoring.kind == "pass_fail":
        flag = score.passed if basis == "self" else score.appraisal_passed
        return None if flag is None else (criterion.max if flag else 0.0)
    return score.self_score if basis == "self" else score.appraisal


def _sum(criterion: Criterion, by_id: dict[str, CriterionResult], basis: str) -> float | None:
    if criterion.is_leaf:
        r = by_id[criterion.id]
        return r.points if basis == "self" else r.appraisal
    parts = [_sum(c, by_id, basis) for c in criterion.children]
    if basis == "appraisal" and any(p is None for p in parts):
        return None
    total = sum(p or 0.0 for p in parts)
    return min(total, criterion.max) if criterion.cap else total


def evaluate(rule: LevelRule, groups: list[GroupResult], total: float, results: dict[str, CriterionResult],
             criteria: CriteriaSet) -> LevelCheck:
    short = max(0.0, rule.min_total - total)
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
                not_met += [results[c.id] for c in _leaves(crit) if not results[c.id].met()]
        elif not result.met():
            not_met.append(result)
    return LevelCheck(rule, short <= 1e-9 and not groups_short and not not_met, short, groups_short, not_met)


def _leaves(criterion: Criterion) -> list[Criterion]:
    return [criterion] if criterion.is_leaf else [x for c in criterion.children for x in _leaves(c)]


def compute_score(criteria: CriteriaSet, scores: ScoresFile, target: int | None = None) -> ScoreView:
    given = {s.criterion: s for s in scores.scores}
    results = [CriterionResult(c, given.get(c.id), _points(c, given.get(c.id), "self"),
                               _points(c, given.get(c.id), "appraisal")) for c in criteria.leaves()]
    by_id = {r.criterion.id: r for r in results}
    groups = [GroupResult(g, _sum(g, by_id, "self") or 0.0, _sum(g, by_id, "appraisal"), g.max)
              for g in criteria.groups]
    total = sum(g.points for g in groups)
    appraisal = None if any(g.appraisal is None for g in groups) else sum(g.appraisal or 0 for g in groups)
    view = ScoreView(scores.year, criteria, scores, results, groups, total, appraisal, target=target)
    view.checks = [evaluate(rule, groups, total, by_id, criteria)
                   for rule in sorted(criteria.levels, key=lambda r: r.level)]
    return view
