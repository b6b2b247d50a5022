"""The data of the city site: one dict per ward, computed from the same core views as `status`,
`score` and `summary` (``status.compute_status``, ``scoring.compute_score``, ``city.ward_row``).
Pure: nothing here writes a file or prints; ``WardPage`` runs in the pipeline (in a worker process
for a city) and sends back plain data, never models."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ctt_cli.city import ward_row
from ctt_cli.explain.labels import STATE_LABELS
from ctt_cli.render.documents import KINDS as DOC_KINDS
from ctt_cli.render.documents import Request, due_documents, render, templates_digest
from ctt_cli.render.engine import RenderError
from ctt_cli.scoring import compute_score
from ctt_cli.site import docstore
from ctt_cli.status import State, compute_status, role_of
from ctt_cli.workspace.pipeline import WardResult

# A commune's state on the city page, worst first: (key, Vietnamese label).
WARD_STATES: dict[str, str] = {
    "error": "lỗi dữ liệu",
    "overdue": "có nhiệm vụ quá hạn",
    "not_met": "chưa đạt mục tiêu",
    "no_score": "chưa có điểm",
    "met": "đạt mục tiêu",
}
KINDS = ("phường", "xã", "đặc khu")
DONE = (State.DONE, State.DONE_LATE)


def ward_kind(name: str) -> str:
    """xã / phường / đặc khu from the ward's name ("Phường Lê Thanh Nghị"), or "khác"."""
    low = name.strip().lower()
    for kind in ("đặc khu", "phường", "xã"):
        if low.startswith(kind + " ") or low == kind:
            return kind
    return "khác"


def ward_state(row: dict[str, Any]) -> str:
    if row["errors"]:
        return "error"
    if row["overdue"]:
        return "overdue"
    if row["target_met"] is False:
        return "not_met"
    if row["target_met"] is None:
        return "no_score"
    return "met"


def slug(text: str) -> str:
    """A file name from an id or a folder name: [a-z0-9-] only."""
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "phuong"


def _timeline(status) -> list[dict[str, Any]]:
    """One line per task: its occurrences of the year (window, due date, state). An undated
    (event-bound) occurrence has no window: it is drawn over the whole year, without a due mark."""
    tasks: dict[str, dict[str, Any]] = {}
    for r in status.rows:
        line = tasks.setdefault(
            r.task.id, {"id": r.task.id, "text": r.task.text, "deadline": r.task.deadline, "occurrences": []}
        )
        if r.occurrence is None:
            continue
        occ = r.occurrence
        line["occurrences"].append(
            {
                "label": occ.label,
                "start": (occ.start or dt.date(status.year, 1, 1)).isoformat(),
                "end": (occ.end or dt.date(status.year, 12, 31)).isoformat(),
                "due": _iso(occ.due),
                "state": r.state.value,
                "state_label": STATE_LABELS[r.state],
                "days": r.days,
                "completed": _iso(r.record.completed if r.record else None),
            }
        )
    order = {t: i for i, t in enumerate(sorted(tasks, key=_task_key))}
    return sorted(tasks.values(), key=lambda t: order[t["id"]])


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


DATES = ("start", "end", "due", "completed")


def revive(page: dict[str, Any]) -> dict[str, Any]:
    """The page's dates as dates again: a page is plain JSON data (so it can be cached with the ward's
    findings) until the site is written."""
    for line in page["timeline"]:
        for occ in line["occurrences"]:
            for name in DATES:
                if isinstance(occ.get(name), str):
                    occ[name] = dt.date.fromisoformat(occ[name])
    return page


def _task_key(task_id: str) -> tuple[str, int, str]:
    m = re.match(r"(\D*)(\d+)(.*)", task_id)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else (task_id, 0, "")


def _units(ward, status) -> list[dict[str, Any]]:
    groups = {u.id for u in ward.units if u.kind == "nhom"}
    out = []
    for unit in ward.units:
        if unit.id in groups:
            continue
        counts = {"lead": 0, "partner": 0, "done": 0, "overdue": 0, "due_soon": 0}
        for r in status.rows:
            if r.state is State.NOT_APPLICABLE:
                continue
            part = role_of(r.task, unit.id, groups)
            if part is None:
                continue
            counts[part[0]] += 1
            if r.state in DONE:
                counts["done"] += 1
            elif r.state is State.OVERDUE:
                counts["overdue"] += 1
            elif r.state is State.DUE_SOON:
                counts["due_soon"] += 1
        if counts["lead"] or counts["partner"]:
            out.append({"id": unit.id, "name": unit.short_name or unit.name, **counts})
    return out


def _score(ward, year: int, target: int | None) -> dict[str, Any] | None:
    scores = ward.scores(year)
    if not (ward.criteria and scores):
        return None
    view = compute_score(ward.criteria, scores, target)
    levels = sorted(view.criteria.levels, key=lambda r: r.level)
    return {
        "total": view.total,
        "max_total": view.criteria.max_total,
        "level": view.level_reached,
        "registered": view.registered,
        "illustrative": view.illustrative,
        "notice": view.criteria.notice or scores.notice or "",
        "groups": [
            {
                "id": g.group.id,
                "name": g.group.title,
                "points": g.points,
                "max": g.max,
                "needs": [
                    {"level": r.level, "share": r.group_shares.get(g.group.id, r.min_group_share)} for r in levels
                ],
            }
            for g in view.groups
        ],
        "levels": [
            {
                "level": c.rule.level,
                "name": c.rule.name or f"Mức {c.rule.level}",
                "min_total": c.rule.min_total,
                "ok": c.ok,
                "points_short": c.points_short,
            }
            for c in view.checks
        ],
    }


def _assessment_sent(status) -> bool | None:
    """Whether the year's self-assessment (the task producing it) is done; None when no task produces it."""
    rows = [r for r in status.rows if "assessment" in r.task.produces and r.state is not State.NOT_APPLICABLE]
    if not rows:
        return None
    return all(r.state in DONE for r in rows)


@dataclass(frozen=True)
class WardPage:
    """Computes everything the site shows of one ward from its pipeline result. Never raises on bad
    data: a ward whose files have errors gets a row and a page listing the errors."""

    year: int
    as_of: dt.date
    due_within: int
    documents: bool = True

    @property
    def cache_tag(self) -> str | None:
        """Pages are cached with the ward's findings (workspace/cache.py); with documents, only when they
        can be kept apart (site/docstore.py), and tagged with what else they depend on: the templates
        and the libraries that render them (``documents.templates_digest``)."""
        tag = f"site-page|{self.year}|{self.as_of.isoformat()}|{self.due_within}"
        if not self.documents:
            return tag
        return f"{tag}|docs|{templates_digest()}" if docstore.enabled() else None

    def __call__(self, result: WardResult) -> dict[str, Any]:
        row = ward_row(result, self.year, self.as_of, self.due_within)
        ward = result.checked
        ident = ward.plan.id if ward is not None and ward.plan else result.root.name
        page: dict[str, Any] = {
            "id": slug(ident),
            "name": result.name,
            "kind": ward_kind(result.name),
            "path": result.display,
            "row": row,
            "state": ward_state(row),
            "registered": None,
            "assessment_sent": None,
            "findings": [
                {
                    "severity": f.severity.value,
                    "code": f.code,
                    "file": f.file,
                    "line": f.line,
                    "column": f.column,
                    "message": f.message,
                    "hint": f.hint,
                }
                for f in result.findings
            ],
            "timeline": [],
            "units": [],
            "score": None,
            "documents": [],
            "illustrative": bool(row["illustrative"]),
        }
        if ward is None:
            return page
        status = compute_status(ward, self.year, self.as_of, self.due_within)
        score = _score(ward, self.year, row["target"])
        page.update(
            timeline=_timeline(status),
            units=_units(ward, status),
            score=score,
            assessment_sent=_assessment_sent(status),
            registered=score["registered"] if score else None,
            illustrative=bool(row["illustrative"] or (ward.criteria and ward.criteria.illustrative)),
        )
        if self.documents:
            page["documents"] = _documents(ward, self.year, self.as_of)
        return page


def _documents(ward, year: int, as_of: dt.date) -> list[dict[str, Any]]:
    """The year's documents rendered to .docx (kept in the document store, or their bytes when there
    is none; the site writes them); a document that cannot be rendered is listed with the reason."""
    out: list[dict[str, Any]] = []
    for req in due_documents(ward, year):
        req = Request(req.kind, req.year, req.first, req.last, as_of)
        label = DOC_KINDS[req.kind].label
        try:
            data = render(ward, req)
        except RenderError as exc:
            out.append({"label": label, "file": "", "blob": None, "error": str(exc)})
            continue
        blob = docstore.put(data)  # kept apart: the page stays plain data, cacheable
        doc: dict[str, Any] = {"label": label, "file": f"{req.label()}.docx", "blob": blob, "error": ""}
        out.append(doc if blob else {**doc, "data": data})
    return out


def city_counts(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """The numbers at the top of the city page."""
    rows = [p["row"] for p in pages]
    return {
        "wards": len(pages),
        "errors": sum(1 for r in rows if r["errors"]),
        "overdue": sum(1 for r in rows if r["overdue"]),
        "met": sum(1 for r in rows if r["target_met"] is True),
        "not_met": sum(1 for r in rows if r["target_met"] is False),
        "no_score": sum(1 for r in rows if not r["errors"] and r["score"] is None),
        "not_sent": sum(1 for p in pages if p["assessment_sent"] is False),
        "by_state": {k: sum(1 for p in pages if p["state"] == k) for k in WARD_STATES},
        "by_kind": {k: sum(1 for p in pages if p["kind"] == k) for k in (*KINDS, "khác")},
        "illustrative": sum(1 for p in pages if p["illustrative"]),
    }


def level_chart_data(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per level: how many communes target it and how many reached it (the level chart)."""
    levels = sorted(
        {p["row"]["target"] for p in pages if p["row"]["target"] is not None}
        | {p["row"]["level"] for p in pages if p["row"]["level"] is not None}
    )
    data = [
        {
            "label": f"Mức {lv}",
            "targeted": sum(1 for p in pages if p["row"]["target"] == lv),
            "reached": sum(1 for p in pages if p["row"]["level"] == lv),
        }
        for lv in levels
    ]
    scored = [p for p in pages if p["row"]["score"] is not None]
    data.append(
        {"label": "Chưa đạt mức nào", "targeted": 0, "reached": sum(1 for p in scored if p["row"]["level"] is None)}
    )
    return data
