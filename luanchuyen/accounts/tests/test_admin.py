"""The administration (/quan-tri/): `quan_tri` manages users, roles, groups and API tokens there, and
every change made there is in the audit log."""
from __future__ import annotations

import pytest

from luanchuyen.accounts.models import User
from luanchuyen.audit.models import AuditEntry


@pytest.fixture
def admin_client(client, province):
    client.force_login(province.users["quan_tri"])
    return client


@pytest.mark.parametrize("path", ["/quan-tri/accounts/user/", "/quan-tri/accounts/user/add/",
                                  "/quan-tri/auth/group/", "/quan-tri/auth/group/add/",
                                  "/quan-tri/authtoken/tokenproxy/", "/quan-tri/authtoken/tokenproxy/add/"])
def test_quan_tri_opens_every_page_of_the_administration(admin_client, path):
    assert admin_client.get(path).status_code == 200


def test_quan_tri_opens_a_users_page(admin_client, province):
    response = admin_client.get(f"/quan-tri/accounts/user/{province.users['don_vi'].pk}/change/")
    assert response.status_code == 200
    assert "Vai trò trong luanchuyen" in response.content.decode()


def test_a_role_change_in_the_administration_is_audited_with_the_fields_changed(admin_client, province):
    user = province.users["lanh_dao"]
    response = admin_client.post(f"/quan-tri/accounts/user/{user.pk}/change/", {
        "username": user.username, "first_name": "", "last_name": "", "email": "", "is_active": "on",
        "role": "kiem_tra", "unit": "", "cadre": "", "last_login_0": "", "last_login_1": "",
        "date_joined_0": "01/01/2025", "date_joined_1": "00:00:00"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(pk=user.pk).role == "kiem_tra"
    entry = AuditEntry.objects.get(action="admin.changed")
    assert (entry.actor_name, entry.object_type, entry.object_id) == ("quantri", "accounts.user", str(user.pk))
    assert "role" in str(entry.data["changes"]) or "Vai trò" in str(entry.data["changes"])


def test_adding_and_deleting_a_group_is_audited(admin_client):
    assert admin_client.post("/quan-tri/auth/group/add/", {"name": "Tổ thẩm định"}).status_code == 302
    added = AuditEntry.objects.get(action="admin.added")
    assert added.object_type == "auth.group" and added.data["object"] == "Tổ thẩm định"
    response = admin_client.post(f"/quan-tri/auth/group/{added.object_id}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert AuditEntry.objects.get(action="admin.deleted").object_id == added.object_id


@pytest.mark.parametrize("role", ["to_chuc", "lanh_dao", "don_vi", "can_bo", "kiem_tra"])
def test_no_other_role_gets_the_administration_even_as_staff(client, province, role):
    user = province.users[role]
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get("/quan-tri/").status_code == 302
    assert client.get("/quan-tri/accounts/user/").status_code == 302
    assert not user.has_perm("accounts.change_user")
