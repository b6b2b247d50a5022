"""Deadline phrases → rules → occurrences with windows and due dates.

The YAML keeps each task's deadline exactly as the appendix writes it; ``grammar`` parses it into
a Rule (kind dated, continuous or undated), ``occur`` computes the occurrences of a year, and
``workdays`` is the one working-day calendar (public holidays, a plan's extra days off and make-up
working days, the day-off move).
"""

from ctt_cli.schedule.grammar import normalize, parse, years_in
from ctt_cli.schedule.occur import ACCEPTED_FORMS, occurrences, rule_or_none, suggestions, task_occurrences
from ctt_cli.schedule.rules import KINDS, DeadlineError, Item, Mark, Occurrence, Rule
from ctt_cli.schedule.workdays import (
    DAY_OFF_MODES,
    Workdays,
    is_working_day,
    next_working_day,
    plan_workdays,
    previous_working_day,
    public_holidays,
)

__all__ = [
    "ACCEPTED_FORMS",
    "DAY_OFF_MODES",
    "KINDS",
    "DeadlineError",
    "Item",
    "Mark",
    "Occurrence",
    "Rule",
    "Workdays",
    "is_working_day",
    "next_working_day",
    "normalize",
    "occurrences",
    "parse",
    "plan_workdays",
    "previous_working_day",
    "public_holidays",
    "rule_or_none",
    "suggestions",
    "task_occurrences",
    "years_in",
]
