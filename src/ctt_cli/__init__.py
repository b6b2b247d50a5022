"""ctt: the "Chính quyền thân thiện" plan of a Vietnamese ward, kept as code.

The library entry points (see ``ctt_cli.api``) are importable from here; they are loaded on first
use, so that ``ctt --help`` does not pay for the models:

    from ctt_cli import load_ward

    from ctt_cli import render_docx

    from ctt_cli import score_of

    from ctt_cli import status_of
"""

from typing import Any

__version__ = "0.1.0"
__all__ = ["WardError", "check", "load_ward", "render_docx", "score_of", "status_of"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from ctt_cli import api

        return getattr(api, name)
    raise AttributeError(f"module 'ctt_cli' has no attribute {name!r}")
