"""The site's files: the city page, one page per commune, the rendered documents and the assets.
HTML comes from jinja2 templates with autoescape on; every file is written atomically."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ctt_cli.explain.labels import STATE_LABELS
from ctt_cli.fsutil import _sigterm_unwinds, write_atomic
from ctt_cli.site import charts
from ctt_cli.site.build import KINDS, WARD_STATES, city_counts, level_chart_data, revive
from ctt_cli.vn.words import vn_date, vn_number

HERE = Path(__file__).resolve().parent
WRITERS = 8
ASSETS = ("site.css", "site.js")


@dataclass
class SiteResult:
    out: Path
    pages: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    size: int = 0


def _env():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        num=lambda x: "" if x is None else vn_number(x), day=vn_date, dmy=lambda d: f"{d:%d/%m/%Y}" if d else ""
    )
    return env


def _unique_ids(pages: list[dict[str, Any]]) -> None:
    seen: dict[str, int] = {}
    for page in pages:
        base = page["id"] if page["id"] not in ("index", "assets") else page["id"] + "-phuong"
        n = seen.get(base, 0)
        seen[base] = n + 1
        page["id"] = base if n == 0 else f"{base}-{n + 1}"


def _pdfs(docs: list[Path]) -> dict[Path, Path]:
    """The .docx files converted by LibreOffice beside them (one soffice run per ward), by source;
    empty when soffice is absent or fails."""
    soffice = shutil.which("soffice")
    if not soffice or not docs:
        return {}
    with tempfile.TemporaryDirectory() as profile:
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(docs[0].parent),
                    *map(str, docs),
                ],
                capture_output=True,
                timeout=300,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return {}
    return {d: d.with_suffix(".pdf") for d in docs if d.with_suffix(".pdf").is_file()}


def _done(pending: list[Future]) -> None:
    """Wait for the writes so far; the first one that failed raises its WriteError."""
    for future in pending:
        future.result()
    pending.clear()


def write_site(
    pages: list[dict[str, Any]],
    out: Path,
    year: int,
    as_of: dt.date,
    *,
    pdf: bool = False,
    missing: list[str] | None = None,
    reports: list[dict[str, Any]] | None = None,
) -> SiteResult:
    """Write index.html, <ward-id>.html, <ward-id>/<document>.docx (and .pdf) and assets/ under ``out``;
    ``reports`` (label, file, data): the city's own files (the Sở's report), linked from index.html."""
    env = _env()
    result = SiteResult(out)
    pages = [revive(p) for p in pages]
    _unique_ids(pages)
    pages = sorted(pages, key=lambda p: p["name"])
    any_illustrative = any(p["illustrative"] for p in pages)
    common: dict[str, Any] = {
        "year": year,
        "as_of": as_of,
        "ward_states": WARD_STATES,
        "kinds": KINDS,
        "state_order": {k: i for i, k in enumerate(WARD_STATES)},
        "state_labels": {s.value: label for s, label in STATE_LABELS.items()},
    }

    # every file written atomically (fsync'd) by a few threads: fsync waits for the disk, not the CPU,
    # and a city's 500 files written one after the other took seconds (bench/README.md). SIGTERM
    # unwinds the main thread as in write_atomic: the writes under way finish, no temp file is left.
    pending: list[Future] = []
    with _sigterm_unwinds(), ThreadPoolExecutor(WRITERS) as writer:
        for page in pages:
            written = {}
            for doc in page["documents"]:
                doc["href"] = doc["pdf"] = ""
                if doc.get("data"):
                    path = out / page["id"] / doc["file"]
                    pending.append(writer.submit(write_atomic, path, doc["data"]))
                    result.documents.append(path)
                    doc["href"] = f"{page['id']}/{doc['file']}"
                    written[path] = doc
                doc.pop("data", None)
            if pdf:  # LibreOffice reads the written documents
                _done(pending)
            for docx, made in (_pdfs(list(written)) if pdf else {}).items():
                result.documents.append(made)
                written[docx]["pdf"] = f"{page['id']}/{made.name}"
            html = env.get_template("ward.html.j2").render(
                **common,
                page=page,
                illustrative=page["illustrative"],
                timeline=charts.timeline(page["timeline"], year, as_of, common["state_labels"]),
                legend=charts.timeline_legend(common["state_labels"]),
                score_chart=charts.score_bars(page["score"]) if page["score"] else "",
            )
            path = out / f"{page['id']}.html"
            pending.append(writer.submit(write_atomic, path, html.encode("utf-8")))
            result.pages.append(path)

        links = []
        for report in reports or []:
            path = out / report["file"]
            pending.append(writer.submit(write_atomic, path, report["data"]))
            result.documents.append(path)
            links.append({"label": report["label"], "file": report["file"], "href": report["file"]})
        city_docx = [d for d in result.documents if d.parent == out and d.suffix == ".docx"]
        if pdf:
            _done(pending)
        for made in (_pdfs(city_docx) if pdf else {}).values():
            result.documents.append(made)
            links.append({"label": "Báo cáo tổng hợp (PDF)", "file": made.name, "href": made.name})
        html = env.get_template("index.html.j2").render(
            reports=links,
            **common,
            pages=pages,
            counts=city_counts(pages),
            illustrative=any_illustrative,
            missing=missing or [],
            level_chart=charts.level_chart(level_chart_data(pages)),
        )
        index = out / "index.html"
        pending.append(writer.submit(write_atomic, index, html.encode("utf-8")))
        result.pages.insert(0, index)
        for name in ASSETS:
            pending.append(writer.submit(write_atomic, out / "assets" / name, (HERE / "static" / name).read_bytes()))
        _done(pending)
    result.size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return result
