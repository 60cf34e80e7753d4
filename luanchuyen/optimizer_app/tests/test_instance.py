"""The instance built from a plan, a date and a purpose: candidates, posts, pairs allowed by the rules,
scores with their parts, constraints from the plan's targets (DOMAIN.md §10.3)."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from luanchuyen.optimizer_app.tests.conftest import ON

pytestmark = pytest.mark.django_db


def build(plan_id="KH-TEST", on=ON, purpose="dao_tao", **kwargs):
    from luanchuyen.eligibility.selectors import dataset_facts
    from luanchuyen.optimizer_app.instance import build_instance

    facts = dataset_facts()
    return facts, build_instance(facts, plan_id=plan_id, on=on, purpose=purpose,
                                 duration_months=kwargs.pop("duration_months", 36), **kwargs)


def test_every_pair_is_a_proposal_the_rules_allow_and_its_score_is_the_sum_of_its_parts(ready):
    from luanchuyen.optimizer import parse_instance
    from luanchuyen.rules.evaluate import Evaluator
    from luanchuyen.rules.facts import ProposalFacts

    facts, built = build()
    parse_instance(built.instance)  # a well-formed §10.3 instance
    assert built.instance["pairs"], "the small province has allowed pairs on 01/03/2026"
    evaluator = Evaluator(facts)
    for pair in built.instance["pairs"]:
        cadre, post = facts.cadres[pair["candidate"]], facts.posts[pair["post"]]
        verdicts = evaluator.proposal(ProposalFacts(
            id="x", cadre_id=cadre.id, purpose="dao_tao", from_post=cadre.position_at(ON).post, to_posts=(post,),
            start=ON, end=dt.date(2029, 3, 1), outstanding_capacity=False, plan_id="KH-TEST", actual_end=None,
            placement=None, evaluations=None, allowance=None))
        assert all(v.outcome != "fail" for v in verdicts)
        detail = built.details["pairs"][f"{cadre.id}|{post.id}"]
        assert pair["score"] == detail["score"] == sum(part["points"] for part in detail["parts"])
        assert all(part["label"] for part in detail["parts"])
        cautions = {(v.rule_id, v.outcome) for v in verdicts if v.outcome in ("warn", "needs_review")}
        assert {(v["rule"], v["outcome"]) for v in detail["verdicts"]} == cautions


def test_only_paperwork_fails_are_not_blocking():
    from types import SimpleNamespace

    from luanchuyen.optimizer_app.instance import blocking

    verdicts = [SimpleNamespace(rule_id="ROT-08", outcome="fail"), SimpleNamespace(rule_id="ROT-01", outcome="fail"),
                SimpleNamespace(rule_id="ROT-04", outcome="warn"), SimpleNamespace(rule_id="ROT-02", outcome="pass")]
    assert [v.rule_id for v in blocking(verdicts)] == ["ROT-01"]
    assert blocking(verdicts[:1]) == []


def test_an_outdated_health_certificate_keeps_the_cadre_and_shows_on_each_pair_as_paperwork(ready):
    from luanchuyen.cadres.models import Cadre

    # Đạt's certificate is 7 months old on 01/03/2026: ROT-08 fails, which the dossier cures before the
    # decision — he stays a candidate, and each of his pairs says what is to be done.
    Cadre.objects.filter(pk="CB0004").update(health_certificate=dt.date(2025, 7, 20))
    _, built = build()
    assert "CB0004" in {c["id"] for c in built.instance["candidates"]}
    his = [k for k in built.details["pairs"] if k.startswith("CB0004|")]
    assert his
    for key in his:
        assert {"rule": "ROT-08", "outcome": "fail"} in [
            {"rule": v["rule"], "outcome": v["outcome"]} for v in built.details["pairs"][key]["verdicts"]]
    assert not any("ROT-08" in reason for reason in built.details["excluded"]["candidates"])


def test_candidates_are_in_office_and_generally_eligible_and_planned_unless_asked_otherwise(ready):
    from luanchuyen.cadres.models import PlanningEntry

    _, built = build()
    ids = {c["id"] for c in built.instance["candidates"]}
    assert ids == {"CB0001", "CB0002", "CB0004", "CB0005"}          # Dũng (born 1968) misses ROT-01's 120 months
    assert "Không đủ điều kiện chung (ROT-01)" in built.details["excluded"]["candidates"]

    PlanningEntry.objects.filter(cadre_id="CB0005").update(removed=dt.date(2026, 2, 1))
    _, planned = build()
    assert "CB0005" not in {c["id"] for c in planned.instance["candidates"]}
    assert planned.details["excluded"]["candidates"]["Không có quy hoạch còn hiệu lực"] == 1
    # ROT-03 requires planning for a training rotation anyway; another purpose may take unplanned cadres
    _, anyone = build(purpose="khong_phai_nguoi_dia_phuong", planned_only=False, duration_months=60)
    assert "CB0005" in {c["id"] for c in anyone.instance["candidates"]}


def test_posts_are_those_with_a_free_slot_at_the_date_less_the_plans_own_proposals(ready):
    from luanchuyen.rotation.models import Proposal

    _, built = build()
    assert {p["id"]: p["slots"] for p in built.instance["posts"]} == {"P002": 2, "P021": 2}
    assert {p["locality"] for p in built.instance["posts"]} == {"TM"}
    proposal = Proposal.objects.create(id="DX-T1", plan=ready.plan, cadre=ready.cadres["anh"], purpose="dao_tao",
                                       start=ON, end=dt.date(2029, 3, 1))
    proposal.to_posts.set([ready.posts["P021"]])
    _, after = build()
    # P021 has one slot less; P001 is free while Ánh, who holds it, is away on the rotation (as ROT-06 counts)
    assert {p["id"]: p["slots"] for p in after.instance["posts"]} == {"P001": 1, "P002": 2, "P021": 1}
    assert "CB0005" not in {c["id"] for c in after.instance["candidates"]}
    assert after.details["excluded"]["candidates"]["Đã có đề xuất trong kế hoạch"] == 1
    assert after.details["existing"]["count"] == 1 and after.details["existing"]["localities"] == {"TM": 1}


def test_the_score_parts_follow_the_record(ready):
    from luanchuyen.cadres.models import Education
    from luanchuyen.organization.models import Post, Title

    Education.objects.create(cadre=ready.cadres["lan"], level="dai_hoc", field="khoa_hoc_tu_nhien",
                             mode="chinh_quy", year=2006)
    Post.objects.create(id="P022", unit=ready.units["syt"], title=Title.objects.get(pk="giam_doc_so"), slots=1)
    _, built = build()
    parts = {key: {p["key"] for p in d["parts"]} for key, d in built.details["pairs"].items()}
    assert {"woman", "young", "planned_title"} <= parts["CB0005|P021"]       # Hoàng Thị Ánh, 35, planned Phó GĐ Sở
    assert not {"woman", "young", "planned_title"} & parts["CB0001|P021"]   # Nguyễn Văn An, 50, planned Trưởng Ban
    assert "sector_field" in parts["CB0002|P022"]                            # y tế ← khoa học tự nhiên
    assert "sector_field" not in parts.get("CB0004|P022", set())
    assert "not_rotated" in parts["CB0004|P021"]
    young = built.details["young_age"]
    assert young == 42  # structure.young_age_years in force in 2026 (Chỉ thị 45)
    assert built.details["candidates"]["CB0005"]["groups"] == ["nu", "tre"]


def test_stated_preferences_of_the_cadre_and_of_the_receiving_unit_add_their_points(ready):
    from luanchuyen.optimizer_app.models import StatedPreference

    _, before = build()
    StatedPreference.objects.create(plan=ready.plan, side="cadre", cadre=ready.cadres["lan"],
                                    unit=ready.units["btc"], points=25, note="muốn về Ban Tổ chức")
    StatedPreference.objects.create(plan=ready.plan, side="receiving_unit", cadre=ready.cadres["dat"],
                                    unit=ready.units["syt"], points=30)
    from luanchuyen.optimizer_app.services import plan_preferences

    _, after = build(preferences=plan_preferences(ready.plan))
    score = {k: v["score"] for k, v in after.details["pairs"].items()}
    old = {k: v["score"] for k, v in before.details["pairs"].items()}
    assert score["CB0002|P002"] == old["CB0002|P002"] + 25
    assert score["CB0004|P021"] == old["CB0004|P021"] + 30
    assert score["CB0005|P021"] == old["CB0005|P021"]
    labels = [p["label"] for p in after.details["pairs"]["CB0002|P002"]["parts"]]
    assert "Nguyện vọng của cán bộ: muốn về Ban Tổ chức" in labels


def test_the_plans_targets_become_the_constraints_and_existing_proposals_count_toward_the_total(ready):
    from luanchuyen.rotation.models import Proposal

    ready.plan.targets = {"total": {"min": 2, "max": 4}, "group_share_min": {"nu": 30}, "max_in_per_locality": 2,
                          "min_in_per_locality": 1, "max_out_per_unit": 1, "posts": ["P020"]}
    ready.plan.save()
    Proposal.objects.create(id="DX-T1", plan=ready.plan, cadre=ready.cadres["dung"], purpose="dao_tao",
                            start=ON, end=dt.date(2029, 3, 1)).to_posts.set([ready.posts["P100"]])
    _, built = build()
    c = built.instance["constraints"]
    assert c["total"] == {"min": 1, "max": 3}
    assert c["group_share_min"] == {"nu": 30} and c["max_in_per_locality"] == 2
    assert c["min_in_per_locality"] == 1 and c["max_out_per_unit"] == 1
    assert "P020" in {p["id"] for p in built.instance["posts"]}  # named by the plan, though held: rules decide
    _, own = build(total_min=0, total_max=1, pins=[{"candidate": "CB0001", "post": "P021"}],
                   forbids=[{"candidate": "CB0002", "post": "P002"}])
    assert own.instance["constraints"]["total"] == {"min": 0, "max": 1}
    assert own.instance["constraints"]["fixed"] == [{"candidate": "CB0001", "post": "P021"}]
    assert own.instance["constraints"]["forbidden"] == [{"candidate": "CB0002", "post": "P002"}]


def test_malformed_targets_are_named_and_left_out(ready):
    ready.plan.targets = {"group_share_min": {"nu": "mười"}, "max_in_per_locality": -1}
    ready.plan.save()
    _, built = build()
    assert "group_share_min" not in built.instance["constraints"]
    assert "max_in_per_locality" not in built.instance["constraints"]
    assert len(built.details["problems"]) == 2 and "bỏ qua" in built.details["problems"][0]


def test_the_demo_plan_gives_a_valid_instance_that_solves_to_a_checked_optimum():
    from django.core.management import call_command

    from luanchuyen.optimizer import solve, validate

    call_command("demo-data", verbosity=0)
    start = time.perf_counter()
    facts, built = build(plan_id="KH-LC-2026", total_max=4)
    build_seconds = time.perf_counter() - start
    result = solve(built.instance, time_limit=30)
    assert result["status"] == "optimal" and result["objective"] == result["bound"]
    assert validate(built.instance, result) == []
    assert 1 <= len(result["assignments"]) <= 4
    assert built.details["existing"]["count"] == len({p.cadre_id for p in facts.proposals if p.plan_id == "KH-LC-2026"})
    assert not {a["candidate"] for a in result["assignments"]} & {p.cadre_id for p in facts.proposals
                                                                    if p.plan_id == "KH-LC-2026"}
    print(f"demo instance: {len(built.instance['candidates'])} candidates, {len(built.instance['posts'])} posts, "
          f"{len(built.instance['pairs'])} pairs; facts + build {build_seconds:.2f} s, solve {result['seconds']:.3f} s")
