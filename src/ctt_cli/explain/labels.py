"""Vietnamese labels of the states of a task occurrence."""

from __future__ import annotations

from ctt_cli.status import State

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
