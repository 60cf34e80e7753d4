"""Seeded generator of feasible instances with every constraint kind (benchmarks, tests, demos).

A feasible assignment is planted first (greedy, group members first, within the locality and unit
caps); then every constraint is set so that the planted assignment satisfies it, and made to bind
where it can: scores are lower on average for group members and for a few unpopular localities, so
the group shares and locality minimums matter; the total maximum equals the planted count.
"""
from __future__ import annotations

from typing import Any

import numpy as np

GROUPS = (("nu", 0.18, 20), ("tre", 0.12, 10))  # (group, population share, target share %)


def generate_instance(n_candidates: int, n_posts: int, density: float, seed: int = 0) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    n_units = max(4, n_candidates // 25)
    n_localities = max(4, n_posts // 12)

    unit_weight = rng.pareto(1.5, n_units) + 1.0
    cand_unit = rng.choice(n_units, size=n_candidates, p=unit_weight / unit_weight.sum())
    cand_home = rng.integers(0, n_localities, size=n_candidates)
    membership = {g: rng.random(n_candidates) < share for g, share, _ in GROUPS}
    post_locality = rng.integers(0, n_localities, size=n_posts)
    post_slots = rng.choice([1, 2, 3], size=n_posts, p=[0.8, 0.15, 0.05])
    post_unit = rng.integers(0, n_units, size=n_posts)

    # Pairs: each candidate gets about density × n_posts distinct posts (at least one).
    per_candidate = np.maximum(1, rng.binomial(n_posts, density, size=n_candidates))
    cand_list, post_list = [], []
    for c in range(n_candidates):
        k = int(per_candidate[c])
        cand_list.append(np.full(k, c, dtype=np.int64))
        post_list.append(rng.choice(n_posts, size=k, replace=False))
    pair_cand = np.concatenate(cand_list)
    pair_post = np.concatenate(post_list)
    n_pairs = len(pair_cand)

    quality = rng.normal(0, 10, n_candidates)
    locality_appeal = rng.normal(0, 6, n_localities)
    locality_appeal[rng.choice(n_localities, size=max(1, n_localities // 8), replace=False)] -= 20
    penalty = np.zeros(n_candidates)
    for g, _, _ in GROUPS:
        penalty += 8.0 * membership[g]
    raw = 55 + quality[pair_cand] + locality_appeal[post_locality[pair_post]] - penalty[pair_cand]
    raw += rng.normal(0, 12, n_pairs)
    score = np.clip(np.round(raw), 0, 100).astype(np.int64)

    # Caps, then the planted assignment within them.
    slots_per_locality = np.bincount(post_locality, weights=post_slots, minlength=n_localities)
    max_in = int(max(2, np.ceil(np.percentile(slots_per_locality, 75))))
    total_slots = int(post_slots.sum())
    max_out = int(max(2, np.ceil(2.0 * min(total_slots, n_candidates) / n_units)))

    in_group = np.zeros(n_candidates, dtype=bool)
    for g, _, _ in GROUPS:
        in_group |= membership[g]
    order = rng.permutation(n_pairs)
    order = order[np.argsort(~in_group[pair_cand[order]], kind="stable")]  # group members first
    # Unpopular localities first too, so that each locality gets its minimum.
    order = order[np.argsort(locality_appeal[post_locality[pair_post[order]]] > -10, kind="stable")]
    cand_used = np.zeros(n_candidates, dtype=bool)
    post_used = np.zeros(n_posts, dtype=np.int64)
    loc_used = np.zeros(n_localities, dtype=np.int64)
    unit_used = np.zeros(n_units, dtype=np.int64)
    planted: list[int] = []
    for k in order.tolist():
        c, p = int(pair_cand[k]), int(pair_post[k])
        loc, unit = post_locality[p], cand_unit[c]
        if cand_used[c] or post_used[p] >= post_slots[p] or loc_used[loc] >= max_in or unit_used[unit] >= max_out:
            continue
        cand_used[c] = True
        post_used[p] += 1
        loc_used[loc] += 1
        unit_used[unit] += 1
        planted.append(k)
    planted_arr = np.array(planted, dtype=np.int64)
    n_planted = len(planted_arr)

    posted_localities = np.unique(post_locality)
    min_in = int(min(2, loc_used[posted_localities].min()))
    shares = {}
    for g, _, target in GROUPS:
        planted_share = 100.0 * membership[g][pair_cand[planted_arr]].sum() / max(1, n_planted)
        shares[g] = int(min(target, np.floor(planted_share)))

    n_fixed = int(min(20, max(2, n_planted // 100)))
    fixed = rng.choice(planted_arr, size=min(n_fixed, n_planted), replace=False)
    not_planted = np.setdiff1d(np.arange(n_pairs), planted_arr)
    n_forbidden = int(min(len(not_planted), max(2, n_pairs // 200)))
    forbidden = rng.choice(not_planted, size=n_forbidden, replace=False)

    cid = [f"c{i}" for i in range(n_candidates)]
    pid = [f"p{i}" for i in range(n_posts)]
    return {
        "format": "luanchuyen-optimize/v1",
        "candidates": [
            {
                "id": cid[i],
                "unit": f"U{cand_unit[i]}",
                "home": f"L{cand_home[i]}",
                "groups": [g for g, _, _ in GROUPS if membership[g][i]],
            }
            for i in range(n_candidates)
        ],
        "posts": [
            {"id": pid[j], "unit": f"U{post_unit[j]}", "locality": f"L{post_locality[j]}", "slots": int(post_slots[j])}
            for j in range(n_posts)
        ],
        "pairs": [
            {"candidate": cid[c], "post": pid[p], "score": s}
            for c, p, s in zip(pair_cand.tolist(), pair_post.tolist(), score.tolist(), strict=True)
        ],
        "constraints": {
            "total": {"min": int(np.floor(0.8 * n_planted)), "max": n_planted},
            "group_share_min": shares,
            "max_in_per_locality": max_in,
            "min_in_per_locality": min_in,
            "max_out_per_unit": max_out,
            "fixed": [{"candidate": cid[pair_cand[k]], "post": pid[pair_post[k]]} for k in sorted(fixed.tolist())],
            "forbidden": [
                {"candidate": cid[pair_cand[k]], "post": pid[pair_post[k]]} for k in sorted(forbidden.tolist())
            ],
        },
    }
