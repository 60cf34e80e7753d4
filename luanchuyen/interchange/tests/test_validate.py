"""The checks of validate_document: every problem, named by list, row and field, in Vietnamese."""
from __future__ import annotations

import pytest

from luanchuyen.interchange.services import import_document
from luanchuyen.interchange.tests.builders import build_document, cadre
from luanchuyen.interchange.validate import Problem, validate_document

pytestmark = pytest.mark.django_db


def where(problems: list[Problem]) -> set[tuple]:
    return {(p.list, p.row, p.field) for p in problems}


def test_the_test_document_has_no_problem():
    assert validate_document(build_document()) == []


def test_a_document_that_is_not_an_object_is_one_problem():
    problems = validate_document(["not", "a", "document"])
    assert len(problems) == 1
    assert "đối tượng JSON" in problems[0].message


def test_a_missing_or_wrong_format_marker_is_reported():
    doc = build_document()
    del doc["format"]
    assert where(validate_document(doc)) == {("", None, "format")}
    problems = validate_document(build_document(format="luanchuyen/v2"))
    assert where(problems) == {("", None, "format")}
    assert "luanchuyen/v2" in problems[0].message


def test_a_missing_province_and_another_provinces_data_are_reported():
    doc = build_document()
    del doc["province"]
    assert where(validate_document(doc)) == {("", None, "province")}
    problems = validate_document(build_document(province={"code": "QB", "name": "Quảng Bình"}))
    assert where(problems) == {("", None, "province.code")}
    assert "PROVINCE_CODE" in problems[0].message


def test_unknown_keys_are_reported_not_silently_dropped():
    doc = build_document(extra=1)
    cadre(doc, "CB0001")["birthdate"] = "1984"
    assert where(validate_document(doc)) == {("", None, "extra"), ("cadres", 1, "birthdate")}


def test_a_missing_required_field_is_named_by_list_row_and_field():
    doc = build_document()
    del doc["units"][1]["block"]
    doc["cadres"][2]["full_name"] = "   "
    problems = validate_document(doc)
    assert where(problems) == {("units", 2, "block"), ("cadres", 3, "full_name")}
    assert all(p.message == "thiếu giá trị bắt buộc" for p in problems)


def test_wrong_types_are_reported_in_vietnamese():
    doc = build_document()
    doc["units"][0]["staff_total"] = "42"
    doc["titles"][0]["key_title"] = "yes"
    doc["titles"][1]["rank"] = 5.5
    doc["localities"][0]["name"] = 12
    problems = {(p.list, p.field): p.message for p in validate_document(doc)}
    assert problems[("units", "staff_total")].startswith("phải là số nguyên")
    assert problems[("titles", "key_title")].startswith("phải là true hoặc false")
    assert problems[("titles", "rank")].startswith("phải là số nguyên")
    assert problems[("localities", "name")].startswith("phải là chuỗi ký tự")


def test_bad_dates_are_reported_and_only_birth_dates_may_be_partial():
    doc = build_document()
    doc["units"][0]["valid_from"] = "01/01/1990"
    doc["posts"][0]["valid_from"] = "1990-02-30"
    doc["localities"][0]["valid_from"] = "1990"
    c = cadre(doc, "CB0001")
    c["birth_date"] = "1984-3"
    c["positions"][0]["end"] = "2019-5-1"
    problems = validate_document(doc)
    assert where(problems) == {
        ("units", 1, "valid_from"), ("posts", 1, "valid_from"), ("localities", 1, "valid_from"),
        ("cadres", 1, "birth_date"), ("cadres", 1, "positions[1].end"),
    }
    messages = {p.field: p.message for p in problems if p.list == "posts"}
    assert "không tồn tại" in messages["valid_from"]


@pytest.mark.parametrize("birth", ["1984", "1984-03", "1984-03-15"])
def test_a_birth_date_may_be_a_year_a_month_or_a_day(birth):
    doc = build_document()
    cadre(doc, "CB0003")["birth_date"] = birth
    assert validate_document(doc) == []


def test_a_value_outside_its_enumeration_lists_the_allowed_values():
    doc = build_document()
    cadre(doc, "CB0001")["gender"] = "female"
    cadre(doc, "CB0001")["evaluations"][0]["grade"] = "tot"
    problems = validate_document(doc)
    assert where(problems) == {("cadres", 1, "gender"), ("cadres", 1, "evaluations[1].grade")}
    gender = next(p for p in problems if p.field == "gender")
    assert "'female'" in gender.message and "nu = Nữ" in gender.message


def test_duplicate_ids_name_both_rows():
    doc = build_document()
    doc["posts"].append(dict(doc["posts"][0]))
    problems = validate_document(doc)
    assert where(problems) == {("posts", 6, "id")}
    assert "'P001'" in problems[0].message and "dòng 1" in problems[0].message


def test_unknown_references_are_reported_for_every_row_that_uses_them():
    doc = build_document()
    doc["posts"][0]["unit"] = "U999"
    cadre(doc, "CB0001")["positions"][1]["post"] = "P999"
    cadre(doc, "CB0002")["planning"] = [{"title": "khong_co", "term": "2020-2025"}]
    doc["proposals"][0]["to_posts"] = ["P060", "P998"]
    problems = validate_document(doc)
    assert where(problems) == {
        ("posts", 1, "unit"), ("cadres", 1, "positions[2].post"), ("cadres", 2, "planning[1].title"),
        ("proposals", 1, "to_posts"),
    }
    assert all("không tìm thấy" in p.message for p in problems)


def test_references_may_point_at_rows_already_in_the_database():
    import_document(build_document())
    doc = build_document(localities=[], units=[], titles=[], posts=[], proposals=[], rotation_plans=[])
    doc["cadres"] = [cadre(doc, "CB0003")]
    doc["cadres"][0]["id"] = "CB0100"
    doc["cadres"][0]["positions"][0]["post"] = "P010"
    assert validate_document(doc) == []


def test_end_dates_before_start_dates_are_reported():
    doc = build_document()
    doc["units"][0]["valid_to"] = "1989-12-31"
    cadre(doc, "CB0001")["positions"][0]["end"] = "2014-12-31"
    cadre(doc, "CB0002")["proceedings"][0]["to"] = "2025-01-09"
    doc["proposals"][0]["end"] = "2025-12-31"
    assert where(validate_document(doc)) == {
        ("units", 1, "valid_to"), ("cadres", 1, "positions[1].end"), ("cadres", 2, "proceedings[1].to"),
        ("proposals", 1, "end"),
    }


def test_female_staff_above_the_total_and_zero_slots_are_reported():
    doc = build_document()
    doc["units"][0]["staff_female"] = 43
    doc["posts"][1]["slots"] = 0
    problems = validate_document(doc)
    assert where(problems) == {("units", 1, "staff_female"), ("posts", 2, "slots")}


def test_overlapping_primary_positions_are_reported_but_a_handover_day_and_concurrent_posts_are_not():
    doc = build_document()
    # CB0002 already has a handover on 30/06/2025 and a concurrent post inside a primary one
    assert validate_document(doc) == []
    cadre(doc, "CB0002")["positions"][2]["start"] = "2025-06-29"
    problems = validate_document(doc)
    assert where(problems) == {("cadres", 2, "positions[3].start")}
    assert "positions[1]" in problems[0].message and "P050" in problems[0].message


def test_two_open_primary_positions_overlap():
    doc = build_document()
    cadre(doc, "CB0001")["positions"][0]["end"] = None
    assert where(validate_document(doc)) == {("cadres", 1, "positions[2].start")}


def test_planning_terms_must_be_five_year_terms():
    doc = build_document()
    cadre(doc, "CB0001")["planning"][0]["term"] = "2020"
    cadre(doc, "CB0001")["planning"][1]["term"] = "2025-2031"
    problems = validate_document(doc)
    assert where(problems) == {("cadres", 1, "planning[1].term"), ("cadres", 1, "planning[2].term")}


def test_two_evaluations_of_the_same_year_are_reported():
    doc = build_document()
    cadre(doc, "CB0001")["evaluations"][1]["year"] = 2023
    assert where(validate_document(doc)) == {("cadres", 1, "evaluations[2].year")}


def test_a_cycle_of_parents_is_reported():
    doc = build_document()
    doc["localities"][0]["parent"] = "H01"
    problems = validate_document(doc)
    assert len(problems) == 1 and problems[0].list == "localities" and "vòng lặp" in problems[0].message


def test_text_longer_than_the_database_allows_is_reported():
    doc = build_document()
    cadre(doc, "CB0001")["citizen_id"] = "0" * 21
    problems = validate_document(doc)
    assert where(problems) == {("cadres", 1, "citizen_id")}
    assert "20 ký tự" in problems[0].message


def test_every_problem_is_listed_not_only_the_first():
    doc = build_document()
    doc["localities"][0]["level"] = "vung"
    doc["units"][2]["locality"] = "H99"
    doc["titles"].append(dict(doc["titles"][0]))
    cadre(doc, "CB0001")["birth_date"] = "84"
    cadre(doc, "CB0003")["gender"] = None
    doc["proposals"][0]["purpose"] = "thang_chuc"
    assert len(validate_document(doc)) == 6


def test_a_problem_reads_as_a_vietnamese_sentence():
    problem = Problem("cadres", 12, "birth_date", "ngày sinh '84' không đúng dạng")
    assert str(problem) == "Danh sách cadres, dòng 12, trường birth_date: ngày sinh '84' không đúng dạng"
    in_workbook = Problem("CanBo", 13, "Ngày sinh", "ngày sinh '84' không đúng dạng", workbook=True)
    assert str(in_workbook) == "Trang tính CanBo, dòng 13, cột Ngày sinh: ngày sinh '84' không đúng dạng"


def test_a_nul_character_that_no_database_can_store_is_reported():
    doc = build_document()
    cadre(doc, "CB0001")["religion"] = "Không\x00"
    assert where(validate_document(doc)) == {("cadres", 1, "religion")}
