"""Per sending unit (the candidate's `unit`): at most `max_out_per_unit` candidates chosen."""
from __future__ import annotations

import numpy as np

from luanchuyen.optimizer.constraints.parts import Counter, Parts
from luanchuyen.optimizer.instance import Instance

FAMILY = "unit_max"


def units(instance: Instance) -> dict[str, np.ndarray]:
    """Sending unit -> indices of its candidates, in first-seen order."""
    found: dict[str, list[int]] = {}
    for i, candidate in enumerate(instance.candidates):
        if candidate.unit is not None:
            found.setdefault(candidate.unit, []).append(i)
    return {name: np.array(members, dtype=np.int64) for name, members in found.items()}


def parts(instance: Instance) -> Parts:
    cap = instance.constraints.max_out_per_unit
    if cap is None:
        return Parts()
    return Parts(
        counters=[
            Counter(f"unit:{name}", "candidate", members, f"đơn vị {name}", upper=cap, family=FAMILY)
            for name, members in units(instance).items()
        ]
    )
