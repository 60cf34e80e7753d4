"""The list's unit filter when a user may see more units than a drop-down can hold: a search box with
suggestions (/goi-y-don-vi/), resolved to a unit within the user's scope."""
from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from luanchuyen.cadres import selectors

ON = dt.datetime(2025, 10, 1, 9, 0)


@pytest.fixture
def many_units(monkeypatch):
    """Pretend the province has more units than the drop-down limit (the test world has five)."""
    monkeypatch.setattr(selectors, "UNIT_SELECT_MAX", 2)


def ids(response) -> list[str]:
    return [c["id"] for c in response.context["page"].object_list]


def suggestions(client, text: str) -> list[dict]:
    response = client.get("/goi-y-don-vi/", {"q": text})
    assert response.status_code == 200
    return response.json()["results"]


def test_with_few_units_the_filter_stays_a_drop_down(as_role):
    with time_machine.travel(ON, tick=False):
        body = as_role("to_chuc").get("/").content.decode()
    assert '<select name="unit"' in body
    assert 'list="unit-suggestions"' not in body


def test_with_more_units_than_the_limit_the_filter_is_a_search_box(as_role, many_units):
    with time_machine.travel(ON, tick=False):
        body = as_role("to_chuc").get("/").content.decode()
    assert '<select name="unit"' not in body
    assert 'list="unit-suggestions"' in body and 'data-suggest="/goi-y-don-vi/"' in body
    assert '<datalist id="unit-suggestions">' in body


@pytest.mark.parametrize("typed", ["so y te", "Sở Y tế", "SO Y", "u020"])
def test_the_suggestions_find_a_unit_with_or_without_diacritics_and_by_id(as_role, typed):
    with time_machine.travel(ON, tick=False):
        found = suggestions(as_role("to_chuc"), typed)
    assert found == [{"id": "U020", "label": "Sở Y tế (U020)"}]


def test_a_suggestion_names_the_parent_unit(as_role):
    with time_machine.travel(ON, tick=False):
        found = suggestions(as_role("to_chuc"), "dan so")
    assert found == [{"id": "U021", "label": "Chi cục Dân số – Sở Y tế (U021)"}]


def test_the_suggestions_offer_only_units_in_force(as_role):
    with time_machine.travel(ON, tick=False):   # after 30/06/2025 the district is gone, the commune is there
        assert [u["id"] for u in suggestions(as_role("to_chuc"), "dong xuan")] == ["U100"]
    with time_machine.travel(dt.datetime(2024, 1, 1, 9, 0), tick=False):
        assert [u["id"] for u in suggestions(as_role("to_chuc"), "dong xuan")] == ["U050"]


def test_a_unit_user_is_offered_only_its_own_units(as_role):
    with time_machine.travel(ON, tick=False):
        assert sorted(u["id"] for u in suggestions(as_role("to_chuc"), "d")) == ["U021", "U100"]
        client = as_role("don_vi")
        assert suggestions(client, "ban to chuc") == []
        assert [u["id"] for u in suggestions(client, "d")] == ["U021"]


def test_empty_text_gives_no_suggestion(as_role):
    assert suggestions(as_role("to_chuc"), "   ") == []
    assert suggestions(as_role("to_chuc"), "") == []


def test_a_nul_character_or_a_very_long_text_is_harmless(as_role):
    with time_machine.travel(ON, tick=False):
        assert suggestions(as_role("to_chuc"), "so\x00 y te") == [{"id": "U020", "label": "Sở Y tế (U020)"}]
        assert suggestions(as_role("to_chuc"), "y" * 5000) == []


def test_the_suggestions_need_a_login_and_a_reading_role(as_role, world):
    assert Client().get("/goi-y-don-vi/", {"q": "so"}).status_code == 302
    assert as_role("quan_tri").get("/goi-y-don-vi/", {"q": "so"}).status_code == 403


def test_choosing_a_suggestion_filters_the_list_and_the_box_shows_the_unit(as_role, many_units):
    with time_machine.travel(ON, tick=False):
        response = as_role("to_chuc").get("/", {"unit": "Sở Y tế (U020)"})
    assert ids(response) == ["CB0002", "CB0003", "CB0004"]
    assert 'value="Sở Y tế (U020)"' in response.content.decode()


def test_a_bare_unit_id_in_a_link_filters_the_list_too(as_role, many_units):
    with time_machine.travel(ON, tick=False):
        response = as_role("to_chuc").get("/", {"unit": "U021"})
    assert ids(response) == ["CB0003"]
    assert 'value="Chi cục Dân số – Sở Y tế (U021)"' in response.content.decode()


@pytest.mark.parametrize("typed", ["Không có đơn vị này", "Ban Tổ chức Tỉnh ủy (U001)", "(", "x" * 400])
def test_a_unit_outside_the_scope_or_unknown_is_dropped_with_a_message(as_role, many_units, typed):
    with time_machine.travel(ON, tick=False):
        response = as_role("don_vi").get("/", {"unit": typed})
    assert response.status_code == 200
    assert ids(response) == ["CB0002", "CB0003", "CB0004"]
    assert "Đơn vị: giá trị không hợp lệ, đã bỏ qua." in response.content.decode()
