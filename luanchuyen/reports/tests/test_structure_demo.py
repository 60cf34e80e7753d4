"""The structure report on the demo province: seed 001's figures on 12/03/2021."""

from __future__ import annotations

import datetime as dt

from luanchuyen.reports.structure import structure_report

SCHEME_DATE = dt.date(2021, 3, 12)
D = dt.date


def test_on_the_demo_at_12_03_2021_the_report_gives_338_cadres_45_women_8_young(demo):
    report = structure_report(on=SCHEME_DATE)
    assert (report["total"], report["women"], report["young"]) == (338, 45, 8)
    assert (report["women_pct"], report["young_pct"]) == (13.3, 2.4)


def test_on_the_demo_formal_training_is_70_percent(demo):
    report = structure_report(on=SCHEME_DATE)
    # 237 of 338 = 70.1% to one decimal; the seed states it to a whole percent: 70%
    assert report["formal_training"] == 237 and report["formal_training_pct"] == 70.1
    assert round(report["formal_training_pct"]) == 70
    assert report["other_training"] == 101


def test_on_the_demo_the_training_fields_are_the_seed_mix(demo):
    report = structure_report(on=SCHEME_DATE)
    assert {f: round(v) for f, v in report["fields"].items()} == {
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
    assert sum(report["field_counts"].values()) == 338
    assert report["field_counts"]["kinh_te"] == 84


def test_on_the_demo_provincial_agencies_and_districts_split_as_in_the_seed(demo):
    report = structure_report(on=SCHEME_DATE)
    assert (report["provincial"]["total"], report["provincial"]["women"], report["provincial"]["young"]) == (
        230,
        27,
        7,
    )
    assert (report["district"]["total"], report["district"]["women"], report["district"]["young"]) == (
        108,
        18,
        1,
    )
    assert report["by_group"]["huyen"]["total"] == 108 and report["by_group"]["xa"]["total"] == 0
    assert sum(row["total"] for row in report["by_group"].values()) == 338
    assert sum(band["count"] for band in report["age_bands"].values()) == 338


def test_after_the_reform_the_district_side_is_the_communes(demo):
    report = structure_report(on=D(2025, 12, 1))
    assert report["by_group"]["huyen"]["total"] == 0
    assert report["by_group"]["xa"]["total"] == report["district"]["total"] > 90


def test_a_unit_scope_counts_only_the_units_posts(demo):
    from luanchuyen.organization.models import Unit
    from luanchuyen.organization.selectors import unit_subtree_ids

    health = Unit.objects.get(name="Sở Y tế")
    scoped = structure_report(on=SCHEME_DATE, unit_ids=unit_subtree_ids(health.pk))
    # the director, 4 deputies and the heads of the 9 units under the department
    assert scoped["total"] == 14
    assert scoped["by_group"]["chuyen_mon_ubnd"]["total"] == 14 and scoped["district"]["total"] == 0
