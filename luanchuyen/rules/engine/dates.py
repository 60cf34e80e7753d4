"""Date helpers shared by the rules: whole calendar months, dd/mm/yyyy display.

A *month index* is ``year * 12 + month - 1``: consecutive integers for consecutive months, so
``months_left`` is a subtraction (DOMAIN.md §6).
"""
from __future__ import annotations

import datetime as dt


def month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def month_of_index(index: int) -> tuple[int, int]:
    """(year, month) of a month index."""
    return index // 12, index % 12 + 1


def last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, days_in_month(year, month))


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clamped to the end of a shorter month."""
    index = d.year * 12 + d.month - 1 + months
    year, month = index // 12, index % 12 + 1
    day = d.day
    if day > 28:
        last = days_in_month(year, month)
        if day > last:
            day = last
    return dt.date(year, month, day)


def full_months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when end is before start).

    ``full_months_between(01/01/2026, 01/01/2029) == 36``; one day less gives 35.
    """
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if months > 0 and add_months(start, months) > end:
        months -= 1
    elif months < 0 and add_months(start, months) < end:
        months += 1
    return months


_FMT: dict[dt.date, str] = {}


def fmt_span(start: dt.date, end: dt.date) -> str:
    """"36 tháng (3 năm)", or "60 tháng (5 năm) 1 ngày" when the span is not whole months."""
    months = full_months_between(start, end)
    if end.day == start.day:
        return fmt_months(months)
    days = (end - add_months(start, months)).days
    return fmt_months(months) + (f" {days} ngày" if days else "")


def fmt_date(d: dt.date) -> str:
    """dd/mm/yyyy (memoised: the same dates recur across thousands of verdicts)."""
    text = _FMT.get(d)
    if text is None:
        text = f"{d.day:02d}/{d.month:02d}/{d.year}"
        if len(_FMT) < 200_000:
            _FMT[d] = text
    return text


def fmt_month(year: int, month: int) -> str:
    return f"{month:02d}/{year}"


_MONTHS: dict[int, str] = {}


def fmt_months(months: int) -> str:
    """"98 tháng" or, past a year, "98 tháng (8 năm 2 tháng)" (memoised)."""
    text = _MONTHS.get(months)
    if text is None:
        text = _fmt_months(months)
        if len(_MONTHS) < 10_000:
            _MONTHS[months] = text
    return text


def _fmt_months(months: int) -> str:
    if abs(months) < 12:
        return f"{months} tháng"
    years, rest = divmod(abs(months), 12)
    sign = "-" if months < 0 else ""
    tail = f"{sign}{years} năm" + (f" {rest} tháng" if rest else "")
    return f"{months} tháng ({tail})"


def parse_iso_date(value: str) -> dt.date:
    """A full ISO date ``YYYY-MM-DD``; raises ``ValueError`` otherwise."""
    if len(value) != 10:
        raise ValueError(value)
    return dt.date.fromisoformat(value)
