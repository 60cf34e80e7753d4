"""import_document / import_file: all or nothing, upsert by id, nested lists replaced when they differ."""
from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luanchuyen.audit.models import AuditEntry
from luanchuyen.cadres.models import Cadre, Education, Evaluation, Position
from luanchuyen.interchange.services import ImportRejected, import_document, import_file
from luanchuyen.interchange.tests.builders import build_document, cadre, database_counts
from luanchuyen.organization.models import Post
from luanchuyen.rotation.models import Proposal

pytestmark = pytest.mark.django_db


def rejected(doc_or_path) -> ImportRejected:
    """Import, expect a rejection, and check that nothing at all was written."""
    before = database_counts()
    with pytest.raises(ImportRejected) as info:
        if isinstance(doc_or_path, dict):
            import_document(doc_or_path)
        else:
            import_file(doc_or_path)
    assert database_counts() == before
    return info.value


def places(error: ImportRejected) -> set[tuple]:
    return {(p.list, p.row, p.field) for p in error.problems}


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_a_document_is_imported_with_every_list_and_nested_list():
    summary = import_document(build_document(), file_name="tinh-mau.json")
    assert summary.as_dict()["cadres"] == {"created": 3, "updated": 0, "unchanged": 0}
    assert summary.as_dict()["posts"] == {"created": 5, "updated": 0, "unchanged": 0}
    counts = database_counts()
    assert counts["cadres.Position"] == 6
    assert counts["cadres.Education"] == 3
    assert counts["cadres.Course"] == 1
    assert counts["cadres.ApprovedException"] == 1
    lan = Cadre.objects.get(pk="CB0001")
    assert (lan.birth_date, lan.birth_precision, lan.birth_iso) == (dt.date(1984, 3, 1), "m", "1984-03")
    assert lan.name_search == " nguyen thi lan"
    assert lan.name_sort
    links = Proposal.to_posts.through.objects.filter(proposal_id="DX01").order_by("pk")
    assert list(links.values_list("post_id", flat=True)) == ["P060", "P002"]  # the document's order


def test_the_current_post_and_unit_follow_the_work_history():
    import_document(build_document())
    current = dict(Cadre.objects.values_list("pk", "current_post_id"))
    assert current == {"CB0001": "P010", "CB0002": "P060", "CB0003": "P001"}
    assert Cadre.objects.get(pk="CB0002").current_unit_id == "U060"


def test_a_post_without_dates_takes_its_units_dates():
    doc = build_document()
    doc["posts"][3].pop("valid_from")
    doc["posts"][3]["valid_to"] = None
    import_document(doc)
    post = Post.objects.get(pk="P050")
    assert (post.valid_from, post.valid_to) == (dt.date(1990, 1, 1), dt.date(2025, 6, 30))


def test_one_audit_entry_records_the_counts_and_the_file_name():
    import_document(build_document(), actor="tester", file_name="tinh-mau.json")
    entries = list(AuditEntry.objects.filter(action="data.imported"))
    assert len(entries) == 1
    assert entries[0].data["file"] == "tinh-mau.json"
    assert entries[0].data["counts"]["cadres"]["created"] == 3
    assert entries[0].actor_name == "tester"


def test_a_missing_required_field_is_rejected_with_nothing_written():
    doc = build_document()
    del cadre(doc, "CB0002")["gender"]
    assert places(rejected(doc)) == {("cadres", 2, "gender")}


def test_a_bad_date_is_rejected_with_nothing_written():
    doc = build_document()
    cadre(doc, "CB0001")["positions"][1]["start"] = "2019-02-29"
    error = rejected(doc)
    assert places(error) == {("cadres", 1, "positions[2].start")}
    assert "không tồn tại" in error.problems[0].message


def test_an_unknown_reference_is_rejected_with_nothing_written():
    doc = build_document()
    doc["units"][2]["locality"] = "H09"
    assert places(rejected(doc)) == {("units", 3, "locality")}


def test_a_duplicate_id_is_rejected_with_nothing_written():
    doc = build_document()
    doc["cadres"][2]["id"] = "CB0001"
    assert ("cadres", 3, "id") in places(rejected(doc))


def test_a_wrong_enumeration_value_is_rejected_with_nothing_written():
    doc = build_document()
    cadre(doc, "CB0001")["discipline"][0]["form"] = "phe_binh"
    assert places(rejected(doc)) == {("cadres", 1, "discipline[1].form")}


def test_overlapping_primary_positions_are_rejected_before_the_database_guard():
    doc = build_document()
    cadre(doc, "CB0001")["positions"][0]["end"] = "2020-01-01"
    assert places(rejected(doc)) == {("cadres", 1, "positions[2].start")}


def test_a_rejection_after_earlier_imports_leaves_the_database_as_it_was():
    import_document(build_document())
    doc = build_document()
    cadre(doc, "CB0001")["full_name"] = "Nguyễn Thị Lan Anh"       # a valid change …
    cadre(doc, "CB0003")["birth_date"] = "không rõ"                  # … and a bad one
    rejected(doc)
    assert Cadre.objects.get(pk="CB0001").full_name == "Nguyễn Thị Lan"


def test_re_importing_the_same_document_changes_nothing():
    import_document(build_document())
    with CaptureQueriesContext(connection) as queries:
        summary = import_document(build_document())
    assert not summary.changed
    assert all(c["created"] == 0 and c["updated"] == 0 for c in summary.as_dict().values())
    assert summary.as_dict()["cadres"]["unchanged"] == 3
    assert [sql for sql in writes(queries) if "audit_auditentry" not in sql] == []


def test_a_changed_cadre_is_updated_and_the_others_are_left_alone():
    import_document(build_document())
    doc = build_document()
    cadre(doc, "CB0003")["full_name"] = "Lê Văn Minh"
    summary = import_document(doc)
    assert summary.as_dict()["cadres"] == {"created": 0, "updated": 1, "unchanged": 2}
    minh = Cadre.objects.get(pk="CB0003")
    assert minh.name_search == " le van minh"


def test_a_changed_nested_list_is_replaced_as_a_whole():
    import_document(build_document())
    untouched = set(Education.objects.filter(cadre_id="CB0001").values_list("pk", flat=True))
    doc = build_document()
    lan = cadre(doc, "CB0001")
    lan["positions"][1]["end"] = "2026-01-01"
    lan["positions"].append({"post": "P001", "start": "2026-01-01", "end": None, "concurrent": False})
    summary = import_document(doc)
    assert summary.as_dict()["cadres"] == {"created": 0, "updated": 1, "unchanged": 2}
    assert list(Position.objects.filter(cadre_id="CB0001").order_by("start").values_list("post_id", "end")) == [
        ("P002", dt.date(2019, 5, 1)), ("P010", dt.date(2026, 1, 1)), ("P001", None)]
    assert set(Education.objects.filter(cadre_id="CB0001").values_list("pk", flat=True)) == untouched
    assert Cadre.objects.get(pk="CB0001").current_post_id == "P001"


def test_a_reordered_nested_list_is_not_a_change():
    import_document(build_document())
    doc = build_document()
    cadre(doc, "CB0001")["evaluations"].reverse()
    assert not import_document(doc).changed


def test_a_nested_list_left_out_is_kept_and_an_empty_one_empties_it():
    import_document(build_document())
    doc = build_document()
    del cadre(doc, "CB0001")["evaluations"]
    assert not import_document(doc).changed
    assert Evaluation.objects.filter(cadre_id="CB0001").count() == 2
    cadre(doc, "CB0001")["evaluations"] = []
    assert import_document(doc).as_dict()["cadres"]["updated"] == 1
    assert Evaluation.objects.filter(cadre_id="CB0001").count() == 0


def test_a_changed_list_of_target_posts_updates_the_proposal():
    import_document(build_document())
    doc = build_document()
    doc["proposals"][0]["to_posts"] = ["P060"]
    assert import_document(doc).as_dict()["proposals"]["updated"] == 1
    assert list(Proposal.objects.get(pk="DX01").to_posts.values_list("pk", flat=True)) == ["P060"]


def test_moving_a_post_to_another_unit_moves_its_holders_current_unit():
    import_document(build_document())
    doc = build_document()
    doc["posts"][2]["unit"] = "U001"     # P010, held by CB0001
    import_document(doc)
    assert Cadre.objects.get(pk="CB0001").current_unit_id == "U001"


def test_a_dry_run_counts_the_changes_and_writes_nothing():
    before = database_counts()
    summary = import_document(build_document(), dry_run=True)
    assert summary.as_dict()["cadres"]["created"] == 3
    assert database_counts() == before


def test_the_progress_callback_hears_about_each_stage():
    stages = []
    import_document(build_document(), progress=lambda stage, done, total: stages.append((stage, done, total)))
    names = {stage for stage, _, _ in stages}
    assert "Kiểm tra dữ liệu" in names and "Ghi cán bộ" in names
    assert ("Ghi cán bộ", 3, 3) in stages


def test_a_json_file_is_imported_by_its_content(tmp_path):
    path = tmp_path / "du-lieu.txt"
    path.write_text(json.dumps(build_document(), ensure_ascii=False), encoding="utf-8")
    assert import_file(path).as_dict()["cadres"]["created"] == 3
    assert AuditEntry.objects.get(action="data.imported").data["file"] == str(path)


def test_a_file_that_is_neither_json_nor_a_workbook_is_rejected(tmp_path):
    path = tmp_path / "ghi-chu.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old .xls or anything else")
    error = rejected(path)
    assert [p.message for p in error.problems] == ["Tệp không phải JSON hoặc Excel (.xlsx) hợp lệ"]


def test_a_zip_that_is_not_a_workbook_is_rejected(tmp_path):
    path = tmp_path / "nen.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    error = rejected(path)
    assert [p.message for p in error.problems] == ["Tệp không phải JSON hoặc Excel (.xlsx) hợp lệ"]


def test_a_truncated_workbook_is_rejected(tmp_path):
    from luanchuyen.interchange.xlsx import write_workbook

    whole = tmp_path / "day-du.xlsx"
    write_workbook(build_document(), whole)
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    error = rejected(broken)
    assert [p.message for p in error.problems] == ["Tệp không phải JSON hoặc Excel (.xlsx) hợp lệ"]


def test_broken_json_says_where(tmp_path):
    path = tmp_path / "hong.json"
    path.write_text('{"format": "luanchuyen/v1",\n  "cadres": [}', encoding="utf-8")
    message = rejected(path).problems[0].message
    assert message.startswith("Tệp không phải JSON hoặc Excel (.xlsx) hợp lệ") and "dòng 2" in message


def test_a_missing_file_is_rejected(tmp_path):
    assert "Không tìm thấy tệp" in rejected(tmp_path / "khong-co.json").problems[0].message


def test_the_rejection_message_lists_every_problem():
    doc = build_document()
    cadre(doc, "CB0001")["gender"] = "x"
    cadre(doc, "CB0002")["gender"] = "y"
    error = rejected(doc)
    assert error.message.splitlines()[0] == "Không nhập được dữ liệu: có 2 lỗi, chưa ghi gì vào cơ sở dữ liệu."
    assert "- Danh sách cadres, dòng 1, trường gender:" in error.message
    assert "- Danh sách cadres, dòng 2, trường gender:" in error.message
