"""The structure report's definitions on small cases: body of cadres at a date, training, percentages."""

from __future__ import annotations

import datetime as dt

import pytest

from luanchuyen.reports.structure import percent, structure_report

D = dt.date


def test_the_body_counts_primary_positions_held_on_the_day_of_posts_in_force(province):
    from luanchuyen.cadres.models import Position

    report = structure_report(on=D(2024, 1, 1))
    # an, lan, dung and anh hold posts; dat's commune post starts on 01/07/2025
    assert report["total"] == 4 and report["women"] == 2 and report["young"] == 2
    Position.objects.create(
        cadre=province.cadres["dung"], post=province.posts["P021"], start=D(2020, 1, 1), concurrent=True
    )
    assert structure_report(on=D(2024, 1, 1))["total"] == 4
    lan = Position.objects.get(cadre=province.cadres["lan"])
    lan.end = D(2024, 1, 1)
    lan.save()
    assert structure_report(on=D(2024, 1, 1))["total"] == 3  # [start, end): gone on the end day
    assert structure_report(on=D(2023, 12, 31))["total"] == 4
    after = structure_report(on=D(2025, 7, 1))
    assert after["by_group"]["xa"]["total"] == 1 and after["district"]["total"] == 1


def test_the_highest_degree_obtained_by_the_year_decides_the_training(province):
    from luanchuyen.cadres.models import Education

    an = province.cadres["an"]  # thạc sĩ kinh tế, chính quy, 2005
    Education.objects.create(cadre=an, level="tien_si", field="luat", mode="tai_chuc", year=2023)
    before = structure_report(on=D(2022, 6, 1), unit_ids={province.units["btc"].pk})
    after = structure_report(on=D(2024, 6, 1), unit_ids={province.units["btc"].pk})
    assert before["field_counts"]["kinh_te"] == 1 and before["formal_training"] == 1
    assert after["field_counts"]["luat"] == 1 and after["formal_training"] == 0


def test_an_empty_body_gives_zeros(db):
    report = structure_report(on=D(2021, 3, 12))
    assert report["total"] == 0 and report["women_pct"] == 0.0 and report["formal_training_pct"] == 0.0
    assert set(report["fields"]) == {
        "khoa_hoc_tu_nhien",
        "khoa_hoc_xa_hoi",
        "luat",
        "kinh_te",
        "chinh_tri",
        "nong_nghiep",
        "ky_thuat",
        "quan_su_cong_an",
        "khac",
    }


@pytest.mark.parametrize(
    "count,total,expected", [(45, 338, 13.3), (8, 338, 2.4), (1, 16, 6.3), (1, 8, 12.5), (0, 0, 0.0)]
)
def test_percentages_round_half_up_to_one_decimal(count, total, expected):
    assert percent(count, total) == expected


def test_young_means_under_40_until_chi_thi_45_and_under_42_from_14_04_2025(province):
    # Trần Thị Lan, born 03/1984, is 41 in April 2025: young only under the new definition
    before = structure_report(on=D(2025, 4, 13))
    after = structure_report(on=D(2025, 4, 14))
    assert (before["young_age"], before["young"]) == (40, 1)
    assert (after["young_age"], after["young"]) == (42, 2)
    assert "Đề án 01-ĐA/TU" in before["young_age_source"]
    assert "Chỉ thị 45-CT/TW" in after["young_age_source"]


def test_before_the_first_dated_definition_the_report_says_it_uses_the_earliest(province):
    report = structure_report(on=D(2020, 6, 1))
    assert report["young_age"] == 40
    assert "giá trị sớm nhất có căn cứ, áp dụng cho ngày trước 12/03/2021" in report["young_age_source"]


def test_the_table_names_the_definition_of_young_in_force(province):
    from luanchuyen.reports.formatters import as_table

    text = as_table(structure_report(on=D(2026, 1, 1)))
    assert "Trẻ (dưới 42 tuổi)" in text
    assert "Cán bộ trẻ: dưới 42 tuổi tròn tại ngày báo cáo (theo Chỉ thị 45-CT/TW" in text
