import pytest
from rest_framework.test import APIClient

from luanchuyen.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("role", ["to_chuc", "lanh_dao", "kiem_tra"])
def test_province_wide_roles_read_any_cadres_eligibility(province, role):
    response = api_for(province.users[role]).get(
        "/api/v1/cadres/CB0001/eligibility/", {"on": "2024-01-01", "purpose": "dao_tao"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["cadre"] == "CB0001" and body["on"] == "2024-01-01" and body["purpose"] == "dao_tao"
    assert body["retirement_month"] == "2037-04" and body["months_left"] == 159
    assert [v["rule"] for v in body["verdicts"]] == ["ROT-01", "ROT-02", "ROT-03", "ROT-07", "ROT-08"]
    assert body["eligible"] is (not any(v["outcome"] == "fail" for v in body["verdicts"]))


def test_reading_a_cadres_eligibility_is_audited_as_a_record_view(province):
    api_for(province.users["to_chuc"]).get("/api/v1/cadres/CB0001/eligibility/", {"on": "2024-01-01"})
    entry = AuditEntry.objects.get(action="cadre.viewed", object_id="CB0001")
    assert entry.actor_name == "tochuc"
    assert entry.data == {"via": "api", "section": "eligibility", "on": "2024-01-01", "purpose": "dao_tao"}


def test_a_unit_user_gets_404_for_another_units_cadre(province):
    client = api_for(province.users["don_vi"])
    assert client.get("/api/v1/cadres/CB0002/eligibility/").status_code == 200
    response = client.get("/api/v1/cadres/CB0001/eligibility/")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy hoặc không có quyền xem."
    assert not AuditEntry.objects.filter(object_id="CB0001").exists()


def test_a_cadre_reads_only_their_own_eligibility(province):
    client = api_for(province.users["can_bo"])
    assert client.get("/api/v1/cadres/CB0001/eligibility/").status_code == 200
    assert client.get("/api/v1/cadres/CB0002/eligibility/").status_code == 404


def test_the_admin_role_and_anonymous_clients_read_nothing(province):
    assert api_for(province.users["quan_tri"]).get("/api/v1/cadres/CB0001/eligibility/").status_code == 403
    assert api_for(province.users["quan_tri"]).get("/api/v1/check/").status_code == 403
    assert APIClient().get("/api/v1/check/").status_code in (401, 403)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"on": "2024-02-30"}, "không tồn tại"),
        ({"on": "01-01-2024"}, "không hợp lệ"),
        ({"purpose": "du_lich"}, "Mục đích luân chuyển «du_lich» không hợp lệ"),
    ],
)
def test_bad_input_gets_400_with_a_vietnamese_message(province, params, message):
    client = api_for(province.users["to_chuc"])
    for url in ("/api/v1/cadres/CB0001/eligibility/", "/api/v1/check/"):
        response = client.get(url, params)
        assert response.status_code == 400
        assert message in response.json()["detail"]


def test_the_check_of_the_whole_province_has_every_cadre_in_office_and_the_plans(province):
    response = api_for(province.users["to_chuc"]).get("/api/v1/check/", {"on": "2026-01-01"})
    assert response.status_code == 200
    body = response.json()
    assert [r["cadre"] for r in body["results"]] == ["CB0001", "CB0002", "CB0003", "CB0004", "CB0005"]
    assert body["on"] == "2026-01-01" and body["purpose"] == "dao_tao" and body["unit"] is None
    entry = AuditEntry.objects.get(action="eligibility.checked")
    assert entry.actor_name == "tochuc" and entry.data["via"] == "api" and entry.data["cadres"] == 5


def test_a_unit_user_checks_only_its_own_units_cadres(province):
    client = api_for(province.users["don_vi"])
    body = client.get("/api/v1/check/", {"on": "2026-01-01", "purpose": "hai_nhiem_ky"}).json()
    assert [r["cadre"] for r in body["results"]] == ["CB0002", "CB0003"]
    assert "plans" not in body
    response = client.get("/api/v1/check/", {"on": "2026-01-01", "unit": "U001"})
    assert response.status_code == 403 and response.json()["detail"] == "Không có quyền xem đơn vị này."


def test_a_cadre_checks_only_themself_and_a_unit_narrows_the_check(province):
    body = api_for(province.users["can_bo"]).get("/api/v1/check/", {"on": "2026-01-01"}).json()
    assert [r["cadre"] for r in body["results"]] == ["CB0001"]
    body = (
        api_for(province.users["to_chuc"]).get("/api/v1/check/", {"on": "2026-01-01", "unit": "U020"}).json()
    )
    assert [r["cadre"] for r in body["results"]] == ["CB0002", "CB0003"]


def test_an_unknown_unit_is_a_400(province):
    response = api_for(province.users["to_chuc"]).get("/api/v1/check/", {"unit": "U999"})
    assert response.status_code == 400 and "Không có đơn vị mã «U999»" in response.json()["detail"]


def test_a_check_over_too_many_cadres_asks_for_a_unit(province, monkeypatch):
    monkeypatch.setattr("luanchuyen.eligibility.api.API_CHECK_MAX", 3)
    response = api_for(province.users["to_chuc"]).get("/api/v1/check/", {"on": "2026-01-01"})
    assert response.status_code == 400 and "hãy chọn đơn vị" in response.json()["detail"].lower()


def test_both_endpoints_are_in_the_openapi_schema(province):
    client = APIClient()
    client.force_login(province.users["to_chuc"])
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert "/api/v1/cadres/{cadre_id}/eligibility/" in schema["paths"]
    check = schema["paths"]["/api/v1/check/"]["get"]
    assert {p["name"] for p in check["parameters"]} >= {"on", "unit", "purpose"}
    assert "CadreEligibility" in schema["components"]["schemas"]
