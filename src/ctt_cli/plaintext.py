"""The plan as plain text, in document order: what the official document says,
without layout. Used to check the transcription and as the text of `render plan`."""

from __future__ import annotations

from ctt_cli import nd30
from ctt_cli.workspace import Ward


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


def plan_lines(ward: Ward) -> list[str]:
    plan = ward.plan
    assert plan is not None
    doc = plan.document
    lines = [*plan.issuer.header, nd30.number_line(doc.number, doc.symbol),
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             nd30.place_date_line(doc.place, doc.date, doc.year), doc.type.upper(), doc.subject]
    lines += [b.text for b in plan.legal_bases]
    if plan.preamble:
        lines.append(plan.preamble)
    for _depth, label, section in nd30.outline(plan.body):
        if section.title:
            lines.append(f"{label} {section.title}")
            if section.text:
                lines.append(section.text)
        elif section.text:
            lines.append(f"{label} {section.text}")
        lines += [f"- {item}" for item in section.items]
    if plan.closing:
        lines.append(plan.closing)
    lines.append("Nơi nhận:")
    last = len(plan.recipients) - 1
    lines += [f"- {r.text}{'.' if i == last else ';'}" for i, r in enumerate(plan.recipients)]
    sig = plan.signature
    lines += [" ".join(filter(None, (sig.authority, sig.body))), sig.title]
    if sig.name:
        lines.append(sig.name)
    if ward.tasks_file:
        app = ward.tasks_file.appendix
        lines += [app.title, *( [app.subtitle] if app.subtitle else []), attached_line(ward)]
        lines.append("\t".join(("STT", "Nhiệm vụ cụ thể", "Thời gian thực hiện", "Cơ quan chủ trì",
                                "Cơ quan phối hợp")))
        for i, task in enumerate(ward.tasks, 1):
            lines.append("\t".join((str(i), *task_cells(ward, task))))
    return lines
