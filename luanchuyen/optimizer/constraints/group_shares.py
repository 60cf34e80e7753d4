"""`group_share_min`: for each group g, 100 × (chosen in g) ≥ share_g × (all chosen).

Linear form: sum over chosen pairs of (100·[candidate in g] − share_g) ≥ 0.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from luanchuyen.optimizer.constraints.rows import INF, RowBlock
from luanchuyen.optimizer.instance import Instance

FAMILY_PREFIX = "group_share:"


def blocks(instance: Instance) -> list[RowBlock]:
    result = []
    n = instance.n_pairs
    for group, share in instance.constraints.group_share_min.items():
        if share <= 0:
            continue  # always satisfied
        member = np.array([group in c.groups for c in instance.candidates], dtype=np.float64)
        coefficients = 100.0 * member[instance.pair_candidate] - share
        matrix = sp.csr_matrix(coefficients.reshape(1, n)) if n else sp.csr_matrix((1, 0))
        result.append(
            RowBlock(
                FAMILY_PREFIX + group,
                matrix,
                np.zeros(1),
                np.full(1, INF),
                (f"nhóm {group}",),
            )
        )
    return result
