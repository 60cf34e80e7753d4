from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from luanchuyen.audit.models import AuditEntry
from luanchuyen.audit.services import audit_record


def test_it_refuses_to_change_an_entry_through_the_model(province):
    entry = audit_record(actor=province.users["to_chuc"], action="cadre.viewed", obj=province.cadres["an"])
    entry.action = "something.else"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")


def test_it_refuses_to_change_an_entry_in_the_database_itself(province):
    entry = audit_record(actor=province.users["to_chuc"], action="cadre.viewed", obj=province.cadres["an"])
    with pytest.raises(DatabaseError), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE audit_auditentry SET action = 'x' WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "cadre.viewed"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row deletes are refused by trigger on PostgreSQL only")
def test_it_refuses_to_delete_an_entry_in_postgresql(province):
    entry = audit_record(actor=province.users["to_chuc"], action="cadre.viewed", obj=province.cadres["an"])
    with pytest.raises(DatabaseError), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])


def test_the_audit_page_is_for_inspection_and_admin_only(client, province):
    for role, status in [("kiem_tra", 200), ("quan_tri", 200), ("to_chuc", 403), ("don_vi", 403), ("can_bo", 403)]:
        client.force_login(province.users[role])
        assert client.get("/nhat-ky/").status_code == status, role


def test_the_audit_page_shows_who_viewed_which_record(client, province):
    audit_record(actor=province.users["to_chuc"], action="cadre.viewed", obj=province.cadres["an"])
    client.force_login(province.users["kiem_tra"])
    body = client.get("/nhat-ky/?object_id=CB0001").content.decode()
    assert "tochuc" in body and "cadre.viewed" in body
