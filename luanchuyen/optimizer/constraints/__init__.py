"""One module per constraint family of DOMAIN.md §10.3, each named after its rule.

Every module has `blocks(instance) -> list[RowBlock]`: linear rows over the pair variables (one
column per pair of `pairs`). The model (`model.py`) stacks them in the order of `ALL_MODULES`;
the order only fixes row numbering, so results are deterministic.
"""
from __future__ import annotations

from luanchuyen.optimizer.constraints import (
    group_shares,
    locality_bounds,
    one_post_per_candidate,
    post_slots,
    total_bounds,
    unit_outflow,
)

ALL_MODULES = (
    one_post_per_candidate,
    post_slots,
    total_bounds,
    group_shares,
    locality_bounds,
    unit_outflow,
)
