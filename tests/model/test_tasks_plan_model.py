"""What real plans contain: groups with shared cells, co-leads, a position as lead, extra columns,
several appendices, task years and retirement, objectives without a level, numbering styles."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ctt_cli.model.plan import Objective, Settings
from ctt_cli.model.tasks import Task, TasksFile
from ctt_cli.vn import nd30

APPENDIX = {"title": "PHỤ LỤC", "issuer_text": "Ủy ban nhân dân xã"}


def tasks_file(**data) -> TasksFile:
    return TasksFile.model_validate({"appendix": APPENDIX, **data})


def test_group_gives_what_its_tasks_leave_out() -> None:
    tf = tasks_file(
        groups=[
            {
                "id": "tuyen-truyen",
                "title": "I. Nhóm nhiệm vụ về tuyên truyền",
                "deadline": "Hằng năm",
                "lead": ["vh-xh", "tt-vh"],
                "partners": ["mttq"],
            }
        ],
        tasks=[
            {"id": "T01", "group": "tuyen-truyen", "text": "Tuyên truyền trên loa"},
            {
                "id": "T02",
                "group": "tuyen-truyen",
                "text": "Pano",
                "deadline": "Quý I/2027",
                "lead_text": "Đồng chí Phó Chủ tịch UBND xã",
            },
        ],
    )
    t1, t2 = tf.tasks
    assert (t1.deadline, t1.leads, t1.partners) == ("Hằng năm", ["vh-xh", "tt-vh"], ["mttq"])
    assert (t2.deadline, t2.leads, t2.lead_text) == ("Quý I/2027", [], "Đồng chí Phó Chủ tịch UBND xã")


def test_missing_deadline_and_lead_are_missing_fields() -> None:
    with pytest.raises(ValidationError) as exc:
        tasks_file(tasks=[{"id": "T01", "text": "Việc không có hạn", "leed": "x"}])
    found = {(e["type"], e["loc"]) for e in exc.value.errors()}
    assert ("missing", ("tasks", 0, "deadline")) in found and ("missing", ("tasks", 0, "lead")) in found
    assert ("extra_forbidden", ("tasks", 0, "leed")) in found


def test_several_appendices_need_ids_and_not_both_forms() -> None:
    with pytest.raises(ValidationError, match="mỗi phụ lục cần mã"):
        TasksFile.model_validate({"appendices": [APPENDIX, APPENDIX]})
    with pytest.raises(ValidationError, match="không ghi cả hai"):
        TasksFile.model_validate({"appendix": APPENDIX, "appendices": [{**APPENDIX, "id": "pl-1"}]})
    tf = TasksFile.model_validate(
        {
            "appendices": [
                {**APPENDIX, "id": "pl-1"},
                {**APPENDIX, "id": "pl-2", "columns": ["stt", "text", "result", "deadline", "lead", "funding", "note"]},
            ],
            "tasks": [
                {
                    "id": "T01",
                    "text": "a",
                    "deadline": "Năm 2027",
                    "lead": "x",
                    "appendix": "pl-2",
                    "funding": "Ngân sách xã",
                }
            ],
        }
    )
    assert tf.appendix_of(tf.tasks[0]).id == "pl-2" and tf.tasks[0].funding == "Ngân sách xã"
    assert TasksFile.model_validate({"tasks": []}).all_appendices() == []  # tasks in prose only: no appendix


@pytest.mark.parametrize(
    ("years", "applies"),
    [
        ({}, {2026: True, 2030: True}),
        ({"from_year": 2027}, {2026: False, 2027: True}),
        ({"until_year": 2027}, {2027: True, 2028: False}),
        ({"retired": {"year": 2028, "by": "kh-sua-doi"}}, {2027: True, 2028: False, 2029: False}),
    ],
)
def test_task_years(years: dict, applies: dict[int, bool]) -> None:
    task = Task.model_validate({"id": "T01", "text": "a", "deadline": "Hằng năm", "lead": "x", **years})
    assert {y: task.applies(y) for y in applies} == applies


def test_until_before_from_is_refused() -> None:
    with pytest.raises(ValidationError, match="until_year 2026 trước from_year 2027"):
        Task.model_validate(
            {"id": "T01", "text": "a", "deadline": "Hằng năm", "lead": "x", "from_year": 2027, "until_year": 2026}
        )


def test_objective_without_level_and_defaults() -> None:
    obj = Objective.model_validate({"from_year": 2026, "text": "Đạt chuẩn “Chính quyền thân thiện”"})
    assert (obj.level, obj.kind) == (None, "achieve")
    assert Settings().numbering == "roman"


@pytest.mark.parametrize(
    ("style", "labels"),
    [
        ("roman", ["I.", "1.", "a)", "b)", "2.", "II."]),
        ("decimal", ["1.", "1.1.", "1.1.1.", "1.1.2.", "1.2.", "2."]),
        ("roman-decimal", ["I.", "1.", "1.1.", "1.2.", "2.", "II."]),
        ("letters", ["A.", "I.", "1.", "2.", "II.", "B."]),
    ],
)
def test_numbering_styles(style: str, labels: list[str]) -> None:
    class S:
        def __init__(self, *children):
            self.children = list(children)

    tree = [S(S(S(), S()), S()), S()]
    assert [label for _, label, _ in nd30.outline(tree, style=style)] == labels
