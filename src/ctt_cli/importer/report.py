"""The import report: every paragraph and cell of the source is either carried into the data
(with where it went) or listed with its position and why it was not."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Entry:
    pos: str
    text: str
    where: str  # "plan.body[2].children[0].title", or the reason it was not carried


@dataclass
class Ledger:
    carried: list[Entry] = field(default_factory=list)
    not_carried: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # guesses to check by hand
    numbers: dict[str, int] = field(default_factory=dict)

    def carry(self, para, where: str) -> None:
        if para is not None and para.text:
            self.carried.append(Entry(para.pos, para.text, where))

    def drop(self, pos: str, text: str, why: str) -> None:
        if text and text.strip():
            self.not_carried.append(Entry(pos, text, why))

    def note(self, text: str) -> None:
        self.notes.append(text)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def summary_lines(ledger: Ledger) -> list[str]:
    """The few lines printed on stderr after an import."""
    n = ledger.numbers
    out = [
        f"Đã đọc: {n.get('sections', 0)} mục, {n.get('tasks', 0)} nhiệm vụ ({n.get('prose_tasks', 0)} từ lời văn), "
        f"{n.get('units', 0)} đơn vị, {n.get('documents', 0)} văn bản được trích dẫn, "
        f"{n.get('recipients', 0)} nơi nhận.",
        f"Đoạn văn và ô bảng: {len(ledger.carried)} đã chuyển vào dữ liệu, "
        f"{len(ledger.not_carried)} không chuyển được (xem báo cáo).",
    ]
    out += [f"  - {e.pos}: {_short(e.text, 60)} ({e.where})" for e in ledger.not_carried[:5]]
    if len(ledger.not_carried) > 5:
        out.append(f"  … và {len(ledger.not_carried) - 5} mục khác")
    return out


def report_text(ledger: Ledger, source: str, folder: str) -> str:
    """The whole report, in Markdown."""
    out = [f"# Báo cáo nhập kế hoạch từ {source}", "", f"Thư mục dữ liệu: `{folder}`", ""]
    out += ["## Tóm tắt", "", *(f"- {line.strip()}" for line in summary_lines(ledger)[:2]), ""]
    out += ["## Cần kiểm tra bằng tay", ""]
    out += [f"- {n}" for n in ledger.notes] or ["- (không có)"]
    out += ["", "## Không chuyển được vào dữ liệu", ""]
    if ledger.not_carried:
        out += ["| Vị trí | Nội dung | Lý do |", "|---|---|---|"]
        out += [f"| {e.pos} | {_short(e.text).replace('|', '/')} | {e.where} |" for e in ledger.not_carried]
    else:
        out.append("Mọi đoạn văn và ô bảng có chữ đều đã được chuyển vào dữ liệu.")
    out += ["", "## Đã chuyển vào dữ liệu", "", "| Vị trí | Nội dung | Vào |", "|---|---|---|"]
    out += [f"| {e.pos} | {_short(e.text, 60).replace('|', '/')} | `{e.where}` |" for e in ledger.carried]
    return "\n".join(out) + "\n"
