"""The model of an instance: one 0/1 variable per pair, and the merged constraint parts.

`build_model` collects the parts of every module in `constraints/` (dropping the families in
`relax`, which the infeasibility explanation uses). Two solver formulations are derived from it:

- `plain_rows(model)`: every constraint written directly over the pair variables (the "plain"
  model, used by CP-SAT);
- the aggregate formulation of `solve_highs.py`, where counters are variables of their own, so
  each pair column has only two non-zeros (its candidate and its post).
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from luanchuyen.optimizer.constraints import ALL_MODULES
from luanchuyen.optimizer.constraints.group_shares import FAMILY_PREFIX as GROUP_PREFIX
from luanchuyen.optimizer.constraints.parts import INF, Counter, CounterRow, Side
from luanchuyen.optimizer.instance import Instance

FIXED = "fixed"
FORBIDDEN = "forbidden"
GROUP_SHARE = "group_share"  # all group share rows at once (a relaxable family)

# The families a person can relax, in the order they are tried and reported.
RELAXABLE_FAMILIES = (
    "total_min", "total_max", GROUP_SHARE, "locality_min", "locality_max", "unit_max", FIXED, FORBIDDEN,
)


def family_label(family: str, instance: Instance) -> str:
    """Vietnamese name of a constraint family, with its value."""
    c = instance.constraints
    if family.startswith(GROUP_PREFIX):
        group = family[len(GROUP_PREFIX):]
        return f"tỷ lệ tối thiểu nhóm '{group}' ({c.group_share_min[group]:g}%)"
    if family == GROUP_SHARE:
        shares = ", ".join(f"'{g}' {s:g}%" for g, s in c.group_share_min.items() if s > 0)
        return f"tỷ lệ tối thiểu của các nhóm ({shares})"
    labels = {
        "candidate": "mỗi ứng viên nhận tối đa một vị trí",
        "slots": "số chỗ của mỗi vị trí",
        "total_min": f"tổng số người tối thiểu ({c.total_min})",
        "total_max": f"tổng số người tối đa ({c.total_max})",
        "locality_min": f"số người tối thiểu đến mỗi địa bàn ({c.min_in_per_locality})",
        "locality_max": f"số người tối đa đến mỗi địa bàn ({c.max_in_per_locality})",
        "unit_max": f"số người tối đa rời mỗi đơn vị ({c.max_out_per_unit})",
        FIXED: f"các cặp bắt buộc ({len(c.fixed)} cặp)",
        FORBIDDEN: f"các cặp bị cấm ({len(c.forbidden)} cặp)",
    }
    return labels[family]


def is_relaxed(family: str, relax: Collection[str]) -> bool:
    return family in relax or (family.startswith(GROUP_PREFIX) and GROUP_SHARE in relax)


@dataclass(frozen=True, eq=False)
class Model:
    instance: Instance
    cost: np.ndarray  # score of each pair (maximised)
    col_lower: np.ndarray  # 1 for fixed pairs
    col_upper: np.ndarray  # 0 for forbidden pairs
    candidate_upper: np.ndarray  # chosen pairs per candidate ≤ this
    post_upper: np.ndarray  # chosen pairs per post ≤ this
    counters: tuple[Counter, ...]  # merged by key; bounds intersected
    rows: tuple[CounterRow, ...]
    missing_fixed: tuple[tuple[str, str], ...]  # fixed pairs that are not in `pairs`
    families: tuple[str, ...]  # families present (for the explanation)

    @property
    def n_pairs(self) -> int:
        return int(self.cost.shape[0])

    def incidence(self, side: Side) -> sp.csr_matrix:
        """(candidates or posts) × pairs, 1 where the pair belongs to the candidate / post."""
        inst = self.instance
        owner = inst.pair_candidate if side == "candidate" else inst.pair_post
        n = len(inst.candidates) if side == "candidate" else len(inst.posts)
        return sp.csr_matrix((np.ones(self.n_pairs), (owner, np.arange(self.n_pairs))), shape=(n, self.n_pairs))

    def membership(self, counters: Collection[Counter], side: Side) -> sp.csr_matrix:
        """counters × (candidates or posts), 1 where the candidate / post counts for the counter."""
        n = len(self.instance.candidates) if side == "candidate" else len(self.instance.posts)
        rows = [np.full(len(c.members), i, dtype=np.int64) for i, c in enumerate(counters) if c.side == side]
        cols = [c.members for c in counters if c.side == side]
        r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        k = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        return sp.csr_matrix((np.ones(len(r)), (r, k)), shape=(len(counters), n))


def build_model(instance: Instance, relax: Collection[str] = ()) -> Model:
    n_pairs = instance.n_pairs
    candidate_upper = np.full(len(instance.candidates), INF)
    post_upper = np.full(len(instance.posts), INF)
    counters: dict[str, Counter] = {}
    rows: list[CounterRow] = []
    families: list[str] = []
    for module in ALL_MODULES:
        parts = module.parts(instance)
        if parts.candidate_upper is not None:
            candidate_upper = np.minimum(candidate_upper, parts.candidate_upper)
            families.append(module.FAMILY)
        if parts.post_upper is not None:
            post_upper = np.minimum(post_upper, parts.post_upper)
            families.append(module.FAMILY)
        for counter in parts.counters:
            if counter.family and is_relaxed(counter.family, relax):
                counter = Counter(counter.key, counter.side, counter.members, counter.name)
            elif counter.family:
                families.append(counter.family)
            counters[counter.key] = _merge(counters.get(counter.key), counter)
        for row in parts.rows:
            if not is_relaxed(row.family, relax):
                rows.append(row)
                families.append(row.family)

    col_lower = np.zeros(n_pairs)
    col_upper = np.ones(n_pairs)
    c = instance.constraints
    missing: list[tuple[str, str]] = []
    if FIXED not in relax and c.fixed:
        families.append(FIXED)
        found = _pair_indices(instance, c.fixed)
        col_lower[found[found >= 0]] = 1.0
        missing = [ref for ref, k in zip(c.fixed, found, strict=True) if k < 0]
    if FORBIDDEN not in relax and c.forbidden:
        families.append(FORBIDDEN)
        found = _pair_indices(instance, c.forbidden)
        col_upper[found[found >= 0]] = 0.0
    return Model(
        instance=instance,
        cost=instance.pair_score.copy(),
        col_lower=col_lower,
        col_upper=col_upper,
        candidate_upper=candidate_upper,
        post_upper=post_upper,
        counters=tuple(counters.values()),
        rows=tuple(rows),
        missing_fixed=tuple(missing),
        families=tuple(dict.fromkeys(families)),
    )


def _merge(old: Counter | None, new: Counter) -> Counter:
    if old is None:
        return new
    return Counter(
        old.key,
        old.side,
        old.members,
        old.name,
        max(old.lower, new.lower),
        min(old.upper, new.upper),
        old.family or new.family,
    )


def _pair_indices(instance: Instance, refs: tuple[tuple[str, str], ...]) -> np.ndarray:
    keys = np.array(
        [instance.candidate_index[c] * len(instance.posts) + instance.post_index[p] for c, p in refs],
        dtype=np.int64,
    )
    return instance.find_pairs(keys)


@dataclass(frozen=True, eq=False)
class PlainRows:
    """Every constraint as a row over the pair variables: lower ≤ matrix @ x ≤ upper."""

    matrix: sp.csr_matrix
    lower: np.ndarray
    upper: np.ndarray
    names: tuple[str, ...]


def plain_rows(model: Model) -> PlainRows:
    blocks: list[sp.csr_matrix] = []
    lower: list[np.ndarray] = []
    upper: list[np.ndarray] = []
    names: list[str] = []
    inst = model.instance
    incidence = {side: model.incidence(side) for side in ("candidate", "post")}

    for side, bound, label in (
        ("candidate", model.candidate_upper, "ứng viên"),
        ("post", model.post_upper, "vị trí"),
    ):
        matrix = incidence[side]
        keep = np.flatnonzero(np.isfinite(bound) & (matrix.getnnz(axis=1) > 0))
        blocks.append(matrix[keep])
        lower.append(np.full(len(keep), -INF))
        upper.append(bound[keep])
        ids = inst.candidates if side == "candidate" else inst.posts
        names.extend(f"{label} {ids[i].id}" for i in keep)

    counter_rows = {c.key: _counter_row(model, c, incidence) for c in model.counters}
    for counter in model.counters:
        if np.isfinite(counter.lower) or np.isfinite(counter.upper):
            blocks.append(counter_rows[counter.key])
            lower.append(np.array([counter.lower]))
            upper.append(np.array([counter.upper]))
            names.append(counter.name)
    for row in model.rows:
        blocks.append(sp.csr_matrix(sum(coef * counter_rows[key] for key, coef in row.terms)))
        lower.append(np.array([row.lower]))
        upper.append(np.array([row.upper]))
        names.append(row.name)
    return PlainRows(
        sp.vstack(blocks, format="csr") if blocks else sp.csr_matrix((0, model.n_pairs)),
        np.concatenate(lower) if lower else np.zeros(0),
        np.concatenate(upper) if upper else np.zeros(0),
        tuple(names),
    )


def _counter_row(model: Model, counter: Counter, incidence: dict[str, sp.csr_matrix]) -> sp.csr_matrix:
    return sp.csr_matrix(model.membership([counter], counter.side) @ incidence[counter.side])
