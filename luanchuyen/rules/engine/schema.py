"""Schema of the parameter files, checked by plain code (strict: unknown key = error).

A parameter file (``parameters/<group>/<name>.yaml`` → parameter ``<group>.<name>``)::

    description: Thời gian luân chuyển tối thiểu          # required, Vietnamese
    type: integer            # integer | number | boolean | string | list | mapping
    unit: thang              # optional: thang | nam | phan_tram | he_so | ngay
    rules: [ROT-04]          # optional: ids of the rules that read it (documentation, checked)
    plan_only: false         # optional: true = only a rotation plan gives it a value
    allowed: [...]           # optional: allowed items for string / list values
    values:                  # date → dated value; required, may be empty only when plan_only
      2022-04-28:
        value: 36            # null = repealed from that date
        citation:            # required on every dated value
          document: Quy định 65-QĐ/TW
          title: ngày 28/4/2022 của Bộ Chính trị về luân chuyển cán bộ
          article: "8"       # article and/or section (mục) required
          clause: null
          point: null
          section: null
          confidence: P      # V | V2 | P | D (research/regulations.md)
          source: lawnet.vn/…
          quote: "…"
        see_also: [<citation>, …]
        note: "…"
    province_overrides:      # optional: province code → dated values of the same shape
      XY: {2023-01-01: {value: 48, citation: {…}}}
    last_value_still_valid_on: 2026-03-01   # optional: last date someone re-checked the source
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .errors import ParameterError

CONFIDENCE_LABELS = ("V", "V2", "P", "D")
CONFIDENCE_TEXT = {
    "V": "nguyên văn văn bản gốc",
    "V2": "nguyên văn qua nguồn thứ cấp",
    "P": "diễn giải từ nguồn thứ cấp",
    "D": "suy luận, cần kiểm chứng",
}
TYPES = ("integer", "number", "boolean", "string", "list", "mapping")
UNITS = ("thang", "nam", "phan_tram", "he_so", "ngay", "thang_trong_nam")

FILE_KEYS = {"description", "type", "unit", "rules", "plan_only", "allowed", "values",
             "province_overrides", "last_value_still_valid_on"}
VALUE_KEYS = {"value", "citation", "see_also", "note"}
CITATION_KEYS = {"document", "title", "article", "clause", "point", "section", "confidence",
                 "source", "quote"}


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a value comes from: document, article / clause / point (or section), confidence."""

    document: str
    article: str | None = None
    clause: str | None = None
    point: str | None = None
    section: str | None = None
    confidence: str | None = None
    title: str | None = None
    source: str | None = None
    quote: str | None = None

    @property
    def text(self) -> str:
        """"Quy định 65-QĐ/TW, Điều 4 khoản 3" — the form used in verdicts."""
        parts = []
        if self.article:
            part = f"Điều {self.article}"
            if self.clause:
                part += f" khoản {self.clause}"
            if self.point:
                part += f" điểm {self.point}"
            parts.append(part)
        if self.section:
            parts.append(f"mục {self.section}")
        return self.document + (", " + ", ".join(parts) if parts else "")

    @property
    def text_with_confidence(self) -> str:
        return self.text + (f" [{self.confidence}]" if self.confidence else "")


def _fail(where: str, message: str) -> ParameterError:
    return ParameterError(f"{where}: {message}")


def _str_or_none(raw: dict, key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"«{key}» phải là chuỗi ký tự không rỗng")
    return value.strip()


def parse_citation(raw: Any, where: str) -> Citation:
    if not isinstance(raw, dict):
        raise _fail(where, "thiếu trích dẫn (citation) hoặc trích dẫn không phải một bảng khóa–giá trị")
    unknown = set(raw) - CITATION_KEYS
    if unknown:
        raise _fail(where, f"khóa không hợp lệ trong trích dẫn: {', '.join(sorted(map(str, unknown)))}")
    document = _str_or_none(raw, "document", where)
    if not document:
        raise _fail(where, "trích dẫn phải có «document» (tên văn bản)")
    article = _str_or_none(raw, "article", where)
    section = _str_or_none(raw, "section", where)
    if not article and not section:
        raise _fail(where, "trích dẫn phải có «article» (điều) hoặc «section» (mục)")
    confidence = raw.get("confidence")
    if confidence not in CONFIDENCE_LABELS:
        raise _fail(where, f"«confidence» phải là một trong {', '.join(CONFIDENCE_LABELS)} (regulations.md)")
    return Citation(
        document=document,
        article=article,
        clause=_str_or_none(raw, "clause", where),
        point=_str_or_none(raw, "point", where),
        section=section,
        confidence=confidence,
        title=_str_or_none(raw, "title", where),
        source=_str_or_none(raw, "source", where),
        quote=_str_or_none(raw, "quote", where),
    )


def check_value_type(value: Any, type_: str, allowed: tuple | None, where: str) -> Any:
    """Return the value (lists become tuples) or raise ``ParameterError``."""
    if value is None:
        return None
    ok = {
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "string": isinstance(value, str),
        "list": isinstance(value, (list, tuple)),
        "mapping": isinstance(value, dict) and all(isinstance(k, str) for k in value),
    }[type_]
    if not ok:
        raise _fail(where, f"giá trị {value!r} không đúng kiểu «{type_}»")
    if type_ == "list":
        value = tuple(value)
        for item in value:
            if isinstance(item, (dict, list, tuple)):
                raise _fail(where, "danh sách chỉ được chứa giá trị đơn")
            if allowed is not None and item not in allowed:
                raise _fail(where, f"giá trị {item!r} không nằm trong danh sách cho phép")
    if type_ == "string" and allowed is not None and value not in allowed:
        raise _fail(where, f"giá trị {value!r} không nằm trong danh sách cho phép")
    if type_ == "mapping":
        for key, item in value.items():
            if isinstance(item, (dict, list, tuple)) or item is None:
                raise _fail(where, f"giá trị của «{key}» phải là số, chuỗi hoặc đúng/sai")
    return value


@dataclass(frozen=True, slots=True)
class DatedValue:
    effective_from: dt.date
    value: Any                      # None = repealed from effective_from
    citation: Citation
    see_also: tuple[Citation, ...] = ()
    note: str | None = None


def parse_dated_values(raw: Any, type_: str, allowed: tuple | None, where: str) -> tuple[DatedValue, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise _fail(where, "«values» phải là bảng ngày → giá trị")
    out = []
    for key, entry in raw.items():
        if not isinstance(key, dt.date) or isinstance(key, dt.datetime):
            raise _fail(where, f"khóa {key!r} không phải ngày dạng YYYY-MM-DD")
        at = f"{where}, ngày {key.isoformat()}"
        if not isinstance(entry, dict):
            raise _fail(at, "mỗi mốc ngày phải có «value» và «citation»")
        unknown = set(entry) - VALUE_KEYS
        if unknown:
            raise _fail(at, f"khóa không hợp lệ: {', '.join(sorted(map(str, unknown)))}")
        if "value" not in entry:
            raise _fail(at, "thiếu «value» (dùng null để ghi việc bãi bỏ)")
        if "citation" not in entry:
            raise _fail(at, "thiếu trích dẫn «citation»: mọi giá trị phải có nguồn")
        value = check_value_type(entry["value"], type_, allowed, at)
        citation = parse_citation(entry["citation"], at)
        see_also_raw = entry.get("see_also") or []
        if not isinstance(see_also_raw, list):
            raise _fail(at, "«see_also» phải là danh sách trích dẫn")
        see_also = tuple(parse_citation(c, at + ", see_also") for c in see_also_raw)
        note = entry.get("note")
        if note is not None and not isinstance(note, str):
            raise _fail(at, "«note» phải là chuỗi ký tự")
        out.append(DatedValue(key, value, citation, see_also, note))
    out.sort(key=lambda v: v.effective_from)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class ParameterDefinition:
    name: str
    description: str
    type: str
    unit: str | None
    rules: tuple[str, ...]
    plan_only: bool
    allowed: tuple | None
    values: tuple[DatedValue, ...]
    province_overrides: dict[str, tuple[DatedValue, ...]]
    last_value_still_valid_on: dt.date | None
    source_file: str


def parse_parameter_file(name: str, raw: Any, source_file: str) -> ParameterDefinition:
    where = source_file
    if not isinstance(raw, dict):
        raise _fail(where, "tệp tham số phải là một bảng khóa–giá trị")
    unknown = set(raw) - FILE_KEYS
    if unknown:
        raise _fail(where, f"khóa không hợp lệ: {', '.join(sorted(map(str, unknown)))}")
    description = raw.get("description")
    if not isinstance(description, str) or not description.strip():
        raise _fail(where, "thiếu «description» (mô tả tiếng Việt)")
    type_ = raw.get("type")
    if type_ not in TYPES:
        raise _fail(where, f"«type» phải là một trong {', '.join(TYPES)}")
    unit = raw.get("unit")
    if unit is not None and unit not in UNITS:
        raise _fail(where, f"«unit» phải là một trong {', '.join(UNITS)}")
    rules = raw.get("rules") or []
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise _fail(where, "«rules» phải là danh sách mã quy tắc")
    plan_only = raw.get("plan_only", False)
    if not isinstance(plan_only, bool):
        raise _fail(where, "«plan_only» phải là true/false")
    allowed = raw.get("allowed")
    if allowed is not None:
        if not isinstance(allowed, list) or type_ not in ("list", "string"):
            raise _fail(where, "«allowed» chỉ dùng cho kiểu string/list và phải là danh sách")
        allowed = tuple(allowed)
    values = parse_dated_values(raw.get("values"), type_, allowed, where)
    if not values and not plan_only:
        raise _fail(where, "«values» rỗng: tham số phải có ít nhất một giá trị có ngày và trích dẫn")
    overrides_raw = raw.get("province_overrides") or {}
    if not isinstance(overrides_raw, dict):
        raise _fail(where, "«province_overrides» phải là bảng mã tỉnh → các giá trị có ngày")
    overrides = {}
    for code, dated in overrides_raw.items():
        if not isinstance(code, str) or not code:
            raise _fail(where, f"mã tỉnh {code!r} không hợp lệ")
        parsed = parse_dated_values(dated, type_, allowed, f"{where}, tỉnh {code}")
        if not parsed:
            raise _fail(where, f"tỉnh {code}: không có giá trị nào")
        overrides[code] = parsed
    still_valid = raw.get("last_value_still_valid_on")
    if still_valid is not None and (not isinstance(still_valid, dt.date) or isinstance(still_valid, dt.datetime)):
        raise _fail(where, "«last_value_still_valid_on» phải là ngày YYYY-MM-DD")
    return ParameterDefinition(
        name=name,
        description=description.strip(),
        type=type_,
        unit=unit,
        rules=tuple(rules),
        plan_only=plan_only,
        allowed=allowed,
        values=values,
        province_overrides=overrides,
        last_value_still_valid_on=still_valid,
        source_file=source_file,
    )
