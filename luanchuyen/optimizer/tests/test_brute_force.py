"""Small random instances (6 candidates × 4 posts, every constraint kind now and then) agree with
brute-force enumeration; feasible and infeasible ones alike."""
from __future__ import annotations

import math

import pytest

from luanchuyen.optimizer.generate import generate_instance
from luanchuyen.optimizer.tests.helpers import brute_force, random_instance, solved


@pytest.mark.parametrize("seed", range(120))
def test_it_agrees_with_brute_force_on_a_random_small_instance(seed):
    data = random_instance(seed)
    expected = brute_force(data)
    result = solved(data)
    if expected is None:
        assert result["status"] == "infeasible"
        assert result["explanation"]
    else:
        assert result["status"] == "optimal"
        assert result["objective"] == expected


@pytest.mark.parametrize("seed", range(12))
def test_it_agrees_with_brute_force_when_scores_have_decimals(seed):
    data = random_instance(1000 + seed, integer=False)
    expected = brute_force(data)
    result = solved(data)
    if expected is None:
        assert result["status"] == "infeasible"
    else:
        assert result["status"] == "optimal"
        assert math.isclose(result["objective"], expected, abs_tol=1e-6)


@pytest.mark.parametrize("seed", range(0, 120, 8))
def test_the_plain_cpsat_model_agrees_with_brute_force(seed):
    data = random_instance(seed)
    expected = brute_force(data)
    result = solved(data, method="cpsat")
    assert result["status"] == ("infeasible" if expected is None else "optimal")
    assert result["objective"] == expected


@pytest.mark.parametrize("seed", range(3))
def test_it_matches_the_plain_cpsat_model_on_a_generated_instance_with_every_constraint_kind(seed):
    data = generate_instance(40, 12, 0.4, seed=seed)
    ours = solved(data)
    plain = solved(data, method="cpsat", time_limit=20)
    assert ours["status"] == plain["status"] == "optimal"
    assert ours["objective"] == plain["objective"]
