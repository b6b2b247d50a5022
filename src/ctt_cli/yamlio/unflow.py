"""A flow sequence written over several lines with comments inside (``id: [ a,  # ghi chú`` …) is the
commonest layout fmt could not keep: ruamel loses track of those comments. fmt rewrites it in block
style, each comment at the end of its item's line (fmt's verification then checks that the data and
every comment are kept, as for any rewrite). Sequences whose comments sit elsewhere (on the ``[`` or
``]`` line, on a line of their own) are left as they are: fmt refuses them as before."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken


def _tokens(slot: Any) -> list[CommentToken]:
    if isinstance(slot, CommentToken):
        return [slot]
    if isinstance(slot, list):
        return [t for s in slot for t in _tokens(s)]
    return []


def _comment_lines(token: CommentToken) -> list[tuple[int, str]]:
    """(0-based line, text) of each comment a token holds (blank lines dropped)."""
    line = token.start_mark.line
    out = []
    for i, part in enumerate(token.value.split("\n")):
        if part.strip():
            out.append((line + i, part.strip()))
    return out


def _block(seq: CommentedSeq) -> bool:
    """Turn one commented multi-line flow sequence of plain items into block style; False if it cannot."""
    if seq.ca.comment and any(seq.ca.comment):
        return False  # a comment after ']' or before '[': not ours to move
    tokens = [t for slot in seq.ca.items.values() for t in _tokens(slot)] + _tokens(seq.ca.end)
    if not tokens or any(isinstance(item, (CommentedMap, CommentedSeq)) for item in seq):
        return False
    line_of = {seq.lc.data[i][0]: i for i in range(len(seq))}  # the last item of each line
    attach: dict[int, str] = {}
    for token in tokens:
        for line, text in _comment_lines(token):
            if line not in line_of or line_of[line] in attach:
                return False
            attach[line_of[line]] = text
    seq.ca.items.clear()
    seq.ca.end = None
    seq.fa.set_block_style()
    for index, text in attach.items():
        seq.yaml_add_eol_comment(text, index)
    return True


def unflow_commented(node: Any) -> bool:
    """Every commented multi-line flow sequence under ``node``, in block style (in place); whether
    any was rewritten."""
    changed = False
    if isinstance(node, CommentedSeq):
        if node.fa.flow_style():
            changed = _block(node)
        for item in node:
            changed = unflow_commented(item) or changed
    elif isinstance(node, CommentedMap):
        for value in node.values():
            changed = unflow_commented(value) or changed
    return changed
