"""What both YAML backends share: the date type, the problem type and its Vietnamese wording."""

from __future__ import annotations


class DateText(str):
    """An unquoted YAML date (2026-01-30), kept as text: the models parse it, so an
    impossible date (2026-02-30) is a positioned error rather than a crash in the parser."""


class SingleQuoted(str):
    """A scalar written in single quotes (positions inside it shift by the quote and doubled quotes)."""

    style = "'"  # as ruamel's SingleQuotedScalarString


class DoubleQuoted(str):
    """A scalar written in double quotes."""

    style = '"'


class YamlProblem(Exception):
    """A positioned problem found while parsing (1-based line and column; 0 = unknown)."""

    def __init__(self, code: str, message: str, line: int = 0, column: int = 0, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column, self.hint = code, message, line, column, hint


_PROBLEMS = {  # prefix of the parser's problem text (ruamel or libyaml): (Vietnamese message, hint)
    "mapping values are not allowed": (
        "có dấu ':' ở chỗ không được phép",
        "nếu văn bản có dấu ': ', hãy đặt cả giá trị trong nháy đơn '...'",
    ),
    "could not find expected ':'": ("thiếu dấu ':' sau khóa", ""),
    "found unexpected end of stream": ("tệp kết thúc giữa chừng (thiếu dấu nháy đóng?)", ""),
    "expected <block end>": ("thụt lề không khớp", "kiểm tra số dấu cách đầu dòng"),
    "did not find expected key": ("thụt lề không khớp", "kiểm tra số dấu cách đầu dòng"),
    "did not find expected '-' indicator": ("thụt lề của danh sách không khớp", ""),
    "did not find expected ',' or ']'": ("danh sách [...] thiếu dấu ',' hoặc ']'", ""),
    "did not find expected ',' or '}'": ("ánh xạ {...} thiếu dấu ',' hoặc '}'", ""),
    "did not find expected node content": ("thiếu giá trị", ""),
    "expected a single document": ("tệp có nhiều hơn một tài liệu YAML ('---')", ""),
    "but found another document": ("tệp có nhiều hơn một tài liệu YAML ('---')", ""),
    "found undefined alias": ("bí danh (*) chưa được định nghĩa", ""),
    "found character": ("ký tự không thể bắt đầu một giá trị", ""),
    "found unknown escape character": ("chuỗi thoát (\\...) không hợp lệ trong nháy kép", ""),
    "found a tab character": ("dùng tab ở chỗ không được phép", "thay tab bằng dấu cách"),
}


def translate(problem: str) -> tuple[str, str]:
    """Vietnamese message and hint for a parser's English problem text."""
    problem = problem.strip()
    for prefix, (message, hint) in _PROBLEMS.items():
        if problem.startswith(prefix):
            return message, hint
    return f"lỗi cú pháp YAML ({problem})", ""


def marked(code: str, exc) -> YamlProblem:
    """A YamlProblem from a parser exception carrying problem/context marks (ruamel or PyYAML)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    message, hint = translate(str(getattr(exc, "problem", None) or getattr(exc, "context", None) or exc))
    return YamlProblem(code, message, line, col, hint)
