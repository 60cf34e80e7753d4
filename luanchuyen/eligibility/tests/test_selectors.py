import datetime as dt

import pytest

from luanchuyen.cadres.models import Cadre, Discipline, Position
from luanchuyen.eligibility.selectors import (
    cadre_facts,
    cadre_ids_in_office,
    dataset_facts,
    retirement_of,
    retiring_soon,
    rule_document,
)
from luanchuyen.rules.evaluate import Evaluator

pytestmark = pytest.mark.django_db
D = dt.date
PURPOSES = ("dao_tao", "hai_nhiem_ky", "khong_phai_nguoi_dia_phuong")


def test_it_builds_facts_for_the_chosen_cadres_with_the_whole_organization(province):
    an = province.cadres["an"]
    facts = dataset_facts(cadre_ids=[an.pk])
    assert set(facts.cadres) == {an.pk}
    assert len(facts.posts) > 1 and facts.units


def test_the_rules_evaluate_a_cadre_read_from_the_database(province):
    facts = dataset_facts()
    cadre = next(iter(facts.cadres.values()))
    verdicts = Evaluator(facts).eligibility(cadre, dt.date(2024, 1, 1), "dao_tao")
    assert {v.rule_id for v in verdicts} >= {"ROT-01", "ROT-02"}


def test_a_cadres_document_holds_only_what_its_record_refers_to(province):
    doc = rule_document(cadre_ids=[province.cadres["an"].pk])
    assert [c["id"] for c in doc["cadres"]] == ["CB0001"]
    assert [p["id"] for p in doc["posts"]] == ["P002"]
    assert {u["id"] for u in doc["units"]} == {"U001"}
    assert {t["id"] for t in doc["titles"]} == {"pho_ban_tu", "truong_ban_tu"}  # post's title and planning's
    assert {loc["id"] for loc in doc["localities"]} == {"TM", "H01"}  # province, birthplace/hometown


@pytest.mark.parametrize("on", [D(2021, 6, 1), D(2024, 1, 1), D(2025, 7, 1), D(2026, 3, 15)])
def test_the_light_facts_give_the_same_verdicts_as_the_exported_document(province, on):
    Discipline.objects.create(
        cadre=province.cadres["lan"], form="khien_trach", decided=D(2023, 1, 1), until=D(2025, 12, 31)
    )
    full, light = dataset_facts(), cadre_facts()
    light_one = cadre_facts(cadre_ids=["CB0002"])
    full_ev, light_ev, one_ev = Evaluator(full), Evaluator(light), Evaluator(light_one)
    for purpose in PURPOSES:
        for cid, cadre in full.cadres.items():
            expected = [
                v.as_dict() for v in full_ev.eligibility(cadre, on, purpose) + full_ev.cadre(cadre, on)
            ]
            got = [
                v.as_dict()
                for v in light_ev.eligibility(light.cadres[cid], on, purpose)
                + light_ev.cadre(light.cadres[cid], on)
            ]
            assert got == expected, (cid, purpose)
        assert [v.as_dict() for v in one_ev.eligibility(light_one.cadres["CB0002"], on, purpose)] == [
            v.as_dict() for v in full_ev.eligibility(full.cadres["CB0002"], on, purpose)
        ]


def test_in_office_counts_main_posts_held_at_the_date_in_a_subtree(province):
    assert cadre_ids_in_office(on=D(2026, 1, 1), unit_ids={"U020"}) == ["CB0002", "CB0003"]
    assert "CB0004" not in cadre_ids_in_office(on=D(2025, 6, 30))  # the commune post starts on 01/07/2025
    assert "CB0004" in cadre_ids_in_office(on=D(2025, 7, 1))
    Position.objects.filter(cadre_id="CB0003").update(concurrent=True)
    assert cadre_ids_in_office(on=D(2026, 1, 1), unit_ids={"U020"}) == ["CB0002"]


def test_retirement_of_a_cadre_row_follows_the_birth_precision(province):
    lan = Cadre.objects.get(pk="CB0002")  # woman, born 03/1984 (month precision)
    month, left = retirement_of(lan, D(2026, 1, 15))
    assert month.text == "03/2044" and left == (2044 - 2026) * 12 + 2
    dung = Cadre.objects.get(pk="CB0003")  # man, born 20/09/1968
    month, left = retirement_of(dung, D(2030, 10, 1))
    assert month.text == "09/2030" and left == -1


@pytest.mark.parametrize(
    "on, months, included",
    [
        (D(2030, 9, 30), 1, True),  # the retirement month itself: 0 months left
        (D(2030, 10, 1), 12, False),  # already past it
        (D(2029, 10, 1), 12, True),  # 11 months left, within 12
        (D(2029, 9, 30), 12, False),  # 12 months left: outside the next 12 months
        (D(2029, 9, 30), 13, True),
    ],
)
def test_retiring_soon_counts_calendar_months_from_the_reference_month(province, on, months, included):
    report = retiring_soon(Cadre.objects.all(), on=on, months=months)
    ids = [row["cadre"] for group in report["groups"] for row in group["rows"]]
    assert ("CB0003" in ids) is included
    if included:
        assert report["groups"][0]["unit"] == "Sở Y tế"
        row = report["groups"][0]["rows"][0]
        assert row["retirement_month"] == "09/2030" and row["post"] == "Giám đốc Sở"
        assert row["retirement_date"] == D(2030, 9, 30)


def test_retiring_soon_leaves_out_who_holds_no_post_at_the_date(province):
    Position.objects.filter(cadre_id="CB0003").update(end=D(2029, 12, 1))
    assert retiring_soon(Cadre.objects.all(), on=D(2030, 1, 1), months=12)["total"] == 0
    assert retiring_soon(Cadre.objects.all(), on=D(2029, 11, 30), months=12)["total"] == 1


def test_the_fast_row_converter_gives_the_exporters_rows(province):
    from luanchuyen.eligibility.selectors import _fast_exporter
    from luanchuyen.interchange import schema
    from luanchuyen.interchange.services import _exporter

    Cadre.objects.filter(pk="CB0002").update(other_name="", ethnicity="Tày")
    Discipline.objects.create(cadre=province.cadres["lan"], form="khien_trach", decided=D(2023, 1, 1))
    for spec in schema.ALL_LISTS:
        rows = list(spec.model.objects.values_list(*spec.attrs))
        assert [_fast_exporter(spec)(r) for r in rows] == [_exporter(spec)(r) for r in rows], spec.key
    assert any(schema.CADRES.model.objects.values_list("birth_precision", flat=True))


@pytest.mark.parametrize("gender", ["nam", "nu"])
@pytest.mark.parametrize("late", [False, True])
@pytest.mark.parametrize("on", [D(2020, 12, 31), D(2021, 1, 1), D(2026, 6, 15)])
def test_the_retirement_month_from_a_row_is_the_rules_retirement_month(gender, late, on):
    from luanchuyen.eligibility.selectors import retirement_month_of
    from luanchuyen.rules.retirement import compute_retirement

    for birth, precision, text in [
        (D(1961, 7, 20), "d", "1961-07-20"),
        (D(1965, 6, 1), "m", "1965-06"),
        (D(1968, 1, 1), "y", "1968"),
        (D(1959, 12, 31), "d", "1959-12-31"),
    ]:
        expected = compute_retirement(gender, text, late, law_on=on).month
        assert (
            retirement_month_of(gender=gender, birth_date=birth, precision=precision, late=late, on=on)
            == expected
        )
