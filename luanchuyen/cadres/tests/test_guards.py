from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from luanchuyen.cadres.models import Position


def test_the_database_refuses_two_overlapping_primary_positions(province):
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(cadre=province.cadres["an"], post=province.posts["P021"], start=dt.date(2020, 1, 1))


def test_the_database_allows_a_concurrent_post_beside_the_primary_one(province):
    Position.objects.create(cadre=province.cadres["an"], post=province.posts["P021"], start=dt.date(2020, 1, 1),
                            concurrent=True)
    assert province.cadres["an"].position_set.count() == 2


def test_the_database_allows_a_handover_on_the_same_day(province):
    lan = province.cadres["lan"]
    current = lan.position_set.get()
    current.end = dt.date(2024, 1, 1)
    current.save()
    Position.objects.create(cadre=lan, post=province.posts["P020"], start=dt.date(2024, 1, 1))
    assert lan.position_set.count() == 2


def test_the_database_refuses_a_position_ending_before_it_starts(province):
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(cadre=province.cadres["dung"], post=province.posts["P021"],
                                start=dt.date(2010, 1, 1), end=dt.date(2009, 1, 1), concurrent=True)
