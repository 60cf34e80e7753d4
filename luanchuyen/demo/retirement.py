"""Retirement dates for the demo generator (DOMAIN.md §6, RET-01…03). Pure, no Django.

A small local helper so that the demo's cadres leave their posts when they reach retirement age;
the official, cited implementation lives in the rules package.

- Men: 60 years 3 months in 2021, +3 months a year until 62 years (2028).
- Women: 55 years 4 months in 2021, +4 months a year until 60 years (2035); women eligible under
  NĐ 83/2022 retire at 60 years.
- The age that applies is the one in force in the calendar year in which the person reaches it: the
  first year Y ≥ 2021 such that birth month + age(Y) falls in Y. Those who reached the old age
  (60 / 55) before 2021 retired at it.
- Unknown birth day → day 1, unknown birth month → January (the generator stores them so).
- The retirement month R; the pension starts on the 1st of the month after R, which is also the day
  the cadre's posts end (positions are [start, end) intervals).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


def add_months(d: dt.date, months: int) -> dt.date:
    """Same day `months` later (or earlier), clipped to the length of the target month."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    day = d.day
    if day > 28:
        day = min(day, _month_length(year, month))
    return dt.date(year, month, day)


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]


def _age_months(gender: str, year: int) -> int:
    if gender == "nam":
        return min(60 * 12 + 3 + 3 * (year - 2021), 62 * 12)
    return min(55 * 12 + 4 + 4 * (year - 2021), 60 * 12)


def retirement_month(gender: str, birth: dt.date, late_retirement_eligible: bool = False) -> tuple[int, int]:
    """(year, month) of the retirement month R."""
    return _retirement_month(gender, birth.year, birth.month, bool(late_retirement_eligible))


@lru_cache(maxsize=4096)
def _retirement_month(gender: str, year: int, month: int, late_retirement_eligible: bool) -> tuple[int, int]:
    born = year * 12 + (month - 1)
    if gender == "nu" and late_retirement_eligible:
        return divmod(born + 60 * 12, 12)[0], (born + 60 * 12) % 12 + 1
    old_age = 60 * 12 if gender == "nam" else 55 * 12
    reached_old = born + old_age
    if reached_old // 12 < 2021:
        return reached_old // 12, reached_old % 12 + 1
    year = 2021
    while True:
        month_index = born + _age_months(gender, year)
        if month_index // 12 == year:
            return year, month_index % 12 + 1
        if month_index // 12 < year:  # cannot happen with a rising age; kept for safety
            return month_index // 12, month_index % 12 + 1
        year += 1


def pension_start(gender: str, birth: dt.date, late_retirement_eligible: bool = False) -> dt.date:
    """The 1st of the month after the retirement month: the day the cadre's posts end."""
    year, month = retirement_month(gender, birth, late_retirement_eligible)
    return dt.date(year + month // 12, month % 12 + 1, 1)


def months_left(gender: str, birth: dt.date, on: dt.date, late_retirement_eligible: bool = False) -> int:
    """Whole calendar months from the month of `on` to the retirement month (DOMAIN.md §6)."""
    year, month = retirement_month(gender, birth, late_retirement_eligible)
    return (year - on.year) * 12 + (month - on.month)
