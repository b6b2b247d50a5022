"""The compiled models (model/compiled.py) against pydantic, the source of truth: the same objects
and the same errors from the cached core schemas as from the pydantic classes, on the shipped plan
and on broken files written the ways offices break them; and the cache itself (first run, stale,
corrupt or foreign files)."""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from ctt_cli.model import compiled as compiled_module
from ctt_cli.model import methods
from ctt_cli.model.compiled import MODELS, Compiled, build, compiled
from ctt_cli.model.kinds import KINDS, kind_of
from ctt_cli.model.light import Light, light_class, pydantic_class
from ctt_cli.yamlio import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "plans").rglob("*.yaml"))


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Compiled:
    return compiled("test-fingerprint", tmp_path_factory.mktemp("code"))


def tree_of(path: Path) -> Any:
    source, problems = parse_yaml(path.read_bytes(), str(path), path)
    assert source is not None, problems
    return source.tree


def both(models: Compiled, kind: str, data: Any) -> tuple[Any, Any]:
    """(light result or errors, pydantic result or errors) for the same input."""
    out = []
    for validate in (lambda d: models.validate(kind, d), KINDS[kind].model.model_validate):
        try:
            out.append(validate(copy.deepcopy(data)))
        except ValidationError as exc:
            out.append([_comparable(e) for e in exc.errors(include_url=False)])
    return out[0], out[1]


def _comparable(error: Any) -> Any:
    """An error with its ``ctx`` exception (compared by identity) as its type and text."""
    ctx = {k: (type(v).__name__, str(v)) if isinstance(v, Exception) else v for k, v in error.get("ctx", {}).items()}
    return {**error, "ctx": ctx}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_files_give_the_same_objects(models: Compiled, path: Path) -> None:
    kind = kind_of(str(path.relative_to(ROOT)))
    assert kind is not None
    light, real = both(models, kind.name, tree_of(path))
    assert isinstance(light, Light) and isinstance(real, BaseModel)
    assert light == real and real == light
    assert light.model_dump(mode="json") == real.model_dump(mode="json")
    assert light.model_dump(exclude_defaults=True, by_alias=True) == real.model_dump(
        exclude_defaults=True, by_alias=True
    )
    assert repr(light) == repr(real)


PLAN = ROOT / "plans" / "le-thanh-nghi"


FILES = {"progress": "progress/2026", "scores": "scores/2026", "reports": "reports/2026"}


def _broken(name: str, change: Any) -> tuple[str, Any]:
    data = tree_of(PLAN / f"{FILES.get(name, name)}.yaml")
    change(data)
    return name, data


def _set(path: tuple, value: Any) -> Any:
    def change(data: Any) -> None:
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return change


def _drop(path: tuple) -> Any:
    def change(data: Any) -> None:
        node = data
        for step in path[:-1]:
            node = node[step]
        del node[path[-1]]

    return change


def _then(*changes: Any) -> Any:
    def change(data: Any) -> None:
        for one in changes:
            one(data)

    return change


BROKEN = [
    # a required key left out, a typo in a key (nested), a number where text belongs
    _broken("plan", _drop(("signature",))),
    _broken("plan", _set(("document", "plase"), "Lê Thanh Nghị")),
    _broken("plan", _set(("ward",), 2026)),
    # a date that is not a date, a year before the start, a period that ends before it starts
    _broken("plan", _set(("document", "date"), "30/02/2026")),
    _broken("plan", _set(("period",), {"start": 2026, "end": 2025})),
    _broken("plan", _set(("settings", "tone_style"), "moi")),
    _broken("plan", _set(("body",), [])),
    _broken("plan", _set(("body", 0, "children"), [{"units": ["phong-vhxh"]}])),
    # tasks: the wrap validator (deadline/lead missing beside another error), bad ids, group defaults
    _broken("tasks", _set(("tasks", 0), {"id": "T1", "text": ""})),
    _broken("tasks", _set(("tasks", 1, "lead"), [["a"]])),
    _broken("tasks", _then(_set(("tasks", 2, "from_year"), 2027), _set(("tasks", 2, "until_year"), 2026))),
    _broken(  # the group gives the deadline, nobody gives the lead
        "tasks",
        _then(
            _set(("groups",), [{"id": "nhom-1", "title": "I. Nhóm", "deadline": "Quý I"}]),
            _set(("tasks", 0), {"id": "T01", "group": "nhom-1", "text": "Tuyên truyền trên loa"}),
        ),
    ),
    _broken("units", _set(("units",), [])),
    _broken("units", _set(("units", 0, "kind"), "phòng")),
    _broken("documents", _set(("documents", 0, "number"), "5049/QĐ UBND")),
    _broken("progress", _set(("records", 0, "state"), "không thực hiện")),
    _broken("progress", _set(("records", 0, "evidence"), [{"document": "a", "text": "b"}])),
    _broken("scores", _set(("scores", 0, "self"), True)),
    _broken("scores", _set(("scores", 0, "passed"), True)),
    _broken("reports", _set(("report",), {"number": 0, "date": "2025-12-31"})),
]


@pytest.mark.parametrize("kind, data", [(k, d) for k, d in BROKEN])
def test_broken_files_give_the_same_errors(models: Compiled, kind: str, data: Any) -> None:
    light, real = both(models, kind, data)
    assert isinstance(real, list), "the broken input must really be broken"
    assert light == real


def test_a_criteria_set_with_a_wrong_column_gives_the_same_error(models: Compiled) -> None:
    data = tree_of(ROOT / "plans" / "criteria" / "qd-5049-minh-hoa.yaml")
    data["decides"] = "manager"
    light, real = both(models, "criteria", data)
    assert isinstance(real, list) and light == real


def test_unknown_key_hints_name_the_fields_of_the_right_model(models: Compiled, tmp_path: Path) -> None:
    from ctt_cli.workspace.schema_errors import validate_model

    text = (PLAN / "tasks.yaml").read_text(encoding="utf-8").replace("    deadline:", "    dealine:", 1)
    source, _ = parse_yaml(text.encode("utf-8"), "tasks.yaml", tmp_path / "tasks.yaml")
    assert source is not None
    _, findings = validate_model(source, "tasks", models)
    hints = [f.hint for f in findings if f.code == "E202"]
    assert hints == ["có phải 'deadline'?"]
    task_fields = models.fields[MODELS["tasks"].replace("TasksFile", "Task")]
    assert list(task_fields) == list(pydantic_class("ctt_cli.model.tasks:Task").model_fields)


def test_light_objects_are_frozen_picklable_and_hashable(models: Compiled) -> None:
    plan = models.validate("plan", tree_of(PLAN / "plan.yaml"))
    with pytest.raises(AttributeError):
        plan.ward = "Phường khác"
    assert pickle.loads(pickle.dumps(plan)) == plan
    assert copy.deepcopy(plan) == plan
    assert hash(plan.period) == hash(models.validate("plan", tree_of(PLAN / "plan.yaml")).period)
    assert plan.objective(plan.period.start) is not None or not plan.objectives
    assert (
        plan.model_fields_set
        == pydantic_class(MODELS["plan"]).model_validate(tree_of(PLAN / "plan.yaml")).model_fields_set
    )


def test_every_model_mixes_in_its_methods_and_nothing_else() -> None:
    seen: set[str] = set()
    for kind in KINDS.values():
        todo = [kind.model]
        while todo:
            cls = todo.pop()
            if cls.__name__ in seen:
                continue
            seen.add(cls.__name__)
            plain = [b for b in cls.__bases__ if not issubclass(b, BaseModel)]
            expected = getattr(methods, f"{cls.__name__}Methods", None)
            assert plain == ([expected] if expected else []), cls
            assert light_class(f"{cls.__module__}:{cls.__qualname__}").__mro__[1] is (expected or Light)
            for info in cls.model_fields.values():
                from ctt_cli.model.common import inner_model

                inner = inner_model(info.annotation)
                if inner is not None:
                    todo.append(inner)
    mixins = {n.removesuffix("Methods") for n in vars(methods) if n.endswith("Methods") and n != "Methods"}
    assert mixins <= seen


def test_the_cache_is_built_once_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real_build = compiled_module.build
    monkeypatch.setattr(compiled_module, "build", lambda: calls.append(1) or real_build())
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    compiled("fp-1", tmp_path)
    files = list(tmp_path.glob("models-*.pickle"))
    assert calls == [1] and len(files) == 1
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    compiled("fp-1", tmp_path)
    assert calls == [1]  # read, not rebuilt
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    compiled("fp-2", tmp_path)  # ctt's code changed: another file
    assert calls == [1, 1] and len(list(tmp_path.glob("models-*.pickle"))) == 2


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle",
        pickle.dumps(({}, {}))[:-3],
        # a file that names code outside the model's plain modules is refused, never run
        b"cos\nsystem\n(S'echo pwned > /dev/null'\ntR.",
        b"cbuiltins\neval\n(S'1'\ntR.",
        b"cbuiltins\ngetattr\n(cbuiltins\nlist\nS'__subclasses__'\ntR.",
        # a name the plain modules import (the datetime module, pydantic-core's error) is not theirs
        b"cctt_cli.model.methods\ndt\n.",
        b"cctt_cli.model.methods\nValidationError\n.",
        b"cctt_cli.model.methods\nPlanMethods.__init__\n.",
    ],
    ids=["empty", "garbage", "truncated", "os-system", "eval", "getattr", "module", "imported", "dunder"],
)
def test_a_bad_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    with pytest.raises(Exception):  # noqa: B017 - refused or unreadable, whichever applies
        compiled_module._loads(content)
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    compiled("fp-bad", tmp_path)
    (path,) = tmp_path.glob("models-*.pickle")
    path.write_bytes(content)
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    models = compiled("fp-bad", tmp_path)
    assert models.validate("units", tree_of(PLAN / "units.yaml")).units
    assert path.read_bytes() == build()


def test_without_a_folder_the_models_are_compiled_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    models = compiled("fp-none", None)
    assert models.validate("units", tree_of(PLAN / "units.yaml")).units


def _imports_of_a_cold_validate(env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], str]:
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('PYDANTIC_MAIN', 'pydantic.main' in sys.modules, file=sys.stderr))\n"
        "from ctt_cli.app import main\n"
        "sys.argv = ['ctt', 'validate', 'plans/le-thanh-nghi']\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    return run, run.stderr


def test_a_cold_validate_with_compiled_models_does_not_load_pydantic(tmp_path: Path) -> None:
    env = {**os.environ, "CTT_NO_CACHE": "1", "CTT_CACHE_DIR": str(tmp_path)}
    env.pop("CTT_NO_CODE_CACHE", None)
    first, first_err = _imports_of_a_cold_validate(env)  # a fresh install: builds them, correctly
    second, second_err = _imports_of_a_cold_validate(env)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout and "W409" in first.stdout and "0 lỗi" in first_err
    assert "PYDANTIC_MAIN True" in first_err and "PYDANTIC_MAIN False" in second_err
    assert list((tmp_path / "code").glob("models-*.pickle"))
    assert not list(tmp_path.glob("*.json"))  # CTT_NO_CACHE: no data cache written


def test_files_of_old_code_are_pruned_after_a_week(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, recent = tmp_path / "models-old.pickle", tmp_path / "models-recent.pickle"
    for path, age_days in ((old, 8), (recent, 2)):
        path.write_bytes(b"x")
        then = path.stat().st_mtime - age_days * 24 * 3600
        os.utime(path, (then, then))
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    compiled("fp-prune", tmp_path)
    assert not old.exists() and recent.exists() and len(list(tmp_path.glob("models-*.pickle"))) == 2


def test_the_models_are_built_from_the_fingerprinted_packages_only() -> None:
    code = (
        "import sys\n"
        "from ctt_cli.model.compiled import build\n"
        "build()\n"
        "print(sorted(m for m in sys.modules if m.startswith('ctt_cli.')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    used = {name.split(".")[1] for name in eval(run.stdout)}
    assert used <= set(compiled_module.SOURCES) | {"digest", "fsutil", "settings"}, used  # compiled.py's own helpers


def test_the_code_key_follows_the_model_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = compiled_module.code_key()
    assert compiled_module.code_key() == before
    methods_file = Path(methods.__file__)
    info = methods_file.stat()
    try:
        os.utime(methods_file, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
        assert compiled_module.code_key() != before
    finally:
        os.utime(methods_file, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert compiled_module.code_key() == before


def test_schemas_that_cannot_be_compiled_fall_back_to_pydantic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, models: Compiled
) -> None:
    # a pydantic whose core schemas name a function outside ctt's plain modules: refused when pickling
    def foreign(self: Any, obj: Any) -> Any:
        if callable(obj) and getattr(obj, "__name__", "") == "appendix_columns":
            raise pickle.PicklingError("a compiled model may not refer to it")
        return NotImplemented

    monkeypatch.setattr(compiled_module._Pickler, "reducer_override", foreign)
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    monkeypatch.delenv("CTT_DEBUG", raising=False)
    direct = compiled("fp-foreign", tmp_path)
    assert not list(tmp_path.glob("models-*.pickle"))  # nothing kept: the next run tries again
    for kind in ("plan", "tasks"):
        data = tree_of(PLAN / f"{kind}.yaml")
        real = direct.validate(kind, data)
        assert isinstance(real, BaseModel) and real == models.validate(kind, data)
    assert direct.fields == models.fields
    monkeypatch.setenv("CTT_DEBUG", "1")
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    with pytest.raises(pickle.PicklingError):
        compiled("fp-foreign", tmp_path)


def test_a_cache_folder_that_cannot_be_written_compiles_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setattr(compiled_module, "_MEMO", {})
    models = compiled("fp-readonly", blocker / "code")
    assert models.validate("units", tree_of(PLAN / "units.yaml")).units
    env = {**os.environ, "CTT_NO_CACHE": "1", "CTT_CACHE_DIR": str(blocker)}
    run, _ = _imports_of_a_cold_validate(env)
    assert run.returncode == 0 and "W409" in run.stdout
