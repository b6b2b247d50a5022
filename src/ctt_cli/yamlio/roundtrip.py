"""The round-trip reader and writer (ruamel.yaml): used by `ctt fmt`, which must keep
comments, blank lines and quoting. Reading for everything else goes through yamlio.fast."""

from __future__ import annotations

import io
import re
from collections import deque
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import PlainScalarString

from ctt_cli.yamlio.common import DateText, YamlProblem, marked
from ctt_cli.yamlio.positions import position
from ctt_cli.yamlio.verify import Unkeepable, refuse_unkeepable


class _Constructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node, values=None):  # ruamel's signature
        return DateText(self.construct_scalar(node))

    def construct_yaml_value(self, node):
        """A plain '=' is YAML 1.1's "value" key type to ruamel; text to the fast reader and to ctt."""
        return PlainScalarString(self.construct_scalar(node))


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
_Constructor.add_constructor("tag:yaml.org,2002:value", _Constructor.construct_yaml_value)


class _CoreResolver(VersionedResolver):
    """The YAML 1.2 core schema, exactly as the fast reader resolves plain scalars (``fast._scalar``):
    ruamel's own tables also type ``1_000``, ``0b1`` and ``=``, which would make the two readers
    disagree and fmt read a value the validator reads otherwise."""

    _core: dict | None = None

    @property
    def versioned_resolver(self):
        if _CoreResolver._core is None:
            table: dict = {}
            rules = [
                ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
                ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
                ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
                (
                    "tag:yaml.org,2002:float",
                    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?i:inf|nan))$",
                    list("-+0123456789."),
                ),
                ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$", list("0123456789")),
            ]
            for tag, pattern, first in rules:
                regexp = re.compile(pattern)
                for ch in first:
                    table.setdefault(ch, []).append((tag, regexp))
            _CoreResolver._core = table
        return _CoreResolver._core


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Resolver = _CoreResolver
    y.Constructor = _Constructor
    y.preserve_quotes = True
    y.allow_duplicate_keys = False
    return y


def load(text: str) -> Any:
    """Parse with comments kept; raise YamlProblem (aliases included). Directives and explicit
    tags are refused first: ruamel reads them unlike the fast reader (YAML 1.1 booleans, !!float on
    text raises) and fmt would change or drop them."""

    try:
        refuse_unkeepable(text)
    except Unkeepable as exc:
        raise YamlProblem("E100", exc.message, exc.line, exc.column) from None
    try:
        tree = _yaml().load(text)
    except MarkedYAMLError as exc:
        raise marked("E101" if type(exc).__name__ == "DuplicateKeyError" else "E100", exc) from None
    except YAMLError as exc:
        raise YamlProblem("E100", f"lỗi YAML: {exc}") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a constructor on odd text
        raise YamlProblem("E100", f"giá trị không đọc được ({exc})") from None
    alias = _find_alias(tree)
    if alias is not None:
        # an alias's own position is its anchor's: name the key that holds it instead
        keys = [i for i, step in enumerate(alias) if isinstance(step, str)]
        line, col = position(tree, alias[: keys[-1] + 1] if keys else alias, key=True)
        raise YamlProblem(
            "E106",
            "dùng neo/bí danh YAML (&, *, <<) không được phép trong dữ liệu kế hoạch",
            line,
            col,
            "chép lại giá trị thay vì tham chiếu",
        )
    return tree


def _find_alias(tree: Any):
    """The location of the first node seen twice (an alias), in one linear walk
    (breadth first, so the anchor is met before its aliases)."""
    seen: set[int] = set()
    queue: deque[tuple[Any, tuple]] = deque([(tree, ())])
    while queue:
        node, loc = queue.popleft()
        if not isinstance(node, (CommentedMap, CommentedSeq)):
            continue
        if id(node) in seen or getattr(node, "merge", None):
            return loc
        seen.add(id(node))
        items = node.items() if isinstance(node, CommentedMap) else enumerate(node)
        queue.extend((v, (*loc, k)) for k, v in items)
    return None


def _dumper() -> YAML:
    y = _yaml()
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never fold a paragraph: one paragraph, one line, one diff hunk
    y.representer.add_representer(
        DateText, lambda rep, data: rep.represent_scalar("tag:yaml.org,2002:timestamp", str(data))
    )
    return y


def dump(tree: Any) -> str:
    """The canonical text of a round-trip tree (comments and blank lines kept)."""
    buf = io.StringIO()
    _dumper().dump(tree, buf)
    return buf.getvalue()
