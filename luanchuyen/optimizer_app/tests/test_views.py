"""The optimizer screens: roles (200/403/404/405), bad input (400, Vietnamese, nothing changed), the flow."""
from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

HOME = "/luan-chuyen/KH-TEST/toi-uu/"
GOOD = {"on": "01/03/2026", "purpose": "dao_tao", "duration_months": "36", "planned_only": "on", "total_max": "3"}


def client_for(province, role) -> Client:
    c = Client()
    c.force_login(province.users[role])
    return c


def make_run(ready):
    from luanchuyen.optimizer_app.models import OptimizerRun

    response = client_for(ready, "to_chuc").post(HOME, GOOD)
    assert response.status_code == 302
    return OptimizerRun.objects.latest("pk")


@pytest.mark.parametrize("role, status", [("to_chuc", 200), ("lanh_dao", 200), ("kiem_tra", 403), ("don_vi", 403),
                                          ("can_bo", 403), ("quan_tri", 403)])
def test_the_optimizer_page_is_for_the_organization_committee_and_the_leadership(ready, role, status):
    response = client_for(ready, role).get(HOME)
    assert response.status_code == status
    if role == "to_chuc":
        assert b'id="run-form"' in response.content
    if role == "lanh_dao":
        assert b'id="run-form"' not in response.content


def test_anonymous_users_are_sent_to_the_login_page(ready):
    response = Client().get(HOME)
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_an_unknown_plan_is_a_404(ready):
    assert client_for(ready, "to_chuc").get("/luan-chuyen/KHONG-CO/toi-uu/").status_code == 404


def test_running_shows_the_assignment_its_score_parts_reasons_and_structure_impact(ready):
    run = make_run(ready)
    page = client_for(ready, "to_chuc").get(f"{HOME}{run.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Tối ưu (đã chứng minh)" in html
    assert 'data-candidate="CB0005" data-post="P021"' in html
    assert "Chức danh quy hoạch trùng chức danh nơi đến" in html
    assert "ROT-05" in html                      # a caution of the rules shown with the pair
    assert 'id="share-nu"' in html and 'id="localities"' in html and "Tỉnh Mẫu" in html
    assert "Tổng số cán bộ luân chuyển của kế hoạch từ 1 đến 3" in html
    assert 'id="resolve"' in html and 'id="accept"' in html


def test_the_leadership_reads_a_run_without_the_buttons(ready):
    run = make_run(ready)
    html = client_for(ready, "lanh_dao").get(f"{HOME}{run.pk}/").content.decode()
    assert 'data-candidate="CB0005"' in html and 'id="resolve"' not in html and 'id="accept"' not in html
    assert client_for(ready, "kiem_tra").get(f"{HOME}{run.pk}/").status_code == 403


def test_a_run_of_another_plan_is_not_found_under_this_plan(ready):
    from luanchuyen.rotation.models import RotationPlan

    run = make_run(ready)
    RotationPlan.objects.create(id="KH-KHAC", name="Kế hoạch khác", period_start=ready.plan.period_start,
                                period_end=ready.plan.period_end)
    assert client_for(ready, "to_chuc").get(f"/luan-chuyen/KH-KHAC/toi-uu/{run.pk}/").status_code == 404


@pytest.mark.parametrize("field, value, message", [
    ("on", "31/02/2026", "Ngày không hợp lệ"),
    ("on", "01/03/2031", "nằm ngoài thời gian của kế hoạch"),
    ("duration_months", "abc", "Thời gian luân chuyển phải là số tháng"),
    ("duration_months", "0", "ít nhất 1 tháng"),
    ("total_max", "-1", "không được âm"),
    ("purpose", "du_lich", "Mục đích luân chuyển không hợp lệ"),
])
def test_bad_parameters_get_a_vietnamese_message_and_no_run(ready, field, value, message):
    from luanchuyen.optimizer_app.models import OptimizerRun

    response = client_for(ready, "to_chuc").post(HOME, {**GOOD, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OptimizerRun.objects.exists()


@pytest.mark.parametrize("role", ["lanh_dao", "kiem_tra", "don_vi", "can_bo"])
def test_other_roles_may_not_run_choose_resolve_or_accept(ready, role):
    from luanchuyen.optimizer_app.models import OptimizerRun
    from luanchuyen.rotation.models import Proposal

    run = make_run(ready)
    c = client_for(ready, role)
    assert c.post(HOME, GOOD).status_code == 403
    assert c.post(f"{HOME}{run.pk}/chon/", {"action": "pin", "candidate": "CB0005", "post": "P002"}).status_code == 403
    assert c.post(f"{HOME}{run.pk}/giai-lai/").status_code == 403
    assert c.post(f"{HOME}{run.pk}/chap-nhan/").status_code == 403
    assert OptimizerRun.objects.count() == 1 and not Proposal.objects.exists()
    run.refresh_from_db()
    assert run.pins == []


def test_the_actions_take_post_only(ready):
    run = make_run(ready)
    c = client_for(ready, "to_chuc")
    for action in ("chon", "giai-lai", "chap-nhan"):
        assert c.get(f"{HOME}{run.pk}/{action}/").status_code == 405


def test_pin_forbid_resolve_and_accept_through_the_screens(ready):
    from luanchuyen.rotation.models import Proposal

    run = make_run(ready)
    c = client_for(ready, "to_chuc")
    c.post(f"{HOME}{run.pk}/chon/", {"action": "pin", "candidate": "CB0005", "post": "P002"})
    c.post(f"{HOME}{run.pk}/chon/", {"action": "forbid", "candidate": "CB0004", "post": "P021"})
    page = c.get(f"{HOME}{run.pk}/").content.decode()
    assert 'id="pending"' in page and "Ghim: Hoàng Thị Ánh (CB0005)" in page
    response = c.post(f"{HOME}{run.pk}/giai-lai/")
    new = response["Location"]
    html = c.get(new).content.decode()
    assert 'data-candidate="CB0005" data-post="P002"' in html
    assert 'data-candidate="CB0004" data-post="P021"' not in html
    response = c.post(f"{new}chap-nhan/")
    assert response.status_code == 302 and response["Location"] == "/luan-chuyen/KH-TEST/"
    plan_page = c.get("/luan-chuyen/KH-TEST/").content.decode()
    assert "Đã đưa" in plan_page and Proposal.objects.filter(plan_id="KH-TEST", cadre_id="CB0005").exists()
    # a second acceptance is refused with a message, nothing added
    count = Proposal.objects.count()
    c.post(f"{new}chap-nhan/")
    assert Proposal.objects.count() == count
    assert "đã được chấp nhận" in c.get(new).content.decode()


def test_a_bad_choice_gets_a_message_and_changes_nothing(ready):
    run = make_run(ready)
    c = client_for(ready, "to_chuc")
    c.post(f"{HOME}{run.pk}/chon/", {"action": "pin", "candidate": "CB0003", "post": "P021"})
    c.post(f"{HOME}{run.pk}/chon/", {"action": "explode", "candidate": "CB0005", "post": "P021"})
    html = c.get(f"{HOME}{run.pk}/").content.decode()
    assert "không có trong các cặp hợp lệ" in html and "Yêu cầu ghim/loại không hợp lệ" in html
    run.refresh_from_db()
    assert run.pins == [] and run.forbids == []


def test_an_impossible_run_shows_the_explanation(ready):
    from luanchuyen.optimizer_app.models import OptimizerRun

    c = client_for(ready, "to_chuc")
    c.post(HOME, {**GOOD, "total_min": "6", "total_max": "8"})
    run = OptimizerRun.objects.latest("pk")
    html = c.get(f"{HOME}{run.pk}/").content.decode()
    assert "Không có phương án thỏa mọi ràng buộc" in html and 'id="explanation"' in html and 'id="accept"' not in html


def test_every_view_of_a_run_is_audited(ready):
    from luanchuyen.audit.models import AuditEntry

    run = make_run(ready)
    client_for(ready, "lanh_dao").get(f"{HOME}{run.pk}/")
    entry = AuditEntry.objects.filter(action="optimizer.run.viewed", object_id=str(run.pk)).first()
    assert entry is not None and entry.actor == ready.users["lanh_dao"]


def test_preferences_page_records_a_wish_and_names_bad_input(ready):
    from luanchuyen.optimizer_app.models import StatedPreference

    c = client_for(ready, "to_chuc")
    url = "/luan-chuyen/KH-TEST/nguyen-vong/"
    bad = c.post(url, {"side": "cadre", "cadre": "CB9999", "unit": "U001", "points": "15"})
    assert bad.status_code == 400 and "Không có cán bộ mã «CB9999»" in bad.content.decode()
    assert c.post(url, {"side": "cadre", "cadre": "CB0002", "unit": "U001", "points": "20"}).status_code == 302
    assert StatedPreference.objects.get().points == 20
    assert client_for(ready, "lanh_dao").post(url, {"side": "cadre", "cadre": "CB0002", "unit": "U001",
                                                    "points": "20"}).status_code == 403
    assert client_for(ready, "don_vi").get(url).status_code == 403


def test_receiving_localities_are_named_for_the_plans_existing_proposals_too(ready):
    from luanchuyen.rotation.models import Proposal

    Proposal.objects.create(id="DX-T1", plan=ready.plan, cadre=ready.cadres["dung"], purpose="dao_tao",
                            start=dt.date(2026, 3, 1), end=dt.date(2029, 3, 1)).to_posts.set([ready.posts["P100"]])
    run = make_run(ready)
    html = client_for(ready, "to_chuc").get(f"{HOME}{run.pk}/").content.decode()
    assert "<td>Xã Đồng Xuân</td>" in html and "<td>X01</td>" not in html
