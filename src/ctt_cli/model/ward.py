"""A ward: one plan folder's files as typed models, with the sources they were read from.

``Ward`` is what loading gives: any file may have failed (its model is then None and the
loading findings say why). ``CheckedWard`` is the form the views and documents take: the
plan, units, documents and tasks are all present.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ctt_cli.findings import Finding, Severity
from ctt_cli.model.compiled import MODELS
from ctt_cli.model.layout import Needs
from ctt_cli.model.light import blank as light_blank

if TYPE_CHECKING:  # the model layer does not import the YAML reader at run time
    # the pydantic classes, for the types: loaded files are their light forms (model/compiled.py)
    from ctt_cli.model.criteria import CriteriaSet
    from ctt_cli.model.documents import CitedDocument, DocumentsFile
    from ctt_cli.model.plan import Plan
    from ctt_cli.model.progress import ProgressFile
    from ctt_cli.model.report import ReportFile
    from ctt_cli.model.scores import ScoresFile
    from ctt_cli.model.tasks import Task, TasksFile
    from ctt_cli.model.units import Unit, UnitsFile
    from ctt_cli.yamlio import Source


# A plain class, not a dataclass: defining one costs a cold start ~0.6 ms (bench/README.md,
# "Issue 18: value classes"). _FIELDS: what ``checked`` carries over.
_FIELDS = (
    "root",
    "display",
    "plan",
    "units_file",
    "documents_file",
    "tasks_file",
    "criteria",
    "progress_files",
    "scores_files",
    "report_files",
    "sources",
    "findings",
)


class Ward:
    def __init__(
        self,
        root: Path,
        display: str,
        plan: Plan | None = None,
        units_file: UnitsFile | None = None,
        documents_file: DocumentsFile | None = None,
        tasks_file: TasksFile | None = None,
        criteria: CriteriaSet | None = None,
        progress_files: dict[int, ProgressFile] | None = None,
        scores_files: dict[int, ScoresFile] | None = None,
        report_files: dict[int, ReportFile] | None = None,
        sources: dict[str, Source] | None = None,
        findings: list[Finding] | None = None,
    ) -> None:
        self.root = root
        self.display = display
        self.plan = plan
        self.units_file = units_file
        self.documents_file = documents_file
        self.tasks_file = tasks_file
        self.criteria = criteria
        self.progress_files: dict[int, ProgressFile] = {} if progress_files is None else progress_files
        self.scores_files: dict[int, ScoresFile] = {} if scores_files is None else scores_files
        self.report_files: dict[int, ReportFile] = {} if report_files is None else report_files
        # by file key: "plan", "progress/2026", ...
        self.sources: dict[str, Source] = {} if sources is None else sources
        self.findings: list[Finding] = [] if findings is None else findings  # from loading (syntax and schema)

    # --- the files, typed -------------------------------------------------
    @property
    def units(self) -> list[Unit]:
        return list(self.units_file.units) if self.units_file else []

    @property
    def documents(self) -> list[CitedDocument]:
        return list(self.documents_file.documents) if self.documents_file else []

    @property
    def tasks(self) -> list[Task]:
        return list(self.tasks_file.tasks) if self.tasks_file else []

    @property
    def name(self) -> str:
        return self.plan.ward if self.plan else self.root.name

    def tasks_in(self, year: int) -> list[Task]:
        """The tasks that are part of the plan in ``year`` (an amended plan adds and retires tasks)."""
        return [t for t in self.tasks if t.applies(year)]

    def unit(self, unit_id: str) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None)

    def task(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def loaded(self, key: str) -> bool:
        """Whether the file of this kind ("units", "documents", ...) loaded without errors."""
        return self.file(key) is not None

    def file(self, key: str) -> Any:
        """The model of one file by its key ("plan", "tasks", "progress/2026", ...), or None."""
        if "/" in key:
            folder, year = key.split("/", 1)
            return self.year_files(folder).get(int(year)) if year.isdigit() else None
        return {
            "plan": self.plan,
            "units": self.units_file,
            "documents": self.documents_file,
            "tasks": self.tasks_file,
            "criteria": self.criteria,
        }.get(key)

    def loaded_files(self) -> dict[str, Any]:
        """Every file that loaded, by key ("plan", ..., "progress/2026"), as its model."""
        out = {k: m for k in ("plan", "units", "documents", "tasks", "criteria") if (m := self.file(k)) is not None}
        for folder in ("progress", "scores", "reports"):
            out.update({f"{folder}/{y}": m for y, m in self.year_files(folder).items()})
        return out

    def year_files(self, folder: str) -> dict[int, Any]:
        """The loaded YYYY.yaml files of a yearly folder ("progress", "scores", "reports")."""
        files: dict[str, dict[int, Any]] = {
            "progress": self.progress_files,
            "scores": self.scores_files,
            "reports": self.report_files,
        }
        return files.get(folder, {})

    def yearly_items(self, folder: str) -> Iterator[tuple[int, Any, Source]]:
        """(year, model, source) for each loaded YYYY.yaml file of a folder."""
        for year, model in sorted(self.year_files(folder).items()):
            source = self.sources.get(f"{folder}/{year}")
            if source is not None:
                yield year, model, source

    def progress(self, year: int) -> ProgressFile | None:
        return self.progress_files.get(year)

    def scores(self, year: int) -> ScoresFile | None:
        return self.scores_files.get(year)

    def report(self, year: int) -> ReportFile | None:
        return self.report_files.get(year)

    def source(self, key: str) -> Source | None:
        return self.sources.get(key)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    def checked(self) -> CheckedWard | None:
        """The same ward with its four required files known present, or None when one is missing."""
        if self.plan is None or self.units_file is None or self.documents_file is None or self.tasks_file is None:
            return None
        return CheckedWard(**{name: getattr(self, name) for name in _FIELDS})

    def checked_without(self, needs: Needs | None) -> CheckedWard | None:
        """The ward for a command that needs only some files (``needs``): a required file it does not
        need and that failed to load stands empty; None when a needed one is missing."""
        if needs is None:
            return self.checked()
        empty: dict[str, Any] = {}
        for key, attr, blank in (
            ("plan", "plan", None),
            ("units", "units_file", light_blank(MODELS["units"], units=[])),
            ("documents", "documents_file", light_blank(MODELS["documents"], documents=[])),
            ("tasks", "tasks_file", _empty_tasks()),
        ):
            if getattr(self, attr) is None:
                if needs.covers(key) or blank is None:
                    return None
                empty[attr] = blank
        values = {name: getattr(self, name) for name in _FIELDS}
        return CheckedWard(**{**values, **empty})


def _empty_tasks() -> Any:
    """An empty tasks.yaml (what ``TasksFile()`` gives), in the light form."""
    return light_blank(MODELS["tasks"], appendix=None, appendices=[], groups=[], tasks=[])


class CheckedWard(Ward):
    """A ward whose plan, units, documents and tasks all loaded: what views and documents need."""

    # always set: built only by Ward.checked() and Ward.checked_without()
    plan: Plan
    units_file: UnitsFile
    documents_file: DocumentsFile
    tasks_file: TasksFile
