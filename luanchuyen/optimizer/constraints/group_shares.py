"""`group_share_min`: for each group g, 100 × (chosen in g) ≥ share_g × (all chosen)."""
from __future__ import annotations

import numpy as np

from luanchuyen.optimizer.constraints.parts import INF, Counter, CounterRow, Parts
from luanchuyen.optimizer.constraints.total_bounds import TOTAL, total_counter
from luanchuyen.optimizer.instance import Instance

FAMILY_PREFIX = "group_share:"


def parts(instance: Instance) -> Parts:
    result = Parts()
    for group, share in instance.constraints.group_share_min.items():
        if share <= 0:
            continue  # always satisfied
        members = np.array([i for i, c in enumerate(instance.candidates) if group in c.groups], dtype=np.int64)
        key = f"group:{group}"
        result.counters.append(Counter(key, "candidate", members, f"nhóm {group}"))
        result.rows.append(
            CounterRow(FAMILY_PREFIX + group, ((key, 100.0), (TOTAL, -share)), 0.0, INF, f"tỷ lệ nhóm {group}")
        )
    if result.rows:
        result.counters.append(total_counter(instance))
    return result
