"""Each post receives at most `slots` candidates."""
from __future__ import annotations

import numpy as np

from luanchuyen.optimizer.constraints.parts import Parts
from luanchuyen.optimizer.instance import Instance

FAMILY = "slots"


def parts(instance: Instance) -> Parts:
    return Parts(post_upper=np.array([p.slots for p in instance.posts], dtype=np.float64))
