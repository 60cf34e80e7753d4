"""Engine pieces: date arithmetic, immutability of facts and verdicts, the registry's rules."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from luanchuyen.rules.engine.dates import add_months, fmt_span, full_months_between
from luanchuyen.rules.engine.errors import RulesError
from luanchuyen.rules.engine.registry import RULES, rule
from luanchuyen.rules.engine.verdict import Verdict
from luanchuyen.rules.evaluate import catalogue
from luanchuyen.rules.facts import facts_from_document

from .conftest import base_document

D = dt.date


def test_adding_months_clamps_to_the_end_of_a_shorter_month() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)


def test_whole_months_between_two_dates_count_only_completed_months() -> None:
    assert full_months_between(D(2026, 1, 1), D(2029, 1, 1)) == 36
    assert full_months_between(D(2026, 1, 1), D(2028, 12, 31)) == 35
    assert full_months_between(D(2026, 1, 31), D(2026, 2, 28)) == 1
    assert fmt_span(D(2026, 1, 1), D(2031, 1, 2)) == "60 tháng (5 năm) 1 ngày"


def test_facts_and_verdicts_cannot_be_changed_after_they_are_built() -> None:
    cadre = facts_from_document(base_document()).cadres["CB_MAU"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        cadre.gender = "nu"  # type: ignore[misc]
    verdict = Verdict("ROT-01", "pass", "Đạt.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.outcome = "fail"  # type: ignore[misc]


def test_every_rule_of_the_catalogue_has_a_version_and_a_vietnamese_title() -> None:
    for spec in catalogue():
        assert spec.versions, spec.id
        assert spec.title and spec.citation and spec.confidence, spec.id


def test_the_catalogue_has_the_public_ids_of_the_domain_map() -> None:
    expected = {f"ROT-{n:02d}" for n in (*range(1, 13), 15, 16)} | {
        "PLAN-ROLE-YOUNG", "PLAN-ROLE-HEAD", "PLAN-DURATION-MAX", "PLAN-SUBJECT", "PLAN-COUNT",
        "PLAN-SHARE-NOT-ROTATED", "PLAN-KEY-100", "PLAN-RECEIVE", "PLAN-YOUNG-DEPT",
        "PLAN-01", "PLAN-03", "PLAN-04", "PLAN-05", "PLAN-06", "PLAN-07", "PLAN-11", "APPT-01", "APPT-02", "APPT-04",
        "STR-WOMEN", "STR-YOUNG", "STR-APPT-WOMEN", "STR-APPT-YOUNG", "STR-FEMALE-UNIT", "STR-AGE-BANDS",
        "STR-HEAD-2TERMS", "STR-DEPUTY-3TERMS", "STR-DEPUTY-COUNT", "STR-SECTOR", "STR-NON-LOCAL", "STR-TWO-TERMS",
        "TRN-CAO-CAP", "TRN-FULLTIME", "TRN-YEARS-LEFT", "TRN-PRIORITY", "TRN-GAP", "RET-01", "RET-02", "RET-03"}
    assert set(RULES) == expected


def test_two_versions_of_a_rule_may_not_overlap_in_time() -> None:
    with pytest.raises(RulesError):
        rule("ROT-04", since=D(2024, 1, 1))(lambda case, t, p: None)


def test_versions_of_a_rule_leave_no_gap_once_the_first_is_in_force() -> None:
    for spec in catalogue():
        for before, after in zip(spec.versions, spec.versions[1:]):
            assert before.until is not None and after.since == before.until + dt.timedelta(days=1), spec.id


def test_the_rules_documentation_lists_every_rule_of_the_catalogue() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [spec.id for spec in catalogue() if f"| {spec.id} |" not in text]
    assert not missing, f"docs/rules.md thiếu: {missing}"


def test_reusing_verdicts_of_equal_keys_gives_exactly_the_same_results() -> None:
    import importlib.util
    from pathlib import Path

    from luanchuyen.rules.evaluate import Evaluator

    spec = importlib.util.spec_from_file_location("bench_rules", Path(__file__).resolve().parents[3] / "bench" / "rules.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    dataset = facts_from_document(bench.build_document(600, seed=3))
    plain, memoised = Evaluator(dataset), Evaluator(dataset)
    plain.memoise = False
    for proposal in dataset.proposals:
        assert [v.as_detailed_dict() for v in plain.proposal(proposal)] == \
               [v.as_detailed_dict() for v in memoised.proposal(proposal)]
    assert any(len(table) < len(dataset.proposals) for table in memoised._memo.values() if table), \
        "không có kết luận nào được dùng lại"
    assert not any(plain._memo.values()), "tắt dùng lại mà vẫn lưu kết luận"


def _bench_module():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("bench_rules", Path(__file__).resolve().parents[3] / "bench" / "rules.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    return bench


def _plain_rows(dataset, on=None) -> list[dict]:
    """The §10.2 rows the simplest way: no reuse of verdicts, one process, each reason read at once."""
    from luanchuyen.rules.evaluate import Evaluator, eligible

    plain = Evaluator(dataset)
    plain.memoise = False
    rows = []
    if dataset.proposals:
        for proposal in dataset.proposals:
            verdicts = plain.proposal(proposal)
            rows.append({"proposal": proposal.id, "cadre": proposal.cadre_id, "eligible": eligible(verdicts),
                         "verdicts": [v.as_dict() for v in verdicts]})
    else:
        for cadre in dataset.cadres.values():
            verdicts = plain.eligibility(cadre, on, "dao_tao")
            rows.append({"proposal": None, "cadre": cadre.id, "eligible": eligible(verdicts),
                         "verdicts": [v.as_dict() for v in verdicts]})
    return rows


def test_the_fast_paths_give_exactly_the_results_of_the_plain_path() -> None:
    import json

    from luanchuyen.rules.evaluate import Evaluator, check_dataset

    doc = _bench_module().build_document(1500, seed=11)
    dataset = facts_from_document(doc)
    expected = _plain_rows(dataset)
    assert {v["outcome"] for row in expected for v in row["verdicts"]} >= {"pass", "fail", "warn", "not_applicable"}
    # reasons formatted long after the evaluation (lazy), verdicts reused, one process
    late = Evaluator(dataset).proposals(dataset.proposals)
    assert [[v.as_dict() for v in verdicts] for _proposal, verdicts in late] == [row["verdicts"] for row in expected]
    # check itself, in one process and in three (forked) processes: byte for byte the same JSON
    text = json.dumps(expected, ensure_ascii=False)
    for workers in (1, 3):
        assert json.dumps(check_dataset(dataset, workers=workers)["results"], ensure_ascii=False) == text, workers
    # eligibility at a date (no proposals)
    on = D(2026, 1, 1)
    cadres_only = facts_from_document(dict(doc, proposals=[], rotation_plans=[]))
    text = json.dumps(_plain_rows(cadres_only, on), ensure_ascii=False)
    for workers in (1, 2):
        assert json.dumps(check_dataset(cadres_only, on, workers=workers)["results"], ensure_ascii=False) == text, workers


def test_check_runs_in_one_process_unless_the_setting_asks_for_more(monkeypatch) -> None:
    from luanchuyen.rules.evaluate import PARALLEL_MIN_SUBJECTS, WORKERS_ENV, check_workers

    monkeypatch.delenv(WORKERS_ENV, raising=False)
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert check_workers(10 * PARALLEL_MIN_SUBJECTS, load=0.0) == 1     # a second process does not pay
    monkeypatch.setenv(WORKERS_ENV, "auto")
    assert check_workers(PARALLEL_MIN_SUBJECTS - 1, load=0.0) == 1
    assert check_workers(PARALLEL_MIN_SUBJECTS, load=0.0) == 2          # two idle cores
    assert check_workers(PARALLEL_MIN_SUBJECTS, load=1.2) == 1          # one is busy
    assert check_workers(10 * PARALLEL_MIN_SUBJECTS, load=6.0) == 1     # a busy machine: one process
    assert 1 <= check_workers(PARALLEL_MIN_SUBJECTS) <= 4
    monkeypatch.setenv(WORKERS_ENV, "1")
    assert check_workers(10 * PARALLEL_MIN_SUBJECTS) == 1
    monkeypatch.setenv(WORKERS_ENV, "3")
    assert check_workers(10) == 3
    monkeypatch.setenv(WORKERS_ENV, "không")     # not a number: ignored
    assert check_workers(10) == 1


def test_a_lazy_reason_is_formatted_once_and_compares_like_its_text() -> None:
    calls = []

    def text(n: int) -> str:
        calls.append(n)
        return f"Còn {n} tháng."

    lazy = Verdict("ROT-01", "pass", (text, 7))
    assert calls == []
    assert lazy == Verdict("ROT-01", "pass", "Còn 7 tháng.") and lazy.reason == "Còn 7 tháng."
    assert lazy.as_dict() == {"rule": "ROT-01", "outcome": "pass", "reason": "Còn 7 tháng.", "citation": ""}
    assert calls == [7]
    with pytest.raises(dataclasses.FrozenInstanceError):
        lazy.reason = "khác"  # type: ignore[misc]
    import pickle
    assert pickle.loads(pickle.dumps(Verdict("ROT-01", "fail", (text, 3)))).reason == "Còn 3 tháng."
