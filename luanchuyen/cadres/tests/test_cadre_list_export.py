"""The cadre list as Excel (`/?format=xlsx`): the filtered rows, scoped, audited."""
from __future__ import annotations

import io

import time_machine
from django.test import Client
from openpyxl import load_workbook

from luanchuyen.audit.models import AuditEntry


def rows(response) -> list[tuple]:
    ws = load_workbook(io.BytesIO(response.content)).active
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def test_the_export_is_a_workbook_with_vietnamese_headers_and_a_dated_file_name(as_role):
    with time_machine.travel("2025-10-01 09:00 +07:00", tick=False):
        response = as_role("to_chuc").get("/", {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert response["Content-Disposition"] == 'attachment; filename="danh-sach-can-bo-2025-10-01.xlsx"'
    table = rows(response)
    assert table[2][:6] == ("Mã cán bộ", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ hiện tại", "Đơn vị")
    assert [r[0] for r in table[3:]] == ["CB0001", "CB0002", "CB0003", "CB0004", "CB0005"]
    assert table[3][1:4] == ("Nguyễn Văn An", "Nam", "12/04/1975")


def test_the_export_keeps_the_search_and_filters(as_role):
    table = rows(as_role("to_chuc").get("/", {"format": "xlsx", "q": "thi", "gender": "nu"}))
    assert [r[0] for r in table[3:]] == ["CB0002", "CB0003"]
    assert "Giới tính: Nữ" in table[1][0]


def test_a_unit_user_exports_only_its_units_cadres(as_role):
    table = rows(as_role("don_vi").get("/", {"format": "xlsx"}))
    assert [r[0] for r in table[3:]] == ["CB0002", "CB0003", "CB0004"]
    assert all("Nguyễn Văn An" not in str(r) for r in table)


def test_the_export_is_refused_to_the_admin_role_and_to_anonymous_visitors(as_role):
    assert as_role("quan_tri").get("/", {"format": "xlsx"}).status_code == 403
    assert Client().get("/", {"format": "xlsx"}).status_code == 302


def test_the_export_is_audited_with_its_filters_and_row_count(world, as_role):
    as_role("don_vi").get("/", {"format": "xlsx", "gender": "nu"})
    entry = AuditEntry.objects.get(action="cadre.list_exported")
    assert entry.actor_name == "donvi"
    assert entry.data["gender"] == "nu"
    assert entry.data["rows"] == 2
    assert not AuditEntry.objects.filter(action="cadre.listed").exists()


def test_a_list_too_long_for_excel_goes_back_to_the_list_with_a_message(world, as_role, monkeypatch):
    from luanchuyen.cadres import xlsx_list

    monkeypatch.setattr(xlsx_list, "MAX_ROWS", 3)
    client = as_role("to_chuc")
    assert client.get("/", {"format": "xlsx", "gender": "nam"}).status_code == 200  # 3 men: within the limit
    response = client.get("/", {"format": "xlsx", "political_theory": ""})  # 5 cadres: over it
    assert response.status_code == 302
    assert response["Location"] == "/?political_theory="
    page = client.get(response["Location"]).content.decode()
    assert "Danh sách có 5 cán bộ, vượt giới hạn xuất Excel 3 dòng." in page
    assert AuditEntry.objects.filter(action="cadre.list_exported").count() == 1
