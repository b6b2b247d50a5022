#!/usr/bin/env python3
"""Render page 1 of every document type (and the plan's appendix page) to PNG for the README.

    .venv/bin/python tools/page_images.py [OUT_DIR]     (default: docs/)

Each document is rendered by `ctt render` from the shipped ward, converted to PDF by
LibreOffice (one run, its own profile) and its page turned into a PNG by pdftoppm.
Needs soffice and pdftoppm (poppler-utils).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ctt_cli.fsutil import write_atomic  # noqa: E402

WARD = ROOT / "plans" / "le-thanh-nghi"
DPI = 80
# output name -> (`ctt render` arguments, page to show)
IMAGES = {
    "ke-hoach-trang-1": (["plan"], 1),
    "ke-hoach-phu-luc": (["plan"], 0),  # 0: the appendix's first (landscape) page
    "bao-cao-trang-1": (["report", "-y", "2026", "--as-of", "2026-12-15"], 1),
    "tu-danh-gia-trang-1": (["assessment", "-y", "2026"], 1),
    "dang-ky-trang-1": (["registration", "-y", "2027"], 1),
    "so-ket-trang-1": (["review", "--from", "2026", "--to", "2027", "--as-of", "2027-12-20"], 1),
    "ke-hoach-nam-trang-1": (["year-plan", "-y", "2027"], 1),
}


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    missing = [tool for tool in ("soffice", "pdftoppm", "pdfinfo") if shutil.which(tool) is None]
    if missing:
        print(f"thiếu chương trình: {', '.join(missing)} (cài LibreOffice và poppler-utils)", file=sys.stderr)
        return 1
    env = {**os.environ, "CTT_NO_CACHE": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs: dict[tuple[str, ...], str] = {}  # one document for the images that show it
        for args, _ in IMAGES.values():
            if tuple(args) in docs:
                continue
            docs[tuple(args)] = stem = f"van-ban-{len(docs) + 1}"
            subprocess.run(
                [sys.executable, "-m", "ctt_cli", "render", *args, str(WARD), "-o", str(work / f"{stem}.docx")],
                check=True,
                env=env,
                capture_output=True,
            )
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                *sorted(map(str, work.glob("*.docx"))),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for name, (args, page) in IMAGES.items():
            pdf = work / f"{docs[tuple(args)]}.pdf"
            page = page if page > 0 else first_landscape_page(pdf)
            prefix = work / name
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    str(DPI),
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(pdf),
                    str(prefix),
                ],
                check=True,
            )
            write_atomic(out / f"{name}.png", prefix.with_suffix(".png").read_bytes())
            print(out / f"{name}.png")
    return 0


def first_landscape_page(pdf: Path) -> int:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    for line in info.splitlines():
        if line.startswith("Page") and " size:" in line:
            number = int(line.split()[1])
            width, height = float(line.split()[3]), float(line.split()[5])
            if width > height:
                return number
    return 1


if __name__ == "__main__":
    sys.exit(main())
