"""`total`: the number of chosen pairs lies within [min, max]."""
from __future__ import annotations

from luanchuyen.optimizer.constraints.parts import INF, Counter, Parts, all_members
from luanchuyen.optimizer.instance import Instance

FAMILY_MIN = "total_min"
FAMILY_MAX = "total_max"
TOTAL = "total"


def total_counter(instance: Instance, lower: float = -INF, upper: float = INF, family: str = "") -> Counter:
    return Counter(TOTAL, "post", all_members(len(instance.posts)), "tổng số", lower, upper, family)


def parts(instance: Instance) -> Parts:
    c = instance.constraints
    counters = []
    if c.total_min is not None and c.total_min > 0:
        counters.append(total_counter(instance, lower=c.total_min, family=FAMILY_MIN))
    if c.total_max is not None:
        counters.append(total_counter(instance, upper=c.total_max, family=FAMILY_MAX))
    return Parts(counters=counters)
