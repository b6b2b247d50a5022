"""Vietnamese labels of the states of a task occurrence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ctt_cli.status import State

if TYPE_CHECKING:
    from ctt_cli.schedule import Occurrence

STATE_LABELS: dict[State, str] = {
    State.OVERDUE: "quá hạn",
    State.DUE_SOON: "sắp đến hạn",
    State.UPCOMING: "chưa đến hạn",
    State.DONE: "hoàn thành",
    State.DONE_LATE: "hoàn thành muộn",
    State.SKIPPED: "không thực hiện",
    State.CONTINUOUS: "thường xuyên",
    State.UNDATED: "theo sự kiện / chưa xác định hạn",
    State.NOT_APPLICABLE: "không áp dụng năm này",
}


def shift_word(occ: Occurrence) -> str:
    """How a due date moved off a day off: 'lùi' (to the working day before) or 'dời' (after)."""
    return "lùi" if occ.due and occ.nominal_due and occ.due < occ.nominal_due else "dời"
