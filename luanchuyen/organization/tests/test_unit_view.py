"""A unit page `/to-chuc/don-vi/<id>/`: posts and holders at a date; holders' names only within scope."""
from __future__ import annotations

import datetime as dt

import time_machine
from django.test import Client

from luanchuyen.audit.models import AuditEntry


def holders(response) -> dict[str, list[str]]:
    return {p.pk: [h.name for h in p.holders] for p in response.context["posts"]}


def test_an_anonymous_visitor_is_sent_to_the_login_page(world):
    assert Client().get("/to-chuc/don-vi/U020/").status_code == 302


def test_the_admin_role_may_not_read_a_unit_page(as_role):
    assert as_role("quan_tri").get("/to-chuc/don-vi/U020/").status_code == 403


def test_an_unknown_unit_is_404(as_role):
    assert as_role("to_chuc").get("/to-chuc/don-vi/KHONGCO/").status_code == 404


def test_the_organization_staff_see_every_holder_with_a_link_to_the_record(as_role):
    response = as_role("to_chuc").get("/to-chuc/don-vi/U001/", {"on": "2025-08-01"})
    assert holders(response) == {"P001": [], "P002": ["Nguyễn Văn An"], "P003": []}
    assert 'href="/can-bo/CB0001/"' in response.content.decode()


def test_a_unit_user_sees_its_own_holders_by_name(as_role):
    response = as_role("don_vi").get("/to-chuc/don-vi/U020/", {"on": "2025-08-01"})
    assert holders(response) == {"P020": ["Hoàng Văn Dũng"], "P021": ["Trần Thị Ánh"]}


def test_a_unit_user_sees_that_another_units_post_is_filled_but_not_by_whom(as_role):
    response = as_role("don_vi").get("/to-chuc/don-vi/U001/", {"on": "2025-08-01"})
    assert holders(response) == {"P001": [], "P002": [""], "P003": []}
    body = response.content.decode()
    assert "Nguyễn Văn An" not in body and "CB0001" not in body
    assert "ngoài phạm vi được xem" in body


def test_a_cadre_sees_only_their_own_name(as_role):
    client = as_role("can_bo")
    assert holders(client.get("/to-chuc/don-vi/U001/", {"on": "2025-08-01"}))["P002"] == ["Nguyễn Văn An"]
    assert holders(client.get("/to-chuc/don-vi/U020/", {"on": "2025-08-01"})) == {"P020": [""], "P021": [""]}


def test_a_concurrent_holder_is_marked(as_role):
    response = as_role("to_chuc").get("/to-chuc/don-vi/U021/", {"on": "2021-06-01"})
    assert holders(response) == {"P022": ["Lê Thị Bình", "Nguyễn Văn An"]}  # primary holders first
    assert [h.concurrent for h in response.context["posts"][0].holders] == [False, True]
    assert "kiêm nhiệm" in response.content.decode()


def test_a_dissolved_district_is_shown_on_its_last_day_by_default(as_role):
    with time_machine.travel("2025-10-01 09:00 +07:00", tick=False):
        response = as_role("to_chuc").get("/to-chuc/don-vi/U050/")
    assert response.context["on"] == dt.date(2025, 6, 30)
    assert response.context["in_force"] is True


def test_a_unit_outside_its_validity_says_so(as_role):
    response = as_role("to_chuc").get("/to-chuc/don-vi/U050/", {"on": "2025-08-01"})
    assert response.status_code == 200
    assert "không còn (hoặc chưa có) hiệu lực" in response.content.decode()


def test_a_bad_date_on_the_unit_page_gives_a_message(as_role):
    response = as_role("to_chuc").get("/to-chuc/don-vi/U020/", {"on": "32/13/2020"})
    assert response.status_code == 200
    assert "không hợp lệ" in response.content.decode()


def test_a_unit_page_lists_its_sub_units_and_is_audited(world, as_role):
    response = as_role("to_chuc").get("/to-chuc/don-vi/U020/", {"on": "2025-08-01"})
    assert [u.pk for u in response.context["children"]] == ["U021"]
    entry = AuditEntry.objects.get(action="unit.viewed")
    assert (entry.object_id, entry.data["on"]) == ("U020", "2025-08-01")


def test_on_a_handover_day_the_unit_page_lists_only_the_successor(as_role, world):
    from luanchuyen.cadres.models import Cadre, Position

    old = Cadre.objects.create(id="CB0901", full_name="Ngô Văn Cũ", gender="nam", birth_date=dt.date(1966, 1, 1))
    new = Cadre.objects.create(id="CB0902", full_name="Đỗ Thị Mới", gender="nu", birth_date=dt.date(1978, 1, 1))
    Position.objects.create(cadre=old, post=world.posts["P001"], start=dt.date(2019, 1, 1), end=dt.date(2024, 1, 1))
    Position.objects.create(cadre=new, post=world.posts["P001"], start=dt.date(2024, 1, 1))
    client = as_role("to_chuc")
    assert holders(client.get("/to-chuc/don-vi/U001/", {"on": "2024-01-01"}))["P001"] == ["Đỗ Thị Mới"]
    assert holders(client.get("/to-chuc/don-vi/U001/", {"on": "2023-12-31"}))["P001"] == ["Ngô Văn Cũ"]
