"""Command line: ``luanchuyen retirement`` (§10.2), ``check``, ``parameters``; bad input → Vietnamese, exit 2."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from luanchuyen.rules.cli import check_main, parameters_main, retirement_main

from .conftest import base_document


def run(main, argv, capsys) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("gender, birth, expected", [
    ("nam", "1965-06", {"retirement_age": {"years": 61, "months": 6}, "retirement_month": "2026-12",
                        "retirement_date": "2026-12-31", "pension_from": "2027-01-01"}),
    ("nam", "1965-07", {"retirement_age": {"years": 61, "months": 9}, "retirement_month": "2027-04",
                        "retirement_date": "2027-04-30", "pension_from": "2027-05-01"}),
    ("nu", "1968-09", {"retirement_age": {"years": 56, "months": 8}, "retirement_month": "2025-05",
                       "retirement_date": "2025-05-31", "pension_from": "2025-06-01"}),
    ("nam", "1963-04-17", {"retirement_age": {"years": 61, "months": 0}, "retirement_month": "2024-04",
                           "retirement_date": "2024-04-30", "pension_from": "2024-05-01"}),
])
def test_retirement_prints_the_contract_json(gender, birth, expected, capsys) -> None:
    code, out, err = run(retirement_main, ["--gender", gender, "--birth", birth], capsys)
    assert code == 0 and err == ""
    assert json.loads(out) == expected


def test_retirement_of_an_eligible_woman_under_decree_83_is_at_sixty(capsys) -> None:
    code, out, _ = run(retirement_main, ["--gender", "nu", "--birth", "1970-03", "--late-retirement-eligible"], capsys)
    assert code == 0
    assert json.loads(out)["retirement_month"] == "2030-03"


def test_retirement_with_only_a_birth_year_counts_from_january(capsys) -> None:
    code, out, _ = run(retirement_main, ["--gender", "nam", "--birth", "1965"], capsys)
    assert code == 0 and json.loads(out)["retirement_month"] == "2026-07"


@pytest.mark.parametrize("argv, message", [
    (["--gender", "nam"], "thiếu tham số bắt buộc: --birth"),
    (["--gender", "khac", "--birth", "1965-06"], "không hợp lệ cho --gender"),
    (["--gender", "nam", "--birth", "1965-13"], "tháng sinh 13 không hợp lệ"),
    (["--gender", "nam", "--birth", "1965-02-30"], "không tồn tại"),
    (["--gender", "nam", "--birth", "65/06"], "phải có dạng YYYY"),
    (["--gender", "nam", "--birth", "1965-06", "--them"], "tham số không được hỗ trợ"),
])
def test_retirement_bad_input_exits_2_with_a_vietnamese_message_and_no_traceback(argv, message, capsys) -> None:
    code, out, err = run(retirement_main, argv, capsys)
    assert code == 2 and out == ""
    assert message in err and err.startswith("Lỗi") and "Traceback" not in err


def write(tmp_path: Path, doc: object, name: str = "dataset.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_check_gives_each_proposal_its_verdicts_at_its_start_date(tmp_path, capsys) -> None:
    doc = base_document()
    doc["cadres"][0]["birth_date"] = "1972-03"
    code, out, _ = run(check_main, [write(tmp_path, doc)], capsys)
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"results"}
    entry = result["results"][0]
    assert set(entry) == {"proposal", "cadre", "eligible", "verdicts"}
    assert (entry["proposal"], entry["cadre"], entry["eligible"]) == ("DX_MAU", "CB_MAU", False)
    rot01 = entry["verdicts"][0]
    assert set(rot01) == {"rule", "outcome", "reason", "citation"}
    assert rot01["rule"] == "ROT-01" and rot01["outcome"] == "fail"
    assert rot01["reason"].startswith("Còn 98 tháng") and "Quy định 65-QĐ/TW, Điều 5" in rot01["citation"]


def test_check_eligible_is_false_exactly_when_some_verdict_fails(tmp_path, capsys) -> None:
    doc = base_document()
    doc["proposals"].append(dict(doc["proposals"][0], id="DX_NGAN", end="2027-01-01"))
    code, out, _ = run(check_main, [write(tmp_path, doc)], capsys)
    assert code == 0
    for entry in json.loads(out)["results"]:
        assert entry["eligible"] == all(v["outcome"] != "fail" for v in entry["verdicts"])
    assert [e["eligible"] for e in json.loads(out)["results"]] == [True, False]


def test_check_without_proposals_evaluates_general_eligibility_at_on(tmp_path, capsys) -> None:
    doc = base_document()
    doc["proposals"] = []
    code, out, _ = run(check_main, [write(tmp_path, doc), "--on", "2026-01-01"], capsys)
    assert code == 0
    entry = json.loads(out)["results"][0]
    assert entry["proposal"] is None and entry["cadre"] == "CB_MAU"
    assert [v["rule"] for v in entry["verdicts"]] == ["ROT-01", "ROT-02", "ROT-03", "ROT-07", "ROT-08"]


def test_check_without_proposals_and_without_on_is_refused(tmp_path, capsys) -> None:
    doc = base_document()
    doc["proposals"] = []
    code, out, err = run(check_main, [write(tmp_path, doc)], capsys)
    assert code == 2 and out == "" and "--on" in err


def test_check_table_output_is_for_people(tmp_path, capsys) -> None:
    code, out, _ = run(check_main, [write(tmp_path, base_document()), "--format", "table"], capsys)
    assert code == 0
    assert "Đề xuất DX_MAU — cán bộ CB_MAU Trần Văn Mẫu — ngày xét 01/01/2026: ĐỦ ĐIỀU KIỆN" in out
    assert "ROT-04" in out and "Đạt" in out


def test_check_with_rotation_plans_adds_the_plan_verdicts(tmp_path, capsys) -> None:
    doc = base_document()
    doc["rotation_plans"] = [{"id": "KH1", "name": "Kế hoạch 2026", "period_start": "2026-01-01",
                              "parameters": {"plan.rules": ["PLAN-COUNT"], "plan.count_min": 6, "plan.count_max": 8}}]
    doc["proposals"][0]["plan"] = "KH1"
    code, out, _ = run(check_main, [write(tmp_path, doc)], capsys)
    plans = json.loads(out)["plans"]
    assert code == 0 and plans[0]["plan"] == "KH1"
    assert next(v for v in plans[0]["verdicts"] if v["rule"] == "PLAN-COUNT")["outcome"] == "warn"


@pytest.mark.parametrize("content, message", [
    ("{không phải json", "không phải JSON hợp lệ"),
    (json.dumps({"format": "khac", "province": {"code": "TM"}}), "format: phải là «luanchuyen/v1»"),
    (json.dumps({"format": "luanchuyen/v1", "province": {"code": "TM"},
                 "cadres": [{"id": "A", "birth_date": "1970-02-30", "gender": "nam"}]}),
     "cadres dòng 1, trường birth_date"),
    (json.dumps({"format": "luanchuyen/v1", "province": {"code": "TM"}, "cadres": [{"id": "A"}],
                 "proposals": [{"id": "P", "cadre": "B", "purpose": "dao_tao", "to_posts": [], "start": "2026-01-01"}]}),
     "proposals dòng 1, trường cadre: không có cán bộ «B»"),
])
def test_check_bad_dataset_exits_2_naming_the_problem(tmp_path, capsys, content, message) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(check_main, [str(path)], capsys)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_check_bad_arguments_exit_2_in_vietnamese(tmp_path, capsys) -> None:
    assert run(check_main, [], capsys)[2].count("thiếu tham số bắt buộc") == 1
    code, _, err = run(check_main, [str(tmp_path / "khong-co.json")], capsys)
    assert code == 2 and "không tìm thấy tệp" in err
    code, _, err = run(check_main, [write(tmp_path, base_document()), "--on", "01/01/2026"], capsys)
    assert code == 2 and "phải có dạng YYYY-MM-DD" in err
    code, _, err = run(check_main, [write(tmp_path, base_document()), "--format", "xml"], capsys)
    assert code == 2 and "không hợp lệ cho --format" in err


def test_parameters_lists_every_parameter_in_force_with_its_source(capsys) -> None:
    code, out, _ = run(parameters_main, ["--on", "2026-01-01"], capsys)
    assert code == 0
    assert "rotation.min_duration_months — Thời gian tối thiểu của một lần luân chuyển (tháng)" in out
    assert "giá trị: 36 tháng (từ 01/07/2025, phạm vi trung ương)" in out
    assert "nguồn: Quy định 65-QĐ/TW, Điều 8 [P: diễn giải từ nguồn thứ cấp]" in out
    assert "xem thêm: Nghị định 170/2025/NĐ-CP, Điều 48" in out


def test_parameters_json_shows_values_before_and_after_a_change_of_law(capsys) -> None:
    _, out, _ = run(parameters_main, ["--on", "2025-10-07", "--format", "json"], capsys)
    before = {p["name"]: p for p in json.loads(out)["parameters"]}
    _, out, _ = run(parameters_main, ["--on", "2025-10-08", "--format", "json"], capsys)
    after = {p["name"]: p for p in json.loads(out)["parameters"]}
    assert before["appointment.min_months_in_post"]["value"] == 24
    assert after["appointment.min_months_in_post"]["value"] == 12
    assert after["planning.min_women_percent"]["in_force"] is False
    assert "bãi bỏ" in after["planning.min_women_percent"]["status"]


def test_parameters_bad_date_exits_2(capsys) -> None:
    code, _, err = run(parameters_main, ["--on", "2026-02-30"], capsys)
    assert code == 2 and "YYYY-MM-DD" in err
