"""Per locality: the chosen posts located there are ≤ `max_in_per_locality` and ≥
`min_in_per_locality` (the minimum applies to every locality that has a post)."""
from __future__ import annotations

import numpy as np

from luanchuyen.optimizer.constraints.rows import INF, RowBlock, grouped_rows
from luanchuyen.optimizer.instance import Instance

FAMILY_MAX = "locality_max"
FAMILY_MIN = "locality_min"


def localities(instance: Instance) -> tuple[list[str], np.ndarray]:
    """Locality names (first-seen order) and the locality index of each post (-1 = none)."""
    names: dict[str, int] = {}
    of_post = np.full(len(instance.posts), -1, dtype=np.int64)
    for i, post in enumerate(instance.posts):
        if post.locality is not None:
            of_post[i] = names.setdefault(post.locality, len(names))
    return list(names), of_post


def blocks(instance: Instance) -> list[RowBlock]:
    c = instance.constraints
    names, of_post = localities(instance)
    if not names:
        return []
    of_pair = of_post[instance.pair_post]
    labels = [f"địa bàn {name}" for name in names]
    result = []
    if c.max_in_per_locality is not None:
        result.append(grouped_rows(FAMILY_MAX, of_pair, labels, instance.n_pairs, -INF, c.max_in_per_locality))
    if c.min_in_per_locality is not None and c.min_in_per_locality > 0:
        every_locality = np.ones(len(names), dtype=bool)
        result.append(
            grouped_rows(
                FAMILY_MIN, of_pair, labels, instance.n_pairs, c.min_in_per_locality, INF,
                keep_empty=every_locality,
            )
        )
    return result
