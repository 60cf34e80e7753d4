"""Result of a solve: status enum, the chosen pairs, and the JSON form of DOMAIN.md §10.3."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import numpy as np

from luanchuyen.optimizer.instance import Instance


class Status(str, Enum):
    OPTIMAL = "optimal"  # objective == bound
    FEASIBLE = "feasible"  # a solution, not proven best (time limit)
    INFEASIBLE = "infeasible"  # proven: no assignment satisfies every constraint
    UNKNOWN = "unknown"  # no solution found within the time limit, and no proof of infeasibility


@dataclass(eq=False)
class SolverOutcome:
    """What a solver backend returns; `chosen` is a 0/1 vector over the pairs, read in one place."""

    status: Status
    chosen: np.ndarray | None = None
    objective: float | None = None
    bound: float | None = None
    method: str = ""
    stats: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class Result:
    status: Status
    objective: float | None
    bound: float | None
    assignments: list[dict[str, str]]
    seconds: float
    method: str
    explanation: list[str] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        return abs(self.bound - self.objective) / max(1.0, abs(self.objective))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "status": self.status.value,
            "objective": _number(self.objective),
            "bound": _number(self.bound),
            "assignments": self.assignments,
            "seconds": round(self.seconds, 4),
            "method": self.method,
            "gap": None if self.gap is None else round(self.gap, 6),
        }
        if self.explanation:
            data["explanation"] = self.explanation
        if self.stats:
            data["stats"] = self.stats
        return data


def _number(value: float | None) -> float | int | None:
    if value is None or not math.isfinite(value):
        return None
    if value == round(value):
        return round(value)
    return round(value, 6)


def extract_assignments(instance: Instance, chosen: np.ndarray | None) -> list[dict[str, str]]:
    """The chosen pairs in the order of `pairs`."""
    if chosen is None:
        return []
    return [
        {"candidate": instance.candidates[c].id, "post": instance.posts[p].id}
        for c, p in zip(
            instance.pair_candidate[chosen].tolist(), instance.pair_post[chosen].tolist(), strict=True
        )
    ]


def objective_of(instance: Instance, chosen: np.ndarray) -> float:
    return float(instance.pair_score[chosen].sum())
