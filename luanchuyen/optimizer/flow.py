"""A primal heuristic: the instance without its ratio rows is a min-cost flow; price the rows in.

Without the group shares, every constraint of §10.3 is a bound on the flow of one arc of

    source → unit → candidate → post → locality → sink,   sink → source (the total),

(unit caps, one post per candidate, pair arcs with the fixed pairs as lower bounds, slots,
locality caps and minimums, total bounds), so an integral optimum comes from a min-cost flow
(OR-Tools, exact and fast). The group-share rows are moved into the arc costs with Lagrange
multipliers taken from the LP duals, raised step by step until the flow meets every share. The
result is a good feasible assignment that starts the MIP of `solve_highs.py`; it proves nothing.

`network_of(model)` returns None when the model's counters do not fit this shape (overlapping
bounded sets); the heuristic is then skipped.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from luanchuyen.optimizer.model import Model

COST_SCALE = 100  # arc costs are integers: score × COST_SCALE, rounded
MULTIPLIER_GROWTH = 1.02  # a violated row's multiplier grows by 2 % per round …
MULTIPLIER_NUDGE = 0.001  # … plus 0.1 % of the mean score per unit of the row's largest coefficient
MAX_ROUNDS = 25


@dataclass(frozen=True, eq=False)
class Network:
    n_nodes: int
    tails: np.ndarray
    heads: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    pairs: np.ndarray  # eligible pair of each pair arc
    first_pair_arc: int  # pair arcs are arcs[first_pair_arc : first_pair_arc + len(pairs)]


def _partition(model: Model, side: str, n: int) -> tuple[np.ndarray, list[tuple[float, float]]] | None:
    """Owner group of each candidate/post among the bounded counters of this side (-1 = none)."""
    owner = np.full(n, -1, dtype=np.int64)
    bounds: list[tuple[float, float]] = []
    for counter in model.counters:
        if counter.side != side or len(counter.members) == n or counter.key == "total":
            continue
        if not (np.isfinite(counter.lower) and counter.lower > 0) and not np.isfinite(counter.upper):
            continue  # no bound of its own (e.g. a group, priced in with a multiplier)
        if np.any(owner[counter.members] >= 0):
            return None  # overlapping bounded sets: not a flow
        owner[counter.members] = len(bounds)
        bounds.append((max(0.0, counter.lower), counter.upper))
    return owner, bounds


def network_of(model: Model) -> Network | None:
    inst = model.instance
    n, m = len(inst.candidates), len(inst.posts)
    units = _partition(model, "candidate", n)
    localities = _partition(model, "post", m)
    if units is None or localities is None:
        return None
    unit_of, unit_bounds = units
    locality_of, locality_bounds = localities
    total_lower, total_upper = 0.0, float(n)
    for counter in model.counters:
        if counter.key == "total" or len(counter.members) == (n if counter.side == "candidate" else m):
            total_lower = max(total_lower, counter.lower)
            total_upper = min(total_upper, counter.upper)
    big = float(n)

    # Nodes: 0 source, 1 sink, units (+1 "no unit"), candidates, posts, localities (+1 "no locality").
    u0 = 2
    no_unit = u0 + len(unit_bounds)
    c0 = no_unit + 1
    p0 = c0 + n
    l0 = p0 + m
    no_locality = l0 + len(locality_bounds)
    n_nodes = no_locality + 1
    arcs: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []

    def add(tails: np.ndarray, heads: np.ndarray, lower: np.ndarray | float, upper: np.ndarray | float) -> None:
        size = len(tails)
        arcs.append((
            np.asarray(tails, dtype=np.int64),
            np.asarray(heads, dtype=np.int64),
            np.broadcast_to(np.asarray(lower, dtype=np.float64), (size,)),
            np.broadcast_to(np.asarray(upper, dtype=np.float64), (size,)),
        ))

    add(np.zeros(len(unit_bounds)), u0 + np.arange(len(unit_bounds)),
        np.array([b[0] for b in unit_bounds]), np.array([min(b[1], big) for b in unit_bounds]))
    add(np.zeros(1), np.array([no_unit]), 0.0, big)
    add(np.where(unit_of >= 0, u0 + unit_of, no_unit), c0 + np.arange(n), 0.0,
        np.minimum(model.candidate_upper, 1.0))
    first_pair_arc = sum(len(a[0]) for a in arcs)
    pairs = np.flatnonzero(model.col_upper > 0)
    add(c0 + inst.pair_candidate[pairs], p0 + inst.pair_post[pairs], model.col_lower[pairs], 1.0)
    add(p0 + np.arange(m), np.where(locality_of >= 0, l0 + locality_of, no_locality), 0.0,
        np.minimum(model.post_upper, big))
    add(l0 + np.arange(len(locality_bounds)), np.ones(len(locality_bounds)),
        np.array([b[0] for b in locality_bounds]), np.array([min(b[1], big) for b in locality_bounds]))
    add(np.array([no_locality]), np.ones(1), 0.0, big)
    add(np.ones(1), np.zeros(1), max(0.0, total_lower), min(total_upper, big))
    return Network(
        n_nodes=n_nodes,
        tails=np.concatenate([a[0] for a in arcs]),
        heads=np.concatenate([a[1] for a in arcs]),
        lower=np.ceil(np.concatenate([a[2] for a in arcs]) - 1e-9).astype(np.int64),
        upper=np.floor(np.concatenate([a[3] for a in arcs]) + 1e-9).astype(np.int64),
        pairs=pairs,
        first_pair_arc=first_pair_arc,
    )


def max_weight_flow(network: Network, pair_weight: np.ndarray) -> np.ndarray | None:
    """Pairs chosen by the flow of maximum total weight (weights per eligible pair), None if infeasible."""
    if np.any(network.lower > network.upper):
        return None
    costs = np.zeros(len(network.tails), dtype=np.int64)
    segment = slice(network.first_pair_arc, network.first_pair_arc + len(network.pairs))
    costs[segment] = -np.round(pair_weight * COST_SCALE).astype(np.int64)
    supplies = np.zeros(network.n_nodes, dtype=np.int64)
    np.subtract.at(supplies, network.tails, network.lower)
    np.add.at(supplies, network.heads, network.lower)
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        network.tails, network.heads, network.upper - network.lower, costs
    )
    flow.set_nodes_supplies(np.arange(network.n_nodes), supplies)
    if flow.solve() != flow.OPTIMAL:
        return None
    values = flow.flows(arcs[segment]) + network.lower[segment]
    return network.pairs[values > 0]


def lagrangian_heuristic(model: Model, multipliers: np.ndarray) -> np.ndarray | None:
    """A feasible assignment (bool over pairs) or None; `multipliers` ≥ 0, one per model row."""
    network = network_of(model)
    if network is None:
        return None
    inst = model.instance
    pairs = network.pairs
    # Coefficient of each pair in each row (Σ coef × [pair counted by the counter]).
    counters = {c.key: c for c in model.counters}
    coefficients = np.zeros((len(model.rows), len(pairs)))
    for i, row in enumerate(model.rows):
        for key, coef in row.terms:
            counter = counters[key]
            n = len(inst.candidates) if counter.side == "candidate" else len(inst.posts)
            member = np.zeros(n, dtype=bool)
            member[counter.members] = True
            owner = inst.pair_candidate if counter.side == "candidate" else inst.pair_post
            coefficients[i] += coef * member[owner[pairs]]
    lower = np.array([r.lower for r in model.rows])
    upper = np.array([r.upper for r in model.rows])
    scores = model.cost[pairs]
    # Raise the multiplier of each violated row a little at a time (ties are broken towards the
    # rows by the first 0.1 %); a row whose multiplier is 0 gets a small start.
    nudge = MULTIPLIER_NUDGE * max(1e-9, float(np.mean(np.abs(scores)) if len(scores) else 1.0))
    nudge = nudge / np.maximum(1e-9, np.abs(coefficients).max(axis=1, initial=0.0))
    mu = np.asarray(multipliers, dtype=np.float64) * 1.001

    def attempt(mu: np.ndarray) -> tuple[np.ndarray | None, np.ndarray]:
        chosen_pairs = max_weight_flow(network, scores + mu @ coefficients)
        if chosen_pairs is None:
            return None, np.zeros(0, dtype=bool)
        activity = coefficients[:, np.searchsorted(pairs, chosen_pairs)].sum(axis=1)
        return chosen_pairs, activity < lower - 1e-9

    best: np.ndarray | None = None
    for _ in range(MAX_ROUNDS):
        chosen_pairs, short = attempt(mu)
        if chosen_pairs is None:
            return None  # the flow part alone is infeasible: no multiplier can help
        if not np.any(short):
            activity = coefficients[:, np.searchsorted(pairs, chosen_pairs)].sum(axis=1)
            if np.any(activity > upper + 1e-9):
                return None  # only minimums are priced in
            best = chosen_pairs
            break
        mu = np.where(short, mu * MULTIPLIER_GROWTH + nudge, mu)
    if best is None:
        return None
    chosen = np.zeros(model.n_pairs, dtype=bool)
    chosen[best] = True
    return chosen
