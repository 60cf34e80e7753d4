"""Independent checker of a result against the semantics of DOMAIN.md §10.3.

It reads the instance and the result as plain JSON data (dicts and lists), imports no solver and
none of the optimizer's own model code, and says in Vietnamese what is wrong. It is meant to be
read by a person who knows the rules: each check below is one sentence of §10.3.

    problems = validate(instance_json, result_json)   # [] when the result is consistent
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Any

STATUSES = ("optimal", "feasible", "infeasible", "unknown")
TOLERANCE = 1e-6


def validate(instance: dict[str, Any], result: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    status = result.get("status")
    if status not in STATUSES:
        return [f"Trạng thái '{status}' không hợp lệ (cần một trong: {', '.join(STATUSES)})."]
    for key in ("objective", "bound", "assignments", "seconds"):
        if key not in result:
            problems.append(f"Kết quả thiếu khóa '{key}'.")
    if problems:
        return problems
    assignments = result["assignments"]
    if status in ("infeasible", "unknown"):
        if assignments:
            problems.append(f"Trạng thái '{status}' nhưng kết quả vẫn có {len(assignments)} phân công.")
        return problems

    candidates = {c["id"]: c for c in instance.get("candidates", [])}
    posts = {p["id"]: p for p in instance.get("posts", [])}
    scores = {(p["candidate"], p["post"]): p["score"] for p in instance.get("pairs", [])}
    constraints = instance.get("constraints") or {}
    chosen = [(a["candidate"], a["post"]) for a in assignments]

    # Choose pairs from `pairs` only.
    for pair in chosen:
        if pair not in scores:
            problems.append(f"Cặp ({pair[0]}, {pair[1]}) không có trong danh sách cặp hợp lệ.")
    if len(set(chosen)) < len(chosen):
        problems.append("Có cặp được chọn hai lần.")
    # Each candidate at most one post.
    for candidate, count in Counter(c for c, _ in chosen).items():
        if count > 1:
            problems.append(f"Ứng viên {candidate} được bố trí vào {count} vị trí (tối đa 1).")
    # Each post at most `slots` candidates.
    for post, count in Counter(p for _, p in chosen).items():
        slots = posts.get(post, {}).get("slots", 1)
        if count > slots:
            problems.append(f"Vị trí {post} nhận {count} người nhưng chỉ có {slots} chỗ.")
    # `total` bounds the number chosen.
    total = constraints.get("total") or {}
    if total.get("min") is not None and len(chosen) < total["min"]:
        problems.append(f"Chọn {len(chosen)} người, ít hơn tổng số tối thiểu {total['min']}.")
    if total.get("max") is not None and len(chosen) > total["max"]:
        problems.append(f"Chọn {len(chosen)} người, nhiều hơn tổng số tối đa {total['max']}.")
    # For each group g: 100 × (chosen in g) ≥ share × (all chosen).
    for group, share in (constraints.get("group_share_min") or {}).items():
        in_group = sum(1 for c, _ in chosen if group in (candidates.get(c, {}).get("groups") or []))
        if 100 * in_group < share * len(chosen) - TOLERANCE:
            problems.append(
                f"Nhóm '{group}' chỉ có {in_group}/{len(chosen)} người, dưới tỷ lệ tối thiểu {share}%."
            )
    # Per locality: chosen posts located there ≤ max, and ≥ min for every locality that has a post.
    received = Counter(posts.get(p, {}).get("locality") for _, p in chosen)
    localities = {p.get("locality") for p in posts.values() if p.get("locality") is not None}
    max_in = constraints.get("max_in_per_locality")
    min_in = constraints.get("min_in_per_locality")
    for locality in sorted(localities):
        if max_in is not None and received[locality] > max_in:
            problems.append(f"Địa bàn {locality} nhận {received[locality]} người, vượt mức tối đa {max_in}.")
        if min_in is not None and received[locality] < min_in:
            problems.append(f"Địa bàn {locality} nhận {received[locality]} người, dưới mức tối thiểu {min_in}.")
    # Per sending unit: chosen candidates from it ≤ max.
    max_out = constraints.get("max_out_per_unit")
    if max_out is not None:
        sent = Counter(candidates.get(c, {}).get("unit") for c, _ in chosen)
        for unit, count in sent.items():
            if unit is not None and count > max_out:
                problems.append(f"Đơn vị {unit} có {count} người được chọn, vượt mức tối đa {max_out}.")
    # `fixed` pairs are chosen, `forbidden` never.
    chosen_set = set(chosen)
    for item in constraints.get("fixed") or []:
        if (item["candidate"], item["post"]) not in chosen_set:
            problems.append(f"Cặp bắt buộc ({item['candidate']}, {item['post']}) không được chọn.")
    for item in constraints.get("forbidden") or []:
        if (item["candidate"], item["post"]) in chosen_set:
            problems.append(f"Cặp bị cấm ({item['candidate']}, {item['post']}) lại được chọn.")

    # The objective is the sum of the scores; the bound is not below it; optimal means equal.
    objective = result["objective"]
    expected = sum(scores.get(pair, 0) for pair in chosen)
    if objective is None or not math.isclose(objective, expected, rel_tol=1e-9, abs_tol=TOLERANCE):
        problems.append(f"Giá trị mục tiêu {objective} khác tổng điểm các cặp được chọn ({expected:g}).")
    bound = result["bound"]
    if bound is not None and objective is not None and bound < objective - TOLERANCE:
        problems.append(f"Cận trên {bound} nhỏ hơn giá trị mục tiêu {objective}.")
    if status == "optimal" and (bound is None or objective is None or abs(bound - objective) > TOLERANCE):
        problems.append(f"Trạng thái 'optimal' nhưng cận trên ({bound}) khác giá trị mục tiêu ({objective}).")
    return problems
