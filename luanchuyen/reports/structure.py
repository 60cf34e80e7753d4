"""The structure of the body of cadres at a date — seed 001's picture (DOMAIN.md §9). A builder:
reads the database and returns plain data; `formatters.py` renders it (table, Excel, page).

Definitions (the same as the demo generator's, docs in luanchuyen/demo/generator.py):

- **Body of cadres at `on`**: the cadres holding a primary (not concurrent) position at `on`
  (start ≤ on < end; positions are [start, end) intervals) on a post in force at `on` of a unit in
  force at `on`. With `unit_ids`, only posts of those units count.
- **Young**: completed years of age below 40 at `on` (birth dates known only to the month or year
  count from the 1st of that month / January).
- **Training of a cadre**: the highest degree obtained by `on` (graduation year ≤ the year of `on`):
  the highest level (trung cấp < cao đẳng < đại học < thạc sĩ < tiến sĩ), then the latest year.
  *Formal training* (đào tạo chính quy): that degree's mode is `chinh_quy`; the *field* is that degree's
  field. A cadre without any degree counts as "other training" and in field `khac`.
- **Provincial vs district**: units of level `tinh` vs units of level `huyen` (until 30/06/2025) and
  `xa` (communes, from 01/07/2025).
- Percentages: 100 × count / total, rounded half up to one decimal; 0.0 for an empty body.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from luanchuyen.cadres.models import Education, Position
from luanchuyen.cadres.selectors import AGE_BANDS
from luanchuyen.core.choices import TrainingField, UnitGroup
from luanchuyen.core.text import age_on

YOUNG_AGE_PARAMETER = "structure.young_age_years"


def young_age_on(on: dt.date) -> tuple[int, str]:
    """(age under which a cadre counts as young at ``on``, where that age comes from): the parameter
    ``structure.young_age_years`` in force — under 40 from Đề án 01-ĐA/TU (12/03/2021, seed 001), under
    42 from Chỉ thị 45-CT/TW (14/04/2025). Before the first dated value the earliest one applies, and
    the source says so."""
    from django.conf import settings

    from luanchuyen.rules.engine.params import NoValueInForce, default_store

    store = default_store()
    try:
        value = store.value_at(YOUNG_AGE_PARAMETER, on, settings.PROVINCE_CODE)
        return int(value.value), value.citation.text
    except NoValueInForce:
        first = store.definition(YOUNG_AGE_PARAMETER).values[0].effective_from
        value = store.value_at(YOUNG_AGE_PARAMETER, first, settings.PROVINCE_CODE)
        return int(value.value), (f"{value.citation.text} (giá trị sớm nhất có căn cứ, áp dụng cho ngày "
                                  f"trước {first:%d/%m/%Y})")


LEVEL_ORDER = {"trung_cap": 1, "cao_dang": 2, "dai_hoc": 3, "thac_si": 4, "tien_si": 5}


def percent(count: int, total: int) -> float:
    if not total:
        return 0.0
    value = (Decimal(100 * count) / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(value)


def _in_force(prefix: str, on: dt.date) -> Q:
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": on})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


def _held_at(on: dt.date, unit_ids: set[str] | None):
    qs = (
        Position.objects.filter(concurrent=False, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gt=on))
        .filter(_in_force("post__", on), _in_force("post__unit__", on))
    )
    if unit_ids is not None:
        qs = qs.filter(post__unit_id__in=list(unit_ids))
    return qs


def body_at(*, on: dt.date, unit_ids: set[str] | None = None) -> dict[str, tuple[str, str, str, dt.date]]:
    """cadre id -> (unit group, unit level, gender, birth date) for the primary post held at `on`."""
    body: dict[str, tuple[str, str, str, dt.date]] = {}
    rows = _held_at(on, unit_ids).values_list(
        "cadre_id", "post__unit__group", "post__unit__level", "cadre__gender", "cadre__birth_date"
    )
    for cadre_id, group, level, gender, birth in rows.order_by("cadre_id", "start", "id"):
        body[cadre_id] = (group, level, gender, birth)
    return body


def highest_degree(degrees: list[tuple[str, str, str, int | None]], year: int) -> tuple[str, str] | None:
    """(field, mode) of the highest degree obtained by `year`, from (level, field, mode, year) rows in
    their stored order; None without any."""
    best, best_key = None, None
    for i, (level, field, mode, degree_year) in enumerate(degrees):
        if degree_year is not None and degree_year > year:
            continue
        key = (LEVEL_ORDER.get(level, 0), degree_year or 0, i)
        if best_key is None or key > best_key:
            best, best_key = (field, mode), key
    return best


def _group_row(label: str) -> dict:
    return {"label": label, "total": 0, "women": 0, "young": 0}


def structure_report(*, on: dt.date, unit_ids: set[str] | None = None) -> dict:
    """Seed 001's picture of the body of cadres at `on` (see the module docstring for definitions)."""
    body = body_at(on=on, unit_ids=unit_ids)
    ids = sorted(body)
    degrees: dict[str, list] = {cid: [] for cid in ids}
    holders = _held_at(on, unit_ids).values("cadre_id")
    for cid, level, field, mode, year in (
        Education.objects.filter(cadre_id__in=holders)
        .order_by("cadre_id", "id")
        .values_list("cadre_id", "level", "field", "mode", "year")
    ):
        if cid in degrees:
            degrees[cid].append((level, field, mode, year))

    young_age, young_age_source = young_age_on(on)
    total = women = young = formal = 0
    field_counts = {f.value: 0 for f in TrainingField}
    by_group = {g.value: _group_row(g.label) for g in UnitGroup}
    sides = {
        "provincial": _group_row("Cơ quan, đơn vị cấp tỉnh"),
        "district": _group_row("Cấp huyện (đến 30/06/2025), cấp xã (từ 01/07/2025)"),
    }
    bands = {key: 0 for key in AGE_BANDS}
    for cid in ids:
        group, level, gender, birth = body[cid]
        age = age_on(birth, on)
        is_woman = gender == "nu"
        is_young = age < young_age
        best = highest_degree(degrees[cid], on.year)
        field, mode = best if best else ("khac", "")
        total += 1
        women += is_woman
        young += is_young
        formal += mode == "chinh_quy"
        field_counts[field if field in field_counts else "khac"] += 1
        for row in (
            by_group.setdefault(group, _group_row(group)),
            sides["provincial" if level == "tinh" else "district"],
        ):
            row["total"] += 1
            row["women"] += is_woman
            row["young"] += is_young
        for key, (_label, lo, hi) in AGE_BANDS.items():
            if lo <= age < hi:
                bands[key] += 1
                break
    for row in [*by_group.values(), *sides.values()]:
        row["women_pct"] = percent(row["women"], row["total"])
        row["young_pct"] = percent(row["young"], row["total"])
    return {
        "on": on.isoformat(),
        "scope": "province" if unit_ids is None else "units",
        "total": total,
        "women": women,
        "women_pct": percent(women, total),
        "young": young,
        "young_pct": percent(young, total),
        "young_age": young_age,
        "young_age_source": young_age_source,
        "formal_training": formal,
        "formal_training_pct": percent(formal, total),
        "other_training": total - formal,
        "other_training_pct": percent(total - formal, total),
        "fields": {f: percent(n, total) for f, n in field_counts.items()},
        "field_counts": field_counts,
        "by_group": by_group,
        "provincial": sides["provincial"],
        "district": sides["district"],
        "age_bands": {key: {"label": AGE_BANDS[key][0], "count": n} for key, n in bands.items()},
    }
