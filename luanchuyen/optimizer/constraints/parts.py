"""The building blocks the constraint modules return.

- `candidate_upper` / `post_upper`: bounds on the number of chosen pairs of each candidate / post
  (the assignment core: one post per candidate, `slots` per post).
- `Counter`: the number of chosen pairs whose candidate (side "candidate") or post (side "post")
  is in `members`, with optional bounds. Counters are identified by `key`; modules that need the
  same counter (e.g. "total") name it the same and `model.py` merges them.
- `CounterRow`: lower ≤ Σ coefficient × counter ≤ upper (the group shares).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

INF = float("inf")
Side = Literal["candidate", "post"]


@dataclass(frozen=True, eq=False)
class Counter:
    key: str  # unique, e.g. "total", "group:nu", "locality:L2", "unit:U3"
    side: Side
    members: np.ndarray  # candidate or post indices
    name: str  # Vietnamese, e.g. "địa bàn L2"
    lower: float = -INF
    upper: float = INF
    family: str = ""  # the family whose bound this is ("" = no bound of its own)


@dataclass(frozen=True, eq=False)
class CounterRow:
    family: str
    terms: tuple[tuple[str, float], ...]  # (counter key, coefficient)
    lower: float
    upper: float
    name: str


@dataclass(eq=False)
class Parts:
    candidate_upper: np.ndarray | None = None
    post_upper: np.ndarray | None = None
    counters: list[Counter] = field(default_factory=list)
    rows: list[CounterRow] = field(default_factory=list)


def all_members(n: int) -> np.ndarray:
    return np.arange(n, dtype=np.int64)
