import datetime as dt

import pytest

from luanchuyen.cadres.models import PlanningEntry
from luanchuyen.eligibility.services import (
    EligibilityInputError,
    cadre_eligibility,
    check_from_db,
    check_in_office,
    check_proposals,
    eligible_cadre_ids,
    parse_date,
    parse_purpose,
)
from luanchuyen.interchange.services import export_document
from luanchuyen.organization.models import Post
from luanchuyen.rotation.models import Proposal, RotationPlan
from luanchuyen.rules.evaluate import check_document

pytestmark = pytest.mark.django_db
D = dt.date


def _with_a_plan_and_a_proposal(province):
    plan = RotationPlan.objects.create(
        id="KH1",
        name="Kế hoạch thử",
        period_start=D(2025, 8, 1),
        period_end=D(2027, 12, 31),
        targets={"total": {"min": 2, "max": 4}},
    )
    proposal = Proposal.objects.create(
        id="DX1",
        cadre=province.cadres["lan"],
        purpose="dao_tao",
        plan=plan,
        start=D(2025, 9, 1),
        end=D(2028, 9, 1),
    )
    proposal.to_posts.set([Post.objects.get(pk="P100")])
    return plan, proposal


def test_check_from_the_database_equals_check_over_the_exported_document(province):
    _with_a_plan_and_a_proposal(province)
    on = D(2026, 1, 1)
    doc = export_document(audit=False)
    expected_plans = check_document(doc, on)["plans"]
    doc["proposals"] = []  # without proposals, check gives each cadre's eligibility for training at --on
    expected = check_document(doc, on)
    got = check_in_office(on=on)
    in_office = {"CB0001", "CB0002", "CB0003", "CB0004", "CB0005"}
    assert got["results"] == [r for r in expected["results"] if r["cadre"] in in_office]
    assert got["plans"] == expected_plans


def test_the_database_proposals_are_checked_as_in_the_exported_document(province):
    _with_a_plan_and_a_proposal(province)
    expected = check_document(export_document(audit=False))
    got = check_proposals()
    assert got == expected and [r["proposal"] for r in got["results"]] == ["DX1"]
    assert check_proposals(unit_id="U001")["results"] == []  # DX1 leaves Sở Y tế (U020)
    assert [r["proposal"] for r in check_proposals(unit_id="U020")["results"]] == ["DX1"]


def test_a_unit_scope_keeps_the_cadres_holding_a_post_of_its_subtree_at_the_date(province):
    result = check_in_office(on=D(2026, 1, 1), unit_id="U020", purpose="hai_nhiem_ky")
    assert [r["cadre"] for r in result["results"]] == ["CB0002", "CB0003"]
    assert "plans" not in result
    rules = {v["rule"]: v["outcome"] for v in result["results"][0]["verdicts"]}
    assert rules["ROT-01"] == "not_applicable" and rules["ROT-02"] in ("pass", "fail")


def test_cadres_not_in_office_at_the_date_are_left_out(province):
    ids = [r["cadre"] for r in check_in_office(on=D(2025, 6, 30))["results"]]
    assert "CB0004" not in ids and "CB0001" in ids


def test_a_given_set_of_cadres_limits_the_check(province):
    result = check_in_office(on=D(2026, 1, 1), cadre_ids=["CB0002"])
    assert [r["cadre"] for r in result["results"]] == ["CB0002"]


def test_one_cadres_eligibility_names_retirement_and_every_rule(province):
    data = cadre_eligibility("CB0001", on=D(2024, 1, 1), purpose="dao_tao")
    assert data["retirement_month"] == "2037-04" and data["retirement_month_text"] == "04/2037"
    assert data["months_left"] == (2037 - 2024) * 12 + 3
    assert [v["rule"] for v in data["verdicts"]] == ["ROT-01", "ROT-02", "ROT-03", "ROT-07", "ROT-08"]
    rot03 = data["verdicts"][2]
    assert rot03["outcome"] == "pass" and rot03["outcome_text"] == "Đạt" and "Quy định" in rot03["citation"]
    assert data["eligible"] is (not any(v["outcome"] == "fail" for v in data["verdicts"]))


def test_eligible_ids_change_with_the_planning_record(province):
    on = D(2024, 1, 1)
    before = eligible_cadre_ids(["CB0001", "CB0002"], on=on)
    assert "CB0002" not in before  # no planning: ROT-03 fails
    PlanningEntry.objects.create(
        cadre=province.cadres["lan"], title_id="giam_doc_so", term="2020-2025", approved=D(2021, 3, 1)
    )
    data = cadre_eligibility("CB0002", on=on)
    assert {v["rule"]: v["outcome"] for v in data["verdicts"]}["ROT-03"] == "pass"
    assert ("CB0002" in eligible_cadre_ids(["CB0002"], on=on)) is data["eligible"]


@pytest.mark.parametrize("text", ["2026-02-30", "30/02/2026", "2026/01/01", "hôm nay", "2026-1-1"])
def test_a_bad_date_is_refused_in_vietnamese(text):
    with pytest.raises(EligibilityInputError) as e:
        parse_date(text)
    assert "Ngày xét" in e.value.message


def test_dates_are_read_in_both_forms_and_empty_means_the_default():
    assert parse_date("2026-01-15") == parse_date("15/01/2026") == D(2026, 1, 15)
    assert parse_date("", default=D(2020, 1, 1)) == D(2020, 1, 1)


def test_an_unknown_purpose_or_unit_is_refused_in_vietnamese(province):
    assert parse_purpose("") == "dao_tao"
    with pytest.raises(EligibilityInputError, match="Mục đích luân chuyển «xyz» không hợp lệ"):
        parse_purpose("xyz")
    with pytest.raises(EligibilityInputError, match="Không có đơn vị mã «U999»"):
        check_from_db(on=D(2026, 1, 1), unit_id="U999")
    with pytest.raises(EligibilityInputError, match="Không có đơn vị mã «U999»"):
        check_from_db(on=None, unit_id="U999", proposals=True)


def test_the_proposal_facts_give_the_verdicts_of_the_full_export(province):
    from luanchuyen.cadres.models import Appointment, Discipline, Education, Evaluation, Position
    from luanchuyen.eligibility.selectors import dataset_facts, proposal_facts

    _with_a_plan_and_a_proposal(province)
    lan, dung = province.cadres["lan"], province.cadres["dung"]
    Education.objects.create(
        cadre=lan, level="dai_hoc", field="khoa_hoc_tu_nhien", mode="chinh_quy", year=2006
    )
    Evaluation.objects.create(cadre=lan, year=2024, grade="htt")
    Appointment.objects.create(cadre=lan, post=Post.objects.get(pk="P021"), decided=D(2019, 5, 1))
    Discipline.objects.create(cadre=dung, form="khien_trach", decided=D(2025, 1, 1), until=D(2025, 12, 31))
    Position.objects.create(
        cadre=dung, post=Post.objects.get(pk="P100"), start=D(2025, 7, 1), concurrent=True
    )
    second = Proposal.objects.create(
        id="DX2", cadre=dung, purpose="hai_nhiem_ky", start=D(2026, 2, 1), end=D(2029, 2, 1)
    )
    second.to_posts.set([Post.objects.get(pk="P100")])
    for on in (None, D(2026, 1, 1)):
        assert check_proposals(on=on, facts=proposal_facts()) == check_proposals(on=on, facts=dataset_facts())
