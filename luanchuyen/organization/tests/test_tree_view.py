"""The organization tree `/to-chuc/`: units in force at a date, by group and parent, with quotas."""
from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from luanchuyen.organization.models import Post, Title, Unit


def nodes(response) -> dict:
    """unit id -> node, over the whole tree."""
    found = {}

    def walk(node):
        found[node.unit.pk] = node
        for child in node.children:
            walk(child)

    for group in response.context["groups"]:
        for root in group.roots:
            walk(root)
    return found


def test_an_anonymous_visitor_is_sent_to_the_login_page(world):
    response = Client().get("/to-chuc/")
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=/to-chuc/"


def test_the_admin_role_may_not_read_the_tree(as_role):
    assert as_role("quan_tri").get("/to-chuc/").status_code == 403


@pytest.mark.parametrize("role", ["to_chuc", "lanh_dao", "kiem_tra", "don_vi", "can_bo"])
def test_every_role_that_reads_cadres_sees_the_tree(as_role, role):
    assert as_role(role).get("/to-chuc/", {"on": "2025-08-01"}).status_code == 200


def test_before_the_reform_the_tree_shows_the_district_and_no_commune(as_role):
    response = as_role("to_chuc").get("/to-chuc/", {"on": "2024-01-01"})
    assert set(nodes(response)) == {"U001", "U020", "U021", "U050"}
    body = response.content.decode()
    assert "Huyện ủy Đồng Xuân" in body and "Đảng ủy xã Đồng Xuân" not in body
    assert "01/01/2024" in body


def test_after_the_reform_the_tree_shows_the_commune_instead(as_role):
    response = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01"})
    assert set(nodes(response)) == {"U001", "U020", "U021", "U100"}
    body = response.content.decode()
    assert "Đảng ủy xã Đồng Xuân" in body and "Huyện ủy Đồng Xuân" not in body


def test_units_are_grouped_by_agency_group_and_nested_under_their_parent(as_role):
    response = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01"})
    groups = {g.group: [root.unit.pk for root in g.roots] for g in response.context["groups"]}
    assert groups == {"tham_muu_tinh_uy": ["U001"], "chuyen_mon_ubnd": ["U020"], "xa": ["U100"]}
    assert [c.unit.pk for c in nodes(response)["U020"].children] == ["U021"]
    assert [g.label for g in response.context["groups"]][0] == "Cơ quan tham mưu, giúp việc Tỉnh ủy"


def test_each_unit_shows_its_posts_slots_filled_and_vacant_at_the_date(as_role):
    tree = nodes(as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01"}))
    btc = tree["U001"]
    assert [(p.title.name, p.slots, p.filled, p.vacant) for p in btc.posts] == [
        ("Trưởng Ban Tổ chức Tỉnh ủy", 1, 0, 1),
        ("Phó Trưởng Ban Tổ chức Tỉnh ủy", 3, 1, 2),
        ("Trưởng phòng Ban Tổ chức Tỉnh ủy", 2, 0, 2),
    ]
    assert (btc.figures.slots, btc.figures.filled, btc.figures.vacant) == (6, 1, 5)
    # in 2016 Nguyễn Văn An held the district secretary post
    old = nodes(as_role("to_chuc").get("/to-chuc/", {"on": "2016-01-01"}))
    assert (old["U050"].figures.slots, old["U050"].figures.filled) == (1, 1)


def test_the_tree_shows_staff_totals_and_the_female_share(as_role):
    response = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01"})
    syt = nodes(response)["U020"]
    assert (syt.figures.staff_total, syt.figures.staff_female) == (60, 33)
    assert "biên chế 60, nữ 55,0%" in response.content.decode()  # Vietnamese decimal comma
    total = response.context["total"]
    assert (total.units, total.staff_total, total.staff_female) == (4, 132, 61)


def test_a_date_typed_as_dd_mm_yyyy_is_understood(as_role):
    response = as_role("to_chuc").get("/to-chuc/", {"on": "01/01/2024"})
    assert response.context["on"] == dt.date(2024, 1, 1)
    assert response.context["problem"] == ""


@pytest.mark.parametrize("bad", ["32/13/2020", "2020-02-30", "hôm qua"])
def test_a_bad_date_gives_a_vietnamese_message_and_today(as_role, bad):
    with time_machine.travel("2025-10-01 09:00 +07:00", tick=False):
        response = as_role("to_chuc").get("/to-chuc/", {"on": bad})
    assert response.status_code == 200
    assert response.context["on"] == dt.date(2025, 10, 1)
    assert "không hợp lệ" in response.content.decode()
    assert "01/10/2025" in response.content.decode()


def test_without_a_date_the_tree_is_shown_at_today(as_role):
    with time_machine.travel("2024-05-02 09:00 +07:00", tick=False):
        response = as_role("to_chuc").get("/to-chuc/")
    assert response.context["on"] == dt.date(2024, 5, 2)
    assert "U050" in nodes(response)


@pytest.fixture
def thirty_agencies(world):
    """30 more agencies with one post each: a query per unit would show in the counts."""
    title = Title.objects.get(pk="pho_giam_doc_so")
    for i in range(30):
        unit = Unit.objects.create(id=f"UX{i:02d}", name=f"Sở thử {i}", group="chuyen_mon_ubnd",
                                   block="chinh_quyen", level="tinh", staff_total=10, staff_female=5)
        Post.objects.create(id=f"PX{i:02d}", unit=unit, title=title, slots=2)


def test_the_tree_needs_a_fixed_number_of_queries(thirty_agencies, as_role, django_assert_max_num_queries):
    client = as_role("to_chuc")
    with django_assert_max_num_queries(5):
        client.get("/to-chuc/", {"on": "2025-08-01"})


@pytest.fixture
def large(monkeypatch):
    """Pretend the organization is larger than the whole tree can show (the test world has a few units)."""
    from luanchuyen.organization import tree

    monkeypatch.setattr(tree, "TREE_MAX_UNITS", 2)


def test_a_large_organization_gets_the_same_figures_in_the_overview(as_role, monkeypatch):
    from luanchuyen.organization import tree

    full = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01"})
    monkeypatch.setattr(tree, "TREE_MAX_UNITS", 2)
    overview = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01"})
    assert overview.context["overview"] and not full.context["overview"]
    assert vars(overview.context["total"]) == vars(full.context["total"])
    assert [(g.group, vars(g.figures)) for g in overview.context["groups"]] == [
        (g.group, vars(g.figures)) for g in full.context["groups"]]


def test_the_overview_lists_top_units_with_a_link_to_their_sub_units(as_role, large):
    response = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01"})
    groups = {g.group: [root.unit.pk for root in g.roots] for g in response.context["groups"]}
    assert groups == {"tham_muu_tinh_uy": ["U001"], "chuyen_mon_ubnd": ["U020"], "xa": ["U100"]}
    syt = nodes(response)["U020"]
    assert syt.children == [] and syt.hidden_children == 1          # Chi cục Dân số, on its own page
    assert (syt.figures.slots, syt.figures.staff_total) == (sum(p.slots for p in syt.posts), 60)
    assert 'href="/to-chuc/don-vi/U020/?on=2025-08-01">1 đơn vị trực thuộc</a>' in response.content.decode()


def test_the_overview_shows_the_first_units_of_a_long_list_and_says_how_many_more(as_role, large, monkeypatch):
    from luanchuyen.organization import tree

    monkeypatch.setattr(tree, "TOP_UNITS_SHOWN", 1)
    for i in range(3):
        Unit.objects.create(id=f"UX{i}", name=f"Sở thử {i}", group="chuyen_mon_ubnd", block="chinh_quyen",
                            level="tinh")
    response = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01"})
    block = next(g for g in response.context["groups"] if g.group == "chuyen_mon_ubnd")
    assert len(block.roots) == 1 and block.more == 3
    assert "… và 3 đơn vị khác" in response.content.decode()


@pytest.mark.parametrize("typed", ["dan so", "Dân số", "DÂN SỐ"])
def test_the_overview_finds_a_unit_by_name_with_or_without_diacritics(as_role, large, typed):
    response = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01", "q": typed})
    assert {g.group: [r.unit.pk for r in g.roots] for g in response.context["groups"]} == {"chuyen_mon_ubnd": ["U021"]}
    assert response.context["total"].units == 4                    # the figures stay the province's


def test_a_nul_character_in_the_search_is_dropped_not_an_error(as_role, large):
    response = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01", "q": "dan\x00 so"})
    assert response.status_code == 200
    assert {g.group: [r.unit.pk for r in g.roots] for g in response.context["groups"]} == {"chuyen_mon_ubnd": ["U021"]}


def test_a_search_that_finds_nothing_says_so(as_role, large):
    response = as_role("to_chuc").get("/to-chuc/", {"on": "2025-08-01", "q": "không có đơn vị này"})
    assert response.context["groups"] == []
    assert "Không có đơn vị nào có tên phù hợp" in response.content.decode()


def test_the_overview_needs_a_fixed_number_of_queries(thirty_agencies, as_role, large,
                                                     django_assert_max_num_queries):
    client = as_role("to_chuc")
    with django_assert_max_num_queries(8):
        client.get("/to-chuc/", {"on": "2025-08-01"})
