"""Each constraint kind of DOMAIN.md §10.3: a feasible case (the constraint shapes the optimum) and
an infeasible case (the result says so, in Vietnamese, naming the conflict)."""
from __future__ import annotations

from typing import Any

from luanchuyen.optimizer.tests.helpers import chosen, instance, pairs_of, solved

CANDIDATES = [("a", "U1", ["nu"]), ("b", "U1", []), ("c", "U2", ["tre"]), ("d", "U2", [])]
POSTS = [("p1", "L1", 1), ("p2", "L1", 1), ("p3", "L2", 1)]
SCORES = {
    ("a", "p1"): 5, ("a", "p2"): 4, ("a", "p3"): 1,
    ("b", "p1"): 9, ("b", "p2"): 8, ("b", "p3"): 2,
    ("c", "p1"): 3, ("c", "p2"): 2, ("c", "p3"): 1,
    ("d", "p1"): 7, ("d", "p2"): 9, ("d", "p3"): 3,
}


def base(**constraints: Any) -> dict[str, Any]:
    pairs = [(c, p, s) for (c, p), s in SCORES.items()]
    return instance(CANDIDATES, POSTS, pairs, **constraints)


def infeasible(data: dict[str, Any]) -> str:
    result = solved(data)
    assert result["status"] == "infeasible"
    assert result["assignments"] == [] and result["objective"] is None
    assert result["explanation"]
    return " ".join(result["explanation"])


def test_without_constraints_it_maximises_the_total_score():
    result = solved(base())
    assert result["status"] == "optimal"
    assert result["objective"] == 9 + 9 + 1  # b→p1, d→p2, then a or c → p3
    assert result["bound"] == result["objective"]


def test_it_gives_each_candidate_at_most_one_post_even_when_one_candidate_scores_best_everywhere():
    data = instance(
        CANDIDATES[:2], POSTS, [("a", "p1", 10), ("a", "p2", 10), ("a", "p3", 10), ("b", "p3", 1)]
    )
    result = solved(data)
    assert result["objective"] == 11
    assert [c for c, _ in chosen(result)].count("a") == 1


def test_it_fills_a_post_with_two_slots_twice():
    data = instance(CANDIDATES[:2], [("p1", "L1", 2)], [("a", "p1", 3), ("b", "p1", 4)])
    assert chosen(solved(data)) == {("a", "p1"), ("b", "p1")}


def test_it_explains_a_total_minimum_that_the_slots_cannot_hold():
    data = instance(CANDIDATES, [("p1", "L1", 2)], [(c, "p1", 1) for c, _, _ in CANDIDATES], total={"min": 3})
    assert "3 người" in infeasible(data) and "2 chỗ" in infeasible(data)


def test_it_chooses_exactly_the_total_when_min_equals_max():
    result = solved(base(total={"min": 2, "max": 2}))
    assert len(result["assignments"]) == 2
    assert result["objective"] == 18


def test_it_chooses_low_scores_to_reach_a_total_minimum():
    data = instance(CANDIDATES[:2], POSTS[:2], [("a", "p1", 10), ("b", "p1", 10), ("b", "p2", -5)],
                    total={"min": 2})
    result = solved(data)
    assert chosen(result) == {("a", "p1"), ("b", "p2")}
    assert result["objective"] == 5


def test_it_explains_a_total_minimum_that_too_few_candidates_can_meet():
    text = infeasible(base(total={"min": 5}))
    assert "Cần tối thiểu 5 người nhưng chỉ 4 ứng viên có cặp hợp lệ" in text


def test_it_explains_a_total_minimum_above_the_maximum():
    assert "Tổng số tối thiểu (3) lớn hơn tổng số tối đa (2)" in infeasible(base(total={"min": 3, "max": 2}))


def test_it_meets_a_group_share_by_taking_a_lower_scoring_member():
    result = solved(base(total={"min": 2, "max": 2}, group_share_min={"nu": 50}))
    assert result["status"] == "optimal"
    assert any(c == "a" for c, _ in chosen(result))
    assert result["objective"] == 14  # a→p1 (5) + d→p2 (9)


def test_it_explains_a_group_share_that_the_group_is_too_small_for():
    text = infeasible(base(total={"min": 4}, group_share_min={"nu": 50}))
    assert "Nhóm 'nu'" in text and "ít nhất 2 người thuộc nhóm" in text and "chỉ 1 ứng viên" in text


def test_it_lets_a_group_share_hold_by_choosing_nobody_when_nothing_is_required():
    data = instance(CANDIDATES[1:2], POSTS[:1], [("b", "p1", 5)], group_share_min={"nu": 30})
    result = solved(data)
    assert result["status"] == "optimal" and result["assignments"] == [] and result["objective"] == 0


def test_it_caps_the_people_received_per_locality():
    result = solved(base(max_in_per_locality=1))
    localities = [p for _, p in chosen(result)]
    assert sum(p in ("p1", "p2") for p in localities) <= 1
    assert result["objective"] == 9 + 3  # b→p1 or d→p2 (9), and d/b → p3


def test_it_explains_a_total_minimum_that_the_locality_caps_cannot_hold():
    text = infeasible(base(max_in_per_locality=1, total={"min": 3}))
    assert "mỗi địa bàn nhận tối đa 1 người" in text and "tối đa 2 người" in text


def test_it_sends_someone_to_every_locality_with_a_post():
    data = base(min_in_per_locality=1, total={"max": 2})
    result = solved(data)
    assert any(p == "p3" for _, p in chosen(result))
    assert result["objective"] == 9 + 3  # b→p1 (9) or d→p2 (9) and the best p3 pair of the other


def test_it_explains_a_locality_minimum_with_no_allowed_candidate():
    data = instance(CANDIDATES, POSTS + [("p4", "L3", 1)], [(c, p, s) for (c, p), s in SCORES.items()],
                    min_in_per_locality=1)
    text = infeasible(data)
    assert "Địa bàn L3 cần tối thiểu 1 người nhưng không có ứng viên nào có cặp hợp lệ" in text


def test_it_caps_the_people_sent_per_unit():
    result = solved(base(max_out_per_unit=1))
    units = [{"a": "U1", "b": "U1", "c": "U2", "d": "U2"}[c] for c, _ in chosen(result)]
    assert sorted(units) == ["U1", "U2"]
    assert result["objective"] == 9 + 9


def test_it_explains_a_total_minimum_that_the_unit_caps_cannot_hold():
    text = infeasible(base(max_out_per_unit=1, total={"min": 3}))
    assert "mỗi đơn vị chỉ được cử tối đa 1 người" in text


def test_it_keeps_a_fixed_pair_even_when_it_scores_low():
    result = solved(base(fixed=pairs_of(("c", "p1"))))
    assert ("c", "p1") in chosen(result)
    assert result["objective"] == 3 + 9 + 2  # c→p1, d→p2, b→p3


def test_it_explains_a_fixed_pair_that_is_not_allowed():
    data = instance(CANDIDATES, POSTS, [("a", "p1", 1)], fixed=pairs_of(("b", "p2")))
    assert "Cặp bắt buộc (b, p2) không có trong danh sách cặp hợp lệ" in infeasible(data)


def test_it_explains_a_pair_that_is_both_fixed_and_forbidden():
    text = infeasible(base(fixed=pairs_of(("a", "p1")), forbidden=pairs_of(("a", "p1"))))
    assert "Cặp (a, p1) vừa bắt buộc vừa bị cấm" in text


def test_it_explains_a_candidate_fixed_to_two_posts():
    text = infeasible(base(fixed=pairs_of(("a", "p1"), ("a", "p2"))))
    assert "Ứng viên a bị bắt buộc vào 2 vị trí" in text


def test_it_never_chooses_a_forbidden_pair():
    result = solved(base(forbidden=pairs_of(("b", "p1"), ("d", "p2"))))
    assert not chosen(result) & {("b", "p1"), ("d", "p2")}
    assert result["objective"] == 7 + 8 + 1  # d→p1, b→p2, a/c→p3


def test_it_explains_a_locality_minimum_that_forbidden_pairs_make_unreachable():
    forbidden = pairs_of(*[(c, "p3") for c in "abcd"])
    text = infeasible(base(min_in_per_locality=1, forbidden=forbidden))
    assert "Địa bàn L2 cần tối thiểu 1 người nhưng không có ứng viên nào có cặp hợp lệ" in text
