"""ctt import: a ward's existing Word plan becomes its data folder in one command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands.options import AsOf, today


def import_(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="TỆP", help="Kế hoạch của phường: .docx (hoặc .doc, .odt nếu có LibreOffice).", show_default=False
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="THƯ_MỤC", help=("Thư mục kế hoạch sẽ ghi. Mặc định: plans/<tên phường không dấu>.")
        ),
    ] = None,
    ward_id: Annotated[
        str | None, typer.Option("--id", metavar="MÃ", help=("Mã kế hoạch (plan.id). Mặc định: tên thư mục."))
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=("Ghi đè dữ liệu đã có trong thư mục (in các thay đổi như ctt diff)."))
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="TỆP",
            help=("Ghi báo cáo nhập (Markdown): đoạn nào vào đâu, đoạn nào không chuyển được và vì sao."),
        ),
    ] = None,
    schemas: Annotated[
        Path | None,
        typer.Option(
            "--schemas", metavar="THƯ_MỤC", help=("Thư mục lược đồ JSON: ghi dòng lược đồ cho VS Code ở đầu mỗi tệp.")
        ),
    ] = None,
    as_of: AsOf = None,
) -> None:
    """Nhập kế hoạch Word (.docx) của phường thành dữ liệu ctt trong một lệnh.

    Đọc khối tiêu đề (bảng hoặc dòng tab), tên loại và trích yếu, các dòng 'Căn cứ'/'Thực hiện'
    (văn bản được trích dẫn vào documents.yaml), các mục đánh số (gõ tay hoặc đánh số tự động
    của Word), mục tiêu, nơi nhận, chữ ký, bảng phụ lục nhiệm vụ và nhiệm vụ viết trong lời văn
    ('- Thời gian hoàn thành: …', '- Đơn vị chủ trì: …'). Ghi plan.yaml, units.yaml,
    documents.yaml, tasks.yaml theo bố cục của ctt fmt, rồi kiểm tra như ctt validate.
    Mọi đoạn văn, ô bảng không chuyển được được liệt kê kèm vị trí (--report).

    Ví dụ: ctt import ke-hoach-phuong.docx -o plans/hoa-binh --report nhap.md
    """
    import re

    from ctt_cli.commands.common import write_or_exit
    from ctt_cli.importer.convert import ImportError_, read_plan
    from ctt_cli.importer.files import criteria_sets, file_texts
    from ctt_cli.importer.outline import NotAPlan
    from ctt_cli.importer.report import report_text, summary_lines
    from ctt_cli.importer.to_yaml import PlanMapper, ward_name
    from ctt_cli.model.layout import REQUIRED
    from ctt_cli.scaffold.files import slug
    from ctt_cli.views.console import error, note

    try:
        structure = read_plan(file)
    except NotAPlan as exc:
        if exc.found:
            error(
                f"{file}: đây không phải kế hoạch: tên loại văn bản là '{exc.found}'. ctt import chỉ nhận "
                "Kế hoạch (dòng 'KẾ HOẠCH' dưới khối tiêu đề)."
            )
        else:
            error(
                f"{file}: tệp không chứa kế hoạch nào: không có dòng tên loại văn bản 'KẾ HOẠCH' dưới khối "
                "tiêu đề (cơ quan ban hành, số, ngày). Kiểm tra lại có đúng tệp kế hoạch không."
            )
        raise typer.Exit(1) from None
    except ImportError_ as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    ward = ward_name(structure)
    place = re.sub(r"^(Phường|Xã|Thị trấn|Đặc khu)\s+", "", ward)
    folder = out or Path("plans") / slug(place)
    plan_id = ward_id or slug(folder.resolve().name)
    existing = [folder / f"{k}.yaml" for k in REQUIRED if (folder / f"{k}.yaml").exists()]
    if existing and not force:
        error(
            f"{folder} đã có dữ liệu kế hoạch ({', '.join(p.name for p in existing)}); ctt import không ghi đè. "
            "Dùng --force để ghi đè (các thay đổi sẽ được in ra)."
        )
        raise typer.Exit(1)
    old = _load(folder) if existing else None
    imported = PlanMapper(structure, plan_id, criteria_sets(folder)).run()
    texts = file_texts(imported, folder, schemas)
    for kind, text in texts.items():
        write_or_exit(
            folder / f"{kind}.yaml", text.encode("utf-8"), replace_input=force
        )  # --force: the old ward, replaced
    if schemas is not None:  # as ctt init: the schemas the files point at, when missing
        from ctt_cli.model.jsonschema import schema_texts

        for name, text in schema_texts().items():
            if not (schemas / name).exists():
                write_or_exit(schemas / name, text.encode("utf-8"))
    note(f"Đã nhập {file.name} vào {folder} ({imported.ward}): {', '.join(f'{k}.yaml' for k in texts)}")
    for line in summary_lines(imported.ledger):
        note(line)
    if report is not None:
        write_or_exit(report, report_text(imported.ledger, file.name, str(folder)).encode("utf-8"))
        note(f"Báo cáo nhập: {report}")
    elif imported.ledger.notes:
        note(f"{len(imported.ledger.notes)} điểm cần kiểm tra bằng tay: chạy lại với --report TỆP để xem.")
    if old is not None:
        _print_changes(old, _load(folder))
    _validate(folder, as_of)


def _load(folder: Path):
    from ctt_cli.workspace.pipeline import load_paths

    wards, _ = load_paths([folder])
    return wards[0] if wards else None


def _print_changes(old, new) -> None:
    import datetime as dt

    from ctt_cli.diff.semantic import diff_wards
    from ctt_cli.diff.words import describe
    from ctt_cli.views.console import note

    changes = diff_wards(old, new, order=False)
    if not changes:
        note("So với dữ liệu cũ: không có thay đổi về nội dung.")
        return
    note(f"So với dữ liệu cũ ({len(changes)} thay đổi):")
    year = dt.date.today().year
    for change in changes:
        note(f"  - {describe(change, old, new, year)}")


def _validate(folder: Path, as_of) -> None:
    from ctt_cli.views.console import note, print_findings, summary_line
    from ctt_cli.workspace.pipeline import Options, check_paths

    checked = check_paths([folder], Options(today(as_of), use_cache=False))
    for result in checked:
        print_findings(result.findings, "text", result.texts)
        note(f"Kiểm tra {result.display} ({result.name}): {summary_line(result.findings)}")
    errors, _ = checked.counts()
    if errors:
        note("Dữ liệu nhập còn lỗi: sửa theo các dòng trên rồi chạy ctt validate.")
        raise typer.Exit(1)
