"""The cadre record of the demo province around the careers (DOMAIN.md §5): identity, education,
political theory, courses, planning, appointments, discipline, proceedings, evaluations. Pure.
"""

from __future__ import annotations

import datetime as dt
import random

from luanchuyen.demo import catalog as C
from luanchuyen.demo.careers import Person, Simulation
from luanchuyen.demo.names import NamePicker
from luanchuyen.rules.engine.dates import add_months

D = dt.date
LEVEL_ORDER = {"trung_cap": 1, "cao_dang": 2, "dai_hoc": 3, "thac_si": 4, "tien_si": 5}
TERM_2020 = "2020-2025"
TERM_2025 = "2025-2030"
# planning reviews: (term, approval date)
PLANNING_REVIEWS = [
    (TERM_2020, D(2019, 6, 18)),
    (TERM_2020, D(2021, 5, 20)),
    (TERM_2020, D(2022, 9, 15)),
    (TERM_2020, D(2023, 10, 10)),
    (TERM_2025, D(2023, 8, 25)),
    (TERM_2025, D(2024, 9, 20)),
    (TERM_2025, D(2025, 9, 12)),
]
CONGRESS_2025 = D(2025, 10, 1)  # reference month of the 2025–2030 term (PLAN-01)


def primary_at(p: Person, on: D):
    """The (seat, interval) the cadre holds as primary post on `on`, or None."""
    for seat, interval in p.positions:
        if interval[0] <= on and (interval[1] is None or on < interval[1]):
            return seat, interval
    return None


# ---------------------------------------------------------------------------------------------- education
def education(p: Person, rng: random.Random) -> list[dict]:
    by = p.birth.year
    cap = max(by + 22, p.degree_cap)
    r = rng.random()
    if p.formal:
        highest = "tien_si" if r < 0.05 else ("thac_si" if r < 0.52 else "dai_hoc")
    else:
        highest = "thac_si" if r < 0.15 else "dai_hoc"
    field, mode = (
        p.field,
        "chinh_quy"
        if p.formal
        else rng.choice(["tai_chuc"] * 5 + ["chuyen_tu"] * 2 + ["vua_hoc_vua_lam"] * 3),
    )
    if highest in ("thac_si", "tien_si") and not p.formal:
        mode = "vua_hoc_vua_lam"
    degrees: list[dict] = []

    def deg(level, fld, md, year):
        major, institution = rng.choice(C.MAJORS[fld])
        if level in ("thac_si", "tien_si") and fld == "chinh_tri":
            institution = "Học viện Chính trị quốc gia Hồ Chí Minh"
        degrees.append(
            {
                "level": level,
                "field": fld,
                "mode": md,
                "institution": institution,
                "major": major,
                "year": year,
            }
        )

    if highest == "dai_hoc":
        if p.formal:
            year = min(by + rng.randint(22, 24), cap)
            if rng.random() < 0.08:
                deg("cao_dang", rng.choice(list(C.MAJORS)), "chinh_quy", year - 3)
        else:
            year = min(by + rng.randint(27, 38), cap)
            if rng.random() < 0.5:
                deg(
                    rng.choice(["trung_cap", "cao_dang"]),
                    rng.choice([field, "khac", "kinh_te"]),
                    "chinh_quy",
                    min(by + rng.randint(19, 22), year - 4),
                )
        deg("dai_hoc", field, mode, year)
    else:
        top = min(by + (rng.randint(36, 48) if highest == "tien_si" else rng.randint(29, 42)), cap)
        first_field = field if rng.random() < 0.6 else rng.choice(list(C.MAJORS))
        first_mode = "chinh_quy" if (p.formal or rng.random() < 0.4) else "tai_chuc"
        first_year = min(
            by + (rng.randint(22, 24) if first_mode == "chinh_quy" else rng.randint(26, 33)), top - 3
        )
        deg("dai_hoc", first_field, first_mode, first_year)
        if highest == "thac_si" and rng.random() < 0.12 and top - first_year >= 5:
            deg(
                "dai_hoc",
                rng.choice(["luat", "kinh_te", "chinh_tri"]),
                "tai_chuc",
                first_year + rng.randint(2, top - first_year - 2),
            )
        if highest == "tien_si":
            deg("thac_si", field, "chinh_quy", max(first_year + 2, top - rng.randint(4, 8)))
        deg(highest, field, mode, top)
    return degrees


def highest_degree(degrees: list[dict], year: int | None = None) -> dict | None:
    """The highest degree (level, then the latest year; the last listed on ties) obtained by `year`."""
    best, best_key = None, None
    for i, d in enumerate(degrees):
        if year is not None and d.get("year") is not None and d["year"] > year:
            continue
        key = (LEVEL_ORDER[d["level"]], d.get("year") or 0, i)
        if best_key is None or key > best_key:
            best, best_key = d, key
    return best


# ---------------------------------------------------------------------------------------------- identity
def identity(p: Person, rng: random.Random, names: NamePicker, ids_taken: set[str], final_rank: int) -> dict:
    full_name = names.full_name(p.gender, p.ethnicity)
    code = dict((lid, c) for lid, _n, c in C.OUT_OF_PROVINCE).get(p.birthplace, C.PROVINCE_CCCD)
    century = (0 if p.gender == "nam" else 1) + (2 if p.birth.year >= 2000 else 0)
    while True:
        cid = f"{code}{century}{p.birth.year % 100:02d}{rng.randint(0, 999999):06d}"
        if cid not in ids_taken:
            ids_taken.add(cid)
            break
    joined = add_months(p.birth, 12 * rng.randint(21, 29) + rng.randint(0, 11)).replace(
        day=rng.randint(1, 28)
    )
    joined = min(joined, D(2016, 12, 1))
    if p.age_on(joined) < 19:
        joined = add_months(p.birth, 12 * 19 + 2)
    age_now = p.age_on(C.AS_OF)
    young = age_now < 42
    r = rng.random()
    if young:
        theory = "trung_cap" if r < 0.35 else "cao_cap"
    elif final_rank >= 5:
        theory = "cao_cap" if r < 0.85 else "cu_nhan"
    else:
        theory = "cao_cap" if r < 0.72 else ("trung_cap" if r < 0.95 else "cu_nhan")
    r = rng.random()
    if final_rank >= 6:
        state = "chuyen_vien_cao_cap" if r < 0.5 else "chuyen_vien_chinh"
    elif final_rank == 5:
        state = "chuyen_vien_cao_cap" if r < 0.12 else ("chuyen_vien_chinh" if r < 0.95 else "chuyen_vien")
    else:
        state = "chuyen_vien_chinh" if r < (0.45 if young else 0.72) else "chuyen_vien"
    r = rng.random()
    religion = "Không" if r < 0.9 else ("Phật giáo" if r < 0.96 else "Công giáo")
    return {
        "full_name": full_name,
        "citizen_id": cid,
        "party_joined": joined,
        "party_official": add_months(joined, 12),
        "general_education": "10/10" if p.birth.year <= 1968 and rng.random() < 0.4 else "12/12",
        "political_theory": theory,
        "state_management": state,
        "religion": religion,
        "foreign_language": rng.choice(C.FOREIGN_LANGUAGES),
        "it_skill": rng.choice(C.IT_SKILLS),
    }


def courses(p: Person, theory: str, state: str, final_rank: int, rng: random.Random) -> list[dict]:
    out = []
    by = p.birth.year
    last = min(C.AS_OF.year - 1, max(by + 30, p.degree_cap + 1))
    if theory in ("cao_cap", "cu_nhan", "trung_cap"):
        year = min(by + rng.randint(32, 44), last)
        start = D(year, rng.choice([3, 4, 9, 10]), 1)
        if theory == "cao_cap":
            full_time = p.age_on(start) < 40
            end = add_months(start, 8 if full_time else 18) - dt.timedelta(days=1)
            out.append(
                {
                    "kind": "ly_luan_chinh_tri",
                    "name": "Cao cấp lý luận chính trị",
                    "institution": "Học viện Chính trị khu vực III",
                    "start": start,
                    "end": end,
                    "mode": "chinh_quy" if full_time else "tai_chuc",
                }
            )
        elif theory == "cu_nhan":
            out.append(
                {
                    "kind": "ly_luan_chinh_tri",
                    "name": "Cử nhân chính trị",
                    "institution": "Học viện Chính trị quốc gia Hồ Chí Minh",
                    "start": start,
                    "end": add_months(start, 30) - dt.timedelta(days=1),
                    "mode": "tai_chuc",
                }
            )
        else:
            out.append(
                {
                    "kind": "ly_luan_chinh_tri",
                    "name": "Trung cấp lý luận chính trị – hành chính",
                    "institution": "Trường Chính trị tỉnh",
                    "start": start,
                    "end": add_months(start, 10) - dt.timedelta(days=1),
                    "mode": "tai_chuc",
                }
            )
    names = {
        "chuyen_vien": ("Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên", "Trường Chính trị tỉnh"),
        "chuyen_vien_chinh": (
            "Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên chính",
            "Học viện Hành chính Quốc gia, Phân viện khu vực miền Trung",
        ),
        "chuyen_vien_cao_cap": (
            "Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên cao cấp",
            "Học viện Hành chính Quốc gia",
        ),
    }
    name, institution = names[state]
    year = min(by + rng.randint(30, 46), last)
    start = D(year, rng.choice([5, 6, 8, 10]), rng.randint(1, 20))
    out.append(
        {
            "kind": "quan_ly_nha_nuoc",
            "name": name,
            "institution": institution,
            "start": start,
            "end": start + dt.timedelta(days=rng.choice([42, 56, 70])),
            "mode": None,
        }
    )
    year = min(max(by + 35, C.AS_OF.year - rng.randint(1, 8)), last)
    start = D(year, rng.choice([4, 7, 11]), rng.randint(1, 20))
    if final_rank >= 6:
        out.append(
            {
                "kind": "boi_duong",
                "name": "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 2",
                "institution": "Học viện Quốc phòng",
                "start": start,
                "end": start + dt.timedelta(days=27),
                "mode": None,
            }
        )
    else:
        out.append(
            {
                "kind": "boi_duong",
                "name": "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3",
                "institution": "Trường Quân sự Quân khu 4",
                "start": start,
                "end": start + dt.timedelta(days=20),
                "mode": None,
            }
        )
    if final_rank >= 5 and rng.random() < 0.5:
        year = min(C.AS_OF.year - rng.randint(1, 6), last)
        start = D(year, rng.choice([3, 6, 9]), rng.randint(1, 20))
        out.append(
            {
                "kind": "boi_duong",
                "name": "Bồi dưỡng cán bộ lãnh đạo, quản lý cấp sở và tương đương",
                "institution": "Học viện Chính trị khu vực III",
                "start": start,
                "end": start + dt.timedelta(days=34),
                "mode": None,
            }
        )
    if rng.random() < 0.15:
        year = min(C.AS_OF.year - rng.randint(1, 10), last)
        start = D(year, 2, rng.randint(1, 25))
        out.append(
            {
                "kind": "ngoai_ngu",
                "name": "Tiếng Anh trình độ B1 (khung 6 bậc)",
                "institution": "Trường Đại học Ngoại ngữ, Đại học Huế",
                "start": start,
                "end": start + dt.timedelta(days=90),
                "mode": "vua_hoc_vua_lam",
            }
        )
    out.sort(key=lambda c: c["start"])
    return out


# ---------------------------------------------------------------------------------------------- evaluations
_SCORES = {"htxs": (90, 9), "htt": (80, 10), "ht": (65, 15), "kht": (40, 20)}  # grade -> (lowest, span)


def evaluations(p: Person, rng: random.Random, bad_years: dict[int, str]) -> list[dict]:
    out = []
    last_day = p.positions[-1][1][1] if p.positions and not p.active else None
    for year in range(2016, 2026):
        if year < p.birth.year + 23:
            continue
        if p.retire <= D(year, 10, 1):
            break
        if last_day is not None and last_day <= D(year, 6, 1):
            break
        if year in bad_years:
            grade = bad_years[year]
        else:
            r = rng.random()
            grade = "htxs" if r < 0.2 else ("htt" if r < 0.86 else ("ht" if r < 0.995 else "kht"))
        lo, span = _SCORES[grade]
        out.append({"year": year, "grade": grade, "score": lo + int(rng.random() * span)})
    return out


# ---------------------------------------------------------------------------------------------- discipline
def disciplines(sim: Simulation, rng: random.Random, count: int, exclude: set[int]) -> dict[int, list[dict]]:
    """`count` disciplines (khiển trách, cảnh cáo) on cadres whose career stays put for 36 months after."""
    out: dict[int, list[dict]] = {}
    persons = [p for p in sim.persons if p.idx not in exclude]
    forms = ["khien_trach", "canh_cao", "khien_trach", "canh_cao", "khien_trach"]
    tries = 0
    while len(out) < count and tries < count * 200 and persons:
        tries += 1
        p = persons[int(rng.random() * len(persons))]
        if p.idx in out:
            continue
        when = D(rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28))
        if when > D(2025, 10, 31):
            continue
        held = primary_at(p, when)
        if held is None:
            continue
        window_end = min(add_months(when, 36), C.AS_OF)
        if any(when < iv[0] <= window_end for _s, iv in p.positions):
            continue
        if any(
            r["cadre"] == p.idx and r["start"] <= window_end and (r["actual_end"] or C.AS_OF) >= when
            for r in sim.rotations
        ):
            continue
        form = forms[len(out) % len(forms)]
        out[p.idx] = [{"form": form, "decided": when, "until": add_months(when, 12)}]
    return out


# ---------------------------------------------------------------------------------------------- planning
def planning(sim: Simulation, rng: random.Random, disc: dict[int, list[dict]]) -> dict[int, list[dict]]:
    org = sim.org
    slots: dict[str, int] = {}
    for spec in org.specs:
        slots[spec.title] = slots.get(spec.title, 0) + spec.slots
    for tid, (*_rest, n) in C.PLANNING_TITLES.items():
        slots[tid] = n
    count: dict[tuple[str, str], int] = {}
    by_rank: dict[int, list[str]] = {}
    for t in org.titles:
        by_rank.setdefault(t["rank"], []).append(t["id"])
    group_heads: dict[str, list[str]] = {}
    for unit in org.units:
        if unit["parent"] is None and unit["id"] in org.agency_titles and org.agency_titles[unit["id"]][0]:
            group_heads.setdefault(unit["group"], []).append(org.agency_titles[unit["id"]][0])
    unit_group = {u["id"]: u["group"] for u in org.units}
    out: dict[int, list[dict]] = {}
    disc_date = {i: d[0]["decided"] for i, d in disc.items()}

    def options(seat, on: D, target_rank: int) -> list[tuple[str, float]]:
        post = seat.post
        opts: dict[str, float] = {}
        own = org.agency_titles.get(post.agency)
        if own:
            for tid in own:
                if tid:
                    opts[tid] = 6.0
        era = (
            ["bi_thu_huyen", "pho_bi_thu_huyen", "uy_vien_btv_huyen"]
            if on < C.REFORM_START
            else ["bi_thu_xa", "pho_bi_thu_xa"]
        )
        for tid in era:
            opts.setdefault(tid, 2.5 if post.side != "tinh" else 1.0)
        for tid in C.PLANNING_TITLES:
            opts.setdefault(tid, 1.5)
        for tid in group_heads.get(unit_group.get(post.agency, ""), []):
            opts.setdefault(tid, 1.0)
        return [
            (tid, w)
            for tid, w in opts.items()
            if org.title_rank[tid] == target_rank and count.get((tid, term_now[0]), 0) < 3 * slots.get(tid, 1)
        ]

    term_now = [""]
    for term, approved in PLANNING_REVIEWS:
        term_now[0] = term
        ref = approved if term == TERM_2020 else CONGRESS_2025
        share = 0.3 if approved in (D(2019, 6, 18), D(2023, 8, 25)) else 0.12
        for p in sim.persons:
            held = primary_at(p, approved)
            if held is None or rng.random() >= share:
                continue
            if any(e["term"] == term for e in out.get(p.idx, [])):
                continue
            d = disc_date.get(p.idx)
            if d is not None and d <= approved < add_months(d, 36):
                continue
            seat = held[0]
            rank = seat.post.rank
            group = 2 if (p.age_on(approved) < 45 and rng.random() < 0.3) else 1
            need = 120 if group == 2 else 60
            if p.months_left(ref) < need:
                if group == 2 and p.months_left(ref) >= 60:
                    group = 1
                else:
                    continue
            opts = options(seat, approved, rank + group)
            if not opts and group == 2:
                group, opts = 1, options(seat, approved, rank + 1)
            if not opts:
                continue
            chosen = []
            for _ in range(2 if rng.random() < 0.25 else 1):
                left = [(t, w) for t, w in opts if t not in chosen]
                if left:
                    total = sum(w for _, w in left)
                    x = rng.random() * total
                    for t, w in left:
                        x -= w
                        if x < 0:
                            chosen.append(t)
                            break
                    else:
                        chosen.append(left[-1][0])
            for tid in chosen:
                count[(tid, term)] = count.get((tid, term), 0) + 1
                out.setdefault(p.idx, []).append(
                    {"title": tid, "term": term, "group": group, "approved": approved, "removed": None}
                )
    # a cadre rotated for training is one in planning (ROT-03): the 2021–2025 plan's trainees are listed
    # at the last review before their rotation
    term_now[0] = TERM_2020
    for rot in sim.rotations:
        if rot["purpose"] != "dao_tao":
            continue
        p = sim.persons[rot["cadre"]]
        start = rot["start"]
        entries = out.setdefault(p.idx, [])
        if any(e["approved"] <= start and (e["removed"] is None or e["removed"] > start) for e in entries):
            continue
        for term, approved in reversed(PLANNING_REVIEWS):
            held = primary_at(p, approved)
            if term != TERM_2020 or approved > start or held is None:
                continue
            opts = options(held[0], approved, held[0].post.rank + 1)
            if opts:
                tid = max(opts, key=lambda o: (o[1], o[0]))[0]
                count[(tid, term)] = count.get((tid, term), 0) + 1
                entries.append({"title": tid, "term": term, "group": 1, "approved": approved, "removed": None})
                break
    # PLAN-07: a discipline decision removes the cadre from planning at once
    for idx, d in disc_date.items():
        for e in out.get(idx, []):
            if e["approved"] <= d and e["removed"] is None:
                e["removed"] = d
    # a few taken out at a review for no longer meeting the standard
    review = D(2022, 9, 15)
    pool = [
        e
        for idx in sorted(out)
        for e in out[idx]
        if e["term"] == TERM_2020 and e["approved"] < review and e["removed"] is None
    ]
    for e in rng.sample(pool, min(2, len(pool))):
        e["removed"] = review
    return out
