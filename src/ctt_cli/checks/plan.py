"""Plan-level checks: draft state, objectives stated in prose vs objectives as data."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ctt_cli.findings import Finding
from ctt_cli.model.layout import YEARLY
from ctt_cli.model.methods import iter_sections
from ctt_cli.model.ward import Ward

_LEVEL = re.compile(r"Mức độ\s+(\d+)", re.IGNORECASE)


def check_draft(ward: Ward) -> Iterator[Finding]:
    plan, source = ward.plan, ward.source("plan")
    if not (plan and source):
        return
    missing = [
        label for label, value in (("số", plan.document.number), ("ngày ban hành", plan.document.date)) if value is None
    ]
    if missing:
        yield source.finding(
            "W409",
            f"kế hoạch còn là dự thảo: chưa có {' và '.join(missing)}",
            ("document",),
            hint="điền document.number và document.date khi văn bản được ký ban hành",
        )
    if not plan.signature.name:
        yield source.finding("W409", "chưa có họ tên người ký", ("signature",))


def check_objectives(ward: Ward) -> Iterator[Finding]:
    plan, source = ward.plan, ward.source("plan")
    if not (plan and source):
        return
    for loc, section in iter_sections(plan.body):
        if section.objective is None:
            continue
        target = plan.objective(section.objective)
        text = " ".join(filter(None, (section.title, section.text)))
        if target is None:
            yield source.finding("W408", f"không có mục tiêu dữ liệu cho năm {section.objective}", (*loc, "objective"))
            continue
        for match in _LEVEL.finditer(text):
            if target.level is None:
                yield source.finding(
                    "W408",
                    f"lời văn ghi Mức độ {match.group(1)}, mục tiêu năm {section.objective} không ghi mức độ (level)",
                    (*loc, "text"),
                    offset=match.start(),
                )
            elif int(match.group(1)) != target.level:
                yield source.finding(
                    "W408",
                    f"lời văn ghi Mức độ {match.group(1)}, dữ liệu mục tiêu năm "
                    f"{section.objective} là Mức độ {target.level}",
                    (*loc, "text"),
                    offset=match.start(),
                )


def check_year_names(ward: Ward) -> Iterator[Finding]:
    """A yearly file's `year` is the year in its name."""
    for folder in YEARLY:
        for year, model, source in ward.yearly_items(folder):
            if model.year != year:
                yield source.finding("E200", f"năm {model.year} khác tên tệp {year}.yaml", ("year",))


def check_reports(ward: Ward) -> Iterator[Finding]:
    for year, report, source in ward.yearly_items("reports"):
        missing = report.missing()
        if missing:
            yield source.finding(
                "W800",
                f"báo cáo năm {year} chưa có phần: {', '.join(missing)}",
                (),
                hint="văn bản xuất ra sẽ có dòng nhắc bổ sung ở các phần này",
            )
