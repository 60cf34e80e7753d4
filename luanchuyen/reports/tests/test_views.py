"""The page /bao-cao/co-cau/: who sees what, the date picker, the Excel download, the audit log."""

from __future__ import annotations

import io

import pytest

URL = "/bao-cao/co-cau/"
PASSWORD = "mat-khau-thu-nghiem"


def login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", ["to_chuc", "lanh_dao", "kiem_tra"])
def test_province_wide_roles_see_the_whole_province(client, users, role):
    response = login(client, users[role]).get(URL, {"on": "2021-03-12"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "toàn tỉnh" in page and "12/03/2021" in page
    assert "<strong>338</strong>" in page and "13,3%" in page and "2,4%" in page
    assert page.count("<svg") == 4 and "Tải Excel" in page
    assert "?on=2021-03-12&amp;format=xlsx" in page


@pytest.mark.parametrize("role", ["can_bo", "quan_tri"])
def test_a_cadre_and_the_administrator_are_refused(client, users, role):
    assert login(client, users[role]).get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, demo):
    from django.conf import settings
    from django.shortcuts import resolve_url

    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_a_unit_leader_sees_only_the_numbers_of_the_unit(client, users):
    import datetime as dt

    from luanchuyen.organization.selectors import unit_subtree_ids
    from luanchuyen.reports.structure import structure_report

    expected = structure_report(on=dt.date(2021, 3, 12), unit_ids=unit_subtree_ids(users["don_vi"].unit_id))
    assert 0 < expected["total"] < 338
    page = login(client, users["don_vi"]).get(URL, {"on": "2021-03-12"}).content.decode()
    assert "đơn vị: Sở Y tế" in page
    assert f"<strong>{expected['total']}</strong>" in page and "<strong>338</strong>" not in page


def test_a_bad_date_shows_a_vietnamese_message_not_an_error(client, users):
    response = login(client, users["to_chuc"]).get(URL, {"on": "31/02/2021"})
    assert response.status_code == 200
    assert "không hợp lệ" in response.content.decode()


def test_a_date_typed_as_dd_mm_yyyy_is_accepted(client, users):
    page = login(client, users["to_chuc"]).get(URL, {"on": "12/03/2021"}).content.decode()
    assert "<strong>338</strong>" in page and "không hợp lệ" not in page


def test_without_a_date_the_report_is_for_today(client, users):
    from django.utils import timezone

    page = login(client, users["to_chuc"]).get(URL).content.decode()
    assert timezone.localdate().strftime("%d/%m/%Y") in page


def test_the_excel_download_carries_the_figures(client, users):
    from openpyxl import load_workbook

    response = login(client, users["to_chuc"]).get(URL, {"on": "2021-03-12", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="bao-cao-co-cau-TM-2021-03-12.xlsx"' in response["Content-Disposition"]
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ["Toàn bộ", 338, 45, 13.3, 8, 2.4] in [[c.value for c in row] for row in ws.iter_rows()]


def test_views_and_downloads_are_audited(client, users):
    from luanchuyen.audit.models import AuditEntry

    login(client, users["to_chuc"])
    client.get(URL, {"on": "2021-03-12"})
    client.get(URL, {"on": "2021-03-12", "format": "xlsx"})
    viewed = AuditEntry.objects.filter(action="report.viewed", actor=users["to_chuc"]).get()
    exported = AuditEntry.objects.filter(action="report.exported", actor=users["to_chuc"]).get()
    assert viewed.data["on"] == exported.data["on"] == "2021-03-12" and exported.data["format"] == "xlsx"


def test_the_page_only_answers_get(client, users):
    assert login(client, users["to_chuc"]).post(URL).status_code == 405


@pytest.mark.parametrize(("role", "shown"), [("to_chuc", True), ("don_vi", True), ("can_bo", False)])
def test_the_menu_links_the_structure_report_only_for_roles_that_may_open_it(client, users, role, shown):
    page = login(client, users[role]).get("/sap-nghi-huu/" if role != "can_bo" else "/").content.decode()
    assert (f'href="{URL}"' in page) is shown
