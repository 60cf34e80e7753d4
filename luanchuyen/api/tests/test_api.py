from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from luanchuyen.audit.models import AuditEntry

ALL_IDS = {"CB0001", "CB0002", "CB0003", "CB0004", "CB0005"}


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def ids_of(response) -> set[str]:
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize("role", ["to_chuc", "lanh_dao", "kiem_tra"])
def test_province_wide_roles_list_every_cadre(province, role):
    response = api_for(province.users[role]).get("/api/v1/cadres/")
    assert response.status_code == 200
    assert ids_of(response) == ALL_IDS


def test_a_unit_user_lists_only_its_own_units_cadres(province):
    response = api_for(province.users["don_vi"]).get("/api/v1/cadres/")
    assert ids_of(response) == {"CB0002", "CB0003"}  # Sở Y tế


def test_a_unit_user_gets_404_for_another_units_cadre(province):
    response = api_for(province.users["don_vi"]).get("/api/v1/cadres/CB0001/")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy hoặc không có quyền xem."


def test_a_cadre_sees_only_their_own_record(province):
    client = api_for(province.users["can_bo"])
    assert ids_of(client.get("/api/v1/cadres/")) == {"CB0001"}
    assert client.get("/api/v1/cadres/CB0002/").status_code == 404
    assert client.get("/api/v1/cadres/CB0001/").status_code == 200


def test_the_admin_role_reads_no_cadre_data(province):
    client = api_for(province.users["quan_tri"])
    assert client.get("/api/v1/cadres/").status_code == 403
    assert client.get("/api/v1/units/").status_code == 403


def test_an_anonymous_client_gets_401_or_403_in_vietnamese(province):
    response = APIClient().get("/api/v1/cadres/")
    assert response.status_code in (401, 403)
    assert "đăng nhập" in response.json()["detail"] or "quyền" in response.json()["detail"]


def test_a_cadre_record_comes_with_its_history_and_is_audited(province):
    response = api_for(province.users["to_chuc"]).get("/api/v1/cadres/CB0001/")
    body = response.json()
    assert body["full_name"] == "Nguyễn Văn An"
    assert body["positions"][0]["post"] == "P002"
    assert body["planning"][0]["title"] == "truong_ban_tu"
    assert AuditEntry.objects.filter(action="cadre.viewed", object_id="CB0001", actor_name="tochuc").exists()


def test_the_search_matches_names_without_diacritics(province):
    response = api_for(province.users["to_chuc"]).get("/api/v1/cadres/", {"q": "nguyen van"})
    assert ids_of(response) == {"CB0001"}


def test_a_token_authenticates_with_the_same_scoping(province):
    token = Token.objects.create(user=province.users["don_vi"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert ids_of(client.get("/api/v1/cadres/")) == {"CB0002", "CB0003"}


def test_units_titles_and_posts_are_listed(province):
    client = api_for(province.users["to_chuc"])
    assert {u["id"] for u in client.get("/api/v1/units/").json()["results"]} >= {"U001", "U050", "U100"}
    assert client.get("/api/v1/titles/bi_thu_huyen/").json()["non_local_required"] is True
    assert client.get("/api/v1/posts/P002/").json()["slots"] == 3


def test_the_openapi_schema_is_served(province):
    client = api_for(province.users["to_chuc"])
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert "/api/v1/cadres/" in response.content.decode()


def test_the_api_docs_page_loads_swagger_ui_from_the_application_not_a_cdn(province):
    from django.test import Client

    client = Client()
    client.force_login(province.users["to_chuc"])
    page = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page


def test_the_schema_and_the_docs_page_need_a_login(province):
    from django.test import Client

    assert Client().get("/api/schema/").status_code in (401, 403)
    assert Client().get("/api/docs/").status_code in (401, 403)


def test_the_api_refuses_writes(province):
    client = api_for(province.users["to_chuc"])
    assert client.post("/api/v1/cadres/", {"id": "X"}).status_code == 405
