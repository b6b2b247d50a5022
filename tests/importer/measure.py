"""How much of a Word plan's text an import keeps: the source's words found, in order, in the
re-rendered plan (retention) or in what the imported data says (data_retention), and the same once
the words the import report lists as not carried are taken out (accounted)."""

from __future__ import annotations

import unicodedata
from pathlib import Path


def by_columns(lines: list[str]) -> list[str]:
    """Lines laid out in two columns with tabs (a tabbed header or signature block: "Nơi nhận:\t\tTM. …"),
    read column by column, as a table's cells are: the left column's lines, then the right column's.
    A block is a run of tabbed lines, with at most two untabbed lines (the left column going on) inside."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            out.append(lines[i])
            i += 1
            continue
        end = i + 1
        while end < len(lines):
            ahead = next((k for k in range(end, min(end + 3, len(lines))) if "\t" in lines[k]), None)
            if ahead is None:
                break
            end = ahead + 1
        block = [line.split("\t") for line in lines[i:end]]
        out += [parts[0] for parts in block] + [" ".join(parts[1:]) for parts in block if len(parts) > 1]
        i = end
    return out


def words_of(path) -> list[str]:
    """The words of a .docx in reading order (paragraphs, then table rows; tabbed two-column blocks
    column by column), NFC, lower case."""
    import re

    from ctt_cli.render.docx_text import docx_lines

    text = unicodedata.normalize("NFC", "\n".join(by_columns(docx_lines(path))))
    return re.findall(r"[^\W_]+", text.lower())  # words: letters and digits (rule lines ____ are not)


def retention(source, rendered) -> float:
    """Share of the source's words found, in order, in the rendered document (difflib matching blocks)."""
    import difflib

    a, b = words_of(source), words_of(rendered)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(a), 1)


def data_words(folder) -> list[str]:
    """The words the imported data says, in document order: the plan's render context as plain lines
    (render.context.context_lines: header, body, closing, signature, then EVERY appendix with all its
    columns, its titles and its "(1) (2) …" row), in the order the plan template prints them."""
    import re

    from ctt_cli.render.context import context_lines, plan_context
    from ctt_cli.workspace.pipeline import load_paths

    wards, _ = load_paths([Path(folder)])
    text = unicodedata.normalize("NFC", "\n".join(context_lines(plan_context(wards[0]))))
    return re.findall(r"[^\W_]+", text.lower())


def data_retention(source, folder) -> float:
    """Share of the source's words found, in order, in what the imported data says (data_words)."""
    import difflib

    a, b = words_of(source), data_words(folder)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(a), 1)


def accounted(source, rendered, report, data: bool = False) -> float:
    """Like retention, but the words of what the import report lists as not carried are taken out of
    the source first: the share of the rest that the rendered document holds in order (``data``:
    ``rendered`` is the ward folder, and the words are what its data says, see data_words)."""
    import difflib
    import re

    a, b = words_of(source), (data_words(rendered) if data else words_of(rendered))
    section = Path(report).read_text(encoding="utf-8").split("## Không chuyển được vào dữ liệu", 1)[1]
    section = section.split("## Đã chuyển vào dữ liệu", 1)[0]
    cursor = 0
    for line in section.splitlines():
        cells = line.split(" | ")
        if len(cells) < 3 or line.startswith("|---"):
            continue
        gone = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", cells[1]).lower())
        # the report lists in reading order: look from where the last one was found, then from the start
        for i in [*range(cursor, len(a) - len(gone) + 1), *range(0, cursor)]:
            if gone and a[i : i + len(gone)] == gone:
                del a[i : i + len(gone)]
                cursor = i
                break
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(a), 1)
