"""Each candidate takes at most one post."""
from __future__ import annotations

import numpy as np

from luanchuyen.optimizer.constraints.parts import Parts
from luanchuyen.optimizer.instance import Instance

FAMILY = "candidate"


def parts(instance: Instance) -> Parts:
    return Parts(candidate_upper=np.ones(len(instance.candidates)))
