"""The plain CP-SAT model: one Boolean per pair, every constraint written over the pairs.

It is the general fallback of `solve.py` (used when HiGHS fails) and the baseline of
`bench/optimizer.py`. Coefficients and scores are made integral by scaling (exact for integer
scores and shares with up to three decimals).
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np
from ortools.sat.python import cp_model

from luanchuyen.optimizer.model import Model, plain_rows
from luanchuyen.optimizer.result import SolverOutcome, Status

SEED = 20240


def _integer_scale(values: np.ndarray) -> int:
    """Smallest power of ten (≤ 1000) that makes every value integral; 1000 if none does."""
    for scale in (1, 10, 100, 1000):
        scaled = values * scale
        if np.all(np.abs(scaled - np.round(scaled)) < 1e-9):
            return scale
    return 1000


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, on_solution: Callable[[float, float], None], scale: int) -> None:
        super().__init__()
        self._on_solution = on_solution
        self._scale = scale
        self._start = time.perf_counter()

    def on_solution_callback(self) -> None:
        self._on_solution(time.perf_counter() - self._start, self.objective_value / self._scale)


def build_cpsat(model: Model) -> tuple[cp_model.CpModel, list[cp_model.IntVar], int]:
    cp = cp_model.CpModel()
    n = model.n_pairs
    x = [cp.new_bool_var(f"x{e}") for e in range(n)]
    for e in np.flatnonzero(model.col_lower > 0).tolist():
        cp.add(x[e] == 1)
    for e in np.flatnonzero(model.col_upper < 1).tolist():
        cp.add(x[e] == 0)
    rows = plain_rows(model)
    matrix = rows.matrix.tocsr()
    for i in range(matrix.shape[0]):
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        cols = matrix.indices[start:end].tolist()
        coefs = matrix.data[start:end]
        low, high = rows.lower[i], rows.upper[i]
        if not math.isfinite(low) and high == 1 and np.all(coefs == 1):
            cp.add_at_most_one([x[j] for j in cols])  # one post per candidate, one-slot posts
            continue
        bounds = np.array([b for b in (low, high) if math.isfinite(b)])
        scale = _integer_scale(np.concatenate([coefs, bounds]))
        expr = cp_model.LinearExpr.weighted_sum(
            [x[j] for j in cols], np.round(coefs * scale).astype(np.int64).tolist()
        )
        cp.add_linear_constraint(
            expr,
            math.ceil(low * scale - 1e-9) if math.isfinite(low) else cp_model.INT_MIN,
            math.floor(high * scale + 1e-9) if math.isfinite(high) else cp_model.INT_MAX,
        )
    score_scale = _integer_scale(model.cost)
    cp.maximize(
        cp_model.LinearExpr.weighted_sum(x, np.round(model.cost * score_scale).astype(np.int64).tolist())
    )
    return cp, x, score_scale


def solve_cpsat(
    model: Model,
    time_limit: float | None,
    *,
    workers: int = 1,
    on_solution: Callable[[float, float], None] | None = None,
) -> SolverOutcome:
    """Solve the plain model; `on_solution(seconds, objective)` is called at each improvement."""
    if model.missing_fixed:
        return SolverOutcome(Status.INFEASIBLE, method="cpsat")
    clock = time.perf_counter()
    cp, x, score_scale = build_cpsat(model)
    stats = {"build_seconds": round(time.perf_counter() - clock, 4)}
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = SEED
    if time_limit is not None:
        solver.parameters.max_time_in_seconds = max(0.01, float(time_limit))
    callback = _Progress(on_solution, score_scale) if on_solution else None
    clock = time.perf_counter()
    status = solver.solve(cp, callback)
    stats["solve_seconds"] = round(time.perf_counter() - clock, 4)
    if status == cp_model.INFEASIBLE:
        return SolverOutcome(Status.INFEASIBLE, method="cpsat", stats=stats)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return SolverOutcome(Status.UNKNOWN, method="cpsat", stats=stats)
    chosen = np.array([solver.boolean_value(v) for v in x], dtype=bool)
    objective = float(model.cost[chosen].sum())
    scaled = model.cost * score_scale
    exact = bool(np.all(np.abs(scaled - np.round(scaled)) < 1e-9))
    bound = solver.best_objective_bound / score_scale
    if score_scale == 1:
        bound = math.floor(bound + 1e-6)
    if not exact:  # each chosen score was rounded by at most 0.5 / scale
        bound += 0.5 / score_scale * len(model.instance.candidates)
    bound = max(bound, objective)
    if status == cp_model.OPTIMAL and exact:
        return SolverOutcome(Status.OPTIMAL, chosen, objective, objective, method="cpsat", stats=stats)
    return SolverOutcome(Status.FEASIBLE, chosen, objective, bound, method="cpsat", stats=stats)
