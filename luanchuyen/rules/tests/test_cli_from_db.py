"""The ``check`` and ``parameters`` management commands: the file path, ``--from-db`` and bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command, execute_from_command_line

from luanchuyen.audit.models import AuditEntry
from luanchuyen.interchange.services import export_document
from luanchuyen.organization.models import Post
from luanchuyen.rotation.models import Proposal

D = dt.date


def command(argv: list[str], capsys) -> tuple[int, str, str]:
    """Runs ``manage.py <argv>`` as the console script does; (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as e:
        execute_from_command_line(["luanchuyen", *argv])
    out, err = capsys.readouterr()
    return e.value.code, out, err


@pytest.mark.django_db
def test_check_from_db_gives_the_cadres_in_office_the_verdicts_of_check(province, capsys, tmp_path):
    path = tmp_path / "tinh.json"
    doc = export_document(audit=False)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, from_file, _ = command(["check", str(path), "--on", "2026-01-01"], capsys)
    assert code == 0
    code, from_db, err = command(["check", "--from-db", "--on", "2026-01-01"], capsys)
    assert code == 0 and err == ""
    assert json.loads(from_db) == json.loads(from_file)  # every cadre of the demo holds a post at that date
    entry = AuditEntry.objects.get(action="eligibility.checked")
    assert entry.actor_name.startswith("cli") and entry.data["cadres"] == 5 and entry.data["via"] == "cli"


@pytest.mark.django_db
def test_check_from_db_scopes_to_a_units_subtree_and_a_purpose(province, capsys):
    code, out, _ = command(
        ["check", "--from-db", "--on", "2026-01-01", "--unit", "U020", "--purpose", "hai_nhiem_ky"], capsys
    )
    result = json.loads(out)
    assert code == 0 and [r["cadre"] for r in result["results"]] == ["CB0002", "CB0003"]
    outcomes = {v["rule"]: v["outcome"] for v in result["results"][0]["verdicts"]}
    assert outcomes["ROT-01"] == "not_applicable" and outcomes["ROT-02"] != "not_applicable"


@pytest.mark.django_db
def test_check_from_db_leaves_out_who_holds_no_post_at_the_date(province, capsys):
    _, out, _ = command(["check", "--from-db", "--on", "2025-06-30"], capsys)
    assert "CB0004" not in {r["cadre"] for r in json.loads(out)["results"]}


@pytest.mark.django_db
def test_check_from_db_proposals_are_checked_at_their_start_dates(province, capsys):
    proposal = Proposal.objects.create(
        id="DX1", cadre=province.cadres["lan"], purpose="dao_tao", start=D(2025, 9, 1), end=D(2028, 9, 1)
    )
    proposal.to_posts.set([Post.objects.get(pk="P100")])
    code, out, _ = command(["check", "--from-db", "--proposals"], capsys)
    assert code == 0
    assert [(r["proposal"], r["cadre"]) for r in json.loads(out)["results"]] == [("DX1", "CB0002")]
    code, out, _ = command(["check", "--from-db", "--proposals", "--format", "table"], capsys)
    assert code == 0 and "Đề xuất DX1 — cán bộ CB0002 Trần Thị Lan — ngày xét 01/09/2025" in out


@pytest.mark.django_db
def test_check_from_db_table_names_the_cadres_for_people(province, capsys):
    code, out, _ = command(
        ["check", "--from-db", "--on", "2026-01-01", "--unit", "U001", "--format", "table"], capsys
    )
    assert code == 0 and "cán bộ CB0001 Nguyễn Văn An — ngày xét 01/01/2026" in out


@pytest.mark.django_db
@pytest.mark.parametrize(
    "argv, message",
    [
        (["--from-db", "--on", "2026-01-01", "--unit", "U999"], "Không có đơn vị mã «U999»"),
        (
            ["--from-db", "--on", "2026-01-01", "--purpose", "du_lich"],
            "Mục đích luân chuyển «du_lich» không hợp lệ",
        ),
        (["--from-db"], "cần --on YYYY-MM-DD"),
        (["--from-db", "--on", "2026-02-30"], "phải có dạng YYYY-MM-DD"),
        (["tinh.json", "--from-db", "--on", "2026-01-01"], "không dùng cả hai"),
        (["tinh.json", "--unit", "U020"], "tùy chọn --unit chỉ dùng cùng --from-db"),
        (["--proposals"], "tùy chọn --proposals chỉ dùng cùng --from-db"),
        (["khong-co.json"], "không tìm thấy tệp «khong-co.json»"),
    ],
)
def test_bad_input_exits_2_with_a_vietnamese_message(province, capsys, argv, message):
    code, out, err = command(["check", *argv], capsys)
    assert code == 2 and out == ""
    assert message in err and err.startswith("Lỗi (luanchuyen check):") and "Traceback" not in err
    assert not AuditEntry.objects.filter(action="eligibility.checked").exists()


@pytest.mark.django_db
def test_check_without_arguments_still_runs_djangos_system_checks(capsys):
    call_command("check")
    assert "System check identified no issues" in capsys.readouterr().out


def test_parameters_command_lists_values_with_their_sources(capsys):
    code, out, _ = command(["parameters", "--on", "2026-01-01"], capsys)
    assert code == 0
    assert "rotation.min_duration_months" in out and "nguồn: Quy định 65-QĐ/TW" in out
    code, out, _ = command(["parameters", "--on", "2026-01-01", "--format", "json"], capsys)
    rows = {row["name"]: row for row in json.loads(out)["parameters"]}
    assert rows["rotation.min_duration_months"]["value"] == 36


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--on", "01/01/2026"], "phải có dạng YYYY-MM-DD"),
        (["--format", "xml"], "không hợp lệ cho --format"),
        (["--khong-co"], "tham số không được hỗ trợ"),
    ],
)
def test_parameters_command_bad_input_exits_2(capsys, argv, message):
    code, out, err = command(["parameters", *argv], capsys)
    assert code == 2 and out == "" and message in err and "Traceback" not in err
