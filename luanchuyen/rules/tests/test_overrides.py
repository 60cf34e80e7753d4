"""A province override changes that province's verdicts only, with the new citation, no code change.

The override is data: a ``province_overrides`` block in the parameter file (here in a copy of the
parameters directory, as a deployment would keep its own), selected by the dataset's province code
or ``--province``; ``$LUANCHUYEN_PARAMETERS_DIR`` points the commands at that directory.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from luanchuyen.rules.cli import check_main
from luanchuyen.rules.engine.params import ENV_PARAMETERS_DIR, PACKAGE_PARAMETERS_DIR, ParameterStore, set_default_store
from luanchuyen.rules.evaluate import check_document, evaluate_proposal
from luanchuyen.rules.facts import facts_from_document

from .conftest import base_document

OVERRIDE = """\
province_overrides:
  XY:
    2023-01-01:
      value: 48
      citation:
        document: Quy định 12-QĐ/TU của Ban Thường vụ Tỉnh ủy XY
        article: "6"
        clause: "1"
        confidence: V
"""


@pytest.fixture()
def overridden(tmp_path: Path) -> ParameterStore:
    folder = tmp_path / "parameters"
    shutil.copytree(PACKAGE_PARAMETERS_DIR, folder)
    path = folder / "rotation" / "min_duration_months.yaml"
    path.write_text(path.read_text(encoding="utf-8") + OVERRIDE, encoding="utf-8")
    return ParameterStore.load(folder)


def rot04(store: ParameterStore, province: str, **proposal) -> object:
    doc = base_document()
    doc["province"]["code"] = province
    doc["proposals"][0].update(proposal)
    dataset = facts_from_document(doc, store=store)
    return next(v for v in evaluate_proposal(dataset, "DX_MAU", store=store) if v.rule_id == "ROT-04")


def test_province_xy_needs_48_months_with_its_own_citation(overridden: ParameterStore) -> None:
    verdict = rot04(overridden, "XY")
    assert verdict.outcome == "fail"
    assert "chưa đủ 48 tháng" in verdict.reason
    assert verdict.citation == "Quy định 12-QĐ/TU của Ban Thường vụ Tỉnh ủy XY, Điều 6 khoản 1"
    assert verdict.params_used[0].scope == "tinh"


def test_other_provinces_keep_the_central_36_months(overridden: ParameterStore) -> None:
    verdict = rot04(overridden, "TM")
    assert verdict.outcome == "pass"
    assert "Quy định 65-QĐ/TW, Điều 8" in verdict.citation


def test_province_xy_passes_with_48_months(overridden: ParameterStore) -> None:
    assert rot04(overridden, "XY", end="2030-01-01").outcome == "pass"


def test_before_its_date_the_province_override_does_not_apply(overridden: ParameterStore) -> None:
    verdict = rot04(overridden, "XY", start="2022-06-01", end="2025-06-01")
    assert verdict.outcome == "pass" and "Quy định 65-QĐ/TW" in verdict.citation


def test_the_province_can_be_chosen_for_a_whole_check(overridden: ParameterStore) -> None:
    result = check_document(base_document(), province="XY", store=overridden)
    rot = next(v for v in result["results"][0]["verdicts"] if v["rule"] == "ROT-04")
    assert rot["outcome"] == "fail" and result["results"][0]["eligible"] is False


def test_the_check_command_reads_the_override_directory_from_the_environment(
        overridden: ParameterStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    dataset = tmp_path / "dataset.json"
    dataset.write_text(json.dumps(base_document(), ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(ENV_PARAMETERS_DIR, str(overridden.root))
    set_default_store(None)
    try:
        assert check_main([str(dataset), "--province", "XY"]) == 0
        out = json.loads(capsys.readouterr().out)
    finally:
        monkeypatch.delenv(ENV_PARAMETERS_DIR)
        set_default_store(None)
    rot = next(v for v in out["results"][0]["verdicts"] if v["rule"] == "ROT-04")
    assert rot["outcome"] == "fail" and "12-QĐ/TU" in rot["citation"]


def test_a_province_extends_the_definition_of_local_by_years_of_work(tmp_path: Path) -> None:
    folder = tmp_path / "parameters"
    shutil.copytree(PACKAGE_PARAMETERS_DIR, folder)
    path = folder / "rotation" / "local_by_work_years.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """\
province_overrides:
  TM:
    2020-01-01:
      value: 20
      citation: {document: Quy định 5-QĐ/TU tỉnh Mẫu, article: "2", confidence: V}
""", encoding="utf-8")
    store = ParameterStore.load(folder)
    doc = base_document()
    doc["localities"].append({"id": "KT", "name": "Tỉnh Khác", "level": "tinh", "parent": None})
    cadre = doc["cadres"][0]
    cadre.update(birthplace="KT", hometown="KT", positions=[{"post": "P_PB_BTC", "start": "2000-01-01", "end": None}])
    doc["proposals"][0].update(to_posts=["P_GD_CA"])   # Giám đốc Công an tỉnh: a non-local provincial post

    def rot16(store_used: ParameterStore | None):
        dataset = facts_from_document(doc, store=store_used)
        return next(v for v in evaluate_proposal(dataset, "DX_MAU", store=store_used) if v.rule_id == "ROT-16")

    central = rot16(None)              # born and raised elsewhere: not local under the central definition
    assert central.outcome == "pass"
    extended = rot16(store)            # 26 years of work in the province: local under the province's definition
    assert extended.outcome == "fail"
    assert "từ 20 năm trở lên" in extended.reason
    assert "Quy định 5-QĐ/TU tỉnh Mẫu" in extended.citation


def test_a_rotation_plan_overrides_a_parameter_for_its_own_proposals_only() -> None:
    doc = base_document()
    doc["rotation_plans"] = [{"id": "KH1", "name": "Kế hoạch 12-KH/TU", "parameters": {"rotation.min_duration_months": 48}}]
    doc["proposals"][0]["plan"] = "KH1"
    doc["proposals"].append(dict(doc["proposals"][0], id="DX_NGOAI", plan=None))
    result = check_document(doc)
    by_id = {r["proposal"]: next(v for v in r["verdicts"] if v["rule"] == "ROT-04") for r in result["results"]}
    assert by_id["DX_MAU"]["outcome"] == "fail" and "Kế hoạch luân chuyển «Kế hoạch 12-KH/TU»" in by_id["DX_MAU"]["citation"]
    assert by_id["DX_NGOAI"]["outcome"] == "pass"
