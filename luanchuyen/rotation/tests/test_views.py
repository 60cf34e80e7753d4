"""Rotation plan screens: who sees which plans and proposals, plan-level verdicts, audit."""
from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(province):
    from luanchuyen.rotation.models import Proposal, RotationPlan

    plan = RotationPlan.objects.create(id="KH-2026", name="Kế hoạch luân chuyển năm 2026",
                                       period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31),
                                       status="in_progress", targets={"total": {"min": 1, "max": 2}})
    # one proposal of a cadre of Sở Y tế (the don_vi user's unit), one of Ban Tổ chức
    p1 = Proposal.objects.create(id="DX-01", plan=plan, cadre=province.cadres["lan"], purpose="dao_tao",
                                 from_post=province.posts["P021"], start=dt.date(2026, 3, 1), end=dt.date(2029, 3, 1))
    p1.to_posts.set([province.posts["P002"]])
    p2 = Proposal.objects.create(id="DX-02", plan=plan, cadre=province.cadres["an"], purpose="dao_tao",
                                 from_post=province.posts["P002"], start=dt.date(2026, 4, 1), end=dt.date(2029, 4, 1))
    p2.to_posts.set([province.posts["P021"]])
    return plan


def client_for(province, role) -> Client:
    c = Client()
    c.force_login(province.users[role])
    return c


@pytest.mark.parametrize("role, status", [("to_chuc", 200), ("lanh_dao", 200), ("kiem_tra", 200), ("don_vi", 200),
                                          ("can_bo", 403), ("quan_tri", 403)])
def test_the_plan_list_is_for_every_role_but_a_cadre_and_the_administrator(province, plan, role, status):
    response = client_for(province, role).get("/luan-chuyen/")
    assert response.status_code == status
    if status == 200:
        assert "Kế hoạch luân chuyển năm 2026" in response.content.decode()


def test_the_list_counts_the_proposals_a_unit_user_may_see(province, plan):
    html = client_for(province, "to_chuc").get("/luan-chuyen/").content.decode()
    assert '<td class="num">2</td>' in html
    html = client_for(province, "don_vi").get("/luan-chuyen/").content.decode()
    assert '<td class="num">1</td>' in html


def test_anonymous_users_are_sent_to_the_login_page(province, plan):
    response = Client().get("/luan-chuyen/KH-2026/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_the_plan_page_shows_targets_proposals_and_the_plan_rules(province, plan):
    html = client_for(province, "to_chuc").get("/luan-chuyen/KH-2026/").content.decode()
    assert "Trần Thị Lan" in html and "Nguyễn Văn An" in html
    assert "Phó Trưởng Ban Tổ chức Tỉnh ủy – Ban Tổ chức Tỉnh ủy" in html
    assert "01/03/2026" in html and "01/03/2029" in html
    assert 'id="plan-verdicts"' in html and "PLAN-COUNT" in html
    assert "Kế hoạch có 2 cán bộ luân chuyển, dự kiến từ 1 đến 2" in html
    assert 'id="open-optimizer"' in html


def test_a_unit_user_sees_only_proposals_of_its_own_cadres_and_no_plan_verdicts(province, plan):
    html = client_for(province, "don_vi").get("/luan-chuyen/KH-2026/").content.decode()
    assert "Trần Thị Lan" in html and "Nguyễn Văn An" not in html and "DX-02" not in html
    assert 'id="plan-verdicts"' not in html and 'id="open-optimizer"' not in html


def test_a_unit_user_with_no_cadre_in_the_plan_gets_nothing(province, plan):
    from luanchuyen.rotation.models import Proposal

    Proposal.objects.filter(pk="DX-01").delete()
    html = client_for(province, "don_vi").get("/luan-chuyen/KH-2026/").content.decode()
    assert "không có đề xuất nào cho cán bộ thuộc đơn vị của bạn" in html and "DX-0" not in html


def test_inspection_reads_the_plan_without_the_optimizer_link(province, plan):
    html = client_for(province, "kiem_tra").get("/luan-chuyen/KH-2026/").content.decode()
    assert "Nguyễn Văn An" in html and 'id="plan-verdicts"' in html and 'id="open-optimizer"' not in html


@pytest.mark.parametrize("role", ["can_bo", "quan_tri"])
def test_a_cadre_and_the_administrator_get_403_on_a_plan(province, plan, role):
    assert client_for(province, role).get("/luan-chuyen/KH-2026/").status_code == 403


def test_an_unknown_plan_is_a_404_and_post_is_not_allowed(province, plan):
    c = client_for(province, "to_chuc")
    assert c.get("/luan-chuyen/KHONG-CO/").status_code == 404
    assert c.post("/luan-chuyen/KH-2026/").status_code == 405


def test_every_plan_view_is_audited_with_the_proposals_shown(province, plan):
    from luanchuyen.audit.models import AuditEntry

    client_for(province, "don_vi").get("/luan-chuyen/KH-2026/")
    entry = AuditEntry.objects.get(action="rotation.plan.viewed", object_id="KH-2026")
    assert entry.actor == province.users["don_vi"] and entry.data["proposals"] == ["DX-01"]
    client_for(province, "lanh_dao").get("/luan-chuyen/")
    assert AuditEntry.objects.filter(action="rotation.plan.listed", actor=province.users["lanh_dao"]).exists()
