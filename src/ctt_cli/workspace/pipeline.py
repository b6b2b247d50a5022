"""The one pipeline every command uses: paths → ward folders → each file read and hashed once →
cache lookup → models → named checks → results. It never prints and never exits; the commands
choose what to print and the exit code.

A cache hit answers ``validate`` without loading any model. Commands that need the models
(status, score, render…) parse the very bytes already read for the cache key. With many wards
the work is spread over worker processes (``parallel.map_wards``); ``then`` runs in the worker on
each loaded ward, so a city-wide view sends back rows, not models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ctt_cli.findings import Finding, Severity, count
from ctt_cli.fsutil import display_path
from ctt_cli.workspace import cache
from ctt_cli.workspace.discover import find_roots, ward_files
from ctt_cli.workspace.identity import report_same_plan_id
from ctt_cli.workspace.parallel import map_wards
from ctt_cli.workspace.readers import DiskReader, MemoReader, Reader, SharedFiles

if TYPE_CHECKING:
    from ctt_cli.model.ward import CheckedWard, Ward

# The model classes (pydantic builds them at import, ~85 ms) and the checks are imported only when a
# ward must really be loaded: a cache hit of `ctt validate` never pays for them (bench/README.md).


class WardResult:
    """One ward folder after the pipeline: its findings (loading and checks), the file texts for
    source excerpts, the loaded ward when the command asked for models, and ``value``, what
    ``then`` computed from it. (Plain classes here and below, not dataclasses: defining one costs
    a cold start ~0.4 ms; bench/README.md, "Issue 18: value classes".)"""

    def __init__(
        self,
        root: Path,
        display: str,
        name: str,
        findings: list[Finding],
        texts: Mapping[str, str],
        ward: Ward | None = None,
        value: Any = None,
        ignored: list[Finding] | None = None,
    ) -> None:
        self.root = root
        self.display = display
        self.name = name
        self.findings = findings
        self.texts = texts
        self.ward = ward
        self.value = value
        self.ignored: list[Finding] = [] if ignored is None else ignored  # warnings suppressed with a reason

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def checked(self) -> CheckedWard | None:
        """The ward ready for views and documents: loaded, and without errors."""
        if self.ward is None or self.errors:
            return None
        return self.ward.checked()


class Checked:
    """Everything a command gets back: one result per ward folder, and the problems not tied to a
    ward (a path that holds no plan)."""

    def __init__(self, results: list[WardResult], findings: list[Finding] | None = None) -> None:
        self.results = results
        self.findings: list[Finding] = [] if findings is None else findings

    def __iter__(self) -> Iterator[WardResult]:
        return iter(self.results)

    @property
    def all_findings(self) -> list[Finding]:
        return [*self.findings, *(f for r in self.results for f in r.findings)]

    @property
    def usable(self) -> list[CheckedWard]:
        """The wards without errors, ready for views and documents."""
        return [w for w in (r.checked for r in self.results) if w is not None]

    @property
    def ignored(self) -> list[Finding]:
        """The warnings suppressed with a reason (not in ``all_findings``)."""
        return [f for r in self.results for f in r.ignored]

    def counts(self) -> tuple[int, int]:
        return count(self.all_findings)


class Options(NamedTuple):
    as_of: dt.date
    only: tuple[str, ...] | None = None  # named checks; None = all
    use_cache: bool = True
    need_models: bool = False
    # computed from each ward in the worker; when it has a ``cache_tag`` (a str naming the view and
    # its parameters) and returns plain JSON data, its value is cached with the ward's findings
    then: Callable[[WardResult], Any] | None = None


class _Texts(Mapping[str, str]):
    """The files' texts by label, decoded only when a finding's excerpt asks for one (a warm run
    with no finding decodes nothing)."""

    def __init__(self, reader: MemoReader) -> None:
        self._raw = {reader.label(display_path(p)): b for p, b in reader.read.items() if isinstance(b, bytes)}
        self._done: dict[str, str] = {}

    def __getitem__(self, label: str) -> str:
        if label not in self._done:
            self._done[label] = self._raw[label].decode("utf-8", "replace")
        return self._done[label]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def _texts(reader: MemoReader) -> Mapping[str, str]:
    return _Texts(reader)


def check_ward(
    root: Path, options: Options, reader: Reader | None = None, shared: SharedFiles | None = None
) -> WardResult:
    """The pipeline for one ward folder (runs in a worker process for a city)."""

    memo = MemoReader(reader or DiskReader())
    use_cache = options.use_cache and not options.only and isinstance(memo.inner, DiskReader) and cache.enabled()
    own = ward_files(root, memo)
    context = options.as_of.isoformat()
    entry = cache.load_entry(root) if use_cache else None
    key = None
    if entry is not None:
        key = cache.content_key([*own, *(Path(p) for p in entry["extra"])], memo, context)
        if key != entry["key"]:
            entry = None
    tag = getattr(options.then, "cache_tag", None) if use_cache and not options.need_models else None
    if entry is not None and isinstance(tag, str) and tag in entry["views"]:
        # an unchanged ward whose view is cached: no model, no check, no view computed
        cached = WardResult(
            root,
            entry["display"] or display_path(root),
            entry["name"],
            [f for f in entry["findings"] if not f.ignored],
            {},
            None,
            entry["views"][tag],
        )
        cached.ignored = [f for f in entry["findings"] if f.ignored]
        return cached
    ward = None
    if entry is None or options.need_models or options.then:
        from ctt_cli.workspace.load import load_ward

        ward = load_ward(root, memo, shared)
    if entry is not None:
        findings, display, name = entry["findings"], entry["display"], entry["name"]
    else:
        from ctt_cli.checks.registry import run_checks

        assert ward is not None
        findings = run_checks(ward, options.as_of, options.only)
        display, name = ward.display, ward.name
    shown = [f for f in findings if not f.ignored]
    result = WardResult(root, display or display_path(root), name, shown, _texts(memo), ward)
    result.ignored = [f for f in findings if f.ignored]
    if options.then is not None:
        result.value = options.then(result)
        if not options.need_models:
            result.texts = {}  # the value is what a city view sends back, not the files
    if not options.need_models:
        result.ward = None  # a worker sends back findings and values, never models nobody asked for
    if use_cache and (entry is None or (isinstance(tag, str) and cache.keeps(result.value))):
        views = dict(entry["views"]) if entry is not None else {}
        if isinstance(tag, str) and cache.keeps(result.value):
            views[tag] = result.value
        if entry is None:
            inside = root.resolve()
            # every file read or looked for outside the folder (a missing criteria set too: restoring it
            # must change the key)
            extra = sorted({str(p) for p in [*memo.read, *memo.absent] if inside not in p.resolve().parents})
            key = cache.content_key([*own, *(Path(p) for p in extra)], memo, context)
        else:
            extra = entry["extra"]
        assert key is not None
        cache.store(root, key, extra, display, name, findings, views)
    return result


_SHARED = SharedFiles()  # per process: a worker parses the shared criteria set once for all its wards


def _check_root(root: Path, options: Options) -> WardResult:
    return check_ward(root, options, None, _SHARED)


def check_paths(paths: list[Path], options: Options, reader: Reader | None = None) -> Checked:
    """The pipeline over every ward folder under ``paths``; never raises on bad data."""
    roots, missing = find_roots(paths, reader)
    if options.use_cache and reader is None and cache.enabled():
        cache.code_fingerprint()  # once, before the workers fork
    if reader is not None or options.need_models:
        results = [
            _check_root(root, options) if reader is None else check_ward(root, options, reader) for root in roots
        ]
    else:
        results = map_wards(_check_root, roots, options)
    results = list(results)
    report_same_plan_id(results)
    return Checked(results, missing)


def load_paths(paths: list[Path], reader: Reader | None = None) -> tuple[list[Ward], list[Finding]]:
    """Only the loading half of the pipeline (no checks, no cache): the wards under ``paths`` as read
    by ``reader`` (a git revision for `ctt diff`), and the paths that hold none."""
    from ctt_cli.workspace.load import load_ward

    roots, missing = find_roots(paths, reader)
    shared = SharedFiles()
    return [load_ward(root, MemoReader(reader or DiskReader()), shared) for root in roots], missing
