"""ctt: the "Chính quyền thân thiện" plan of a Vietnamese ward, kept as code.

The library entry points (see ``ctt_cli.api``) are importable from here; they are loaded on first
use, so that ``ctt --help`` does not pay for the models:

    from ctt_cli import load_ward

    from ctt_cli import render_docx

    from ctt_cli import score_of

    from ctt_cli import status_of
"""

import os as _os
import signal as _signal
import sys as _sys

if _os.path.basename(_sys.argv[0] if _sys.argv else "") in ("ctt", "ctt.exe"):
    # the `ctt` program is starting: Ctrl-C while Python imports it exits 130 quietly (commands/entry.py
    # restores the usual handler once ctt is loaded); a library import leaves signals alone
    def _early_interrupt(signum: int, frame: object) -> None:
        _sys.stderr.write("Đã dừng.\n")
        _sys.stderr.flush()
        _os._exit(130)

    if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
        _signal.signal(_signal.SIGINT, _early_interrupt)

from typing import Any  # noqa: E402 - after the handler: Ctrl-C while importing it is covered

__version__ = "0.1.0"
__all__ = ["WardError", "check", "load_ward", "render_docx", "score_of", "status_of"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from ctt_cli import api

        return getattr(api, name)
    raise AttributeError(f"module 'ctt_cli' has no attribute {name!r}")
