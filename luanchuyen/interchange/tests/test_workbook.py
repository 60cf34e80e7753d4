"""The Excel workbook: the template's sheets, drop-downs and guide; reading filled-in workbooks back."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from luanchuyen.cadres.models import Cadre, Position
from luanchuyen.interchange.schema import ALL_LISTS, CADRES, CHOICES_SHEET, GUIDE_SHEET, INFO_SHEET, enumerations
from luanchuyen.interchange.services import ImportRejected, export_document, import_document, import_file
from luanchuyen.interchange.tests.builders import build_document, database_counts
from luanchuyen.interchange.xlsx import read_workbook, write_template, write_workbook

pytestmark = pytest.mark.django_db

PROVINCE = {"code": "TM", "name": "Tỉnh Mẫu"}


@pytest.fixture
def template(tmp_path):
    path = tmp_path / "mau.xlsx"
    write_template(path, province=PROVINCE)
    return load_workbook(path)


def headers(ws) -> list[str]:
    return [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]


def test_the_template_has_one_sheet_per_list_and_the_guide(template):
    assert template.sheetnames == [GUIDE_SHEET, INFO_SHEET, *(spec.sheet for spec in ALL_LISTS), CHOICES_SHEET]
    assert headers(template["CanBo"])[:5] == ["Mã cán bộ", "Họ và tên", "Tên gọi khác", "Giới tính", "Ngày sinh"]
    assert headers(template["QuaTrinhCongTac"]) == ["Mã cán bộ", "Vị trí", "Từ ngày", "Đến ngày", "Kiêm nhiệm"]
    assert template["CanBo"].max_row == 1  # empty: headers only
    info = {row[0]: row[1] for row in template[INFO_SHEET].iter_rows(min_row=2, values_only=True)}
    assert info == {"Định dạng": "luanchuyen/v1", "Mã tỉnh": "TM", "Tên tỉnh": "Tỉnh Mẫu"}


def test_every_enumeration_and_yes_no_column_has_a_drop_down_list(template):
    choices = template[CHOICES_SHEET]
    for spec in ALL_LISTS:
        ws = template[spec.sheet]
        columns = {h: i for i, h in enumerate(headers(ws), start=1)}
        validations = {}
        for dv in ws.data_validations.dataValidation:
            for cell_range in dv.sqref.ranges:
                validations[cell_range.min_col] = dv
        for f in spec.sheet_fields:
            if f.kind not in ("enum", "bool"):
                continue
            dv = validations.get(columns[f.header])
            assert dv is not None and dv.type == "list", (spec.sheet, f.header)
            if f.kind == "bool":
                assert dv.formula1 == '"Có,Không"'
            else:
                sheet, cells = dv.formula1.split("!")
                assert sheet == CHOICES_SHEET
                labels = [c.value for row in choices[cells.replace("$", "")] for c in row]
                assert labels == list(f.choices.labels), (spec.sheet, f.header)


def test_the_guide_explains_every_column(template):
    rows = list(template[GUIDE_SHEET].iter_rows(values_only=True))
    header = rows.index(("Trang tính", "Danh sách", "Cột", "Bắt buộc", "Ý nghĩa", "Giá trị cho phép", "Khóa JSON"))
    explained = {(r[0], r[2]): r for r in rows[header + 1:]}
    for spec in ALL_LISTS:
        for column in headers(template[spec.sheet]):
            row = explained[(spec.sheet, column)]
            assert row[4], (spec.sheet, column)   # a meaning
    gender = explained[("CanBo", "Giới tính")]
    assert gender[3] == "Có" and "nu = Nữ" in gender[5]
    assert explained[("CanBo", "Tên gọi khác")][3] in (None, "")


def test_the_enumeration_labels_can_be_read_back_unambiguously():
    for enum in enumerations():
        names = [v.casefold() for v in enum.values] + [label.casefold() for label in enum.labels]
        assert len(names) == len(set(names)) or set(enum.values) & set(enum.labels) == set(), enum


def test_an_empty_template_imports_nothing(tmp_path):
    path = tmp_path / "mau.xlsx"
    write_template(path, province=PROVINCE)
    summary = import_file(path)
    assert not summary.changed and Cadre.objects.count() == 0


def test_a_filled_in_template_is_imported_with_labels_text_dates_and_excel_dates(tmp_path):
    import_document(build_document())           # organization already in the database
    path = tmp_path / "mau.xlsx"
    write_template(path, province=PROVINCE)
    wb = load_workbook(path)
    wb["CanBo"].append(["CB0100", "Phạm Thị Hoa", None, "Nữ", "03/1990", None, "H01", "Kinh", None, 44190012345,
                        "15/06/2012", dt.datetime(2013, 6, 15), None, "x", "Trung cấp", "chuyen_vien"])
    wb["QuaTrinhCongTac"].append(["CB0100", "P002", "2020-02-01", None, "Không"])
    wb["DanhGia"].append(["CB0100", 2024.0, "Hoàn thành tốt nhiệm vụ", "80"])
    wb.save(path)
    summary = import_file(path)
    assert summary.as_dict()["cadres"]["created"] == 1
    hoa = Cadre.objects.get(pk="CB0100")
    assert (hoa.gender, hoa.birth_iso, hoa.citizen_id) == ("nu", "1990-03", "44190012345")
    assert (hoa.party_joined, hoa.party_official) == (dt.date(2012, 6, 15), dt.date(2013, 6, 15))
    assert (hoa.late_retirement_eligible, hoa.political_theory, hoa.state_management) == (True, "trung_cap",
                                                                                          "chuyen_vien")
    assert hoa.current_post_id == "P002"
    assert list(hoa.evaluation_set.values_list("year", "grade", "score")) == [(2024, "htt", 80)]


def bad_workbook(tmp_path, edit) -> ImportRejected:
    path = tmp_path / "du-lieu.xlsx"
    write_workbook(build_document(), path)
    wb = load_workbook(path)
    edit(wb)
    wb.save(path)
    before = database_counts()
    with pytest.raises(ImportRejected) as info:
        import_file(path)
    assert database_counts() == before
    return info.value


def test_workbook_problems_name_the_sheet_the_sheet_row_and_the_column(tmp_path):
    def edit(wb):
        wb["CanBo"]["E3"] = "1984-13"           # CB0002's birth date (sheet row 3)
        wb["QuaTrinhCongTac"]["B4"] = "P999"    # a post that does not exist
        wb["DonVi"]["C2"] = "Nhóm lạ"           # not a group
    error = bad_workbook(tmp_path, edit)
    assert {(p.list, p.row, p.field) for p in error.problems} == {
        ("CanBo", 3, "Ngày sinh"), ("QuaTrinhCongTac", 4, "Vị trí"), ("DonVi", 2, "Nhóm cơ quan")}
    texts = [str(p) for p in error.problems]
    assert any(t.startswith("Trang tính CanBo, dòng 3, cột Ngày sinh: ") for t in texts)


def test_blank_rows_do_not_shift_the_reported_row(tmp_path):
    def edit(wb):
        ws = wb["CanBo"]
        ws.insert_rows(3, amount=2)              # rows 3 and 4 left blank
        ws["D5"] = "không rõ"                   # CB0002 moved to row 5
    error = bad_workbook(tmp_path, edit)
    assert [(p.list, p.row, p.field) for p in error.problems] == [("CanBo", 5, "Giới tính")]


def test_a_nested_row_for_an_unknown_cadre_is_reported(tmp_path):
    def edit(wb):
        wb["DanhGia"].append(["CB9999", 2024, "htt", 80])
    error = bad_workbook(tmp_path, edit)
    problem = error.problems[0]
    assert (problem.list, problem.field) == ("DanhGia", "Mã cán bộ") and "CB9999" in problem.message


def test_duplicate_ids_in_a_sheet_name_the_other_row(tmp_path):
    def edit(wb):
        wb["ChucDanh"]["A3"] = wb["ChucDanh"]["A2"].value   # bi_thu_xa becomes bi_thu_huyen
    error = bad_workbook(tmp_path, edit)
    assert [(p.list, p.row, p.field) for p in error.problems] == [
        ("ChucDanh", 3, "Mã chức danh"), ("ViTri", 6, "Chức danh")]   # and P060 lost its title
    assert "dòng 2" in error.problems[0].message


def test_an_unknown_sheet_an_unknown_column_and_a_missing_required_column_are_reported(tmp_path):
    def edit(wb):
        wb.create_sheet("Sheet1")["A1"] = "ghi chú"
        wb["ViTri"]["H1"] = "Ghi chú"
        wb["CanBo"]["B1"] = None                 # Họ và tên column gone
    error = bad_workbook(tmp_path, edit)
    assert {(p.list, p.row, p.field) for p in error.problems} == {
        ("Sheet1", None, None), ("ViTri", 1, "Ghi chú"), ("CanBo", 1, "Họ và tên")}


def test_a_workbook_without_the_information_sheet_is_reported(tmp_path):
    def edit(wb):
        del wb[INFO_SHEET]
    error = bad_workbook(tmp_path, edit)
    assert [p.list for p in error.problems] == [INFO_SHEET]


def test_a_workbook_for_another_province_is_reported_on_the_information_sheet(tmp_path):
    def edit(wb):
        wb[INFO_SHEET]["B3"] = "QB"
    error = bad_workbook(tmp_path, edit)
    assert [(p.list, p.row, p.field) for p in error.problems] == [(INFO_SHEET, 3, "Giá trị")]


def test_an_empty_nested_sheet_empties_those_lists_and_a_missing_one_keeps_them(tmp_path):
    import_document(build_document())
    path = tmp_path / "du-lieu.xlsx"
    write_workbook(export_document(), path)
    wb = load_workbook(path)
    del wb["QuaTrinhCongTac"]
    wb.save(path)
    assert not import_file(path).changed
    assert Position.objects.count() == 6
    wb = load_workbook(path)
    wb.create_sheet("QuaTrinhCongTac").append(["Mã cán bộ", "Vị trí", "Từ ngày", "Đến ngày", "Kiêm nhiệm"])
    wb.save(path)
    assert import_file(path).as_dict()["cadres"]["updated"] == 3
    assert Position.objects.count() == 0
    assert Cadre.objects.filter(current_post__isnull=False).count() == 0


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    doc = build_document()
    doc["cadres"][0]["other_name"] = "=1+1"
    path = tmp_path / "du-lieu.xlsx"
    write_workbook(doc, path)
    content = read_workbook(path)
    assert content.doc["cadres"][0]["other_name"] == "=1+1"


def test_reading_gives_back_the_document(tmp_path):
    doc = build_document()
    path = tmp_path / "du-lieu.xlsx"
    write_workbook(doc, path)
    content = read_workbook(path)
    assert content.problems == []
    cadres = content.doc["cadres"]
    assert [c["id"] for c in cadres] == ["CB0001", "CB0002", "CB0003"]
    assert cadres[0]["positions"] == [
        {"post": "P002", "start": "2015-01-01", "end": "2019-05-01", "concurrent": False},
        {"post": "P010", "start": "2019-05-01", "concurrent": False}]
    assert content.doc["proposals"][0]["to_posts"] == ["P060", "P002"]
    assert content.doc["rotation_plans"][0]["parameters"] == {"rotation.min_duration_months": 48}
    assert content.locator.rows["cadres"] == [2, 3, 4]
    assert len(CADRES.children) == 9


def as_excel_saves_it(source, target) -> None:
    """Rewrite an openpyxl workbook (inline strings) the way Excel saves one: a shared-string table,
    with a rich-text item carrying a phonetic run."""
    import re
    import zipfile
    from xml.sax.saxutils import escape

    strings: list[str] = []
    index: dict[str, int] = {}

    def shared(match):
        text = re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), match.group(2))
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return f'{match.group(1)} t="s"><v>{index[text]}</v></c>'

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            data = src.read(name).decode("utf-8")
            if name.startswith("xl/worksheets/"):
                data = re.sub(r'(<c [^>]*?) t="inlineStr"><is><t>(.*?)</t></is></c>', shared, data)
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.'
                                    'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    "</Relationships>")
            elif name == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            out.writestr(name, data)
        items = []
        for text in strings:
            if text == "Nguyễn Thị Lan":   # rich text in two runs, and a phonetic hint that is not text
                items.append("<si><r><t>Nguyễn Thị </t></r><r><rPr><b/></rPr><t>Lan</t></r>"
                             "<rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si>")
            else:
                items.append(f'<si><t xml:space="preserve">{escape(text)}</t></si>')
        out.writestr("xl/sharedStrings.xml",
                     '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                     f'count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(items) + "</sst>")


def test_a_workbook_saved_with_shared_strings_reads_the_same(tmp_path):
    doc = build_document()
    path = tmp_path / "openpyxl.xlsx"
    write_workbook(doc, path)
    excel = tmp_path / "excel.xlsx"
    as_excel_saves_it(path, excel)
    assert read_workbook(excel).doc == read_workbook(path).doc
    assert read_workbook(excel).doc["cadres"][0]["full_name"] == "Nguyễn Thị Lan"
    assert import_file(excel).as_dict()["cadres"]["created"] == 3
    assert Cadre.objects.get(pk="CB0001").full_name == "Nguyễn Thị Lan"


def test_the_standard_library_parser_reads_the_same_as_lxml(tmp_path, monkeypatch):
    from luanchuyen.interchange import xlsx

    path = tmp_path / "du-lieu.xlsx"
    write_workbook(build_document(), path)
    with_lxml = read_workbook(path).doc
    monkeypatch.setattr(xlsx, "_lxml", None)
    assert read_workbook(path).doc == with_lxml
