"""Rotation optimizer (DOMAIN.md §10.3): a pure component, no Django.

    from luanchuyen.optimizer import solve, validate
    result = solve(instance_json, time_limit=30)     # {"status", "objective", "bound", "assignments", ...}
    assert validate(instance_json, result) == []
"""
from __future__ import annotations

from luanchuyen.optimizer.explain import counting_checks, relaxation_explanation
from luanchuyen.optimizer.instance import Instance, InstanceError, load_instance, parse_instance
from luanchuyen.optimizer.result import Result, Status
from luanchuyen.optimizer.solve import METHODS, solve, solve_result
from luanchuyen.optimizer.validate import validate

__all__ = [
    "METHODS",
    "Instance",
    "InstanceError",
    "Result",
    "Status",
    "counting_checks",
    "load_instance",
    "parse_instance",
    "relaxation_explanation",
    "solve",
    "solve_result",
    "validate",
]
