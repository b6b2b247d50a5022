"""A new year's files: progress (every occurrence listed, with its task and due date as comments),
scores (every leaf criterion, not scored yet) and reports (the addressee filled in)."""

from __future__ import annotations

from typing import Any

from ctt_cli import schedule
from ctt_cli.model.ward import CheckedWard as Ward
from ctt_cli.scaffold.files import file_text, schemas_of
from ctt_cli.vn.words import shorten, vn_date


def _unfinished(ward: Ward, year: int) -> list[str]:
    """The previous year's records not done: a reminder at the top of the new progress file."""
    previous = ward.progress(year - 1)
    if previous is None or ward.plan is None:
        return []
    out = []
    for task_id, occs in schedule.task_occurrences(ward.plan, ward.tasks, year - 1).items():
        for occ in occs:
            if occ.due is None:  # continuous: nothing to carry
                continue
            record = next(
                (
                    r
                    for r in previous.records
                    if r.task == task_id and (r.occurrence == occ.key or (r.occurrence is None and len(occs) == 1))
                ),
                None,
            )
            if record is None:
                out.append(f"{task_id} {occ.label} (chưa ghi nhận)")
            elif record.state in ("chưa thực hiện", "đang thực hiện"):
                out.append(f"{task_id} {occ.label} ({record.state}" + (f": {record.note}" if record.note else "") + ")")
    return out


def new_year_files(ward: Ward, year: int) -> dict[str, str]:
    """'progress/2027.yaml', 'scores/2027.yaml' and 'reports/2027.yaml' texts for a ward (existing
    files are the caller's call). Each progress record has its task text and due date as a comment."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    plan = ward.plan
    assert plan is not None
    schemas = schemas_of(ward)
    tasks = ward.tasks_in(year)
    occurrences = schedule.task_occurrences(plan, tasks, year)
    records = CommentedSeq()
    for task in tasks:
        occs = occurrences.get(task.id, [])
        for occ in occs:
            record = CommentedMap([("task", task.id)])
            if len(occs) > 1:
                record["occurrence"] = occ.key
            record["state"] = "chưa thực hiện"
            records.append(record)
            due = f"hạn {vn_date(occ.due)}" if occ.due else "thường xuyên"
            records.yaml_set_comment_before_after_key(
                len(records) - 1, before=f"{task.id} {occ.label}, {due}: {shorten(task.text, 110)}", indent=2
            )
    text = file_text("progress", {"year": year, "records": records}, schemas, ward.root / "progress")
    left = _unfinished(ward, year)
    if left:
        head, _, body = text.partition("\nyear:")
        note = "\n".join(f"#   {x}" for x in left)
        text = f"{head}\n# Việc năm {year - 1} chưa xong (nhắc lại, ghi tiếp nếu làm trong năm {year}):\n{note}\nyear:{body}"
    out = {"progress": text}
    criteria = ward.criteria
    if criteria is not None:
        target = plan.target(year)
        scores: dict[str, Any] = {"year": year, "criteria_set": criteria.id, "status": "official"}
        if target is not None:
            scores["registered_level"] = target.level
        scores["scores"] = [{"criterion": c.id, "not_scored": True} for c in criteria.leaves()]
        out["scores"] = file_text("scores", scores, schemas, ward.root / "scores")
    out["reports"] = file_text(
        "reports",
        {
            "year": year,
            "kinh_gui": _kinh_gui(ward, year),
            "direction": [],
            "achievements": [],
            "shortcomings": [],
            "causes": [],
            "next_year": [],
            "proposals": [],
        },
        schemas,
        ward.root / "reports",
    )
    return out


def _kinh_gui(ward: Ward, year: int) -> list[str]:
    """Where the year's reports go: as in the latest earlier report, else the plan's higher-level recipients."""
    earlier = sorted(y for y in ward.year_files("reports") if y < year)
    if earlier and (last := ward.report(earlier[-1])) is not None and last.kinh_gui:
        return list(last.kinh_gui)
    above = {u.id: u for u in ward.units if u.kind == "cap-tren"}
    names = []
    for recipient in ward.plan.recipients:
        for unit_id in recipient.units:
            if unit_id in above and above[unit_id].name not in names:
                names.append(above[unit_id].name)
    return names
