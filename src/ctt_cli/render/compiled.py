"""Templates compiled once per process: rendering many documents (``ctt render all``, a city's
``ctt site``) cleans docxtpl's tags and compiles each template's Jinja once, keyed by the text the
template's bytes give (bench/README.md).

Compiled code depends only on the source and the environment's class and options, never on the
data, so it is shared between the fresh ``BoundedEnvironment`` each render gets (its budgets stay
per render)."""

from __future__ import annotations

from functools import lru_cache
from types import CodeType
from typing import Any

from ctt_cli.render.sandbox import BoundedEnvironment

MAX_ENTRIES = 256  # sources kept per process (a document has a body, headers, footers, properties)

_PATCHED: dict[str, str] = {}
_CODE: dict[tuple[type, str, str | None, str | None, bool], CodeType] = {}


def _remember(store: dict, key: Any, value: Any) -> Any:
    if len(store) >= MAX_ENTRIES:
        store.pop(next(iter(store)))
    store[key] = value
    return value


class CompiledEnvironment(BoundedEnvironment):
    """A ``BoundedEnvironment`` whose compiled code is shared by every render of the process."""

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        if raw or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)
        key = (type(self), source, name, filename, defer_init)
        code = _CODE.get(key)
        if code is None:
            code = _remember(_CODE, key, super().compile(source, name, filename, raw, defer_init))
        return code


def docx_template(source: Any) -> Any:
    """docxtpl's template of ``source`` (a path or a binary file), whose tag clean-up is shared
    (docxtpl imported here, on the documents' path only)."""
    return _template_class()(source)


@lru_cache(maxsize=1)
def _template_class() -> type:
    from docxtpl import DocxTemplate

    class CompiledTemplate(DocxTemplate):
        """docxtpl's template whose tag clean-up (``patch_xml``, pure text → text) is done once
        per distinct part text."""

        def patch_xml(self, src_xml: str) -> str:
            patched = _PATCHED.get(src_xml)
            if patched is None:
                patched = _remember(_PATCHED, src_xml, super().patch_xml(src_xml))
            return patched

    return CompiledTemplate
