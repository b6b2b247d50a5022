"""ctt record: one task occurrence's progress written into progress/YYYY.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ctt_cli.commands.options import PathsArg, Year, parse_day


def record(
    task: Annotated[str, typer.Argument(metavar="NHIỆM_VỤ", help="Mã nhiệm vụ, ví dụ T05.")],
    year: Year,
    state: Annotated[
        str,
        typer.Option(
            "--state",
            "-s",
            metavar="TRẠNG_THÁI",
            help=("hoàn thành | đang thực hiện | không thực hiện | chưa thực hiện (viết hoa, không dấu đều được)."),
        ),
    ],
    paths: PathsArg = None,
    date: Annotated[
        dt.date | None,
        typer.Option("--date", metavar="NGÀY", parser=parse_day, help="Ngày hoàn thành, dạng 13/11/2026."),
    ] = None,
    evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--evidence",
            "-e",
            help=(
                "Chứng cứ: số hiệu văn bản ('120/BC-UBND ngày 13/11/2026'), mã văn bản trong documents.yaml, "
                "hoặc mô tả; lặp lại để ghi nhiều chứng cứ."
            ),
        ),
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Lý do (bắt buộc khi 'không thực hiện').")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Ghi chú.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Người / đơn vị báo cáo.")] = None,
    occurrence: Annotated[
        str | None,
        typer.Option(
            "--occurrence",
            metavar="KỲ",
            help=("Kỳ thực hiện khi nhiệm vụ có nhiều kỳ trong năm: 2026-Q1, 2026-H2, 2026-03."),
        ),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes", help=("Thêm văn bản được dẫn làm chứng cứ vào documents.yaml khi chưa có, không hỏi lại.")
        ),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ cho xem thay đổi, không ghi.")] = False,
) -> None:
    """Ghi tiến độ một nhiệm vụ vào progress/NĂM.yaml (kiểm tra trước khi ghi, giữ nguyên chú thích).

    Ví dụ: ctt record T05 --year 2026 --state "hoàn thành" --date 13/11/2026 --evidence "120/BC-UBND ngày 13/11/2026"
    """
    from ctt_cli.commands.score_sheet import _one_ward, _write_checked
    from ctt_cli.record import Entry, RecordError, apply_record, choose_occurrence, parse_state
    from ctt_cli.schedule import task_occurrences
    from ctt_cli.views.console import error
    from ctt_cli.views.console import note as say
    from ctt_cli.yamlio import roundtrip

    ward = _one_ward(paths, need_criteria=False)
    found = ward.task(task.strip().upper())
    if found is None:
        error(f"không có nhiệm vụ '{task}' trong tasks.yaml")
        raise typer.Exit(1)
    evidence, also = _registry(ward, evidence, yes, say) if evidence else (evidence, {})
    try:
        keys = [(o.key, o.label) for o in task_occurrences(ward.plan, [found], year).get(found.id, [])]
        entry = Entry(
            found.id,
            parse_state(state),
            choose_occurrence(found.id, keys, occurrence, year),
            date,
            evidence,
            reason,
            note,
            by,
        )
        path = ward.root / "progress" / f"{year}.yaml"
        text = path.read_text(encoding="utf-8") if path.is_file() else f"year: {year}\nrecords:\n"
        tree = roundtrip.load(text)
        ids = {d.id for d in ward.documents} | set(_new_ids(also))
        changes = apply_record(tree, entry, year, ids)
    except RecordError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    _write_checked(
        ward,
        path,
        text if path.is_file() else "",
        roundtrip.dump(tree),
        changes,
        dry_run,
        {p: t for p, (t, _) in also.items()},
    )


def _new_ids(also) -> list[str]:
    return [i for _, ids in also.values() for i in ids]


def _registry(ward, evidence: list[str], yes: bool, say):
    """Evidence citations in the registry form: a document of documents.yaml by its id; a cited document
    not there yet is added (with --yes, or when the clerk confirms at a terminal), else kept as 'ref'.
    Returns the evidence list and {documents.yaml: (new text, new ids)} when documents are added."""
    import sys

    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from ctt_cli.record import cited_document
    from ctt_cli.yamlio import roundtrip
    from ctt_cli.yamlio.common import DateText

    path = ward.root / "documents.yaml"
    text = path.read_text(encoding="utf-8") if path.is_file() else "documents:\n"
    tree, added, out = None, [], []
    known = list(ward.documents)
    for item in evidence:
        doc_id, new = cited_document(item, known)
        if doc_id:
            out.append(doc_id)
            continue
        if new is None:
            out.append(item)
            continue
        ask = f"Thêm {new.kind} số {new.number} ngày {new.date:%d/%m/%Y} vào documents.yaml (mã {new.id})?"
        if not (yes or (sys.stdin.isatty() and typer.confirm(ask, default=True))):
            say(f"'{item}' ghi dạng ref; dùng --yes để thêm văn bản vào documents.yaml")
            out.append(item)
            continue
        if tree is None:
            tree = roundtrip.load(text)
            if tree.get("documents") is None:
                tree["documents"] = CommentedSeq()
        tree["documents"].append(
            CommentedMap(
                [
                    ("id", new.id),
                    ("kind", new.kind),
                    ("number", new.number),
                    ("date", DateText(new.date.isoformat()) if new.date else None),
                ]
            )
        )
        added.append(new.id)
        known.append(new)
        out.append(new.id)
        say(f"thêm vào documents.yaml: {new.id} ({new.kind} số {new.number})")
    return out, ({path: (roundtrip.dump(tree), added)} if tree is not None else {})
