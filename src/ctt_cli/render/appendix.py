"""How the plan's cells read in the official document: unit names, appendix cells and rows (group
rows, numbering, optional columns), the "Kèm theo" line. Shared by the document contexts (render),
the status table and the calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ctt_cli.model.tables import COLUMN_TITLES
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
    before its tasks ('1.1', '1.2'); without groups the tasks are numbered 1, 2, 3. Each row has
    every column's text and ``kind`` ('group' or 'task')."""
    tasks_file = ward.tasks_file
    several = len(tasks_file.all_appendices()) > 1
    tasks = [t for t in ward.tasks if not several or tasks_file.appendix_of(t) is appendix]
    rows: list[dict[str, Any]] = []
    group_no, current, in_group = 0, object(), 0
    plain = 0
    for task in tasks:
        group = tasks_file.group(task.group)
        if task.group != current:
            current, in_group = task.group, 0
            if group is not None:
                group_no += 1
                label = nd30.roman(group_no) if numbering != "decimal" else str(group_no)
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
        if group is not None:
            in_group += 1
            stt = f"{group_no}.{in_group}"
        else:
            plain += 1
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
    return rows


def column_titles(appendix: Appendix) -> list[str]:
    return [COLUMN_TITLES[c] for c in appendix.columns]


def attached_line(ward: Ward, appendix: Appendix | None = None) -> str:
    plan, tasks_file = ward.plan, ward.tasks_file
    assert plan and tasks_file
    appendix = appendix or next(iter(tasks_file.all_appendices()), None)
    doc = plan.document
    issuer = appendix.issuer_text if appendix else plan.issuer.header[-1]
    return nd30.attached_line(doc.type, doc.number, doc.symbol, doc.date, doc.year, issuer)
