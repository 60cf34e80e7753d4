"""Parameter files: every one loads, every dated value is cited, loading is strict, lookups are dated."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from luanchuyen.rules import retirement
from luanchuyen.rules.engine.errors import NoValueInForce, ParameterError
from luanchuyen.rules.engine.params import PACKAGE_PARAMETERS_DIR, ParameterStore, ParamsAt, default_store
from luanchuyen.rules.engine.registry import RULES
from luanchuyen.rules.engine.schema import CONFIDENCE_LABELS

D = dt.date


def test_every_parameter_file_loads_and_every_dated_value_is_cited_with_a_confidence_label() -> None:
    store = ParameterStore.load(PACKAGE_PARAMETERS_DIR)
    assert len(store.definitions) >= 60
    for definition in store.definitions.values():
        dated = list(definition.values) + [v for vals in definition.province_overrides.values() for v in vals]
        assert dated or definition.plan_only, definition.name
        for value in dated:
            assert value.citation.document, definition.name
            assert value.citation.article or value.citation.section, definition.name
            assert value.citation.confidence in CONFIDENCE_LABELS, definition.name
            for other in value.see_also:
                assert other.confidence in CONFIDENCE_LABELS, definition.name


def test_every_parameter_names_rules_of_the_catalogue() -> None:
    for definition in default_store().definitions.values():
        for rule_id in definition.rules:
            assert rule_id in RULES, f"{definition.name}: {rule_id}"


def test_the_shipped_parameters_carry_no_province_override() -> None:
    assert all(not d.province_overrides for d in default_store().definitions.values())


def test_a_value_before_the_first_date_raises_no_value_in_force() -> None:
    with pytest.raises(NoValueInForce) as info:
        ParamsAt(D(2016, 12, 31))("rotation.min_duration_months")
    assert "07/10/2017" in info.value.message


def test_a_repealed_value_raises_no_value_in_force_naming_the_repeal() -> None:
    assert ParamsAt(D(2025, 10, 7))("planning.min_women_percent").value == 25
    with pytest.raises(NoValueInForce) as info:
        ParamsAt(D(2025, 10, 8))("planning.min_women_percent")
    assert "bãi bỏ từ 08/10/2025" in info.value.message


def test_a_plan_only_parameter_has_no_value_without_a_plan() -> None:
    with pytest.raises(NoValueInForce):
        ParamsAt(D(2026, 1, 1))("plan.count_min")
    assert ParamsAt(D(2026, 1, 1), plan_overrides={"plan.count_min": 6})("plan.count_min").value == 6


def test_each_value_applies_from_its_date_until_the_next() -> None:
    assert ParamsAt(D(2025, 10, 7))("appointment.min_months_in_post").value == 24
    assert ParamsAt(D(2025, 10, 8))("appointment.min_months_in_post").value == 12
    assert ParamsAt(D(2022, 4, 27))("rotation.min_months_left_training").citation.document == "Quy định 98-QĐ/TW"
    assert ParamsAt(D(2022, 4, 28))("rotation.min_months_left_training").citation.document == "Quy định 65-QĐ/TW"


def test_a_plan_override_wins_and_cites_the_plan() -> None:
    p = ParamsAt(D(2026, 1, 1), "TM", {"rotation.min_duration_months": {"value": 48, "citation": "Kế hoạch 12-KH/TU"}})
    value = p("rotation.min_duration_months")
    assert (value.value, value.scope, value.citation.document) == (48, "ke_hoach", "Kế hoạch 12-KH/TU")


def test_a_plan_override_of_an_unknown_parameter_or_of_the_wrong_type_is_an_error() -> None:
    with pytest.raises(ParameterError):
        ParamsAt(D(2026, 1, 1), plan_overrides={"rotation.no_such_thing": 1})
    with pytest.raises(ParameterError):
        ParamsAt(D(2026, 1, 1), plan_overrides={"rotation.min_duration_months": "ba năm"})
    with pytest.raises(ParameterError):
        ParamsAt(D(2026, 1, 1), plan_overrides={"plan.rules": ["ROT-99"]})


def test_the_retirement_roadmap_parameter_matches_the_retirement_code() -> None:
    roadmap = ParamsAt(D(2026, 1, 1))("retirement.roadmap").value
    assert roadmap["first_year"] == retirement.FIRST_YEAR
    assert (roadmap["men_start_months"], roadmap["men_step_months"], roadmap["men_final_months"]) == (
        retirement.START_AGE_MONTHS["nam"], retirement.STEP_MONTHS["nam"], retirement.FINAL_AGE_MONTHS["nam"])
    assert (roadmap["women_start_months"], roadmap["women_step_months"], roadmap["women_final_months"]) == (
        retirement.START_AGE_MONTHS["nu"], retirement.STEP_MONTHS["nu"], retirement.FINAL_AGE_MONTHS["nu"])
    old = ParamsAt(D(2020, 1, 1))("retirement.old_ages").value
    assert old == retirement.OLD_AGE_MONTHS
    assert ParamsAt(D(2023, 1, 1))("retirement.late_women_age_years").value * 12 == retirement.LATE_RETIREMENT_AGE_MONTHS


# -- strict loading ---------------------------------------------------------------------------------
GOOD = """\
description: Thời gian luân chuyển tối thiểu
type: integer
values:
  2022-04-28:
    value: 36
    citation: {document: Quy định 65-QĐ/TW, article: "8", confidence: P}
"""


def load_one(tmp_path: Path, text: str) -> ParameterStore:
    folder = tmp_path / "params" / "rotation"
    folder.mkdir(parents=True)
    (folder / "min_duration_months.yaml").write_text(text, encoding="utf-8")
    return ParameterStore.load(tmp_path / "params")


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    store = load_one(tmp_path, GOOD)
    assert store.value_at("rotation.min_duration_months", D(2026, 1, 1)).value == 36


@pytest.mark.parametrize("broken, message", [
    (GOOD + "extra: 1\n", "khóa không hợp lệ"),
    (GOOD.replace("    citation: {document: Quy định 65-QĐ/TW, article: \"8\", confidence: P}\n", ""), "thiếu trích dẫn"),
    (GOOD.replace("2022-04-28", "tu-28/4/2022"), "không phải ngày"),
    (GOOD.replace("confidence: P", "confidence: X"), "confidence"),
    (GOOD.replace('article: "8", ', ""), "article"),
    (GOOD.replace("value: 36", "value: ba mươi sáu"), "không đúng kiểu"),
    (GOOD.replace("    value: 36\n", ""), "thiếu «value»"),
    (GOOD + "  2022-04-28:\n    value: 48\n    citation: {document: X, article: '1', confidence: D}\n", "khóa trùng lặp"),
    (GOOD.replace("description: Thời gian luân chuyển tối thiểu\n", ""), "description"),
    (GOOD.replace("type: integer", "type: money"), "type"),
])
def test_a_malformed_file_is_refused_at_load_with_a_vietnamese_message(tmp_path: Path, broken: str, message: str) -> None:
    with pytest.raises(ParameterError) as info:
        load_one(tmp_path, broken)
    assert message in info.value.message


def test_the_shipped_directory_can_be_copied_and_loaded_elsewhere(tmp_path: Path) -> None:
    target = tmp_path / "parameters"
    shutil.copytree(PACKAGE_PARAMETERS_DIR, target)
    assert ParameterStore.load(target).definitions.keys() == default_store().definitions.keys()
