"""A finding (error or warning) and the table of stable finding codes.

The code table is the single home of every code: its severity, a short English
name (stable, for tools) and the Vietnamese description shown in the README.
Codes never change meaning between releases; retired codes are not reused.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


E, W = Severity.ERROR, Severity.WARNING

# code: (severity, name, Vietnamese description for the README table)
CODES: dict[str, tuple[Severity, str, str]] = {
    # Reading files
    "E100": (E, "yaml-syntax", "Lỗi cú pháp YAML"),
    "E101": (E, "duplicate-key", "Khóa bị lặp trong cùng một ánh xạ"),
    "E102": (E, "tab-indent", "Dùng ký tự tab để thụt lề"),
    "E103": (E, "not-utf8", "Tệp không phải UTF-8"),
    "E104": (E, "bom", "Tệp bắt đầu bằng BOM"),
    "E105": (E, "empty-file", "Tệp rỗng"),
    "E106": (E, "yaml-alias", "Dùng neo/bí danh YAML (&, *), không được phép"),
    "E107": (E, "file-too-large", "Tệp quá lớn"),
    "E108": (E, "missing-file", "Thiếu tệp bắt buộc hoặc đường dẫn không tồn tại"),
    "E109": (E, "year-file-twice", "Cùng một năm có cả tệp .yaml và .yml"),
    # Schema
    "E200": (E, "bad-value", "Giá trị sai kiểu hoặc sai dạng"),
    "E201": (E, "missing-field", "Thiếu trường bắt buộc"),
    "E202": (E, "unknown-field", "Trường không có trong lược đồ"),
    # References and identity
    "E300": (E, "duplicate-id", "Mã (id) bị trùng"),
    "E301": (E, "unknown-ref", "Tham chiếu tới mã không tồn tại"),
    "E302": (E, "task-appendix", "Kế hoạch có nhiều phụ lục mà nhiệm vụ không ghi thuộc phụ lục nào"),
    # Text
    "E400": (E, "not-nfc", "Văn bản không ở dạng chuẩn Unicode NFC"),
    "E401": (E, "control-char", "Văn bản có ký tự điều khiển"),
    "W401": (W, "tone-style-mixed", "Cùng một từ bỏ dấu theo cả kiểu cũ và kiểu mới (ủy/uỷ)"),
    "W402": (W, "unit-spelling", "Tên đơn vị viết khác tên trong danh mục đơn vị"),
    "W403": (W, "quotes-mixed", 'Trộn dấu nháy thẳng "..." với nháy cong “...”'),
    "W404": (W, "place-abbrev", "Địa danh viết tắt (P., X., TP.) ở dòng địa danh"),
    "W405": (W, "citation-mismatch", "Trích dẫn văn bản khác số, ký hiệu hoặc ngày trong sổ văn bản"),
    "W406": (W, "citation-unknown", "Trích dẫn văn bản không có trong sổ văn bản"),
    "W407": (W, "cited-after-plan", "Văn bản được trích dẫn có ngày sau ngày ban hành kế hoạch"),
    "W408": (W, "objective-text", "Mục tiêu trong lời văn khác dữ liệu mục tiêu"),
    "W409": (W, "draft-field", "Kế hoạch còn là dự thảo: chưa có số, ngày hoặc người ký"),
    "W410": (
        W,
        "ward-term",
        "Từ của loại đơn vị khác: 'thôn', 'xã' trong kế hoạch phường; 'phường', 'tổ dân phố' trong kế hoạch xã",
    ),
    "W411": (W, "mojibake", "Văn bản có vẻ bị lỗi bảng mã (TCVN3/VNI đọc sai)"),
    "W412": (W, "bad-ignore", "Mục bỏ qua (ignore) thiếu lý do, ghi mã không có hoặc mã lỗi"),
    # Deadlines and progress
    "E500": (E, "bad-deadline", "Thời gian thực hiện không phải là một thời hạn (trống) hoặc ghi ngày không có thật"),
    "W500": (W, "implied-yearly", "Hạn không ghi 'hằng năm' nhưng được hiểu là hằng năm"),
    "W501": (W, "undated-deadline", "Thời gian theo sự kiện: ctt không tính được hạn (ghi thêm due nếu có)"),
    "W502": (W, "deadline-outside-period", "Thời gian thực hiện nêu năm ngoài giai đoạn của kế hoạch"),
    "W503": (W, "calendar-day-noop", "Ngày nghỉ thêm hoặc ngày làm bù không làm thay đổi lịch làm việc"),
    "W504": (W, "due-ignored", "Ghi due/until cho nhiệm vụ mà thời gian thực hiện đã tính được hạn"),
    "E600": (E, "progress-unknown-occurrence", "Tiến độ ghi cho nhiệm vụ hoặc kỳ không có trong năm"),
    "E601": (E, "progress-missing-date", "Đã hoàn thành nhưng thiếu ngày hoàn thành"),
    "E602": (E, "progress-bad-date", "Ngày hoàn thành không hợp lệ"),
    "E603": (E, "progress-duplicate", "Một kỳ của nhiệm vụ được ghi hai lần"),
    "W600": (W, "progress-early", "Ngày hoàn thành trước khi kỳ thực hiện bắt đầu"),
    "E604": (E, "bad-citation", "Chứng cứ trông như số hiệu văn bản nhưng không đọc được"),
    # Criteria and scores
    "E700": (E, "criteria-structure", "Bộ tiêu chí sai cấu trúc (mã, tổng điểm)"),
    "E701": (E, "score-unknown-criterion", "Chấm điểm cho tiêu chí không có"),
    "E702": (E, "score-out-of-range", "Điểm ngoài khoảng 0..điểm tối đa"),
    "E703": (E, "score-bad-step", "Điểm không đúng bước chấm"),
    "E704": (E, "score-missing", "Tiêu chí lá chưa được chấm (và không ghi là chưa chấm)"),
    "E705": (E, "score-duplicate", "Một tiêu chí được chấm hai lần"),
    "E706": (E, "level-undefined", "Mục tiêu hoặc mức đăng ký là một mức độ mà bộ tiêu chí không định nghĩa"),
    "W700": (W, "score-no-explanation", "Bị trừ điểm nhưng không có giải trình"),
    "W701": (W, "illustrative-data", "Dữ liệu minh họa, không phải văn bản chính thức"),
    # Documents
    "W800": (W, "narrative-missing", "Báo cáo năm còn thiếu phần tường thuật (ưu điểm, hạn chế, ...)"),
}


class Finding(NamedTuple):
    """One problem, positioned in a file (line and column are 1-based; 0 = unknown).

    A named tuple (a frozen dataclass costs every cold start ~1 ms to define: bench/README.md,
    "Issue 18: value classes") that compares, orders and hashes as the dataclass did: by its first
    six fields, never the hint or the suppression reason, and only with other findings."""

    file: str
    line: int
    column: int
    code: str
    message: str
    path: str = ""
    hint: str = ""  # not compared
    ignored: str = ""  # not compared: the reason, when a suppression covers it

    def _pair(self, other: object, order: bool = False) -> tuple[tuple, tuple] | None:
        """The compared fields of both findings; None when ``other`` is no finding. A plain tuple is
        never equal to a finding, nor ordered with one (tuple's own methods would compare them)."""
        if other.__class__ is self.__class__:
            return self[:6], other[:6]
        if order and isinstance(other, tuple):
            raise TypeError(f"cannot order a Finding and a {type(other).__name__}")
        return None

    def __eq__(self, other: object) -> bool:
        pair = self._pair(other)
        if pair is None:
            return False if isinstance(other, tuple) else NotImplemented
        return pair[0] == pair[1]

    def __ne__(self, other: object) -> bool:
        pair = self._pair(other)
        if pair is None:
            return True if isinstance(other, tuple) else NotImplemented
        return pair[0] != pair[1]

    def __lt__(self, other: object) -> bool:
        pair = self._pair(other, order=True)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._pair(other, order=True)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._pair(other, order=True)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._pair(other, order=True)
        return NotImplemented if pair is None else pair[0] >= pair[1]

    def __hash__(self) -> int:
        return hash(self[:6])

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    @property
    def name(self) -> str:
        return CODES[self.code][1]

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
        }
        if self.ignored:
            out["ignored"] = self.ignored
        return out


def count(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    return errors, len(findings) - errors
