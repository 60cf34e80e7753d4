"""Runs, pins and forbids, re-solving, acceptance into the plan's proposals; audit; refusals."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from luanchuyen.optimizer_app.tests.conftest import ON

pytestmark = pytest.mark.django_db


def params(**kwargs):
    from luanchuyen.optimizer_app.services import RunParameters

    return RunParameters(**{"on": ON, "purpose": "dao_tao", "duration_months": 36, **kwargs})


def run(ready, **kwargs):
    from luanchuyen.optimizer_app.services import optimizer_run

    return optimizer_run(plan=ready.plan, params=params(**kwargs), actor=ready.users["to_chuc"])


def chosen(r) -> set[tuple[str, str]]:
    return {(a["candidate"], a["post"]) for a in r.result["assignments"]}


def test_a_run_keeps_instance_result_and_details_and_is_audited(ready):
    from luanchuyen.audit.models import AuditEntry
    from luanchuyen.optimizer import validate

    r = run(ready)
    assert r.status == "optimal" and r.result["objective"] == r.result["bound"]
    assert validate(r.instance, r.result) == [] and r.result["validation"] == []
    assert 1 <= len(r.result["assignments"]) <= 3
    # the best pair of each candidate where nothing competes: Ánh to Phó Giám đốc Sở (planned title)
    assert ("CB0005", "P021") in chosen(r)
    entry = AuditEntry.objects.get(action="optimizer.run", object_id=str(r.pk))
    assert entry.actor == ready.users["to_chuc"] and entry.data["status"] == "optimal"
    assert entry.data["assignments"] == r.result["assignments"]


def test_pins_and_forbids_are_kept_and_honoured_when_solving_again(ready):
    from luanchuyen.optimizer import validate
    from luanchuyen.optimizer_app.services import optimizer_choose, optimizer_resolve

    first = run(ready)
    assert ("CB0005", "P002") not in chosen(first) and ("CB0004", "P021") in chosen(first)
    actor = ready.users["to_chuc"]
    optimizer_choose(run=first, action="pin", candidate="CB0005", post="P002", actor=actor)
    optimizer_choose(run=first, action="forbid", candidate="CB0004", post="P021", actor=actor)
    first.refresh_from_db()
    assert first.pins == [{"candidate": "CB0005", "post": "P002"}]
    assert first.forbids == [{"candidate": "CB0004", "post": "P021"}]
    second = optimizer_resolve(run=first, actor=actor)
    assert second.previous == first and second.pins == first.pins and second.forbids == first.forbids
    assert second.instance["constraints"]["fixed"] == first.pins
    assert second.instance["constraints"]["forbidden"] == first.forbids
    assert ("CB0005", "P002") in chosen(second) and ("CB0004", "P021") not in chosen(second)
    assert validate(second.instance, second.result) == []
    assert second.result["objective"] <= first.result["objective"]


def test_pinning_another_post_replaces_the_candidates_pin_and_a_pin_undoes_a_forbid(ready):
    from luanchuyen.optimizer_app.services import optimizer_choose

    r = run(ready)
    actor = ready.users["to_chuc"]
    optimizer_choose(run=r, action="forbid", candidate="CB0005", post="P021", actor=actor)
    optimizer_choose(run=r, action="pin", candidate="CB0005", post="P002", actor=actor)
    optimizer_choose(run=r, action="pin", candidate="CB0005", post="P021", actor=actor)
    r.refresh_from_db()
    assert r.pins == [{"candidate": "CB0005", "post": "P021"}] and r.forbids == []
    optimizer_choose(run=r, action="unpin", candidate="CB0005", post="P021", actor=actor)
    r.refresh_from_db()
    assert r.pins == []


def test_it_refuses_to_pin_a_pair_the_rules_do_not_allow_and_changes_nothing(ready):
    from luanchuyen.optimizer_app.services import OptimizerError, optimizer_choose

    r = run(ready)
    with pytest.raises(OptimizerError, match="không có trong các cặp hợp lệ"):
        optimizer_choose(run=r, action="pin", candidate="CB0003", post="P021", actor=ready.users["to_chuc"])
    with pytest.raises(OptimizerError, match="Thao tác không hợp lệ"):
        optimizer_choose(run=r, action="delete", candidate="CB0005", post="P021", actor=ready.users["to_chuc"])
    r.refresh_from_db()
    assert r.pins == [] and r.forbids == []


def test_accepting_creates_the_plans_proposals_in_one_go_with_audit_entries(ready):
    from luanchuyen.audit.models import AuditEntry
    from luanchuyen.optimizer_app.services import optimizer_accept
    from luanchuyen.rotation.models import Proposal

    r = run(ready, duration_months=48)
    created = optimizer_accept(run=r, actor=ready.users["to_chuc"])
    assert len(created) == len(r.result["assignments"])
    for a in r.result["assignments"]:
        p = Proposal.objects.get(plan=ready.plan, cadre_id=a["candidate"])
        assert p.purpose == "dao_tao" and p.start == ON and p.end == dt.date(2030, 3, 1)
        assert [post.pk for post in p.to_posts.all()] == [a["post"]]
        assert p.from_post_id == p.cadre.current_post_id
        assert AuditEntry.objects.filter(action="rotation.proposal.created", object_id=p.pk).exists()
    r.refresh_from_db()
    assert r.accepted_at is not None and r.accepted_by == ready.users["to_chuc"]
    assert AuditEntry.objects.get(action="optimizer.accepted", object_id=str(r.pk)).data["proposals"] == \
        [p.pk for p in created]


def test_it_refuses_to_accept_twice_or_to_duplicate_a_cadre_already_in_the_plan(ready):
    from luanchuyen.optimizer_app.services import OptimizerError, optimizer_accept
    from luanchuyen.rotation.models import Proposal

    first, second = run(ready), run(ready)
    optimizer_accept(run=first, actor=ready.users["to_chuc"])
    count = Proposal.objects.count()
    with pytest.raises(OptimizerError, match="đã được chấp nhận"):
        optimizer_accept(run=first, actor=ready.users["to_chuc"])
    with pytest.raises(OptimizerError, match="kế hoạch đã có đề xuất cho cán bộ"):
        optimizer_accept(run=second, actor=ready.users["to_chuc"])
    assert Proposal.objects.count() == count
    second.refresh_from_db()
    assert second.accepted_at is None


def test_acceptance_runs_the_rules_again_and_refuses_when_the_record_changed(ready):
    from luanchuyen.cadres.models import Discipline
    from luanchuyen.optimizer_app.services import OptimizerError, optimizer_accept
    from luanchuyen.rotation.models import Proposal

    r = run(ready)
    cadre = r.result["assignments"][0]["candidate"]
    Discipline.objects.create(cadre_id=cadre, form="khien_trach", decided=dt.date(2026, 1, 10),
                              until=dt.date(2027, 1, 9))
    with pytest.raises(OptimizerError, match="ROT-07"):
        optimizer_accept(run=r, actor=ready.users["to_chuc"])
    assert not Proposal.objects.filter(plan=ready.plan).exists()


def test_an_impossible_run_is_kept_with_the_optimizers_vietnamese_explanation_and_cannot_be_accepted(ready):
    from luanchuyen.optimizer_app.services import OptimizerError, optimizer_accept

    r = run(ready, total_min=6, total_max=8)
    assert r.status == "infeasible" and r.result["assignments"] == []
    assert any("tối thiểu" in line for line in r.result["explanation"])
    with pytest.raises(OptimizerError, match="không có phương án"):
        optimizer_accept(run=r, actor=ready.users["to_chuc"])


@pytest.mark.parametrize("change, message", [
    ({"on": dt.date(2027, 1, 1)}, "nằm ngoài thời gian của kế hoạch"),
    ({"on": dt.date(2025, 12, 31)}, "nằm ngoài thời gian của kế hoạch"),
    ({"duration_months": 0}, "từ 1 đến 120 tháng"),
    ({"duration_months": 121}, "từ 1 đến 120 tháng"),
    ({"total_min": 3, "total_max": 2}, "lớn hơn số tối đa"),
    ({"purpose": "du_lich"}, "Mục đích luân chuyển không hợp lệ"),
])
def test_it_refuses_bad_parameters_and_records_no_run(ready, change, message):
    from luanchuyen.optimizer_app.models import OptimizerRun
    from luanchuyen.optimizer_app.services import OptimizerError

    with pytest.raises(OptimizerError, match=message):
        run(ready, **change)
    assert not OptimizerRun.objects.exists()


def test_the_boundary_dates_of_the_plan_are_accepted(ready):
    assert run(ready, on=dt.date(2026, 1, 1)).pk and run(ready, on=dt.date(2026, 12, 31)).pk


def test_it_refuses_a_finished_plan(ready):
    from luanchuyen.optimizer_app.services import OptimizerError

    ready.plan.status = "finished"
    ready.plan.save()
    with pytest.raises(OptimizerError, match="đã kết thúc"):
        run(ready)


@pytest.mark.parametrize("role", ["lanh_dao", "kiem_tra", "don_vi", "can_bo", "quan_tri"])
def test_only_the_organization_committee_may_run_choose_or_accept(ready, role):
    from luanchuyen.optimizer_app.services import optimizer_accept, optimizer_choose, optimizer_run

    r = run(ready)
    user = ready.users[role]
    with pytest.raises(PermissionDenied):
        optimizer_run(plan=ready.plan, params=params(), actor=user)
    with pytest.raises(PermissionDenied):
        optimizer_choose(run=r, action="pin", candidate="CB0005", post="P021", actor=user)
    with pytest.raises(PermissionDenied):
        optimizer_accept(run=r, actor=user)


def test_preferences_are_checked_before_they_are_recorded(ready):
    from luanchuyen.optimizer_app.models import StatedPreference
    from luanchuyen.optimizer_app.services import OptimizerError, preference_add, preference_delete

    actor = ready.users["to_chuc"]
    with pytest.raises(OptimizerError, match="Không có cán bộ mã «CB9999»"):
        preference_add(plan=ready.plan, side="cadre", cadre_id="CB9999", unit_id="U001", actor=actor)
    with pytest.raises(OptimizerError, match="Cần ghi nơi đến"):
        preference_add(plan=ready.plan, side="cadre", cadre_id="CB0001", actor=actor)
    with pytest.raises(OptimizerError, match="cần ghi đơn vị"):
        preference_add(plan=ready.plan, side="receiving_unit", cadre_id="CB0001", locality_id="TM", actor=actor)
    assert not StatedPreference.objects.exists()
    pref = preference_add(plan=ready.plan, side="receiving_unit", cadre_id="CB0004", post_id="P021", actor=actor)
    assert pref.unit_id == "U020"   # the unit of the post
    preference_delete(plan=ready.plan, preference_id=pref.pk, actor=actor)
    assert not StatedPreference.objects.exists()
    with pytest.raises(PermissionDenied):
        preference_add(plan=ready.plan, side="cadre", cadre_id="CB0001", unit_id="U020", actor=ready.users["lanh_dao"])
