"""The structure impact of an assignment: who is chosen, women and young shares, receiving counts per
locality, and each plan target met or not — for the run's assignment and for the whole plan (the
proposals it already has plus the assignment)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from luanchuyen.optimizer_app.instance import GROUP_LABELS, pair_key


@dataclass
class TargetCheck:
    label: str
    met: bool
    detail: str


@dataclass
class Impact:
    rows: list[dict]
    chosen: int
    groups: dict[str, dict]                 # nu/tre → {label, chosen, share, plan, plan_share}
    localities: list[dict]                  # {id, name, new, existing, total}
    targets: list[TargetCheck] = field(default_factory=list)
    plan_total: int = 0


def _share(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def _fmt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def assignment_rows(instance: dict, details: dict, assignments: list[dict]) -> list[dict]:
    """One row per chosen pair with the candidate, the posts, the score parts and the rules' cautions."""
    rows = []
    fixed = {(p["candidate"], p["post"]) for p in instance.get("constraints", {}).get("fixed", [])}
    for a in assignments:
        c, p = a["candidate"], a["post"]
        cand = details["candidates"].get(c, {})
        post = details["posts"].get(p, {})
        pair = details["pairs"].get(pair_key(c, p), {})
        rows.append({"candidate": c, "post": p, "cand": cand, "to": post, "pair": pair, "fixed": (c, p) in fixed,
                     "alternatives": alternatives(details, c, exclude=p)})
    rows.sort(key=lambda r: (-r["pair"].get("score", 0), r["candidate"]))
    return rows


def alternatives(details: dict, candidate: str, exclude: str | None = None) -> list[dict]:
    """The other allowed posts of a candidate, best score first."""
    out = []
    prefix = f"{candidate}|"
    for key, pair in details["pairs"].items():
        if key.startswith(prefix):
            post = key[len(prefix):]
            if post != exclude:
                out.append({"post": post, "label": details["posts"].get(post, {}).get("label", post),
                            "score": pair["score"]})
    out.sort(key=lambda x: (-x["score"], x["post"]))
    return out


def impact(instance: dict, details: dict, assignments: list[dict]) -> Impact:
    rows = assignment_rows(instance, details, assignments)
    existing = details.get("existing", {})
    plan_count = existing.get("count", 0) + len(rows)

    groups = {}
    for g, label in GROUP_LABELS.items():
        chosen = sum(1 for r in rows if g in r["cand"].get("groups", []))
        in_plan = chosen + existing.get("groups", {}).get(g, 0)
        groups[g] = {"label": label, "chosen": chosen, "share": _share(chosen, len(rows)),
                     "plan": in_plan, "plan_share": _share(in_plan, plan_count)}

    new_loc = Counter(r["to"].get("locality") for r in rows)
    old_loc = Counter(existing.get("localities", {}))
    names = {p["locality"]: p["locality_name"] for p in details["posts"].values()}
    names.update(details.get("locality_names", {}))
    with_posts = {p["locality"] for p in details["posts"].values() if p.get("used")}
    localities = []
    for loc in sorted(set(new_loc) | set(old_loc) | with_posts, key=lambda x: (x is None, names.get(x, x or ""))):
        localities.append({"id": loc, "name": names.get(loc, loc or "—"), "new": new_loc.get(loc, 0),
                           "existing": old_loc.get(loc, 0), "total": new_loc.get(loc, 0) + old_loc.get(loc, 0)})

    result = Impact(rows=rows, chosen=len(rows), groups=groups, localities=localities, plan_total=plan_count)
    result.targets = target_checks(details, rows, localities, plan_count, groups, existing)
    return result


def target_checks(details: dict, rows: list[dict], localities: list[dict], plan_count: int, groups: dict,
                  existing: dict) -> list[TargetCheck]:
    """Each target of the plan (targets JSON) checked over the whole plan after the assignment."""
    targets: dict[str, Any] = details.get("targets") or {}
    checks: list[TargetCheck] = []
    total = targets.get("total")
    if isinstance(total, dict):
        low, high = total.get("min"), total.get("max")
        ok = (not isinstance(low, int) or plan_count >= low) and (not isinstance(high, int) or plan_count <= high)
        checks.append(TargetCheck(f"Tổng số cán bộ luân chuyển của kế hoạch từ {low if low is not None else 0} "
                                  f"đến {high if high is not None else '—'}", ok,
                                  f"{existing.get('count', 0)} đề xuất đã có + {len(rows)} của phương án = {plan_count}"))
    shares = targets.get("group_share_min")
    if isinstance(shares, dict):
        for g, minimum in shares.items():
            if g not in groups or not isinstance(minimum, (int, float)):
                continue
            got = groups[g]["plan_share"]
            checks.append(TargetCheck(f"Tỷ lệ cán bộ {groups[g]['label']} tối thiểu {_fmt(minimum)}%",
                                      got >= minimum or plan_count == 0,
                                      f"{groups[g]['plan']}/{plan_count} = {_fmt(got)}%"))
    cap = targets.get("max_in_per_locality")
    if isinstance(cap, int):
        over = [f"{loc['name']}: {loc['total']}" for loc in localities if loc["total"] > cap]
        checks.append(TargetCheck(f"Mỗi địa bàn tiếp nhận tối đa {cap} cán bộ", not over,
                                  "vượt: " + "; ".join(over) if over else "không địa bàn nào vượt"))
    floor = targets.get("min_in_per_locality")
    if isinstance(floor, int):
        short = [f"{loc['name']}: {loc['total']}" for loc in localities if loc["total"] < floor]
        checks.append(TargetCheck(f"Mỗi địa bàn có vị trí trống tiếp nhận tối thiểu {floor} cán bộ", not short,
                                  "thiếu: " + "; ".join(short) if short else "đủ ở mọi địa bàn"))
    out_cap = targets.get("max_out_per_unit")
    if isinstance(out_cap, int):
        units = Counter(existing.get("units", {}))
        names: dict[str, str] = {}
        for r in rows:
            units[r["cand"].get("unit")] += 1
            names[r["cand"].get("unit")] = r["cand"].get("unit_name", "")
        over = [f"{names.get(u, u)}: {n}" for u, n in units.items() if n > out_cap]
        checks.append(TargetCheck(f"Mỗi đơn vị cử đi tối đa {out_cap} cán bộ", not over,
                                  "vượt: " + "; ".join(over) if over else "không đơn vị nào vượt"))
    return checks
