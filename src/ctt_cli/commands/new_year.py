"""ctt new-year: the next year's progress and scores files, from the plan."""

from __future__ import annotations

from typing import Annotated

import typer

from ctt_cli.commands.common import usable_wards, write_or_exit
from ctt_cli.commands.options import YEAR_MAX, YEAR_MIN, PathsArg


def new_year(
    year: Annotated[int, typer.Argument(metavar="NĂM", min=YEAR_MIN, max=YEAR_MAX, help="Năm cần tạo, ví dụ 2027.")],
    paths: PathsArg = None,
) -> None:
    """Tạo progress/NĂM.yaml, scores/NĂM.yaml và reports/NĂM.yaml cho từng kế hoạch.

    Tiến độ liệt kê mọi kỳ thực hiện của năm với trạng thái 'chưa thực hiện', kèm chú thích nội dung
    nhiệm vụ và hạn, và nhắc lại việc năm trước chưa xong; bảng điểm liệt kê mọi tiêu chí lá là
    'chưa chấm' và điền sẵn mức độ đăng ký theo mục tiêu của kế hoạch; báo cáo điền sẵn nơi gửi.
    Không bao giờ ghi đè tệp đã có.

    Ví dụ: ctt new-year 2027
    """
    from ctt_cli.scaffold.year import new_year_files
    from ctt_cli.views.console import note

    wards = usable_wards(paths)
    for ward in wards:
        for folder, text in new_year_files(ward, year).items():
            path = ward.root / folder / f"{year}.yaml"
            if path.exists():
                note(f"đã có {path}, giữ nguyên")
                continue
            write_or_exit(path, text.encode("utf-8"))
            note(f"đã tạo {path}")
    wards.finish()
