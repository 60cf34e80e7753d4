"""The database guard against overlapping primary positions (0002: SQLite triggers; 0004: PostgreSQL)."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from luanchuyen.cadres.models import Cadre, Position

D = dt.date
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL statement trigger")


def test_it_refuses_two_overlapping_primary_positions_written_in_one_bulk_insert(province):
    lan = province.cadres["lan"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.bulk_create([
            Position(cadre=lan, post=province.posts["P020"], start=D(2010, 1, 1), end=D(2012, 1, 1)),
            Position(cadre=lan, post=province.posts["P050"], start=D(2011, 6, 1), end=D(2013, 1, 1)),
        ])
    assert lan.position_set.count() == 1


def test_it_accepts_a_bulk_insert_of_back_to_back_positions_and_a_concurrent_one(province):
    lan = province.cadres["lan"]
    Position.objects.bulk_create([
        Position(cadre=lan, post=province.posts["P020"], start=D(2010, 1, 1), end=D(2012, 1, 1)),
        Position(cadre=lan, post=province.posts["P050"], start=D(2012, 1, 1), end=D(2019, 5, 1)),
        Position(cadre=lan, post=province.posts["P002"], start=D(2011, 1, 1), end=D(2015, 1, 1),
                 concurrent=True),
    ])
    assert lan.position_set.count() == 4


def test_it_refuses_an_update_that_makes_a_past_position_overlap_the_current_one(province):
    lan = province.cadres["lan"]  # current primary post from 01/05/2019
    past = Position.objects.create(cadre=lan, post=province.posts["P020"], start=D(2015, 1, 1),
                                   end=D(2019, 5, 1))
    past.end = D(2019, 5, 2)
    with pytest.raises(IntegrityError), transaction.atomic():
        past.save()
    past.refresh_from_db()
    assert past.end == D(2019, 5, 1)


def test_it_refuses_turning_a_concurrent_post_into_a_second_primary_one(province):
    an = province.cadres["an"]
    side = Position.objects.create(cadre=an, post=province.posts["P021"], start=D(2020, 1, 1),
                                   concurrent=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.filter(pk=side.pk).update(concurrent=False)


def test_an_open_position_overlaps_any_later_one(province):
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(cadre=province.cadres["dung"], post=province.posts["P021"],
                                start=D(2040, 1, 1))


def test_positions_of_two_different_cadres_never_clash(province):
    Position.objects.create(cadre=province.cadres["dung"], post=province.posts["P021"], start=D(2000, 1, 1),
                            end=D(2016, 1, 1))
    Position.objects.create(cadre=province.cadres["lan"], post=province.posts["P020"], start=D(2000, 1, 1),
                            end=D(2019, 5, 1))
    assert Position.objects.filter(start=D(2000, 1, 1)).count() == 2


@on_postgresql
def test_the_error_names_the_guard_and_the_cadre(province):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Position.objects.create(cadre=province.cadres["an"], post=province.posts["P021"],
                                start=D(2020, 1, 1))
    text = str(error.value)
    assert "position_no_overlap" in text and "CB0001" in text and "trùng thời gian" in text
    assert error.value.__cause__.diag.constraint_name == "position_no_overlap"


@on_postgresql
def test_the_exclusion_constraint_is_replaced_by_the_triggers(province):
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_constraint WHERE conname = 'position_no_overlap'")
        assert cursor.fetchone()[0] == 0
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = 'cadres_position'::regclass "
                       "AND tgname LIKE 'position_no_overlap%' ORDER BY 1")
        names = [r[0] for r in cursor.fetchall()]
    assert names == ["position_no_overlap_insert", "position_no_overlap_update"]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_transactions_cannot_both_add_overlapping_primary_positions_for_one_cadre():
    """The second writer waits for the first (lock on the cadre row), sees its row, and is refused."""
    from luanchuyen.core.testing import build_small_province

    province = build_small_province()
    lan = province.cadres["lan"]
    Position.objects.filter(cadre=lan).update(end=D(2020, 1, 1))
    outcome: dict[str, object] = {}
    first_wrote, second_started = threading.Event(), threading.Event()

    def second_writer():
        try:
            second_started.set()
            first_wrote.wait(10)
            with transaction.atomic():
                Position.objects.create(cadre_id=lan.pk, post_id="P020", start=D(2021, 1, 1))
            outcome["second"] = "written"
        except IntegrityError:
            outcome["second"] = "refused"
        finally:
            connections.close_all()

    with transaction.atomic():
        Position.objects.create(cadre=lan, post=province.posts["P050"], start=D(2020, 6, 1))
        thread = threading.Thread(target=second_writer)
        thread.start()
        second_started.wait(10)
        first_wrote.set()
        thread.join(1)  # the second writer is blocked on the cadre's row until this transaction ends
        outcome["blocked"] = thread.is_alive()
    thread.join(10)
    assert outcome == {"blocked": True, "second": "refused"}
    assert Cadre.objects.get(pk=lan.pk).position_set.filter(end__isnull=True).count() == 1
