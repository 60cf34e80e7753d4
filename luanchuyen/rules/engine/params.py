"""Dated, cited parameters: loading (strict, once) and lookup at a reference time.

Resolution of ``ParamsAt(on, province, plan_overrides)(name)``, first match wins:

1. the rotation plan's override for ``name`` (``rotation_plans[].parameters`` of the dataset);
2. the province override in force at ``on`` (``province_overrides`` of the parameter file);
3. the national value in force at ``on``.

A value is in force from its date until the next dated value. Before the first date, or from a
``value: null`` (repeal), there is no value: :class:`NoValueInForce` is raised. There are no
silent defaults.
"""
from __future__ import annotations

import bisect
import re
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml

from .errors import NoValueInForce, ParameterError
from .schema import Citation, DatedValue, ParameterDefinition, check_value_type, parse_citation, parse_parameter_file

PACKAGE_PARAMETERS_DIR = Path(__file__).resolve().parent.parent / "parameters"
ENV_PARAMETERS_DIR = "LUANCHUYEN_PARAMETERS_DIR"

SCOPE_NATIONAL = "quoc_gia"
SCOPE_PROVINCE = "tinh"
SCOPE_PLAN = "ke_hoach"
SCOPE_TEXT = {SCOPE_NATIONAL: "trung ương", SCOPE_PROVINCE: "tỉnh", SCOPE_PLAN: "kế hoạch"}


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML loader that rejects duplicate keys (PyYAML silently keeps the last one)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    own = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
    loader.flatten_mapping(node)
    merged = len(node.value) - own          # merge-key («<<») entries come first and may be overridden
    mapping: dict = {}
    own_keys: set = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=deep)
        if index >= merged:
            if key in own_keys:
                raise ParameterError(f"khóa trùng lặp {key!r} (dòng {key_node.start_mark.line + 1})")
            own_keys.add(key)
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# YAML 1.2 booleans: only true/false. (YAML 1.1 also reads on/off/yes/no as booleans, which would
# turn a case's ``on:`` key or a province code such as ``NO`` into True/False.)
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _StrictLoader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


def load_yaml(path: Path) -> Any:
    """Load one YAML file strictly (duplicate keys are errors)."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_StrictLoader)  # noqa: S506 - a safe loader subclass
    except ParameterError as e:
        raise ParameterError(f"{path}: {e.message}") from None
    except yaml.YAMLError as e:
        raise ParameterError(f"{path}: YAML không hợp lệ: {e}") from None


@dataclass(frozen=True, slots=True)
class ParamValue:
    """One parameter value as used by a verdict: the value and where it comes from."""

    name: str
    value: Any
    effective_from: dt.date | None
    citation: Citation
    see_also: tuple[Citation, ...]
    scope: str                  # quoc_gia | tinh | ke_hoach
    province: str | None
    source_file: str | None
    citation_texts: tuple[str, ...] = ()    # citation, then see_also (filled in by __post_init__)
    citation_joined: str = ""               # the same joined by "; " (filled in by __post_init__)

    def __post_init__(self) -> None:
        if not self.citation_texts:
            texts = tuple(dict.fromkeys((self.citation.text, *(c.text for c in self.see_also))))
            object.__setattr__(self, "citation_texts", texts)
        if not self.citation_joined:
            object.__setattr__(self, "citation_joined", "; ".join(self.citation_texts))

    @property
    def citation_text(self) -> str:
        return self.citation.text

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "value": list(self.value) if isinstance(self.value, tuple) else self.value,
            "effective_from": self.effective_from.isoformat() if self.effective_from else None,
            "citation": self.citation.text,
            "confidence": self.citation.confidence,
            "see_also": [c.text for c in self.see_also],
            "scope": self.scope,
            "province": self.province,
        }


def _in_force(values: tuple[DatedValue, ...], dates: list[dt.date], on: dt.date) -> DatedValue | None:
    i = bisect.bisect_right(dates, on)
    return values[i - 1] if i else None


class ParameterStore:
    """Every parameter definition of one parameters directory, validated at load."""

    def __init__(self, definitions: Mapping[str, ParameterDefinition], root: Path | None = None) -> None:
        self.definitions: dict[str, ParameterDefinition] = dict(sorted(definitions.items()))
        self.root = root
        self._dates = {n: [v.effective_from for v in d.values] for n, d in self.definitions.items()}
        self._province_dates = {
            (n, code): [v.effective_from for v in vals]
            for n, d in self.definitions.items()
            for code, vals in d.province_overrides.items()
        }
        self._values: dict[tuple, ParamValue] = {}

    # -- loading ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, root: Path | str) -> "ParameterStore":
        root = Path(root)
        if not root.is_dir():
            raise ParameterError(f"Không tìm thấy thư mục tham số {root}")
        definitions: dict[str, ParameterDefinition] = {}
        for path in sorted(root.rglob("*.yaml")):
            rel = path.relative_to(root).with_suffix("")
            name = ".".join(rel.parts)
            raw = load_yaml(path)
            definitions[name] = parse_parameter_file(name, raw, str(path.relative_to(root)))
        if not definitions:
            raise ParameterError(f"Thư mục tham số {root} không có tệp .yaml nào")
        return cls(definitions, root)

    # -- lookup ----------------------------------------------------------------------------------
    def __contains__(self, name: str) -> bool:
        return name in self.definitions

    def __iter__(self) -> Iterator[str]:
        return iter(self.definitions)

    def definition(self, name: str) -> ParameterDefinition:
        try:
            return self.definitions[name]
        except KeyError:
            raise ParameterError(f"Không có tham số «{name}»") from None

    def value_at(self, name: str, on: dt.date, province: str | None = None) -> ParamValue:
        """The national or province value in force at ``on``; raises :class:`NoValueInForce`."""
        definition = self.definition(name)
        if province is not None and province in definition.province_overrides:
            dated = _in_force(definition.province_overrides[province], self._province_dates[(name, province)], on)
            if dated is not None and dated.value is not None:
                return self._param_value(definition, dated, SCOPE_PROVINCE, province)
        dated = _in_force(definition.values, self._dates[name], on)
        if dated is None:
            detail = ("chỉ kế hoạch luân chuyển mới đặt giá trị này" if definition.plan_only
                      else f"giá trị đầu tiên có hiệu lực từ {_fmt(definition.values[0].effective_from)}")
            raise NoValueInForce(name, on, detail)
        if dated.value is None:
            raise NoValueInForce(name, on, f"đã bãi bỏ từ {_fmt(dated.effective_from)} theo {dated.citation.text}")
        return self._param_value(definition, dated, SCOPE_NATIONAL, None)

    def _param_value(self, definition: ParameterDefinition, dated: DatedValue, scope: str,
                     province: str | None) -> ParamValue:
        key = (definition.name, province, dated.effective_from)
        value = self._values.get(key)
        if value is None:
            value = ParamValue(definition.name, dated.value, dated.effective_from, dated.citation, dated.see_also,
                               scope, province, definition.source_file)
            self._values[key] = value
        return value

    def in_force(self, on: dt.date, province: str | None = None) -> list[tuple[ParameterDefinition, ParamValue | None, str]]:
        """Every parameter at ``on``: (definition, value or None, Vietnamese status)."""
        rows = []
        for name, definition in self.definitions.items():
            try:
                rows.append((definition, self.value_at(name, on, province), "có hiệu lực"))
            except NoValueInForce as e:
                rows.append((definition, None, e.message))
        return rows

    def plan_overrides(self, raw: Mapping[str, Any] | None, *, plan_label: str,
                       plan_document: str | None = None) -> dict[str, ParamValue]:
        """Validate a plan's overrides (name → value, or name → {value, citation}).

        A bare value is cited to the plan itself ("Kế hoạch luân chuyển …").
        """
        out: dict[str, ParamValue] = {}
        for name, item in (raw or {}).items():
            where = f"{plan_label}, tham số «{name}»"
            if name not in self.definitions:
                raise ParameterError(f"{where}: không có tham số này")
            definition = self.definitions[name]
            if isinstance(item, dict) and "value" in item and set(item) <= {"value", "citation"}:
                value = item["value"]
                raw_citation = item.get("citation")
                if isinstance(raw_citation, dict):
                    citation = parse_citation(raw_citation, where)
                elif isinstance(raw_citation, str) and raw_citation.strip():
                    citation = Citation(document=raw_citation.strip(), section="kế hoạch")
                else:
                    citation = Citation(document=plan_document or plan_label)
            else:
                value = item
                citation = Citation(document=plan_document or plan_label)
            if value is None:
                raise ParameterError(f"{where}: giá trị rỗng")
            value = check_value_type(value, definition.type, definition.allowed, where)
            out[name] = ParamValue(name, value, None, citation, (), SCOPE_PLAN, None, None)
        return out


def _fmt(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


class ParamsAt:
    """Parameters as in force at ``on`` for ``province``, with a plan's overrides on top.

    ``p = ParamsAt(date(2026, 1, 1), "TM")``; ``p("rotation.min_duration_months").value == 36``.
    ``plan_overrides`` is a mapping name → :class:`ParamValue` (as returned by
    :meth:`ParameterStore.plan_overrides`) or name → raw value / {value, citation}.
    """

    __slots__ = ("on", "province", "store", "_plan", "_cache")

    def __init__(self, on: dt.date, province: str | None = None,
                 plan_overrides: Mapping[str, Any] | None = None, store: ParameterStore | None = None) -> None:
        self.on = on
        self.province = province
        self.store = store or default_store()
        if plan_overrides and not all(isinstance(v, ParamValue) for v in plan_overrides.values()):
            plan_overrides = self.store.plan_overrides(plan_overrides, plan_label="Kế hoạch luân chuyển")
        self._plan: Mapping[str, ParamValue] = plan_overrides or {}
        self._cache: dict[str, ParamValue] = {}

    def __call__(self, name: str) -> ParamValue:
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        value = self._plan.get(name)
        if value is None:
            value = self.store.value_at(name, self.on, self.province)
        self._cache[name] = value
        return value

    def value(self, name: str) -> Any:
        return self(name).value

    def has(self, name: str) -> bool:
        try:
            self(name)
        except NoValueInForce:
            return False
        return True


_DEFAULT: ParameterStore | None = None


def default_store() -> ParameterStore:
    """The store of the package's ``parameters/`` (or ``$LUANCHUYEN_PARAMETERS_DIR``), loaded once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ParameterStore.load(os.environ.get(ENV_PARAMETERS_DIR) or PACKAGE_PARAMETERS_DIR)
    return _DEFAULT


def set_default_store(store: ParameterStore | None) -> None:
    """Replace (or with ``None`` reset) the default store — for tests and deployments."""
    global _DEFAULT
    _DEFAULT = store
