"""Every YAML case under ``cases/`` is one test: a sentence, facts, a reference time, an outcome.

A file ``cases/<RULE-ID>.yaml`` holds ``rule``, ``context`` and ``cases``; each case changes the
base dataset (``cases/_base.yaml``) and says what the rule must conclude::

    - name: Còn đúng 120 tháng công tác thì đạt
      on: 2026-01-01                 # reference time (proposal context: default = proposal start)
      cadre: {birth_date: "1974-01"} # merged over the base cadre CB_MAU
      proposal: {purpose: dao_tao}   # merged over the base proposal DX_MAU
      plan: {parameters: {...}}      # adds rotation plan KH_MAU and puts DX_MAU in it
      add: {cadres: [...]}           # items appended to lists of the base dataset
      replace: {proposals: []}       # lists replaced
      expect: {outcome: fail, reason_contains: "119 tháng", citation_contains: "Quy định 65-QĐ/TW"}
"""
from __future__ import annotations

import datetime as dt

import pytest

from luanchuyen.rules.engine.params import load_yaml
from luanchuyen.rules.engine.registry import RULES
from luanchuyen.rules.engine.verdict import OUTCOMES
from luanchuyen.rules.evaluate import (eligible, evaluate_appointment, evaluate_cadre, evaluate_followup,
                                       evaluate_general_eligibility, evaluate_plan, evaluate_planning,
                                       evaluate_planning_list, evaluate_proposal, evaluate_structure,
                                       evaluate_training)
from luanchuyen.rules.facts import facts_from_document
from luanchuyen.rules.regulations.common import ascii_fold
from luanchuyen.rules.retirement import compute_retirement

from .conftest import CASES_DIR, base_document, to_json_like

CASE_KEYS = {"name", "context", "on", "province", "cadre", "proposal", "plan", "add", "replace", "purpose", "to_post",
             "cadre_id", "proposal_id", "expect"}
EXPECT_KEYS = {"outcome", "reason_contains", "reason_not_contains", "citation_contains", "citation_not_contains",
               "eligible", "retirement_month", "retirement_age", "retirement_date", "pension_from", "exception"}


def load_cases() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        data = load_yaml(path)
        rule_id, context = data["rule"], data["context"]
        assert path.stem == rule_id, f"{path.name}: tên tệp phải là mã quy tắc {rule_id}"
        for case in data["cases"]:
            params.append(pytest.param(rule_id, context, case, id=f"{rule_id}: {ascii_fold(case['name'])}"))
    return params


def build_document(case: dict) -> dict:
    doc = base_document()
    cadre, proposal = doc["cadres"][0], doc["proposals"][0]
    cadre.update(to_json_like(case.get("cadre", {})))
    proposal.update(to_json_like(case.get("proposal", {})))
    if "plan" in case:
        plan = {"id": "KH_MAU", "name": "Kế hoạch luân chuyển mẫu", "period_start": "2026-01-01",
                "period_end": "2028-12-31", "status": "dang_thuc_hien", "parameters": {}, "targets": {}}
        plan.update(to_json_like(case["plan"]))
        doc["rotation_plans"] = [plan]
        proposal.setdefault("plan", plan["id"])
    for key, items in to_json_like(case.get("add", {})).items():
        doc.setdefault(key, []).extend(items)
    for key, items in to_json_like(case.get("replace", {})).items():
        doc[key] = items
    return doc


def evaluate(context: str, case: dict, doc: dict):
    dataset = facts_from_document(doc)
    on = case.get("on")
    province = case.get("province")
    cadre = dataset.cadres.get(case.get("cadre_id", "CB_MAU"))
    proposal_id = case.get("proposal_id", "DX_MAU")
    if context == "proposal":
        return evaluate_proposal(dataset, proposal_id, on=on, province=province)
    if context == "followup":
        return evaluate_followup(dataset, proposal_id, on, province=province)
    if context == "eligibility":
        return evaluate_general_eligibility(cadre, on, case.get("purpose", "dao_tao"), dataset=dataset, province=province)
    if context == "cadre":
        return evaluate_cadre(cadre, on, dataset=dataset, province=province)
    if context == "planning":
        return evaluate_planning(cadre, on, dataset=dataset, province=province)
    if context == "training":
        return evaluate_training(cadre, on, dataset=dataset, province=province)
    if context == "appointment":
        return evaluate_appointment(dataset, cadre, case["to_post"], on, province=province)
    if context == "plan":
        return evaluate_plan(dataset, "KH_MAU", on, province=province)
    if context == "planning_list":
        return evaluate_planning_list(dataset, dataset.cadres.values(), on, province=province)
    if context == "body":
        return evaluate_structure(dataset, dataset.cadres.values(), on, province=province)
    raise AssertionError(f"ngữ cảnh không biết: {context}")


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("rule_id, context, case", load_cases())
def test_rule_case(rule_id: str, context: str, case: dict) -> None:
    assert set(case) <= CASE_KEYS, f"khóa không hợp lệ: {set(case) - CASE_KEYS}"
    expect = case["expect"]
    assert set(expect) <= EXPECT_KEYS, f"khóa không hợp lệ: {set(expect) - EXPECT_KEYS}"
    assert expect["outcome"] in OUTCOMES
    context = case.get("context", context)
    assert context in RULES[rule_id].contexts, f"{rule_id} không thuộc ngữ cảnh {context}"
    if context != "proposal":
        assert isinstance(case.get("on"), dt.date), "mỗi trường hợp phải ghi rõ ngày xét (on)"
    verdicts = evaluate(context, case, build_document(case))
    found = [v for v in verdicts if v.rule_id == rule_id]
    assert len(found) == 1, f"{rule_id} không có trong kết quả ngữ cảnh {context}"
    verdict = found[0]
    detail = f"{verdict.outcome}: {verdict.reason} [{verdict.citation}]"
    assert verdict.outcome == expect["outcome"], detail
    assert verdict.reason.strip(), "lý do không được rỗng"
    for text in as_list(expect.get("reason_contains", [])):
        assert text in verdict.reason, detail
    for text in as_list(expect.get("reason_not_contains", [])):
        assert text not in verdict.reason, detail
    for text in as_list(expect.get("citation_contains", [])):
        assert text in verdict.citation, detail
    for text in as_list(expect.get("citation_not_contains", [])):
        assert text not in verdict.citation, detail
    if "eligible" in expect:
        assert eligible(verdicts) is expect["eligible"], detail
    if "exception" in expect:
        assert (verdict.exception is not None) is expect["exception"], detail
    if "retirement_month" in expect:
        cadre = build_document(case)["cadres"][0]
        retirement = compute_retirement(cadre["gender"], cadre["birth_date"], cadre.get("late_retirement_eligible", False))
        assert retirement.month.iso == expect["retirement_month"]
        if "retirement_age" in expect:
            years, months = expect["retirement_age"]
            assert (retirement.age_years_part, retirement.age_months_part) == (years, months)
        if "retirement_date" in expect:
            assert retirement.retirement_date == expect["retirement_date"]
        if "pension_from" in expect:
            assert retirement.pension_from == expect["pension_from"]


def test_every_catalogue_rule_has_a_case_file_with_at_least_two_cases() -> None:
    files = {path.stem: load_yaml(path) for path in CASES_DIR.glob("*.yaml") if not path.name.startswith("_")}
    missing = [rule_id for rule_id in RULES if rule_id not in files]
    assert not missing, f"thiếu tệp trường hợp: {missing}"
    thin = [rule_id for rule_id, data in files.items() if len(data["cases"]) < 2]
    assert not thin, f"cần ít nhất 2 trường hợp: {thin}"


def test_every_case_file_names_a_rule_of_the_catalogue_and_its_context() -> None:
    for path in CASES_DIR.glob("*.yaml"):
        if path.name.startswith("_"):
            continue
        data = load_yaml(path)
        assert data["rule"] in RULES, path.name
        assert data["context"] in RULES[data["rule"]].contexts, path.name


def test_case_names_are_unique_sentences() -> None:
    names = [p.values[2]["name"] for p in load_cases()]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert not duplicates, f"tên trường hợp bị trùng: {duplicates}"
    assert all(len(name.split()) >= 4 for name in names), "tên trường hợp phải là một câu"
