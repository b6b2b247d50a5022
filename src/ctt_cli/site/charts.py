"""Inline SVG charts for the site, drawn here in Python (no chart library, no network at view time).
Every text that comes from the data goes through ``escape``; each chart has a <title> and <desc>
for screen readers, and marks states by shape and text as well as colour (black-and-white print)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup, escape

# State colours (fill) and the mark drawn at the due date, readable without colour.
STATE_STYLE: dict[str, tuple[str, str]] = {
    "overdue": ("#c0392b", "✕"),
    "due_soon": ("#d68910", "▲"),
    "upcoming": ("#7f8c8d", "○"),
    "done": ("#1e8449", "●"),
    "done_late": ("#6c3483", "◆"),
    "skipped": ("#95a5a6", "–"),
    "continuous": ("#2471a3", "∞"),
    "undated": ("#117a65", "◇"),
}


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _d(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "không có hạn"


def timeline(lines: list[dict[str, Any]], year: int, as_of: dt.date, labels: dict[str, str]) -> Markup:
    """The year's tasks: one line per task, each occurrence's window as a bar, its due date marked by
    the state's sign, and today's line."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    days = (last - first).days + 1
    left, width, row_h, top = 64, 880, 26, 30
    height = top + row_h * max(len(lines), 1) + 16

    def x(day: dt.date) -> float:
        day = min(max(day, first), last + dt.timedelta(days=1))
        return left + (day - first).days / days * width

    out = [
        f'<svg class="timeline" role="img" aria-labelledby="tl-title tl-desc" viewBox="0 0 {left + width + 20} '
        f'{height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="tl-title">Tiến độ các nhiệm vụ năm {year}</title>',
        f'<desc id="tl-desc">Mỗi dòng là một nhiệm vụ; thanh là khoảng thời gian của từng kỳ, ký hiệu ở hạn '
        f"cho biết trạng thái; đường dọc đỏ là ngày {_d(as_of)}.</desc>",
    ]
    for month in range(1, 13):
        mx = x(dt.date(year, month, 1))
        out.append(
            f'<line x1="{_f(mx)}" y1="{top - 8}" x2="{_f(mx)}" y2="{height - 10}" class="grid"/>'
            f'<text x="{_f(mx + 3)}" y="{top - 12}" class="tick">T{month}</text>'
        )
    for i, line in enumerate(lines):
        y = top + i * row_h
        out.append(f'<g class="task"><text x="4" y="{y + 17}" class="task-id">{escape(line["id"])}</text>')
        if not line["occurrences"]:
            out.append(f'<text x="{left + 4}" y="{y + 17}" class="na">không áp dụng năm này</text>')
        for occ in line["occurrences"]:
            colour, mark = STATE_STYLE.get(occ["state"], ("#7f8c8d", "?"))
            x1, x2 = x(occ["start"]), x(occ["end"] + dt.timedelta(days=1))
            tip = f"{line['id']} – {occ['label']}: hạn {_d(occ['due'])}, {occ['state_label']}" + (
                f", hoàn thành {_d(occ['completed'])}" if occ.get("completed") else ""
            )
            dash = ' stroke-dasharray="4 3"' if occ["due"] is None else ""
            out.append(
                f'<g class="occ state-{escape(occ["state"])}"><title>{escape(tip)}</title>'
                f'<rect x="{_f(x1)}" y="{y + 6}" width="{_f(max(x2 - x1, 2))}" height="14" rx="2" '
                f'fill="{colour}" fill-opacity="0.18" stroke="{colour}"{dash}/>'
            )
            if occ["due"] is not None:
                dx = x(occ["due"])
                out.append(
                    f'<text x="{_f(dx)}" y="{y + 18}" text-anchor="middle" class="mark" '
                    f'style="fill:{colour}">{mark}</text>'
                )
            else:
                out.append(
                    f'<text x="{_f(x1 + 6)}" y="{y + 17}" class="mark-text" style="fill:{colour}">'
                    f"{mark} {escape(occ['state_label'])}</text>"
                )
            out.append("</g>")
        out.append("</g>")
    if first <= as_of <= last:
        tx = x(as_of)
        out.append(
            f'<line x1="{_f(tx)}" y1="{top - 6}" x2="{_f(tx)}" y2="{height - 10}" class="today"/>'
            f'<text x="{_f(tx + 3)}" y="{height - 2}" class="today-label">Hôm nay {as_of:%d/%m}</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))


def timeline_legend(labels: dict[str, str]) -> Markup:
    items = "".join(
        f'<li><span class="mark" style="color:{c}" aria-hidden="true">{m}</span> {escape(labels[s])}</li>'
        for s, (c, m) in STATE_STYLE.items()
        if s in labels
    )
    return Markup(f'<ul class="legend">{items}</ul>')


def score_bars(score: dict[str, Any]) -> Markup:
    """The score by criteria group (share of the group's maximum) against each level's required
    share, and the total against each level's minimum total."""
    left, width, row_h, top = 230, 560, 34, 24
    rows = [
        (
            g["id"] + ". " + (g["name"] or ""),
            g["points"],
            g["max"],
            [(n["level"], n["share"]) for n in g["needs"] if n["share"]],
        )
        for g in score["groups"]
    ]
    rows.append(
        (
            "Tổng điểm",
            score["total"],
            score["max_total"],
            [
                (lv["level"], lv["min_total"] / score["max_total"])
                for lv in score["levels"]
                if score["max_total"] and lv["min_total"]
            ],
        )
    )
    height = top + row_h * len(rows) + 10
    out = [
        f'<svg class="score-chart" role="img" aria-labelledby="sc-title sc-desc" viewBox="0 0 {left + width + 90} '
        f'{height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        '<title id="sc-title">Điểm theo nhóm tiêu chí so với ngưỡng các mức</title>',
        '<desc id="sc-desc">Thanh: tỷ lệ điểm đạt được trên điểm tối đa của nhóm; vạch đứng M1, M2…: tỷ lệ '
        "tối thiểu mỗi mức yêu cầu.</desc>",
    ]
    for pct in (0, 25, 50, 75, 100):
        gx = left + width * pct / 100
        out.append(
            f'<line x1="{_f(gx)}" y1="{top - 6}" x2="{_f(gx)}" y2="{height - 8}" class="grid"/>'
            f'<text x="{_f(gx)}" y="{top - 10}" text-anchor="middle" class="tick">{pct}%</text>'
        )
    for i, (name, points, most, needs) in enumerate(rows):
        y = top + i * row_h
        share = points / most if most else 0.0
        label = name if len(name) <= 34 else name[:33] + "…"
        out.append(
            f"<g><title>{escape(name)}: {_f(points)}/{_f(most)} điểm</title>"
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" class="bar-label">{escape(label)}</text>'
            f'<rect x="{left}" y="{y + 4}" width="{_f(width)}" height="16" class="bar-bg"/>'
            f'<rect x="{left}" y="{y + 4}" width="{_f(width * min(share, 1.0))}" height="16" class="bar"/>'
            f'<text x="{left + width + 6}" y="{y + 17}" class="bar-value">{_f(points)}/{_f(most)}</text>'
        )
        for level, need in needs:
            nx = left + width * min(need, 1.0)
            out.append(
                f'<line x1="{_f(nx)}" y1="{y + 1}" x2="{_f(nx)}" y2="{y + 23}" class="need"/>'
                f'<text x="{_f(nx)}" y="{y + 32}" text-anchor="middle" class="need-label">M{level}</text>'
            )
        out.append("</g>")
    out.append("</svg>")
    return Markup("".join(out))


def level_chart(data: list[dict[str, Any]]) -> Markup:
    """Per level: communes that target it (hatched) beside communes that reached it (solid)."""
    left, top, plot_h, group_w = 40, 20, 160, 120
    most = max([1, *(d["targeted"] for d in data), *(d["reached"] for d in data)])
    width = left + group_w * len(data) + 20
    height = top + plot_h + 46
    base = top + plot_h

    def bar(x: float, n: int, cls: str, what: str, label: str) -> str:
        h = plot_h * n / most
        return (
            f'<g><title>{escape(label)}: {n} {what}</title><rect x="{_f(x)}" y="{_f(base - h)}" width="36" '
            f'height="{_f(h)}" class="{cls}"/><text x="{_f(x + 18)}" y="{_f(base - h - 4)}" '
            f'text-anchor="middle" class="bar-value">{n}</text></g>'
        )

    out = [
        f'<svg class="level-chart" role="img" aria-labelledby="lv-title lv-desc" viewBox="0 0 {width} {height}" '
        f'width="{width}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="lv-title">Số xã, phường theo mức mục tiêu và mức đạt được</title>',
        '<desc id="lv-desc">Mỗi mức có hai cột: cột gạch chéo là số đơn vị đặt mục tiêu mức đó, cột đặc là số '
        "đơn vị đạt mức đó theo điểm tự chấm.</desc>",
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#d6eaf8"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#1f618d" stroke-width="2"/></pattern></defs>',
        f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" class="axis"/>',
    ]
    for i, d in enumerate(data):
        gx = left + 10 + i * group_w
        if d["label"] != "Chưa đạt mức nào":
            out.append(bar(gx, d["targeted"], "targeted", "đơn vị đặt mục tiêu", d["label"]))
        out.append(bar(gx + 40, d["reached"], "reached", "đơn vị đạt", d["label"]))
        out.append(
            f'<text x="{_f(gx + 38)}" y="{base + 16}" text-anchor="middle" class="tick">{escape(d["label"])}</text>'
        )
    out.append(
        f'<g class="chart-legend"><rect x="{left}" y="{height - 18}" width="14" height="12" class="targeted"/>'
        f'<text x="{left + 18}" y="{height - 8}" class="tick">Mục tiêu</text>'
        f'<rect x="{left + 100}" y="{height - 18}" width="14" height="12" class="reached"/>'
        f'<text x="{left + 118}" y="{height - 8}" class="tick">Đạt được</text></g>'
    )
    out.append("</svg>")
    return Markup("".join(out))
