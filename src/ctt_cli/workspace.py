"""Building a Ward (one plan folder) and a Workspace (one or more), from disk or from a git revision.

A ward folder holds::

    plan.yaml  units.yaml  documents.yaml  tasks.yaml     (required)
    progress/2026.yaml  scores/2026.yaml  reports/2026.yaml (one per year, optional)

and the plan names its criteria set by a path relative to the folder. Loading
never raises on bad data: each file that fails leaves its model as None and
adds positioned findings; checks then run on whatever did load.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ctt_cli.filekinds import KINDS, REQUIRED, YEARLY
from ctt_cli.findings import Finding, Severity
from ctt_cli.model.criteria import CriteriaSet
from ctt_cli.model.documents import CitedDocument
from ctt_cli.model.errors import validate_model
from ctt_cli.model.plan import Plan
from ctt_cli.model.progress import ProgressFile
from ctt_cli.model.report import ReportFile
from ctt_cli.model.scores import ScoresFile
from ctt_cli.model.tasks import Task, TasksFile
from ctt_cli.model.units import Unit
from ctt_cli.paths import DiskReader, display_path, find_roots
from ctt_cli.yamlio import Source

_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


@dataclass
class Ward:
    root: Path
    display: str
    sources: dict[str, Source] = field(default_factory=dict)
    models: dict[str, Any] = field(default_factory=dict)
    yearly: dict[str, dict[int, Any]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    # --- the files, typed -------------------------------------------------
    @property
    def plan(self) -> Plan | None:
        return self.models.get("plan")

    @property
    def units(self) -> list[Unit]:
        f = self.models.get("units")
        return list(f.units) if f else []

    @property
    def documents(self) -> list[CitedDocument]:
        f = self.models.get("documents")
        return list(f.documents) if f else []

    @property
    def tasks_file(self) -> TasksFile | None:
        return self.models.get("tasks")

    @property
    def tasks(self) -> list[Task]:
        f = self.tasks_file
        return list(f.tasks) if f else []

    @property
    def name(self) -> str:
        return self.plan.ward if self.plan else self.root.name

    def unit(self, unit_id: str) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None)

    def task(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def year_files(self, folder: str) -> dict[int, Any]:
        return self.yearly.get(folder, {})

    def yearly_items(self, folder: str):
        """(year, model, source) for each loaded YYYY.yaml file of a folder."""
        for year, model in sorted(self.year_files(folder).items()):
            source = self.sources.get(f"{folder}/{year}")
            if source is not None:
                yield year, model, source

    def progress(self, year: int) -> ProgressFile | None:
        return self.year_files("progress").get(year)

    def scores(self, year: int) -> ScoresFile | None:
        return self.year_files("scores").get(year)

    def report(self, year: int) -> ReportFile | None:
        return self.year_files("reports").get(year)

    @property
    def criteria(self) -> CriteriaSet | None:
        return self.models.get("criteria")

    def source(self, key: str) -> Source | None:
        return self.sources.get(key)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def load_file(ward: Ward, key: str, path: Path, model: Any, reader: Any = None) -> Any:
    source, findings = (reader or DiskReader()).read_yaml(path, display_path(path))
    ward.findings.extend(findings)
    if source is None:
        return None
    ward.sources[key] = source
    obj, findings = validate_model(source, model)
    ward.findings.extend(findings)
    if obj is not None:
        ward.models[key] = obj
    return obj


def load_ward(root: Path, reader: Any = None, criteria_cache: dict | None = None) -> Ward:
    """Load every file of one ward folder; never raises on bad data."""
    reader = reader or DiskReader()
    ward = Ward(root=root, display=display_path(root))
    for key in REQUIRED:
        load_file(ward, key, root / f"{key}.yaml", KINDS[key].model, reader)
    plan = ward.plan
    if plan and plan.criteria_set:
        path = Path(os.path.normpath(root / plan.criteria_set))
        if reader.is_file(path):
            if criteria_cache is not None and isinstance(reader, DiskReader):
                stat = path.stat()
                path_key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
            else:
                path_key = path
            cached = criteria_cache.get(path_key) if criteria_cache is not None else None
            if cached is None:
                load_file(ward, "criteria", path, CriteriaSet, reader)
                if criteria_cache is not None and "criteria" in ward.models:
                    criteria_cache[path_key] = (ward.sources["criteria"], ward.models["criteria"])
            else:
                ward.sources["criteria"], ward.models["criteria"] = cached
        else:
            src = ward.sources["plan"]
            ward.findings.append(src.finding("E108", f"không tìm thấy tệp bộ tiêu chí '{plan.criteria_set}'",
                                             ("criteria_set",)))
    for folder in YEARLY:
        directory = root / folder
        if not reader.is_dir(directory):
            continue
        for name in reader.listdir(directory):
            match = _YEAR_FILE.match(name)
            if not match:
                continue
            year = int(match.group(1))
            obj = load_file(ward, f"{folder}/{year}", directory / name, KINDS[folder].model, reader)
            if obj is not None:
                ward.yearly.setdefault(folder, {})[year] = obj
    return ward


@dataclass
class Workspace:
    wards: list[Ward]
    findings: list[Finding]  # problems not tied to one ward (a path that holds no plan)


def load_workspace(paths: list[Path], reader: Any = None) -> Workspace:
    reader = reader or DiskReader()
    roots, missing = find_roots(paths, reader)
    cache: dict = {}
    return Workspace([load_ward(root, reader, cache) for root in roots], missing)
