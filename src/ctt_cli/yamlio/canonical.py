"""Canonical layout of plan YAML files: key order as the models declare it, fixed
indentation, no folding; comments, blank lines and every value kept."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

from ctt_cli.model.common import inner_model
from ctt_cli.yamlio.roundtrip import dump


def _field_order(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]




def reorder(node: Any, model: type[BaseModel] | None) -> None:
    """Reorder every mapping's keys to its model's field order, in place; unknown keys keep their
    order after the known ones. Comments travel with their keys."""
    if model is None:
        return
    if isinstance(node, CommentedSeq):
        for item in node:
            reorder(item, model)
        return
    if not isinstance(node, CommentedMap):
        return
    order = _field_order(model)
    known = [k for k in order if k in node]
    rest = [k for k in node if k not in order]
    wanted = known + rest
    if list(node) != wanted:
        head = node.ca.comment  # the comment before the first key stays first
        _move_blank_lines(node, wanted)
        for key in wanted:
            node.move_to_end(key)
        node.ca.comment = head
    fields = {f.alias or name: f for name, f in model.model_fields.items()}
    for key in known:
        reorder(node[key], inner_model(fields[key].annotation))


def _move_blank_lines(node: CommentedMap, wanted: list) -> None:
    """What follows the last key's line (blank lines, comments before the next item) belongs to the
    end of the mapping, not to that key: move it after whatever key ends up last. The key's own
    end-of-line comment stays with it."""
    keys = list(node)
    last, new_last = keys[-1], wanted[-1]
    entry = node.ca.items.get(last)
    if last == new_last or not entry or len(entry) < 3 or entry[2] is None:
        return
    token = entry[2]
    head, newline, rest = token.value.partition("\n")
    if not rest:
        return
    token.value = head + newline
    target = node.ca.items.setdefault(new_last, [None, None, None, None])
    if target[2] is None:
        target[2] = CommentToken("\n" + rest, token.start_mark, None)
    else:
        target[2].value = target[2].value.rstrip("\n") + "\n" + rest


def format_text(tree: Any, model: type[BaseModel]) -> str:
    reorder(tree, model)
    return dump(tree)
