"""Third-party error messages in Vietnamese: a Word file that will not open (python-docx, zipfile),
and Jinja's words in a template error ("'x' is undefined")."""

from __future__ import annotations

import re

_DOCX = {
    "PackageNotFoundError": "không phải tệp .docx của Word (hoặc tệp rỗng, hoặc là tệp .doc cũ: mở bằng Word rồi lưu lại dạng .docx)",
    "BadZipFile": "tệp hỏng hoặc không phải tệp .docx (một tệp .docx là một gói nén)",
    "KeyError": "tệp .docx thiếu phần nội dung chính (word/document.xml)",
    "XMLSyntaxError": "nội dung XML trong tệp .docx bị hỏng",
}


def docx_problem(exc: BaseException) -> str:
    """Why a .docx could not be read, in Vietnamese (never the exception's English text)."""
    return _DOCX.get(type(exc).__name__, "tệp .docx không đọc được (có thể bị hỏng hoặc đang được mở khóa)")


_JINJA = (
    (re.compile(r"^'(.+?)' is undefined$"), "không có '{0}'"),
    (re.compile(r"^'(.+?)' (?:object )?has no attribute '(.+?)'$"), "'{0}' không có thuộc tính '{1}'"),
    (re.compile(r"^'(.+?)' object is not iterable$"), "'{0}' không phải danh sách, không lặp qua được"),
    (re.compile(r"^(.+?) has no element (.+)$"), "'{0}' không có phần tử {1}"),
    (re.compile(r"^Encountered unknown tag '(.+?)'.*$"), "thẻ '{0}' không có (hoặc thiếu thẻ đóng)"),
    (re.compile(r"^unexpected '(.+?)'$"), "ký tự '{0}' không đúng chỗ"),
    (re.compile(r"^unexpected end of template.*$"), "mẫu kết thúc khi một thẻ chưa đóng ({{% end... %}})"),
    (re.compile(r"^expected token '(.+?)', got '(.+?)'$"), "cần '{0}', gặp '{1}'"),
    (re.compile(r"^no filter named '(.+?)'$"), "không có bộ lọc '{0}'"),
    (re.compile(r"^no test named '(.+?)'$"), "không có phép thử '{0}'"),
    (re.compile(r"^access to attribute '(.+?)' of '(.+?)' object is unsafe\.?$"), "không được dùng '{0}' của '{1}'"),
)
_ENGLISH_NAMES = {"dict object": "bảng dữ liệu", "list object": "danh sách", "str object": "chuỗi"}


def template_problem(message: str) -> str:
    """A Jinja error message in Vietnamese; one it does not know is kept, marked as Jinja's."""
    text = (message or "").strip()
    for pattern, words in _JINJA:
        match = pattern.match(text)
        if match:
            return words.format(*(_ENGLISH_NAMES.get(g, g) for g in match.groups()))
    return f"(thông báo của Jinja) {text}" if text else "lỗi không rõ trong mẫu"
