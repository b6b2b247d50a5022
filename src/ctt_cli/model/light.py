"""The light form of the file models: what a cold run validates into, without pydantic.

pydantic-core validates a ``model`` schema into any class whose instances take ``__dict__`` and
the ``__pydantic_fields_set__`` / ``__pydantic_extra__`` / ``__pydantic_private__`` slots. For each
pydantic model class ``ctt_cli.model.<file>.<Name>`` the light class has the same name, the same
mixin of methods (``model/methods.py``) and the behaviour the rest of ctt relies on: attributes,
frozen, equality and hash by value (also against the pydantic form), a pydantic-like ``repr``,
pickling and copying. Anything else pydantic offers (``model_dump``…) goes through the pydantic
form, built on demand (``as_pydantic``), off the start-up path.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any, ClassVar

from ctt_cli.model import methods

_CLASSES: dict[str, type[Light]] = {}


class Light:
    """Base of the light model classes: immutable, compared by value."""

    __slots__ = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
    __ctt_model__: ClassVar[str] = ""  # "module:Name" of the pydantic class this one mirrors

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: '{name}' cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: '{name}' cannot be deleted")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Light):
            return type(other).__ctt_model__ == self.__ctt_model__ and other.__dict__ == self.__dict__
        if _model_path(type(other)) == self.__ctt_model__:  # the pydantic form of the same model
            return bool(other.__dict__ == self.__dict__)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.__ctt_model__) + hash(tuple(self.__dict__.values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (self.__ctt_model__, self.__dict__, self.model_fields_set)

    @property
    def model_fields_set(self) -> set[str]:
        return set(getattr(self, "__pydantic_fields_set__", None) or ())

    def as_pydantic(self) -> Any:
        """The same value as an instance of the pydantic class (imports pydantic: not for the cold path)."""
        model = pydantic_class(self.__ctt_model__)
        fields = {name: _plain(self.__dict__[name]) for name in self.model_fields_set if name in self.__dict__}
        return model.model_validate(_by_alias(model, fields))

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """Like pydantic's ``model_dump`` (through the pydantic form)."""
        result: dict[str, Any] = self.as_pydantic().model_dump(**options)
        return result


def _model_path(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _import(path: str) -> Any:
    module, _, name = path.partition(":")
    found: Any = importlib.import_module(module)
    for part in name.split("."):
        found = getattr(found, part)
    return found


def pydantic_class(path: str) -> Any:
    """The pydantic class of a light one by its "module:Name" path (imported on demand)."""
    return _import(path)


def mixin(name: str) -> type | None:
    """The plain class of methods of the model called ``name``: ``methods.<name>Methods``, if any
    (both forms mix it in; tests/model/test_compiled_models.py checks that the pydantic classes do)."""
    found = getattr(methods, f"{name}Methods", None)
    return found if isinstance(found, type) else None


def light_class(model_path: str) -> type[Light]:
    """The light class mirroring the pydantic class at ``model_path`` ("ctt_cli.model.plan:Plan"),
    with its methods (``mixin``). One class per path and process."""
    cls = _CLASSES.get(model_path)
    if cls is None:
        name = model_path.rpartition(":")[2]
        plain = mixin(name)
        bases: tuple[type, ...] = (plain, Light) if plain is not None else (Light,)
        namespace = {"__slots__": (), "__module__": __name__, "__qualname__": name, "__ctt_model__": model_path}
        cls = _CLASSES[model_path] = type(name, bases, namespace)
    return cls


def classmethod_of(model_path: str, name: str) -> Any:
    """A classmethod of a light class's mixin (a model validator written as one), bound to the class."""
    cls = light_class(model_path)
    if not isinstance(inspect.getattr_static(cls, name, None), classmethod):
        raise AttributeError(f"{cls.__name__}.{name} is not a classmethod of its methods")
    return getattr(cls, name)


def blank(model_path: str, **values: Any) -> Any:
    """A light instance with exactly these values, unvalidated (like pydantic's ``model_construct``)."""
    return _rebuild(model_path, values, set(values))


def _rebuild(model_path: str, values: dict[str, Any], fields_set: set[str]) -> Any:
    cls = light_class(model_path)
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", dict(values))
    object.__setattr__(obj, "__pydantic_fields_set__", set(fields_set))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _plain(value: Any) -> Any:
    if isinstance(value, Light):
        model = pydantic_class(value.__ctt_model__)
        fields = {name: _plain(value.__dict__[name]) for name in value.model_fields_set if name in value.__dict__}
        return _by_alias(model, fields)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _by_alias(model: Any, fields: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in fields.items():
        info = model.model_fields.get(name)
        out[(info.alias if info is not None and info.alias else name)] = value
    return out
