"""Checking a `luanchuyen/v1` document: every problem, by list, row and field, in Vietnamese.

`validate_document(doc)` lists the problems of a JSON document. The importer calls `check_document`,
which also returns the rows converted to model values (so nothing is parsed twice), and the
workbook reader passes a `WorkbookLocator` so problems name the sheet, sheet row and column.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field as dc_field
from typing import Any

from django.conf import settings

from luanchuyen.core import text
from luanchuyen.interchange import schema
from luanchuyen.interchange.schema import CADRES, ENUM_NAMES, FORMAT, LISTS, LISTS_BY_KEY, Field, ListSpec

MAX_YEAR_SPAN = 5          # a party congress term
DB_CHUNK = 2000            # ids per `IN (…)` query (SQLite allows 32766 variables)


@dataclass(frozen=True)
class Problem:
    """One problem of a document. `row` is 1-based within the list (a workbook's sheet row)."""

    list: str
    row: int | None
    field: str | None
    message: str
    workbook: bool = False

    def as_dict(self) -> dict:
        return {"list": self.list, "row": self.row, "field": self.field, "message": self.message}

    def __str__(self) -> str:
        if not (self.list or self.row is not None or self.field):
            return self.message
        parts = []
        if self.workbook:
            if self.list:
                parts.append(f"Trang tính {self.list}")
            if self.row is not None:
                parts.append(f"dòng {self.row}")
            if self.field:
                parts.append(f"cột {self.field}")
        else:
            parts.append(f"Danh sách {self.list}" if self.list else "Tài liệu")
            if self.row is not None:
                parts.append(f"dòng {self.row}")
            if self.field:
                parts.append(f"trường {self.field}")
        return ", ".join(parts) + ": " + self.message


# A place in the document: ("row", list key, index) or ("child", cadre index, child key, index),
# or ("top",) for the format marker and the province.
Place = tuple


class JsonLocator:
    """Problems of a JSON document: list key, 1-based row, field key (nested: positions[2].start)."""

    workbook = False

    def locate(self, place: Place, key: str | None) -> tuple[str, int | None, str | None]:
        if place[0] == "row":
            return place[1], place[2] + 1, key
        if place[0] == "child":
            _, cadre_index, child_key, j = place
            path = f"{child_key}[{j + 1}]"
            return "cadres", cadre_index + 1, f"{path}.{key}" if key else path
        return "", None, key

    def label(self, place: Place) -> str:
        """How a message names another row of the same list."""
        if place[0] == "child":
            return f"{place[2]}[{place[3] + 1}]"
        return f"dòng {place[2] + 1}"

    def rank(self, list_name: str) -> int:
        keys = [spec.key for spec in LISTS]
        return keys.index(list_name) + 1 if list_name in keys else 0


class WorkbookLocator:
    """Problems of a workbook: sheet name, sheet row (header = row 1), column header."""

    workbook = True

    def __init__(self) -> None:
        self.rows: dict[str, list[int]] = defaultdict(list)                       # list key -> sheet rows
        self.child_rows: dict[tuple[int, str], list[int]] = defaultdict(list)    # (cadre index, child) -> rows
        self.info_rows: dict[str, int] = {}                                       # "format" … -> sheet row
        self.sheet_order: list[str] = []
        self.pending_problems: list[Problem] = []    # found while reading rows (e.g. unknown Mã cán bộ)

    def locate(self, place: Place, key: str | None) -> tuple[str, int | None, str | None]:
        if place[0] == "row":
            spec = LISTS_BY_KEY[place[1]]
            return spec.sheet, self.rows[place[1]][place[2]], _header(spec, key)
        if place[0] == "child":
            _, cadre_index, child_key, j = place
            spec = CADRES.by_key[child_key].child
            return spec.sheet, self.child_rows[(cadre_index, child_key)][j], _header(spec, key)
        if key in self.info_rows:
            return schema.INFO_SHEET, self.info_rows[key], "Giá trị"
        return schema.INFO_SHEET, None, key

    def label(self, place: Place) -> str:
        return f"dòng {self.locate(place, None)[1]}"

    def rank(self, list_name: str) -> int:
        return self.sheet_order.index(list_name) if list_name in self.sheet_order else 0


def _header(spec: ListSpec, key: str | None) -> str | None:
    if key is None:
        return None
    f = spec.by_key.get(key)
    return f.header if f is not None else key


@dataclass
class CleanDocument:
    """A document that passed the checks, as model values.

    `rows[list]` are dicts of model attributes; `children[child][cadre id]` is the cadre's nested list
    (absent when the document leaves it out: that list is kept as it is); `to_posts[proposal id]`.
    """

    province: dict[str, str]
    rows: dict[str, list[dict]] = dc_field(default_factory=dict)
    children: dict[str, dict[str, list[dict]]] = dc_field(default_factory=dict)
    to_posts: dict[str, list[str]] = dc_field(default_factory=dict)


class _Bad(Exception):
    pass


def _show(value: Any) -> str:
    s = str(value)
    return s if len(s) <= 60 else s[:57] + "…"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"giá trị đúng/sai {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, str):
        return f"chuỗi '{_show(value)}'"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một đối tượng"
    return f"giá trị {_show(value)}"


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_BIRTH_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")
_TERM_RE = re.compile(r"(\d{4})-(\d{4})\Z")
_date_cache: dict[str, dt.date] = {}


def parse_date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise _Bad(f"phải là ngày dạng YYYY-MM-DD, không phải {_describe(value)}")
    cached = _date_cache.get(value)
    if cached is not None:
        return cached
    s = value.strip()
    if not _DATE_RE.match(s):
        raise _Bad(f"ngày '{_show(value)}' không đúng dạng YYYY-MM-DD")
    try:
        parsed = dt.date.fromisoformat(s)
    except ValueError:
        raise _Bad(f"ngày '{_show(value)}' không tồn tại") from None
    if len(_date_cache) < 200_000:
        _date_cache[value] = parsed
    return parsed


def _conv_str(f: Field, value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"phải là chuỗi ký tự, không phải {_describe(value)}")
    if "\x00" in value:
        raise _Bad("chứa ký tự NUL (\\x00), không lưu được")
    return value.strip()


def _conv_int(f: Field, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise _Bad(f"phải là số nguyên, không phải {_describe(value)}")
    if f.minimum is not None and value < f.minimum:
        raise _Bad(f"{value} nhỏ hơn giá trị tối thiểu {f.minimum}")
    if f.maximum is not None and value > f.maximum:
        raise _Bad(f"{value} lớn hơn giá trị tối đa {f.maximum}")
    return value


def _conv_bool(f: Field, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"phải là true hoặc false (trong Excel: Có hoặc Không), không phải {_describe(value)}")
    return value


def _conv_date(f: Field, value: Any) -> dt.date:
    return parse_date(value)


def _conv_birth(f: Field, value: Any) -> tuple[dt.date, str]:
    if not isinstance(value, str):
        raise _Bad(f"phải là chuỗi YYYY, YYYY-MM hoặc YYYY-MM-DD, không phải {_describe(value)}")
    s = value.strip()
    if not _BIRTH_RE.match(s):
        raise _Bad(f"ngày sinh '{_show(value)}' không đúng dạng YYYY, YYYY-MM hoặc YYYY-MM-DD")
    try:
        return text.parse_partial_date(s)
    except ValueError:
        raise _Bad(f"ngày sinh '{_show(value)}' không tồn tại") from None


def _conv_enum(f: Field, value: Any) -> str:
    if not isinstance(value, str) or value.strip() not in f.values:
        shown = f"'{_show(value)}'" if isinstance(value, str) else _describe(value)
        raise _Bad(f"giá trị {shown} không có trong danh mục {ENUM_NAMES[f.choices]}; cho phép: "
                   f"{f.allowed_text()}")
    return value.strip()


def _conv_term(f: Field, value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"phải là chuỗi dạng YYYY-YYYY, không phải {_describe(value)}")
    m = _TERM_RE.match(value.strip())
    if not m:
        raise _Bad(f"nhiệm kỳ '{_show(value)}' không đúng dạng YYYY-YYYY (ví dụ 2020-2025)")
    start, end = int(m.group(1)), int(m.group(2))
    if end - start != MAX_YEAR_SPAN:
        raise _Bad(f"nhiệm kỳ '{_show(value)}' phải dài {MAX_YEAR_SPAN} năm (ví dụ 2020-2025)")
    return value.strip()


def _conv_object(f: Field, value: Any) -> dict:
    if not isinstance(value, dict):
        raise _Bad(f"phải là một đối tượng JSON, không phải {_describe(value)}")
    return value


def _conv_ref(f: Field, value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"phải là mã (chuỗi ký tự), không phải {_describe(value)}")
    return value.strip()


_CONVERTERS = {
    "id": _conv_str, "str": _conv_str, "int": _conv_int, "bool": _conv_bool, "date": _conv_date,
    "birth_date": _conv_birth, "enum": _conv_enum, "term": _conv_term, "object": _conv_object, "ref": _conv_ref,
}


def _default(f: Field) -> Any:
    if f.kind == "object":
        return {}
    if f.kind in ("str", "id"):
        return f.default if f.default is not None else ""
    return f.default


class _Checker:
    def __init__(self, doc: Any, locator) -> None:
        self.doc = doc
        self.loc = locator
        self.problems: list[Problem] = []
        self.clean = CleanDocument(province={})
        # target list -> ids defined by the document
        self.doc_ids: dict[str, set[str]] = {}
        # target list -> id -> [(place, key)] for references not defined by the document
        self.pending: dict[str, dict[str, list[tuple[Place, str]]]] = defaultdict(lambda: defaultdict(list))
        # unit id -> (valid_from, valid_to), for posts without dates of their own
        self.unit_validity: dict[str, tuple] = {}
        self.max_lengths: dict[tuple[str, str], int | None] = {}
        self.places: dict[str, list[Place]] = {}

    def problem(self, place: Place, key: str | None, message: str) -> None:
        lst, row, fld = self.loc.locate(place, key)
        self.problems.append(Problem(lst, row, fld, message, self.loc.workbook))

    # -- the whole document --------------------------------------------------------------------

    def run(self) -> CleanDocument | None:
        doc = self.doc
        if not isinstance(doc, dict):
            self.problem(("top",), None, "tài liệu phải là một đối tượng JSON có các khóa format, province, "
                                         "localities, units …")
            return None
        self.check_top(doc)
        lists: dict[str, list] = {}
        for spec in LISTS:
            value = doc.get(spec.key)
            if value is None:
                lists[spec.key] = []
            elif not isinstance(value, list):
                self.problem(("top",), spec.key, f"phải là một danh sách, không phải {_describe(value)}")
                lists[spec.key] = []
            else:
                lists[spec.key] = value
        for spec in LISTS:
            self.doc_ids[spec.key] = {r["id"].strip() for r in lists[spec.key]
                                      if isinstance(r, dict) and isinstance(r.get("id"), str)}
        for spec in LISTS:
            self.check_list(spec, lists[spec.key])
        self.resolve_references()
        self.check_hierarchy(schema.LOCALITIES, "parent")
        self.check_hierarchy(schema.UNITS, "parent")
        self.fill_post_validity()
        self.problems.sort(key=lambda p: (self.loc.rank(p.list), p.row or 0))
        return self.clean

    def check_top(self, doc: dict) -> None:
        for key in sorted(set(doc) - set(schema.TOP_LEVEL_KEYS), key=str):
            self.problem(("top",), str(key), "khóa không có trong định dạng luanchuyen/v1")
        marker = doc.get("format")
        if marker is None:
            self.problem(("top",), "format", f"thiếu dấu hiệu định dạng; phải là \"{FORMAT}\"")
        elif marker != FORMAT:
            self.problem(("top",), "format", f"định dạng '{_show(marker)}' không được hỗ trợ; phải là \"{FORMAT}\"")
        province = doc.get("province")
        if not isinstance(province, dict):
            self.problem(("top",), "province", "thiếu thông tin tỉnh {\"code\", \"name\"}" if province is None
                         else f"phải là đối tượng {{\"code\", \"name\"}}, không phải {_describe(province)}")
            return
        for key in sorted(set(province) - {"code", "name"}, key=str):
            self.problem(("top",), f"province.{key}", "khóa không có trong định dạng luanchuyen/v1")
        for key in ("code", "name"):
            value = province.get(key)
            if not isinstance(value, str) or not value.strip():
                self.problem(("top",), f"province.{key}", "thiếu giá trị bắt buộc" if value in (None, "")
                             else f"phải là chuỗi ký tự, không phải {_describe(value)}")
        code = province.get("code")
        if isinstance(code, str) and code.strip() and code.strip() != settings.PROVINCE_CODE:
            self.problem(("top",), "province.code",
                         f"dữ liệu của tỉnh '{_show(code)}', hệ thống đang phục vụ tỉnh '{settings.PROVINCE_CODE}' "
                         "(biến môi trường PROVINCE_CODE)")
        self.clean.province = {"code": str(province.get("code", "")).strip(),
                               "name": str(province.get("name", "")).strip()}

    # -- rows ----------------------------------------------------------------------------------

    def check_list(self, spec: ListSpec, rows: list) -> None:
        out: list[dict] = []
        places: list[Place] = []
        seen: dict[str, Place] = {}
        for index, row in enumerate(rows):
            place = ("row", spec.key, index)
            before = len(self.problems)
            attrs = self.check_row(spec, row, place)
            if attrs is None:
                continue
            row_ok = len(self.problems) == before
            row_id = attrs.get("id")
            if row_id:
                if row_id in seen:
                    self.problem(place, "id", f"mã '{row_id}' bị trùng ({self.loc.label(seen[row_id])} cũng có mã này)")
                else:
                    seen[row_id] = place
            if spec is schema.UNITS:
                self.check_unit(attrs, place, row_ok)
            if spec is CADRES:
                self.check_cadre_children(row, index, row_id)
            if spec is schema.PROPOSALS:
                self.check_to_posts(row, place, row_id)
            out.append(attrs)
            places.append(place)
        self.clean.rows[spec.key] = out
        self.places[spec.key] = places

    def check_row(self, spec: ListSpec, row: Any, place: Place) -> dict | None:
        if not isinstance(row, dict):
            self.problem(place, None, f"phải là một đối tượng, không phải {_describe(row)}")
            return None
        if not row.keys() <= spec.keys:
            for key in sorted(set(row) - spec.keys, key=str):
                self.problem(place, str(key), "trường không có trong định dạng luanchuyen/v1")
        attrs: dict[str, Any] = {}
        for f in spec.scalar_fields:
            value = row.get(f.key)
            if value is None or value == "":
                if f.required:
                    self.problem(place, f.key, "thiếu giá trị bắt buộc")
                else:
                    attrs[f.attr] = _default(f)
                continue
            try:
                converted = _CONVERTERS[f.kind](f, value)
            except _Bad as e:
                self.problem(place, f.key, str(e))
                continue
            if f.kind == "birth_date":
                attrs["birth_date"], attrs["birth_precision"] = converted
                continue
            if f.kind in ("id", "str"):
                if converted == "":
                    if f.required:
                        self.problem(place, f.key, "thiếu giá trị bắt buộc")
                        continue
                else:
                    limit = self.max_length(spec, f)
                    if limit is not None and len(converted) > limit:
                        self.problem(place, f.key, f"dài {len(converted)} ký tự, vượt quá {limit} ký tự")
                        continue
            elif f.kind == "ref":
                if converted == "":
                    if f.required:
                        self.problem(place, f.key, "thiếu giá trị bắt buộc")
                        continue
                    converted = None
                elif converted not in self.doc_ids[f.ref]:
                    self.pending[f.ref][converted].append((place, f.key))
            attrs[f.attr] = converted
        for start_key, end_key in spec.ordered:
            fs, fe = spec.by_key[start_key], spec.by_key[end_key]
            start, end = attrs.get(fs.attr), attrs.get(fe.attr)
            if start is not None and end is not None and end < start:
                self.problem(place, end_key, f"{fe.header} ({end.isoformat()}) sớm hơn {fs.header} "
                                             f"({start.isoformat()})")
        return attrs

    def max_length(self, spec: ListSpec, f: Field) -> int | None:
        key = (spec.key, f.key)
        if key not in self.max_lengths:
            self.max_lengths[key] = spec.max_length(f)
        return self.max_lengths[key]

    def check_unit(self, attrs: dict, place: Place, row_ok: bool) -> None:
        total, female = attrs.get("staff_total"), attrs.get("staff_female")
        if isinstance(total, int) and isinstance(female, int) and female > total:
            self.problem(place, "staff_female", f"biên chế nữ ({female}) lớn hơn tổng biên chế ({total})")
        group, subgroup = attrs.get("group"), attrs.get("subgroup")
        if subgroup and group and group != "chuyen_mon_ubnd":
            self.problem(place, "subgroup", "chỉ cơ quan chuyên môn UBND tỉnh (chuyen_mon_ubnd) mới có khối")
        if attrs.get("id") and row_ok:
            self.unit_validity[attrs["id"]] = (attrs.get("valid_from"), attrs.get("valid_to"))

    def check_to_posts(self, row: dict, place: Place, row_id: str | None) -> None:
        value = row.get("to_posts")
        if value is None or value == []:
            self.problem(place, "to_posts", "thiếu giá trị bắt buộc (ít nhất một vị trí nơi đến)")
            return
        if not isinstance(value, list):
            self.problem(place, "to_posts", f"phải là danh sách mã vị trí, không phải {_describe(value)}")
            return
        posts: list[str] = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.problem(place, "to_posts", f"phải là mã vị trí (chuỗi ký tự), không phải {_describe(item)}")
                continue
            item = item.strip()
            if item in posts:
                self.problem(place, "to_posts", f"vị trí '{item}' được ghi hai lần")
                continue
            posts.append(item)
            if item not in self.doc_ids["posts"]:
                self.pending["posts"][item].append((place, "to_posts"))
        if row_id:
            self.clean.to_posts[row_id] = posts

    def check_cadre_children(self, row: dict, cadre_index: int, cadre_id: str | None) -> None:
        for f in CADRES.children:
            spec = f.child
            value = row.get(f.key)
            if value is None:
                continue  # left out: kept as it is (a new cadre gets none)
            if not isinstance(value, list):
                self.problem(("row", "cadres", cadre_index), f.key,
                             f"phải là một danh sách, không phải {_describe(value)}")
                continue
            out: list[dict] = []
            places: list[Place] = []
            sound: list[int] = []     # rows without problems of their own: only those are compared
            for j, child in enumerate(value):
                place = ("child", cadre_index, spec.key, j)
                before = len(self.problems)
                attrs = self.check_row(spec, child, place)
                if attrs is not None:
                    if len(self.problems) == before:
                        sound.append(len(out))
                    out.append(attrs)
                    places.append(place)
            if spec is schema.POSITIONS:
                self.check_overlaps([out[i] for i in sound], [places[i] for i in sound])
            elif spec is schema.EVALUATIONS:
                self.check_unique_years([out[i] for i in sound], [places[i] for i in sound])
            if cadre_id:
                self.clean.children.setdefault(spec.key, {})[cadre_id] = out

    def check_overlaps(self, positions: list[dict], places: list[Place]) -> None:
        """No two primary positions share time: [start, end) intervals, a handover day is allowed."""
        far = dt.date.max
        primary = sorted(
            ((p["start"], p.get("end") or far, i) for i, p in enumerate(positions)
             if not p.get("concurrent") and p.get("start") is not None),
            key=lambda t: (t[0], t[2]),
        )
        for k, (start, end, i) in enumerate(primary):
            for other_start, other_end, other in primary[:k]:
                if other_start < end and start < other_end:
                    until = "nay" if other_end is far else other_end.isoformat()
                    self.problem(places[i], "start",
                                 f"trùng thời gian với vị trí chính {self.loc.label(places[other])} "
                                 f"({positions[other].get('post_id')}, {other_start.isoformat()} – {until}); "
                                 "hai vị trí chính (không kiêm nhiệm) không được chồng lên nhau")
                    break

    def check_unique_years(self, evaluations: list[dict], places: list[Place]) -> None:
        seen: dict[int, int] = {}
        for i, e in enumerate(evaluations):
            year = e.get("year")
            if year is None:
                continue
            if year in seen:
                self.problem(places[i], "year",
                             f"năm {year} đã được đánh giá ở {self.loc.label(places[seen[year]])}; mỗi năm một dòng")
            else:
                seen[year] = i

    # -- references and structure --------------------------------------------------------------

    def resolve_references(self) -> None:
        for target, wanted in self.pending.items():
            spec = LISTS_BY_KEY[target]
            found = set(_existing_ids(spec, wanted.keys()))
            if target == "units" and found:
                for chunk in _chunks(sorted(found)):
                    for pk, vf, vt in spec.model.objects.filter(pk__in=chunk).values_list(
                            "pk", "valid_from", "valid_to"):
                        self.unit_validity.setdefault(pk, (vf, vt))
            for ref_id, places in wanted.items():
                if ref_id in found:
                    continue
                for place, key in places:
                    self.problem(place, key, f"không tìm thấy {spec.label.lower()} có mã '{ref_id}' (không có trong "
                                             f"tệp, cũng không có trong cơ sở dữ liệu)")

    def check_hierarchy(self, spec: ListSpec, key: str) -> None:
        """No row is its own ancestor (within the document)."""
        attr = spec.by_key[key].attr
        rows = self.clean.rows.get(spec.key, [])
        parent = {r["id"]: r.get(attr) for r in rows if r.get("id")}
        index = {}
        for i, r in enumerate(rows):
            index.setdefault(r.get("id"), i)
        reported: set[str] = set()
        for start in parent:
            seen = [start]
            node = parent.get(start)
            while node is not None and node in parent and node not in seen:
                seen.append(node)
                node = parent.get(node)
            if node == start and start not in reported:
                reported.update(seen)
                chain = " → ".join([*seen, start])
                self.problem(("row", spec.key, self._index_of(spec, start)), key,
                             f"quan hệ trực thuộc tạo thành vòng lặp: {chain}")

    def _index_of(self, spec: ListSpec, row_id: str) -> int:
        doc_rows = self.doc.get(spec.key) or []
        for i, r in enumerate(doc_rows):
            if isinstance(r, dict) and isinstance(r.get("id"), str) and r["id"].strip() == row_id:
                return i
        return 0

    def fill_post_validity(self) -> None:
        """A post without dates of its own takes its unit's."""
        for attrs, place in zip(self.clean.rows.get("posts", []), self.places.get("posts", [])):
            validity = self.unit_validity.get(attrs.get("unit_id"))
            if validity is None:
                continue
            own_from, own_to = attrs.get("valid_from"), attrs.get("valid_to")
            if own_from is None:
                attrs["valid_from"] = validity[0]
            if own_to is None:
                attrs["valid_to"] = validity[1]
            start, end = attrs["valid_from"], attrs["valid_to"]
            if (own_from is None or own_to is None) and start is not None and end is not None and end < start:
                self.problem(place, "valid_to" if own_to is None else "valid_from",
                             f"vị trí không có ngày hiệu lực riêng lấy theo đơn vị ({start.isoformat()} – "
                             f"{end.isoformat()}): ngày kết thúc sớm hơn ngày bắt đầu; hãy ghi rõ cả hai ngày")


def _chunks(items: list, size: int = DB_CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _existing_ids(spec: ListSpec, ids: Iterable[str]) -> list[str]:
    out: list[str] = []
    for chunk in _chunks(sorted(ids)):
        out.extend(spec.model.objects.filter(pk__in=chunk).values_list("pk", flat=True))
    return out


def check_document(doc: Any, locator=None) -> tuple[list[Problem], CleanDocument | None]:
    """Every problem of `doc`, and (when there are none) its rows as model values."""
    locator = locator or JsonLocator()
    checker = _Checker(doc, locator)
    clean = checker.run()
    problems = checker.problems
    pending = getattr(locator, "pending_problems", None)
    if pending:
        problems = sorted([*pending, *problems], key=lambda p: (locator.rank(p.list), p.row or 0))
    return problems, (clean if not problems else None)


def validate_document(doc: dict) -> list[Problem]:
    """Every problem of a `luanchuyen/v1` document (empty list: the document can be imported).

    References may point at rows of the document or at rows already in the database.
    """
    return check_document(doc)[0]
