"""The seeds' rotation plans in the demo province (DOMAIN.md §8). Pure.

- KH-LC-2021: "Kế hoạch luân chuyển cán bộ lãnh đạo, quản lý giai đoạn 2021 – 2025" (seed 000's
  shape: province ↔ district, non-local district secretaries, heads after two terms, ≥ 36 months),
  finished: its rotations were carried out by the career simulation and have actual ends and
  placements.
- KH-LC-2026: "Kế hoạch luân chuyển cán bộ năm 2026", in progress (seed 002: 6–8 cadres; purposes
  dao_tao, khong_phai_nguoi_dia_phuong, hai_nhiem_ky; destinations in communes and provincial agencies;
  seed 003: one rotation gives two concurrent posts — Phó Bí thư Đảng ủy + Chủ tịch UBND). Its
  proposals are not carried out yet. Two of them are deliberately imperfect so that the checker has
  something to say: one misses ROT-01's 120 months but carries an approved exception, and one has a
  health certificate older than six months at the start (ROT-08).
"""

from __future__ import annotations

import datetime as dt
import random

from luanchuyen.demo import catalog as C
from luanchuyen.demo.careers import Person, Simulation
from luanchuyen.rules.engine.dates import add_months

D = dt.date
PLAN_2021 = "KH-LC-2021"
PLAN_2026 = "KH-LC-2026"


def plan_rows() -> list[dict]:
    return [
        {
            "id": PLAN_2021,
            "name": "Kế hoạch luân chuyển cán bộ lãnh đạo, quản lý giai đoạn 2021 – 2025",
            "period_start": "2021-12-01",
            "period_end": "2025-12-31",
            "status": "finished",
            "parameters": {},
            "targets": {"total": {"min": 6, "max": 12}},
        },
        {
            "id": PLAN_2026,
            "name": "Kế hoạch luân chuyển cán bộ lãnh đạo, quản lý năm 2026",
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
            "status": "in_progress",
            "parameters": {},
            "targets": {"total": {"min": 6, "max": 8}},
        },
    ]


def finished_plan(sim: Simulation) -> list[dict]:
    out = []
    for i, rot in enumerate(sorted(sim.rotations, key=lambda r: (r["start"], r["cadre"])), start=1):
        out.append(
            {
                "id": f"DX21-{i:02d}",
                "cadre": rot["cadre"],
                "purpose": rot["purpose"],
                "from_post": rot["from_post"],
                "to_posts": list(rot["to_posts"]),
                "start": rot["start"],
                "end": rot["end"],
                "outstanding_capacity": False,
                "plan": PLAN_2021,
                "actual_end": rot["actual_end"],
                "placement": rot["placement"] or None,
            }
        )
    return out


def plan_2026(
    sim: Simulation,
    rng: random.Random,
    blocked: set[int],
    planning: dict[int, list[dict]],
    exceptions: dict[int, list[dict]],
    health: dict[int, D],
) -> list[dict]:
    """The 2026 plan's proposals; adds the planning entries, exception and health dates they rely on."""
    org = sim.org
    start1, start2 = D(2026, 3, 1), D(2026, 4, 1)
    reserved_bt = [s for s in org.seats if s.reserved and s.post.track == "x_bt6" and s.holder is None]
    reserved_pbt0 = [
        s for s in org.seats if s.reserved and s.post.track == "x_pbt5" and s.k == 0 and s.holder is None
    ]
    reserved_pbt1 = [
        s for s in org.seats if s.reserved and s.post.track == "x_pbt5" and s.k == 1 and s.holder is None
    ]
    used: set[int] = set()

    def holders(track: str) -> list[Person]:
        out = []
        for post in sim.posts_by_track_cluster.get((track, 0), []):
            for s in post.seats:
                if s.holder is not None:
                    p = sim.persons[s.holder]
                    if p.active and p.idx not in blocked and p.idx not in used:
                        out.append(p)
        rng.shuffle(out)
        return out

    def pick(track: str, test) -> Person | None:
        for p in holders(track):
            if test(p):
                used.add(p.idx)
                return p
        return None

    proposals: list[dict] = []

    def propose(
        p: Person | None,
        purpose: str,
        seat_list,
        start: D,
        months: int,
        *,
        both: bool = False,
        outstanding: bool = False,
    ) -> None:
        if p is None or not seat_list:
            return
        seat = seat_list.pop(0)
        to_posts = [seat.post.id] + ([seat.concurrent_post] if both and seat.concurrent_post else [])
        proposals.append(
            {
                "cadre": p.idx,
                "purpose": purpose,
                "from_post": p.seat.post.id,
                "to_posts": to_posts,
                "start": start,
                "end": add_months(start, months),
                "outstanding_capacity": outstanding,
                "plan": PLAN_2026,
                "actual_end": None,
                "placement": None,
            }
        )

    def non_local_for(seat_list):
        return lambda p: bool(seat_list) and not sim.is_local(p, seat_list[0].post)

    # 1. dao_tao: a provincial deputy to Phó Bí thư Đảng ủy + Chủ tịch UBND of a commune (seed 003)
    propose(
        pick("prov_dep5", lambda p: p.months_left(start1) >= 120 and p.age_on(start1) >= 40),
        "dao_tao",
        reserved_pbt0,
        start1,
        36,
        both=True,
    )
    # 2. dao_tao: a young cadre (< 40) to a deputy post (PLAN-ROLE-YOUNG)
    young = pick("prov_dep5", lambda p: p.age_on(start1) < 40 and p.months_left(start1) >= 120)
    outstanding = False
    if young is None:
        young = pick("sub4", lambda p: p.age_on(start1) < 40 and p.months_left(start1) >= 120)
        outstanding = young is not None  # rank 4 → 5: marked as outstanding capacity (ROT-05)
    propose(young, "dao_tao", reserved_pbt1, start1, 36, outstanding=outstanding)
    # 3. dao_tao with too few months left for ROT-01 — approved as a special case by the Ban Thường vụ
    short = pick("prov_dep5", lambda p: 66 <= p.months_left(start1) < 118)
    if short is not None and reserved_pbt0:
        exceptions.setdefault(short.idx, []).append(
            {
                "rule": "ROT-01",
                "decision": f"{rng.randint(1500, 1700)}-QĐ/TU",
                "date": D(2025, 12, rng.randint(10, 20)),
                "approved_by": "Ban Thường vụ Tỉnh ủy",
            }
        )
    propose(short, "dao_tao", reserved_pbt0, start1, 36, both=True)
    # 4. khong_phai_nguoi_dia_phuong: a department head to lead a commune where they are not local
    propose(
        pick("prov_head6", lambda p: p.months_left(start1) >= 60 and non_local_for(reserved_bt)(p)),
        "khong_phai_nguoi_dia_phuong",
        reserved_bt,
        start1,
        60,
    )
    # 5. hai_nhiem_ky: the head with the longest time in the same head post
    heads = [
        p for p in holders("prov_head6") if p.months_left(start1) >= 60 and non_local_for(reserved_bt)(p)
    ]
    heads.sort(key=lambda p: (p.since, p.idx))
    if heads:
        used.add(heads[0].idx)
        propose(heads[0], "hai_nhiem_ky", reserved_bt, start1, 60)
    # 6. dao_tao: a commune phó bí thư up to a provincial deputy post with a free slot (xã → tỉnh)
    free_prov = [
        s
        for post in sim.posts_by_track_cluster.get(("prov_dep5", 0), [])
        for s in post.seats
        if s.holder is None and post.valid_on(start2)
    ]
    free_prov += [
        s
        for post in sim.posts_by_track_cluster.get(("sn_head5", 0), [])
        for s in post.seats
        if s.holder is None and post.valid_on(start2)
    ]
    propose(pick("x_pbt5", lambda p: p.months_left(start2) >= 120), "dao_tao", free_prov, start2, 36)
    # 7. dao_tao whose health certificate is out of date at the start (ROT-08 will say so)
    stale = pick("prov_dep5", lambda p: p.months_left(start2) >= 120)
    stale_idx = None
    if stale is not None and reserved_pbt0:
        propose(stale, "dao_tao", reserved_pbt0, start2, 36, both=True)
        stale_idx = stale.idx
    # every proposed cadre is in the 2025–2030 planning (ROT-03) and has a recent health certificate
    for prop in proposals:
        p = sim.persons[prop["cadre"]]
        entries = planning.setdefault(p.idx, [])
        if not any(e["term"] == "2025-2030" and e["removed"] is None for e in entries):
            rank = p.seat.post.rank
            target = _planning_title(sim, p, rank + 1)
            if target:
                approved = max(D(2025, 9, 12), p.since + dt.timedelta(days=1))
                entries.append(
                    {"title": target, "term": "2025-2030", "group": 1, "approved": approved, "removed": None}
                )
        if p.idx == stale_idx:
            health[p.idx] = D(2025, 6, 16)
        else:
            health[p.idx] = D(2025, rng.randint(10, 12), rng.randint(1, 28))
    for i, prop in enumerate(proposals, start=1):
        prop["id"] = f"DX26-{i:02d}"
    return proposals


def _planning_title(sim: Simulation, p: Person, rank: int) -> str | None:
    own = sim.org.agency_titles.get(p.seat.post.agency)
    if own:
        for tid in own:
            if tid and sim.org.title_rank[tid] == rank:
                return tid
    for tid in ("bi_thu_xa", "pho_bi_thu_xa", *C.PLANNING_TITLES):
        if sim.org.title_rank.get(tid) == rank:
            return tid
    return None
