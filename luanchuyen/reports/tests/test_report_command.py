"""`luanchuyen report co-cau`: json, table and Excel on the demo; Vietnamese errors."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_the_json_report_on_12_03_2021_gives_the_seed_figures(demo):
    data = json.loads(run("co-cau", "--on", "2021-03-12", "--format", "json"))
    assert (data["total"], data["women"], data["young"]) == (338, 45, 8)
    assert round(data["formal_training_pct"]) == 70
    assert {f: round(v) for f, v in data["fields"].items()}["kinh_te"] == 25
    assert data["on"] == "2021-03-12"


def test_json_is_the_default_format(demo):
    assert json.loads(run("co-cau", "--on", "2021-03-12"))["total"] == 338


def test_the_table_is_aligned_vietnamese_text(demo):
    text = run("co-cau", "--on", "12/03/2021", "--format", "table")
    assert "tại ngày 12/03/2021" in text
    overall = next(line for line in text.splitlines() if line.startswith("Toàn bộ"))
    assert overall.split()[2:] == ["338", "45", "13,3", "8", "2,4"]
    assert "Chính quy" in text and "70,1" in text and "Quân sự, công an" in text
    header = next(line for line in text.splitlines() if "Tổng số" in line)
    assert header.index("Tổng số") + len("Tổng số") == overall.index("338") + 3


def test_the_excel_file_has_a_title_a_date_and_the_figures(demo, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    text = run("co-cau", "--on", "2021-03-12", "--format", "xlsx")
    path = tmp_path / "bao-cao-co-cau-TM-2021-03-12.xlsx"
    assert path.exists() and path.name in text
    ws = load_workbook(path).active
    assert ws["A1"].value.startswith("BÁO CÁO CƠ CẤU")
    assert ws["B3"].value.date() == dt.date(2021, 3, 12) and ws["B3"].number_format == "dd/mm/yyyy"
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert ["Toàn bộ", 338, 45, 13.3, 8, 2.4] in rows
    assert ["Chính quy", 237, 70.1] in [r[:3] for r in rows]


def test_output_writes_the_json_to_a_file(demo, tmp_path):
    target = tmp_path / "co-cau.json"
    run("co-cau", "--on", "2021-03-12", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == 338


def test_each_report_run_is_audited(demo):
    from luanchuyen.audit.models import AuditEntry

    run("co-cau", "--on", "2021-03-12", "--format", "table")
    entry = AuditEntry.objects.filter(action="report.exported").latest("id")
    assert entry.data["report"] == "co-cau" and entry.data["on"] == "2021-03-12"


def test_an_unknown_report_is_refused_in_vietnamese(db):
    with pytest.raises(CommandError, match="Không có báo cáo 'khong-co'"):
        run("khong-co")


@pytest.mark.parametrize("bad", ["2021-13-01", "31/02/2021", "hôm qua"])
def test_a_bad_date_is_refused_in_vietnamese(db, bad):
    with pytest.raises(CommandError, match="không hợp lệ"):
        run("co-cau", "--on", bad)
