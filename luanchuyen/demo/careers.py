"""Careers of the demo province's cadres: who held which seat when. Pure, deterministic.

The simulation works on seats (one slot of a post). It has three phases:

1. **The body at Đề án 01's date** (12/03/2021): one cadre per filled seat, with gender, age and
   training assigned so that the seed 001 figures hold exactly (`D0Quotas`).
2. **Backward histories**: from each cadre's current post, earlier posts of the same or a lower rank,
   each on a seat that was free at the time and a post that existed then, back to the cadre's entry
   into the body (histories start in 2000 at the earliest).
3. **Forward to the data date** (`catalog.AS_OF`): retirements at the statutory age (`luanchuyen.rules.retirement`),
   vacancies filled by promotion or by newcomers, the rotations of the 2021–2025 plan, the end of the
   district level on 30/06/2025 and the communes from 01/07/2025.

Invariants (checked by the tests on the output): a seat holds at most one cadre at a time; a cadre's
primary positions never overlap ([start, end) intervals, end = next start); each position lies inside
its post's validity; ranks never fall along a cadre's primary positions.
"""

from __future__ import annotations

import datetime as dt
import heapq
import random
from dataclasses import dataclass
from dataclasses import field as dc_field

from luanchuyen.demo import catalog as C
from luanchuyen.demo.org import TRACK_RANK, Organization, PostSpec, Seat
from luanchuyen.rules.engine.dates import add_months
from luanchuyen.rules.retirement import BirthDate, Month, Retirement, compute_retirement, months_left

D = dt.date
DAY = dt.timedelta(days=1)


def _retirement(gender: str, birth: D, late_retirement_eligible: bool = False) -> Retirement:
    """The statutory retirement of a generated cadre (full birth date known), by the rules package."""
    return compute_retirement(gender, BirthDate(birth.year, birth.month, birth.day), late_retirement_eligible)

# previous track -> weight, for a cadre now in track T (backward histories and promotions)
PRED: dict[str, list[tuple[str, float]]] = {
    "tu_head7": [("prov_head6", 0.45), ("h_bt6", 0.35), ("prov_dep5", 0.2)],
    "prov_head6": [
        ("prov_dep5", 0.55),
        ("h_bt6", 0.12),
        ("h_pbt5", 0.13),
        ("sn_head5", 0.05),
        ("prov_head6", 0.15),
    ],
    "prov_dep5": [
        ("sub4", 0.3),
        ("h_pct4", 0.15),
        ("h_uv4", 0.15),
        ("sn_dep4", 0.1),
        ("ubkt4", 0.05),
        ("prov_dep5", 0.1),
        ("h_pbt5", 0.15),
    ],
    "sn_head5": [("sn_dep4", 0.55), ("prov_dep5", 0.2), ("sub4", 0.25)],
    "sn_dep4": [("sub4", 0.6), ("sn_dep4", 0.4)],
    "ubkt4": [("h_uv4", 0.7), ("sub4", 0.3)],
    "sub4": [("sub4", 0.5), ("sn_dep4", 0.5)],
    "h_bt6": [("h_pbt5", 0.6), ("prov_dep5", 0.25), ("prov_head6", 0.15)],
    "h_pbt5": [("h_pct4", 0.4), ("h_uv4", 0.35), ("prov_dep5", 0.15), ("sub4", 0.1)],
    "h_pct4": [("h_uv4", 0.8), ("sub4", 0.2)],
    "h_uv4": [("h_uv4", 1.0)],
    "x_bt6": [("x_pbt5", 0.5), ("prov_dep5", 0.3), ("prov_head6", 0.2)],
    "x_pbt5": [("x_pbt5", 0.3), ("prov_dep5", 0.3), ("sub4", 0.4)],
}
# probability that the previous post was outside the body (a newcomer / the start of a history)
P_ENTRY = {
    "tu_head7": 0.05,
    "prov_head6": 0.1,
    "prov_dep5": 0.55,
    "sn_head5": 0.35,
    "sn_dep4": 0.85,
    "ubkt4": 0.6,
    "sub4": 0.85,
    "h_bt6": 0.05,
    "h_pbt5": 0.25,
    "h_pct4": 0.6,
    "h_uv4": 0.85,
    "x_bt6": 0.1,
    "x_pbt5": 0.5,
}
# age at 12/03/2021 (years) by rank: (low, high, mode)
AGE_BY_RANK = {7: (51, 59.9, 57.5), 6: (46, 59.9, 56), 5: (41.5, 59.5, 54), 4: (40.3, 59, 52)}
PROVINCIAL = ("tu_head7", "prov_head6", "prov_dep5", "sn_head5", "sn_dep4", "ubkt4", "sub4")


@dataclass(eq=False, slots=True)
class Person:
    idx: int
    gender: str
    birth: D
    precision: str
    retire: D  # pension start = the day the cadre's posts end
    late: bool = False
    rm: Month | None = None  # retirement month R (rules.retirement)
    birth_district: int | None = None
    home_commune: str | None = None
    home_district: int | None = None
    birthplace: str = "TM"
    hometown: str = "TM"
    ethnicity: str = "Kinh"
    field: str = "khac"
    formal: bool = True
    entry: D | None = None
    degree_cap: int = 2020  # degrees are obtained no later than this year
    positions: list = dc_field(default_factory=list)  # (seat, interval [start, end, idx]) in time order
    seat: Seat | None = None
    since: D | None = None
    active: bool = False
    locked: bool = False
    in_d0: bool = False
    exceptions: list = dc_field(default_factory=list)
    left: str = ""  # why the cadre left the body ("nghi_huu", "nd178", "chuyen_cong_tac")

    def months_left(self, on: D) -> int:
        """Whole calendar months from the month of `on` to the retirement month (DOMAIN.md §6)."""
        return months_left(self.rm, on)

    def set_retirement(self) -> None:
        retirement = _retirement(self.gender, self.birth, self.late)
        self.rm = retirement.month
        self.retire = retirement.pension_from  # the day the cadre's posts end ([start, end) intervals)

    def age_on(self, on: D) -> int:
        return on.year - self.birth.year - ((on.month, on.day) < (self.birth.month, self.birth.day))


class FastRandom(random.Random):
    """`random.Random` with float-based integer draws: several times faster than the standard
    `randint`/`choice` for large bodies, and just as deterministic for a seed."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


class IndexedList:
    """A list with O(1) add, remove and random pick."""

    __slots__ = ("items", "pos")

    def __init__(self):
        self.items: list[int] = []
        self.pos: dict[int, int] = {}

    def add(self, x: int) -> None:
        if x not in self.pos:
            self.pos[x] = len(self.items)
            self.items.append(x)

    def remove(self, x: int) -> None:
        i = self.pos.pop(x, None)
        if i is None:
            return
        last = self.items.pop()
        if i < len(self.items):
            self.items[i] = last
            self.pos[last] = i

    def pick(self, rng: random.Random) -> int:
        return self.items[int(rng.random() * len(self.items))]

    def __len__(self) -> int:
        return len(self.items)


@dataclass
class D0Quotas:
    """Exact figures of the body at 12/03/2021 (seed 001), split provincial / district."""

    women_prov: int
    women_district: int
    young_prov: int
    young_district: int
    young_women: int
    formal: int
    fields: dict[str, int]


def seed_quotas(prov: int, district: int) -> D0Quotas:
    """Seed 001's figures for a body of `prov` + `district` cadres (338 = 230 + 108 in the demo)."""
    total = prov + district
    if (prov, district) == (230, 108):
        # seed 001: "45 cán bộ nữ … (sở, ngành, đơn vị trực thuộc tỉnh: 27 đồng chí; cấp huyện: 18 đồng
        # chí), 8 cán bộ trẻ dưới 40 tuổi … (nữ: 2 đồng chí; sở, ngành, đơn vị trực thuộc tỉnh: 7 đồng chí;
        # cấp huyện: 1 đồng chí)"
        women_p, women_d, young_p, young_d, young_w = 27, 18, 7, 1, 2
    else:
        women_p, women_d = round(prov * 27 / 230), round(district * 18 / 108)
        young_p, young_d = round(prov * 7 / 230), round(district * 1 / 108)
        young_w = round((young_p + young_d) * 2 / 8)
    # 70% of 338 = 236.6 → 237 (70.1% to one decimal, 70% to a whole percent as the seed states it)
    formal = round(total * C.SEED_FORMAL_SHARE / 100 + 1e-9)
    fields = {f: round(total * share / 100) for f, share in C.SEED_FIELD_SHARES if f != "khac"}
    fields["khac"] = total - sum(fields.values())
    return D0Quotas(women_p, women_d, young_p, young_d, young_w, formal, fields)


def _wchoice(rng: random.Random, options: list[tuple[str, float]]) -> str:
    total = sum(w for _, w in options)
    x = rng.random() * total
    for name, w in options:
        x -= w
        if x < 0:
            return name
    return options[-1][0]


def _rand_date(rng: random.Random, lo: D, hi: D) -> D:
    span = (hi - lo).days
    return lo + dt.timedelta(days=int(rng.random() * (span + 1))) if span > 0 else lo


class Simulation:
    def __init__(self, org: Organization, rng: random.Random, *, newcomer_cap: int | None = None):
        self.org = org
        self.rng = rng
        self.persons: list[Person] = []
        self.events: list = []
        self.seq = 0
        self.newcomer_cap = newcomer_cap
        self.newcomers = 0
        self.pools: dict[tuple[str, int], IndexedList] = {}
        self.rotations: list[dict] = []
        self.unit_female = {
            u["id"]: (u["staff_female"] / u["staff_total"] if u["staff_total"] else 0.0) for u in org.units
        }
        self.posts_by_track: dict[str, list[PostSpec]] = {}
        self.posts_by_track_agency: dict[tuple[str, str], list[PostSpec]] = {}
        self.posts_by_track_district: dict[tuple[str, int], list[PostSpec]] = {}
        self.posts_by_track_cluster: dict[tuple[str, int], list[PostSpec]] = {}
        for spec in org.specs:
            if spec.track.endswith("_cc"):
                continue
            self.posts_by_track.setdefault(spec.track, []).append(spec)
            self.posts_by_track_agency.setdefault((spec.track, spec.agency), []).append(spec)
            self.posts_by_track_cluster.setdefault((spec.track, spec.cluster), []).append(spec)
            if spec.district is not None:
                self.posts_by_track_district.setdefault((spec.track, spec.district), []).append(spec)
        self.district_cluster = {d.index: d.cluster for d in org.districts}
        self.districts_by_cluster: dict[int, list] = {}
        for d in org.districts:
            self.districts_by_cluster.setdefault(d.cluster, []).append(d)
        self.in_province_communes = [c for d in org.districts for c in d.communes]

    # ------------------------------------------------------------------ people
    def _place_of_birth(self, p: Person, cluster: int) -> None:
        rng = self.rng
        districts = self.districts_by_cluster.get(cluster) or self.org.districts
        if p.ethnicity != "Kinh":
            ethnic = [d for d in districts if p.ethnicity in d.ethnic]
            districts = ethnic or districts
            out = False
        else:
            out = rng.random() < 0.13
        if out:
            place = rng.choice(self.org.out_of_province)
            p.birth_district, p.birthplace = None, place
            if rng.random() < 0.8:
                p.hometown, p.home_commune, p.home_district = place, None, None
            else:
                d = rng.choice(districts)
                p.home_commune = rng.choice(d.communes)
                p.hometown, p.home_district = p.home_commune, d.index
            return
        d = rng.choice(districts)
        p.birth_district, p.birthplace = d.index, d.locality
        hd = d if rng.random() < 0.8 else rng.choice(districts)
        p.home_commune = rng.choice(hd.communes)
        p.hometown, p.home_district = p.home_commune, hd.index

    def is_local(self, p: Person, post: PostSpec) -> bool:
        if post.side == "huyen":
            return p.birth_district == post.district or p.home_district == post.district
        if post.side == "xa":
            return p.home_commune == post.commune or p.birth_district == post.district
        return False

    def make_non_local(self, p: Person, post: PostSpec) -> None:
        for _ in range(30):
            if not self.is_local(p, post):
                return
            self._place_of_birth(p, self.district_cluster.get(post.district, 0))
        # last resort: born elsewhere
        place = self.org.out_of_province[0]
        p.birth_district, p.birthplace, p.hometown, p.home_commune, p.home_district = (
            None,
            place,
            place,
            None,
            None,
        )

    def new_person(self, gender: str, birth: D, *, late: bool = False, ethnicity: str = "Kinh") -> Person:
        rng = self.rng
        r = rng.random()
        precision = "d" if r < 0.85 else ("m" if r < 0.97 else "y")
        if precision == "m":
            birth = birth.replace(day=1)
        elif precision == "y":
            birth = D(birth.year, 1, 1)
        p = Person(
            idx=len(self.persons),
            gender=gender,
            birth=birth,
            precision=precision,
            retire=birth,
            late=late,
            ethnicity=ethnicity,
        )
        p.set_retirement()
        self.persons.append(p)
        return p

    def _ethnicity(self) -> str:
        r = self.rng.random()
        return "Kinh" if r < 0.95 else ("Vân Kiều" if r < 0.98 else "Pa Kô")

    # ------------------------------------------------------------------ seats
    def pool(self, p: Person) -> IndexedList:
        key = (p.seat.post.track, p.seat.post.cluster)
        pool = self.pools.get(key)
        if pool is None:
            pool = self.pools[key] = IndexedList()
        return pool

    def assign(self, p: Person, seat: Seat, t: D) -> None:
        interval = [t, None, p.idx]
        seat.intervals.append(interval)
        seat.holder = p.idx
        p.positions.append((seat, interval))
        p.seat, p.since, p.active = seat, t, True
        if p.entry is None:
            p.entry = t
        if not p.locked:
            self.pool(p).add(p.idx)

    def leave(self, p: Person, t: D) -> Seat:
        seat = p.seat
        self.pool(p).remove(p.idx)
        p.positions[-1][1][1] = t
        seat.holder = None
        p.seat = None
        return seat

    def move(self, p: Person, seat: Seat, t: D) -> None:
        old = self.leave(p, t)
        self.assign(p, seat, t)
        self.schedule_fill(old, t)

    def lock(self, p: Person) -> None:
        if p.seat is not None:
            self.pool(p).remove(p.idx)
        p.locked = True

    def unlock(self, p: Person) -> None:
        p.locked = False
        if p.seat is not None:
            self.pool(p).add(p.idx)

    # ------------------------------------------------------------------ events
    def push(self, t: D, prio: int, kind: str, payload) -> None:
        self.seq += 1
        heapq.heappush(self.events, (t, prio, self.seq, kind, payload))

    def schedule_retirement(self, p: Person) -> None:
        if p.retire <= C.AS_OF:
            self.push(p.retire, 1, "retire", p.idx)

    def schedule_fill(self, seat: Seat, t: D) -> None:
        if seat.reserved:
            return
        tf = t + dt.timedelta(days=self.rng.randint(20, 180))
        if tf > C.AS_OF or not seat.post.valid_on(tf):
            return
        if seat.post.side == "huyen" and tf >= D(2025, 1, 1):
            return  # the district level is being wound down: vacancies stay open
        self.push(tf, 3, "fill", seat.idx)

    # ------------------------------------------------------------------ phase 1: the body at D0
    def populate_d0(self, seats: list[Seat], quotas: D0Quotas) -> list[Person]:
        rng = self.rng
        prov = [s for s in seats if s.post.track in PROVINCIAL]
        dist = [s for s in seats if s.post.track not in PROVINCIAL]
        young: set[int] = set()
        women: set[int] = set()
        youth = [s for s in prov if s.post.slug == "tinh_doan" and s.post.cluster == 0]
        youth.sort(key=lambda s: (s.post.track != "prov_head6", s.idx))
        for s in youth[: quotas.young_prov]:
            young.add(s.idx)
        others = [s for s in prov if s.post.track in ("prov_dep5", "sub4", "sn_dep4") and s.idx not in young]
        rng.shuffle(others)
        for s in others[: max(0, quotas.young_prov - len(young))]:
            young.add(s.idx)
        dyoung = [s for s in dist if s.post.track in ("h_uv4", "h_pct4")]
        rng.shuffle(dyoung)
        for s in dyoung[: quotas.young_district]:
            young.add(s.idx)
        young_prov = [s for s in prov if s.idx in young]
        rng.shuffle(young_prov)
        # one of the young women is a phó bí thư of the Tỉnh đoàn, the others anywhere
        young_prov.sort(key=lambda s: not (s.post.slug == "tinh_doan" and s.post.track == "prov_dep5"))
        young_prov = young_prov[:1] + young_prov[2:] + young_prov[1:2] if len(young_prov) > 2 else young_prov
        for s in young_prov[: quotas.young_women]:
            women.add(s.idx)
        forced = [s for s in prov if s.post.slug == "hoi_phu_nu" and s.idx not in young]
        for s in forced[: max(0, quotas.women_prov - len(women))]:
            women.add(s.idx)
        self._weighted_women(prov, young, women, quotas.women_prov)
        self._weighted_women(dist, young, women, quotas.women_district)
        people = []
        for s in seats:
            gender = "nu" if s.idx in women else "nam"
            birth = self._d0_birth(s, gender, s.idx in young)
            ethnicity = self._ethnicity()
            p = self.new_person(gender, birth, ethnicity=ethnicity)
            p.in_d0 = True
            self._place_of_birth(p, s.post.cluster)
            if s.non_local:
                self.make_non_local(p, s.post)
            people.append((p, s))
        # two senior women eligible for the later retirement age of NĐ 83/2022
        senior_women = [p for p, s in people if p.gender == "nu" and s.post.rank >= 6]
        for p in sorted(senior_women, key=lambda p: p.birth)[:2]:
            p.late = True
            p.set_retirement()
        self._d0_training([p for p, _ in people], [s for _, s in people], quotas)
        for p, s in people:
            start = self._d0_start(p, s)
            self.assign(p, s, start)
            p.entry = None
        for p, s in people:
            self._backward(p, s)
            self.schedule_retirement(p)
        return [p for p, _ in people]

    def _weighted_women(self, seats: list[Seat], young: set[int], women: set[int], target: int) -> None:
        """Add women until `target` among `seats`: weighted sampling without replacement (weights: the
        unit's share of female staff, lower ranks a little more)."""
        rng = self.rng
        have = sum(1 for s in seats if s.idx in women)
        keyed = []
        for s in seats:
            if s.idx in women or s.idx in young:
                continue
            w = 0.3 + 2.0 * self.unit_female.get(s.post.unit, 0.3)
            if s.post.track in ("h_bt6", "tu_head7"):
                w *= 0.4
            elif s.post.rank <= 4:
                w *= 1.3
            keyed.append((rng.random() ** (1.0 / w), s.idx))
        keyed.sort(reverse=True)
        for _key, idx in keyed[: max(0, target - have)]:
            women.add(idx)

    def _d0_birth(self, seat: Seat, gender: str, young: bool) -> D:
        rng = self.rng
        if young:
            return _rand_date(rng, D(1982, 4, 1), D(1986, 12, 31))
        lo, hi, mode = AGE_BY_RANK[min(7, max(4, seat.post.rank))]
        age = rng.triangular(lo, hi, mode)
        birth = C.SCHEME_DATE - dt.timedelta(days=int(age * 365.25))
        earliest = D(1961, 1, 1) if gender == "nam" else D(1966, 1, 1)
        return min(max(birth, earliest), D(1980, 12, 31))

    def _d0_start(self, p: Person, seat: Seat) -> D:
        rng = self.rng
        post = seat.post
        earliest = max(post.valid_from or C.HISTORY_START, C.HISTORY_START, add_months(p.birth, 12 * 30))
        latest = C.SCHEME_DATE - dt.timedelta(days=10)
        if post.side == "huyen":
            r = rng.random()
            if r < 0.5:
                t = D(2020, rng.randint(7, 10), rng.randint(1, 28))
            elif r < 0.75:
                t = D(2015, rng.randint(7, 10), rng.randint(1, 28))
            else:
                t = _rand_date(rng, D(2010, 1, 1), latest)
        else:
            lo = max(earliest, D(2009, 1, 1))
            t = max(_rand_date(rng, lo, latest), _rand_date(rng, lo, latest))
        return min(max(t, earliest), latest)

    def _d0_training(self, people: list[Person], seats: list[Seat], quotas: D0Quotas) -> None:
        """Field and formal training of the highest degree, meeting the seed's counts exactly."""
        rng = self.rng
        order = list(range(len(people)))
        # formal: the young first (seed 001 II.3 asks for "đại học chính quy"), then the younger, with noise
        order.sort(
            key=lambda i: (
                not (people[i].age_on(C.SCHEME_DATE) < 40),
                -(people[i].birth.year + rng.random() * 14),
            )
        )
        for rank, i in enumerate(order):
            people[i].formal = rank < quotas.formal
        remaining = dict(quotas.fields)
        idxs = list(range(len(people)))
        rng.shuffle(idxs)
        # people with a strong preference go first, so that a sector is led by a matching field
        idxs.sort(key=lambda i: -max(self._affinity(seats[i]).values(), default=0))
        base = dict(C.SEED_FIELD_SHARES)
        for i in idxs:
            aff = self._affinity(seats[i])
            options = [(f, base[f] + aff.get(f, 0.0)) for f in remaining if remaining[f] > 0]
            f = _wchoice(rng, options)
            remaining[f] -= 1
            people[i].field = f

    def _affinity(self, seat: Seat) -> dict[str, float]:
        post = seat.post
        if post.side in ("huyen", "xa"):
            return C.FIELD_AFFINITY["huyen"]
        return C.FIELD_AFFINITY.get(post.slug, {})

    # ------------------------------------------------------------------ phase 2: backward histories
    def _candidate_posts(self, track: str, near: PostSpec) -> list[PostSpec]:
        rng = self.rng
        if rng.random() < 0.5:
            same = self.posts_by_track_agency.get((track, near.agency))
            if same:
                return same
        if near.district is not None and rng.random() < 0.4:
            same = self.posts_by_track_district.get((track, near.district))
            if same:
                return same
        if rng.random() < 0.85:
            local = self.posts_by_track_cluster.get((track, near.cluster))
            if local:
                return local
        return self.posts_by_track.get(track, [])

    def _backward(self, p: Person, seat: Seat) -> None:
        rng = self.rng
        cursor = p.positions[0][1][0]
        track = seat.post.track
        near = seat.post
        earlier = []
        for _step in range(4):
            if rng.random() < P_ENTRY[track] * (0.6 if p.age_on(cursor) > 45 else 1.0):
                break
            found = None
            for _attempt in range(8):
                start = add_months(cursor, -rng.randint(24, 72))
                start = start.replace(day=rng.randint(1, 28))
                if start < C.HISTORY_START or p.age_on(start) < 30:
                    break
                prev = _wchoice(rng, PRED[track])
                if TRACK_RANK[prev] > TRACK_RANK[track] or prev.startswith("x_"):
                    continue
                candidates = self._candidate_posts(prev, near)
                if not candidates:
                    continue
                post = candidates[int(rng.random() * len(candidates))]
                if post is near:
                    continue
                if not post.valid_over(start, cursor):
                    continue
                s = post.seats[int(rng.random() * len(post.seats))]
                if s.non_local and self.is_local(p, post):
                    continue
                if s.is_free(start, cursor):
                    found = (s, start)
                    break
            if found is None:
                break
            s, start = found
            interval = [start, cursor, p.idx]
            s.intervals.append(interval)
            earlier.append((s, interval))
            cursor, track, near = start, s.post.track, s.post
        if earlier:
            earlier.reverse()
            p.positions[:0] = earlier
        p.entry = p.positions[0][1][0]

    # ------------------------------------------------------------------ phase 3: forward
    def newcomer_allowed(self) -> bool:
        return self.newcomer_cap is None or self.newcomers < self.newcomer_cap

    def add_newcomer(self, seat: Seat, t: D) -> Person | None:
        if not self.newcomer_allowed():
            return None
        rng = self.rng
        post = seat.post
        women = 0.9 if post.slug == "hoi_phu_nu" else 0.19
        gender = "nu" if rng.random() < women else "nam"
        young = post.rank <= 5 and rng.random() < 0.13
        for _ in range(20):
            if young:
                age = rng.uniform(33.0, 39.5)
            else:
                lo, hi, mode = AGE_BY_RANK[min(7, max(4, post.rank))]
                age = rng.triangular(lo - 2, min(hi - 4, 55.5), mode - 3)
            birth = t - dt.timedelta(days=int(age * 365.25))
            if months_left(_retirement(gender, birth).month, t) >= 60:
                break
        p = self.new_person(gender, birth, ethnicity=self._ethnicity())
        p.degree_cap = t.year
        self._place_of_birth(p, post.cluster)
        if seat.non_local:
            self.make_non_local(p, post)
        p.formal = rng.random() < (0.95 if p.age_on(t) < 40 else 0.72)
        aff = self._affinity(seat)
        p.field = _wchoice(rng, [(f, w + aff.get(f, 0.0)) for f, w in C.SEED_FIELD_SHARES])
        self.newcomers += 1
        self.assign(p, seat, t)
        self.schedule_retirement(p)
        return p

    def eligible(self, p: Person, seat: Seat, t: D) -> bool:
        if not p.active or p.locked or p.seat is None or p.seat.post is seat.post:
            return False
        rank_now, rank_new = p.seat.post.rank, seat.post.rank
        if rank_new < rank_now:
            return False
        if (t - p.since).days < 730:
            return False
        if p.months_left(t) < (60 if rank_new > rank_now else 24):
            return False
        if seat.non_local and self.is_local(p, seat.post):
            return False
        return True

    def try_promote(self, seat: Seat, t: D) -> bool:
        rng = self.rng
        post = seat.post
        preds = [(tr, w) for tr, w in PRED[post.track] if TRACK_RANK[tr] <= post.rank]
        if post.track in ("prov_head6", "sn_head5", "tu_head7") and rng.random() < 0.5:
            for dep in self.posts_by_track_agency.get(
                ("prov_dep5", post.agency), []
            ) + self.posts_by_track_agency.get(("sn_dep4", post.agency), []):
                for s in dep.seats:
                    if s.holder is not None and self.eligible(self.persons[s.holder], seat, t):
                        self.move(self.persons[s.holder], seat, t)
                        return True
        for _ in range(12):
            tr = _wchoice(rng, preds)
            if tr.startswith("h_") and t >= C.REFORM_START:
                continue
            cluster = post.cluster if rng.random() < 0.85 else rng.randrange(self.org.clusters)
            pool = self.pools.get((tr, cluster))
            if not pool:
                continue
            p = self.persons[pool.pick(rng)]
            if self.eligible(p, seat, t):
                self.move(p, seat, t)
                return True
        return False

    def run(self) -> None:
        self.push(C.REFORM_START, 0, "reform", None)
        for when, kind in (
            (D(2022, 1, 4), "dep_swap"),
            (D(2022, 1, 4), "dep_swap"),
            (D(2022, 2, 15), "young_swap"),
            (D(2022, 3, 1), "head_bi_thu_swap"),
            (D(2022, 4, 1), "head_swap"),
        ):
            self.push(when, 2, kind, None)
        while self.events:
            t, _prio, _seq, kind, payload = heapq.heappop(self.events)
            if t > C.AS_OF:
                break
            if kind == "retire":
                p = self.persons[payload]
                if p.active and p.seat is not None:
                    seat = self.leave(p, t)
                    self.schedule_fill(seat, t)
                p.active, p.left = False, "nghi_huu"
                if p.locked:
                    self._end_rotation(p, t, "Nghỉ hưu theo chế độ")
            elif kind == "fill":
                seat = self.org.seats[payload]
                if seat.holder is None and not seat.reserved and seat.post.valid_on(t):
                    newcomer_first = self.rng.random() < P_ENTRY[seat.post.track] and self.newcomer_allowed()
                    if newcomer_first or not self.try_promote(seat, t):
                        self.add_newcomer(seat, t)
            elif kind == "reform":
                self._reform(t)
            elif kind == "rotation_end":
                self._rotation_end(payload, t)
            else:
                self._rotation_start(kind, t)

    # ------------------------------------------------------------------ the 2021–2025 rotation plan
    def _cluster0_holders(self, track: str) -> list[Person]:
        out = []
        for post in self.posts_by_track_cluster.get((track, 0), []):
            for s in post.seats:
                if s.holder is not None:
                    p = self.persons[s.holder]
                    if not p.locked:
                        out.append(p)
        return out

    def _rotation_start(self, kind: str, t: D) -> None:
        rng = self.rng
        young = kind == "young_swap"
        if kind in ("dep_swap", "young_swap"):
            a_list = [
                p
                for p in self._cluster0_holders("prov_dep5")
                if p.months_left(t) >= 120 and (p.age_on(t) < 40) == young and (t - p.since).days >= 365
            ]
            b_list = [
                p
                for p in self._cluster0_holders("h_pbt5")
                if p.months_left(t) >= 120 and (t - p.since).days >= 365
            ]
            purposes = ("dao_tao", "dao_tao")
            months = 36
        elif kind == "head_bi_thu_swap":
            a_list = [p for p in self._cluster0_holders("prov_head6") if p.months_left(t) >= 60]
            b_list = [p for p in self._cluster0_holders("h_bt6") if p.months_left(t) >= 60]
            purposes = ("khong_phai_nguoi_dia_phuong", None)
            months = 48
        else:
            a_list = [
                p
                for p in self._cluster0_holders("prov_head6")
                if p.months_left(t) >= 60 and (t - p.since).days >= 96 * 30
            ]
            b_list = [
                p
                for p in self._cluster0_holders("prov_head6")
                if p.months_left(t) >= 60 and (t - p.since).days >= 96 * 30
            ]
            purposes = ("hai_nhiem_ky", "hai_nhiem_ky")
            months = 36
        rng.shuffle(a_list)
        rng.shuffle(b_list)
        for a in a_list:
            for b in b_list:
                if a is b or a.seat.post.agency == b.seat.post.agency:
                    continue
                if a.seat.non_local and self.is_local(b, a.seat.post):
                    continue
                if b.seat.non_local and self.is_local(a, b.seat.post):
                    continue
                pb = purposes[1]
                if pb is None:
                    pb = "hai_nhiem_ky" if (t - b.since).days >= 96 * 30 else "dao_tao"
                    if pb == "dao_tao" and b.months_left(t) < 120:
                        continue
                self._swap(a, b, t, purposes[0], pb, months)
                return

    def _swap(self, a: Person, b: Person, t: D, purpose_a: str, purpose_b: str, months: int) -> None:
        sa, sb = a.seat, b.seat
        self.leave(a, t)
        self.leave(b, t)
        self.lock(a)
        self.lock(b)
        self.assign(a, sb, t)
        self.assign(b, sa, t)
        end = add_months(t, months)
        pair = []
        for p, frm, to, purpose in ((a, sa, sb, purpose_a), (b, sb, sa, purpose_b)):
            rot = {
                "cadre": p.idx,
                "purpose": purpose,
                "from_post": frm.post.id,
                "to_posts": [to.post.id],
                "to_seat": to,
                "home_seat": frm,
                "start": t,
                "end": end,
                "actual_end": None,
                "placement": "",
                "interval": p.positions[-1][1],
            }
            if to.concurrent_post:
                rot["to_posts"].append(to.concurrent_post)
            self.rotations.append(rot)
            pair.append(rot)
        pair[0]["partner"], pair[1]["partner"] = pair[1], pair[0]
        if end <= C.AS_OF:
            self.push(end, 2, "rotation_end", (pair[0], pair[1]))

    def _rotation_end(self, pair, t: D) -> None:
        ra, rb = pair
        a, b = self.persons[ra["cadre"]], self.persons[rb["cadre"]]
        if ra["actual_end"] or rb["actual_end"]:
            return
        both_there = a.seat is ra["to_seat"] and b.seat is rb["to_seat"]
        if both_there and self.rng.random() < 0.6:
            # swap back: each returns to the post held before the rotation
            self.leave(a, t)
            self.leave(b, t)
            self.unlock(a)
            self.unlock(b)
            self.assign(a, ra["home_seat"], t)
            self.assign(b, rb["home_seat"], t)
            for rot, seat in ((ra, ra["home_seat"]), (rb, rb["home_seat"])):
                rot["actual_end"] = t
                rot["placement"] = (
                    f"Trở về đơn vị cũ: {self.org.title_names[seat.post.title]}, "
                    f"{self.org.unit_names[seat.post.unit]}"
                )
            return
        for rot, p in ((ra, a), (rb, b)):
            self._end_rotation(p, t, None, rot)

    def _end_rotation(self, p: Person, t: D, placement: str | None, rot: dict | None = None) -> None:
        if rot is None:
            rot = next((r for r in self.rotations if r["cadre"] == p.idx and r["actual_end"] is None), None)
            if rot is None:
                p.locked = False
                return
        if rot["actual_end"] is not None:
            return
        rot["actual_end"] = t
        if placement is None:
            seat = p.seat
            placement = (
                (
                    f"Bố trí ổn định tại nơi đến: {self.org.title_names[seat.post.title]}, "
                    f"{self.org.unit_names[seat.post.unit]}"
                )
                if seat
                else "Kết thúc luân chuyển"
            )
        rot["placement"] = placement
        if p.locked:
            self.unlock(p)

    # ------------------------------------------------------- 01/07/2025: communes replace districts
    def _reform(self, t: D) -> None:
        rng = self.rng
        for cluster in range(self.org.clusters):
            self._reform_cluster(t, cluster, rng)

    def _reform_cluster(self, t: D, cluster: int, rng: random.Random) -> None:
        district_people: list[Person] = []
        for track in ("h_bt6", "h_pbt5", "h_pct4", "h_uv4"):
            for post in self.posts_by_track_cluster.get((track, cluster), []):
                for s in post.seats:
                    if s.holder is not None:
                        district_people.append(self.persons[s.holder])
        rotating = [p for p in district_people if p.locked]
        for p in district_people:
            self.leave(p, t)
        bt_seats = [s for post in self.posts_by_track_cluster.get(("x_bt6", cluster), []) for s in post.seats]
        pbt_seats = [
            s for post in self.posts_by_track_cluster.get(("x_pbt5", cluster), []) for s in post.seats
        ]
        if cluster == 0:
            # kept open for the 2026 rotation plan (its destinations): 2 bí thư, 3 phó bí thư – chủ tịch UBND,
            # 1 phó bí thư
            for s in (
                bt_seats[3:4]
                + bt_seats[11:12]
                + [s for s in pbt_seats if s.k == 0][5:17:5]
                + [s for s in pbt_seats if s.k == 1][20:21]
            ):
                s.reserved = True
        placed: set[int] = set()
        by_track: dict[str, list[Person]] = {}
        for p in district_people:
            by_track.setdefault(p.positions[-1][0].post.track, []).append(p)

        def take(
            seats: list[Seat], candidates: list[Person], *, min_months: int, exception: bool = False
        ) -> None:
            candidates = [p for p in candidates if p.idx not in placed and p.months_left(t) >= min_months]
            for s in seats:
                if s.holder is not None or s.reserved:
                    continue
                for p in candidates:
                    if p.idx in placed:
                        continue
                    local = s.non_local and self.is_local(p, s.post)
                    if local and not exception:
                        continue
                    self.assign(p, s, t)
                    placed.add(p.idx)
                    if local:
                        p.exceptions.append(
                            {
                                "rule": "ROT-16",
                                "decision": f"{rng.randint(1100, 1400)}-QĐ/TU",
                                "date": D(2025, 6, rng.randint(20, 28)),
                                "approved_by": "Ban Thường vụ Tỉnh ủy",
                            }
                        )
                    break

        bts = by_track.get("h_bt6", [])
        pbts = sorted(by_track.get("h_pbt5", []), key=lambda p: -p.months_left(t))
        lower = by_track.get("h_pct4", []) + by_track.get("h_uv4", [])
        rng.shuffle(lower)
        rng.shuffle(bt_seats)
        if cluster == 0 and bts:
            # one bí thư xã is local: approved as a special case (ROT-16), the demo's second exception
            for s in bt_seats:
                if s.holder is None and not s.reserved:
                    local = [p for p in bts + pbts if self.is_local(p, s.post) and p.months_left(t) >= 12]
                    if local:
                        take([s], local[:1], min_months=12, exception=True)
                    break
        take(bt_seats, bts, min_months=6)
        take(bt_seats, pbts, min_months=60)
        # a few provincial deputies and heads go down to lead communes
        prov = (
            [
                p
                for p in self._cluster0_holders("prov_dep5") + self._cluster0_holders("prov_head6")
                if p.months_left(t) >= 60
            ]
            if cluster == 0
            else []
        )
        rng.shuffle(prov)
        for s in bt_seats:
            if s.holder is None and not s.reserved:
                for p in prov:
                    if (
                        p.active
                        and p.seat is not None
                        and p.seat.post.side == "tinh"
                        and not self.is_local(p, s.post)
                    ):
                        self.move(p, s, t)
                        prov.remove(p)
                        break
        take(sorted(pbt_seats, key=lambda s: s.idx), pbts + lower, min_months=12)
        # the rest: to provincial posts with a free seat, or out of the body (NĐ 178 early retirement, or a
        # post the Ban Thường vụ does not manage)
        for p in district_people:
            if p.idx in placed:
                continue
            rank = p.positions[-1][0].post.rank
            target = None
            tracks = {4: ("sub4", "sn_dep4", "ubkt4"), 5: ("prov_dep5", "sn_head5"), 6: ("prov_head6",)}[rank]
            for track in tracks:
                for post in self.posts_by_track_cluster.get((track, cluster), []):
                    for s in post.seats:
                        if s.holder is None and not s.reserved and post.valid_on(t):
                            target = s
                            break
                    if target:
                        break
                if target:
                    break
            if target is not None and p.months_left(t) >= 24:
                self.assign(p, target, t)
            else:
                p.active = False
                p.left = "nd178" if p.months_left(t) <= 60 else "chuyen_cong_tac"
        for s in bt_seats + pbt_seats:
            if s.holder is None and not s.reserved:
                self.add_newcomer(s, t)
        # rotations into district posts end with the district level
        for p in rotating:
            rot = next((r for r in self.rotations if r["cadre"] == p.idx and r["actual_end"] is None), None)
            if rot is None:
                continue
            partner = rot.get("partner")
            if partner is not None and partner["actual_end"] is None:
                self._end_rotation(self.persons[partner["cadre"]], t, None, partner)
            rot["actual_end"] = t
            if p.seat is not None:
                rot["placement"] = (
                    f"Kết thúc do sắp xếp đơn vị hành chính; bố trí "
                    f"{self.org.title_names[p.seat.post.title]}, {self.org.unit_names[p.seat.post.unit]}"
                )
            else:
                rot["placement"] = "Kết thúc do sắp xếp đơn vị hành chính"
            self.unlock(p)
