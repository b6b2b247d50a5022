"""The file models compiled for a cold start: pydantic-core validators built from core schemas
cached across runs, validating into the light classes (``model/light.py``).

Pydantic stays the source of truth: the core schemas are what pydantic generates from the model
classes in ``model/<file>.py``. Generating them (and importing pydantic's model machinery to do
so) is most of a cold run's time, and it gives the same result until ctt's code changes; so the
schemas are pickled once per code fingerprint (ctt's modules, pydantic-core and Python versions)
with every class and function in them referred to by import path: the pydantic model classes
become their light classes, the validators and default factories are the plain functions of
``model/methods.py`` and ``model/tables.py``. A run then unpickles them (only those functions and a
few builtin types may be named: ``_Unpickler``) and builds ``pydantic_core.SchemaValidator``s directly.

A missing, stale or unreadable file is rebuilt from the pydantic models (the very first run of a
fresh install pays that once); with no place to keep it, the schemas are built in memory.
tests/model/test_compiled_models.py checks that both paths give the same objects and the same errors.
"""

from __future__ import annotations

# pickle's C classes themselves: the `pickle` module only re-exports them, and its own Python
# (the pure-Python pickler, kept as a fallback) costs ~1.3 ms to import on every cold start
import _pickle as pickle
import importlib.util
import inspect
import io
import os
import sys
import time
import types
from pathlib import Path
from typing import Any, NamedTuple

import pydantic_core

from ctt_cli import __version__, settings
from ctt_cli.digest import hexdigest
from ctt_cli.fsutil import WriteError, write_atomic
from ctt_cli.model.light import Light, _rebuild, classmethod_of, light_class, pydantic_class

FORMAT = 1

# The model of each kind of file, by path (the classes themselves import pydantic).
MODELS = {
    "plan": "ctt_cli.model.plan:Plan",
    "units": "ctt_cli.model.units:UnitsFile",
    "documents": "ctt_cli.model.documents:DocumentsFile",
    "tasks": "ctt_cli.model.tasks:TasksFile",
    "progress": "ctt_cli.model.progress:ProgressFile",
    "scores": "ctt_cli.model.scores:ScoresFile",
    "reports": "ctt_cli.model.report:ReportFile",
    "criteria": "ctt_cli.model.criteria:CriteriaSet",
}
# What a cached schema may name, and nothing else (``_Unpickler``): a few builtin types, the light
# classes' constructors, and the functions defined in the plain model modules (validators, factories).
_NAMES = {
    "builtins": {"list", "dict", "set", "frozenset", "tuple"},
    "datetime": {"date"},
    "ctt_cli.model.light": {"_rebuild", "light_class", "classmethod_of"},
}
_PLAIN = ("ctt_cli.model.methods", "ctt_cli.model.tables")


# model path → {field name → (its key in the file (the alias, if any), the path of the model inside it)}
Fields = dict[str, dict[str, tuple[str, "str | None"]]]


class Layout(NamedTuple):
    """One model's keys in their declared order and the models nested under them (what fmt's
    canonical order needs), from the compiled fields: no pydantic class imported."""

    fields: Fields
    path: str

    def children(self) -> list[tuple[str, Layout | None]]:
        return [(key, Layout(self.fields, inner) if inner else None) for key, inner in self.fields[self.path].values()]


class Compiled:
    """The validators of every kind of file, built on first use, and each model's fields."""

    def __init__(self, schemas: dict[str, tuple[Any, Any]], fields: Fields) -> None:
        self._schemas = schemas
        self._validators: dict[str, pydantic_core.SchemaValidator] = {}
        self.fields = fields

    def layout(self, kind: str) -> Layout:
        """The canonical key order of a file of this kind (fmt)."""
        return Layout(self.fields, MODELS[kind])

    def validate(self, kind: str, data: Any) -> Any:
        """The light model of ``data`` as a file of this kind; raises pydantic-core's ValidationError."""
        validator = self._validators.get(kind)
        if validator is None:
            schema, config = self._schemas[kind]
            validator = self._validators[kind] = pydantic_core.SchemaValidator(schema, config)
        return validator.validate_python(data)


def model_path(kind: str) -> str:
    return MODELS[kind]


_MEMO: dict[str, Compiled] = {}


# The ctt packages the model classes are built from (tests/model/test_compiled_models.py checks that they
# import nothing else of ctt): what the compiled schemas depend on, with pydantic and Python.
SOURCES = ("model", "vn")


def code_key() -> str:
    """The fingerprint of the code the compiled schemas come from: ctt's version, the size and time
    of each module of ``SOURCES``, the installed pydantic (without importing it)."""
    parts = [__version__]
    package = Path(__file__).resolve().parents[1]
    for name in SOURCES:
        for entry in sorted(os.scandir(package / name), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                info = entry.stat()
                parts.append(f"{name}/{entry.name}|{info.st_size}|{info.st_mtime_ns}")
    try:
        spec = importlib.util.find_spec("pydantic")
        origin = Path(spec.origin) if spec is not None and spec.origin else None
        version = os.stat(origin.parent / "version.py") if origin is not None else None
        parts.append(f"pydantic|{version.st_size}|{version.st_mtime_ns}" if version is not None else "pydantic|?")
    except (ImportError, OSError, ValueError):
        parts.append("pydantic|?")
    return hexdigest("\n".join(parts))


def compiled(fingerprint: str, folder: Path | None) -> Compiled:
    """The compiled models for this code (``fingerprint``), from ``folder`` when cached there."""
    key = hexdigest(f"{fingerprint}|{FORMAT}|{pydantic_core.__version__}|{sys.version}")[:24]
    found = _MEMO.get(key)
    if found is not None:
        return found
    path = folder / f"models-{key}.pickle" if folder is not None else None
    data = _read(path) if path is not None else None
    if data is None:
        try:
            raw = build()
            data = _loads(raw)
        except Exception:
            if settings.debug():
                raise
            found = _MEMO[key] = _Direct()  # correct, only slower: see _Direct
            return found
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, raw)
                _prune(path)
            except (OSError, WriteError):  # a cache folder that cannot be written: compiled in memory
                pass
    found = _MEMO[key] = Compiled(*data)
    return found


STALE_AFTER = 7 * 24 * 3600  # seconds: files of other code left this long are removed


def _prune(kept: Path) -> None:
    """Remove the files of earlier code (each edit of ctt makes a new one) not used for a week: another
    ctt installed beside this one keeps its file as long as it runs."""
    for other in kept.parent.glob("models-*.pickle"):
        try:
            if other != kept and kept.stat().st_mtime - other.stat().st_mtime > STALE_AFTER:
                other.unlink()
        except OSError:
            continue


def _read(path: Path) -> Any:
    try:
        data = _loads(path.read_bytes())
    except Exception:  # missing, truncated, from another version: rebuilt
        return None
    try:
        if time.time() - path.stat().st_mtime > STALE_AFTER / 2:
            os.utime(path)  # in use: not pruned by another ctt
    except OSError:
        pass
    return data


class _Unpickler(pickle.Unpickler):
    """Refuses every name but those of ``_NAMES`` and the functions ``_PLAIN`` modules define (a
    method of a ``…Methods`` class included): a tampered file cannot reach anything else to call."""

    def find_class(self, module: str, name: str) -> Any:
        if name in _NAMES.get(module, ()):
            return super().find_class(module, name)
        parts = name.split(".")
        if module in _PLAIN and len(parts) <= 2 and not any(p.startswith("__") for p in parts):
            found = super().find_class(module, name)
            owner = super().find_class(module, parts[0])
            if inspect.isfunction(found) and getattr(owner, "__module__", None) == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a compiled model file")
        return super().find_class(module, name)


def _loads(raw: bytes) -> Any:
    data = _Unpickler(io.BytesIO(raw)).load()
    schemas, fields = data
    return schemas, fields


# --- building (imports pydantic and the model classes) ------------------------------------------


def build() -> bytes:
    """The pickled core schemas and fields of every kind of file, from the pydantic models."""
    schemas: dict[str, tuple[Any, Any]] = {}
    for kind, path in MODELS.items():
        model = pydantic_class(path)
        model.model_rebuild()
        schema = _strip(model.__pydantic_core_schema__)
        schemas[kind] = (schema, _top_config(schema))
    out = io.BytesIO()
    _Pickler(out, protocol=5).dump((schemas, _fields()))
    return out.getvalue()


def _fields() -> Fields:
    """Every model class's fields (by name: the key in the file and the model nested in it)."""
    from ctt_cli.model.common import inner_model  # pydantic's model machinery: only when building

    classes: dict[str, Any] = {}
    for path in MODELS.values():
        _collect(pydantic_class(path), classes, inner_model)
    fields: Fields = {}
    for path, cls in classes.items():
        names: dict[str, tuple[str, str | None]] = {}
        for name, info in cls.model_fields.items():
            inner = inner_model(info.annotation)
            names[name] = (info.alias or name, _path(inner) if inner is not None else None)
        fields[path] = names
    return fields


class _Direct(Compiled):
    """The pydantic classes themselves, for a pydantic whose core schemas cannot be compiled (they
    name code outside ctt's plain model modules): slower, the same results, pydantic instances."""

    def __init__(self) -> None:
        super().__init__({}, _fields())

    def validate(self, kind: str, data: Any) -> Any:
        return pydantic_class(MODELS[kind]).model_validate(data)


def _path(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _collect(model: Any, classes: dict[str, Any], inner_model: Any) -> None:
    path = _path(model)
    if path in classes:
        return
    classes[path] = model
    for info in model.model_fields.values():
        inner = inner_model(info.annotation)
        if inner is not None:
            _collect(inner, classes, inner_model)


def _strip(node: Any) -> Any:
    """The schema without its ``metadata`` (JSON-schema hooks that name pydantic's own functions)."""
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k != "metadata"}
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def _top_config(schema: Any) -> Any:
    """The core config of the outermost model (pydantic passes it to SchemaValidator beside the schema)."""
    todo = [schema]
    while todo:
        node = todo.pop(0)
        if isinstance(node, dict):
            if node.get("type") == "model":
                return node.get("config")
            todo.extend(v for k, v in node.items() if k in ("schema", "definitions") or isinstance(v, (dict, list)))
        elif isinstance(node, list):
            todo.extend(node)
    return None


class _Pickler(pickle.Pickler):
    """Pydantic model classes and instances become their light forms; any other class or function
    must be plain code of a trusted module (anything else fails the build, loudly)."""

    def reducer_override(self, obj: Any) -> Any:
        from pydantic import BaseModel

        if isinstance(obj, type) and issubclass(obj, BaseModel):
            return light_class, (_path(obj),)
        if isinstance(obj, BaseModel):
            return _rebuild, (_path(type(obj)), dict(obj.__dict__), set(obj.model_fields_set))
        if isinstance(obj, types.MethodType) and isinstance(obj.__self__, type) and issubclass(obj.__self__, BaseModel):
            return classmethod_of, (_path(obj.__self__), obj.__name__)  # a model validator written as a classmethod
        if isinstance(obj, Light):
            return NotImplemented
        module = getattr(obj, "__module__", None) or ""
        if callable(obj) and not (obj.__qualname__ in _NAMES.get(module, ()) or module in _PLAIN):
            raise pickle.PicklingError(f"a compiled model may not refer to {obj!r} ({module})")
        return NotImplemented
