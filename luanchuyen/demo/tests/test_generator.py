"""The demo province document: seed 001's figures, careers that make sense, determinism."""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys

import pytest

from luanchuyen.demo.tests.conftest import SCHEME_DATE, demo_document
from luanchuyen.demo.tests.helpers import DAY, age, birth, body, d, highest, in_force, primaries

REFORM_END = dt.date(2025, 6, 30)
REFORM_START = dt.date(2025, 7, 1)


def _digest(doc: dict) -> str:
    return hashlib.sha256(json.dumps(doc, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


# ------------------------------------------------------------------ determinism
def test_the_same_seed_gives_the_same_document(doc):
    from luanchuyen.demo.generator import generate_province

    assert _digest(generate_province(seed=1)) == _digest(doc)


def test_another_seed_gives_another_province(doc):
    other = demo_document(2)
    assert [c["full_name"] for c in other["cadres"][:20]] != [c["full_name"] for c in doc["cadres"][:20]]


def test_the_document_does_not_depend_on_the_hash_seed_of_the_interpreter(doc):
    code = (
        "import hashlib, json; from luanchuyen.demo.generator import generate_province; "
        "print(hashlib.sha256(json.dumps(generate_province(1), ensure_ascii=False, sort_keys=True)"
        ".encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == _digest(doc)


# ------------------------------------------------------------------ seed 001 figures on 12/03/2021
def test_on_the_date_of_de_an_01_exactly_338_cadres_hold_a_primary_post(doc):
    people = body(doc, SCHEME_DATE)
    assert len(people) == 338
    assert len({c["id"] for c, _, _ in people}) == 338


def test_45_of_them_are_women_27_in_provincial_agencies_and_18_at_district_level(doc):
    people = body(doc, SCHEME_DATE)
    assert sum(c["gender"] == "nu" for c, _, _ in people) == 45
    assert sum(c["gender"] == "nu" for c, _, u in people if u["level"] == "tinh") == 27
    assert sum(c["gender"] == "nu" for c, _, u in people if u["level"] == "huyen") == 18


def test_8_of_them_are_under_40_7_provincial_1_district_2_women(doc):
    young = [(c, u) for c, _, u in body(doc, SCHEME_DATE) if age(birth(c["birth_date"]), SCHEME_DATE) < 40]
    assert len(young) == 8
    assert sum(u["level"] == "tinh" for _, u in young) == 7
    assert sum(u["level"] == "huyen" for _, u in young) == 1
    assert sum(c["gender"] == "nu" for c, _ in young) == 2


def test_237_of_them_have_a_formal_highest_degree_which_is_70_percent(doc):
    people = body(doc, SCHEME_DATE)
    formal = sum(highest(c, 2021)["mode"] == "chinh_quy" for c, _, _ in people)
    assert formal == 237
    assert round(100 * formal / 338) == 70


def test_the_training_fields_of_the_highest_degree_follow_the_seed_mix(doc):
    people = body(doc, SCHEME_DATE)
    counts = collections.Counter(highest(c, 2021)["field"] for c, _, _ in people)
    # seed 001: 6% KHTN, 12% KHXH, 18% luật, 25% kinh tế, 3% chính trị, 11% nông nghiệp, 8% kỹ thuật,
    # 8% quân sự – công an; the remaining 9% other fields
    expected = {
        "khoa_hoc_tu_nhien": 6,
        "khoa_hoc_xa_hoi": 12,
        "luat": 18,
        "kinh_te": 25,
        "chinh_tri": 3,
        "nong_nghiep": 11,
        "ky_thuat": 8,
        "quan_su_cong_an": 8,
        "khac": 9,
    }
    assert {f: round(100 * counts[f] / 338) for f in expected} == expected
    assert sum(counts.values()) == 338


def test_the_58_agencies_carry_the_seed_quotas_of_heads_and_deputies(doc):
    units = {u["id"]: u for u in doc["units"]}
    titles = {t["id"]: t for t in doc["titles"]}
    top = [
        u
        for u in doc["units"]
        if u["parent"] is None and in_force(u, SCHEME_DATE) and u["group"] not in ("xa",)
    ]
    assert len(top) == 58
    assert collections.Counter(u["group"] for u in top) == {
        "tham_muu_tinh_uy": 6,
        "su_nghiep_tinh_uy": 3,
        "mttq_doan_the": 6,
        "hdnd": 4,
        "chuyen_mon_ubnd": 21,
        "su_nghiep_ubnd": 8,
        "huyen": 10,
    }
    assert collections.Counter(u["subgroup"] for u in top if u["group"] == "chuyen_mon_ubnd") == {
        "kinh_te": 10,
        "van_hoa_xa_hoi": 9,
        "noi_chinh": 2,
    }
    slots: collections.Counter = collections.Counter()
    for p in doc["posts"]:
        unit = units[p["unit"]]
        if unit["parent"] is None and unit["level"] == "tinh":
            slots[(unit["group"], unit["subgroup"], titles[p["title"]]["role"])] += p["slots"]
    assert slots[("chuyen_mon_ubnd", "kinh_te", "deputy")] == 30
    assert slots[("chuyen_mon_ubnd", "van_hoa_xa_hoi", "deputy")] == 27
    assert slots[("chuyen_mon_ubnd", "noi_chinh", "deputy")] == 6
    assert slots[("su_nghiep_ubnd", None, "head")] == 8 and slots[("su_nghiep_ubnd", None, "deputy")] == 18
    assert slots[("hdnd", None, "head")] == 1 and slots[("hdnd", None, "deputy")] == 8
    assert slots[("mttq_doan_the", None, "head")] == 6 and slots[("mttq_doan_the", None, "deputy")] == 15
    # 15 deputies and the 5 full-time members of the Ủy ban Kiểm tra
    assert (
        slots[("tham_muu_tinh_uy", None, "head")] == 6 and slots[("tham_muu_tinh_uy", None, "deputy")] == 20
    )
    district = collections.Counter()
    for p in doc["posts"]:
        if units[p["unit"]]["group"] == "huyen":
            district[p["title"]] += p["slots"]
    assert district["bi_thu_huyen"] == 10 and district["pho_bi_thu_huyen"] == 20
    assert district["pho_chu_tich_ubnd_huyen"] == 19 and district["uy_vien_btv_huyen"] == 51


def test_sector_departments_have_sector_titles(doc):
    titles = {t["id"]: t for t in doc["titles"]}
    assert titles["giam_doc_so_y_te"]["sector"] == "y_te"
    assert titles["giam_doc_so_gddt"]["sector"] == "giao_duc"
    assert titles["giam_doc_so_xay_dung"]["sector"] == "xay_dung"
    assert titles["giam_doc_so_gtvt"]["sector"] == "giao_thong_van_tai"
    assert titles["giam_doc_so_tttt"]["sector"] == "thong_tin_truyen_thong"
    assert (
        titles["bi_thu_huyen"]["non_local_required"] and titles["chu_tich_ubnd_huyen"]["non_local_required"]
    )


def test_some_units_have_more_than_30_percent_female_staff(doc):
    assert (
        sum(1 for u in doc["units"] if u["staff_total"] and u["staff_female"] / u["staff_total"] > 0.3) >= 10
    )
    assert all(u["staff_female"] <= u["staff_total"] for u in doc["units"])


# ------------------------------------------------------------------ careers
def test_primary_positions_never_overlap(doc):
    for cadre in doc["cadres"]:
        prim = primaries(cadre)
        for a, b in zip(prim, prim[1:]):
            assert a["end"] is not None and a["end"] <= b["start"], cadre["id"]


def test_every_position_lies_on_an_existing_post_in_force_over_its_dates(doc):
    posts = {p["id"]: p for p in doc["posts"]}
    units = {u["id"]: u for u in doc["units"]}
    for cadre in doc["cadres"]:
        for p in cadre["positions"]:
            post = posts[p["post"]]
            start, end = d(p["start"]), d(p["end"])
            last_day = (end - DAY) if end else None
            for row in (post, units[post["unit"]]):
                assert in_force(row, start), (cadre["id"], p)
                assert (last_day is None and not row["valid_to"]) or (last_day and in_force(row, last_day)), (
                    cadre["id"],
                    p,
                )
            assert p["start"] >= "2000-01-01"


def test_no_post_ever_holds_more_cadres_than_its_slots(doc):
    posts = {p["id"]: p for p in doc["posts"]}
    spans = collections.defaultdict(list)
    for cadre in doc["cadres"]:
        for p in cadre["positions"]:
            spans[p["post"]].append((p["start"], p["end"] or "9999-12-31"))
    for post_id, items in spans.items():
        for start, _ in items:
            held = sum(1 for s, e in items if s <= start < e)
            assert held <= posts[post_id]["slots"], post_id


def test_ranks_never_fall_along_a_career(doc):
    posts = {p["id"]: p for p in doc["posts"]}
    rank = {t["id"]: t["rank"] for t in doc["titles"]}
    rose = 0
    for cadre in doc["cadres"]:
        ranks = [rank[posts[p["post"]]["title"]] for p in primaries(cadre)]
        assert ranks == sorted(ranks), cadre["id"]
        rose += ranks[-1] > ranks[0]
    assert rose >= 50


def test_histories_reach_back_to_the_early_2000s(doc):
    first = [min(p["start"] for p in c["positions"]) for c in doc["cadres"]]
    assert min(first) < "2003-01-01"
    assert sum(1 for c in doc["cadres"] if len(primaries(c)) >= 3) >= 50


def test_cadres_leave_their_posts_by_the_official_retirement_date(doc):
    from luanchuyen.rules.retirement import compute_retirement

    retired = 0
    for cadre in doc["cadres"]:
        pension = compute_retirement(
            cadre["gender"], cadre["birth_date"], cadre["late_retirement_eligible"]
        ).pension_from
        for p in cadre["positions"]:
            assert p["end"] is None or d(p["end"]) <= pension, cadre["id"]
            if p["end"] is None:
                assert pension > dt.date(2026, 1, 1), cadre["id"]
        retired += any(p["end"] == pension.isoformat() for p in cadre["positions"])
    assert retired >= 20


def test_newcomers_fill_posts_after_2021(doc):
    first_start = [min(p["start"] for p in primaries(c)) for c in doc["cadres"]]
    assert sum(1 for s in first_start if s > "2021-03-12") >= 20


def test_district_posts_end_on_30_06_2025_and_their_holders_move_to_communes_or_the_province(doc):
    posts = {p["id"]: p for p in doc["posts"]}
    units = {u["id"]: u for u in doc["units"]}
    level = lambda p: units[posts[p["post"]]["unit"]]["level"]  # noqa: E731
    moved = stayed = 0
    for cadre in doc["cadres"]:
        prim = primaries(cadre)
        for i, p in enumerate(prim):
            if level(p) == "huyen":
                assert p["end"] is not None and p["end"] <= "2025-07-01"
            if level(p) == "xa":
                assert p["start"] >= "2025-07-01"
            if level(p) == "huyen" and p["end"] == "2025-07-01":
                nxt = prim[i + 1] if i + 1 < len(prim) else None
                if nxt is not None and nxt["start"] == "2025-07-01":
                    moved += 1
                else:
                    stayed += 1
    assert moved >= 80 and moved > 5 * stayed


def test_district_secretaries_and_chairs_are_not_local_except_by_an_approved_exception(doc):
    posts = {p["id"]: p for p in doc["posts"]}
    units = {u["id"]: u for u in doc["units"]}
    titles = {t["id"]: t for t in doc["titles"]}
    for cadre in doc["cadres"]:
        excepted = any(e["rule"] == "ROT-16" for e in cadre["exceptions"])
        for p in cadre["positions"]:
            post = posts[p["post"]]
            unit = units[post["unit"]]
            if titles[post["title"]]["non_local_required"] and unit["level"] == "huyen":
                assert cadre["birthplace"] != unit["locality"], cadre["id"]
            if titles[post["title"]]["non_local_required"] and unit["level"] == "xa" and not excepted:
                assert cadre["hometown"] != unit["locality"], cadre["id"]


def test_some_cadres_hold_a_concurrent_post(doc):
    concurrent = [p for c in doc["cadres"] for p in c["positions"] if p["concurrent"]]
    assert len(concurrent) >= 20
    titles = {p["id"]: p["title"] for p in doc["posts"]}
    assert {"chu_tich_ubnd_huyen", "chu_tich_hdnd_huyen", "chu_tich_ubnd_xa"} <= {
        titles[p["post"]] for p in concurrent
    }


# ------------------------------------------------------------------ records
def test_planning_titles_rank_above_the_title_held_when_approved(doc):
    posts = {p["id"]: p for p in doc["posts"]}
    rank = {t["id"]: t["rank"] for t in doc["titles"]}
    entries = 0
    for cadre in doc["cadres"]:
        for e in cadre["planning"]:
            held = [
                p
                for p in primaries(cadre)
                if p["start"] <= e["approved"] and (p["end"] is None or e["approved"] < p["end"])
            ]
            assert held, (cadre["id"], e)
            assert rank[e["title"]] > rank[posts[held[0]["post"]]["title"]], (cadre["id"], e)
            entries += 1
    terms = collections.Counter(e["term"] for c in doc["cadres"] for e in c["planning"])
    assert terms["2020-2025"] >= 50 and terms["2025-2030"] >= 50
    assert sum(1 for c in doc["cadres"] for e in c["planning"] if e["removed"]) >= 3


def test_a_discipline_removes_the_cadre_from_planning(doc):
    disciplined = [c for c in doc["cadres"] if c["discipline"]]
    assert 3 <= len(disciplined) <= 8
    for cadre in disciplined:
        decided = cadre["discipline"][0]["decided"]
        for e in cadre["planning"]:
            if e["approved"] <= decided:
                assert e["removed"] is not None and e["removed"] <= decided


def test_two_or_three_proceedings_are_open(doc):
    open_ = [c for c in doc["cadres"] if any(p["to"] is None for p in c["proceedings"])]
    assert 2 <= len(open_) <= 3


def test_every_cadre_has_education_evaluations_and_political_theory(doc):
    for cadre in doc["cadres"]:
        assert 1 <= len(cadre["education"]) <= 3
        assert cadre["evaluations"] and all(2016 <= e["year"] <= 2025 for e in cadre["evaluations"])
        assert cadre["political_theory"] in ("so_cap", "trung_cap", "cao_cap", "cu_nhan")
        assert cadre["trainings"]
    theory = collections.Counter(c["political_theory"] for c in doc["cadres"])
    assert theory["cao_cap"] > len(doc["cadres"]) / 2


def test_there_are_approved_exceptions(doc):
    rules = [e["rule"] for c in doc["cadres"] for e in c["exceptions"]]
    assert 2 <= len(rules) <= 4 and "ROT-16" in rules and "ROT-01" in rules


# ------------------------------------------------------------------ rotation plans
def test_the_2021_2025_plan_is_finished_with_actual_ends_and_placements(doc):
    plans = {p["id"]: p for p in doc["rotation_plans"]}
    assert plans["KH-LC-2021"]["status"] == "finished"
    done = [p for p in doc["proposals"] if p["plan"] == "KH-LC-2021"]
    assert len(done) >= 6
    assert all(p["actual_end"] and p["placement"] for p in done)
    assert all(d(p["end"]) >= d(p["start"]) + dt.timedelta(days=36 * 30) for p in done)


def test_each_finished_rotation_is_in_the_cadres_history(doc):
    cadres = {c["id"]: c for c in doc["cadres"]}
    for prop in (p for p in doc["proposals"] if p["plan"] == "KH-LC-2021"):
        held = [p for p in cadres[prop["cadre"]]["positions"] if p["post"] == prop["to_posts"][0]]
        assert any(p["start"] == prop["start"] and p["end"] == prop["actual_end"] for p in held) or any(
            p["start"] == prop["start"] and (p["end"] is None or p["end"] > prop["actual_end"]) for p in held
        )


def test_the_2026_plan_has_6_to_8_proposals_with_one_giving_two_concurrent_posts(doc):
    plans = {p["id"]: p for p in doc["rotation_plans"]}
    assert plans["KH-LC-2026"]["status"] == "in_progress"
    props = [p for p in doc["proposals"] if p["plan"] == "KH-LC-2026"]
    assert 6 <= len(props) <= 8
    assert {p["purpose"] for p in props} == {"dao_tao", "khong_phai_nguoi_dia_phuong", "hai_nhiem_ky"}
    assert any(len(p["to_posts"]) == 2 for p in props)
    posts = {p["id"]: p for p in doc["posts"]}
    units = {u["id"]: u for u in doc["units"]}
    levels = {units[posts[t]["unit"]]["level"] for p in props for t in p["to_posts"]}
    assert levels == {"xa", "tinh"}
    assert all(p["actual_end"] is None for p in props)


def test_the_2026_destinations_have_a_free_slot_at_the_start(doc):
    posts = {p["id"]: p for p in doc["posts"]}
    for prop in (p for p in doc["proposals"] if p["plan"] == "KH-LC-2026"):
        start = d(prop["start"])
        for post_id in prop["to_posts"]:
            held = sum(
                1
                for c in doc["cadres"]
                for p in c["positions"]
                if p["post"] == post_id
                and d(p["start"]) <= start
                and (p["end"] is None or start < d(p["end"]))
            )
            assert held < posts[post_id]["slots"], (prop["id"], post_id)


# ------------------------------------------------------------------ names and places
def test_names_follow_vietnamese_frequencies(large_doc):
    names = [c["full_name"].split() for c in large_doc["cadres"]]
    family = collections.Counter(n[0] for n in names)
    share = family["Nguyễn"] / len(names)
    assert 0.32 <= share <= 0.44
    assert family["Trần"] > family["Phạm"] > family["Dương"]
    women = [n for n, c in zip(names, large_doc["cadres"]) if c["gender"] == "nu"]
    assert sum(1 for n in women if n[1] == "Thị") / len(women) > 0.45
    assert all(3 <= len(n) <= 4 for n in names)


def test_most_cadres_come_from_the_province_and_some_from_elsewhere(doc):
    localities = {loc["id"]: loc for loc in doc["localities"]}
    inside = sum(1 for c in doc["cadres"] if localities[c["birthplace"]]["parent"] == "TM")
    assert 0.75 * len(doc["cadres"]) <= inside < len(doc["cadres"])


def test_localities_cover_both_eras(doc):
    levels = collections.Counter((loc["level"], loc["valid_to"]) for loc in doc["localities"])
    assert levels[("huyen", "2025-06-30")] == 10
    assert sum(n for (lvl, _), n in levels.items() if lvl == "xa") >= 30
    assert all(loc["valid_from"] == "2025-07-01" for loc in doc["localities"] if loc["level"] == "xa")


# ------------------------------------------------------------------ large bodies
def test_a_large_body_has_exactly_the_number_of_cadres_asked_for(large_doc):
    assert len(large_doc["cadres"]) == 2500
    assert len({c["id"] for c in large_doc["cadres"]}) == 2500


def test_a_large_body_keeps_careers_consistent(large_doc):
    posts = {p["id"]: p for p in large_doc["posts"]}
    rank = {t["id"]: t["rank"] for t in large_doc["titles"]}
    for cadre in large_doc["cadres"]:
        prim = primaries(cadre)
        for a, b in zip(prim, prim[1:]):
            assert a["end"] is not None and a["end"] <= b["start"]
            assert rank[posts[a["post"]]["title"]] <= rank[posts[b["post"]]["title"]]


def test_a_large_body_keeps_the_seed_shares_on_12_03_2021(large_doc):
    people = body(large_doc, SCHEME_DATE)
    n = len(people)
    assert abs(100 * sum(c["gender"] == "nu" for c, _, _ in people) / n - 13.3) < 1.5
    assert abs(100 * sum(highest(c, 2021)["mode"] == "chinh_quy" for c, _, _ in people) / n - 70) < 1


def test_zero_cadres_is_refused():
    from luanchuyen.demo.generator import generate_province

    with pytest.raises(ValueError):
        generate_province(cadres=0)


def test_every_cadre_rotated_for_training_was_in_planning_at_the_start(doc):
    cadres = {c["id"]: c for c in doc["cadres"]}
    for prop in (p for p in doc["proposals"] if p["purpose"] == "dao_tao"):
        entries = cadres[prop["cadre"]]["planning"]
        assert any(e["approved"] <= prop["start"] and (e["removed"] is None or e["removed"] > prop["start"])
                   for e in entries), prop["id"]


def test_the_2026_proposals_cadres_are_free_of_discipline_and_proceedings(doc):
    cadres = {c["id"]: c for c in doc["cadres"]}
    for prop in (p for p in doc["proposals"] if p["plan"] == "KH-LC-2026"):
        cadre = cadres[prop["cadre"]]
        assert not cadre["discipline"] and not cadre["proceedings"], prop["id"]
