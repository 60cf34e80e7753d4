"""Mẫu 2C/TCTW-98 as .docx (`/can-bo/<id>/mau-2c.docx`): content, Times New Roman, A4, scoping, audit."""
from __future__ import annotations

import io

import time_machine
from django.test import Client
from docx import Document
from docx.oxml.ns import qn

from luanchuyen.audit.models import AuditEntry

URL = "/can-bo/CB0001/mau-2c.docx"


def document(response) -> Document:
    return Document(io.BytesIO(response.content))


def all_paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def full_text(doc) -> str:
    return "\n".join(p.text for p in all_paragraphs(doc))


def table_rows(doc) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in doc.tables for row in t.rows]


def test_the_2c_is_a_word_attachment_with_a_deterministic_name(as_role):
    response = as_role("to_chuc").get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == ("application/vnd.openxmlformats-officedocument."
                                        "wordprocessingml.document")
    assert response["Content-Disposition"] == 'attachment; filename="mau-2c-CB0001.docx"'


def test_the_2c_has_the_form_header_and_the_cadres_identity(as_role):
    body = full_text(document(as_role("to_chuc").get(URL)))
    for expected in ["Mẫu 2C/TCTW-98", "SƠ YẾU LÝ LỊCH CÁN BỘ", "Số hiệu cán bộ: CB0001", "Tỉnh ủy: Tỉnh Mẫu",
                     "1) Họ và tên khai sinh: NGUYỄN VĂN AN", "2) Nam, nữ: Nam",
                     "5) Sinh ngày: 12 tháng 04 năm 1975", "6) Nơi sinh: Huyện Đồng Xuân",
                     "9) Dân tộc: Kinh   10) Tôn giáo: Không",
                     "14) Ngày vào cơ quan hiện đang công tác: 01/05/2018",
                     "15) Ngày vào Đảng Cộng sản Việt Nam: 19/05/1998   Ngày chính thức: 19/05/1999",
                     "Lý luận chính trị: Cao cấp", "26) Số CCCD: 044075000123",
                     "24) Kỷ luật (Đảng, chính quyền, đoàn thể, cấp quyết định, năm nào, hình thức): Khiển trách"]:
        assert expected in body, expected


def test_the_2c_has_the_training_and_work_history_tables_oldest_first(as_role):
    rows = table_rows(document(as_role("to_chuc").get(URL)))
    assert ["Trường Đại học Luật Hà Nội", "Luật học", "1997", "Chính quy", "Đại học"] in rows
    history = [r for r in rows if len(r) == 2 and "–" in r[0] and "/" in r[0]]
    assert history == [
        ["03/2010 – 02/2015", "Trưởng phòng Ban Tổ chức Tỉnh ủy, Ban Tổ chức Tỉnh ủy"],
        ["03/2015 – 04/2018", "Bí thư Huyện ủy, Huyện ủy Đồng Xuân"],
        ["05/2018 – nay", "Phó Trưởng Ban Tổ chức Tỉnh ủy, Ban Tổ chức Tỉnh ủy"],
        ["01/2020 – 12/2021", "Kiêm nhiệm Chi cục trưởng, Chi cục Dân số"],
    ]
    assert ["2024", "Hoàn thành xuất sắc nhiệm vụ", "93"] in rows


def test_the_2c_is_signed_with_the_date_in_vietnamese(as_role):
    with time_machine.travel("2025-10-01 09:00 +07:00", tick=False):
        body = full_text(document(as_role("to_chuc").get(URL)))
    assert "……………, ngày 01 tháng 10 năm 2025" in body
    assert "Tôi xin cam đoan những lời khai trên đây là đúng sự thật" in body


def test_every_run_of_the_2c_is_times_new_roman_on_a4(as_role):
    doc = document(as_role("to_chuc").get(URL))
    runs = [r for p in all_paragraphs(doc) for r in p.runs if r.text.strip()]
    assert len(runs) > 50
    assert {r.font.name for r in runs} == {"Times New Roman"}
    assert {r._element.rPr.rFonts.get(qn("w:eastAsia")) for r in runs} == {"Times New Roman"}
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "Times New Roman"
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_a_partial_birth_date_leaves_the_unknown_parts_blank(as_role):
    body = full_text(document(as_role("to_chuc").get("/can-bo/CB0002/mau-2c.docx")))
    assert "5) Sinh ngày: …… tháng 03 năm 1984" in body


def test_a_unit_user_cannot_export_another_units_cadre(as_role):
    client = as_role("don_vi")
    assert client.get(URL).status_code == 404
    assert client.get("/can-bo/CB0002/mau-2c.docx").status_code == 200


def test_a_cadre_exports_only_their_own_2c(as_role):
    client = as_role("can_bo")
    assert client.get(URL).status_code == 200
    assert client.get("/can-bo/CB0002/mau-2c.docx").status_code == 404


def test_the_admin_role_and_anonymous_visitors_get_no_2c(as_role):
    assert as_role("quan_tri").get(URL).status_code == 403
    response = Client().get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/")


def test_each_2c_export_is_audited(world, as_role):
    as_role("to_chuc").get(URL)
    entry = AuditEntry.objects.get(action="cadre.exported_2c")
    assert (entry.actor_name, entry.object_id) == ("tochuc", "CB0001")
