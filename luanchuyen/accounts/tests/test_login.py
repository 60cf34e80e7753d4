from __future__ import annotations

from django.test import override_settings

from luanchuyen.audit.models import AuditEntry

LOGIN = "/tai-khoan/dang-nhap/"


def test_it_sends_an_anonymous_visitor_to_the_login_page(client, province):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_it_logs_in_with_the_right_password_and_audits_it(client, province):
    response = client.post(LOGIN, {"username": "tochuc", "password": province.password})
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="account.login", actor_name="tochuc").count() == 1


def test_it_refuses_a_wrong_password_with_a_vietnamese_message(client, province):
    response = client.post(LOGIN, {"username": "tochuc", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert AuditEntry.objects.filter(action="account.login_failed").count() == 1


@override_settings(LOGIN_MAX_FAILURES=3)
def test_it_locks_a_user_name_after_repeated_failures_even_with_the_right_password(client, province):
    for _ in range(3):
        client.post(LOGIN, {"username": "tochuc", "password": "sai-mat-khau"})
    response = client.post(LOGIN, {"username": "tochuc", "password": province.password})
    assert response.status_code == 200
    assert "quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_stores_passwords_with_argon2(province):
    assert province.users["to_chuc"].password.startswith("argon2")


def test_it_lets_quan_tri_into_django_admin(client, province):
    client.force_login(province.users["quan_tri"])
    assert client.get("/quan-tri/").status_code == 200


def test_it_answers_an_unknown_page_in_vietnamese(client, province):
    client.force_login(province.users["to_chuc"])
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


def test_it_sends_quan_tri_to_the_administration_after_login(client, province):
    response = client.post(LOGIN, {"username": "quantri", "password": province.password})
    assert response["Location"] == "/quan-tri/"


def test_it_sends_other_roles_to_the_cadre_list_after_login(client, province):
    response = client.post(LOGIN, {"username": "donvi", "password": province.password})
    assert response["Location"] == "/"
