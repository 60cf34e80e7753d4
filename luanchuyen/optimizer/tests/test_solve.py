"""Determinism, time limits, and the shape of the result."""
from __future__ import annotations

from luanchuyen.optimizer import solve, validate
from luanchuyen.optimizer.generate import generate_instance
from luanchuyen.optimizer.tests.helpers import solved


def test_the_same_input_gives_the_same_assignments():
    data = generate_instance(300, 60, 0.3, seed=7)
    first, second = solved(data), solved(data)
    assert first["status"] == "optimal"
    assert first["assignments"] == second["assignments"]
    assert first["objective"] == second["objective"] == first["bound"]


def test_the_plain_cpsat_fallback_is_deterministic_too():
    data = generate_instance(30, 8, 0.5, seed=3)
    first, second = solved(data, method="cpsat"), solved(data, method="cpsat")
    assert first["assignments"] == second["assignments"]


def test_a_generated_instance_with_every_constraint_kind_is_solved_to_proven_optimality():
    data = generate_instance(300, 60, 0.3, seed=11)
    constraints = data["constraints"]
    assert {"total", "group_share_min", "max_in_per_locality", "min_in_per_locality", "max_out_per_unit",
            "fixed", "forbidden"} <= set(constraints)
    result = solved(data)
    assert result["status"] == "optimal" and result["objective"] == result["bound"] and result["gap"] == 0


def test_a_time_limit_returns_a_result_not_an_exception():
    data = generate_instance(2000, 500, 0.1, seed=5)
    result = solve(data, time_limit=0.05)
    assert result["status"] in ("optimal", "feasible", "unknown")
    assert validate(data, result) == []
    if result["status"] != "optimal":
        assert result["explanation"]
    if result["status"] == "feasible":
        assert result["bound"] >= result["objective"]


def test_the_result_has_every_key_of_the_contract():
    data = generate_instance(20, 6, 0.5, seed=1)
    result = solved(data)
    assert {"status", "objective", "bound", "assignments", "seconds"} <= set(result)
    assert all(set(a) == {"candidate", "post"} for a in result["assignments"])


def test_an_instance_without_pairs_is_solved_with_nobody():
    data = {"candidates": [{"id": "a"}], "posts": [{"id": "p1"}], "pairs": []}
    result = solved(data)
    assert result["status"] == "optimal" and result["objective"] == 0 and result["assignments"] == []
