"""`RowBlock`: a family of linear rows `lower <= A x <= upper` over the pair variables."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

INF = float("inf")


@dataclass(frozen=True, eq=False)
class RowBlock:
    family: str  # stable key, e.g. "total_min", "group_share:nu" (see FAMILY_LABELS in model.py)
    matrix: sp.csr_matrix  # n_rows x n_pairs
    lower: np.ndarray
    upper: np.ndarray
    names: tuple[str, ...]  # one Vietnamese name per row, e.g. "địa bàn L2"

    @property
    def n_rows(self) -> int:
        return int(self.matrix.shape[0])


def grouped_rows(
    family: str,
    owner_of_pair: np.ndarray,
    owner_names: list[str],
    n_pairs: int,
    lower: float | np.ndarray,
    upper: float | np.ndarray,
    *,
    keep_empty: np.ndarray | None = None,
) -> RowBlock:
    """One row per owner: sum of the pairs it owns (owner -1 = not counted).

    Rows are kept for owners that own at least one pair, plus those flagged in `keep_empty`
    (a locality minimum must stay even when no pair reaches the locality).
    """
    n_owners = len(owner_names)
    counted = owner_of_pair >= 0
    used = np.zeros(n_owners, dtype=bool)
    used[owner_of_pair[counted]] = True
    if keep_empty is not None:
        used |= keep_empty
    row_of_owner = np.full(n_owners, -1, dtype=np.int64)
    owners = np.flatnonzero(used)
    row_of_owner[owners] = np.arange(len(owners))
    cols = np.flatnonzero(counted)
    matrix = sp.csr_matrix(
        (np.ones(len(cols)), (row_of_owner[owner_of_pair[cols]], cols)), shape=(len(owners), n_pairs)
    )
    lower_arr = np.broadcast_to(np.asarray(lower, dtype=np.float64), (n_owners,))[owners]
    upper_arr = np.broadcast_to(np.asarray(upper, dtype=np.float64), (n_owners,))[owners]
    return RowBlock(family, matrix, lower_arr.copy(), upper_arr.copy(), tuple(owner_names[i] for i in owners))
