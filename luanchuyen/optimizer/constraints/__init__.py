"""One module per constraint family of DOMAIN.md §10.3, each named after its rule.

Every side constraint of §10.3 is a bound on a *counter* — a number of chosen pairs over a set of
candidates (a group, a sending unit) or of posts (a locality, all posts) — or a linear row over
counters (a group share). Each module has `parts(instance) -> Parts`; `model.py` merges them in the
order of `ALL_MODULES` (the order only fixes numbering, so results are deterministic).
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
