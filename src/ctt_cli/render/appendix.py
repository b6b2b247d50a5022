"""How the plan's cells read in the official document: unit names, appendix cells, the
"Kèm theo" line. Shared by the document contexts (render) and the calendar."""

from __future__ import annotations

from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.vn import nd30


def party_names(ward: Ward, ids: list[str]) -> str:
    names = [(u.short_name or u.name) if (u := ward.unit(i)) else i for i in ids]
    return ", ".join(names)


def task_cells(ward: Ward, task) -> tuple[str, str, str, str]:
    """(text, deadline, lead, partners) as the appendix table shows them."""
    lead = task.lead_text or party_names(ward, [task.lead])
    partners = task.partners_text or party_names(ward, list(task.partners))
    return task.text, task.deadline, lead, partners


def attached_line(ward: Ward) -> str:
    plan, appendix = ward.plan, ward.tasks_file
    assert plan and appendix
    doc = plan.document
    return nd30.attached_line(doc.type, doc.number, doc.symbol, doc.date, doc.year, appendix.appendix.issuer_text)
