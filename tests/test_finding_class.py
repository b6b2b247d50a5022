"""A Finding is a named tuple that compares, orders and hashes as the frozen dataclass it was: by
file, line, column, code, message and path; never by the hint or the suppression reason; and only
with other findings."""

from __future__ import annotations

import pickle
from unittest import mock

import pytest

from ctt_cli.findings import Finding

A = Finding("plans/w/tasks.yaml", 12, 5, "E301", "đơn vị 'phong-x' không có", "tasks[T08].lead", hint="phong-kt")


def test_the_hint_and_the_reason_do_not_count() -> None:
    same = A._replace(hint="", ignored="đã thống nhất với phòng")
    assert same == A and not (same != A)
    assert hash(same) == hash(A)
    assert len({A, same}) == 1
    assert same.ignored == "đã thống nhất với phòng" and A.ignored == ""


@pytest.mark.parametrize("field", ["file", "line", "column", "code", "message", "path"])
def test_each_other_field_counts(field: str) -> None:
    other = A._replace(**{field: 99 if field in ("line", "column") else getattr(A, field) + "x"})
    assert other != A and not (other == A)


def test_order_is_file_line_column_code_message_path() -> None:
    found = [
        A._replace(line=3, hint="z"),
        A._replace(file="plans/w/plan.yaml", line=40),
        A._replace(line=3, column=1),
        A._replace(line=3, column=1, code="E100"),
        A,
    ]
    assert [(f.file, f.line, f.column, f.code) for f in sorted(found)] == [
        ("plans/w/plan.yaml", 40, 5, "E301"),
        ("plans/w/tasks.yaml", 3, 1, "E100"),
        ("plans/w/tasks.yaml", 3, 1, "E301"),
        ("plans/w/tasks.yaml", 3, 5, "E301"),
        ("plans/w/tasks.yaml", 12, 5, "E301"),
    ]
    assert A._replace(hint="a") <= A._replace(hint="b") and A._replace(hint="b") >= A._replace(hint="a")
    assert not A._replace(hint="a") < A._replace(hint="b")


def test_a_finding_is_never_equal_to_a_plain_tuple() -> None:
    assert A != tuple(A) and tuple(A) != A and A != tuple(A)[:6] and not (tuple(A)[:6] == A)
    assert tuple(A) not in {A} and A not in [tuple(A)]
    for left, right in ((A, tuple(A)), (tuple(A), A)):
        with pytest.raises(TypeError):
            _ = left < right
    assert A != "E301" and A == mock.ANY  # other types still decide for themselves


def test_it_travels_to_worker_processes_whole() -> None:
    back = pickle.loads(pickle.dumps(A._replace(ignored="lý do")))
    assert back == A and back.hint == "phong-kt" and back.ignored == "lý do"
    assert repr(A).startswith("Finding(file='plans/w/tasks.yaml', line=12, column=5, code='E301'")
