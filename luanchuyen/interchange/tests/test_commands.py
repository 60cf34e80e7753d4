"""The commands `luanchuyen import | export | template`: exit codes and Vietnamese messages."""
from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone
from openpyxl import load_workbook

from luanchuyen.audit.models import AuditEntry
from luanchuyen.cli import main
from luanchuyen.interchange.services import export_document, import_document
from luanchuyen.interchange.tests.builders import build_document, cadre, database_counts
from luanchuyen.interchange.xlsx import write_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_test_connection(monkeypatch):
    # A command run from the command line closes the database connections when it ends; inside a
    # test that would end the test's transaction.
    monkeypatch.setattr(connections, "close_all", lambda: None)


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "tinh-mau.json"
    path.write_text(json.dumps(build_document(), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def bad_file(tmp_path):
    doc = build_document()
    cadre(doc, "CB0001")["birth_date"] = "1984-13"
    cadre(doc, "CB0002")["positions"][0]["post"] = "P404"
    path = tmp_path / "loi.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def run(argv: list[str]) -> int:
    """luanchuyen.cli.main as the console script runs it: an exit code, never an exception."""
    try:
        return main(argv)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 1


def test_call_command_imports_and_reports_the_counts(good_file, capsys):
    call_command("import", str(good_file))
    out = capsys.readouterr().out
    assert f"Đã nhập tệp {good_file}:" in out
    assert "Cán bộ: 3 thêm mới, 0 cập nhật, 0 không đổi" in out
    call_command("import", str(good_file))
    assert "Cán bộ: 0 thêm mới, 0 cập nhật, 3 không đổi" in capsys.readouterr().out


def test_call_command_raises_a_command_error_listing_every_problem(bad_file):
    before = database_counts()
    with pytest.raises(CommandError) as info:
        call_command("import", str(bad_file))
    message = str(info.value)
    assert message.startswith(f"Không nhập được tệp {bad_file}: có 2 lỗi, chưa ghi gì vào cơ sở dữ liệu.")
    assert "- Danh sách cadres, dòng 1, trường birth_date: ngày sinh '1984-13' không tồn tại" in message
    assert "- Danh sách cadres, dòng 2, trường positions[1].post: không tìm thấy vị trí có mã 'P404'" in message
    assert database_counts() == before


def test_the_console_script_imports_and_exits_zero(good_file, capsys):
    assert run(["import", str(good_file)]) == 0
    assert "Cán bộ: 3 thêm mới" in capsys.readouterr().out
    entry = AuditEntry.objects.get(action="data.imported")
    assert entry.actor_name.startswith("cli")


def test_the_console_script_lists_the_problems_and_exits_one_without_a_traceback(bad_file, capsys):
    before = database_counts()
    assert run(["import", str(bad_file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Lỗi: Không nhập được tệp {bad_file}: có 2 lỗi")
    assert "Danh sách cadres, dòng 1, trường birth_date:" in err
    assert "Traceback" not in err
    assert database_counts() == before


def test_the_console_script_names_sheet_row_and_column_of_a_bad_workbook(tmp_path, capsys):
    path = tmp_path / "loi.xlsx"
    write_workbook(build_document(), path)
    wb = load_workbook(path)
    wb["CanBo"]["E13"] = "x"      # a 12th cadre row with only a birth date
    wb["CanBo"]["E3"] = "1970-02-30"
    wb.save(path)
    assert run(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Trang tính CanBo, dòng 3, cột Ngày sinh: ngày sinh '1970-02-30' không tồn tại" in err
    assert "Trang tính CanBo, dòng 13, cột Mã cán bộ: thiếu giá trị bắt buộc" in err


def test_the_console_script_rejects_a_file_that_is_not_a_workbook(tmp_path, capsys):
    path = tmp_path / "anh.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not a workbook")
    assert run(["import", str(path)]) == 1
    assert "Tệp không phải JSON hoặc Excel (.xlsx) hợp lệ" in capsys.readouterr().err


def test_a_dry_run_writes_nothing(good_file, capsys):
    before = database_counts()
    assert run(["import", "--dry-run", str(good_file)]) == 0
    assert "Kiểm tra xong (chưa ghi gì)" in capsys.readouterr().out
    assert database_counts() == before


def test_an_unknown_user_is_refused(good_file, capsys):
    assert run(["import", "--user", "khong_co", str(good_file)]) == 1
    assert "Không có tài khoản 'khong_co'" in capsys.readouterr().err


def test_help_is_in_vietnamese(capsys):
    assert run(["import", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng: luanchuyen import")
    assert "Tệp JSON hoặc Excel (.xlsx) cần nhập." in out and "In hướng dẫn này rồi thoát." in out
    for command in ("export", "template"):
        assert run([command, "--help"]) == 0
        assert "Tùy chọn:" in capsys.readouterr().out


def test_bad_arguments_are_explained_in_vietnamese(capsys):
    assert run(["export", "--format", "csv"]) == 2
    assert "giá trị 'csv' không hợp lệ" in capsys.readouterr().err
    assert run(["import"]) == 2
    assert "thiếu tham số bắt buộc: TỆP" in capsys.readouterr().err


def test_export_prints_the_json_document(capsys):
    import_document(build_document())
    capsys.readouterr()
    assert run(["export", "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == export_document(audit=False)
    assert AuditEntry.objects.filter(action="data.exported").count() == 1


def test_export_writes_a_workbook_named_after_the_province_and_the_day(tmp_path, monkeypatch, capsys):
    import_document(build_document())
    monkeypatch.chdir(tmp_path)
    assert run(["export", "--format", "xlsx"]) == 0
    name = f"luanchuyen-TM-{timezone.localdate().isoformat()}.xlsx"
    assert (tmp_path / name).exists()
    assert f"Đã xuất 3 cán bộ ra tệp {name}." in capsys.readouterr().out
    assert load_workbook(tmp_path / name)["CanBo"].max_row == 4


def test_export_of_one_cadre_and_of_an_unknown_cadre(tmp_path, capsys):
    import_document(build_document())
    out = tmp_path / "mot.json"
    assert run(["export", "--cadre", "CB0002", "--output", str(out)]) == 0
    assert [c["id"] for c in json.loads(out.read_text(encoding="utf-8"))["cadres"]] == ["CB0002"]
    assert run(["export", "--cadre", "CB9999"]) == 1
    assert "Không có cán bộ mã: CB9999" in capsys.readouterr().err


def test_export_into_a_missing_folder_is_refused(tmp_path, capsys):
    assert run(["export", "--output", str(tmp_path / "khong-co" / "x.json")]) == 1
    assert "Không có thư mục" in capsys.readouterr().err


def test_template_writes_the_empty_workbook(tmp_path, capsys):
    out = tmp_path / "mau.xlsx"
    assert run(["template", "--output", str(out)]) == 0
    assert f"Đã tạo tệp mẫu {out}." in capsys.readouterr().out
    wb = load_workbook(out)
    assert "HuongDan" in wb.sheetnames and "CanBo" in wb.sheetnames and "DanhMuc" in wb.sheetnames
    call_command("template", output=str(tmp_path / "mau2.xlsx"))
    assert (tmp_path / "mau2.xlsx").exists()
