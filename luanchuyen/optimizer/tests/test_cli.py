"""`luanchuyen optimize --instance FILE.json [--time-limit S]`."""
from __future__ import annotations

import json

from luanchuyen.optimizer.cli import main
from luanchuyen.optimizer.tests.helpers import instance
from luanchuyen.optimizer.validate import validate

DATA = instance(
    [("a", "U1", ["nu"]), ("b", "U2", [])],
    [("p1", "L1", 1), ("p2", "L2", 1)],
    [("a", "p1", 4), ("b", "p1", 6), ("b", "p2", 3)],
    total={"min": 1, "max": 2},
)


def write(tmp_path, data, name="instance.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def test_it_prints_the_result_json(tmp_path, capsys):
    assert main(["--instance", write(tmp_path, DATA), "--time-limit", "10"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "optimal" and result["objective"] == 7 == result["bound"]
    assert validate(DATA, result) == []


def test_it_prints_an_infeasible_result_with_its_explanation(tmp_path, capsys):
    data = dict(DATA, constraints={"total": {"min": 3}})
    assert main(["--instance", write(tmp_path, data)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "infeasible"
    assert "Cần tối thiểu 3 người nhưng chỉ 2 ứng viên có cặp hợp lệ." in result["explanation"]


def test_it_reports_a_file_that_is_not_json_in_vietnamese(tmp_path, capsys):
    assert main(["--instance", write(tmp_path, "{oops")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Lỗi: Tệp") and "không phải JSON hợp lệ" in captured.err
    assert "Traceback" not in captured.err


def test_it_reports_a_bad_instance_in_vietnamese(tmp_path, capsys):
    data = json.loads(json.dumps(DATA))
    data["pairs"][0]["candidate"] = "x"
    assert main(["--instance", write(tmp_path, data)]) == 2
    assert "ứng viên 'x' không có trong danh sách 'candidates'" in capsys.readouterr().err


def test_it_reports_a_missing_instance_argument_in_vietnamese(capsys):
    assert main([]) == 2
    assert "Lỗi: thiếu tham số bắt buộc --instance" in capsys.readouterr().err


def test_it_rejects_a_time_limit_that_is_not_positive(tmp_path, capsys):
    assert main(["--instance", write(tmp_path, DATA), "--time-limit", "-1"]) == 2
    assert "thời gian giới hạn phải là số dương" in capsys.readouterr().err


def test_its_help_is_in_vietnamese(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng: luanchuyen optimize") and "--time-limit GIÂY" in out


def test_the_console_script_dispatches_optimize_to_it(tmp_path, capsys):
    from luanchuyen.cli import main as luanchuyen

    assert luanchuyen(["optimize", "--instance", write(tmp_path, DATA), "--compact"]) == 0
    assert json.loads(capsys.readouterr().out)["objective"] == 7
