"""Retirement computations (DOMAIN.md §6) beyond the worked examples of cases/RET-01.yaml."""
from __future__ import annotations

import datetime as dt

import pytest

from luanchuyen.rules.retirement import (BirthDate, Month, age_on, compute_retirement, months_left,
                                         retirement_age_in_year, retirement_month)

D = dt.date


def test_the_roadmap_adds_three_months_a_year_for_men_until_62_in_2028() -> None:
    assert [retirement_age_in_year("nam", y) for y in range(2021, 2030)] == [723, 726, 729, 732, 735, 738, 741, 744, 744]


def test_the_roadmap_adds_four_months_a_year_for_women_until_60_in_2035() -> None:
    ages = [retirement_age_in_year("nu", y) for y in range(2021, 2037)]
    assert ages[0] == 55 * 12 + 4 and ages[-3] == 59 * 12 + 8 and ages[-2] == ages[-1] == 60 * 12
    assert all(b - a == 4 for a, b in zip(ages[:15], ages[1:15]))


def test_every_birth_month_from_1955_to_1990_reaches_retirement_in_the_year_whose_age_applies() -> None:
    for gender in ("nam", "nu"):
        for year in range(1955, 1991):
            for month in range(1, 13):
                r = compute_retirement(gender, BirthDate(year, month))
                born = year * 12 + month - 1
                assert r.month.index == born + r.age_months
                if r.rule == "nd_135_2020":
                    assert retirement_age_in_year(gender, r.month.year) == r.age_months
                    assert r.month.year >= 2021


def test_months_left_ignores_the_day_of_the_reference_time() -> None:
    r = retirement_month("nam", "1965-06")
    assert months_left(r, D(2026, 1, 1)) == months_left(r, D(2026, 1, 31)) == 11
    assert months_left(r, D(2026, 12, 31)) == 0 and months_left(r, D(2027, 1, 1)) == -1


def test_a_projection_made_before_2021_uses_the_old_rule_in_force_then() -> None:
    assert retirement_month("nam", "1965-06", law_on=D(2020, 12, 31)) == Month.of(2025, 6)
    assert retirement_month("nam", "1965-06", law_on=D(2021, 1, 1)) == Month.of(2026, 12)


def test_age_counts_completed_years_and_the_birthday_counts_on_its_day() -> None:
    assert age_on("1986-01-02", D(2026, 1, 1)) == 39
    assert age_on("1986-01-02", D(2026, 1, 2)) == 40
    assert age_on("1984-02-29", D(2025, 2, 28)) == 40 and age_on("1984-02-29", D(2025, 3, 1)) == 41
    assert age_on("1986", D(2026, 1, 1)) == 40        # unknown month and day: 1 January


@pytest.mark.parametrize("text", ["86", "1986-1", "1986-00", "1986-02-30", "1986/02/03", ""])
def test_a_malformed_birth_date_is_refused_in_vietnamese(text: str) -> None:
    with pytest.raises(ValueError) as info:
        BirthDate.parse(text)
    assert "ngày sinh" in str(info.value) or "tháng sinh" in str(info.value)


def test_the_retirement_date_is_the_last_day_and_the_pension_starts_the_next_day() -> None:
    r = compute_retirement("nu", "1975-01")
    assert (r.retirement_date, r.pension_from) == (D(2034, 9, 30), D(2034, 10, 1))
