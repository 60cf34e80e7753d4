"""The cadre record `/can-bo/<id>/` in the 2C layout: scoping (404, not 403), sections, audit."""
from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from luanchuyen.audit.models import AuditEntry


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_an_anonymous_visitor_is_sent_to_the_login_page(world):
    response = Client().get("/can-bo/CB0001/")
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=/can-bo/CB0001/"


def test_the_admin_role_may_not_read_a_record(as_role):
    assert as_role("quan_tri").get("/can-bo/CB0001/").status_code == 403


@pytest.mark.parametrize("role", ["to_chuc", "lanh_dao", "kiem_tra"])
def test_province_wide_roles_read_any_record(as_role, role):
    assert as_role(role).get("/can-bo/CB0005/").status_code == 200


def test_a_unit_user_gets_404_for_another_units_cadre_exactly_as_for_an_unknown_id(as_role):
    client = as_role("don_vi")
    other = client.get("/can-bo/CB0001/")
    unknown = client.get("/can-bo/KHONGCO/")
    assert other.status_code == unknown.status_code == 404
    assert text(other) == text(unknown)  # the same page: nothing tells that the record exists
    assert "Nguyễn Văn An" not in other.content.decode()


def test_a_unit_user_reads_the_cadres_of_the_units_below_it(as_role):
    assert as_role("don_vi").get("/can-bo/CB0003/").status_code == 200  # Chi cục Dân số, under Sở Y tế


def test_a_cadre_reads_their_own_record_and_nobody_elses(as_role):
    client = as_role("can_bo")
    assert client.get("/can-bo/CB0001/").status_code == 200
    assert client.get("/can-bo/CB0002/").status_code == 404


def test_the_record_shows_identity_party_and_health(as_role):
    page = text(as_role("to_chuc").get("/can-bo/CB0001/"))
    for expected in ["Nguyễn Văn An", "Mã cán bộ CB0001", "Giới tính Nam", "Ngày sinh 12/04/1975",
                     "Nơi sinh Huyện Đồng Xuân", "Quê quán Huyện Đồng Xuân", "Dân tộc Kinh", "Tôn giáo Không",
                     "Số CCCD 044075000123", "Ngày vào Đảng 19/05/1998", "Ngày chính thức 19/05/1999",
                     "cấp ngày 01/09/2025", "Tải Mẫu 2C (.docx)"]:
        assert expected in page, expected


def test_the_record_shows_education_political_theory_and_courses(as_role):
    page = text(as_role("to_chuc").get("/can-bo/CB0001/"))
    for expected in ["Lý luận chính trị Cao cấp", "Quản lý nhà nước Chuyên viên chính", "Ngoại ngữ Tiếng Anh B1",
                     "Thạc sĩ Kinh tế chính trị Kinh tế Tại chức Học viện Chính trị quốc gia Hồ Chí Minh 2005",
                     "Cao cấp lý luận chính trị Học viện Chính trị khu vực III 01/09/2012 – 20/12/2013"]:
        assert expected in page, expected


def test_the_work_history_runs_newest_first_and_marks_concurrent_posts(as_role):
    response = as_role("to_chuc").get("/can-bo/CB0001/")
    starts = [p.start.isoformat() for p in response.context["positions"]]
    assert starts == ["2020-01-01", "2018-05-01", "2015-03-01", "2010-03-01"]
    page = text(response)
    assert "01/01/2020 – 31/12/2021 Chi cục trưởng, Chi cục Dân số kiêm nhiệm" in page
    assert "01/05/2018 – nay Phó Trưởng Ban Tổ chức Tỉnh ủy, Ban Tổ chức Tỉnh ủy hiện tại" in page
    # the district unit as it was, although it ended on 30/06/2025
    assert "01/03/2015 – 30/04/2018 Bí thư Huyện ủy, Huyện ủy Đồng Xuân" in page


def test_the_record_shows_planning_appointments_discipline_proceedings_evaluations_exceptions(as_role):
    page = text(as_role("to_chuc").get("/can-bo/CB0001/"))
    for expected in ["Trưởng Ban Tổ chức Tỉnh ủy 2020-2025 01/03/2021 —",
                     "Giám đốc Sở 2015-2020 01/06/2016 01/05/2018",
                     "125-QĐ/TU ngày 20/04/2018 01/05/2018 – 30/04/2023",
                     "Khiển trách 01/06/2012 01/06/2013",
                     "Điều tra 10/01/2013 01/05/2013",
                     "2024 Hoàn thành xuất sắc nhiệm vụ 93",
                     "ROT-01 123-QĐ/TU 01/09/2025 Ban Thường vụ Tỉnh ủy"]:
        assert expected in page, expected


def test_the_record_shows_the_rotations_with_their_plan_and_placement(as_role):
    page = text(as_role("to_chuc").get("/can-bo/CB0001/"))
    assert ("Kế hoạch luân chuyển 2015–2020 Đào tạo, bồi dưỡng Trưởng phòng Ban Tổ chức Tỉnh ủy, Ban Tổ chức Tỉnh ủy "
            "Bí thư Huyện ủy, Huyện ủy Đồng Xuân 01/03/2015 – 30/04/2018 "
            "Bổ nhiệm Phó Trưởng Ban Tổ chức Tỉnh ủy") in page
    assert "Chưa luân chuyển." in text(as_role("to_chuc").get("/can-bo/CB0002/"))


def test_partial_birth_dates_show_only_what_is_known(as_role):
    client = as_role("to_chuc")
    assert "Ngày sinh 03/1984" in text(client.get("/can-bo/CB0002/"))
    assert "Ngày sinh 1968" in text(client.get("/can-bo/CB0004/"))


def test_an_empty_record_says_so_instead_of_failing(as_role):
    page = text(as_role("to_chuc").get("/can-bo/CB0003/"))
    assert "Chưa có văn bằng." in page and "Không có." in page


def test_each_record_view_is_audited(world, as_role):
    as_role("don_vi").get("/can-bo/CB0002/")
    entry = AuditEntry.objects.get(action="cadre.viewed")
    assert (entry.actor_name, entry.object_type, entry.object_id) == ("donvi", "cadres.cadre", "CB0002")


def test_the_record_needs_the_same_few_queries_however_long_the_history(world, as_role):
    client = as_role("to_chuc")
    client.get("/can-bo/CB0003/")  # warm the session
    counts = []
    for cadre_id in ("CB0001", "CB0003"):  # a full record and a nearly empty one
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/can-bo/{cadre_id}/")
        counts.append(len(queries))
    # session, user, cadre, which of the rare parts (discipline, proceedings, exceptions, rotations) exist,
    # one query per part present (two for rotations: their posts), audit
    assert max(counts) <= 16
    assert counts[1] <= counts[0] - 4   # the nearly empty record reads none of its absent rare parts
