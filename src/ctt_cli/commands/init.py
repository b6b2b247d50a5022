"""ctt init: a new ward's plan folder, ready to fill in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from ctt_cli.commands.options import ThisYearByDefault

PRE_COMMIT = """\
# pre-commit (https://pre-commit.com): kiểm tra và định dạng dữ liệu kế hoạch trước mỗi lần commit.
repos:
  - repo: local
    hooks:
      - id: ctt-validate
        name: ctt validate
        entry: ctt validate {plans}
        language: system
        pass_filenames: false
        files: ^{pattern}/.*\\.ya?ml$
      - id: ctt-fmt
        name: ctt fmt
        entry: ctt fmt {plans}
        language: system
        pass_filenames: false
        files: ^{pattern}/.*\\.ya?ml$
"""
GITIGNORE = """\
# Văn bản ctt xuất ra (ctt render ... ghi vào build/): tạo lại được từ dữ liệu, không đưa vào git.
build/
"""
CTT_TOML = """\
# Thư mục kế hoạch, để ctt tìm thấy khi chạy không ghi đường dẫn (từ bất kỳ thư mục con nào).
plans = "{plans}"
"""
GITATTRIBUTES = """\
# Dữ liệu kế hoạch luôn xuống dòng kiểu LF, kể cả khi sửa trên Windows (ctt fmt cũng đổi CRLF sang LF).
*.yaml text eol=lf
*.yml text eol=lf
# `git diff` hiện chữ của tệp Word sau khi chạy: git config diff.docx.textconv "ctt docx-text"
*.docx diff=docx
"""
WARD_README = """\
# {ward}

Kế hoạch "Chính quyền thân thiện" của {ward}, dưới dạng dữ liệu cho `ctt`.

| Tệp | Nội dung |
|---|---|
| `plan.yaml` | Thông tin văn bản, căn cứ, mục tiêu, các mục nội dung, nơi nhận, chữ ký |
| `tasks.yaml` | Phụ lục nhiệm vụ cụ thể (thời gian thực hiện ghi đúng nguyên văn) |
| `units.yaml` | Danh mục đơn vị: tên đầy đủ, tên ngắn, tên gọi khác |
| `documents.yaml` | Sổ văn bản được trích dẫn |
| `progress/NĂM.yaml` | Tiến độ từng năm (`ctt new-year NĂM` tạo khung) |
| `scores/NĂM.yaml` | Điểm tự chấm từng năm |

Việc cần làm tiếp: soạn lại các mục của `plan.yaml` cho phù hợp với {ward}, rà soát phụ lục
nhiệm vụ và danh mục đơn vị; khi văn bản được ký, điền `document.number`, `document.date` và
`signature.name`.

    ctt validate {path}
    ctt new-year {year} {path}
    ctt status --year {year} {path}
    ctt render plan {path}
"""


def init(
    folder: Annotated[Path, typer.Argument(metavar="THƯ_MỤC", help="Thư mục kế hoạch mới, ví dụ plans/an-lao.")],
    ward: Annotated[
        str,
        typer.Option(
            "--ward", help=("Tên đơn vị hành chính, ví dụ 'Xã An Lão', 'Phường Hòa Bình', 'Đặc khu Cát Hải'.")
        ),
    ],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="xa|phuong|dac-khu",
            help=("Loại đơn vị khi tên không bắt đầu bằng 'Xã', 'Phường' hoặc 'Đặc khu'."),
        ),
    ] = None,
    issuer: Annotated[
        str | None,
        typer.Option(
            "--issuer",
            help=(
                "Cơ quan ban hành: ubnd (mặc định), mttq (Ban Thường trực Ủy ban MTTQ), dang-uy (Đảng ủy), "
                "ban-chi-dao (Ban Chỉ đạo), hoặc tên đầy đủ của cơ quan."
            ),
        ),
    ] = None,
    header: Annotated[
        list[str] | None,
        typer.Option(
            "--header",
            help=("Một dòng tên cơ quan ở góc trái (lặp lại cho từng dòng); mặc định theo cơ quan ban hành."),
        ),
    ] = None,
    deputy: Annotated[
        bool,
        typer.Option(
            "--deputy", help=("Cấp phó ký thay: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' (hoặc 'KT. BÍ THƯ / PHÓ BÍ THƯ').")
        ),
    ] = False,
    start_from: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="THƯ_MỤC",
            help=(
                "Kế hoạch mẫu lấy phụ lục nhiệm vụ, đơn vị và văn bản cấp thành phố. "
                "Mặc định: kế hoạch Lê Thanh Nghị kèm theo ctt."
            ),
        ),
    ] = None,
    year: ThisYearByDefault = None,
    schemas: Annotated[
        Path | None,
        typer.Option(
            "--schemas",
            metavar="THƯ_MỤC",
            help=("Thư mục lược đồ JSON cho trình soạn thảo (tạo nếu chưa có). Mặc định: schemas/ ở --root."),
        ),
    ] = None,
    root: Annotated[
        Path | None,
        typer.Option(
            "--root",
            metavar="THƯ_MỤC",
            help=(
                "Gốc kho git: nơi ghi .pre-commit-config.yaml, .gitattributes, .gitignore nếu chưa có. Mặc định: "
                "thư mục đang đứng khi phường nằm bên dưới nó; nếu phường ở nơi khác thì thư mục chứa plans/ "
                "(hoặc chứa phường), không bao giờ ghi vào thư mục đang đứng."
            ),
        ),
    ] = None,
) -> None:
    """Tạo thư mục kế hoạch cho một xã, phường hoặc đặc khu mới, theo cùng cấu trúc dữ liệu.

    Lấy phụ lục nhiệm vụ, danh mục đơn vị và các văn bản cấp thành phố của kế hoạch mẫu làm
    điểm bắt đầu, viết lại theo loại đơn vị (xã/thôn, phường/tổ dân phố, đặc khu) và theo cơ quan
    ban hành (tiêu đề, ký hiệu, khối chữ ký); tham chiếu cùng bộ tiêu chí; ghi dòng lược đồ cho
    VS Code, README của đơn vị, và (nếu chưa có) .pre-commit-config.yaml, .gitattributes. Không ghi
    đè thư mục đã có dữ liệu. Kết quả kiểm tra được ngay, chỉ còn cảnh báo về những gì phải điền.

    Ví dụ: ctt init plans/an-lao --ward "Xã An Lão" --issuer mttq
    """
    import os
    import unicodedata

    from ctt_cli.commands.common import usable_wards, write_or_exit
    from ctt_cli.fsutil import WriteError, new_folder
    from ctt_cli.model.jsonschema import schema_texts
    from ctt_cli.scaffold.files import slug
    from ctt_cli.scaffold.ward import Starter, new_ward_files
    from ctt_cli.views.console import error, note
    from ctt_cli.vn.commune import WORDS, CommuneKind, IssuerKind, issuer_kind_of, kind_of_name

    ward = ward.strip()
    if not ward:
        error("--ward trống; ghi tên đơn vị, ví dụ --ward 'Xã An Lão'")
        raise typer.Exit(2)
    bad = next((ch for ch in ward if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")), None)
    if bad is not None:
        error(f"--ward có ký tự điều khiển U+{ord(bad):04X}; ghi tên đơn vị bằng chữ thường gặp")
        raise typer.Exit(2)
    if kind is not None and kind not in {k.value for k in CommuneKind}:
        error(f"--kind '{kind}' không hợp lệ; chọn một trong: xa, phuong, dac-khu")
        raise typer.Exit(2)
    commune = CommuneKind(kind) if kind else kind_of_name(ward)
    if commune is None:
        error(
            f"không biết '{ward}' là xã, phường hay đặc khu; ghi tên bắt đầu bằng 'Xã', 'Phường', "
            "'Đặc khu' hoặc dùng --kind xa|phuong|dac-khu"
        )
        raise typer.Exit(2)
    named = kind_of_name(ward)
    if named is not None and named != commune:
        error(f"'{ward}' là {WORDS[named].word}, khác --kind {kind}")
        raise typer.Exit(2)
    if named is None:
        ward = f"{WORDS[commune].title} {ward.strip()}"
    issuer_kind = (
        IssuerKind(issuer)
        if issuer in {k.value for k in IssuerKind}
        else (issuer_kind_of(issuer) if issuer else IssuerKind.UBND)
    )
    issuer_name = issuer if issuer and issuer not in {k.value for k in IssuerKind} else None
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        error(f"{folder} đã có và không phải thư mục; ctt init không ghi đè")
        raise typer.Exit(1)
    if folder.is_dir() and any(folder.iterdir()):
        error(f"{folder} đã có dữ liệu; ctt init không ghi đè")
        raise typer.Exit(1)
    if root is None:  # the current folder when the ward is below it; else beside the ward, never here
        holder = Path(os.path.normpath(folder.absolute().parent))
        below_here = Path.cwd() in (holder, *holder.parents)
        root = Path(".") if below_here else _shown(holder.parent if holder.name == "plans" else holder)
    schemas = schemas or root / "schemas"
    from ctt_cli.settings import shipped

    source = usable_wards([start_from or shipped("plans/le-thanh-nghi")])[0]
    criteria_rel = None
    writes: dict[Path, str] = {}
    if source.criteria is not None:
        # the wards of a repository share one criteria folder beside them; bring the set there
        criteria = source.sources["criteria"]
        shared = folder.parent / "criteria" / criteria.path.name
        if not shared.exists():
            writes[shared] = criteria.text
        criteria_rel = Path(os.path.relpath(shared, folder)).as_posix()
    starter = Starter(ward, commune, issuer_kind, issuer_name, tuple(header or ()), deputy)
    files = new_ward_files(
        source, starter, slug(folder.name), year or dt.date.today().year, criteria_rel, folder, schemas
    )
    own = {f"{key}.yaml": text for key, text in files.items()}
    own["README.md"] = WARD_README.format(ward=ward, path=folder, year=year or dt.date.today().year)
    for name, text in schema_texts().items():
        if not (schemas / name).exists():
            writes[schemas / name] = text
    writes.update(_repository_files(root, folder))
    # shared files first (each atomic, written only when missing: a re-run after an interruption skips
    # them), then the ward folder in one rename: it is complete or absent, never half-made
    for path, text in writes.items():
        write_or_exit(path, text.encode("utf-8"))
        note(f"đã tạo {path}")
    try:
        with new_folder(folder) as temp:
            for name, text in own.items():
                write_or_exit(temp / name, text.encode("utf-8"))
    except WriteError as exc:
        error(f"{exc}; ctt init không ghi đè")
        raise typer.Exit(1) from None
    for name in own:
        note(f"đã tạo {folder / name}")
    note(f"Xong. Tiếp theo: ctt validate {folder}")


def _repository_files(root: Path, folder: Path) -> dict[Path, str]:
    """The repository's own files, each only when absent (.gitignore: build/ added when missing):
    the pre-commit hooks check the folder the ward is actually in, and a ctt.toml names it when
    it is not plans/ at the root."""
    import os
    import re

    plans = Path(os.path.relpath(folder.resolve().parent, root.resolve())).as_posix()
    out: dict[Path, str] = {}
    hooks = PRE_COMMIT.format(plans=plans, pattern=re.escape(plans) if plans != "." else ".*")
    for name, text in ((".pre-commit-config.yaml", hooks), (".gitattributes", GITATTRIBUTES)):
        if not (root / name).exists():
            out[root / name] = text
    ignore = root / ".gitignore"
    if not ignore.exists():
        out[ignore] = GITIGNORE
    else:
        current = ignore.read_text(encoding="utf-8", errors="replace")
        if not any(line.strip() in ("build/", "build", "/build", "/build/") for line in current.splitlines()):
            out[ignore] = current + ("" if current.endswith("\n") or not current else "\n") + GITIGNORE
    if plans not in ("plans", ".") and not plans.startswith("..") and not (root / "ctt.toml").exists():
        out[root / "ctt.toml"] = CTT_TOML.format(plans=plans)
    return out


def _shown(path: Path) -> Path:
    """A folder as messages show it: relative to the current folder when it is below it."""
    from ctt_cli.fsutil import display_path

    return Path(display_path(path))
