"""`total`: the number of chosen pairs lies within [min, max]."""
from __future__ import annotations

import numpy as np

from luanchuyen.optimizer.constraints.rows import INF, RowBlock, grouped_rows
from luanchuyen.optimizer.instance import Instance

FAMILY_MIN = "total_min"
FAMILY_MAX = "total_max"


def blocks(instance: Instance) -> list[RowBlock]:
    c = instance.constraints
    everyone = np.zeros(instance.n_pairs, dtype=np.int64)
    keep = np.ones(1, dtype=bool)
    result = []
    if c.total_min is not None and c.total_min > 0:
        result.append(
            grouped_rows(FAMILY_MIN, everyone, ["tổng số"], instance.n_pairs, c.total_min, INF, keep_empty=keep)
        )
    if c.total_max is not None:
        result.append(grouped_rows(FAMILY_MAX, everyone, ["tổng số"], instance.n_pairs, -INF, c.total_max))
    return result
