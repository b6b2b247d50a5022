"""Canonical layout of plan YAML files: key order as the models declare it, fixed
indentation, no folding; comments, blank lines and every value kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

from ctt_cli.model.compiled import Layout
from ctt_cli.yamlio import verify
from ctt_cli.yamlio.positions import position
from ctt_cli.yamlio.reader import parse_yaml
from ctt_cli.yamlio.roundtrip import dump
from ctt_cli.yamlio.unflow import unflow_commented

# What gives the key order: a model's compiled Layout (fmt: no pydantic imported), or a pydantic
# model class (the importer, tests).
Model = Any


def _children(model: Model) -> list[tuple[str, Model | None]]:
    """(key, the model of its value) for each field of ``model``, in declared order."""
    if isinstance(model, Layout):
        return list(model.children())
    return [(f.alias or name, _inner(f.annotation)) for name, f in model.model_fields.items()]


def _inner(annotation: Any) -> Any:
    """The pydantic model class inside an annotation such as ``list[Task] | None``."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return annotation
    for arg in get_args(annotation):
        found = _inner(arg)
        if found is not None:
            return found
    return None


def reorder(node: Any, model: Model | None) -> None:
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
    children = dict(_children(model))
    order = list(children)
    known = [k for k in order if k in node]
    rest = [k for k in node if k not in order]
    wanted = known + rest
    if list(node) != wanted:
        head = node.ca.comment  # the comment before the first key stays first
        _move_blank_lines(node, wanted)
        for key in wanted:
            node.move_to_end(key)
        node.ca.comment = head
    for key in known:
        reorder(node[key], children[key])


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


def format_text(tree: Any, model: Model) -> str:
    reorder(tree, model)
    return dump(tree)


def format_checked(text: str, tree: Any, model: Model, expect: Callable[[Any], Any] | None = None) -> str:
    """The canonical text of a file read with ``rt`` (``text`` its content, ``tree`` its round-trip
    tree), verified before anyone writes it: the fast reader reads the same data from it, every
    comment is still there (in the same order unless keys were reordered), and formatting it again
    changes nothing. ``expect``: the change the caller made to ``tree`` on purpose (fmt --fix),
    applied to the data read from ``text`` before the comparison. Raise Unkeepable, naming what could not be kept, on any difference; files with
    directives or explicit tags are refused before formatting."""

    verify.refuse_unkeepable(text)
    before, problems = parse_yaml(text.encode("utf-8"), "?")
    if before is None:
        p = problems[0]
        raise verify.Unkeepable(f"trình đọc nhanh không đọc được tệp: {p.message}", p.line, p.column)
    if expect is not None:
        expect(before.tree)
    rewritten = unflow_commented(tree)
    out = format_text(tree, model)
    if out == text and not rewritten and expect is None:
        # the text is its own canonical form (formatting what it parses to gives it back): settling,
        # reading it back and formatting it again would only repeat this (fmt --check on a tidy tree)
        return out
    out = _settled(out, model)
    if out == text:
        return out
    after, problems = parse_yaml(out.encode("utf-8"), "?")
    if after is None:
        p = problems[0]
        raise verify.Unkeepable(
            f"kết quả định dạng không đọc lại được ({p.message} ở dòng {p.line} của kết quả); "
            "có thể do danh sách dạng '-' trống dòng, {...}/[...] lồng nhau hoặc chú thích "
            "ở chỗ lạ"
        )
    if verify.typed(before.tree) != verify.typed(after.tree):
        where = verify.first_difference(before.tree, after.tree)
        line, col = position(before.tree, _loc(before.tree, where))
        raise verify.Unkeepable(f"định dạng sẽ đổi giá trị tại {where}", line, col)
    old, new = verify.comments(text), verify.comments(out)
    same_order = verify.key_order(before.tree) == verify.key_order(after.tree)
    old_texts, new_texts = [c for _, c in old], [c for _, c in new]
    if (old_texts != new_texts) if same_order else (sorted(old_texts) != sorted(new_texts)):
        line, comment = _lost_comment(old, new_texts)
        raise verify.Unkeepable(f"định dạng sẽ làm mất hoặc dời chú thích '{comment}'", line)
    again, problems = parse_yaml(out.encode("utf-8"), "?", rt=True)
    if again is None or format_text(again.tree, model) != out:
        raise verify.Unkeepable(
            "định dạng không ổn định (chạy lại sẽ đổi tiếp); có thể do dòng '-' đứng riêng hoặc chú thích ở chỗ lạ"
        )
    return out


def _settled(out: str, model: Model, rounds: int = 3) -> str:
    """Format the output again until it stops changing (a bare '-' line followed by a comment and then
    its mapping, or a comment beside a '-' with no value, settle on the second or third run): fmt
    writes the settled text at once. The checks that follow compare it with the original."""
    for _ in range(rounds):
        again, _problems = parse_yaml(out.encode("utf-8"), "?", rt=True)
        if again is None:
            return out  # the checks report it
        nxt = format_text(again.tree, model)
        if nxt == out:
            return out
        out = nxt
    return out


def _lost_comment(old: list[tuple[int, str]], new_texts: list[str]) -> tuple[int, str]:
    """The first original comment that is missing from the output, or else the first one out of place."""
    for line, comment in old:
        if comment not in new_texts:
            return line, comment
    for (line, comment), now in zip(old, new_texts):
        if comment != now:
            return line, comment
    return old[-1] if old else (0, new_texts[0] if new_texts else "#")


def _loc(tree: Any, where: str) -> tuple:
    """A data path back to a location (best effort: names like units[1].id)."""
    import re

    loc: list = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", where):
        loc.append(int(index) if index else name)
    return tuple(loc)
