"""The independent checker finds each kind of violation (so that 'validate(...) == []' means something)."""
from __future__ import annotations

from luanchuyen.optimizer.tests.helpers import instance, pairs_of
from luanchuyen.optimizer.validate import validate

DATA = instance(
    [("a", "U1", ["nu"]), ("b", "U1", []), ("c", "U2", [])],
    [("p1", "L1", 1), ("p2", "L1", 1), ("p3", "L2", 1)],
    [(c, p, 1) for c in "abc" for p in ("p1", "p2", "p3")],
    total={"min": 1, "max": 2},
    group_share_min={"nu": 50},
    max_in_per_locality=1,
    min_in_per_locality=1,
    max_out_per_unit=1,
    fixed=pairs_of(("a", "p3")),
    forbidden=pairs_of(("c", "p1")),
)


def result(*pairs, status="feasible", objective=None, bound=None):
    return {
        "status": status,
        "objective": len(pairs) if objective is None else objective,
        "bound": bound,
        "assignments": [{"candidate": c, "post": p} for c, p in pairs],
        "seconds": 0.0,
    }


def test_it_accepts_a_correct_result():
    assert validate(DATA, result(("a", "p3"), ("c", "p2"), status="optimal", bound=2)) == []


def test_it_finds_every_violated_rule():
    problems = validate(DATA, result(("a", "p1"), ("a", "p2"), ("b", "p1"), ("c", "p1")))
    text = "\n".join(problems)
    for expected in (
        "Ứng viên a được bố trí vào 2 vị trí",
        "Vị trí p1 nhận 3 người nhưng chỉ có 1 chỗ",
        "nhiều hơn tổng số tối đa 2",
        "Địa bàn L1 nhận 4 người, vượt mức tối đa 1",
        "Địa bàn L2 nhận 0 người, dưới mức tối thiểu 1",
        "Đơn vị U1 có 3 người được chọn, vượt mức tối đa 1",
        "Cặp bắt buộc (a, p3) không được chọn",
        "Cặp bị cấm (c, p1) lại được chọn",
    ):
        assert expected in text, expected


def test_it_finds_a_group_share_below_its_minimum():
    assert any("Nhóm 'nu' chỉ có 0/1 người" in p for p in validate(DATA, result(("c", "p3"))))


def test_it_finds_a_pair_that_is_not_allowed_and_a_wrong_objective():
    data = instance([("a", "U1", [])], [("p1", "L1", 1), ("p2", "L1", 1)], [("a", "p1", 5)])
    problems = validate(data, result(("a", "p2"), objective=5))
    assert "Cặp (a, p2) không có trong danh sách cặp hợp lệ." in problems
    assert any("khác tổng điểm" in p for p in problems)


def test_it_finds_an_optimal_status_without_a_matching_bound():
    data = instance([("a", "U1", [])], [("p1", "L1", 1)], [("a", "p1", 5)])
    assert any("Trạng thái 'optimal'" in p for p in validate(data, result(("a", "p1"), status="optimal", bound=9)))
    assert any("Cận trên 4 nhỏ hơn" in p for p in validate(data, result(("a", "p1"), objective=5, bound=4)))


def test_it_finds_assignments_in_an_infeasible_result():
    data = instance([("a", "U1", [])], [("p1", "L1", 1)], [("a", "p1", 5)])
    problems = validate(data, result(("a", "p1"), status="infeasible"))
    assert problems == ["Trạng thái 'infeasible' nhưng kết quả vẫn có 1 phân công."]
