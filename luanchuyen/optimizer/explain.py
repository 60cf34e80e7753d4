"""Why an instance has no solution, in Vietnamese.

Two layers:

- `counting_checks(instance)`: cheap counts, each of which *proves* infeasibility when it fires
  ("cần tối thiểu 8 người nhưng chỉ 6 ứng viên có cặp hợp lệ", a fixed pair that is forbidden, a
  locality minimum no pair can reach, …). `solve` runs them before any solver.
- `relaxation_explanation(instance, ...)`: when the solver proves infeasibility and no count
  explains it, relax the constraint families: name each family whose removal alone makes the
  instance feasible, and a minimal set of families that conflict (deletion filter).
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow

from luanchuyen.optimizer.constraints.locality_bounds import localities
from luanchuyen.optimizer.constraints.unit_outflow import units
from luanchuyen.optimizer.instance import Instance
from luanchuyen.optimizer.model import (
    FIXED,
    FORBIDDEN,
    RELAXABLE_FAMILIES,
    build_model,
    family_label,
)
from luanchuyen.optimizer.result import Status
from luanchuyen.optimizer.solve_highs import Deadline, solve_highs

CHECK_SECONDS = 10.0  # at most this long for one feasibility check


def _names(items: list[str], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" và {len(items) - limit} mục khác" if len(items) > limit else "")


def counting_checks(instance: Instance) -> list[str]:
    """Messages for conflicts that simple counts prove; [] when none is found."""
    c = instance.constraints
    messages: list[str] = []
    n_posts = len(instance.posts)
    slots = np.array([p.slots for p in instance.posts], dtype=np.int64)

    # Valid pairs: in `pairs` and not forbidden.
    valid = np.ones(instance.n_pairs, dtype=bool)
    if c.forbidden:
        keys = np.array([instance.candidate_index[a] * n_posts + instance.post_index[b] for a, b in c.forbidden])
        found = instance.find_pairs(keys)
        valid[found[found >= 0]] = False
    vc, vp = instance.pair_candidate[valid], instance.pair_post[valid]
    candidate_ok = np.bincount(vc, minlength=len(instance.candidates)) > 0
    post_ok = np.bincount(vp, minlength=n_posts) > 0
    n_candidates_ok = int(candidate_ok.sum())
    slots_ok = int(slots[post_ok].sum())
    locality_posts = localities(instance)
    post_locality = {int(p): name for name, posts in locality_posts.items() for p in posts}
    unit_members = units(instance)
    candidate_unit = {int(i): name for name, members in unit_members.items() for i in members}

    # Fixed pairs.
    forbidden = set(c.forbidden)
    fixed_ok: list[tuple[str, str]] = []
    for pair in c.fixed:
        if instance.find_pair(*pair) is None:
            messages.append(f"Cặp bắt buộc ({pair[0]}, {pair[1]}) không có trong danh sách cặp hợp lệ ('pairs').")
        elif pair in forbidden:
            messages.append(f"Cặp ({pair[0]}, {pair[1]}) vừa bắt buộc vừa bị cấm.")
        else:
            fixed_ok.append(pair)
    for candidate, count in Counter(a for a, _ in fixed_ok).items():
        if count > 1:
            posts = [b for a, b in fixed_ok if a == candidate]
            messages.append(
                f"Ứng viên {candidate} bị bắt buộc vào {count} vị trí ({_names(posts)}) "
                "nhưng mỗi người chỉ nhận một vị trí."
            )
    for post, count in Counter(b for _, b in fixed_ok).items():
        cap = instance.posts[instance.post_index[post]].slots
        if count > cap:
            people = [a for a, b in fixed_ok if b == post]
            messages.append(
                f"Vị trí {post} có {cap} chỗ nhưng bị bắt buộc nhận {count} người ({_names(people)})."
            )
    n_fixed = len({a for a, _ in fixed_ok})
    if c.total_max is not None and n_fixed > c.total_max:
        messages.append(f"Có {n_fixed} người trong các cặp bắt buộc nhưng tổng số tối đa là {c.total_max}.")
    if c.max_in_per_locality is not None:
        per_locality = Counter(post_locality.get(instance.post_index[b]) for _, b in fixed_ok)
        for name, count in per_locality.items():
            if name is not None and count > c.max_in_per_locality:
                messages.append(
                    f"Địa bàn {name} bị bắt buộc nhận {count} người (các cặp bắt buộc) nhưng "
                    f"mỗi địa bàn nhận tối đa {c.max_in_per_locality} người."
                )
    if c.max_out_per_unit is not None:
        per_unit = Counter(candidate_unit.get(instance.candidate_index[a]) for a, _ in fixed_ok)
        for name, count in per_unit.items():
            if name is not None and count > c.max_out_per_unit:
                messages.append(
                    f"Đơn vị {name} có {count} người trong các cặp bắt buộc nhưng mỗi đơn vị "
                    f"chỉ được cử tối đa {c.max_out_per_unit} người."
                )

    # Total.
    if c.total_min is not None and c.total_max is not None and c.total_min > c.total_max:
        messages.append(f"Tổng số tối thiểu ({c.total_min}) lớn hơn tổng số tối đa ({c.total_max}).")
    if c.total_min:
        need = c.total_min
        if need > n_candidates_ok:
            messages.append(f"Cần tối thiểu {need} người nhưng chỉ {n_candidates_ok} ứng viên có cặp hợp lệ.")
        elif need > slots_ok:
            messages.append(
                f"Cần tối thiểu {need} người nhưng các vị trí có cặp hợp lệ chỉ có tổng cộng {slots_ok} chỗ."
            )
        else:
            placeable = _max_placeable(instance, valid, post_locality, candidate_unit)
            if c.max_in_per_locality is not None and placeable.locality_cap < need:
                messages.append(
                    f"Cần tối thiểu {need} người nhưng mỗi địa bàn nhận tối đa {c.max_in_per_locality} người "
                    f"nên các vị trí có cặp hợp lệ chỉ nhận được tối đa {placeable.locality_cap} người."
                )
            elif c.max_out_per_unit is not None and placeable.unit_cap < need:
                messages.append(
                    f"Cần tối thiểu {need} người nhưng mỗi đơn vị chỉ được cử tối đa {c.max_out_per_unit} "
                    f"người nên chỉ cử được tối đa {placeable.unit_cap} người có cặp hợp lệ."
                )
            elif placeable.flow < need:
                messages.append(
                    f"Cần tối thiểu {need} người nhưng chỉ bố trí đồng thời được tối đa {placeable.flow} "
                    "người (mỗi người một vị trí, mỗi vị trí theo số chỗ, cùng các giới hạn theo địa bàn "
                    "và đơn vị)."
                )

    # Locality minimum.
    low = c.min_in_per_locality or 0
    if low > 0:
        if c.max_in_per_locality is not None and low > c.max_in_per_locality:
            messages.append(
                f"Số người tối thiểu đến mỗi địa bàn ({low}) lớn hơn số tối đa ({c.max_in_per_locality})."
            )
        names = list(locality_posts)
        locality_of_post = np.full(n_posts, -1, dtype=np.int64)
        for i, name in enumerate(names):
            locality_of_post[locality_posts[name]] = i
        pair_locality = locality_of_post[vp]
        inside = pair_locality >= 0
        pair_keys = np.sort(pair_locality[inside] * len(instance.candidates) + vc[inside])
        pair_keys = pair_keys[np.concatenate([[True], pair_keys[1:] != pair_keys[:-1]])] if len(pair_keys) else pair_keys
        people_by_locality = np.bincount(pair_keys // len(instance.candidates), minlength=len(names))
        places_by_locality = np.bincount(
            locality_of_post[post_ok & (locality_of_post >= 0)],
            weights=slots[post_ok & (locality_of_post >= 0)],
            minlength=len(names),
        ).astype(np.int64)
        for i, name in enumerate(names):
            people, places = int(people_by_locality[i]), int(places_by_locality[i])
            reach = min(people, places)
            if reach == 0:
                messages.append(
                    f"Địa bàn {name} cần tối thiểu {low} người nhưng không có ứng viên nào có cặp hợp lệ "
                    "vào các vị trí ở đó."
                )
            elif reach < low:
                why = f"chỉ {people} ứng viên có cặp hợp lệ" if people <= places else f"chỉ có {places} chỗ"
                messages.append(f"Địa bàn {name} cần tối thiểu {low} người nhưng {why} vào các vị trí ở đó.")
        needed = low * len(locality_posts)
        if c.total_max is not None and needed > c.total_max:
            messages.append(
                f"{len(locality_posts)} địa bàn, mỗi địa bàn cần tối thiểu {low} người, tổng cộng {needed} "
                f"người, nhưng tổng số tối đa là {c.total_max}."
            )
        elif needed > n_candidates_ok:
            messages.append(
                f"{len(locality_posts)} địa bàn, mỗi địa bàn cần tối thiểu {low} người, tổng cộng {needed} "
                f"người, nhưng chỉ {n_candidates_ok} ứng viên có cặp hợp lệ."
            )

    # Group shares: at least `at_least` people are chosen, so the group needs its share of them.
    at_least = max(c.total_min or 0, n_fixed, low * len(locality_posts))
    for group, share in c.group_share_min.items():
        if share <= 0:
            continue
        member = np.array([group in cand.groups for cand in instance.candidates], dtype=bool)
        available = int((member & candidate_ok).sum())
        outsiders = [pair for pair in fixed_ok if not member[instance.candidate_index[pair[0]]]]
        if share >= 100 and outsiders:
            messages.append(
                f"Nhóm '{group}' phải chiếm 100% số người được chọn nhưng cặp bắt buộc "
                f"({outsiders[0][0]}, {outsiders[0][1]}) là người ngoài nhóm."
            )
            continue
        need = math.ceil(share * at_least / 100 - 1e-9)
        reason = f"ít nhất {at_least} người được chọn"
        if outsiders and share < 100:
            need_outsiders = math.ceil(share * len(outsiders) / (100 - share) - 1e-9)
            if need_outsiders > need:
                need = need_outsiders
                reason = f"{len(outsiders)} người ngoài nhóm trong các cặp bắt buộc"
        if need > available:
            messages.append(
                f"Nhóm '{group}' cần chiếm tối thiểu {share:g}%: với {reason} thì phải có ít nhất {need} "
                f"người thuộc nhóm, nhưng chỉ {available} ứng viên của nhóm có cặp hợp lệ."
            )
        elif need > 0:
            placeable = _max_placeable(
                instance, valid & member[instance.pair_candidate], post_locality, candidate_unit
            ).flow
            if need > placeable:
                messages.append(
                    f"Nhóm '{group}' cần chiếm tối thiểu {share:g}%: với {reason} thì phải có ít nhất {need} "
                    f"người thuộc nhóm, nhưng chỉ bố trí đồng thời được tối đa {placeable} người của nhóm "
                    "(theo số chỗ của các vị trí và giới hạn theo địa bàn, đơn vị)."
                )
    return messages


class _Placeable:
    def __init__(self, flow: int, locality_cap: int, unit_cap: int) -> None:
        self.flow = flow  # most people placeable at once under slots, locality and unit caps
        self.locality_cap = locality_cap  # most people the valid posts can receive under the locality cap
        self.unit_cap = unit_cap  # most people the units can send under the unit cap


def _max_placeable(
    instance: Instance, valid: np.ndarray, post_locality: dict[int, str], candidate_unit: dict[int, str]
) -> _Placeable:
    """Max flow source → unit → candidate → post → locality → sink over the valid pairs."""
    c = instance.constraints
    n, m = len(instance.candidates), len(instance.posts)
    big = n + 1
    unit_names = sorted(set(candidate_unit.values()))
    locality_names = sorted(set(post_locality.values()))
    unit_id = {name: i for i, name in enumerate(unit_names)}
    locality_id = {name: i for i, name in enumerate(locality_names)}
    # Nodes: 0 source, 1 sink, units, candidates, posts, localities, "no unit", "no locality".
    u0 = 2
    c0 = u0 + len(unit_names) + 1
    p0 = c0 + n
    l0 = p0 + m
    n_nodes = l0 + len(locality_names) + 1
    no_unit, no_locality = c0 - 1, n_nodes - 1
    unit_cap = c.max_out_per_unit if c.max_out_per_unit is not None else big
    locality_cap = c.max_in_per_locality if c.max_in_per_locality is not None else big
    tails: list[int] = []
    heads: list[int] = []
    caps: list[int] = []

    def arc(tail: int, head: int, cap: int) -> None:
        tails.append(tail)
        heads.append(head)
        caps.append(cap)

    for name in unit_names:
        arc(0, u0 + unit_id[name], unit_cap)
    arc(0, no_unit, big)
    for i in range(n):
        name = candidate_unit.get(i)
        arc(no_unit if name is None else u0 + unit_id[name], c0 + i, 1)
    for j, post in enumerate(instance.posts):
        name = post_locality.get(j)
        arc(p0 + j, no_locality if name is None else l0 + locality_id[name], post.slots)
    for name in locality_names:
        arc(l0 + locality_id[name], 1, locality_cap)
    arc(no_locality, 1, big * 4)
    pair_tails = c0 + instance.pair_candidate[valid]
    pair_heads = p0 + instance.pair_post[valid]
    graph = csr_matrix(
        (
            np.concatenate([np.array(caps, dtype=np.int32), np.ones(len(pair_tails), dtype=np.int32)]),
            (np.concatenate([np.array(tails, dtype=np.int64), pair_tails]),
             np.concatenate([np.array(heads, dtype=np.int64), pair_heads])),
        ),
        shape=(n_nodes, n_nodes),
    )
    graph.sum_duplicates()
    flow = int(maximum_flow(graph, 0, 1).flow_value)

    post_ok = np.bincount(instance.pair_post[valid], minlength=m) > 0
    slots_by_locality: Counter[str | None] = Counter()
    for j, post in enumerate(instance.posts):
        if post_ok[j]:
            slots_by_locality[post_locality.get(j)] += post.slots
    locality_total = sum(min(s, locality_cap) if name is not None else s for name, s in slots_by_locality.items())
    candidate_ok = np.bincount(instance.pair_candidate[valid], minlength=n) > 0
    people_by_unit: Counter[str | None] = Counter(candidate_unit.get(i) for i in np.flatnonzero(candidate_ok).tolist())
    unit_total = sum(min(k, unit_cap) if name is not None else k for name, k in people_by_unit.items())
    return _Placeable(flow, locality_total, unit_total)


def relaxation_explanation(instance: Instance, time_limit: float | None = 30.0) -> list[str]:
    """Explain a proven infeasibility by relaxing whole families of constraints."""
    deadline = Deadline(time_limit)
    base = build_model(instance)
    present = [f for f in base.families if _relaxable(f)]
    messages = ["Không có phương án nào thỏa mãn đồng thời mọi ràng buộc."]
    if not present:
        return messages

    def feasible(relax: set[str]) -> bool | None:
        model = build_model(instance, relax)
        if model.missing_fixed:
            return False
        if deadline.expired():
            return None
        remaining = deadline.remaining()
        limit = None if remaining is None else max(0.5, min(remaining, CHECK_SECONDS))
        outcome = solve_highs(model, limit, integral_scores=instance.integral_scores, first_solution=True)
        if outcome.status == Status.INFEASIBLE:
            return False
        return True if outcome.chosen is not None else None

    singles = []
    for family in present:
        if deadline.expired():
            break
        if feasible({family}):
            singles.append(family)
    for family in singles:
        messages.append(f"Nếu bỏ ràng buộc {family_label(family, instance)} thì có phương án.")

    # Deletion filter: drop each family that is not needed for the conflict.
    conflict = list(present)
    for family in present:
        if deadline.expired():
            messages.append("Hết thời gian trước khi xác định đủ các ràng buộc xung đột.")
            return messages
        trial = [f for f in conflict if f != family]
        if feasible(set(present) - set(trial)) is False:
            conflict = trial
    labels = [family_label(f, instance) for f in conflict]
    if len(conflict) == 1:
        messages.append(f"Ràng buộc {labels[0]} không thể thỏa mãn (kể cả khi bỏ các ràng buộc khác).")
    else:
        messages.append("Các ràng buộc xung đột với nhau: " + "; ".join(labels) + ".")
    return messages


def _relaxable(family: str) -> bool:
    return family in RELAXABLE_FAMILIES or family.startswith("group_share:") or family in (FIXED, FORBIDDEN)
