import io
import re

import pytest
from django.test import Client
from openpyxl import load_workbook

from luanchuyen.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def client_for(province, role) -> Client:
    client = Client()
    client.force_login(province.users[role])
    return client


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def total(response) -> int:
    return int(re.search(r'id="retiring-total">(\d+)<', response.content.decode()).group(1))


# Lê Văn Dũng (CB0003, Sở Y tế, born 20/09/1968) reaches retirement in 09/2030.
@pytest.mark.parametrize(
    "role, seen", [("to_chuc", 1), ("lanh_dao", 1), ("kiem_tra", 1), ("don_vi", 1), ("can_bo", 0)]
)
def test_each_role_sees_who_retires_soon_within_its_scope(province, role, seen):
    response = client_for(province, role).get("/sap-nghi-huu/", {"on": "2030-01-01"})
    assert response.status_code == 200
    assert total(response) == seen
    assert ("Lê Văn Dũng" in text(response)) is bool(seen)


def test_a_unit_user_sees_nobody_of_another_unit(province):
    from luanchuyen.cadres.models import Cadre

    Cadre.objects.filter(pk="CB0001").update(birth_date="1968-09-01")  # Ban Tổ chức: retires 09/2030 as well
    assert total(client_for(province, "to_chuc").get("/sap-nghi-huu/", {"on": "2030-01-01"})) == 2
    response = client_for(province, "don_vi").get("/sap-nghi-huu/", {"on": "2030-01-01"})
    assert total(response) == 1 and "Nguyễn Văn An" not in text(response)


def test_the_admin_role_and_anonymous_visitors_may_not_see_it(province):
    assert client_for(province, "quan_tri").get("/sap-nghi-huu/").status_code == 403
    assert Client().get("/sap-nghi-huu/").status_code == 302


def test_the_page_groups_by_unit_with_month_months_left_and_post(province):
    page = text(client_for(province, "to_chuc").get("/sap-nghi-huu/", {"on": "2030-01-01", "months": "12"}))
    assert "Sở Y tế" in page and "09/2030" in page and "30/09/2030" in page and "Giám đốc Sở" in page
    assert re.search(r"30/09/2030 8 ", page)  # 8 months from 01/2030


@pytest.mark.parametrize("months, seen", [("8", 0), ("9", 1)])
def test_the_window_ends_before_the_month_n_months_ahead(province, months, seen):
    response = client_for(province, "to_chuc").get("/sap-nghi-huu/", {"on": "01/01/2030", "months": months})
    assert total(response) == seen


@pytest.mark.parametrize(
    "params, message",
    [
        ({"on": "31/02/2030"}, "không hợp lệ"),
        ({"months": "0"}, "Số tháng «0» không hợp lệ"),
        ({"months": "mười"}, "không hợp lệ"),
    ],
)
def test_bad_input_is_explained_in_vietnamese_and_the_defaults_are_used(province, params, message):
    response = client_for(province, "to_chuc").get("/sap-nghi-huu/", params)
    assert response.status_code == 200 and message in text(response)


def test_the_excel_export_is_the_list_shown_and_is_audited(province):
    response = client_for(province, "don_vi").get("/sap-nghi-huu/", {"on": "2030-01-01", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="sap-nghi-huu-2030-01-01-12-thang.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[2][:3] == ("Đơn vị", "Mã cán bộ", "Họ và tên")
    assert [r[1] for r in rows[3:]] == ["CB0003"] and rows[3][6] == "09/2030" and rows[3][8] == 8
    entry = AuditEntry.objects.get(action="report.exported")
    assert entry.actor_name == "donvi" and entry.data["report"] == "sap-nghi-huu" and entry.data["total"] == 1


def test_viewing_the_page_is_audited(province):
    client_for(province, "kiem_tra").get("/sap-nghi-huu/", {"on": "2030-01-01"})
    entry = AuditEntry.objects.get(action="report.viewed")
    assert entry.data["report"] == "sap-nghi-huu" and entry.data["on"] == "2030-01-01"


@pytest.mark.parametrize("role", ["to_chuc", "don_vi", "can_bo", "quan_tri"])
def test_the_parameters_page_shows_values_sources_and_confidence(province, role):
    page = text(client_for(province, role).get("/tham-so/", {"on": "2026-01-01"}))
    assert "rotation.min_duration_months" in page and "36 tháng" in page
    assert "Quy định 65-QĐ/TW" in page and "diễn giải từ nguồn thứ cấp" in page


def test_the_parameters_page_follows_the_date_and_explains_a_bad_one(province):
    before = text(client_for(province, "to_chuc").get("/tham-so/", {"on": "2019-01-01"}))
    assert "Không có giá trị" in before
    page = text(client_for(province, "to_chuc").get("/tham-so/", {"on": "2026-02-30"}))
    assert "Ngày «2026-02-30» không hợp lệ" in page
    assert Client().get("/tham-so/").status_code == 302
