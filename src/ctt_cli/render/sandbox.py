"""The Jinja environment templates run in: sandboxed (no attribute escapes), strict (an unknown
variable is an error), and bounded: range() and loops over it share a budget of iterations per
render, string and list repetition (`'a' * n`) and powers are capped, and a render that still runs
past a wall-clock limit is stopped. A template is a file anyone may edit; it must not hang or
exhaust ctt."""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_ITERATIONS = 200_000  # every range() of one render together
MAX_SIZE = 1_000_000  # characters or items made by one repetition
MAX_EXPONENT = 1_000
TIME_LIMIT = 30  # seconds for one render of one template


class TemplateTimeout(Exception):
    """A template ran past TIME_LIMIT."""


class BoundedEnvironment(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True, **options)
        self.iterations_left = MAX_ITERATIONS
        self.globals["range"] = self.bounded_range

    def bounded_range(self, *args: int) -> range:
        result = range(*args)
        self.iterations_left -= len(result)
        if self.iterations_left < 0:
            raise SecurityError(f"mẫu dùng range() quá {MAX_ITERATIONS} lượt (vòng lặp quá lớn)")
        return result

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                    if len(seq) * max(times, 0) > MAX_SIZE:
                        raise SecurityError(f"mẫu tạo chuỗi hoặc danh sách quá {MAX_SIZE} phần tử")
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"mẫu dùng lũy thừa quá {MAX_EXPONENT}")
        return super().call_binop(context, operator, left, right)


@contextlib.contextmanager
def time_limit(seconds: float = TIME_LIMIT):
    """Raise TemplateTimeout inside the block after ``seconds`` (main thread with SIGALRM only;
    elsewhere the iteration and size limits still hold)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):  # noqa: ARG001 - the signal module's signature
        raise TemplateTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
