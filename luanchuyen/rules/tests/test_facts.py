"""The builder from ``luanchuyen/v1`` to facts, and the facts' time helpers."""
from __future__ import annotations

import datetime as dt

import pytest

from luanchuyen.rules.engine.errors import DatasetError, MissingFacts
from luanchuyen.rules.evaluate import evaluate_general_eligibility, rotation_status
from luanchuyen.rules.facts import facts_from_document

from .conftest import base_document

D = dt.date


def test_the_base_document_builds_with_posts_resolved_to_titles_units_and_localities() -> None:
    dataset = facts_from_document(base_document())
    post = dataset.posts["P_BT_X01"]
    assert (post.title.name, post.unit.name, post.locality) == ("Bí thư Đảng ủy xã", "Đảng ủy xã Đồng Xuân", "X01")
    assert dataset.posts["P_GD_STC"].locality == "TM"            # provincial unit → the province
    assert dataset.posts["P_TP_H01"].locality == "H01"           # department of a district → the district (parent unit)
    assert dataset.within("XH01", "TM") and not dataset.within("TM", "XH01")


def test_the_cadre_facts_answer_questions_at_a_reference_time() -> None:
    cadre = facts_from_document(base_document()).cadres["CB_MAU"]
    assert cadre.position_at(D(2018, 1, 1)).post.id == "P_PGD_STC"
    assert cadre.position_at(D(2026, 1, 1)).post.id == "P_PB_BTC"
    assert cadre.months_left(D(2026, 1, 31)) == 196
    assert cadre.age_on(D(2026, 5, 14)) == 45 and cadre.age_on(D(2026, 5, 15)) == 46
    assert [e.title.id for e in cadre.planning_in_force(D(2026, 1, 1))] == ["truong_ban_tinh"]


def test_missing_gender_or_birth_is_a_missing_fact_not_a_guess() -> None:
    doc = base_document()
    doc["cadres"][0]["gender"] = None
    cadre = facts_from_document(doc).cadres["CB_MAU"]
    with pytest.raises(MissingFacts) as info:
        cadre.months_left(D(2026, 1, 1))
    assert info.value.what == "giới tính"


def test_every_problem_of_a_bad_document_is_named_by_list_row_and_field() -> None:
    doc = base_document()
    doc["cadres"][0]["birth_date"] = "1980-13"
    doc["cadres"][0]["positions"][0]["post"] = "P_KHONG_CO"
    doc["cadres"].append({"id": "CB_MAU"})
    doc["proposals"].append(dict(doc["proposals"][0], id="DX_2", cadre="CB_KHONG_CO"))
    doc["proposals"].append(dict(doc["proposals"][0], id="DX_3", purpose="du_lich"))
    doc["posts"].append({"id": "P_X", "unit": "U_KHONG_CO", "title": "bi_thu_xa"})
    with pytest.raises(DatasetError) as info:
        facts_from_document(doc)
    found = {(p["list"], p["row"], p["field"]) for p in info.value.problems}
    assert ("cadres", 1, "birth_date") in found
    assert ("cadres", 2, "id") in found
    assert ("proposals", 1, "cadre") in found          # CB_MAU itself was refused (row 1 of cadres)
    assert ("proposals", 2, "cadre") in found
    assert ("proposals", 3, "cadre") in found
    assert ("posts", len(doc["posts"]), "unit") in found
    assert "cadres dòng 1, trường birth_date" in info.value.message


def test_an_unknown_purpose_is_named() -> None:
    doc = base_document()
    doc["proposals"][0]["purpose"] = "du_lich"
    with pytest.raises(DatasetError) as info:
        facts_from_document(doc)
    assert info.value.problems == [{"list": "proposals", "row": 1, "field": "purpose",
                                    "message": "mục đích «du_lich» không hợp lệ (cho phép: dao_tao, hai_nhiem_ky, "
                                               "khong_phai_nguoi_dia_phuong)"}]


def test_a_malformed_nested_item_is_reported_not_raised_as_a_traceback() -> None:
    doc = base_document()
    doc["cadres"][0]["positions"] = ["P_PB_BTC"]
    with pytest.raises(DatasetError) as info:
        facts_from_document(doc)
    assert info.value.problems[0]["list"] == "cadres"


def test_general_eligibility_works_on_a_cadre_alone_with_central_parameters() -> None:
    cadre = facts_from_document(base_document()).cadres["CB_MAU"]
    verdicts = evaluate_general_eligibility(cadre, D(2026, 1, 1))
    assert [v.outcome for v in verdicts] == ["pass", "not_applicable", "pass", "pass", "pass"]


def test_rotation_status_follows_the_rotation_and_the_stable_placement_decision() -> None:
    doc = base_document()
    doc["proposals"][0]["placement"] = {"kind": "on_dinh_noi_den", "decision": "45-QĐ/TU", "date": "2028-06-01"}
    proposal = facts_from_document(doc).proposals[0]
    assert rotation_status(proposal, D(2025, 12, 31)) == "chua_bat_dau"
    assert rotation_status(proposal, D(2027, 1, 1)) == "dang_luan_chuyen"
    assert rotation_status(proposal, D(2028, 6, 1)) == "bo_tri_on_dinh"


def test_blank_strings_mean_unknown_as_in_the_interchange_format() -> None:
    doc = base_document()
    doc["cadres"][0].update(health_certificate="", religion="", birthplace="", political_theory="")
    doc["proposals"][0].update(from_post="", plan="", placement="")
    dataset = facts_from_document(doc)
    cadre, proposal = dataset.cadres["CB_MAU"], dataset.proposals[0]
    assert (cadre.health_certificate, cadre.religion, cadre.birthplace, cadre.political_theory) == (None,) * 4
    assert (proposal.from_post, proposal.plan_id, proposal.placement) == (None, None, None)


def test_a_position_ends_before_its_end_date_so_the_next_may_start_that_day() -> None:
    doc = base_document()
    doc["cadres"][0]["positions"] = [
        {"post": "P_PGD_STC", "start": "2012-01-01", "end": "2019-05-01", "concurrent": False},
        {"post": "P_PB_BTC", "start": "2019-05-01", "end": None, "concurrent": False}]
    cadre = facts_from_document(doc).cadres["CB_MAU"]
    assert cadre.position_at(D(2019, 4, 30)).post.id == "P_PGD_STC"
    assert cadre.position_at(D(2019, 5, 1)).post.id == "P_PB_BTC"
