"""The fast exact method: LP by column generation, then a MIP over the pairs the LP cannot rule out.

Formulation ("aggregate"): a 0/1 column x_e per pair; continuous columns a_c (pairs chosen for
candidate c, ≤ 1) and f_p (pairs chosen for post p, ≤ slots); one integer column per counter
(total, group, locality, unit counts) with the counter's bounds; rows

    Σ_{e of c} x_e − a_c = 0        Σ_{e of p} x_e − f_p = 0        Σ_{members} a|f − counter = 0

and the group-share rows over counters (100·G_g − share·N ≥ 0). Every pair column has exactly two
non-zeros, the assignment structure the simplex method handles well; the dense rows of the plain
model (a group share touches every pair) are gone, and HiGHS can branch and cut on the counters.

Steps (all deterministic: HiGHS single-threaded with a fixed seed):

1. **LP by column generation.** Start from the best few pairs of every candidate and post;
   price all pairs with the duals (reduced cost = score − dual(candidate) − dual(post)), add the
   attractive ones, re-solve from the previous basis, until no pair has a positive reduced cost.
   The LP value is then an upper bound for the whole instance.
2. If the LP vertex is integral, it is optimal (objective == bound).
3. **Reduced-cost restriction.** A pair left at 0 with reduced cost rc < 0 can only be in a
   solution worth ≤ LP + rc; a pair at 1 with rc > 0 can only be left out at ≤ LP − rc. Keep the
   pairs with |rc| ≤ T (fix the others at their LP value) and solve that small MIP with HiGHS; any
   solution outside it is worth < LP − T. A first pass with T = 0 (only the pairs the LP is
   indifferent about) is tiny and usually finds the optimum; if its value z does not reach
   LP − T, a second pass with T = LP − z − 1 (integer scores) starts from z, and then nothing
   outside can be better: the result is proven optimal (objective == bound).
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np
import scipy.sparse as sp

from luanchuyen.optimizer.flow import lagrangian_heuristic
from luanchuyen.optimizer.model import Model
from luanchuyen.optimizer.result import SolverOutcome, Status

SEED = 20240
INTEGRALITY_TOLERANCE = 1e-6
PRICING_TOLERANCE = 1e-7
RC_MARGIN = 1e-6  # safety margin on reduced costs (floating-point duals)
INITIAL_PER_OWNER = 3  # column generation starts with the best pairs of each candidate and post
ADDED_PER_OWNER = 3  # each pricing round adds at most this many pairs per candidate and per post


class Deadline:
    def __init__(self, seconds: float | None) -> None:
        self.end = None if seconds is None else time.perf_counter() + seconds

    def remaining(self) -> float | None:
        return None if self.end is None else max(0.0, self.end - time.perf_counter())

    def expired(self) -> bool:
        return self.end is not None and time.perf_counter() >= self.end


def _highs(deadline: Deadline) -> highspy.Highs:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("random_seed", SEED)
    h.setOptionValue("threads", 1)
    remaining = deadline.remaining()
    if remaining is not None:
        h.setOptionValue("time_limit", max(0.01, remaining))
    return h


@dataclass(frozen=True, eq=False)
class Aggregate:
    """The aggregate formulation; pair columns are chosen per solve, the rest is fixed.

    The rest columns are a (per candidate), f (per post), one integer column per counter, and
    *elastic* columns: one per minimum (counter lower bound, group-share row) that lets the
    minimum be met without pairs at a large penalty. They are open only in the column-generation
    LP, so that a small start set of pairs is never infeasible; they are closed (0) in every MIP.
    """

    model: Model
    n_candidates: int
    n_posts: int
    n_counters: int
    n_elastic: int
    rest: sp.csc_matrix  # rows × (a, f, counters, elastic)
    rest_cost: np.ndarray
    rest_lower: np.ndarray
    rest_upper: np.ndarray  # elastic columns closed (0)
    rest_integer: np.ndarray  # bool per rest column
    row_lower: np.ndarray
    row_upper: np.ndarray

    @property
    def n_rows(self) -> int:
        return int(self.rest.shape[0])

    @property
    def elastic_positions(self) -> np.ndarray:
        """Positions of the elastic columns within the rest columns."""
        return np.arange(self.rest.shape[1] - self.n_elastic, self.rest.shape[1])

    @classmethod
    def of(cls, model: Model) -> Aggregate:
        inst = model.instance
        n, m, k = len(inst.candidates), len(inst.posts), len(model.counters)
        counters = model.counters
        key_index = {c.key: i for i, c in enumerate(counters)}
        n_linear = len(model.rows)
        n_rows = n + m + k + n_linear
        # a_c: −1 in its candidate row, +1 in the rows of the candidate-side counters it belongs to.
        member_c = model.membership(counters, "candidate")  # k × n
        member_p = model.membership(counters, "post")  # k × m
        a_block = sp.vstack([-sp.identity(n), sp.csr_matrix((m, n)), member_c, sp.csr_matrix((n_linear, n))])
        f_block = sp.vstack([sp.csr_matrix((n, m)), -sp.identity(m), member_p, sp.csr_matrix((n_linear, m))])
        linear = sp.lil_matrix((n_linear, k))
        for i, row in enumerate(model.rows):
            for key, coef in row.terms:
                linear[i, key_index[key]] += coef
        counter_block = sp.vstack([sp.csr_matrix((n + m, k)), -sp.identity(k), linear.tocsr()])
        # Elastic columns: +1 in the row of each counter with a minimum, and of each row with a minimum.
        elastic_rows = [n + m + i for i, c in enumerate(counters) if c.lower > 0] + [
            n + m + k + i for i, r in enumerate(model.rows) if np.isfinite(r.lower)
        ]
        elastic_block = sp.csr_matrix(
            (np.ones(len(elastic_rows)), (elastic_rows, np.arange(len(elastic_rows)))),
            shape=(n_rows, len(elastic_rows)),
        )
        rest = sp.hstack([a_block, f_block, counter_block, elastic_block], format="csc")
        n_elastic = len(elastic_rows)
        penalty = 1000.0 * (1.0 + float(np.max(np.abs(model.cost), initial=0.0)))
        rest_cost = np.concatenate([np.zeros(n + m + k), np.full(n_elastic, -penalty)])
        rest_lower = np.concatenate([np.zeros(n + m), [max(0.0, c.lower) for c in counters], np.zeros(n_elastic)])
        rest_upper = np.concatenate([
            model.candidate_upper, model.post_upper, [c.upper for c in counters], np.zeros(n_elastic)
        ])
        row_lower = np.concatenate([np.zeros(n + m + k), [r.lower for r in model.rows]])
        row_upper = np.concatenate([np.zeros(n + m + k), [r.upper for r in model.rows]])
        assert rest.shape == (n_rows, n + m + k + n_elastic)
        return cls(
            model=model,
            n_candidates=n,
            n_posts=m,
            n_counters=k,
            n_elastic=n_elastic,
            rest=rest,
            rest_cost=rest_cost,
            rest_lower=rest_lower,
            rest_upper=rest_upper,
            rest_integer=np.concatenate([np.zeros(n + m, dtype=bool), np.ones(k, dtype=bool),
                                         np.zeros(n_elastic, dtype=bool)]),
            row_lower=row_lower,
            row_upper=row_upper,
        )

    def pair_block(self, pairs: np.ndarray) -> sp.csc_matrix:
        """Rows × the given pair columns: +1 in the pair's candidate row and post row."""
        inst = self.model.instance
        cnt = len(pairs)
        rows = np.empty(2 * cnt, dtype=np.int32)
        rows[0::2] = inst.pair_candidate[pairs]
        rows[1::2] = self.n_candidates + inst.pair_post[pairs]
        indptr = np.arange(0, 2 * cnt + 1, 2, dtype=np.int32)
        return sp.csc_matrix((np.ones(2 * cnt), rows, indptr), shape=(self.n_rows, cnt))

    def lp(
        self, pairs: np.ndarray, lower: np.ndarray, upper: np.ndarray, *, integer: bool, elastic: bool = False
    ) -> highspy.HighsLp:
        """The model over the given pair columns (then the rest columns), with these pair bounds."""
        matrix = sp.hstack([self.pair_block(pairs), self.rest], format="csc")
        rest_upper = self.rest_upper.copy()
        if elastic:
            rest_upper[self.elastic_positions] = np.inf
        lp = highspy.HighsLp()
        lp.num_col_ = matrix.shape[1]
        lp.num_row_ = self.n_rows
        lp.col_cost_ = np.concatenate([self.model.cost[pairs], self.rest_cost])
        lp.col_lower_ = _finite(np.concatenate([lower, self.rest_lower]))
        lp.col_upper_ = _finite(np.concatenate([upper, rest_upper]))
        lp.row_lower_ = _finite(self.row_lower)
        lp.row_upper_ = _finite(self.row_upper)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = matrix.indptr.astype(np.int32)
        lp.a_matrix_.index_ = matrix.indices.astype(np.int32)
        lp.a_matrix_.value_ = matrix.data.astype(np.float64)
        lp.a_matrix_.num_col_ = matrix.shape[1]
        lp.a_matrix_.num_row_ = self.n_rows
        lp.sense_ = highspy.ObjSense.kMaximize
        if integer:
            kinds = np.concatenate([np.ones(len(pairs), dtype=bool), self.rest_integer])
            lp.integrality_ = [
                highspy.HighsVarType.kInteger if k else highspy.HighsVarType.kContinuous for k in kinds
            ]
        return lp

    def reduced_costs(self, row_dual: np.ndarray) -> np.ndarray:
        inst = self.model.instance
        return self.model.cost - row_dual[inst.pair_candidate] - row_dual[self.n_candidates + inst.pair_post]


def _finite(values: np.ndarray) -> np.ndarray:
    return np.clip(values, -highspy.kHighsInf, highspy.kHighsInf)


def _best_per_owner(owner: np.ndarray, value: np.ndarray, subset: np.ndarray, k: int) -> np.ndarray:
    """Indices in `subset` that are among the k largest `value` of their owner (ties: lower index)."""
    if len(subset) == 0:
        return subset
    order = subset[np.lexsort((subset, -value[subset], owner[subset]))]
    owners = owner[order]
    first = np.searchsorted(owners, owners, side="left")
    return order[(np.arange(len(order)) - first) < k]


@dataclass(eq=False)
class LpResult:
    status: Status  # OPTIMAL (LP solved), INFEASIBLE or UNKNOWN (time limit / trouble)
    value: float = math.nan
    x: np.ndarray | None = None  # pair values (all pairs)
    reduced_cost: np.ndarray | None = None  # all pairs
    row_dual: np.ndarray | None = None
    rounds: int = 0
    columns: int = 0
    reason: str = ""  # for UNKNOWN: "time_limit" or "solver"


def solve_lp(agg: Aggregate, deadline: Deadline) -> LpResult:
    """The LP relaxation over all pairs, by column generation (step 1).

    The elastic columns keep the restricted LP feasible. If some are still in use when no pair
    prices out, the minimums cannot be met by the pairs at that penalty: they are closed, every
    pair is added, and the LP is solved once more (it is then usually proven infeasible at once).
    """
    model = agg.model
    inst = model.instance
    eligible = np.flatnonzero(model.col_upper > 0)
    fixed = np.flatnonzero(model.col_lower > 0)
    start = np.union1d(
        np.union1d(
            _best_per_owner(inst.pair_candidate, model.cost, eligible, INITIAL_PER_OWNER),
            _best_per_owner(inst.pair_post, model.cost, eligible, INITIAL_PER_OWNER),
        ),
        fixed,
    )
    columns = _Columns(agg, start)
    h = _highs(deadline)
    h.setOptionValue("presolve", "off")  # warm starts between rounds
    h.passModel(agg.lp(start, model.col_lower[start], model.col_upper[start], integer=False, elastic=True))
    elastic_at = len(start) + agg.elastic_positions
    rounds = 0
    elastic_open = agg.n_elastic > 0
    while True:
        rounds += 1
        h.run()
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            if not columns.complete(eligible):
                columns.add(h, eligible[~columns.in_set[eligible]])
                continue
            return LpResult(Status.INFEASIBLE, rounds=rounds, columns=columns.count)
        if status != highspy.HighsModelStatus.kOptimal:
            reason = "time_limit" if status == highspy.HighsModelStatus.kTimeLimit else "solver"
            return LpResult(Status.UNKNOWN, rounds=rounds, columns=columns.count, reason=reason)
        solution = h.getSolution()
        rc = agg.reduced_costs(np.asarray(solution.row_dual))
        attractive = eligible[(~columns.in_set[eligible]) & (rc[eligible] > PRICING_TOLERANCE)]
        if len(attractive) == 0:
            col_value = np.asarray(solution.col_value)
            if elastic_open and np.any(col_value[elastic_at] > INTEGRALITY_TOLERANCE):
                # Minimums met only elastically: close the elastic columns, use every pair.
                elastic_open = False
                h.changeColsBounds(
                    len(elastic_at), elastic_at.astype(np.int32), np.zeros(len(elastic_at)),
                    np.zeros(len(elastic_at)),
                )
                columns.add(h, eligible[~columns.in_set[eligible]])
                continue
            x = columns.read(col_value)
            value = float(h.getInfo().objective_function_value)
            return LpResult(Status.OPTIMAL, value, x, rc, np.asarray(solution.row_dual), rounds, columns.count)
        if deadline.expired():
            return LpResult(Status.UNKNOWN, rounds=rounds, columns=columns.count, reason="time_limit")
        columns.add(
            h,
            np.union1d(
                _best_per_owner(inst.pair_candidate, rc, attractive, ADDED_PER_OWNER),
                _best_per_owner(inst.pair_post, rc, attractive, ADDED_PER_OWNER),
            ),
        )


class _Columns:
    """Which pairs are columns of the HiGHS model, and where (added pairs come after the rest)."""

    def __init__(self, agg: Aggregate, start: np.ndarray) -> None:
        self.agg = agg
        self.pairs = [start]
        self.positions = [np.arange(len(start))]
        self.next_position = len(start) + agg.rest.shape[1]
        self.in_set = np.zeros(agg.model.n_pairs, dtype=bool)
        self.in_set[start] = True

    @property
    def count(self) -> int:
        return int(self.in_set.sum())

    def complete(self, eligible: np.ndarray) -> bool:
        return bool(np.all(self.in_set[eligible]))

    def add(self, h: highspy.Highs, extra: np.ndarray) -> None:
        if len(extra) == 0:
            return
        model = self.agg.model
        block = self.agg.pair_block(extra)
        h.addCols(
            len(extra),
            model.cost[extra].astype(np.float64),
            model.col_lower[extra].astype(np.float64),
            model.col_upper[extra].astype(np.float64),
            int(block.nnz),
            block.indptr[:-1].astype(np.int32),
            block.indices.astype(np.int32),
            block.data.astype(np.float64),
        )
        self.pairs.append(extra)
        self.positions.append(self.next_position + np.arange(len(extra)))
        self.next_position += len(extra)
        self.in_set[extra] = True

    def read(self, col_value: np.ndarray) -> np.ndarray:
        x = np.zeros(self.agg.model.n_pairs)
        x[np.concatenate(self.pairs)] = col_value[np.concatenate(self.positions)]
        return x


@dataclass(eq=False)
class MipResult:
    status: Status  # OPTIMAL (in the restricted space), FEASIBLE (time limit), INFEASIBLE, UNKNOWN
    chosen: np.ndarray | None = None  # bool over all pairs
    value: float | None = None
    bound: float | None = None  # bound within the restricted space


def solve_restricted_mip(
    agg: Aggregate,
    pairs: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    deadline: Deadline,
    integral_scores: bool,
    start: np.ndarray | None = None,
) -> MipResult:
    """The MIP over the given pair columns (all other pairs at 0)."""
    model = agg.model
    h = _highs(deadline)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 1.0 - 1e-6 if integral_scores else 1e-9)
    h.passModel(agg.lp(pairs, lower, upper, integer=True))
    if start is not None:
        values = start[pairs].astype(np.float64)
        h.setSolution(len(pairs), np.arange(len(pairs), dtype=np.int32), values)
    h.run()
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kInfeasible:
        return MipResult(Status.INFEASIBLE)
    info = h.getInfo()
    bound = float(info.mip_dual_bound)
    if not math.isfinite(bound) or abs(bound) >= highspy.kHighsInf:
        bound = None
    if info.primal_solution_status != highspy.kSolutionStatusFeasible:
        return MipResult(Status.UNKNOWN, bound=bound)
    chosen = np.zeros(model.n_pairs, dtype=bool)
    chosen[pairs] = np.asarray(h.getSolution().col_value)[: len(pairs)] > 0.5
    value = float(model.cost[chosen].sum())
    if status == highspy.HighsModelStatus.kOptimal:
        return MipResult(Status.OPTIMAL, chosen, value, value if bound is None else max(bound, value))
    return MipResult(Status.FEASIBLE, chosen, value, bound)


def solve_highs(
    model: Model, time_limit: float | None, *, integral_scores: bool, first_solution: bool = False
) -> SolverOutcome:
    """Steps 1–3 of the module docstring. The outcome's bound is always a valid upper bound.

    `first_solution`: stop at the first feasible solution (feasibility checks of `explain.py`).
    """
    deadline = Deadline(time_limit)
    if model.missing_fixed:
        return SolverOutcome(Status.INFEASIBLE, method="highs")
    clock = time.perf_counter()
    agg = Aggregate.of(model)
    lp = solve_lp(agg, deadline)
    stats: dict[str, Any] = {
        "pairs": model.n_pairs,
        "lp_seconds": round(time.perf_counter() - clock, 4),
        "lp_rounds": lp.rounds,
        "lp_columns": lp.columns,
    }
    if lp.status != Status.OPTIMAL:
        if lp.reason:
            stats["reason"] = lp.reason
        return SolverOutcome(lp.status, method="highs-lp", stats=stats)
    assert lp.x is not None and lp.reduced_cost is not None
    stats["lp_value"] = round(lp.value, 6)
    unit = 1.0 if integral_scores else 0.0  # objective values are multiples of 1 with integer scores

    def floor_bound(value: float) -> float:
        return math.floor(value + 1e-6) if integral_scores else value

    lp_bound = floor_bound(lp.value)
    x = lp.x
    if np.max(np.abs(x - np.round(x)), initial=0.0) <= INTEGRALITY_TOLERANCE:
        chosen = np.round(x) > 0.5
        value = float(model.cost[chosen].sum())
        return SolverOutcome(Status.OPTIMAL, chosen, value, max(value, lp_bound), method="highs-lp", stats=stats)

    rc = lp.reduced_cost
    eligible = model.col_upper > 0
    at_one = x > 0.5
    scale = 1.0 if integral_scores else max(1e-9, float(np.mean(np.abs(model.cost))) / 30.0)
    best: MipResult | None = None
    passes: list[dict[str, Any]] = []
    stats["mip_passes"] = passes
    method = "highs-lp-mip"

    # A start from the Lagrangian flow heuristic; the LP duals of the share rows are the multipliers.
    clock = time.perf_counter()
    first_row = agg.n_candidates + agg.n_posts + agg.n_counters
    assert lp.row_dual is not None
    chosen = lagrangian_heuristic(model, np.abs(lp.row_dual[first_row: first_row + len(model.rows)]))
    stats["heuristic_seconds"] = round(time.perf_counter() - clock, 4)
    if chosen is not None:
        best = MipResult(Status.FEASIBLE, chosen, float(model.cost[chosen].sum()))
        stats["heuristic_value"] = best.value

    def outcome(status: Status, bound: float | None) -> SolverOutcome:
        if best is None:
            return SolverOutcome(status, bound=bound, method=method, stats=stats)
        return SolverOutcome(status, best.chosen, best.value, bound, method=method, stats=stats)

    if best is not None and best.value >= lp_bound - 1e-9:
        return outcome(Status.OPTIMAL, best.value)
    if best is not None and first_solution:
        return outcome(Status.FEASIBLE, lp_bound)
    # The first pass keeps only the pairs the LP is indifferent about (T = 0) and those of the
    # start; the second, if needed, has T = LP − z − 1 (integer scores) and proves the optimum.
    threshold = 0.0

    while True:
        # Pairs out of the restricted space: at 0 with rc < −T (left out), at 1 with rc > T (kept).
        left_out = eligible & ~at_one & (rc < -threshold - RC_MARGIN) & (model.col_lower <= 0)
        kept = at_one & (rc > threshold + RC_MARGIN) if passes else np.zeros_like(at_one)
        if best is not None:  # the start must stay feasible in the restricted space
            left_out &= ~best.chosen
            kept &= best.chosen
        pairs = np.flatnonzero(eligible & ~left_out)
        lower = model.col_lower[pairs].copy()
        lower[kept[pairs]] = 1.0
        # Every solution outside the restricted space is worth at most `outside`.
        gaps = np.concatenate([-rc[left_out], rc[kept]])
        outside = floor_bound(lp.value - float(gaps.min())) if len(gaps) else -math.inf
        clock = time.perf_counter()
        mip = solve_restricted_mip(
            agg, pairs, lower, model.col_upper[pairs], deadline, integral_scores,
            start=None if best is None else best.chosen,
        )
        passes.append({
            "threshold": round(threshold, 6),
            "pairs": len(pairs),
            "fixed_at_one": int(kept.sum()),
            "status": mip.status.value,
            "value": mip.value,
            "seconds": round(time.perf_counter() - clock, 4),
        })
        if mip.chosen is not None and (best is None or mip.value > best.value):
            best = mip
        if first_solution and best is not None:
            return outcome(Status.FEASIBLE, max(best.value, min(lp_bound, max(outside, best.value))))
        if mip.status in (Status.FEASIBLE, Status.UNKNOWN):  # time limit
            inside = lp_bound if mip.bound is None else floor_bound(mip.bound)
            bound = min(lp_bound, max(inside, outside))
            if best is None:
                return outcome(Status.UNKNOWN, bound)
            return outcome(Status.OPTIMAL if best.value >= bound - 1e-9 else Status.FEASIBLE, max(bound, best.value))
        if best is not None and best.value >= outside - 1e-9:
            return outcome(Status.OPTIMAL, best.value)
        if not len(gaps):
            # Nothing was left out: the restricted MIP was the whole problem.
            return outcome(Status.INFEASIBLE, None) if best is None else outcome(Status.OPTIMAL, best.value)
        if best is None:  # widen until a solution appears
            threshold = max(2.0 * threshold, 3.0 * scale, float(gaps.min()))
        else:
            # Outside the new space, solutions are worth < best + unit: nothing better is left out.
            threshold = max(threshold, lp.value - best.value - unit)
        if deadline.expired():
            bound = min(lp_bound, outside)
            if best is None:
                return outcome(Status.UNKNOWN, bound)
            return outcome(Status.FEASIBLE, max(best.value, bound))
