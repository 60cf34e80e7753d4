"""The optimizer instance `luanchuyen-optimize/v1` (DOMAIN.md §10.3): parsing and validation.

`parse_instance(data)` turns the JSON document into an `Instance` or raises `InstanceError` with a
Vietnamese message. Candidates and posts are small lists of dataclasses; the pairs (up to a few
hundred thousand) are kept as numpy arrays so that the model can be built without a Python loop per
pair.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "luanchuyen-optimize/v1"

CONSTRAINT_KEYS = (
    "total",
    "group_share_min",
    "max_in_per_locality",
    "min_in_per_locality",
    "max_out_per_unit",
    "fixed",
    "forbidden",
)


class InstanceError(ValueError):
    """The instance file is not a valid `luanchuyen-optimize/v1` document (message in Vietnamese)."""


@dataclass(frozen=True)
class Candidate:
    id: str
    unit: str | None = None
    home: str | None = None
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Post:
    id: str
    unit: str | None = None
    locality: str | None = None
    slots: int = 1


@dataclass(frozen=True)
class Constraints:
    total_min: int | None = None
    total_max: int | None = None
    group_share_min: dict[str, float] = field(default_factory=dict)
    max_in_per_locality: int | None = None
    min_in_per_locality: int | None = None
    max_out_per_unit: int | None = None
    fixed: tuple[tuple[str, str], ...] = ()
    forbidden: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, eq=False)
class Instance:
    candidates: tuple[Candidate, ...]
    posts: tuple[Post, ...]
    pair_candidate: np.ndarray  # int64, index into candidates
    pair_post: np.ndarray  # int64, index into posts
    pair_score: np.ndarray  # float64
    constraints: Constraints
    candidate_index: dict[str, int]
    post_index: dict[str, int]

    @property
    def n_pairs(self) -> int:
        return int(self.pair_candidate.shape[0])

    @property
    def integral_scores(self) -> bool:
        """True when every score is an integer, so every objective value is an integer."""
        scores = self.pair_score
        return bool(np.all(scores == np.round(scores)))

    def pair_keys(self) -> np.ndarray:
        """One int64 key per pair, candidate-major: candidate * n_posts + post."""
        return self.pair_candidate * len(self.posts) + self.pair_post

    @cached_property
    def _sorted_keys(self) -> tuple[np.ndarray, np.ndarray]:
        keys = self.pair_keys()
        order = np.argsort(keys, kind="stable")
        return keys[order], order

    def find_pair(self, candidate: str, post: str) -> int | None:
        """The index of the pair (candidate, post) in `pairs`, or None when it is not there."""
        c = self.candidate_index.get(candidate)
        p = self.post_index.get(post)
        if c is None or p is None:
            return None
        found = self.find_pairs(np.array([c * len(self.posts) + p], dtype=np.int64))
        return None if found[0] < 0 else int(found[0])

    def find_pairs(self, keys: np.ndarray) -> np.ndarray:
        """Pair index for each key (see `pair_keys`), -1 where the pair is not in `pairs`."""
        sorted_keys, order = self._sorted_keys
        result = np.full(len(keys), -1, dtype=np.int64)
        if len(sorted_keys) == 0 or len(keys) == 0:
            return result
        pos = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
        hit = sorted_keys[pos] == keys
        result[hit] = order[pos[hit]]
        return result


def load_instance(path: str | Path) -> Instance:
    """Read and parse an instance file; every problem is an `InstanceError` in Vietnamese."""
    return parse_instance(read_instance_json(path))


def read_instance_json(path: str | Path) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InstanceError(f"Không tìm thấy tệp '{path}'.") from None
    except IsADirectoryError:
        raise InstanceError(f"'{path}' là một thư mục, không phải tệp.") from None
    except UnicodeDecodeError:
        raise InstanceError(f"Tệp '{path}' không phải văn bản UTF-8.") from None
    except OSError as error:
        raise InstanceError(f"Không đọc được tệp '{path}': {error.strerror or error}.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InstanceError(
            f"Tệp '{path}' không phải JSON hợp lệ (lỗi ở dòng {error.lineno}, cột {error.colno})."
        ) from None


def parse_instance(data: Any) -> Instance:
    """Validate a `luanchuyen-optimize/v1` document and return the `Instance`."""
    if isinstance(data, Instance):
        return data
    if not isinstance(data, dict):
        raise InstanceError("Bài toán phải là một đối tượng JSON (có các khóa candidates, posts, pairs).")
    fmt = data.get("format")
    if fmt is not None and fmt != FORMAT:
        raise InstanceError(f"Định dạng '{fmt}' không được hỗ trợ; cần '{FORMAT}'.")
    for key in ("candidates", "posts", "pairs"):
        if key not in data:
            raise InstanceError(f"Thiếu danh sách '{key}'.")
        if not isinstance(data[key], list):
            raise InstanceError(f"'{key}' phải là một danh sách.")

    candidates = tuple(_parse_candidate(item, i) for i, item in enumerate(data["candidates"]))
    posts = tuple(_parse_post(item, i) for i, item in enumerate(data["posts"]))
    candidate_index = _index(candidates, "ứng viên")
    post_index = _index(posts, "vị trí")

    pair_candidate, pair_post, pair_score = _parse_pairs(data["pairs"], candidate_index, post_index)
    keys = pair_candidate * len(posts) + pair_post
    unique_keys, first, counts = np.unique(keys, return_index=True, return_counts=True)
    if len(unique_keys) < len(keys):
        k = int(first[np.argmax(counts > 1)])
        raise InstanceError(
            f"Cặp ({candidates[pair_candidate[k]].id}, {posts[pair_post[k]].id}) xuất hiện nhiều lần "
            "trong 'pairs'."
        )

    constraints = _parse_constraints(data.get("constraints", {}), candidate_index, post_index)
    return Instance(
        candidates=candidates,
        posts=posts,
        pair_candidate=pair_candidate,
        pair_post=pair_post,
        pair_score=pair_score,
        constraints=constraints,
        candidate_index=candidate_index,
        post_index=post_index,
    )


def _index(items: tuple[Candidate, ...] | tuple[Post, ...], what: str) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in index:
            raise InstanceError(f"Mã {what} '{item.id}' bị trùng.")
        index[item.id] = i
    return index


def _text(value: Any, where: str, *, required: bool) -> str | None:
    if value is None:
        if required:
            raise InstanceError(f"{where}: thiếu mã.")
        return None
    if not isinstance(value, str):
        raise InstanceError(f"{where}: mã phải là chuỗi ký tự.")
    text = value
    if required and not text.strip():
        raise InstanceError(f"{where}: mã không được để trống.")
    return text


def _parse_candidate(item: Any, i: int) -> Candidate:
    where = f"Ứng viên thứ {i + 1}"
    if not isinstance(item, dict):
        raise InstanceError(f"{where} phải là một đối tượng JSON.")
    cid = _text(item.get("id"), where, required=True)
    where = f"Ứng viên '{cid}'"
    groups = item.get("groups", [])
    if groups is None:
        groups = []
    if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
        raise InstanceError(f"{where}: 'groups' phải là danh sách các chuỗi.")
    return Candidate(
        id=cid,  # type: ignore[arg-type]
        unit=_text(item.get("unit"), f"{where}, đơn vị", required=False),
        home=_text(item.get("home"), f"{where}, địa bàn", required=False),
        groups=tuple(dict.fromkeys(groups)),
    )


def _parse_post(item: Any, i: int) -> Post:
    where = f"Vị trí thứ {i + 1}"
    if not isinstance(item, dict):
        raise InstanceError(f"{where} phải là một đối tượng JSON.")
    pid = _text(item.get("id"), where, required=True)
    where = f"Vị trí '{pid}'"
    slots = _count(item.get("slots", 1), f"{where}: số chỗ ('slots')")
    return Post(
        id=pid,  # type: ignore[arg-type]
        unit=_text(item.get("unit"), f"{where}, đơn vị", required=False),
        locality=_text(item.get("locality"), f"{where}, địa bàn", required=False),
        slots=slots,
    )


def _count(value: Any, what: str) -> int:
    """A non-negative integer (5 or 5.0), else a Vietnamese error."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InstanceError(f"{what} phải là số nguyên không âm.")
    if isinstance(value, float) and (not math.isfinite(value) or value != int(value)):
        raise InstanceError(f"{what} phải là số nguyên không âm.")
    if value < 0:
        raise InstanceError(f"{what} không được âm (đang là {value:g}).")
    return int(value)


def _parse_pairs(
    items: list[Any], candidate_index: dict[str, int], post_index: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fast path with list comprehensions; on any problem, `_slow_parse_pairs` names the bad pair."""
    try:
        cand = np.array([candidate_index[item["candidate"]] for item in items], dtype=np.int64)
        post = np.array([post_index[item["post"]] for item in items], dtype=np.int64)
        raw = [item["score"] for item in items]
        if all(type(value) in (int, float) for value in raw):
            score = np.array(raw, dtype=np.float64)
            if np.all(np.isfinite(score)):
                return cand, post, score
    except (KeyError, TypeError):
        pass
    return _slow_parse_pairs(items, candidate_index, post_index)


def _slow_parse_pairs(
    items: list[Any], candidate_index: dict[str, int], post_index: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(items)
    cand = np.empty(n, dtype=np.int64)
    post = np.empty(n, dtype=np.int64)
    score = np.empty(n, dtype=np.float64)
    for k, item in enumerate(items):
        try:
            cand[k] = candidate_index[item["candidate"]]
            post[k] = post_index[item["post"]]
            value = item["score"]
        except (KeyError, TypeError):
            _explain_bad_pair(item, k, candidate_index, post_index)
            raise  # _explain_bad_pair always raises
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise InstanceError(
                f"Cặp thứ {k + 1} ({item['candidate']}, {item['post']}): điểm ('score') phải là một số."
            )
        score[k] = value
    return cand, post, score


def _explain_bad_pair(item: Any, k: int, candidate_index: dict[str, int], post_index: dict[str, int]) -> None:
    where = f"Cặp thứ {k + 1}"
    if not isinstance(item, dict):
        raise InstanceError(f"{where} phải là một đối tượng JSON.")
    for key, label in (("candidate", "ứng viên"), ("post", "vị trí"), ("score", "điểm")):
        if key not in item:
            raise InstanceError(f"{where}: thiếu '{key}' ({label}).")
    if not isinstance(item["candidate"], str) or item["candidate"] not in candidate_index:
        raise InstanceError(f"{where}: ứng viên '{item['candidate']}' không có trong danh sách 'candidates'.")
    raise InstanceError(f"{where}: vị trí '{item['post']}' không có trong danh sách 'posts'.")


def _parse_constraints(
    data: Any, candidate_index: dict[str, int], post_index: dict[str, int]
) -> Constraints:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InstanceError("'constraints' phải là một đối tượng JSON.")
    unknown = sorted(set(data) - set(CONSTRAINT_KEYS))
    if unknown:
        raise InstanceError(
            f"Ràng buộc không được hỗ trợ: {', '.join(unknown)}. Các ràng buộc hợp lệ: "
            f"{', '.join(CONSTRAINT_KEYS)}."
        )

    total_min = total_max = None
    total = data.get("total")
    if total is not None:
        if not isinstance(total, dict) or set(total) - {"min", "max"}:
            raise InstanceError("'total' phải có dạng {\"min\": số, \"max\": số}.")
        if total.get("min") is not None:
            total_min = _count(total["min"], "Tổng số người tối thiểu ('total.min')")
        if total.get("max") is not None:
            total_max = _count(total["max"], "Tổng số người tối đa ('total.max')")

    shares: dict[str, float] = {}
    raw_shares = data.get("group_share_min")
    if raw_shares is not None:
        if not isinstance(raw_shares, dict):
            raise InstanceError("'group_share_min' phải là đối tượng {nhóm: tỷ lệ phần trăm}.")
        for group, value in raw_shares.items():
            what = f"Tỷ lệ tối thiểu của nhóm '{group}'"
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise InstanceError(f"{what} phải là một số phần trăm từ 0 đến 100.")
            if value < 0 or value > 100:
                raise InstanceError(f"{what} phải nằm trong khoảng 0–100 (đang là {value:g}).")
            shares[group] = float(value)

    def optional_count(key: str, what: str) -> int | None:
        value = data.get(key)
        return None if value is None else _count(value, f"{what} ('{key}')")

    return Constraints(
        total_min=total_min,
        total_max=total_max,
        group_share_min=shares,
        max_in_per_locality=optional_count("max_in_per_locality", "Số người tối đa đến mỗi địa bàn"),
        min_in_per_locality=optional_count("min_in_per_locality", "Số người tối thiểu đến mỗi địa bàn"),
        max_out_per_unit=optional_count("max_out_per_unit", "Số người tối đa rời mỗi đơn vị"),
        fixed=_parse_pair_refs(data.get("fixed"), "fixed", "bắt buộc", candidate_index, post_index),
        forbidden=_parse_pair_refs(data.get("forbidden"), "forbidden", "bị cấm", candidate_index, post_index),
    )


def _parse_pair_refs(
    items: Any, key: str, label: str, candidate_index: dict[str, int], post_index: dict[str, int]
) -> tuple[tuple[str, str], ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise InstanceError(f"'{key}' (cặp {label}) phải là một danh sách.")
    refs: list[tuple[str, str]] = []
    for k, item in enumerate(items):
        where = f"Cặp {label} thứ {k + 1}"
        if not isinstance(item, dict) or "candidate" not in item or "post" not in item:
            raise InstanceError(f"{where} phải có dạng {{\"candidate\": …, \"post\": …}}.")
        candidate, post = item["candidate"], item["post"]
        if not isinstance(candidate, str) or candidate not in candidate_index:
            raise InstanceError(f"{where}: ứng viên '{candidate}' không có trong danh sách 'candidates'.")
        if not isinstance(post, str) or post not in post_index:
            raise InstanceError(f"{where}: vị trí '{post}' không có trong danh sách 'posts'.")
        refs.append((candidate, post))
    return tuple(dict.fromkeys(refs))
