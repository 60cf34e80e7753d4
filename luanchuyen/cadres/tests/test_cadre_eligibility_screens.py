"""Eligibility and retirement on the cadre screens: the record's "Điều kiện luân chuyển", the list's
retirement columns, the "Đủ điều kiện luân chuyển" filter and the sort by months left."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from luanchuyen.audit.models import AuditEntry
from luanchuyen.cadres.models import PlanningEntry

pytestmark = pytest.mark.django_db
TODAY = dt.datetime(2024, 1, 15, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def client_for(province, role) -> Client:
    client = Client()
    client.force_login(province.users[role])
    return client


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def listed(response) -> list[str]:
    return re.findall(r'<td><a href="/can-bo/([^/]+)/">\1</a></td>', response.content.decode())


# -- the record ------------------------------------------------------------------------------------------
def test_the_record_shows_the_retirement_month_and_months_left(province):
    page = text(client_for(province, "to_chuc").get("/can-bo/CB0001/"))
    assert "Nghỉ hưu tháng 04/2037 · còn 159 tháng công tác" in page  # from 01/2024
    assert "Tháng nghỉ hưu 04/2037 (còn 159 tháng, tại ngày 15/01/2024)" in page


def test_the_record_offers_the_eligibility_form_and_loads_it_by_script(province):
    response = client_for(province, "to_chuc").get("/can-bo/CB0001/")
    html = response.content.decode()
    assert "Điều kiện luân chuyển" in html and 'data-partial="/can-bo/CB0001/dieu-kien-luan-chuyen/"' in html
    assert "data-autoload" in html and 'value="15/01/2024"' in html
    assert '<option value="dao_tao" selected>' in html


def test_without_javascript_the_form_shows_every_verdict_on_the_record(province):
    response = client_for(province, "to_chuc").get(
        "/can-bo/CB0001/", {"on": "01/01/2024", "purpose": "dao_tao"}
    )
    page = text(response)
    assert response.status_code == 200
    for rule in ("ROT-01", "ROT-02", "ROT-03", "ROT-07", "ROT-08"):
        assert rule in page
    assert 'class="outcome outcome-pass">Đạt' in response.content.decode()
    assert "Quy định 65-QĐ/TW" in page and "ngày xét 01/01/2024" in page
    assert ("Không đủ điều kiện" in page) or ("Đủ điều kiện luân chuyển" in page)
    entry = AuditEntry.objects.filter(action="cadre.viewed", object_id="CB0001").latest("id")
    assert entry.data == {"section": "eligibility", "on": "2024-01-01", "purpose": "dao_tao"}


def test_the_partial_answers_the_script_and_is_audited_as_a_record_view(province):
    client = client_for(province, "lanh_dao")
    response = client.get(
        "/can-bo/CB0001/dieu-kien-luan-chuyen/",
        {"on": "2024-01-01", "purpose": "hai_nhiem_ky"},
        HTTP_X_PARTIAL="1",
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "mục đích: không giữ chức vụ quá hai nhiệm kỳ" in text(response)
    assert 'outcome-not_applicable">Không áp dụng' in html  # ROT-01 is for training rotations
    assert (
        AuditEntry.objects.filter(
            action="cadre.viewed", object_id="CB0001", actor_name="lanhdao", data__section="eligibility"
        ).count()
        == 1
    )
    assert client.get("/can-bo/CB0001/dieu-kien-luan-chuyen/", HTTP_HX_REQUEST="true").status_code == 200


def test_the_overall_answer_follows_the_failing_rules(province):
    client = client_for(province, "to_chuc")
    without = text(
        client.get("/can-bo/CB0002/dieu-kien-luan-chuyen/", {"on": "2024-01-01"}, HTTP_X_PARTIAL="1")
    )
    assert "Không đủ điều kiện" in without  # Trần Thị Lan is in no planning: ROT-03 fails
    PlanningEntry.objects.create(
        cadre=province.cadres["lan"], title_id="giam_doc_so", term="2020-2025", approved=dt.date(2021, 3, 1)
    )
    with_planning = client.get(
        "/can-bo/CB0002/dieu-kien-luan-chuyen/", {"on": "2024-01-01"}, HTTP_X_PARTIAL="1"
    )
    verdicts = re.findall(r"outcome outcome-(\w+)", with_planning.content.decode())
    assert ("fail" in verdicts) is ("Không đủ điều kiện" in text(with_planning))


def test_opening_the_partial_address_directly_goes_to_the_record(province):
    response = client_for(province, "to_chuc").get(
        "/can-bo/CB0001/dieu-kien-luan-chuyen/", {"on": "2024-01-01"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/can-bo/CB0001/?on=2024-01-01#dieu-kien-luan-chuyen"


@pytest.mark.parametrize(
    "params, message",
    [
        ({"on": "31/02/2024"}, "Ngày xét không hợp lệ"),
        ({"on": "2024-13-01"}, "Ngày xét không hợp lệ"),
        ({"purpose": "du_lich"}, "Mục đích luân chuyển «du_lich» không hợp lệ"),
    ],
)
def test_a_bad_date_or_purpose_is_explained_and_nothing_is_evaluated(province, params, message):
    client = client_for(province, "to_chuc")
    partial = client.get("/can-bo/CB0001/dieu-kien-luan-chuyen/", params, HTTP_X_PARTIAL="1")
    assert partial.status_code == 400 and message in text(partial) and "ROT-01" not in text(partial)
    page = client.get("/can-bo/CB0001/", params)
    assert page.status_code == 200 and message in text(page) and "ROT-01" not in text(page)


@pytest.mark.parametrize(
    "role, cadre, status",
    [
        ("don_vi", "CB0001", 404),
        ("don_vi", "CB0002", 200),
        ("can_bo", "CB0002", 404),
        ("can_bo", "CB0001", 200),
        ("kiem_tra", "CB0005", 200),
        ("quan_tri", "CB0001", 403),
    ],
)
def test_the_partial_is_scoped_like_the_record(province, role, cadre, status):
    response = client_for(province, role).get(f"/can-bo/{cadre}/dieu-kien-luan-chuyen/", HTTP_X_PARTIAL="1")
    assert response.status_code == status
    if status != 200:
        assert not AuditEntry.objects.filter(action="cadre.viewed", object_id=cadre).exists()


# -- the list --------------------------------------------------------------------------------------------
def test_the_list_shows_retirement_month_and_months_left(province):
    page = text(client_for(province, "to_chuc").get("/"))
    assert "Nghỉ hưu" in page and "Còn (tháng)" in page
    assert "Lê Văn Dũng" in page and "09/2030 80" in page  # 01/2024 → 09/2030


def test_the_sort_by_months_left_puts_who_retires_first_on_top(province):
    response = client_for(province, "to_chuc").get("/", {"sort": "months_left"})
    assert listed(response) == ["CB0003", "CB0001", "CB0004", "CB0002", "CB0005"]
    assert listed(client_for(province, "to_chuc").get("/"))[0] != "CB0003"  # by name otherwise


def test_the_eligibility_filter_splits_the_list(province):
    PlanningEntry.objects.create(
        cadre=province.cadres["lan"], title_id="giam_doc_so", term="2020-2025", approved=dt.date(2021, 3, 1)
    )
    client = client_for(province, "to_chuc")
    yes = set(listed(client.get("/", {"eligible": "1"})))
    no = set(listed(client.get("/", {"eligible": "0"})))
    assert yes | no == {"CB0001", "CB0002", "CB0003", "CB0004", "CB0005"} and not yes & no
    from luanchuyen.eligibility.services import eligible_cadre_ids

    assert yes == eligible_cadre_ids(yes | no, on=dt.date(2024, 1, 15))
    assert "CB0003" not in yes  # 80 months left: ROT-01 fails for training
    two_terms = set(listed(client.get("/", {"eligible": "1", "purpose": "hai_nhiem_ky"})))
    assert two_terms == eligible_cadre_ids(yes | no, on=dt.date(2024, 1, 15), purpose="hai_nhiem_ky")
    entry = AuditEntry.objects.filter(action="cadre.listed").latest("id")
    assert entry.data["eligible"] == "1" and entry.data["purpose"] == "hai_nhiem_ky"


def test_a_unit_user_filtering_by_eligibility_sees_only_its_unit(province):
    client = client_for(province, "don_vi")
    assert set(listed(client.get("/", {"eligible": "0"}))) | set(
        listed(client.get("/", {"eligible": "1"}))
    ) == {"CB0002", "CB0003"}
    assert set(listed(client.get("/", {"sort": "months_left"}))) == {"CB0002", "CB0003"}


def test_the_filter_refuses_a_list_larger_than_its_limit(province, monkeypatch):
    monkeypatch.setattr("luanchuyen.cadres.selectors.ELIGIBILITY_FILTER_MAX", 3)
    response = client_for(province, "to_chuc").get("/", {"eligible": "1"})
    assert "xét tối đa 3 cán bộ một lần; danh sách đang có 5 cán bộ" in text(response)
    assert len(listed(response)) == 5  # not applied


def test_bad_filter_values_are_dropped_with_a_message(province):
    response = client_for(province, "to_chuc").get(
        "/", {"eligible": "x", "purpose": "du_lich", "sort": "tuoi"}
    )
    assert response.status_code == 200 and len(listed(response)) == 5
    page = text(response)
    for label in ("Đủ điều kiện luân chuyển", "Mục đích luân chuyển", "Sắp xếp"):
        assert f"{label}: giá trị không hợp lệ, đã bỏ qua." in page
