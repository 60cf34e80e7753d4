"""The infeasibility explanation names the conflict in Vietnamese."""
from __future__ import annotations

from luanchuyen.optimizer import counting_checks, parse_instance, solve
from luanchuyen.optimizer.tests.helpers import instance, pairs_of, solved

CANDIDATES = [("a", "U1", ["nu"]), ("b", "U2", []), ("c", "U3", [])]


def hidden_conflict() -> dict:
    """The only woman can only go to p1, and p1 (one slot) is fixed to b: no count sees it."""
    return instance(
        CANDIDATES,
        [("p1", "L1", 1), ("p2", "L1", 1)],
        [("a", "p1", 5), ("b", "p1", 5), ("b", "p2", 5), ("c", "p2", 5)],
        total={"min": 2},
        group_share_min={"nu": 50},
        fixed=pairs_of(("b", "p1")),
    )


def test_the_counting_checks_do_not_see_the_hidden_conflict():
    assert counting_checks(parse_instance(hidden_conflict())) == []


def test_it_names_each_family_whose_removal_makes_the_instance_feasible():
    result = solved(hidden_conflict())
    assert result["status"] == "infeasible"
    text = result["explanation"]
    assert "Không có phương án nào thỏa mãn đồng thời mọi ràng buộc." in text
    assert "Nếu bỏ ràng buộc tỷ lệ tối thiểu nhóm 'nu' (50%) thì có phương án." in text
    assert "Nếu bỏ ràng buộc các cặp bắt buộc (1 cặp) thì có phương án." in text
    assert not any("tổng số người tối thiểu" in line and "Nếu bỏ" in line for line in text)


def test_it_names_a_minimal_set_of_conflicting_families():
    text = solved(hidden_conflict())["explanation"]
    assert "Các ràng buộc xung đột với nhau: tỷ lệ tối thiểu nhóm 'nu' (50%); các cặp bắt buộc (1 cặp)." in text


def test_it_explains_a_total_minimum_that_too_few_candidates_can_meet():
    data = instance(
        [(f"c{i}", "U1", []) for i in range(8)],
        [(f"p{j}", "L1", 2) for j in range(5)],
        [(f"c{i}", f"p{i % 5}", 10) for i in range(6)],
        total={"min": 8, "max": 9},
    )
    result = solve(data)
    assert result["status"] == "infeasible"
    assert result["method"] == "counting"
    assert "Cần tối thiểu 8 người nhưng chỉ 6 ứng viên có cặp hợp lệ." in result["explanation"]


def test_it_explains_a_sum_of_locality_minimums_above_the_total_maximum():
    data = instance(
        CANDIDATES,
        [("p1", "L1", 1), ("p2", "L2", 1), ("p3", "L3", 1)],
        [(c, p, 1) for c, _, _ in CANDIDATES for p in ("p1", "p2", "p3")],
        total={"max": 2},
        min_in_per_locality=1,
    )
    text = solved(data)["explanation"]
    assert "3 địa bàn, mỗi địa bàn cần tối thiểu 1 người, tổng cộng 3 người, nhưng tổng số tối đa là 2." in text


def test_it_explains_a_full_share_that_a_fixed_outsider_breaks():
    data = instance(
        CANDIDATES, [("p1", "L1", 1), ("p2", "L1", 1)], [("a", "p1", 1), ("b", "p2", 1)],
        group_share_min={"nu": 100}, fixed=pairs_of(("b", "p2")),
    )
    text = solved(data)["explanation"]
    assert "Nhóm 'nu' phải chiếm 100% số người được chọn nhưng cặp bắt buộc (b, p2) là người ngoài nhóm." in text


def test_it_explains_a_post_fixed_to_more_people_than_its_slots():
    data = instance(
        CANDIDATES, [("p1", "L1", 1)], [("a", "p1", 1), ("b", "p1", 1)], fixed=pairs_of(("a", "p1"), ("b", "p1"))
    )
    assert "Vị trí p1 có 1 chỗ nhưng bị bắt buộc nhận 2 người (a, b)." in solved(data)["explanation"]


def test_it_explains_a_locality_minimum_above_its_maximum():
    data = instance(CANDIDATES, [("p1", "L1", 3)], [("a", "p1", 1)], min_in_per_locality=2, max_in_per_locality=1)
    text = solved(data)["explanation"]
    assert "Số người tối thiểu đến mỗi địa bàn (2) lớn hơn số tối đa (1)." in text


def test_it_explains_a_group_share_that_the_unit_caps_keep_out_of_reach():
    # Both women come from unit U1, which may send only one person.
    data = instance(
        [("a", "U1", ["nu"]), ("b", "U1", ["nu"]), ("c", "U2", []), ("d", "U3", [])],
        [("p1", "L1", 1), ("p2", "L1", 1), ("p3", "L1", 1), ("p4", "L1", 1)],
        [(c, p, 1) for c in "abcd" for p in ("p1", "p2", "p3", "p4")],
        total={"min": 3},
        group_share_min={"nu": 50},
        max_out_per_unit=1,
    )
    text = solved(data)["explanation"]
    assert any(
        "Nhóm 'nu' cần chiếm tối thiểu 50%" in line and "ít nhất 2 người thuộc nhóm" in line
        and "chỉ bố trí đồng thời được tối đa 1 người của nhóm" in line
        for line in text
    ), text
