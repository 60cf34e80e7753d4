"""Plain facts for the rules, and the builder from a ``luanchuyen/v1`` document.

The application later builds the same document from its database and calls the same builder, so
the builder is written for speed (one pass per list, ids resolved to objects once) and checks
what the rules rely on: dates, enumerations and references. Problems are collected and raised
together as :class:`DatasetError` (list, row, field, Vietnamese message).
"""
from __future__ import annotations

import datetime as dt
import gc
from dataclasses import field
from typing import Any, Mapping

from .engine.errors import DatasetError, MissingFacts, ParameterError
from .engine.fast import frozen_dataclass
from .engine.params import ParameterStore, ParamValue, default_store
from .retirement import GENDERS, BirthDate, Month, _retirement

FORMAT = "luanchuyen/v1"

LEVELS = frozenset(("trung_uong", "tinh", "huyen", "xa"))
BLOCKS = frozenset(("dang", "chinh_quyen", "mttq_doan_the", "su_nghiep"))
GROUPS = frozenset(("tham_muu_tinh_uy", "su_nghiep_tinh_uy", "mttq_doan_the", "hdnd", "chuyen_mon_ubnd",
                    "su_nghiep_ubnd", "huyen", "xa"))
SUBGROUPS = frozenset(("kinh_te", "van_hoa_xa_hoi", "noi_chinh"))
ROLES = frozenset(("head", "deputy"))
SECTORS = frozenset(("y_te", "giao_duc", "quy_hoach", "xay_dung", "giao_thong_van_tai", "thong_tin_truyen_thong"))
EDUCATION_LEVELS = ("trung_cap", "cao_dang", "dai_hoc", "thac_si", "tien_si")
FIELDS = frozenset(("khoa_hoc_tu_nhien", "khoa_hoc_xa_hoi", "luat", "kinh_te", "chinh_tri", "nong_nghiep",
                    "ky_thuat", "quan_su_cong_an", "khac"))
MODES = frozenset(("chinh_quy", "tai_chuc", "chuyen_tu", "vua_hoc_vua_lam", "tu_xa"))
POLITICAL_THEORY = ("so_cap", "trung_cap", "cao_cap", "cu_nhan")
STATE_MANAGEMENT = ("chuyen_vien", "chuyen_vien_chinh", "chuyen_vien_cao_cap")
DISCIPLINE_FORMS = frozenset(("khien_trach", "canh_cao", "cach_chuc", "giang_chuc", "bai_nhiem", "khai_tru"))
PROCEEDING_KINDS = frozenset(("dieu_tra", "truy_to", "xet_xu"))
GRADES = frozenset(("htxs", "htt", "ht", "kht"))
TRAINING_KINDS = frozenset(("ly_luan_chinh_tri", "quan_ly_nha_nuoc", "chuyen_mon", "ngoai_ngu", "tin_hoc", "boi_duong"))
PURPOSES = frozenset(("dao_tao", "khong_phai_nguoi_dia_phuong", "hai_nhiem_ky"))
# Proposal extensions read by the follow-up rules (docs/rules.md, "Mở rộng đề xuất").
ROTATION_EVALUATION_KINDS = frozenset(("hang_nam", "tu_kiem_diem", "noi_den_ket_thuc", "cap_quyet_dinh"))
PLACEMENT_KINDS = frozenset(("on_dinh_noi_den", "tro_ve_noi_cu", "noi_khac"))
PLACEMENT_TEXT_ONLY = "van_ban"        # docs/interchange.md: placement is free text unless structured

PURPOSE_TEXT = {
    "dao_tao": "đào tạo, rèn luyện",
    "khong_phai_nguoi_dia_phuong": "bố trí không phải người địa phương",
    "hai_nhiem_ky": "cán bộ giữ chức vụ cấp trưởng hai nhiệm kỳ liên tiếp",
}
DISCIPLINE_TEXT = {
    "khien_trach": "khiển trách", "canh_cao": "cảnh cáo", "cach_chuc": "cách chức",
    "giang_chuc": "giáng chức", "bai_nhiem": "bãi nhiệm", "khai_tru": "khai trừ",
}
PROCEEDING_TEXT = {"dieu_tra": "điều tra", "truy_to": "truy tố", "xet_xu": "xét xử"}
ROLE_TEXT = {"head": "cấp trưởng", "deputy": "cấp phó"}
GENDER_TEXT = {"nam": "nam", "nu": "nữ"}
LEVEL_TEXT = {"trung_uong": "Trung ương", "tinh": "cấp tỉnh", "huyen": "cấp huyện", "xa": "cấp xã"}


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------
@frozen_dataclass
class LocalityFacts:
    id: str
    name: str
    level: str | None
    parent: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor: str | None
    ancestors: frozenset[str]          # parents, grandparents … (not itself)

    def valid_on(self, t: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= t) and (self.valid_to is None or t <= self.valid_to)


@frozen_dataclass
class UnitFacts:
    id: str
    name: str
    group: str | None
    subgroup: str | None
    block: str | None
    level: str | None
    locality: str | None               # the unit's own locality, or the nearest parent unit's
    parent: str | None
    staff_total: int | None
    staff_female: int | None
    valid_from: dt.date | None
    valid_to: dt.date | None

    def valid_on(self, t: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= t) and (self.valid_to is None or t <= self.valid_to)


@frozen_dataclass
class TitleFacts:
    id: str
    name: str
    role: str | None
    rank: int | None
    key_title: bool
    non_local_required: bool
    sector: str | None
    level: str | None


@frozen_dataclass
class PostFacts:
    id: str
    unit: UnitFacts
    title: TitleFacts
    slots: int
    valid_from: dt.date | None
    valid_to: dt.date | None
    locality: str | None               # resolved: the unit's locality, or the province for a provincial unit

    def valid_on(self, t: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= t) and (self.valid_to is None or t <= self.valid_to)

    @property
    def label(self) -> str:
        return f"{self.title.name} – {self.unit.name}"


@frozen_dataclass
class PositionFacts:
    post: PostFacts
    start: dt.date | None
    end: dt.date | None                # exclusive (docs/interchange.md: intervals [start, end)); None = still held
    concurrent: bool

    def held_on(self, t: dt.date) -> bool:
        return (self.start is None or self.start <= t) and (self.end is None or t < self.end)


@frozen_dataclass
class PlanningFacts:
    title: TitleFacts
    term: str                          # "2020-2025"
    term_start: int
    term_end: int
    group: int | None                  # 1 = one level up, 2 = two levels up
    approved: dt.date | None
    removed: dt.date | None

    def in_force(self, t: dt.date) -> bool:
        """Approved by ``t``, not removed by ``t``, and its term not over (year of t ≤ end year)."""
        return (self.approved is not None and self.approved <= t and (self.removed is None or self.removed > t)
                and t.year <= self.term_end)


@frozen_dataclass
class AppointmentFacts:
    post: PostFacts | None
    decided: dt.date | None
    decision: str | None
    term_start: dt.date | None
    term_end: dt.date | None


@frozen_dataclass
class DisciplineFacts:
    form: str
    decided: dt.date | None
    until: dt.date | None              # last day of the discipline period (inclusive)

    def in_force(self, t: dt.date) -> bool | None:
        """True/False, or None when the record has no end of period."""
        if self.decided is not None and self.decided > t:
            return False
        if self.until is None:
            return None
        return t <= self.until


@frozen_dataclass
class ProceedingFacts:
    kind: str
    start: dt.date | None
    end: dt.date | None

    def open_on(self, t: dt.date) -> bool:
        return (self.start is None or self.start <= t) and (self.end is None or t <= self.end)


@frozen_dataclass
class EvaluationFacts:
    year: int
    grade: str | None
    score: float | None


@frozen_dataclass
class EducationFacts:
    level: str | None
    field: str | None
    mode: str | None
    institution: str | None
    major: str | None
    year: int | None


@frozen_dataclass
class TrainingFacts:
    kind: str | None
    name: str | None
    institution: str | None
    start: dt.date | None
    end: dt.date | None
    mode: str | None


@frozen_dataclass
class ExceptionFacts:
    """An approved special case (trường hợp đặc biệt) for one rule."""

    rule: str
    decision: str | None
    date: dt.date | None
    approved_by: str | None

    def as_dict(self) -> dict:
        return {"rule": self.rule, "decision": self.decision,
                "date": self.date.isoformat() if self.date else None, "approved_by": self.approved_by}


@frozen_dataclass
class CadreFacts:
    id: str
    full_name: str
    gender: str | None
    birth: BirthDate | None
    birthplace: str | None
    hometown: str | None
    ethnicity: str | None
    religion: str | None
    late_retirement_eligible: bool
    education: tuple[EducationFacts, ...]
    political_theory: str | None
    state_management: str | None
    positions: tuple[PositionFacts, ...]          # sorted by start
    planning: tuple[PlanningFacts, ...]
    appointments: tuple[AppointmentFacts, ...]
    discipline: tuple[DisciplineFacts, ...]
    proceedings: tuple[ProceedingFacts, ...]
    evaluations: tuple[EvaluationFacts, ...]
    trainings: tuple[TrainingFacts, ...]
    health_certificate: dt.date | None
    exceptions: tuple[ExceptionFacts, ...]
    retirement_index: int | None                  # R under NĐ 135/2020 (month index)
    retirement_age: int | None                    # age applied, months
    retirement_rule: str | None

    # -- time --------------------------------------------------------------------------------
    def retirement_at(self, t: dt.date) -> tuple[int, int, str]:
        """(R month index, age months, rule) under the law in force at ``t``; raises MissingFacts."""
        if self.retirement_index is None:
            raise MissingFacts(self._missing_retirement())
        if t.year < 2021:
            age, index, rule = _retirement(self.gender, self.birth.year, self.birth.month or 1,  # type: ignore[arg-type, union-attr]
                                           self.late_retirement_eligible, True)
            return index, age, rule
        return self.retirement_index, self.retirement_age, self.retirement_rule  # type: ignore[return-value]

    def months_left(self, t: dt.date) -> int:
        """Whole months from t's month to the retirement month (DOMAIN.md §6); raises MissingFacts."""
        index = self.retirement_at(t)[0] if t.year < 2021 else self.retirement_index
        if index is None:
            raise MissingFacts(self._missing_retirement())
        return index - (t.year * 12 + t.month - 1)

    def retirement_month(self, t: dt.date) -> Month:
        return Month(self.retirement_at(t)[0])

    def age_on(self, t: dt.date) -> int:
        birth = self.birth
        if birth is None:
            raise MissingFacts("ngày sinh")
        return t.year - birth.year - ((t.month, t.day) < (birth.month or 1, birth.day or 1))

    def _missing_retirement(self) -> str:
        missing = [w for w, v in (("giới tính", self.gender), ("ngày sinh", self.birth)) if v is None]
        return " và ".join(missing) or "ngày sinh"

    # -- record ------------------------------------------------------------------------------
    def position_at(self, t: dt.date) -> PositionFacts | None:
        """The main (non-concurrent) position held at ``t``; the most senior if several."""
        best = None
        for position in self.positions:
            if not position.concurrent and position.held_on(t):
                if best is None or (position.post.title.rank or 0) > (best.post.title.rank or 0):
                    best = position
        return best

    def positions_at(self, t: dt.date) -> list[PositionFacts]:
        return [p for p in self.positions if p.held_on(t)]

    def planning_in_force(self, t: dt.date) -> list[PlanningFacts]:
        return [entry for entry in self.planning if entry.in_force(t)]


@frozen_dataclass
class RotationEvaluationFacts:
    kind: str                  # hang_nam | tu_kiem_diem | noi_den_ket_thuc | cap_quyet_dinh
    year: int | None
    date: dt.date | None


@frozen_dataclass
class PlacementFacts:
    kind: str                  # on_dinh_noi_den | tro_ve_noi_cu | noi_khac | van_ban (free text only)
    decision: str | None
    date: dt.date | None
    text: str | None = None


@frozen_dataclass
class AllowanceFacts:
    current: float | None      # allowance coefficient of the post before rotation
    destination: float | None  # of the post at the destination
    paid: float | None         # paid during the rotation


@frozen_dataclass
class ProposalFacts:
    id: str
    cadre_id: str
    purpose: str
    from_post: PostFacts | None            # None = the cadre's main post at the start
    to_posts: tuple[PostFacts, ...]
    start: dt.date
    end: dt.date | None                    # planned end
    outstanding_capacity: bool
    plan_id: str | None
    actual_end: dt.date | None
    placement: PlacementFacts | None
    evaluations: tuple[RotationEvaluationFacts, ...] | None   # None = the record has none
    allowance: AllowanceFacts | None


@frozen_dataclass
class PlanFacts:
    id: str
    name: str
    period_start: dt.date | None
    period_end: dt.date | None
    status: str | None
    overrides: Mapping[str, ParamValue]    # validated parameter overrides of the plan
    targets: Mapping[str, Any]


@frozen_dataclass
class DatasetFacts:
    province_code: str
    province_name: str
    province_locality: str | None
    localities: Mapping[str, LocalityFacts]
    units: Mapping[str, UnitFacts]
    titles: Mapping[str, TitleFacts]
    posts: Mapping[str, PostFacts]
    cadres: Mapping[str, CadreFacts]
    proposals: tuple[ProposalFacts, ...]
    plans: Mapping[str, PlanFacts]
    proposals_by_cadre: Mapping[str, tuple[ProposalFacts, ...]]
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def within(self, locality: str | None, area: str | None) -> bool:
        """Is ``locality`` the locality ``area`` or inside it?"""
        if locality is None or area is None:
            return False
        if locality == area:
            return True
        facts = self.localities.get(locality)
        return facts is not None and area in facts.ancestors

    def occupants(self, post_id: str) -> list[tuple[CadreFacts, PositionFacts]]:
        """Everyone who ever held ``post_id`` (index built once, on first use)."""
        index = self._cache.get("occupants")
        if index is None:
            index = {}
            for cadre in self.cadres.values():
                for position in cadre.positions:
                    index.setdefault(position.post.id, []).append((cadre, position))
            self._cache["occupants"] = index
        return index.get(post_id, [])

    def proposals_to(self, post_id: str) -> list[ProposalFacts]:
        index = self._cache.get("proposals_to")
        if index is None:
            index = {}
            for proposal in self.proposals:
                for post in proposal.to_posts:
                    index.setdefault(post.id, []).append(proposal)
            self._cache["proposals_to"] = index
        return index.get(post_id, [])

    def posts_of_title(self, title_id: str) -> list[PostFacts]:
        index = self._cache.get("posts_of_title")
        if index is None:
            index = {}
            for post in self.posts.values():
                index.setdefault(post.title.id, []).append(post)
            self._cache["posts_of_title"] = index
        return index.get(title_id, [])


# --------------------------------------------------------------------------------------------
# Builder
# --------------------------------------------------------------------------------------------
class _Bad(Exception):
    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message


_fromisoformat = dt.date.fromisoformat


def _date(value: Any, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if value.__class__ is str and len(value) == 10:
        try:
            return _fromisoformat(value)
        except ValueError:
            pass
    elif value.__class__ is dt.date:
        return value
    raise _Bad(field, f"«{value}» không phải ngày dạng YYYY-MM-DD")


def _enum(value: Any, allowed: frozenset | tuple, field: str) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise _Bad(field, f"giá trị «{value}» không hợp lệ (cho phép: {', '.join(sorted(allowed))})")
    return value


def _int(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(field, f"«{value}» phải là số nguyên")
    return value


def _number(value: Any, field: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Bad(field, f"«{value}» phải là số")
    return value


def _bool(value: Any, field: str) -> bool:
    if value is None or value == "":
        return False
    if not isinstance(value, bool):
        raise _Bad(field, f"«{value}» phải là true hoặc false")
    return value


def _list(value: Any, field: str) -> list:
    if value.__class__ is list:
        return value
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Bad(field, "phải là một danh sách")
    return value


def _str(value: Any, field: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _Bad(field, f"«{value}» phải là chuỗi ký tự")
    return value


def _term(value: Any, field: str) -> tuple[int, int]:
    if isinstance(value, str) and len(value) == 9 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
        start, end = int(value[:4]), int(value[5:])
        if start < end:
            return start, end
    raise _Bad(field, f"nhiệm kỳ «{value}» phải có dạng YYYY-YYYY")


class _Builder:
    def __init__(self, doc: Mapping[str, Any], store: ParameterStore) -> None:
        self.doc = doc
        self.store = store
        self.problems: list[dict] = []
        # Equal records (the same evaluation, degree, planning entry… of many cadres) are built and
        # checked once and shared: the facts are immutable, so sharing them is safe.
        self.interned: dict[tuple, Any] = {}
        self.refused_cadres: set[str] = set()

    def problem(self, list_: str, row: int | None, field: str, message: str) -> None:
        self.problems.append({"list": list_, "row": row, "field": field, "message": message})

    def rows(self, name: str) -> list:
        value = self.doc.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(name, None, name, "phải là một danh sách")
            return []
        return value

    def build(self) -> DatasetFacts:
        doc = self.doc
        if not isinstance(doc, Mapping):
            raise DatasetError([{"list": "tệp", "row": None, "field": "format", "message": "tài liệu phải là một đối tượng JSON"}])
        if doc.get("format") != FORMAT:
            self.problem("tệp", None, "format", f"phải là «{FORMAT}»")
        province = doc.get("province")
        if not isinstance(province, Mapping) or not isinstance(province.get("code"), str) or not province.get("code"):
            self.problem("province", None, "code", "thiếu mã tỉnh")
            province = {"code": "", "name": ""}
        localities = self.localities()
        units = self.units(localities)
        titles = self.titles()
        province_locality = self.province_locality(province["code"], localities)
        posts = self.posts(units, titles, province_locality)
        cadres = self.cadres(posts, titles, localities)
        plans = self.plans()
        proposals = self.proposals(cadres, posts, plans)
        if self.problems:
            raise DatasetError(self.problems)
        by_cadre: dict[str, list[ProposalFacts]] = {}
        for proposal in proposals:
            by_cadre.setdefault(proposal.cadre_id, []).append(proposal)
        return DatasetFacts(
            province_code=province["code"],
            province_name=province.get("name") or province["code"],
            province_locality=province_locality,
            localities=localities, units=units, titles=titles, posts=posts, cadres=cadres,
            proposals=tuple(proposals), plans=plans,
            proposals_by_cadre={k: tuple(v) for k, v in by_cadre.items()},
        )

    # -- reference lists ------------------------------------------------------------------------
    def _id(self, list_: str, row: int, raw: Any, seen: set) -> str | None:
        if raw.__class__ is not dict and not isinstance(raw, Mapping):
            self.problem(list_, row, "-", "mỗi dòng phải là một đối tượng")
            return None
        id_ = raw.get("id")
        if not isinstance(id_, str) or not id_:
            self.problem(list_, row, "id", "thiếu mã (id)")
            return None
        if id_ in seen:
            self.problem(list_, row, "id", f"mã «{id_}» bị trùng")
            return None
        seen.add(id_)
        return id_

    def localities(self) -> dict[str, LocalityFacts]:
        raw_rows: dict[str, tuple[int, Mapping]] = {}
        seen: set = set()
        for row, raw in enumerate(self.rows("localities"), 1):
            id_ = self._id("localities", row, raw, seen)
            if id_ is not None:
                raw_rows[id_] = (row, raw)
        out: dict[str, LocalityFacts] = {}
        for id_, (row, raw) in raw_rows.items():
            try:
                parent = _str(raw.get("parent"), "parent")
                if parent is not None and parent not in raw_rows:
                    raise _Bad("parent", f"không có địa phương «{parent}»")
                successor = _str(raw.get("successor"), "successor")
                if successor is not None and successor not in raw_rows:
                    raise _Bad("successor", f"không có địa phương «{successor}»")
                ancestors: list[str] = []
                cursor = parent
                while cursor is not None and cursor not in ancestors and cursor != id_:
                    ancestors.append(cursor)
                    cursor = raw_rows[cursor][1].get("parent") if cursor in raw_rows else None
                out[id_] = LocalityFacts(
                    id=id_, name=_str(raw.get("name"), "name") or id_,
                    level=_enum(raw.get("level"), LEVELS, "level"), parent=parent,
                    valid_from=_date(raw.get("valid_from"), "valid_from"),
                    valid_to=_date(raw.get("valid_to"), "valid_to"),
                    successor=successor, ancestors=frozenset(ancestors),
                )
            except _Bad as e:
                self.problem("localities", row, e.field, e.message)
        return out

    def province_locality(self, code: str, localities: Mapping[str, LocalityFacts]) -> str | None:
        if code in localities:
            return code
        roots = [loc.id for loc in localities.values() if loc.level == "tinh" and loc.parent is None]
        return roots[0] if len(roots) == 1 else None

    def units(self, localities: Mapping[str, LocalityFacts]) -> dict[str, UnitFacts]:
        raw_rows: dict[str, tuple[int, Mapping]] = {}
        seen: set = set()
        for row, raw in enumerate(self.rows("units"), 1):
            id_ = self._id("units", row, raw, seen)
            if id_ is not None:
                raw_rows[id_] = (row, raw)
        out: dict[str, UnitFacts] = {}
        for id_, (row, raw) in raw_rows.items():
            try:
                locality = _str(raw.get("locality"), "locality")
                if locality is not None and locality not in localities:
                    raise _Bad("locality", f"không có địa phương «{locality}»")
                parent = _str(raw.get("parent"), "parent")
                if parent is not None and parent not in raw_rows:
                    raise _Bad("parent", f"không có đơn vị «{parent}»")
                cursor, hops = parent, 0
                while locality is None and cursor is not None and hops < 20:
                    locality = raw_rows[cursor][1].get("locality") if cursor in raw_rows else None
                    cursor = raw_rows[cursor][1].get("parent") if cursor in raw_rows else None
                    hops += 1
                total = _int(raw.get("staff_total"), "staff_total")
                female = _int(raw.get("staff_female"), "staff_female")
                if total is not None and female is not None and not 0 <= female <= total:
                    raise _Bad("staff_female", "số nữ phải từ 0 đến tổng số")
                out[id_] = UnitFacts(
                    id=id_, name=_str(raw.get("name"), "name") or id_,
                    group=_enum(raw.get("group"), GROUPS, "group"),
                    subgroup=_enum(raw.get("subgroup"), SUBGROUPS, "subgroup"),
                    block=_enum(raw.get("block"), BLOCKS, "block"),
                    level=_enum(raw.get("level"), LEVELS, "level"),
                    locality=locality, parent=parent, staff_total=total, staff_female=female,
                    valid_from=_date(raw.get("valid_from"), "valid_from"),
                    valid_to=_date(raw.get("valid_to"), "valid_to"),
                )
            except _Bad as e:
                self.problem("units", row, e.field, e.message)
        return out

    def titles(self) -> dict[str, TitleFacts]:
        out: dict[str, TitleFacts] = {}
        seen: set = set()
        for row, raw in enumerate(self.rows("titles"), 1):
            id_ = self._id("titles", row, raw, seen)
            if id_ is None:
                continue
            try:
                out[id_] = TitleFacts(
                    id=id_, name=_str(raw.get("name"), "name") or id_,
                    role=_enum(raw.get("role"), ROLES, "role"),
                    rank=_int(raw.get("rank"), "rank"),
                    key_title=_bool(raw.get("key_title"), "key_title"),
                    non_local_required=_bool(raw.get("non_local_required"), "non_local_required"),
                    sector=_enum(raw.get("sector"), SECTORS, "sector"),
                    level=_enum(raw.get("level"), LEVELS, "level"),
                )
            except _Bad as e:
                self.problem("titles", row, e.field, e.message)
        return out

    def posts(self, units: Mapping[str, UnitFacts], titles: Mapping[str, TitleFacts],
              province_locality: str | None) -> dict[str, PostFacts]:
        out: dict[str, PostFacts] = {}
        seen: set = set()
        for row, raw in enumerate(self.rows("posts"), 1):
            id_ = self._id("posts", row, raw, seen)
            if id_ is None:
                continue
            try:
                unit = units.get(raw.get("unit"))  # type: ignore[arg-type]
                if unit is None:
                    raise _Bad("unit", f"không có đơn vị «{raw.get('unit')}»")
                title = titles.get(raw.get("title"))  # type: ignore[arg-type]
                if title is None:
                    raise _Bad("title", f"không có chức danh «{raw.get('title')}»")
                slots = _int(raw.get("slots", 1), "slots")
                if slots is None or slots < 1:
                    raise _Bad("slots", "số lượng phải ≥ 1")
                locality = unit.locality
                if locality is None and unit.level == "tinh":
                    locality = province_locality
                valid_from = _date(raw.get("valid_from"), "valid_from")
                valid_to = _date(raw.get("valid_to"), "valid_to")
                out[id_] = PostFacts(
                    id=id_, unit=unit, title=title, slots=slots,
                    valid_from=valid_from if "valid_from" in raw else unit.valid_from,
                    valid_to=valid_to if "valid_to" in raw else unit.valid_to,
                    locality=locality,
                )
            except _Bad as e:
                self.problem("posts", row, e.field, e.message)
        return out

    # -- cadres ---------------------------------------------------------------------------------
    def cadres(self, posts: Mapping[str, PostFacts], titles: Mapping[str, TitleFacts],
               localities: Mapping[str, LocalityFacts]) -> dict[str, CadreFacts]:
        out: dict[str, CadreFacts] = {}
        seen: set = set()
        for row, raw in enumerate(self.rows("cadres"), 1):
            id_ = self._id("cadres", row, raw, seen)
            if id_ is None:
                continue
            try:
                out[id_] = self.cadre(id_, raw, posts, titles, localities)
            except _Bad as e:
                self.problem("cadres", row, e.field, e.message)
                self.refused_cadres.add(id_)
            except (AttributeError, TypeError):
                self.problem("cadres", row, "-", "dữ liệu không đúng cấu trúc (mỗi mục trong danh sách phải là một đối tượng)")
                self.refused_cadres.add(id_)
        return out

    def cadre(self, id_: str, raw: Mapping, posts: Mapping[str, PostFacts], titles: Mapping[str, TitleFacts],
              localities: Mapping[str, LocalityFacts]) -> CadreFacts:
        # Written for speed (the application checks 100,000 cadres at a time): empty lists are
        # skipped without building anything, dates are parsed inline.
        get = raw.get
        gender = get("gender") or None
        if gender is not None and gender not in GENDERS:
            raise _Bad("gender", f"giới tính «{gender}» phải là nam hoặc nu")
        birth_raw = get("birth_date") or None
        birth = None
        if birth_raw is not None:
            birth = _BIRTH_CACHE.get(birth_raw)
            if birth is None:
                try:
                    birth = BirthDate.parse(birth_raw)
                except ValueError as e:
                    raise _Bad("birth_date", str(e)) from None
                if len(_BIRTH_CACHE) < 100_000:
                    _BIRTH_CACHE[birth_raw] = birth
        birthplace, hometown = get("birthplace") or None, get("hometown") or None
        if birthplace is not None and birthplace not in localities:
            raise _Bad("birthplace", f"không có địa phương «{birthplace}»")
        if hometown is not None and hometown not in localities:
            raise _Bad("hometown", f"không có địa phương «{hometown}»")
        late = get("late_retirement_eligible") or False
        if late is not True and late is not False:
            raise _Bad("late_retirement_eligible", f"«{late}» phải là true hoặc false")

        interned = self.interned
        positions: tuple = ()
        items = get("positions")
        if items:
            out = []
            for item in _list(items, "positions"):
                key = ("po", item.get("post"), item.get("start"), item.get("end"), item.get("concurrent"))
                fact = interned.get(key)
                if fact is None:
                    post = posts.get(item.get("post"))
                    if post is None:
                        raise _Bad("positions.post", f"không có vị trí «{item.get('post')}»")
                    concurrent = item.get("concurrent") or False
                    if concurrent is not True and concurrent is not False:
                        raise _Bad("positions.concurrent", f"«{concurrent}» phải là true hoặc false")
                    fact = interned[key] = PositionFacts(post, _date(item.get("start"), "positions.start"),
                                                         _date(item.get("end"), "positions.end"), concurrent)
                out.append(fact)
            if len(out) > 1:
                out.sort(key=_position_start)
            positions = tuple(out)

        planning: tuple = ()
        items = get("planning")
        if items:
            out = []
            for item in _list(items, "planning"):
                key = ("pl", item.get("title"), item.get("term"), item.get("group"), item.get("approved"),
                       item.get("removed"))
                fact = interned.get(key)
                if fact is None:
                    title = titles.get(item.get("title"))
                    if title is None:
                        raise _Bad("planning.title", f"không có chức danh «{item.get('title')}»")
                    term = item.get("term")
                    term_start, term_end = _term(term, "planning.term")
                    group = item.get("group")
                    if group is None or group == "":
                        group = 1                      # docs/interchange.md: group defaults to 1
                    elif group not in (1, 2):
                        raise _Bad("planning.group", "nhóm quy hoạch phải là 1 hoặc 2")
                    fact = interned[key] = PlanningFacts(title, term, term_start, term_end, group,
                                                         _date(item.get("approved"), "planning.approved"),
                                                         _date(item.get("removed"), "planning.removed"))
                out.append(fact)
            planning = tuple(out)

        appointments: tuple = ()
        items = get("appointments")
        if items:
            out = []
            for item in _list(items, "appointments"):
                post_id = item.get("post")
                post = posts.get(post_id) if post_id is not None else None
                if post_id is not None and post is None:
                    raise _Bad("appointments.post", f"không có vị trí «{post_id}»")
                out.append(AppointmentFacts(post, _date(item.get("decided"), "appointments.decided"),
                                            _str(item.get("decision"), "appointments.decision"),
                                            _date(item.get("term_start"), "appointments.term_start"),
                                            _date(item.get("term_end"), "appointments.term_end")))
            appointments = tuple(out)

        discipline: tuple = ()
        items = get("discipline")
        if items:
            discipline = tuple(
                DisciplineFacts(_required_enum(item.get("form"), DISCIPLINE_FORMS, "discipline.form"),
                                _date(item.get("decided"), "discipline.decided"),
                                _date(item.get("until"), "discipline.until"))
                for item in _list(items, "discipline"))
        proceedings: tuple = ()
        items = get("proceedings")
        if items:
            proceedings = tuple(
                ProceedingFacts(_required_enum(item.get("kind"), PROCEEDING_KINDS, "proceedings.kind"),
                                _date(item.get("from"), "proceedings.from"), _date(item.get("to"), "proceedings.to"))
                for item in _list(items, "proceedings"))
        evaluations: tuple = ()
        items = get("evaluations")
        if items:
            out = []
            for item in _list(items, "evaluations"):
                year, grade, score = item.get("year"), item.get("grade"), item.get("score")
                key = ("ev", year, grade, score)
                fact = interned.get(key)
                if fact is None:
                    year = _int(year, "evaluations.year") or 0
                    grade = _enum(grade, GRADES, "evaluations.grade")
                    score = _number(score, "evaluations.score")
                    fact = interned[key] = EvaluationFacts(year, grade, score)
                out.append(fact)
            evaluations = tuple(out)
        education: tuple = ()
        items = get("education")
        if items:
            out = []
            for item in _list(items, "education"):
                key = ("ed", item.get("level"), item.get("field"), item.get("mode"), item.get("institution"),
                       item.get("major"), item.get("year"))
                fact = interned.get(key)
                if fact is None:
                    fact = interned[key] = EducationFacts(
                        _enum(item.get("level"), EDUCATION_LEVELS, "education.level"),
                        _enum(item.get("field"), FIELDS, "education.field"),
                        _enum(item.get("mode"), MODES, "education.mode"),
                        _str(item.get("institution"), "education.institution"),
                        _str(item.get("major"), "education.major"),
                        _int(item.get("year"), "education.year"))
                out.append(fact)
            education = tuple(out)
        trainings: tuple = ()
        items = get("trainings")
        if items:
            trainings = tuple(
                TrainingFacts(_enum(item.get("kind"), TRAINING_KINDS, "trainings.kind"),
                              _str(item.get("name"), "trainings.name"),
                              _str(item.get("institution"), "trainings.institution"),
                              _date(item.get("start"), "trainings.start"), _date(item.get("end"), "trainings.end"),
                              _enum(item.get("mode"), MODES, "trainings.mode"))
                for item in _list(items, "trainings"))
        exceptions: tuple = ()
        items = get("exceptions")
        if items:
            exceptions = tuple(
                ExceptionFacts(_str(item.get("rule"), "exceptions.rule") or _missing("exceptions.rule"),
                               _str(item.get("decision"), "exceptions.decision"),
                               _date(item.get("date"), "exceptions.date"),
                               _str(item.get("approved_by"), "exceptions.approved_by"))
                for item in _list(items, "exceptions"))
        if gender is not None and birth is not None:
            age, index, rule = _retirement(gender, birth.year, birth.month or 1, late, False)
        else:
            age = index = rule = None  # type: ignore[assignment]
        full_name = get("full_name")
        return CadreFacts(
            id_, full_name if isinstance(full_name, str) and full_name else id_, gender, birth, birthplace, hometown,
            _str(get("ethnicity"), "ethnicity"), _str(get("religion"), "religion"), late, education,
            _enum(get("political_theory"), POLITICAL_THEORY, "political_theory"),
            _enum(get("state_management"), STATE_MANAGEMENT, "state_management"),
            positions, planning, appointments, discipline, proceedings, evaluations, trainings,
            _date(get("health_certificate"), "health_certificate"), exceptions, index, age, rule,
        )

    # -- plans and proposals --------------------------------------------------------------------
    def plans(self) -> dict[str, PlanFacts]:
        out: dict[str, PlanFacts] = {}
        seen: set = set()
        for row, raw in enumerate(self.rows("rotation_plans"), 1):
            id_ = self._id("rotation_plans", row, raw, seen)
            if id_ is None:
                continue
            try:
                name = _str(raw.get("name"), "name") or id_
                parameters = raw.get("parameters") or {}
                if not isinstance(parameters, Mapping):
                    raise _Bad("parameters", "phải là đối tượng tên tham số → giá trị")
                try:
                    overrides = self.store.plan_overrides(parameters, plan_label=f"kế hoạch {id_}",
                                                          plan_document=f"Kế hoạch luân chuyển «{name}»")
                except ParameterError as e:
                    raise _Bad("parameters", e.message) from None
                targets = raw.get("targets") or {}
                if not isinstance(targets, Mapping):
                    raise _Bad("targets", "phải là một đối tượng")
                out[id_] = PlanFacts(id_, name, _date(raw.get("period_start"), "period_start"),
                                     _date(raw.get("period_end"), "period_end"), _str(raw.get("status"), "status"),
                                     overrides, dict(targets))
            except _Bad as e:
                self.problem("rotation_plans", row, e.field, e.message)
        return out

    def proposals(self, cadres: Mapping[str, CadreFacts], posts: Mapping[str, PostFacts],
                  plans: Mapping[str, PlanFacts]) -> list[ProposalFacts]:
        out: list[ProposalFacts] = []
        seen: set = set()
        for row, raw in enumerate(self.rows("proposals"), 1):
            id_ = self._id("proposals", row, raw, seen)
            if id_ is None:
                continue
            try:
                cadre_id = raw.get("cadre")
                if cadre_id in self.refused_cadres:
                    raise _Bad("cadre", f"cán bộ «{cadre_id}» có lỗi (xem danh sách cadres)")
                if cadre_id not in cadres:
                    raise _Bad("cadre", f"không có cán bộ «{cadre_id}»")
                purpose = raw.get("purpose")
                if purpose not in PURPOSES:
                    raise _Bad("purpose", f"mục đích «{purpose}» không hợp lệ (cho phép: {', '.join(sorted(PURPOSES))})")
                from_post = None
                if raw.get("from_post") not in (None, ""):
                    from_post = posts.get(raw["from_post"])
                    if from_post is None:
                        raise _Bad("from_post", f"không có vị trí «{raw['from_post']}»")
                to_posts = []
                for post_id in _list(raw.get("to_posts"), "to_posts"):
                    post = posts.get(post_id)
                    if post is None:
                        raise _Bad("to_posts", f"không có vị trí «{post_id}»")
                    to_posts.append(post)
                if not to_posts:
                    raise _Bad("to_posts", "cần ít nhất một vị trí đến")
                start = _date(raw.get("start"), "start")
                if start is None:
                    raise _Bad("start", "thiếu ngày bắt đầu")
                end = _date(raw.get("end"), "end")
                if end is not None and end <= start:
                    raise _Bad("end", "ngày kết thúc phải sau ngày bắt đầu")
                plan_id = raw.get("plan") or None
                if plan_id is not None and plan_id not in plans:
                    raise _Bad("plan", f"không có kế hoạch «{plan_id}»")
                out.append(ProposalFacts(
                    id=id_, cadre_id=cadre_id, purpose=purpose, from_post=from_post, to_posts=tuple(to_posts),
                    start=start, end=end,
                    outstanding_capacity=_bool(raw.get("outstanding_capacity"), "outstanding_capacity"),
                    plan_id=plan_id, actual_end=_date(raw.get("actual_end"), "actual_end"),
                    placement=_placement(raw.get("placement")),
                    evaluations=_rotation_evaluations(raw.get("evaluations")),
                    allowance=_allowance(raw.get("allowance")),
                ))
            except _Bad as e:
                self.problem("proposals", row, e.field, e.message)
            except (AttributeError, TypeError):
                self.problem("proposals", row, "-", "dữ liệu không đúng cấu trúc")
        return out


_BIRTH_CACHE: dict[str, BirthDate] = {}


def _position_start(position: PositionFacts) -> dt.date:
    return position.start or dt.date.min


def _required_enum(value: Any, allowed: frozenset, field: str) -> str:
    if value is None:
        raise _Bad(field, "thiếu giá trị bắt buộc")
    if value not in allowed:
        raise _Bad(field, f"giá trị «{value}» không hợp lệ (cho phép: {', '.join(sorted(allowed))})")
    return value


def _missing(field: str) -> Any:
    raise _Bad(field, "thiếu giá trị bắt buộc")


def _placement(raw: Any) -> PlacementFacts | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        if raw in PLACEMENT_KINDS:
            return PlacementFacts(raw, None, None)
        return PlacementFacts(PLACEMENT_TEXT_ONLY, None, None, raw)
    if not isinstance(raw, Mapping):
        raise _Bad("placement", "phải là mã phương án hoặc đối tượng {kind, decision, date}")
    kind = _enum(raw.get("kind"), PLACEMENT_KINDS, "placement.kind")
    if kind is None:
        raise _Bad("placement.kind", "thiếu phương án bố trí")
    return PlacementFacts(kind, _str(raw.get("decision"), "placement.decision"), _date(raw.get("date"), "placement.date"))


def _rotation_evaluations(raw: Any) -> tuple[RotationEvaluationFacts, ...] | None:
    if raw is None:
        return None
    return tuple(
        RotationEvaluationFacts(_enum(item.get("kind"), ROTATION_EVALUATION_KINDS, "evaluations.kind") or
                                _missing("evaluations.kind"),
                                _int(item.get("year"), "evaluations.year"), _date(item.get("date"), "evaluations.date"))
        for item in _list(raw, "evaluations")
    )


def _allowance(raw: Any) -> AllowanceFacts | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise _Bad("allowance", "phải là đối tượng {current, destination, paid}")
    return AllowanceFacts(_number(raw.get("current"), "allowance.current"),
                          _number(raw.get("destination"), "allowance.destination"),
                          _number(raw.get("paid"), "allowance.paid"))


class gc_paused:
    """Pause the cyclic garbage collector while building or evaluating many small objects.

    Nothing built here forms reference cycles worth collecting mid-way; the collector's repeated
    passes over the growing heap otherwise cost about a third of the time.
    """

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was_enabled:
            gc.enable()


def facts_from_document(doc: Mapping[str, Any], *, store: ParameterStore | None = None) -> DatasetFacts:
    """Turn a ``luanchuyen/v1`` document into :class:`DatasetFacts`; raises :class:`DatasetError`."""
    with gc_paused():
        return _Builder(doc, store or default_store()).build()


_ONE_DAY = dt.timedelta(days=1)


def position_left(cadre: CadreFacts, proposal: ProposalFacts, t: dt.date) -> PositionFacts | None:
    """The main position ``cadre`` leaves by ``proposal``, as held before the move.

    That is the day before the proposal's start (from the start day on the record may already show
    the destination, the result of the rotation), or ``t`` when ``t`` is earlier. With a ``from_post``,
    the position in that post held that day; otherwise (or when the record does not show it) the main
    position held that day.
    """
    day = proposal.start - _ONE_DAY
    if t < day:
        day = t
    from_post = proposal.from_post
    if from_post is not None:
        for position in cadre.positions:
            if not position.concurrent and position.post.id == from_post.id and position.held_on(day):
                return position
    return cadre.position_at(day)


# --------------------------------------------------------------------------------------------
# What one rule evaluation looks at
# --------------------------------------------------------------------------------------------
@frozen_dataclass
class CaseFacts:
    """The facts an individual rule reads: one cadre, and when relevant one proposal or target post.

    ``current_post`` is the post the cadre leaves (the proposal's ``from_post``, else the main post
    held before the move, :func:`position_left`; outside a proposal the main post held at the reference
    time); ``to_posts`` the destination posts (a proposal's, or the post of an appointment being considered).
    """

    dataset: DatasetFacts | None
    cadre: CadreFacts
    proposal: ProposalFacts | None = None
    plan: PlanFacts | None = None
    purpose: str | None = None
    current_post: PostFacts | None = None
    to_posts: tuple[PostFacts, ...] = ()
    cache: dict = field(default_factory=dict, compare=False, repr=False)   # per-evaluation memo (e.g. higher move)


@frozen_dataclass
class PlanCase:
    """A rotation plan with its proposals (collective plan rules)."""

    dataset: DatasetFacts
    plan: PlanFacts
    proposals: tuple[ProposalFacts, ...]


@frozen_dataclass
class BodyCase:
    """A body of cadres (a unit, a committee, the whole province) for collective rules."""

    dataset: DatasetFacts
    cadres: tuple[CadreFacts, ...]
    label: str = "đội ngũ cán bộ"
