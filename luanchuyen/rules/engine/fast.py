"""``frozen_dataclass``: a frozen, slotted dataclass whose ``__init__`` is about twice as fast.

The standard frozen ``__init__`` sets each field through ``object.__setattr__``; this one writes
the slots through their member descriptors. Instances stay immutable (assignment raises
``FrozenInstanceError``). Used for the facts and verdicts built by the hundred thousand.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, TypeVar

T = TypeVar("T")
_NOTHING: Any = object()


def frozen_dataclass(cls: type[T]) -> type[T]:
    cls = dataclasses.dataclass(frozen=True, slots=True)(cls)  # type: ignore[assignment]
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    namespace: dict[str, Any] = {"_NOTHING": _NOTHING}
    params, body = [], []
    for f in fields:
        namespace[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is not dataclasses.MISSING:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
            body.append(f"    _set_{f.name}(self, {f.name})")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_NOTHING")
            body.append(f"    _set_{f.name}(self, _factory_{f.name}() if {f.name} is _NOTHING else {f.name})")
        else:
            params.append(f.name)
            body.append(f"    _set_{f.name}(self, {f.name})")
    post_init = "    self.__post_init__()\n" if hasattr(cls, "__post_init__") else ""
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n" + post_init
    exec(source, namespace)  # noqa: S102 - generated from the class's own field names
    init: Callable = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls
