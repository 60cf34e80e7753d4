"""The application's data as rule facts (``luanchuyen.rules.facts.DatasetFacts``), and the retirement
month of cadres read straight from the database.

The rules package is pure and reads the interchange format; the application hands it the same
document it would export (``interchange.services.export_document``), so the verdicts over the
database are exactly those ``luanchuyen check`` gives over an exported file. Callers scope
``cadre_ids`` to the user first (``cadres.selectors.cadre_queryset_for_user``).

Two ways to build the facts:

* :func:`dataset_facts` — every list of the database (or the chosen cadres with the *whole*
  organization and every plan): what ``export`` writes. Needed where a rule looks across cadres
  (ROT-06 counts the holders of a post, the plan rules count proposals).
* :func:`cadre_facts` — the chosen cadres with only the localities, units, titles, posts and plans
  their records refer to (and the ancestors of those). Enough for the rules about one cadre
  (contexts ``eligibility``, ``cadre``, ``planning``, ``training``) and far cheaper on a large
  province: one record of the 100,000-cadre demo needs a few dozen of its 156,000 posts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.conf import settings
from django.db.models import Q

from luanchuyen.core import text
from luanchuyen.interchange import schema
from luanchuyen.interchange.services import (  # the exporter's own converters keep both paths identical
    QUERY_CHUNK,
    _chunks,
    _export_proposals,
    _sort_key,
    export_document,
    province,
)
from luanchuyen.rules.facts import DatasetFacts, facts_from_document, gc_paused
from luanchuyen.rules.retirement import BirthDate, Month, compute_retirement, months_left


def dataset_facts(*, cadre_ids: Iterable[str] | None = None) -> DatasetFacts:
    """Facts for ``cadre_ids`` (all cadres when None) with the whole organization and every plan.

    Not audited here: the caller records what the user looked at.
    """
    return facts_from_document(export_document(cadre_ids=cadre_ids, audit=False))


# The nested lists of a cadre that the rules about one cadre read, by evaluation context. The other
# lists are left empty in the document (tests/test_selectors.py checks the verdicts are identical).
ELIGIBILITY_LISTS = ("positions", "planning", "discipline", "proceedings", "exceptions")


def cadre_facts(
    *, cadre_ids: Iterable[str] | None = None, lists: Iterable[str] | None = ELIGIBILITY_LISTS
) -> DatasetFacts:
    """Facts for the rules about one cadre (contexts ``eligibility`` and ``cadre``) — see the module doc.

    ``lists``: the cadre's nested lists to read (None: all of them, as exported).
    """
    return facts_from_document(rule_document(cadre_ids=cadre_ids, lists=lists))


def _fast_exporter(spec: schema.ListSpec) -> Callable[[tuple], dict]:
    """The exporter's row converter (``interchange.services._exporter``, the same dicts: tests check
    it) built for speed: the row is zipped at C speed, then only the fields that need it are fixed up
    (dates → ISO text, an optional empty text → None, a birth date and its precision → partial ISO)."""
    keys: list[str] = []
    fixes: list[tuple[str, int, Callable]] = []
    births: list[tuple[str, int]] = []
    position = 0
    for f in spec.scalar_fields:
        keys.append(f.key)
        if f.kind == "birth_date":
            births.append((f.key, position))
            keys.append("\0precision")
            position += 2
            continue
        if f.kind == "date":
            fixes.append((f.key, position, _iso_or_none))
        elif f.kind in ("id", "str", "enum") and not f.required:
            fixes.append((f.key, position, _blank_to_none))
        position += 1
    if births:

        def convert(values: tuple) -> dict:
            row = dict(zip(keys, values))
            for key, i, fn in fixes:
                row[key] = fn(values[i])
            for key, i in births:
                row[key] = text.partial_date_iso(values[i], values[i + 1])
            del row["\0precision"]
            return row

        return convert

    def convert_plain(values: tuple) -> dict:
        row = dict(zip(keys, values))
        for key, i, fn in fixes:
            row[key] = fn(values[i])
        return row

    return convert_plain


def _iso_or_none(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _blank_to_none(value: str) -> str | None:
    return value if value != "" else None


def proposal_facts() -> DatasetFacts:
    """Facts for checking the database's proposals, as :func:`dataset_facts` gives them but cheaper.

    The rules of a proposal read the proposal's cadre in full, and of the other cadres only their
    positions, planning and proposals (free slots, plan subjects and shares): every cadre with
    ``ELIGIBILITY_LISTS``, the cadres with a proposal with every list, the whole organization.
    """
    with gc_paused():
        doc = _rule_document(None, ELIGIBILITY_LISTS)
        ids = sorted({proposal["cadre"] for proposal in doc["proposals"]})
        full = {row["id"]: row for row in _cadre_rows(ids, None)}
        doc["cadres"] = [full.get(row["id"], row) for row in doc["cadres"]]
    return facts_from_document(doc)


def _rows(
    spec: schema.ListSpec, ids: Iterable[str] | None, key: str = "pk", attrs: tuple[str, ...] | None = None
) -> Iterable[tuple]:
    attrs = attrs or spec.attrs
    if ids is None:  # one client-side fetch: far fewer round trips than a server-side cursor
        yield from spec.model.objects.values_list(*attrs)
        return
    for chunk in _chunks(sorted(ids), QUERY_CHUNK):
        yield from spec.model.objects.filter(**{f"{key}__in": chunk}).values_list(*attrs)


def _closure(spec: schema.ListSpec, ids: set[str] | None, parent_keys: tuple[str, ...]) -> dict[str, dict]:
    """Rows of ``spec`` for ``ids`` (all when None) and, transitively, the rows they name in ``parent_keys``."""
    convert = _fast_exporter(spec)
    if ids is None:
        return {row["id"]: row for row in map(convert, _rows(spec, None))}
    found: dict[str, dict] = {}
    frontier = {i for i in ids if i}
    while frontier:
        fresh: set[str] = set()
        for values in _rows(spec, frontier):
            row = convert(values)
            found[row["id"]] = row
            fresh.update(row[k] for k in parent_keys if row.get(k))
        frontier = fresh - set(found)
    return found


def _cadre_rows(ids: list[str] | None, lists: Iterable[str] | None) -> list[dict]:
    """The exporter's cadre rows (``interchange.services._export_cadres``), reading only ``lists``."""
    wanted = set(schema.CADRES.by_key) if lists is None else set(lists)
    convert = _fast_exporter(schema.CADRES)
    cadres = {values[0]: convert(values) for values in _rows(schema.CADRES, ids)}
    nested: dict[str, dict[str, list[dict]]] = {}
    for spec in schema.CADRE_CHILDREN:
        out: dict[str, list[dict]] = {}
        nested[spec.key] = out
        if spec.key not in wanted:
            continue
        convert_child = _fast_exporter(spec)
        sort_positions = [2 + spec.attrs.index(a) for a in spec.sort] + [1]
        grouped: dict[str, list[tuple]] = defaultdict(list)
        for values in _rows(spec, ids, "cadre_id", ("cadre_id", "pk", *spec.attrs)):
            grouped[values[0]].append(values)
        for cadre_id, rows in grouped.items():
            rows.sort(key=lambda v: _sort_key(v, sort_positions))
            out[cadre_id] = [convert_child(v[2:]) for v in rows]
    children = [(f.key, nested[f.key]) for f in schema.CADRES.children]
    result = []
    for cadre_id in sorted(cadres):
        row = cadres[cadre_id]  # the scalar fields; the nested lists are added (same keys)
        for key, lists_ in children:
            row[key] = lists_.get(cadre_id, [])
        result.append(row)
    return result


def rule_document(*, cadre_ids: Iterable[str] | None = None, lists: Iterable[str] | None = None) -> dict:
    """A ``luanchuyen/v1`` document for the rules about one cadre at a time.

    ``cadre_ids`` (None: every cadre), their proposals, every rotation plan, and the localities,
    units, titles and posts the records refer to, with parent units and localities (the whole
    organization when ``cadre_ids`` is None). ``lists``: the nested lists of a cadre to read.
    """
    with gc_paused():  # millions of small dicts: the cyclic GC would rescan them again and again
        return _rule_document(sorted(set(cadre_ids)) if cadre_ids is not None else None, lists)


def _rule_document(ids: list[str] | None, lists: Iterable[str] | None) -> dict:
    cadres = _cadre_rows(ids, lists)
    proposals = _export_proposals(ids)
    if ids is None:
        post_ids = title_ids = locality_ids = None
    else:
        post_ids, title_ids, locality_ids = set(), set(), {settings.PROVINCE_CODE}
        for cadre in cadres:
            locality_ids.update(x for x in (cadre["birthplace"], cadre["hometown"]) if x)
            post_ids.update(p["post"] for p in cadre["positions"])
            post_ids.update(a["post"] for a in cadre["appointments"])
            title_ids.update(q["title"] for q in cadre["planning"])
        for proposal in proposals:
            post_ids.update(proposal["to_posts"])
            if proposal["from_post"]:
                post_ids.add(proposal["from_post"])
    posts = _closure(schema.POSTS, post_ids, ())
    units = _closure(schema.UNITS, None if ids is None else {p["unit"] for p in posts.values()}, ("parent",))
    if locality_ids is not None:
        title_ids.update(p["title"] for p in posts.values())
        locality_ids.update(u["locality"] for u in units.values() if u["locality"])
    localities = _closure(schema.LOCALITIES, locality_ids, ("parent", "successor"))
    titles = _closure(schema.TITLES, title_ids, ())
    plans = _closure(schema.ROTATION_PLANS, None, ())
    by_id = lambda rows: [rows[k] for k in sorted(rows)]
    return {
        "format": schema.FORMAT,
        "province": province(),
        "localities": by_id(localities),
        "units": by_id(units),
        "titles": by_id(titles),
        "posts": by_id(posts),
        "cadres": cadres,
        "proposals": proposals,
        "rotation_plans": by_id(plans),
    }


def cadre_ids_in_office(*, on: dt.date, unit_ids: Iterable[str] | None = None) -> list[str]:
    """Cadres holding a main (non-concurrent) post at ``on`` — in a unit of ``unit_ids`` when given.

    A superset check in the database (the end day counts), made exact by the caller on the facts
    (``CadreFacts.position_at``: positions are ``[start, end)``).
    """
    from luanchuyen.cadres.models import Position

    qs = Position.objects.filter(concurrent=False).filter(Q(start__lte=on) | Q(start__isnull=True))
    qs = qs.filter(Q(end__isnull=True) | Q(end__gte=on))
    if unit_ids is not None:
        qs = qs.filter(post__unit_id__in=list(unit_ids))
    return sorted(set(qs.values_list("cadre_id", flat=True)))


# -- retirement straight from the cadre table ----------------------------------------------------------
def birth_of(birth_date: dt.date, precision: str) -> BirthDate:
    """The stored birth date (a date and a precision d/m/y) as the rules' partial birth date."""
    if precision == "y":
        return BirthDate(birth_date.year)
    if precision == "m":
        return BirthDate(birth_date.year, birth_date.month)
    return BirthDate(birth_date.year, birth_date.month, birth_date.day)


def retirement_month_of(
    *, gender: str, birth_date: dt.date, precision: str, late: bool, on: dt.date
) -> Month | None:
    """R (DOMAIN.md §6) under the law in force at ``on``; None when gender or birth date is unknown."""
    if gender not in ("nam", "nu") or birth_date is None:
        return None
    month = birth_date.month if precision in ("d", "m") else None  # the day never matters (NĐ 135/2020)
    return _retirement_month(gender, birth_date.year, month, bool(late), on < OLD_LAW_UNTIL)


OLD_LAW_UNTIL = dt.date(2021, 1, 1)


@lru_cache(maxsize=16384)
def _retirement_month(gender: str, year: int, month: int | None, late: bool, old_law: bool) -> Month:
    """Many cadres share a birth month: computed once per (gender, birth month, late, law)."""
    return compute_retirement(
        gender, BirthDate(year, month), late, law_on=dt.date(2020, 12, 31) if old_law else OLD_LAW_UNTIL
    ).month


def retirement_at(*, gender: str, birth_date: dt.date, precision: str, late: bool,
                  on: dt.date) -> tuple[Month | None, int | None]:
    """(retirement month, months left at ``on``) from a cadre's stored values; (None, None) when
    gender or birth date is unknown."""
    month = retirement_month_of(gender=gender, birth_date=birth_date, precision=precision, late=late, on=on)
    return month, (months_left(month, on) if month is not None else None)


def retirement_of(cadre, on: dt.date) -> tuple[Month | None, int | None]:
    """(retirement month, months left at ``on``) of a ``Cadre`` row."""
    return retirement_at(gender=cadre.gender, birth_date=cadre.birth_date, precision=cadre.birth_precision,
                         late=cadre.late_retirement_eligible, on=on)


RETIREMENT_FIELDS = ("id", "gender", "birth_date", "birth_precision", "late_retirement_eligible")


def months_left_by_cadre(queryset, *, on: dt.date) -> dict[str, int | None]:
    """cadre id → months left at ``on`` for every cadre of ``queryset`` (one query, no facts)."""
    out: dict[str, int | None] = {}
    for cid, gender, birth, precision, late in (
        queryset.order_by().values_list(*RETIREMENT_FIELDS).iterator(5000)
    ):
        out[cid] = retirement_at(gender=gender, birth_date=birth, precision=precision, late=late, on=on)[1]
    return out


# -- "Sắp nghỉ hưu" ---------------------------------------------------------------------------------------
MAX_MONTHS_AHEAD = 120


def retiring_soon(queryset, *, on: dt.date, months: int = 12) -> dict:
    """Cadres of ``queryset`` (already scoped to the user) holding a main post at ``on`` whose retirement
    month falls in the ``months`` calendar months starting with the month of ``on``
    (``0 ≤ months_left < months``), grouped by the unit of that post; fewest months left first.
    """
    from luanchuyen.cadres.models import Position
    from luanchuyen.core.choices import Gender
    from luanchuyen.core.text import format_partial_date

    # Retirement ages lie between 55 (women, before 2021) and 62 years (men from 2028): only birth
    # dates that can reach one of them in the window are read.
    earliest = dt.date(on.year - 63, 1, 1)
    latest = dt.date(on.year + months // 12 + 1 - 55, 12, 31)
    candidates = queryset.order_by().filter(birth_date__gte=earliest, birth_date__lte=latest)
    due: dict[str, tuple] = {}
    for cid, name, sort, gender, birth, precision, late in candidates.values_list(
        "id", "full_name", "name_sort", "gender", "birth_date", "birth_precision", "late_retirement_eligible"
    ).iterator(5000):
        month, left = retirement_at(gender=gender, birth_date=birth, precision=precision, late=late, on=on)
        if month is not None and 0 <= left < months:
            due[cid] = (name, sort, gender, format_partial_date(birth, precision), month, left)
    held: dict[str, Position] = {}
    ids = sorted(due)
    for chunk in _chunks(ids, QUERY_CHUNK):
        positions = (
            Position.objects.filter(cadre_id__in=chunk, concurrent=False, start__lte=on)
            .filter(Q(end__isnull=True) | Q(end__gt=on))
            .select_related("post__title", "post__unit")
        )
        for position in positions:  # the main post held at `on`; the most senior if several (as the rules)
            best = held.get(position.cadre_id)
            if best is None or (position.post.title.rank or 0) > (best.post.title.rank or 0):
                held[position.cadre_id] = position
    genders = dict(Gender.choices)
    groups: dict[str, dict] = {}
    for cid in ids:
        position = held.get(cid)
        if position is None:
            continue
        name, sort, gender, birth, month, left = due[cid]
        unit = position.post.unit
        group = groups.setdefault(unit.id, {"unit_id": unit.id, "unit": unit.name, "rows": []})
        group["rows"].append(
            {
                "cadre": cid,
                "full_name": name,
                "sort": sort,
                "gender": genders.get(gender, gender),
                "birth": birth,
                "retirement_month": month.text,
                "retirement_date": month.last_day,
                "months_left": left,
                "post": position.post.title.name,
            }
        )
    ordered = sorted(groups.values(), key=lambda g: (g["unit"], g["unit_id"]))
    for group in ordered:
        group["rows"].sort(key=lambda r: (r["months_left"], r["sort"], r["cadre"]))
    return {"on": on, "months": months, "total": sum(len(g["rows"]) for g in ordered), "groups": ordered}
