"""libyaml, through ruamel.yaml.clib's C parser: the node tree and the token stream of a YAML text,
with ruamel's node, token, mark and error classes (ruamel.yaml is imported anyway).

Nothing is resolved here: every implicit scalar is tagged as text, and the fast reader resolves
values itself with YAML 1.2 rules. Without the C extension (a platform with no wheel), ruamel's
pure-Python scanner and composer give the same nodes, only slower; a test compares the two.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

try:
    from _ruamel_yaml import CParser
except ImportError:  # pragma: no cover - exercised by forcing the pure path in the tests
    CParser = None

# The tags of nodes written without one, shared by every such node: a node keeps a Tag as it is
# (building one per node costs a third of the parse), and `node.ctag is UNTAGGED` tells the fast
# reader there is nothing to read in the tag without turning it into text.
UNTAGGED = Tag(suffix="tag:yaml.org,2002:str")
_SEQ, _MAP = Tag(suffix="tag:yaml.org,2002:seq"), Tag(suffix="tag:yaml.org,2002:map")


class _Resolver(VersionedResolver):
    """No path-dependent tags, every implicit scalar is text (the pure path keeps the rest of
    ruamel's resolver, which its scanner asks for the YAML version)."""

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: Any) -> Tag:
        return UNTAGGED if kind is ScalarNode else _SEQ if kind is SequenceNode else _MAP


if CParser is not None:

    class _Parser(CParser):
        """The C parser asks itself what a resolver would: the same answers."""

        descend_resolver = _Resolver.descend_resolver
        ascend_resolver = _Resolver.ascend_resolver
        resolve = _Resolver.resolve


def _pure() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.Resolver = _Resolver
    return yaml


def compose(text: str, *, pure: bool = False) -> Node | None:
    """The one document of ``text`` as a node tree (None when empty); raises ruamel's YAMLError."""
    if CParser is None or pure:
        return _pure().compose(text)
    return _Parser(text).get_single_node()


def scan(text: str, *, pure: bool = False) -> list[Any]:
    """Every token of ``text``, in order (ruamel's token classes); raises ruamel's YAMLError."""
    if CParser is None or pure:
        return list(_pure().scan(text))
    parser, tokens = _Parser(text), []
    while (token := parser.get_token()) is not None:
        tokens.append(token)
    return tokens


__all__ = ["UNTAGGED", "compose", "scan"]
