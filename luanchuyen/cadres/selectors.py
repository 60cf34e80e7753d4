"""Reads of cadre records, always scoped to the user (DOMAIN.md §1)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Collate, Length
from django.http import Http404
from django.urls import reverse

from luanchuyen.cadres.models import Cadre, PlanningEntry
from luanchuyen.core.choices import Gender, UserRole
from luanchuyen.core.text import format_partial_date, strip_accents
from luanchuyen.organization.models import Post
from luanchuyen.organization.selectors import unit_subtree_ids, units_named

# Age bands of the cadre list filter: label -> (min age inclusive, max age exclusive)
AGE_BANDS: dict[str, tuple[str, int, int]] = {
    "duoi_35": ("Dưới 35", 0, 35),
    "35_39": ("35 – 39", 35, 40),
    "40_44": ("40 – 44", 40, 45),
    "45_49": ("45 – 49", 45, 50),
    "50_54": ("50 – 54", 50, 55),
    "55_tro_len": ("Từ 55", 55, 200),
}


def user_unit_scope(user) -> set[str]:
    """The ids of a unit user's unit and the units below it, computed once per user object (request)."""
    if not getattr(user, "unit_id", None):
        return set()
    cached = getattr(user, "_unit_scope_cache", None)
    if cached is None or cached[0] != user.unit_id:
        cached = (user.unit_id, frozenset(unit_subtree_ids(user.unit_id)))
        user._unit_scope_cache = cached
    return set(cached[1])


def cadre_queryset_for_user(user) -> QuerySet[Cadre]:
    """Every cadre the user may read; the only entry point to cadre data for people."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Cadre.objects.none()
    if user.role in (UserRole.ORGANIZATION, UserRole.LEADERSHIP, UserRole.INSPECTION):
        return Cadre.objects.all()
    if user.role == UserRole.UNIT and user.unit_id:
        return Cadre.objects.filter(current_unit_id__in=user_unit_scope(user))
    if user.role == UserRole.CADRE and user.cadre_id:
        return Cadre.objects.filter(pk=user.cadre_id)
    return Cadre.objects.none()


def cadre_get_for_user(*, user, cadre_id: str) -> Cadre:
    """The cadre if the user may read it; 404 otherwise (no hint that it exists)."""
    cadre = (
        cadre_queryset_for_user(user)
        .select_related("birthplace", "hometown", "current_unit", "current_post__title")
        .filter(pk=cadre_id)
        .first()
    )
    if cadre is None:
        raise Http404("Không tìm thấy cán bộ")
    return cadre


@dataclass(frozen=True)
class CadreFilter:
    query: str = ""
    unit: str = ""
    group: str = ""
    gender: str = ""
    age_band: str = ""
    political_theory: str = ""
    in_planning: str = ""  # "" | "1" | "0"


def _birth_range_for_age(on: dt.date, lo: int, hi: int) -> Q:
    """Birth dates giving an age in [lo, hi) at `on`."""
    def years_before(n: int) -> dt.date:
        try:
            return on.replace(year=on.year - n)
        except ValueError:  # 29/02
            return on.replace(year=on.year - n, day=28)
    q = Q(birth_date__lte=years_before(lo))
    if hi < 200:
        q &= Q(birth_date__gt=years_before(hi))
    return q


def cadre_list(*, user, filters: CadreFilter, on: dt.date) -> QuerySet[Cadre]:
    qs = cadre_queryset_for_user(user).select_related("current_unit", "current_post__title")
    if filters.query:
        # every word must begin a word of the name ("van an" finds Nguyễn Văn An, not Hoàng Văn Dũng),
        # or be the cadre's id; name_search has a space before each word (core.text.name_search_key)
        words = strip_accents(filters.query).split()
        for word in words:
            qs = qs.filter(Q(name_search__contains=f" {word}") | Q(id__iexact=word))
    if filters.unit:
        qs = qs.filter(current_unit_id__in=unit_subtree_ids(filters.unit))
    if filters.group:
        qs = qs.filter(current_unit__group=filters.group)
    if filters.gender:
        qs = qs.filter(gender=filters.gender)
    if filters.age_band in AGE_BANDS:
        _, lo, hi = AGE_BANDS[filters.age_band]
        qs = qs.filter(_birth_range_for_age(on, lo, hi))
    if filters.political_theory:
        qs = qs.filter(political_theory=filters.political_theory)
    if filters.in_planning in ("0", "1"):
        planned = PlanningEntry.objects.filter(cadre=OuterRef("pk"), approved__lte=on).filter(
            Q(removed__isnull=True) | Q(removed__gt=on)
        )
        qs = qs.filter(Exists(planned)) if filters.in_planning == "1" else qs.exclude(Exists(planned))
    return qs.order_by("name_sort", "id")


def _rare_sections_of(cadre: Cadre) -> set[str]:
    """Which of the sections most cadres do not have (discipline, proceedings, approved exceptions,
    rotations) this cadre has: one query, so that an empty one costs no query of its own."""
    from luanchuyen.cadres.models import ApprovedException, Discipline, Proceeding
    from luanchuyen.rotation.models import Proposal

    checks = {name: Exists(model.objects.filter(cadre=OuterRef("pk")))
              for name, model in (("discipline", Discipline), ("proceedings", Proceeding),
                                  ("exceptions", ApprovedException), ("rotations", Proposal))}
    row = Cadre.objects.filter(pk=cadre.pk).order_by().annotate(**checks).values_list(*checks).first()
    return {name for name, present in zip(checks, row or ()) if present}


def cadre_record(*, cadre: Cadre) -> dict:
    """Everything the 2C record shows, in the order of the form."""
    rare = _rare_sections_of(cadre)
    return {
        "education": list(cadre.education_set.all()),
        "courses": list(cadre.course_set.all()),
        "positions": list(
            cadre.position_set.select_related("post__title", "post__unit").order_by("-start", "id")
        ),
        "planning": list(cadre.planningentry_set.select_related("title").order_by("-term", "id")),
        "appointments": list(cadre.appointment_set.select_related("post__title", "post__unit")),
        "discipline": list(cadre.discipline_set.all()) if "discipline" in rare else [],
        "proceedings": list(cadre.proceeding_set.all()) if "proceedings" in rare else [],
        "evaluations": list(cadre.evaluation_set.order_by("-year")),
        "exceptions": list(cadre.approvedexception_set.all()) if "exceptions" in rare else [],
        "rotations": list(
            cadre.proposals.select_related("plan", "from_post__title", "from_post__unit")
            .prefetch_related(Prefetch("to_posts", queryset=Post.objects.select_related("title", "unit")))
            .order_by("-start", "id")
        ) if "rotations" in rare else [],
    }


UNIT_SELECT_MAX = 300   # up to this many units the list's unit filter is a drop-down; beyond, a search box


def units_for_user(*, user, on: dt.date) -> QuerySet:
    """The units a user may filter the cadre list by: those the user may see, in force at `on`."""
    from luanchuyen.organization.models import Unit

    if user.role in (UserRole.ORGANIZATION, UserRole.LEADERSHIP, UserRole.INSPECTION):
        return Unit.objects.valid_on(on)
    if user.role == UserRole.UNIT and user.unit_id:
        return Unit.objects.filter(pk__in=user_unit_scope(user))
    if user.role == UserRole.CADRE and user.cadre_id:
        return Unit.objects.filter(current_cadres__pk=user.cadre_id)
    return Unit.objects.none()


def unit_label(unit_id: str, name: str, parent_name: str | None) -> str:
    """How a unit is named in the filter: 'Văn phòng – Sở Tài chính (SO-TC-VP)'."""
    return f"{name} – {parent_name} ({unit_id})" if parent_name else f"{name} ({unit_id})"


def unit_choices_for_user(*, user, on: dt.date) -> list[tuple[str, str]] | None:
    """The unit filter's drop-down (id, name), or None when the user may see more than
    UNIT_SELECT_MAX units: the filter is then a search box (:func:`unit_suggestions_for_user`)."""
    units = units_for_user(user=user, on=on)
    if units.order_by()[UNIT_SELECT_MAX:UNIT_SELECT_MAX + 1].exists():   # stops at the limit, sorts nothing
        return None
    return list(units.order_by("group", "name", "id").values_list("id", "name"))


def unit_suggestions_for_user(*, user, on: dt.date, query: str, limit: int = 20) -> list[tuple[str, str]]:
    """Up to `limit` units the user may see whose name holds every word typed (with or without
    diacritics), or whose id is the text typed: (id, label), shortest names first."""
    units = units_for_user(user=user, on=on)
    named = units_named(units, query)
    if named is None:
        return []
    units = named | units.filter(id__iexact=query.strip())
    rows = units.annotate(name_length=Length("name")).order_by("name_length", "name", "id").values_list(
        "id", "name", "parent__name")[:limit]
    return [(unit_id, unit_label(unit_id, name, parent)) for unit_id, name, parent in rows]


_LABEL_ID = re.compile(r"\(([^()]+)\)\s*$")


def unit_for_user(*, user, on: dt.date, value: str) -> tuple[str, str] | None:
    """The unit a filter value names — its id, or a label ending in '(id)' as the suggestions give
    it — if the user may see it: (id, label); None otherwise."""
    value = (value or "").strip()
    match = _LABEL_ID.search(value)
    unit_id = match.group(1).strip() if match else value
    row = units_for_user(user=user, on=on).filter(pk=unit_id).values_list("id", "name", "parent__name").first()
    return (row[0], unit_label(*row)) if row else None


def cadre_ids_visible_to(*, user, cadre_ids) -> set[str]:
    """Which of `cadre_ids` the user may read (one query)."""
    return set(cadre_queryset_for_user(user).filter(pk__in=list(cadre_ids)).values_list("pk", flat=True))


def province_name() -> str:
    """The name of the province this installation serves ('' when not loaded)."""
    from django.conf import settings

    from luanchuyen.organization.models import Locality

    return Locality.objects.filter(pk=settings.PROVINCE_CODE).values_list("name", flat=True).first() or ""


# -- rotation eligibility and retirement (the rules over the database: luanchuyen.eligibility) -------
ELIGIBILITY_FILTER_MAX = 5000   # cadres the list's "Đủ điều kiện luân chuyển" filter evaluates at most


def cadre_list_eligible(qs: QuerySet[Cadre], *, on: dt.date, purpose: str, eligible: str,
                        limit: int | None = None) -> tuple[QuerySet[Cadre], str]:
    """Keep the cadres of an (already scoped and filtered) list that are — ``eligible="1"`` — or are
    not — ``"0"`` — eligible for ``purpose`` at ``on``; a Vietnamese message instead when the list
    has more than ``limit`` cadres (the filter is then not applied)."""
    from luanchuyen.eligibility.services import eligible_cadre_ids

    if eligible not in ("0", "1"):
        return qs, ""
    limit = limit or ELIGIBILITY_FILTER_MAX
    ids = list(qs.order_by().values_list("pk", flat=True)[: limit + 1])
    if len(ids) > limit:
        total = qs.count()
        message = (f"Bộ lọc «Đủ điều kiện luân chuyển» xét tối đa {limit:,} cán bộ một lần; danh sách "
                   f"đang có {total:,} cán bộ. Hãy lọc bớt (theo đơn vị, nhóm cơ quan, độ tuổi…) rồi chọn lại.")
        return qs, message.replace(",", ".")
    keep = eligible_cadre_ids(ids, on=on, purpose=purpose)
    return (qs.filter(pk__in=keep) if eligible == "1" else qs.exclude(pk__in=keep)), ""


# What a row of the list shows (cadres/_results.html), read as plain values: no model instances.
LIST_ROW_FIELDS = ("id", "full_name", "gender", "birth_date", "birth_precision", "late_retirement_eligible",
                   "current_post__title__name", "current_unit__name")


def _values_in_order(qs: QuerySet[Cadre], ids: list[str]) -> list[tuple]:
    """The LIST_ROW_FIELDS of the cadres `ids` (read from `qs`, one query) in the order of `ids`."""
    found = {row[0]: row for row in qs.order_by().filter(pk__in=ids).values_list(*LIST_ROW_FIELDS)}
    return [found[i] for i in ids if i in found]


class CadrePageSource:
    """A list in a given order of ids, fetched a page at a time (for the Paginator): LIST_ROW_FIELDS."""

    def __init__(self, ids: list[str], queryset: QuerySet[Cadre]):
        self.ids = ids
        self.queryset = queryset

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: slice) -> list[tuple]:
        return _values_in_order(self.queryset, self.ids[index])


SHORT_LIST_MAX = 6000   # lists up to this long are sorted by themselves on PostgreSQL (CadreListSource)


class CadreListSource:
    """The filtered list in name order (``name_sort``, ``id``), a page at a time, for the Paginator:
    the LIST_ROW_FIELDS of each cadre.

    The database reads a page either by walking the name index until the page is full, or by sorting
    the matching rows. The walk is quick when the matches are spread over the alphabet ("nguyen",
    "van"), but the index is in given-name order, so the matches of a given name sit together: "vinh"
    is near the end, and the walk read 96,000 of 100,000 cadres (70 ms) to fill the first page. The
    planner cannot know where the matches sit, so the choice is made here, from the count the page
    needs anyway: on PostgreSQL a list of at most SHORT_LIST_MAX cadres is sorted by itself (the
    page's ids by a top-N sort of the matching rows only, then the page's rows by id: 4–9 ms for a
    given name); a longer list is walked (its matches are dense: no given name is that common).
    SQLite keeps the plain query."""

    def __init__(self, queryset: QuerySet[Cadre]):
        self.queryset = queryset
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = self.queryset.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[tuple]:
        if connection.vendor != "postgresql" or self.count() > SHORT_LIST_MAX:
            return list(self.queryset.values_list(*LIST_ROW_FIELDS)[index])
        # name_sort is upper-case ASCII (core.text.name_sort_key): byte order ("C") is its order under
        # every collation, and an ORDER BY the index does not serve makes the planner sort the matches
        ids = list(self.queryset.order_by(Collate("name_sort", "C"), "id").values_list("pk", flat=True)[index])
        return _values_in_order(self.queryset, ids)


def cadre_list_rows(rows: list[tuple], *, on: dt.date) -> list[dict]:
    """The list's rows (LIST_ROW_FIELDS) as the screen shows them, retirement at ``on`` included.
    Plain dicts: the template reads them without attribute lookups (a page of 50 in ≈ 1 ms)."""
    from luanchuyen.eligibility.selectors import retirement_at

    genders = dict(Gender.choices)
    href_before, _, href_after = reverse("cadres:detail", args=["-"]).rpartition("-")
    out = []
    for cid, name, gender, birth, precision, late, title, unit in rows:
        month, left = retirement_at(gender=gender, birth_date=birth, precision=precision, late=late, on=on)
        out.append({
            "id": cid, "href": f"{href_before}{quote(cid)}{href_after}", "name": name,
            "gender": genders.get(gender, gender), "birth": format_partial_date(birth, precision),
            "title": title or "", "unit": unit or "",
            "retirement": month.text if month is not None else "—",
            "months_left": "—" if left is None else ("đã nghỉ" if left < 0 else left),
        })
    return out


def cadre_list_by_months_left(qs: QuerySet[Cadre], *, on: dt.date) -> CadrePageSource:
    """The list ordered by months of work left at ``on``, fewest first, then by name; those already past
    their retirement month come after, then those whose retirement month cannot be computed. One query
    for the order (for the whole filtered list), one per page for the rows."""
    from luanchuyen.eligibility.selectors import retirement_at

    keyed = []
    rows = qs.order_by().values_list("id", "gender", "birth_date", "birth_precision", "late_retirement_eligible",
                                     "name_sort")
    for cid, gender, birth, precision, late, name in rows.iterator(5000):
        left = retirement_at(gender=gender, birth_date=birth, precision=precision, late=late, on=on)[1]
        group = 2 if left is None else (1 if left < 0 else 0)
        keyed.append(((group, abs(left or 0), name, cid), cid))
    keyed.sort()
    return CadrePageSource([cid for _, cid in keyed], qs)


def with_retirement(cadres, *, on: dt.date) -> list[Cadre]:
    """Sets ``retirement_month`` (a rules ``Month`` or None) and ``months_left`` on each cadre."""
    from luanchuyen.eligibility.selectors import retirement_of

    out = list(cadres)
    for cadre in out:
        cadre.retirement_month, cadre.months_left = retirement_of(cadre, on)
    return out
