"""Per locality: the chosen posts located there are ≤ `max_in_per_locality` and ≥
`min_in_per_locality` (the minimum applies to every locality that has a post)."""
from __future__ import annotations

import numpy as np

from luanchuyen.optimizer.constraints.parts import Counter, Parts
from luanchuyen.optimizer.instance import Instance

FAMILY_MAX = "locality_max"
FAMILY_MIN = "locality_min"


def localities(instance: Instance) -> dict[str, np.ndarray]:
    """Locality -> indices of its posts, in first-seen order (posts without a locality are left out)."""
    found: dict[str, list[int]] = {}
    for i, post in enumerate(instance.posts):
        if post.locality is not None:
            found.setdefault(post.locality, []).append(i)
    return {name: np.array(posts, dtype=np.int64) for name, posts in found.items()}


def parts(instance: Instance) -> Parts:
    c = instance.constraints
    result = Parts()
    low = c.min_in_per_locality if c.min_in_per_locality else None
    high = c.max_in_per_locality
    if low is None and high is None:
        return result
    for name, posts in localities(instance).items():
        key = f"locality:{name}"
        if high is not None:
            result.counters.append(Counter(key, "post", posts, f"địa bàn {name}", upper=high, family=FAMILY_MAX))
        if low is not None:
            result.counters.append(Counter(key, "post", posts, f"địa bàn {name}", lower=low, family=FAMILY_MIN))
    return result

