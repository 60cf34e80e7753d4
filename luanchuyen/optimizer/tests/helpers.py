"""Small instances written by hand, a random generator and a brute-force solver for the tests."""
from __future__ import annotations

import itertools
import random
from typing import Any

from luanchuyen.optimizer import solve, validate


def instance(
    candidates: list[tuple[str, str, list[str]]],
    posts: list[tuple[str, str, int]],
    pairs: list[tuple[str, str, float]],
    **constraints: Any,
) -> dict[str, Any]:
    """candidates: (id, unit, groups); posts: (id, locality, slots); pairs: (candidate, post, score)."""
    return {
        "candidates": [{"id": c, "unit": u, "home": "L0", "groups": g} for c, u, g in candidates],
        "posts": [{"id": p, "unit": "U99", "locality": loc, "slots": s} for p, loc, s in posts],
        "pairs": [{"candidate": c, "post": p, "score": s} for c, p, s in pairs],
        "constraints": constraints,
    }


def pairs_of(*items: tuple[str, str]) -> list[dict[str, str]]:
    return [{"candidate": c, "post": p} for c, p in items]


def solved(data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Solve and check the result with the independent checker."""
    result = solve(data, **kwargs)
    assert validate(data, result) == [], (result, validate(data, result))
    return result


def chosen(result: dict[str, Any]) -> set[tuple[str, str]]:
    return {(a["candidate"], a["post"]) for a in result["assignments"]}


def brute_force(data: dict[str, Any]) -> float | None:
    """Best objective over every assignment (None when none is feasible), checked by `validate`."""
    options: dict[str, list[tuple[str, float] | None]] = {c["id"]: [None] for c in data["candidates"]}
    for p in data["pairs"]:
        options[p["candidate"]].append((p["post"], p["score"]))
    best = None
    for combo in itertools.product(*options.values()):
        picks = [(c, o) for c, o in zip(options, combo, strict=True) if o is not None]
        value = sum(o[1] for _, o in picks)
        if best is not None and value <= best:
            continue
        result = {
            "status": "feasible",
            "objective": value,
            "bound": None,
            "assignments": [{"candidate": c, "post": o[0]} for c, o in picks],
            "seconds": 0,
        }
        if not validate(data, result):
            best = value
    return best


def random_instance(seed: int, n_candidates: int = 6, n_posts: int = 4, integer: bool = True) -> dict[str, Any]:
    """A small random instance; every constraint kind appears with some probability."""
    rng = random.Random(seed)
    units = [f"U{i}" for i in range(3)]
    localities = [f"L{i}" for i in range(rng.randint(1, 3))]
    candidates = [
        (f"c{i}", rng.choice(units), [g for g, p in (("nu", 0.4), ("tre", 0.3)) if rng.random() < p])
        for i in range(n_candidates)
    ]
    posts = [(f"p{j}", rng.choice(localities), rng.choice([1, 1, 2])) for j in range(n_posts)]
    pairs = [
        (c, p, rng.randint(0, 20) if integer else round(rng.uniform(0, 20), 2))
        for c, _, _ in candidates
        for p, _, _ in posts
        if rng.random() < 0.55
    ]
    constraints: dict[str, Any] = {}
    if rng.random() < 0.6:
        low = rng.randint(0, 4)
        constraints["total"] = {"min": low, "max": low + rng.randint(0, 3)}
    if rng.random() < 0.6:
        constraints["group_share_min"] = {g: rng.choice([10, 25, 34, 50]) for g in ("nu", "tre") if rng.random() < 0.7}
    if rng.random() < 0.5:
        constraints["max_in_per_locality"] = rng.randint(1, 3)
    if rng.random() < 0.4:
        constraints["min_in_per_locality"] = rng.randint(0, 1)
    if rng.random() < 0.5:
        constraints["max_out_per_unit"] = rng.randint(1, 2)
    if pairs and rng.random() < 0.4:
        c, p, _ = rng.choice(pairs)
        constraints["fixed"] = [{"candidate": c, "post": p}]
    if pairs and rng.random() < 0.5:
        constraints["forbidden"] = [{"candidate": c, "post": p} for c, p, _ in rng.sample(pairs, min(2, len(pairs)))]
    return instance(candidates, posts, pairs, **constraints)
