"""Reads for the organization screens: the unit tree at a date, and one unit with its post holders."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.http import Http404

from luanchuyen.cadres.models import Position
from luanchuyen.cadres.selectors import cadre_ids_visible_to
from luanchuyen.core.choices import UnitGroup
from luanchuyen.organization.models import Post, Unit
from luanchuyen.organization.selectors import position_held_on, posts_with_occupancy, units_named


@dataclass
class Figures:
    """Quota and staff figures of a unit, a group or the province."""

    units: int = 0
    slots: int = 0
    filled: int = 0
    over: int = 0
    staff_total: int = 0
    staff_female: int = 0

    @property
    def vacant(self) -> int:
        return self.slots - self.filled

    @property
    def female_share(self) -> float | None:
        return 100.0 * self.staff_female / self.staff_total if self.staff_total else None

    def add(self, other: Figures) -> None:
        self.units += other.units
        self.slots += other.slots
        self.filled += other.filled
        self.over += other.over
        self.staff_total += other.staff_total
        self.staff_female += other.staff_female


@dataclass
class UnitNode:
    unit: Unit
    posts: list[Post] = field(default_factory=list)  # annotated: filled; plus .vacant, .over
    children: list[UnitNode] = field(default_factory=list)
    figures: Figures = field(default_factory=Figures)
    hidden_children: int = 0   # sub-units in force not drawn here (the overview): see the unit's page


@dataclass
class GroupBlock:
    group: str
    label: str
    roots: list[UnitNode]
    figures: Figures
    more: int = 0              # units of the list not drawn (the overview shows the first TOP_UNITS_SHOWN)


# Up to this many units in force the page draws the whole tree; beyond, an overview: every group's
# figures, its top units (the first TOP_UNITS_SHOWN) each with a link to its sub-units, and a search.
TREE_MAX_UNITS = 1500
TOP_UNITS_SHOWN = 100


def units_in_force_count(*, on: dt.date) -> int:
    return Unit.objects.valid_on(on).count()


def _group_order(groups) -> list[str]:
    order = list(UnitGroup.values)
    return sorted(groups, key=lambda g: order.index(g) if g in order else len(order))


def _post_figures(post: Post) -> Figures:
    filled = min(post.filled, post.slots)
    post.vacant = post.slots - filled
    post.over = max(post.filled - post.slots, 0)
    return Figures(slots=post.slots, filled=filled, over=post.over)


def organization_tree(*, on: dt.date) -> tuple[list[GroupBlock], Figures]:
    """Units in force at `on`, by agency group, nested by parent, with posts filled/vacant (2 queries)."""
    units = list(Unit.objects.valid_on(on).select_related("locality").order_by("group", "name", "id"))
    nodes = {u.pk: UnitNode(unit=u, figures=Figures(units=1, staff_total=u.staff_total,
                                                    staff_female=u.staff_female))
             for u in units}
    for post in posts_with_occupancy(on=on, unit_ids=set(nodes)).order_by("-title__rank", "title__name", "id"):
        node = nodes[post.unit_id]
        node.posts.append(post)
        node.figures.add(_post_figures(post))
    roots: dict[str, list[UnitNode]] = {}
    for u in units:
        parent = nodes.get(u.parent_id)
        if parent is not None:
            parent.children.append(nodes[u.pk])
        else:
            roots.setdefault(u.group, []).append(nodes[u.pk])
    total = Figures()
    blocks = []
    labels = dict(UnitGroup.choices)
    for group in _group_order({u.group for u in units}):
        figures = Figures()
        members = [nodes[u.pk] for u in units if u.group == group]
        for node in members:
            figures.add(node.figures)
        total.add(figures)
        blocks.append(GroupBlock(group=group, label=labels.get(group, group), roots=roots.get(group, []),
                                 figures=figures))
    return blocks, total


def organization_overview(*, on: dt.date, query: str = "") -> tuple[list[GroupBlock], Figures]:
    """The tree page for a large organization: each group's figures over all its units in force
    (flat rows, no model objects), and its top units — or, with `query`, the units whose name holds
    every word typed (with or without diacritics) — the first TOP_UNITS_SHOWN of each group, with
    their own posts and the number of their sub-units in force."""
    from collections import defaultdict

    from django.db.models import Count, Q

    in_force = Unit.objects.valid_on(on)
    figures: dict[str, Figures] = defaultdict(Figures)
    for group, staff_total, staff_female in in_force.values_list("group", "staff_total", "staff_female"):
        f = figures[group]
        f.units += 1
        f.staff_total += staff_total
        f.staff_female += staff_female
    occupancy = posts_with_occupancy(on=on).filter(unit__in=in_force).order_by()
    for group, slots, filled in occupancy.values_list("unit__group", "slots", "filled"):
        f = figures[group]
        f.slots += slots
        f.filled += min(filled, slots)
        f.over += max(filled - slots, 0)

    listed = units_named(in_force, query)
    searched = listed is not None
    if not searched:   # the top of the tree: no parent, or a parent not in force at the date
        parent_gone = (Q(parent__valid_to__isnull=False) & Q(parent__valid_to__lt=on)) | Q(parent__valid_from__gt=on)
        listed = in_force.filter(Q(parent__isnull=True) | parent_gone)
    shown_ids: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for unit_id, group in listed.order_by("group", "name", "id").values_list("id", "group"):
        counts[group] += 1
        if len(shown_ids[group]) < TOP_UNITS_SHOWN:
            shown_ids[group].append(unit_id)
    wanted = {unit_id for ids in shown_ids.values() for unit_id in ids}
    children_in_force = Q(children__in=Unit.objects.valid_on(on))
    units = (Unit.objects.filter(pk__in=wanted).select_related("locality")
             .annotate(in_force_children=Count("children", filter=children_in_force, distinct=True)))
    nodes = {u.pk: UnitNode(unit=u, figures=Figures(units=1, staff_total=u.staff_total, staff_female=u.staff_female),
                            hidden_children=u.in_force_children)
             for u in units}
    for post in posts_with_occupancy(on=on, unit_ids=wanted).order_by("-title__rank", "title__name", "id"):
        node = nodes[post.unit_id]
        node.posts.append(post)
        node.figures.add(_post_figures(post))
    labels = dict(UnitGroup.choices)
    total = Figures()
    blocks = []
    for group in _group_order(figures):
        total.add(figures[group])
        roots = [nodes[unit_id] for unit_id in shown_ids.get(group, []) if unit_id in nodes]
        if searched and not roots:
            continue
        blocks.append(GroupBlock(group=group, label=labels.get(group, group), roots=roots, figures=figures[group],
                                 more=counts.get(group, 0) - len(roots)))
    return blocks, total


@dataclass
class Holder:
    cadre_id: str
    name: str  # '' when the user may not see who holds the post
    start: dt.date
    concurrent: bool
    visible: bool


def unit_get(*, unit_id: str) -> Unit:
    unit = Unit.objects.select_related("parent", "locality").filter(pk=unit_id).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị")
    return unit


def unit_default_date(unit: Unit, today: dt.date) -> dt.date:
    """Today, or the unit's last day when it has ended (a dissolved district shows as it was)."""
    if unit.valid_to and unit.valid_to < today:
        return unit.valid_to
    if unit.valid_from and unit.valid_from > today:
        return unit.valid_from
    return today


def unit_posts_with_holders(*, user, unit: Unit, on: dt.date) -> tuple[list[Post], Figures, list[Unit]]:
    """The unit's posts at `on` with their holders (names only where the user may read the cadre)."""
    posts = list(posts_with_occupancy(on=on, unit_ids={unit.pk}).order_by("-title__rank", "title__name", "id"))
    figures = Figures(units=1, staff_total=unit.staff_total, staff_female=unit.staff_female)
    positions = list(Position.objects.filter(position_held_on(on), post__in=posts).select_related("cadre")
                     .order_by("concurrent", "cadre__name_sort", "id"))
    visible = cadre_ids_visible_to(user=user, cadre_ids={p.cadre_id for p in positions})
    by_post: dict[str, list[Holder]] = {}
    for p in positions:
        shown = p.cadre_id in visible
        by_post.setdefault(p.post_id, []).append(Holder(cadre_id=p.cadre_id if shown else "",
                                                        name=p.cadre.full_name if shown else "",
                                                        start=p.start, concurrent=p.concurrent, visible=shown))
    for post in posts:
        figures.add(_post_figures(post))
        post.holders = by_post.get(post.pk, [])
    children = list(Unit.objects.valid_on(on).filter(parent=unit).order_by("name", "id"))
    return posts, figures, children
