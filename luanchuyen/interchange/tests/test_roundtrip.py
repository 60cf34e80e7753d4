"""export → import → export gives the same document, through JSON and through a workbook."""
from __future__ import annotations

import json

import pytest

from luanchuyen.audit.models import AuditEntry
from luanchuyen.interchange.schema import CADRES, LISTS, POSTS
from luanchuyen.interchange.services import export_document, import_document, import_file
from luanchuyen.interchange.tests.builders import build_document, cadre, clear_database
from luanchuyen.interchange.xlsx import write_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported():
    import_document(build_document())
    return export_document()


def test_the_export_is_the_imported_document_in_canonical_order(exported):
    original = build_document()
    for spec in LISTS:
        assert [row["id"] for row in exported[spec.key]] == sorted(row["id"] for row in original[spec.key])
    assert exported["province"] == {"code": "TM", "name": "Tỉnh Mẫu"}
    assert list(exported) == ["format", "province", *(spec.key for spec in LISTS)]
    assert list(exported["cadres"][0]) == [f.key for f in CADRES.fields]
    assert list(exported["posts"][0]) == [f.key for f in POSTS.fields]
    by_id = {c["id"]: c for c in exported["cadres"]}
    assert by_id["CB0003"]["birth_date"] == "1965"
    assert by_id["CB0001"]["birth_date"] == "1984-03"
    assert by_id["CB0002"]["birth_date"] == "1970-05-20"
    # the test document is already canonical, apart from list order
    for key in ("localities", "titles", "cadres"):
        assert sorted(original[key], key=lambda r: r["id"]) == exported[key]


def test_export_import_export_is_identical_in_json(exported):
    text = json.dumps(exported, ensure_ascii=False)
    assert not import_document(json.loads(text)).changed
    clear_database()
    summary = import_document(json.loads(text))
    assert summary.as_dict()["cadres"]["created"] == 3
    assert export_document() == exported


def test_export_import_export_is_identical_through_a_workbook(exported, tmp_path):
    path = tmp_path / "xuat.xlsx"
    write_workbook(exported, path)
    assert not import_file(path).changed
    clear_database()
    assert import_file(path).as_dict()["cadres"]["created"] == 3
    assert export_document() == exported


def test_nested_lists_are_exported_in_date_order(exported):
    doc = build_document()
    cadre(doc, "CB0002")["positions"].reverse()
    import_document(doc)
    positions = cadre(export_document(), "CB0002")["positions"]
    assert [p["start"] for p in positions] == ["2015-10-01", "2018-01-01", "2025-06-30"]


def test_an_export_of_some_cadres_keeps_the_whole_organization(exported):
    part = export_document(cadre_ids=["CB0002"])
    assert [c["id"] for c in part["cadres"]] == ["CB0002"]
    assert part["proposals"] == []
    assert part["posts"] == exported["posts"]
    assert cadre(part, "CB0002") == cadre(exported, "CB0002")
    assert export_document(cadre_ids=["CB0001"])["proposals"] == exported["proposals"]


def test_each_export_is_audited(exported):
    export_document(actor="tester", file_name="ra.json")
    entry = AuditEntry.objects.filter(action="data.exported").order_by("-id").first()
    assert entry.actor_name == "tester"
    assert entry.data["file"] == "ra.json" and entry.data["cadres"] == 3
    count = AuditEntry.objects.filter(action="data.exported").count()
    export_document(audit=False)
    assert AuditEntry.objects.filter(action="data.exported").count() == count
