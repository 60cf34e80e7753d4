"""Posts filled at a date: positions are [start, end) intervals, so a handover day has one holder."""
from __future__ import annotations

import datetime as dt

import pytest

from luanchuyen.cadres.models import Cadre, Position
from luanchuyen.organization.selectors import posts_with_occupancy, unit_quota_summary

D = dt.date
HANDOVER = D(2024, 1, 1)


@pytest.fixture
def handover(world):
    """P001 (Trưởng Ban Tổ chức, 1 slot): Ngô Văn Cũ holds it until 01/01/2024, Đỗ Thị Mới from that day."""
    old = Cadre.objects.create(id="CB0901", full_name="Ngô Văn Cũ", gender="nam", birth_date=D(1966, 1, 1))
    new = Cadre.objects.create(id="CB0902", full_name="Đỗ Thị Mới", gender="nu", birth_date=D(1978, 1, 1))
    Position.objects.create(cadre=old, post=world.posts["P001"], start=D(2019, 1, 1), end=HANDOVER)
    Position.objects.create(cadre=new, post=world.posts["P001"], start=HANDOVER)
    return world


def filled(on: dt.date, post_id: str) -> int:
    return posts_with_occupancy(on=on).get(pk=post_id).filled


def test_on_the_handover_day_only_the_successor_fills_the_post(handover):
    assert filled(HANDOVER, "P001") == 1
    assert unit_quota_summary(on=HANDOVER, unit_ids={"U001"})["U001"] == {"slots": 6, "filled": 2}


def test_the_day_before_the_handover_the_outgoing_holder_fills_the_post(handover):
    assert filled(HANDOVER - dt.timedelta(days=1), "P001") == 1


def test_a_position_ending_on_the_date_no_longer_fills_the_post_on_that_date(handover):
    Position.objects.filter(cadre_id="CB0902").delete()
    assert filled(HANDOVER - dt.timedelta(days=1), "P001") == 1
    assert filled(HANDOVER, "P001") == 0


def test_a_position_starting_after_the_date_does_not_fill_the_post_yet(handover):
    assert filled(D(2018, 12, 31), "P001") == 0
    assert filled(D(2019, 1, 1), "P001") == 1


def test_a_concurrent_position_ending_on_the_date_is_gone_that_day(world):
    # P022: Lê Thị Bình (primary, open) and Nguyễn Văn An (concurrent, ends 31/12/2021)
    assert filled(D(2021, 12, 30), "P022") == 2
    assert filled(D(2021, 12, 31), "P022") == 1


def test_posts_of_other_units_are_left_out_when_units_are_given(handover):
    posts = posts_with_occupancy(on=HANDOVER, unit_ids={"U020"})
    assert {p.pk for p in posts} == {"P020", "P021"}


def test_a_post_out_of_force_on_the_date_is_not_listed(world):
    # P050 (district) is in force until 30/06/2025 inclusive: validity of posts is not half-open
    assert "P050" in {p.pk for p in posts_with_occupancy(on=D(2025, 6, 30))}
    assert "P050" not in {p.pk for p in posts_with_occupancy(on=D(2025, 7, 1))}
