"""ctt new-year: the next year's progress and scores files, from the plan."""

from __future__ import annotations

from typing import Annotated

import typer

from ctt_cli.commands.common import PathsArg, load_checked, write_or_exit


def new_year(
    year: Annotated[int, typer.Argument(metavar="NĂM", min=2000, max=2100, help="Năm cần tạo, ví dụ 2027.")],
    paths: PathsArg = None,
) -> None:
    """Tạo progress/NĂM.yaml và scores/NĂM.yaml cho từng kế hoạch.

    Tiến độ liệt kê mọi kỳ thực hiện của năm với trạng thái 'chưa thực hiện'; bảng điểm liệt kê mọi
    tiêu chí lá là 'chưa chấm' và điền sẵn mức độ đăng ký theo mục tiêu của kế hoạch.
    Không bao giờ ghi đè tệp đã có.

    Ví dụ: ctt new-year 2027
    """
    from ctt_cli.output import note
    from ctt_cli.scaffold import new_year_files

    wards = load_checked(paths)
    for ward in wards:
        for folder, text in new_year_files(ward, year).items():
            path = ward.root / folder / f"{year}.yaml"
            if path.exists():
                note(f"đã có {path}, giữ nguyên")
                continue
            write_or_exit(path, text.encode("utf-8"))
            note(f"đã tạo {path}")
    wards.finish()
