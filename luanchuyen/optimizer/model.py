"""The linear model of an instance: one 0/1 column per pair, rows stacked from `constraints/`.

Both solvers read this one model: HiGHS (`solve_highs.py`) takes the sparse matrix as it is; the
plain CP-SAT model (`solve_cpsat.py`) adds the same rows as linear constraints. `relax` drops whole
families of constraints; the infeasibility explanation (`explain.py`) uses it.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from luanchuyen.optimizer.constraints import ALL_MODULES
from luanchuyen.optimizer.constraints.group_shares import FAMILY_PREFIX as GROUP_PREFIX
from luanchuyen.optimizer.constraints.rows import RowBlock
from luanchuyen.optimizer.instance import Instance

FIXED = "fixed"
FORBIDDEN = "forbidden"

# The families a person can relax, in the order they are tried and reported.
RELAXABLE_FAMILIES = ("total_min", "total_max", "group_share", "locality_min", "locality_max", "unit_max",
                      FIXED, FORBIDDEN)


def family_label(family: str, instance: Instance) -> str:
    """Vietnamese name of a constraint family, with its value."""
    c = instance.constraints
    if family.startswith(GROUP_PREFIX):
        group = family[len(GROUP_PREFIX):]
        return f"tỷ lệ tối thiểu nhóm '{group}' ({c.group_share_min[group]:g}%)"
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


@dataclass(frozen=True, eq=False)
class LinearModel:
    instance: Instance
    cost: np.ndarray  # score of each pair (maximised)
    col_lower: np.ndarray  # 1 for fixed pairs
    col_upper: np.ndarray  # 0 for forbidden pairs
    matrix: sp.csr_matrix  # all rows stacked
    row_lower: np.ndarray
    row_upper: np.ndarray
    blocks: tuple[RowBlock, ...]
    missing_fixed: tuple[tuple[str, str], ...]  # fixed pairs that are not in `pairs`

    @property
    def n_cols(self) -> int:
        return int(self.cost.shape[0])

    @property
    def n_rows(self) -> int:
        return int(self.matrix.shape[0])

    def families(self) -> list[str]:
        """The families present in this model (rows or column bounds), in row order."""
        present = list(dict.fromkeys(block.family for block in self.blocks))
        if np.any(self.col_lower > 0) or self.missing_fixed:
            present.append(FIXED)
        if np.any(self.col_upper < 1):
            present.append(FORBIDDEN)
        return present


def is_relaxed(family: str, relax: Collection[str]) -> bool:
    return family in relax or (family.startswith(GROUP_PREFIX) and "group_share" in relax)


def build_model(instance: Instance, relax: Collection[str] = ()) -> LinearModel:
    n = instance.n_pairs
    blocks = tuple(
        block
        for module in ALL_MODULES
        for block in module.blocks(instance)
        if not is_relaxed(block.family, relax)
    )
    if blocks:
        matrix = sp.vstack([b.matrix for b in blocks], format="csr")
        row_lower = np.concatenate([b.lower for b in blocks])
        row_upper = np.concatenate([b.upper for b in blocks])
    else:
        matrix = sp.csr_matrix((0, n))
        row_lower = row_upper = np.zeros(0)

    col_lower = np.zeros(n)
    col_upper = np.ones(n)
    c = instance.constraints
    missing: list[tuple[str, str]] = []
    if FIXED not in relax and c.fixed:
        found = _pair_indices(instance, c.fixed)
        col_lower[found[found >= 0]] = 1.0
        missing = [ref for ref, k in zip(c.fixed, found) if k < 0]
    if FORBIDDEN not in relax and c.forbidden:
        found = _pair_indices(instance, c.forbidden)
        col_upper[found[found >= 0]] = 0.0
    return LinearModel(
        instance=instance,
        cost=instance.pair_score.copy(),
        col_lower=col_lower,
        col_upper=col_upper,
        matrix=matrix,
        row_lower=row_lower,
        row_upper=row_upper,
        blocks=blocks,
        missing_fixed=tuple(missing),
    )


def _pair_indices(instance: Instance, refs: tuple[tuple[str, str], ...]) -> np.ndarray:
    keys = np.array(
        [instance.candidate_index[c] * len(instance.posts) + instance.post_index[p] for c, p in refs],
        dtype=np.int64,
    )
    return instance.find_pairs(keys)
