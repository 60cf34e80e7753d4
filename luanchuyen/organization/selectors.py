"""Reads of the organization: units in force at a date, subtrees, quotas filled."""
from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet, Sum

from luanchuyen.organization.models import Post, Unit


def unit_subtree_ids(unit_id: str) -> set[str]:
    """The unit and every unit below it (any era)."""
    ids = {unit_id}
    frontier = {unit_id}
    while frontier:
        children = set(Unit.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - ids
        ids |= children
        frontier = children
    return ids


def unit_list(*, on: dt.date | None = None) -> QuerySet[Unit]:
    qs = Unit.objects.select_related("locality", "parent")
    return qs.valid_on(on) if on else qs


def position_held_on(on: dt.date, prefix: str = "") -> Q:
    """Positions held at `on`: start ≤ on < end, an empty end still held.

    Positions are [start, end) intervals (docs/interchange.md): a cadre whose position ends on `on`
    no longer holds it that day, so the successor starting that day is the only holder. (A unit's or
    post's validity, by contrast, includes its `valid_to` day: core.models.ValidityQuerySet.)
    """
    still_held = Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gt": on})
    return Q(**{f"{prefix}start__lte": on}) & still_held


def posts_with_occupancy(*, on: dt.date, unit_ids: set[str] | None = None) -> QuerySet[Post]:
    """Posts in force at `on`, annotated with `filled` = primary or concurrent holders at `on`."""
    held = position_held_on(on, prefix="positions__")
    qs = Post.objects.valid_on(on).select_related("title", "unit").annotate(filled=Count("positions", filter=held))
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs


def unit_quota_summary(*, on: dt.date, unit_ids: set[str] | None = None) -> dict[str, dict[str, int]]:
    """unit id -> {"slots", "filled"} over the unit's posts in force at `on`."""
    summary: dict[str, dict[str, int]] = {}
    for post in posts_with_occupancy(on=on, unit_ids=unit_ids):
        row = summary.setdefault(post.unit_id, {"slots": 0, "filled": 0})
        row["slots"] += post.slots
        row["filled"] += min(post.filled, post.slots)
    return summary


def staff_totals() -> dict[str, int]:
    return Unit.objects.aggregate(total=Sum("staff_total"), female=Sum("staff_female"))


def units_named(units: QuerySet[Unit], text: str) -> QuerySet[Unit] | None:
    """Those of `units` whose name holds every word typed in `text` (with or without diacritics, up to
    six words); None when nothing was typed."""
    from luanchuyen.core.text import strip_accents

    words = strip_accents(text).split()[:6]
    if not words:
        return None
    for word in words:
        units = units.filter(name_search__contains=word)
    return units
