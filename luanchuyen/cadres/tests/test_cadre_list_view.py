"""The cadre list `/`: scoping by role, search without diacritics, filters, Vietnamese sort, pagination."""
from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from luanchuyen.audit.models import AuditEntry
from luanchuyen.cadres import selectors
from luanchuyen.cadres.models import Cadre
from luanchuyen.cadres.tests.factories import add_cadres

ALL = ["CB0001", "CB0002", "CB0003", "CB0004", "CB0005"]  # An, Ánh, Bình, Dũng, Đạt: already in Vietnamese order


def ids(response) -> list[str]:
    return [c["id"] for c in response.context["page"].object_list]


def test_an_anonymous_visitor_is_sent_to_the_login_page(world):
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=/"


def test_the_admin_role_may_not_read_the_cadre_list(as_role):
    response = as_role("quan_tri").get("/")
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


@pytest.mark.parametrize("role", ["to_chuc", "lanh_dao", "kiem_tra"])
def test_province_wide_roles_see_every_cadre(as_role, role):
    assert ids(as_role(role).get("/")) == ALL


def test_the_list_sorts_by_given_name_with_vietnamese_collation(as_role):
    response = as_role("to_chuc").get("/")
    names = [c["name"] for c in response.context["page"].object_list]
    # given name first; Ánh after An; Đạt after Dũng (đ follows d in the Vietnamese alphabet)
    assert names == ["Nguyễn Văn An", "Trần Thị Ánh", "Lê Thị Bình", "Hoàng Văn Dũng", "Phạm Đức Đạt"]


def test_a_unit_user_sees_only_the_cadres_of_its_unit_and_the_units_below(as_role):
    response = as_role("don_vi").get("/")
    assert ids(response) == ["CB0002", "CB0003", "CB0004"]  # Sở Y tế and its Chi cục Dân số
    assert "Nguyễn Văn An" not in response.content.decode()


def test_a_cadre_sees_only_their_own_line(as_role):
    assert ids(as_role("can_bo").get("/")) == ["CB0001"]


@pytest.mark.parametrize("query", ["nguyen van", "NGUYEN VAN AN", "Nguyễn Văn", "van an", "cb0001"])
def test_the_search_finds_a_name_with_or_without_diacritics_and_by_id(as_role, query):
    assert ids(as_role("to_chuc").get("/", {"q": query})) == ["CB0001"]


def test_the_search_on_a_middle_name_finds_every_match(as_role):
    assert ids(as_role("to_chuc").get("/", {"q": "thi"})) == ["CB0002", "CB0003"]


def test_the_search_stays_within_the_users_scope(as_role):
    assert ids(as_role("don_vi").get("/", {"q": "nguyen van an"})) == []


@pytest.mark.parametrize(("params", "expected"), [
    ({"gender": "nu"}, ["CB0002", "CB0003"]),
    ({"unit": "U020"}, ["CB0002", "CB0003", "CB0004"]),
    ({"unit": "U021"}, ["CB0003"]),
    ({"group": "xa"}, ["CB0005"]),
    ({"political_theory": "cao_cap"}, ["CB0001", "CB0005"]),
    ({"in_planning": "1"}, ["CB0001", "CB0005"]),
    ({"in_planning": "0"}, ["CB0002", "CB0003", "CB0004"]),
    ({"age_band": "35_39"}, ["CB0003"]),
    ({"age_band": "45_49"}, ["CB0005"]),
    ({"gender": "nam", "political_theory": "cao_cap", "q": "pham"}, ["CB0005"]),
])
def test_each_filter_narrows_the_list(as_role, params, expected):
    with time_machine.travel(dt.datetime(2025, 10, 1, 9, 0), tick=False):
        assert ids(as_role("to_chuc").get("/", params)) == expected


def test_the_unit_filter_offers_only_the_units_a_unit_user_may_see(as_role):
    response = as_role("don_vi").get("/")
    assert [value for value, _ in response.context["form"].fields["unit"].choices] == ["", "U021", "U020"]


def test_a_unit_user_asking_for_another_unit_gets_a_message_and_still_only_its_cadres(as_role):
    response = as_role("don_vi").get("/", {"unit": "U001"})
    assert response.status_code == 200
    assert ids(response) == ["CB0002", "CB0003", "CB0004"]
    assert "Đơn vị: giá trị không hợp lệ, đã bỏ qua." in response.content.decode()


def test_bad_filter_values_are_dropped_with_a_vietnamese_message_not_an_error(as_role):
    response = as_role("to_chuc").get("/", {"gender": "xyz", "age_band": "99", "in_planning": "maybe",
                                            "page": "abc", "q": "x" * 300})
    assert response.status_code == 200
    assert ids(response) == ALL
    body = response.content.decode()
    assert "Giới tính: giá trị không hợp lệ, đã bỏ qua." in body
    assert "Độ tuổi: giá trị không hợp lệ, đã bỏ qua." in body


@pytest.mark.parametrize("short_list_max", [0, 10_000], ids=["walked", "sorted"])
def test_the_pages_come_in_name_order_whether_the_database_walks_the_index_or_sorts_the_matches(
        world, as_role, monkeypatch, short_list_max):
    """On PostgreSQL a list of at most SHORT_LIST_MAX cadres is sorted by itself, a longer one is read
    by walking the name index (selectors.CadreListSource); both give the same pages. SQLite walks."""
    monkeypatch.setattr(selectors, "SHORT_LIST_MAX", short_list_max)
    add_cadres(60)   # Vũ Văn Thêm 0 … 59: a given name each, so "van" matches across the alphabet
    client = as_role("to_chuc")
    pages = [client.get("/", {"q": "van", "page": n}).context["page"] for n in (1, 2)]
    shown = [row["id"] for page in pages for row in page.object_list]
    expected = [cid for _, cid in sorted(Cadre.objects.filter(name_search__contains=" van")
                                         .values_list("name_sort", "id"))]
    assert pages[0].paginator.count == len(expected) == 62   # the 60, Nguyễn Văn An and Hoàng Văn Dũng
    assert shown == expected


def test_a_page_number_past_the_end_shows_the_last_page(as_role):
    response = as_role("to_chuc").get("/", {"page": "999"})
    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_the_list_pages_by_fifty_with_the_total_and_keeps_the_filters_in_the_links(world, as_role):
    add_cadres(60)
    client = as_role("to_chuc")
    first = client.get("/", {"gender": "nam"})
    assert len(first.context["page"].object_list) == 50
    assert first.context["page"].paginator.count == 63  # 60 added + An, Dũng, Đạt
    body = first.content.decode()
    assert 'href="?gender=nam&amp;page=2"' in body
    assert 'href="?gender=nam&amp;format=xlsx"' in body
    second = client.get("/", {"gender": "nam", "page": "2"})
    assert len(second.context["page"].object_list) == 13


def test_the_list_shows_the_columns_with_partial_birth_dates(as_role):
    body = as_role("to_chuc").get("/").content.decode()
    assert "<td>12/04/1975</td>" in body  # full date
    assert "<td>03/1984</td>" in body  # month and year only
    assert "<td>1968</td>" in body  # year only
    assert "Phó Trưởng Ban Tổ chức Tỉnh ủy" in body and "Ban Tổ chức Tỉnh ủy" in body


def test_each_list_view_is_audited_with_its_filters(world, as_role):
    as_role("to_chuc").get("/", {"q": "nguyen van", "gender": "nam"})
    entry = AuditEntry.objects.filter(action="cadre.listed").latest("id")
    assert entry.actor_name == "tochuc"
    assert entry.data["query"] == "nguyen van"
    assert entry.data["gender"] == "nam"


def test_the_live_search_gets_only_the_results_part(as_role):
    response = as_role("to_chuc").get("/", {"q": "nguyen"}, HTTP_X_LIVE_SEARCH="1")
    body = response.content.decode()
    assert "<html" not in body
    assert "Nguyễn Văn An" in body and "Trần Thị Ánh" not in body
    assert "X-Live-Search" in response["Vary"]


def test_the_list_needs_the_same_number_of_queries_for_5_or_65_cadres(world, as_role, django_assert_max_num_queries):
    client = as_role("to_chuc")
    client.get("/")  # warm the session
    with django_assert_max_num_queries(8):
        client.get("/", {"q": "van"})
    add_cadres(60)
    with django_assert_max_num_queries(8):
        client.get("/", {"q": "van"})
