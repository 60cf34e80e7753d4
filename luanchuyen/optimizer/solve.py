"""The single entry point: `solve(instance, time_limit) -> result dict` (DOMAIN.md §10.3).

instance → counting checks → model → HiGHS (LP by column generation + restricted MIP; the plain
CP-SAT model if HiGHS fails) → extract → explain if infeasible. Infeasible and time-limit outcomes
are ordinary results, never exceptions; only a malformed instance raises `InstanceError`.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Literal

from luanchuyen.optimizer.explain import counting_checks, relaxation_explanation
from luanchuyen.optimizer.instance import Instance, parse_instance
from luanchuyen.optimizer.model import build_model
from luanchuyen.optimizer.result import Result, SolverOutcome, Status, extract_assignments
from luanchuyen.optimizer.solve_cpsat import solve_cpsat
from luanchuyen.optimizer.solve_highs import solve_highs

Method = Literal["auto", "highs", "cpsat"]
METHODS: tuple[str, ...] = ("auto", "highs", "cpsat")
EXPLANATION_SECONDS = 30.0

logger = logging.getLogger(__name__)


def solve(instance: dict[str, Any] | Instance, time_limit: float | None = None, *, method: Method = "auto") -> dict[str, Any]:
    """Solve an instance (JSON data or a parsed `Instance`); the result as JSON data."""
    return solve_result(instance, time_limit, method=method).to_dict()


def solve_result(
    instance: dict[str, Any] | Instance, time_limit: float | None = None, *, method: Method = "auto"
) -> Result:
    if method not in METHODS:
        raise ValueError(f"Phương pháp '{method}' không hợp lệ (cần một trong: {', '.join(METHODS)}).")
    start = time.perf_counter()
    parsed = parse_instance(instance)

    def elapsed() -> float:
        return time.perf_counter() - start

    def remaining() -> float | None:
        return None if time_limit is None else max(0.01, time_limit - elapsed())

    conflicts = counting_checks(parsed)
    if conflicts:
        return Result(Status.INFEASIBLE, None, None, [], elapsed(), "counting", conflicts)

    model = build_model(parsed)
    outcome = _run(model, parsed, method, remaining)
    explanation: list[str] = []
    if outcome.status == Status.INFEASIBLE:
        budget = EXPLANATION_SECONDS if time_limit is None else max(1.0, time_limit - elapsed())
        explanation = relaxation_explanation(parsed, budget)
    elif outcome.status == Status.UNKNOWN:
        explanation = [f"Hết thời gian giới hạn ({time_limit:g} giây) mà chưa tìm được phương án nào."
                       if time_limit is not None else "Bộ giải không tìm được phương án nào."]
    elif outcome.status == Status.FEASIBLE:
        explanation = [f"Hết thời gian giới hạn ({time_limit:g} giây): đây là phương án tốt nhất tìm được, "
                       "chưa chứng minh là tối ưu." if time_limit is not None else
                       "Phương án chưa được chứng minh là tối ưu."]
    return Result(
        status=outcome.status,
        objective=outcome.objective,
        bound=outcome.bound,
        assignments=extract_assignments(parsed, outcome.chosen),
        seconds=elapsed(),
        method=outcome.method,
        explanation=explanation,
        stats=outcome.stats,
    )


def _run(model, instance: Instance, method: Method, remaining) -> SolverOutcome:
    integral = instance.integral_scores
    if method == "cpsat":
        return solve_cpsat(model, remaining())
    try:
        outcome = solve_highs(model, remaining(), integral_scores=integral)
    except Exception:  # the general fallback: any trouble in HiGHS
        if method == "highs":
            raise
        logger.exception("HiGHS failed; falling back to CP-SAT")
        return solve_cpsat(model, remaining())
    if method == "auto" and outcome.status == Status.UNKNOWN and outcome.stats.get("reason") == "solver":
        return solve_cpsat(model, remaining())
    return outcome
