"""The richer models take any YAML-shaped data: a model or a ValidationError, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ctt_cli.model.criteria import CriteriaSet
from ctt_cli.model.plan import Plan
from ctt_cli.model.scores import ScoresFile
from ctt_cli.model.tasks import TasksFile

KEYS = [
    "id",
    "group",
    "groups",
    "tasks",
    "appendix",
    "appendices",
    "deadline",
    "lead",
    "lead_text",
    "partners",
    "text",
    "title",
    "issuer_text",
    "columns",
    "retired",
    "year",
    "by",
    "from_year",
    "until_year",
    "levels",
    "conditions",
    "bonus",
    "not_applicable",
    "manager",
    "decides",
    "objectives",
    "level",
    "numbering",
]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.sampled_from(["T01", "g", "x", "", "Hằng năm"]))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
    max_leaves=12,
)
documents = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)


@pytest.mark.parametrize("model", [TasksFile, CriteriaSet, ScoresFile, Plan])
@settings(derandomize=True, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=documents)
def test_only_validation_errors(model, data) -> None:
    try:
        model.model_validate(data)
    except ValidationError:
        pass
