"""Who a generated document goes to: its "Kính gửi" and its "Nơi nhận" lines.

A document that goes upward (report, self-assessment, registration, review) always has a
"Kính gửi". The office's reports/YEAR.yaml `kinh_gui` wins; otherwise the plan says where
the task that produces the document sends it ("… gửi báo cáo về Ủy ban nhân dân thành phố
(qua Sở Nội vụ)"), else the issuer's parent unit. "Như trên" is only printed under a
"Kính gửi", and the default recipients end with "Lưu: VT, <drafting unit>." (NĐ 30).
"""

from __future__ import annotations

import re

from ctt_cli.model.ward import CheckedWard as Ward

UPWARD = ("report", "assessment", "registration", "review")

# "… gửi báo cáo về Ủy ban nhân dân thành phố (qua Sở Nội vụ)", "… gửi về Sở Nội vụ tổng hợp, theo dõi"
SENT_TO = re.compile(
    r"\bgửi(?:\s+(?:báo cáo|văn bản|kế hoạch))?\s+(?:về\s+|đến\s+|lên\s+)?"
    r"(?P<to>(?:Ủy ban|Uỷ ban|UBND|Sở|Ban|Văn phòng|Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Bộ|Cục|Hội đồng)"
    r"[^,;.]*?(?:\([^)]*\))?)"
    r"(?=\s+(?:tổng hợp|theo dõi|để|xem xét|thẩm định|trước|trong|chậm nhất|hằng|hàng)\b|[,;.]|$)"
)


def producing_task(ward: Ward, kind: str):
    return next((t for t in ward.tasks if kind in t.produces), None)


def default_addressee(ward: Ward, kind: str) -> str:
    """The addressee the plan gives for a document kind (see the module docstring)."""
    task = producing_task(ward, kind)
    if task is not None:
        found = SENT_TO.search(task.text)
        if found:
            return _registered(ward, found.group("to").strip())
    plan = ward.plan
    parent = ward.unit(plan.issuer.parent) if plan and plan.issuer.parent else None
    if parent is not None:
        return parent.name
    return "Ủy ban nhân dân cấp trên"


def _registered(ward: Ward, text: str) -> str:
    """A plain unit name the registry knows ('Sở Nội vụ') → its full name ('Sở Nội vụ thành phố …')."""
    for unit in ward.units:
        if text in (unit.short_name, unit.name) or text in unit.aliases:
            return unit.name
    return text


def kinh_gui_lines(ward: Ward, kind: str, written: list[str]) -> list[str]:
    """'Kính gửi: …' lines: the office's own (reports/YEAR.yaml), else the plan's default."""
    names = list(written) or ([default_addressee(ward, kind)] if kind in UPWARD else [])
    return [f"Kính gửi: {k}" if i == 0 else k for i, k in enumerate(names)]


def addressee(kinh_gui: list[str]) -> str:
    """The addressee as the body names it: 'Kính gửi: A' (and further lines) → 'A'."""
    names = [line.removeprefix("Kính gửi:").strip().rstrip(";.") for line in kinh_gui]
    return ", ".join(n for n in names if n)


def drafting_unit(ward: Ward, kind: str) -> str:
    """The drafting unit as 'Lưu' names it: the lead of the task producing the document
    (its code, 'VHXH', else its short name)."""
    task = producing_task(ward, kind)
    leads = list(task.leads) if task is not None else []
    unit = ward.unit(leads[0]) if leads else None
    if unit is None:
        return ""
    return unit.code or unit.short_name or unit.name


def default_recipients(ward: Ward, kind: str, kinh_gui: list[str]) -> list[str]:
    unit = drafting_unit(ward, kind)
    archive = f"Lưu: VT, {unit}" if unit else "Lưu: VT"
    return (["Như trên"] if kinh_gui else []) + [archive]


def recipients(ward: Ward, kind: str, written: list[str], kinh_gui: list[str]) -> list[str]:
    """The recipients' texts: the office's own, else the default; 'Như trên' only under a 'Kính gửi'."""
    texts = list(written) or default_recipients(ward, kind, kinh_gui)
    if not kinh_gui:
        texts = [t for t in texts if t.strip().rstrip(";.").lower() != "như trên"]
    return texts
