"""Bad instance files give Vietnamese errors (InstanceError), never a traceback."""
from __future__ import annotations

import pytest

from luanchuyen.optimizer import InstanceError, load_instance, parse_instance, solve
from luanchuyen.optimizer.tests.helpers import instance


def good() -> dict:
    return instance([("a", "U1", ["nu"])], [("p1", "L1", 1)], [("a", "p1", 3)])


def error_of(data) -> str:
    with pytest.raises(InstanceError) as caught:
        parse_instance(data)
    return str(caught.value)


def test_it_reads_a_good_instance():
    parsed = parse_instance(good())
    assert [c.id for c in parsed.candidates] == ["a"] and parsed.n_pairs == 1


def test_it_rejects_a_file_that_is_not_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(InstanceError, match="không phải JSON hợp lệ"):
        load_instance(path)


def test_it_rejects_a_missing_file(tmp_path):
    with pytest.raises(InstanceError, match="Không tìm thấy tệp"):
        load_instance(tmp_path / "none.json")


def test_it_rejects_a_document_that_is_not_an_object():
    assert "phải là một đối tượng JSON" in error_of([1, 2])


def test_it_rejects_a_missing_list():
    data = good()
    del data["pairs"]
    assert error_of(data) == "Thiếu danh sách 'pairs'."


def test_it_rejects_a_pair_with_an_unknown_candidate():
    data = good()
    data["pairs"].append({"candidate": "zz", "post": "p1", "score": 1})
    assert error_of(data) == "Cặp thứ 2: ứng viên 'zz' không có trong danh sách 'candidates'."


def test_it_rejects_a_pair_with_an_unknown_post():
    data = good()
    data["pairs"][0]["post"] = "p9"
    assert error_of(data) == "Cặp thứ 1: vị trí 'p9' không có trong danh sách 'posts'."


def test_it_rejects_negative_slots():
    data = good()
    data["posts"][0]["slots"] = -1
    assert "Vị trí 'p1': số chỗ ('slots') không được âm" in error_of(data)


def test_it_rejects_fractional_slots():
    data = good()
    data["posts"][0]["slots"] = 1.5
    assert "phải là số nguyên không âm" in error_of(data)


def test_it_rejects_a_share_above_100():
    data = good()
    data["constraints"] = {"group_share_min": {"nu": 120}}
    assert error_of(data) == "Tỷ lệ tối thiểu của nhóm 'nu' phải nằm trong khoảng 0–100 (đang là 120)."


def test_it_rejects_a_score_that_is_not_a_number():
    data = good()
    data["pairs"][0]["score"] = "cao"
    assert "điểm ('score') phải là một số" in error_of(data)


def test_it_rejects_a_duplicate_pair():
    data = good()
    data["pairs"].append(dict(data["pairs"][0]))
    assert error_of(data) == "Cặp (a, p1) xuất hiện nhiều lần trong 'pairs'."


def test_it_rejects_a_duplicate_candidate_id():
    data = good()
    data["candidates"].append(dict(data["candidates"][0]))
    assert error_of(data) == "Mã ứng viên 'a' bị trùng."


def test_it_rejects_an_unknown_constraint():
    data = good()
    data["constraints"] = {"max_age": 50}
    assert "Ràng buộc không được hỗ trợ: max_age" in error_of(data)


def test_it_rejects_a_fixed_pair_with_an_unknown_post():
    data = good()
    data["constraints"] = {"fixed": [{"candidate": "a", "post": "p7"}]}
    assert error_of(data) == "Cặp bắt buộc thứ 1: vị trí 'p7' không có trong danh sách 'posts'."


def test_it_rejects_a_negative_total():
    data = good()
    data["constraints"] = {"total": {"min": -2}}
    assert "Tổng số người tối thiểu ('total.min') không được âm" in error_of(data)


def test_solve_raises_the_same_vietnamese_error():
    data = good()
    data["posts"][0]["slots"] = -3
    with pytest.raises(InstanceError, match="không được âm"):
        solve(data)


def test_every_constraint_key_is_optional():
    data = good()
    data.pop("constraints")
    assert solve(data)["objective"] == 3
