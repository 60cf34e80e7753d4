"""Each post receives at most `slots` candidates."""
from __future__ import annotations

import numpy as np

from luanchuyen.optimizer.constraints.rows import INF, RowBlock, grouped_rows
from luanchuyen.optimizer.instance import Instance

FAMILY = "slots"


def blocks(instance: Instance) -> list[RowBlock]:
    names = [f"vị trí {p.id}" for p in instance.posts]
    slots = np.array([p.slots for p in instance.posts], dtype=np.float64)
    return [grouped_rows(FAMILY, instance.pair_post, names, instance.n_pairs, -INF, slots)]
