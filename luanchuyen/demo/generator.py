"""The demo province "Tỉnh Mẫu" as a `luanchuyen/v1` document (docs/interchange.md; DOMAIN.md §11).

PURE: no Django import. `generate_province(seed=1)` is deterministic for a seed (one
`random.Random(seed)` per part, no wall clock, no iteration over sets or hash-ordered data).

With `cadres=None` (the demo), on 12/03/2021 — the date of Quảng Bình's Đề án 01-ĐA/TU (seed 001) —
exactly 338 cadres hold a primary post in the province's units, of whom:

- 45 women (27 in provincial agencies, 18 at district level), 8 young (under 40: 7 provincial,
  1 district; 2 of them women): seed 001 "45 cán bộ nữ, chiếm 13,3% … 8 cán bộ trẻ dưới 40 tuổi";
- 237 with formal training — "formal" meaning that the cadre's highest degree has mode `chinh_quy`;
  seed 001 says "đào tạo chính quy chiếm 70%": 70% of 338 is 236.6, rounded to 237 (70.1% to one
  decimal, 70% to a whole percent, as the seed states it);
- training fields of the highest degree 20/41/61/84/10/37/27/27 (khoa học tự nhiên, khoa học xã hội,
  luật, kinh tế, chính trị, nông nghiệp, kỹ thuật, quân sự – công an) and 31 `khac`: each rounds to the
  seed's 6/12/18/25/3/11/8/8% (and 9% for the rest).

"Highest degree": the highest level (trung cấp < cao đẳng < đại học < thạc sĩ < tiến sĩ), then the
latest year. "Young": completed years of age below 40 on the date.

`cadres=N` builds a large body of exactly N cadres for benchmarks (seed 001's shares applied to the
body on 12/03/2021), with as many copies of the district level and of the units under the departments
as the number needs.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable

from luanchuyen.demo import catalog as C
from luanchuyen.demo import plans, records
from luanchuyen.demo.careers import PROVINCIAL, FastRandom, Simulation, seed_quotas
from luanchuyen.demo.names import NamePicker
from luanchuyen.demo.org import build_organization
from luanchuyen.rules.engine.dates import add_months

D = dt.date
FORMAT = "luanchuyen/v1"
DEFAULT_BODY = 338
# cadres in the document per cluster (the demo's own ratio, measured: about 1.5 cadres per post of 2021)
CADRES_PER_CLUSTER = 175
CORE_CADRES = 190


def _iso_cache():
    cache: dict = {}

    def iso(d):
        if d is None:
            return None
        s = cache.get(d)
        if s is None:
            s = cache[d] = d.isoformat()
        return s

    return iso


def _birth_iso(birth: D, precision: str) -> str:
    if precision == "y":
        return f"{birth.year:04d}"
    if precision == "m":
        return f"{birth.year:04d}-{birth.month:02d}"
    return birth.isoformat()


STAGES = ("Tổ chức bộ máy", "Đội ngũ ngày 12/03/2021", "Quá trình công tác đến nay", "Hồ sơ cán bộ")


def generate_province(
    seed: int = 1, cadres: int | None = None, *, progress: Callable[[str, int, int], None] | None = None
) -> dict:
    """A complete `luanchuyen/v1` document for Tỉnh Mẫu (see the module docstring).

    `progress(stage, done, total)`, when given, hears how far the generation got (Vietnamese stage names).
    """
    if cadres is not None and cadres < 1:
        raise ValueError("Số cán bộ phải là số nguyên dương.")
    report = progress or (lambda stage, done, total: None)
    report(STAGES[0], 0, 1)
    clusters = 1 if cadres is None else max(1, math.ceil((cadres - CORE_CADRES) / CADRES_PER_CLUSTER))
    org = build_organization(clusters)
    report(STAGES[0], 1, 1)
    rng = FastRandom(seed)
    sim_rng = FastRandom(rng.getrandbits(64))
    rec_rng = FastRandom(rng.getrandbits(64))
    name_rng = FastRandom(rng.getrandbits(64))

    # ---- the body on 12/03/2021: every seat of a post in force then, but one PCT HĐND huyện per cluster
    d0_seats = [s for s in org.seats if not s.post.track.endswith("_cc") and s.post.valid_on(C.SCHEME_DATE)]
    vacancy_pick = random.Random(seed * 7919 + 1)
    pct_by_cluster: dict[int, list] = {}
    for s in d0_seats:
        if s.post.title == "pho_chu_tich_hdnd_huyen":
            pct_by_cluster.setdefault(s.post.cluster, []).append(s)
    vacant = {pct[int(vacancy_pick.random() * len(pct))].idx for _c, pct in sorted(pct_by_cluster.items())}
    d0_seats = [s for s in d0_seats if s.idx not in vacant]
    if cadres is not None and len(d0_seats) > cadres:
        keep = sorted(random.Random(seed * 104729 + 3).sample(range(len(d0_seats)), cadres))
        d0_seats = [d0_seats[i] for i in keep]
    prov = sum(1 for s in d0_seats if s.post.track in PROVINCIAL)
    quotas = seed_quotas(prov, len(d0_seats) - prov)
    cap = None if cadres is None else cadres - len(d0_seats)
    sim = Simulation(org, sim_rng, newcomer_cap=cap)
    report(STAGES[1], 0, 1)
    sim.populate_d0(d0_seats, quotas)
    report(STAGES[1], 1, 1)
    if cadres is None:
        assert len(d0_seats) == DEFAULT_BODY, len(d0_seats)
    report(STAGES[2], 0, 1)
    sim.run()
    if cadres is not None and len(sim.persons) < cadres:
        _pad(sim, cadres)

    report(STAGES[2], 1, 1)
    # ---- records around the careers
    n_disc = 5 if cadres is None else max(1, len(sim.persons) // 100)
    disc = records.disciplines(sim, rec_rng, n_disc, exclude=set())
    blocked = set(disc)
    procs = _proceedings(sim, rec_rng, blocked, 3 if cadres is None else max(1, len(sim.persons) // 150))
    blocked |= set(procs)
    planning = records.planning(sim, rec_rng, disc)
    health = _health(sim, rec_rng)
    exceptions: dict[int, list[dict]] = {p.idx: list(p.exceptions) for p in sim.persons if p.exceptions}
    proposals = plans.finished_plan(sim) + plans.plan_2026(
        sim, rec_rng, blocked, planning, exceptions, health
    )

    # ---- assemble
    iso = _iso_cache()
    width = max(4, len(str(len(sim.persons))))
    cid = [f"CB{i + 1:0{width}d}" for i in range(len(sim.persons))]
    names = NamePicker(name_rng)
    ids_taken: set[str] = set()
    rotation_intervals = {id(r["interval"]): r for r in sim.rotations}
    cadre_rows = []
    step = max(1, len(sim.persons) // 100)
    for p in sim.persons:
        if p.idx % step == 0:
            report(STAGES[3], p.idx, len(sim.persons))
        final_rank = max(seat.post.rank for seat, _ in p.positions) if p.positions else 4
        ident = records.identity(p, rec_rng, names, ids_taken, final_rank)
        degrees = records.education(p, rec_rng)
        trainings = records.courses(
            p, ident["political_theory"], ident["state_management"], final_rank, rec_rng
        )
        bad_years = {d["decided"].year: "ht" for d in disc.get(p.idx, [])}
        positions = []
        appointments = []
        for seat, interval in p.positions:
            start, end = interval[0], interval[1]
            positions.append(
                {"post": seat.post.id, "start": iso(start), "end": iso(end), "concurrent": False}
            )
            if seat.concurrent_post:
                positions.append(
                    {"post": seat.concurrent_post, "start": iso(start), "end": iso(end), "concurrent": True}
                )
            appointments.extend(
                _appointments(seat, start, end, rotation_intervals.get(id(interval)), rec_rng, iso)
            )
        positions.sort(key=lambda r: (r["start"], r["concurrent"], r["post"]))
        cadre_rows.append(
            {
                "id": cid[p.idx],
                "full_name": ident["full_name"],
                "other_name": None,
                "gender": p.gender,
                "birth_date": _birth_iso(p.birth, p.precision),
                "birthplace": p.birthplace,
                "hometown": p.hometown,
                "ethnicity": p.ethnicity,
                "religion": ident["religion"],
                "citizen_id": ident["citizen_id"],
                "party_joined": iso(ident["party_joined"]),
                "party_official": iso(ident["party_official"]),
                "general_education": ident["general_education"],
                "late_retirement_eligible": p.late,
                "education": degrees,
                "political_theory": ident["political_theory"],
                "state_management": ident["state_management"],
                "foreign_language": ident["foreign_language"],
                "it_skill": ident["it_skill"],
                "positions": positions,
                "planning": [
                    {**e, "approved": iso(e["approved"]), "removed": iso(e["removed"])}
                    for e in sorted(
                        planning.get(p.idx, []), key=lambda e: (e["term"], e["approved"], e["title"])
                    )
                ],
                "appointments": appointments,
                "discipline": [
                    {"form": d["form"], "decided": iso(d["decided"]), "until": iso(d["until"])}
                    for d in disc.get(p.idx, [])
                ],
                "proceedings": [
                    {"kind": k, "from": iso(a), "to": iso(b)} for k, a, b in procs.get(p.idx, [])
                ],
                "evaluations": records.evaluations(p, rec_rng, bad_years),
                "trainings": [{**c, "start": iso(c["start"]), "end": iso(c["end"])} for c in trainings],
                "health_certificate": iso(health.get(p.idx)),
                "exceptions": [{**e, "date": iso(e["date"])} for e in exceptions.get(p.idx, [])],
            }
        )
    report(STAGES[3], len(sim.persons), len(sim.persons))
    proposal_rows = []
    for prop in proposals:
        proposal_rows.append(
            {
                "id": prop["id"],
                "cadre": cid[prop["cadre"]],
                "purpose": prop["purpose"],
                "from_post": prop["from_post"],
                "to_posts": prop["to_posts"],
                "start": iso(prop["start"]),
                "end": iso(prop["end"]),
                "outstanding_capacity": prop["outstanding_capacity"],
                "plan": prop["plan"],
                "actual_end": iso(prop["actual_end"]),
                "placement": prop["placement"],
            }
        )
    proposal_rows.sort(key=lambda r: r["id"])
    return {
        "format": FORMAT,
        "province": {"code": "TM", "name": "Tỉnh Mẫu"},
        "localities": org.localities,
        "units": sorted(org.units, key=lambda r: r["id"]),
        "titles": org.titles,
        "posts": org.posts,
        "cadres": cadre_rows,
        "proposals": proposal_rows,
        "rotation_plans": plans.plan_rows(),
    }


def _appointments(
    seat, start: D, end: D | None, rotation: dict | None, rng: random.Random, iso
) -> list[dict]:
    """Appointment decisions: appointed posts every five years; rotations; commune posts (chỉ định).
    District posts are elected and carry no appointment decision."""
    post = seat.post
    if post.side == "huyen" and rotation is None:
        return []
    ubnd_side = (
        post.slug.startswith(("so_", "vp_ubnd", "thanh_tra", "bql_kkt", "ban_dan_toc"))
        or post.track in ("sn_head5", "sn_dep4")
        or post.slug == "benh_vien"
    )
    out = []
    term_start = start
    while True:
        decided = term_start - dt.timedelta(days=rng.randint(3, 25))
        number = (
            f"{rng.randint(120, 3400)}/QĐ-UBND"
            if ubnd_side and rotation is None
            else f"{rng.randint(150, 1800)}-QĐ/TU"
        )
        if rotation is not None:
            term_end = rotation["end"]
        elif post.side == "xa":
            term_end = None
        else:
            term_end = add_months(term_start, 60)
        out.append(
            {
                "post": post.id,
                "decided": iso(decided),
                "decision": number,
                "term_start": iso(term_start),
                "term_end": iso(term_end),
            }
        )
        if term_end is None or rotation is not None:
            break
        # re-appointment when the cadre is still in the post at the end of the term
        if (end is not None and end <= term_end) or term_end > C.AS_OF:
            break
        term_start = term_end
    return out


def _health(sim: Simulation, rng: random.Random) -> dict[int, D]:
    out = {}
    for p in sim.persons:
        if p.active:
            out[p.idx] = D(2025, rng.randint(1, 12), rng.randint(1, 28))
        elif p.positions:
            last = p.positions[-1][1][1] or C.AS_OF
            out[p.idx] = last - dt.timedelta(days=rng.randint(60, 330))
    return out


def _proceedings(
    sim: Simulation, rng: random.Random, blocked: set[int], count: int
) -> dict[int, list[tuple]]:
    """Open proceedings at the data date: investigations, and one prosecution after an investigation."""
    active = [
        p
        for p in sim.persons
        if p.active
        and p.idx not in blocked
        and p.seat is not None
        and p.seat.post.side != "xa"
        and p.months_left(C.AS_OF) > 24
    ]
    chosen = rng.sample(active, min(count, len(active)))
    out: dict[int, list[tuple]] = {}
    for i, p in enumerate(sorted(chosen, key=lambda p: p.idx)):
        if i == 2:
            opened = D(2025, 3, rng.randint(3, 28))
            charged = D(2025, 10, rng.randint(1, 28))
            out[p.idx] = [("dieu_tra", opened, charged), ("truy_to", charged, None)]
        else:
            out[p.idx] = [("dieu_tra", D(2025, rng.randint(8, 11), rng.randint(1, 28)), None)]
    return out


def _pad(sim: Simulation, target: int) -> None:
    """Large bodies: newcomers on seats still vacant at the data date until the body has `target` cadres."""
    sim.newcomer_cap = None
    for seat in sim.org.seats:
        if len(sim.persons) >= target:
            return
        post = seat.post
        if (
            seat.holder is not None
            or seat.reserved
            or post.track.endswith("_cc")
            or not post.valid_on(C.AS_OF)
        ):
            continue
        last = max((iv[1] for iv in seat.intervals if iv[1] is not None), default=post.valid_from or C.EPOCH)
        t = min(C.AS_OF, max(last, post.valid_from or last) + dt.timedelta(days=30))
        if t < last:
            continue
        sim.add_newcomer(seat, t)
