"""Each candidate takes at most one post."""
from __future__ import annotations

from luanchuyen.optimizer.constraints.rows import INF, RowBlock, grouped_rows
from luanchuyen.optimizer.instance import Instance

FAMILY = "candidate"


def blocks(instance: Instance) -> list[RowBlock]:
    names = [f"ứng viên {c.id}" for c in instance.candidates]
    return [grouped_rows(FAMILY, instance.pair_candidate, names, instance.n_pairs, -INF, 1.0)]
