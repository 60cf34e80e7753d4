"""The organization of the demo province: localities, units, titles, posts and their seats. Pure.

`build_organization(clusters)` returns an `Organization` holding the interchange rows (plain dicts in
the order of docs/interchange.md) and the internal `PostSpec` / `Seat` objects the career simulation
works on. Cluster 0 is "Tỉnh Mẫu" as DOMAIN.md §11 describes it; every further cluster (only for
large benchmark bodies) adds ten more district-level units with their communes and another copy of the
units directly under the departments, so that a body of 100,000 cadres still has posts to hold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from luanchuyen.demo import catalog as C

# career tracks: posts that cadres move between (rank of the titles in brackets)
#   tu_head7   heads of the Tỉnh ủy's advisory bodies, Chủ tịch UBMTTQ (7)
#   prov_head6 other heads of provincial agencies (6)          prov_dep5  their deputies (5)
#   sn_head5   heads of public-service units of the UBND (5)   sn_dep4    their deputies (4)
#   ubkt4      full-time members of the UBKT (4)               sub4       heads of units under departments (4)
#   h_bt6 / h_pbt5 / h_pct4 / h_uv4   district bí thư, phó bí thư, PCT HĐND/UBND, UV BTV (until 30/06/2025)
#   x_bt6 / x_pbt5                    commune bí thư, phó bí thư (from 01/07/2025)
TRACKS = (
    "tu_head7",
    "prov_head6",
    "prov_dep5",
    "sn_head5",
    "sn_dep4",
    "ubkt4",
    "sub4",
    "h_bt6",
    "h_pbt5",
    "h_pct4",
    "h_uv4",
    "x_bt6",
    "x_pbt5",
)
TRACK_RANK = {
    "tu_head7": 7,
    "prov_head6": 6,
    "prov_dep5": 5,
    "sn_head5": 5,
    "sn_dep4": 4,
    "ubkt4": 4,
    "sub4": 4,
    "h_bt6": 6,
    "h_pbt5": 5,
    "h_pct4": 4,
    "h_uv4": 4,
    "x_bt6": 6,
    "x_pbt5": 5,
}


@dataclass(eq=False, slots=True)
class Seat:
    """One slot of a post over time: intervals [start, end, person index] (end None = open)."""

    idx: int
    post: PostSpec
    k: int
    non_local: bool
    concurrent_post: str | None = None
    intervals: list = field(default_factory=list)
    holder: int | None = None
    reserved: bool = False

    def is_free(self, start: dt.date, end: dt.date | None) -> bool:
        for a, b, _ in self.intervals:
            if (b is None or start < b) and (end is None or a < end):
                return False
        return True


@dataclass(eq=False, slots=True)
class PostSpec:
    id: str
    unit: str
    title: str
    slots: int
    valid_from: dt.date | None
    valid_to: dt.date | None
    rank: int
    track: str
    cluster: int
    agency: str  # the top-level unit (agency, district party committee, commune party committee)
    slug: str  # catalog slug of the agency / "huyen" / "xa" / sub-unit kind, for field preferences
    side: str  # "tinh" | "huyen" | "xa": provincial agencies vs district level vs communes
    district: int | None  # global district index (district posts; communes: the district they came from)
    commune: str | None  # commune locality id (commune posts)
    seats: list = field(default_factory=list)

    def valid_over(self, start: dt.date, end: dt.date | None) -> bool:
        """[start, end) lies inside the post's validity (valid_to is the last valid day)."""
        if self.valid_from and start < self.valid_from:
            return False
        if self.valid_to is not None:
            if end is None or end > self.valid_to + dt.timedelta(days=1):
                return False
        return True

    def valid_on(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass
class District:
    index: int
    cluster: int
    locality: str
    name: str
    communes: list[str]  # commune locality ids
    ethnic: list[str]


@dataclass
class Organization:
    localities: list[dict]
    units: list[dict]
    titles: list[dict]
    posts: list[dict]
    specs: list[PostSpec]
    seats: list[Seat]
    districts: list[District]
    commune_district: dict[str, int]  # commune locality id -> district index
    unit_names: dict[str, str]
    title_names: dict[str, str]
    title_rank: dict[str, int]
    agency_titles: dict[str, tuple[str | None, str]]  # agency unit id -> (head title, deputy title)
    clusters: int
    out_of_province: list[str]


def _commune_names(clusters: int) -> list[list[tuple[str, str]]]:
    """Per district of cluster 0 the real commune names (vietnam-provinces); later clusters borrow
    names from the rest of the country, grouped ten districts at a time."""
    from vietnam_provinces import Ward

    wards = sorted(Ward.iter_all(), key=lambda w: int(w.code))
    mine = [w for w in wards if int(w.province_code) == C.COMMUNE_PROVINCE_CODE]
    groups: list[list[tuple[str, str]]] = []
    for _kind, _name, _party, (lo, hi) in C.DISTRICTS:
        names = [
            (w.name, str(w.division_type.name if hasattr(w.division_type, "name") else w.division_type))
            for w in mine
            if lo <= int(w.code) <= hi
        ]
        groups.append(names)
    if clusters > 1:
        others = [
            (w.name, str(w.division_type.name))
            for w in wards
            if int(w.province_code) != C.COMMUNE_PROVINCE_CODE
        ]
        sizes = [len(g) for g in groups]
        pos = 0
        for _c in range(1, clusters):
            for size in sizes:
                chunk = [others[(pos + i) % len(others)] for i in range(size)]
                pos += size
                groups.append(chunk)
    return groups


def _base_name(name: str) -> str:
    for prefix in ("Phường ", "Xã ", "Đặc khu ", "Thị trấn "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _party_name(commune_name: str) -> tuple[str, str, str]:
    """Commune name -> (party committee, HĐND, UBND) unit names."""
    if commune_name.startswith("Phường "):
        kind = "phường"
    elif commune_name.startswith("Đặc khu "):
        kind = "đặc khu"
    else:
        kind = "xã"
    base = _base_name(commune_name)
    return f"Đảng ủy {kind} {base}", f"HĐND {kind} {base}", f"UBND {kind} {base}"


def build_organization(clusters: int = 1) -> Organization:
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    n_units = 48 + len(C.SUBUNITS) * clusters + 10 * 3 * clusters + 37 * 3 * clusters
    uw = max(3, len(str(n_units)))
    hw = max(2, len(str(10 * clusters)))
    xw = max(2, len(str(37 * clusters)))
    localities: list[dict] = []
    units: list[dict] = []
    titles: dict[str, dict] = {}
    specs: list[PostSpec] = []
    seats: list[Seat] = []
    unit_names: dict[str, str] = {}
    agency_titles: dict[str, tuple[str | None, str]] = {}
    counter = {"unit": 0, "post": 0}

    def new_unit(
        name, group, subgroup, block, level, locality, parent, staff, valid_from, valid_to=None
    ) -> str:
        counter["unit"] += 1
        uid = f"U{counter['unit']:0{uw}d}"
        units.append(
            {
                "id": uid,
                "name": name,
                "group": group,
                "subgroup": subgroup,
                "block": block,
                "level": level,
                "locality": locality,
                "parent": parent,
                "staff_total": staff[0],
                "staff_female": staff[1],
                "valid_from": iso(valid_from),
                "valid_to": iso(valid_to),
            }
        )
        unit_names[uid] = name
        return uid

    def title(tid, name, role, rank, key=False, non_local=False, sector=None, level="tinh"):
        if tid not in titles:
            titles[tid] = {
                "id": tid,
                "name": name,
                "role": role,
                "rank": rank,
                "key_title": key,
                "non_local_required": non_local,
                "sector": sector,
                "level": level,
            }
        return tid

    def new_post(
        unit,
        tid,
        slots,
        track,
        cluster,
        agency,
        slug,
        side,
        valid_from,
        valid_to=None,
        district=None,
        commune=None,
        non_local=(),
        concurrent=None,
    ) -> PostSpec:
        counter["post"] += 1
        spec = PostSpec(
            id=str(counter["post"]),
            unit=unit,
            title=tid,
            slots=slots,
            valid_from=valid_from,
            valid_to=valid_to,
            rank=titles[tid]["rank"],
            track=track,
            cluster=cluster,
            agency=agency,
            slug=slug,
            side=side,
            district=district,
            commune=commune,
        )
        for k in range(slots):
            seat = Seat(
                idx=len(seats),
                post=spec,
                k=k,
                non_local=k in non_local,
                concurrent_post=(concurrent or {}).get(k),
            )
            spec.seats.append(seat)
            seats.append(seat)
        specs.append(spec)
        return spec

    # ---- localities ----
    localities.append(
        {
            "id": "TM",
            "name": "Tỉnh Mẫu",
            "level": "tinh",
            "parent": None,
            "valid_from": iso(C.EPOCH),
            "valid_to": None,
            "successor": None,
        }
    )
    for lid, name, _code in C.OUT_OF_PROVINCE:
        localities.append(
            {
                "id": lid,
                "name": name,
                "level": "tinh",
                "parent": None,
                "valid_from": iso(C.EPOCH),
                "valid_to": None,
                "successor": None,
            }
        )
    commune_groups = _commune_names(clusters)
    districts: list[District] = []
    commune_district: dict[str, int] = {}
    commune_rows: list[tuple[str, str, int]] = []
    xcount = 0
    for di, names in enumerate(commune_groups):
        cluster = di // 10
        kind, dname, _party, _codes = C.DISTRICTS[di % 10]
        if cluster:
            dname = f"Huyện {_base_name(names[0][0])}"
        lid = f"H{di + 1:0{hw}d}"
        cids = []
        for cname, _t in names:
            xcount += 1
            cid = f"X{xcount:0{xw}d}"
            cids.append(cid)
            commune_district[cid] = di
            commune_rows.append((cid, cname, di))
        districts.append(District(di, cluster, lid, dname, cids, C.ETHNIC_DISTRICTS.get(di % 10, [])))
        localities.append(
            {
                "id": lid,
                "name": dname,
                "level": "huyen",
                "parent": "TM",
                "valid_from": iso(C.EPOCH),
                "valid_to": iso(C.REFORM_END),
                "successor": cids[0],
            }
        )
    for cid, cname, _di in commune_rows:
        localities.append(
            {
                "id": cid,
                "name": cname,
                "level": "xa",
                "parent": "TM",
                "valid_from": iso(C.REFORM_START),
                "valid_to": None,
                "successor": None,
            }
        )

    # ---- titles of districts, communes, sub-units, planning ----
    for tid, (name, role, rank, key, nl) in C.DISTRICT_TITLES.items():
        title(tid, name, role, rank, key, nl, level="huyen")
    for tid, (name, role, rank, key, nl) in C.COMMUNE_TITLES.items():
        title(tid, name, role, rank, key, nl, level="xa")
    for _kind, (tid, name, sector) in C.SUBUNIT_TITLES.items():
        title(tid, name, "head", C.SUBUNIT_RANK, sector=sector)
    for tid, (name, role, rank, key, nl, _slots) in C.PLANNING_TITLES.items():
        title(tid, name, role, rank, key, nl)

    # ---- the 48 provincial agencies ----
    agency_ids: dict[str, str] = {}
    for ag in C.AGENCIES:
        uid = new_unit(ag.name, ag.group, ag.subgroup, ag.block, "tinh", None, None, ag.staff, ag.valid_from)
        agency_ids[ag.slug] = uid
        head_tid = None
        if ag.head:
            htid, hname, hrank = ag.head
            head_tid = title(htid, hname, "head", hrank, key=hrank >= 7, sector=ag.sector)
            track = (
                "tu_head7" if hrank == 7 else ("sn_head5" if ag.group == "su_nghiep_ubnd" else "prov_head6")
            )
            new_post(uid, head_tid, 1, track, 0, uid, ag.slug, "tinh", ag.valid_from)
        dtid, dname, drank = ag.deputy
        dep_tid = title(dtid, dname, "deputy", drank, sector=ag.sector)
        track = "sn_dep4" if ag.group == "su_nghiep_ubnd" else "prov_dep5"
        new_post(uid, dep_tid, ag.deputies, track, 0, uid, ag.slug, "tinh", ag.valid_from)
        if ag.slug == "ubkt_tu":
            mtid, mname, mrank, mslots = C.UBKT_MEMBERS
            title(mtid, mname, "deputy", mrank)
            new_post(uid, mtid, mslots, "ubkt4", 0, uid, ag.slug, "tinh", ag.valid_from)
        agency_titles[uid] = (head_tid, dep_tid)
    agency_by_slug = {ag.slug: ag for ag in C.AGENCIES}

    # ---- units directly under departments (one copy per cluster) ----
    for cluster in range(clusters):
        for parent_slug, name, kind, valid_from in C.SUBUNITS:
            parent = agency_by_slug[parent_slug]
            uname = name if cluster == 0 else f"{name} – cơ sở {cluster + 1}"
            block = "chinh_quyen" if kind in ("chi_cuc", "ban") else "su_nghiep"
            total = 25 + (len(name) * 7) % 60 if kind != "benh_vien" else 300 + (len(name) * 13) % 400
            female = total * (55 if kind == "benh_vien" else 30 + len(name) % 20) // 100
            uid = new_unit(
                uname,
                parent.group,
                parent.subgroup,
                block,
                "tinh",
                None,
                agency_ids[parent_slug],
                (total, female),
                valid_from,
            )
            tid = C.SUBUNIT_TITLES[kind][0]
            slug = "benh_vien" if kind == "benh_vien" else parent_slug
            new_post(uid, tid, 1, "sub4", cluster, agency_ids[parent_slug], slug, "tinh", valid_from)

    # ---- district level (until 30/06/2025) ----
    for d in districts:
        kind, _dname, party_name, _codes = C.DISTRICTS[d.index % 10]
        if d.cluster:
            party_name = f"Huyện ủy {_base_name(d.name.removeprefix('Huyện '))}"
        base = d.name
        lower = base[0].lower() + base[1:]
        island = d.index % 10 == C.ISLAND_DISTRICT
        staff = (28 + d.index % 9, 9 + d.index % 5)
        party = new_unit(
            party_name, "huyen", None, "dang", "huyen", d.locality, None, staff, C.EPOCH, C.REFORM_END
        )
        hdnd = (
            None
            if island
            else new_unit(
                f"HĐND {lower}",
                "huyen",
                None,
                "chinh_quyen",
                "huyen",
                d.locality,
                party,
                (6, 2),
                C.EPOCH,
                C.REFORM_END,
            )
        )
        ubnd = new_unit(
            f"UBND {lower}",
            "huyen",
            None,
            "chinh_quyen",
            "huyen",
            d.locality,
            party,
            (70 + (d.index * 7) % 40, 28 + (d.index * 5) % 20),
            C.EPOCH,
            C.REFORM_END,
        )
        end = C.REFORM_END
        # the chairs of HĐND and UBND are held concurrently by the bí thư and the first phó bí thư
        ct_hdnd = new_post(
            hdnd or party,
            "chu_tich_hdnd_huyen",
            1,
            "h_cc",
            d.cluster,
            party,
            "huyen",
            "huyen",
            C.EPOCH,
            end,
            district=d.index,
        )
        ct_ubnd = new_post(
            ubnd,
            "chu_tich_ubnd_huyen",
            1,
            "h_cc",
            d.cluster,
            party,
            "huyen",
            "huyen",
            C.EPOCH,
            end,
            district=d.index,
        )
        new_post(
            party,
            "bi_thu_huyen",
            1,
            "h_bt6",
            d.cluster,
            party,
            "huyen",
            "huyen",
            C.EPOCH,
            end,
            district=d.index,
            non_local=(0,),
            concurrent={0: ct_hdnd.id},
        )
        new_post(
            party,
            "pho_bi_thu_huyen",
            2,
            "h_pbt5",
            d.cluster,
            party,
            "huyen",
            "huyen",
            C.EPOCH,
            end,
            district=d.index,
            non_local=(0,),
            concurrent={0: ct_ubnd.id},
        )
        if hdnd:
            new_post(
                hdnd,
                "pho_chu_tich_hdnd_huyen",
                1,
                "h_pct4",
                d.cluster,
                party,
                "huyen",
                "huyen",
                C.EPOCH,
                end,
                district=d.index,
            )
        new_post(
            ubnd,
            "pho_chu_tich_ubnd_huyen",
            1 if island else 2,
            "h_pct4",
            d.cluster,
            party,
            "huyen",
            "huyen",
            C.EPOCH,
            end,
            district=d.index,
        )
        new_post(
            party,
            "uy_vien_btv_huyen",
            6 if d.index % 10 == 0 else 5,  # the city's standing committee is one larger: 51 in all
            "h_uv4",
            d.cluster,
            party,
            "huyen",
            "huyen",
            C.EPOCH,
            end,
            district=d.index,
        )

    # ---- communes (from 01/07/2025) ----
    for cid, cname, di in commune_rows:
        d = districts[di]
        pname, hname, uname = _party_name(cname)
        seed_n = int(cid[1:])
        party = new_unit(
            pname, "xa", None, "dang", "xa", cid, None, (14 + seed_n % 8, 6 + seed_n % 5), C.REFORM_START
        )
        hdnd = new_unit(hname, "xa", None, "chinh_quyen", "xa", cid, party, (5, 2), C.REFORM_START)
        ubnd = new_unit(
            uname,
            "xa",
            None,
            "chinh_quyen",
            "xa",
            cid,
            party,
            (38 + seed_n % 20, 15 + seed_n % 11),
            C.REFORM_START,
        )
        ct_hdnd = new_post(
            hdnd,
            "chu_tich_hdnd_xa",
            1,
            "x_cc",
            d.cluster,
            party,
            "xa",
            "xa",
            C.REFORM_START,
            district=di,
            commune=cid,
        )
        ct_ubnd = new_post(
            ubnd,
            "chu_tich_ubnd_xa",
            1,
            "x_cc",
            d.cluster,
            party,
            "xa",
            "xa",
            C.REFORM_START,
            district=di,
            commune=cid,
        )
        new_post(
            party,
            "bi_thu_xa",
            1,
            "x_bt6",
            d.cluster,
            party,
            "xa",
            "xa",
            C.REFORM_START,
            district=di,
            commune=cid,
            non_local=(0,),
            concurrent={0: ct_hdnd.id},
        )
        new_post(
            party,
            "pho_bi_thu_xa",
            2,
            "x_pbt5",
            d.cluster,
            party,
            "xa",
            "xa",
            C.REFORM_START,
            district=di,
            commune=cid,
            concurrent={0: ct_ubnd.id},
        )

    # post ids: P + zero-padded number
    pw = max(3, len(str(len(specs))))
    for spec in specs:
        spec.id = f"P{int(spec.id):0{pw}d}"
    # concurrent ids were taken before padding: fix them
    for seat in seats:
        if seat.concurrent_post is not None:
            seat.concurrent_post = f"P{int(seat.concurrent_post):0{pw}d}"
    posts = [
        {
            "id": s.id,
            "unit": s.unit,
            "title": s.title,
            "slots": s.slots,
            "valid_from": iso(s.valid_from),
            "valid_to": iso(s.valid_to),
        }
        for s in specs
    ]
    title_rows = sorted(titles.values(), key=lambda t: t["id"])
    return Organization(
        localities=sorted(localities, key=lambda r: r["id"]),
        units=units,
        titles=title_rows,
        posts=posts,
        specs=specs,
        seats=seats,
        districts=districts,
        commune_district=commune_district,
        unit_names=unit_names,
        title_names={t["id"]: t["name"] for t in title_rows},
        title_rank={t["id"]: t["rank"] for t in title_rows},
        agency_titles=agency_titles,
        clusters=clusters,
        out_of_province=[lid for lid, _n, _c in C.OUT_OF_PROVINCE],
    )
