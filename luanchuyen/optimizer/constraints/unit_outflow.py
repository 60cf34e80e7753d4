"""Per sending unit (the candidate's `unit`): at most `max_out_per_unit` candidates chosen."""
from __future__ import annotations

import numpy as np

from luanchuyen.optimizer.constraints.rows import INF, RowBlock, grouped_rows
from luanchuyen.optimizer.instance import Instance

FAMILY = "unit_max"


def blocks(instance: Instance) -> list[RowBlock]:
    cap = instance.constraints.max_out_per_unit
    if cap is None:
        return []
    names: dict[str, int] = {}
    of_candidate = np.full(len(instance.candidates), -1, dtype=np.int64)
    for i, candidate in enumerate(instance.candidates):
        if candidate.unit is not None:
            of_candidate[i] = names.setdefault(candidate.unit, len(names))
    labels = [f"đơn vị {name}" for name in names]
    return [grouped_rows(FAMILY, of_candidate[instance.pair_candidate], labels, instance.n_pairs, -INF, cap)]
