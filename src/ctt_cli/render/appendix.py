"""How the plan's cells read in the official document: unit names, appendix cells and rows (group
rows, numbering, optional columns), the "Kèm theo" line. Shared by the document contexts (render),
the status table and the calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.vn import nd30

if TYPE_CHECKING:  # the pydantic classes, for the types (loaded files are light: model/compiled.py)
    from ctt_cli.model.tasks import Appendix, Task, TaskGroup


def party_names(ward: Ward, ids: list[str]) -> str:
    names = [(u.short_name or u.name) if (u := ward.unit(i)) else i for i in ids]
    return ", ".join(names)


def lead_cell(ward: Ward, task: Task | TaskGroup) -> str:
    """The lead as the table writes it: its text as written, or the (co-)lead units' names."""
    leads = [task.lead] if isinstance(task.lead, str) else list(task.lead or [])
    return task.lead_text or party_names(ward, leads)


def task_cells(ward: Ward, task: Task) -> tuple[str, str, str, str]:
    """(text, deadline, lead, partners) as the appendix table shows them."""
    partners = task.partners_text or party_names(ward, list(task.partners))
    return task.text, task.deadline, lead_cell(ward, task), partners


def _shared(task: Task, group: TaskGroup | None, key: str) -> bool:
    """Whether a task's cell is the group's (a merged cell: shown once, on the group row)."""
    return group is not None and getattr(group, key) not in (None, []) and getattr(task, key) == getattr(group, key)


def appendix_rows(ward: Ward, appendix: Appendix | None, numbering: str = "roman") -> list[dict[str, Any]]:
    """The table rows of one appendix: a group row ('I.', its title, and the cells its tasks share)
    before its tasks ('1.1', '1.2', or as the appendix numbers them: straight on 1, 2, 3 across the
    groups, or 1, 2 again in each); without groups the tasks are numbered 1, 2, 3. Each row has every
    column's text, ``kind`` ('group' or 'task') and ``cells`` (the appendix's columns, in its order)."""
    tasks_file = ward.tasks_file
    several = len(tasks_file.all_appendices()) > 1
    # a task stated in prose (section) is in no table
    tasks = [t for t in ward.tasks if not t.section and (not several or tasks_file.appendix_of(t) is appendix)]
    rows: list[dict[str, Any]] = []
    group_no, current, in_group = 0, object(), 0
    plain = 0
    task_numbers = appendix.task_numbers if appendix is not None else "by-group"
    group_style = (appendix.group_numbers if appendix is not None else None) or (
        "decimal" if numbering == "decimal" else "roman"
    )
    for task in tasks:
        group = tasks_file.group(task.group)
        if task.group != current:
            current, in_group = task.group, 0
            if group is not None:
                group_no += 1
                label = nd30.roman(group_no) if group_style == "roman" else str(group_no)
                rows.append(
                    {
                        "kind": "group",
                        "stt": label,
                        "text": group.title,
                        "result": "",
                        "deadline": group.deadline or "",
                        "lead": lead_cell(ward, group) if (group.lead or group.lead_text) else "",
                        "partners": group.partners_text or party_names(ward, list(group.partners)),
                        "funding": "",
                        "note": "",
                    }
                )
        text, deadline, lead, partners = task_cells(ward, task)
        plain += 1
        if group is not None:
            in_group += 1
            stt = {"straight": str(plain), "restart": str(in_group)}.get(task_numbers, f"{group_no}.{in_group}")
        else:
            stt = str(plain)
        rows.append(
            {
                "kind": "task",
                "stt": stt,
                "text": text,
                "result": task.result or "",
                "deadline": "" if _shared(task, group, "deadline") else deadline,
                "lead": "" if _shared(task, group, "lead") and not task.lead_text else lead,
                "partners": "" if _shared(task, group, "partners") else partners,
                "funding": task.funding or "",
                "note": task.note or "",
            }
        )
    keys = list(appendix.columns) if appendix is not None else []
    for row in rows:
        row["cells"] = [row[k] for k in keys] + [""] * (2 - len(keys))  # at least STT and text
    return rows


def column_titles(appendix: Appendix) -> list[str]:
    """The table's header, the appendix's own titles where it has them."""
    return [appendix.title_of(c) for c in appendix.columns]


def column_numbers(appendix: Appendix) -> dict[str, str]:
    """The "(1) (2) …" row under the header, by column key, when the appendix has one (else empty)."""
    return {c: f"({i})" for i, c in enumerate(appendix.columns, 1)} if appendix.column_numbers else {}


def attached_line(ward: Ward, appendix: Appendix | None = None) -> str:
    plan, tasks_file = ward.plan, ward.tasks_file
    assert plan and tasks_file
    appendix = appendix or next(iter(tasks_file.all_appendices()), None)
    doc = plan.document
    issuer = appendix.issuer_text if appendix else plan.issuer.header[-1]
    return nd30.attached_line(doc.type, doc.number, doc.symbol, doc.date, doc.year, issuer)
