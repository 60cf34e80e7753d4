"""Benchmark: Excel import of 10,000 cadres (target ≤ 30 s, DOMAIN.md §12 / issue 2).

Generates a workbook of N cadres of realistic shape (≈5 positions, 2 degrees, 2 planning entries,
5 yearly evaluations each, a few disciplines and courses) with the project's own writer, then times
`luanchuyen import FILE` on a fresh database: DATABASE_URL if set (PostgreSQL: the database is
emptied first, so use a dedicated one such as lc_bench), else a temporary SQLite file. Migrations
run before each timed import. Median of 3 runs when a run is fast enough, else 1.

    .venv/bin/python bench/import_xlsx.py [--cadres 10000] [--runs 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lc_bench .venv/bin/python bench/import_xlsx.py

`--direct` times import_document() and export_document() in this process instead (no workbook);
use it for large bodies: `--direct --cadres 100000`.

Measured 22/11/2026, 10,000 cadres (50,767 positions), median of 3, 2 cores:

| database / overlap guard of primary positions       | quiet (load ≈1) | busy (load 5–10) |
|------------------------------------------------------|-----------------|------------------|
| PostgreSQL 15, GiST exclusion constraint (0002)      | 18.2 s          | 27.6 s           |
| PostgreSQL 15, statement trigger (0004)              | 13.9 s          | 21.4 s           |
| SQLite, row triggers (0002)                          | 12.3 s          | 23.4 s           |

Measured 07/12/2026 on a quieter machine (load 1.2–1.6), after units and cadres got their search
keys: PostgreSQL 8.5 s (median of 3; the command's CPU 7.0–7.2 s), SQLite 7.4 s.

The import command's own CPU time is ≈11.5 s on PostgreSQL in every run; the rest is the server.
In isolation (re-inserting the 50,767 positions in one statement): 8.6 s with the exclusion
constraint, 0.87 s with the trigger, 0.93 s with no guard at all (noise).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Công", "Quang", "Minh", "Thanh", "Xuân"]
MIDDLE_F = ["Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng",
           "Trung", "Tuấn", "Việt"]
GIVEN_F = ["Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Oanh", "Phương",
           "Thảo", "Trang", "Yến"]
FIELDS = ["kinh_te", "luat", "chinh_tri", "khoa_hoc_xa_hoi", "nong_nghiep", "ky_thuat", "khoa_hoc_tu_nhien", "khac"]


def build(cadres: int, seed: int = 1) -> dict:
    """A province document with `cadres` cadres (deterministic)."""
    rnd = random.Random(seed)
    localities = [{"id": "TM", "name": "Tỉnh Mẫu", "level": "tinh", "parent": None, "valid_from": "1990-01-01",
                   "valid_to": None}]
    units, posts = [], []
    titles = [
        {"id": "truong", "name": "Trưởng (cấp tỉnh)", "role": "head", "rank": 7},
        {"id": "pho", "name": "Phó (cấp tỉnh)", "role": "deputy", "rank": 6},
        {"id": "bi_thu_huyen", "name": "Bí thư Huyện ủy", "role": "head", "rank": 7, "key_title": True,
         "non_local_required": True},
        {"id": "pho_bi_thu_huyen", "name": "Phó Bí thư Huyện ủy", "role": "deputy", "rank": 6, "key_title": True},
        {"id": "bi_thu_xa", "name": "Bí thư Đảng ủy xã", "role": "head", "rank": 5, "key_title": True},
        {"id": "pho_bi_thu_xa", "name": "Phó Bí thư Đảng ủy xã", "role": "deputy", "rank": 4},
        {"id": "truong_phong", "name": "Trưởng phòng", "role": "head", "rank": 3},
        {"id": "pho_phong", "name": "Phó Trưởng phòng", "role": "deputy", "rank": 2},
    ]
    groups = ["tham_muu_tinh_uy"] * 6 + ["su_nghiep_tinh_uy"] * 3 + ["mttq_doan_the"] * 6 + ["hdnd"] * 4 + \
        ["chuyen_mon_ubnd"] * 21 + ["su_nghiep_ubnd"] * 8
    blocks = {"tham_muu_tinh_uy": "dang", "su_nghiep_tinh_uy": "dang", "mttq_doan_the": "mttq_doan_the",
              "hdnd": "chinh_quyen", "chuyen_mon_ubnd": "chinh_quyen", "su_nghiep_ubnd": "su_nghiep"}
    for i, group in enumerate(groups, start=1):
        uid = f"U{i:03d}"
        units.append({"id": uid, "name": f"Cơ quan cấp tỉnh số {i}", "group": group,
                      "subgroup": "kinh_te" if group == "chuyen_mon_ubnd" else None, "block": blocks[group],
                      "level": "tinh", "staff_total": 40, "staff_female": 14, "valid_from": "1990-01-01"})
        posts.append({"id": f"P{uid}T", "unit": uid, "title": "truong"})
        posts.append({"id": f"P{uid}P", "unit": uid, "title": "pho", "slots": 3})
        for k in range(1, 6):
            posts.append({"id": f"P{uid}R{k}", "unit": uid, "title": "truong_phong"})
            posts.append({"id": f"P{uid}Q{k}", "unit": uid, "title": "pho_phong", "slots": 2})
    for d in range(1, 11):
        lid, uid = f"H{d:02d}", f"UH{d:02d}"
        localities.append({"id": lid, "name": f"Huyện số {d}", "level": "huyen", "parent": "TM",
                           "valid_from": "1990-01-01", "valid_to": "2025-06-30"})
        units.append({"id": uid, "name": f"Huyện ủy số {d}", "group": "huyen", "block": "dang", "level": "huyen",
                      "locality": lid, "staff_total": 25, "staff_female": 8, "valid_from": "1990-01-01",
                      "valid_to": "2025-06-30"})
        posts.append({"id": f"P{uid}B", "unit": uid, "title": "bi_thu_huyen"})
        posts.append({"id": f"P{uid}PB", "unit": uid, "title": "pho_bi_thu_huyen", "slots": 2})
        for k in range(1, 9):
            posts.append({"id": f"P{uid}R{k}", "unit": uid, "title": "truong_phong"})
    for c in range(1, 101):
        lid, uid = f"X{c:03d}", f"UX{c:03d}"
        localities.append({"id": lid, "name": f"Xã số {c}", "level": "xa", "parent": "TM",
                           "valid_from": "2025-07-01"})
        units.append({"id": uid, "name": f"Đảng ủy xã số {c}", "group": "xa", "block": "dang", "level": "xa",
                      "locality": lid, "staff_total": 12, "staff_female": 4, "valid_from": "2025-07-01"})
        posts.append({"id": f"P{uid}B", "unit": uid, "title": "bi_thu_xa"})
        posts.append({"id": f"P{uid}PB", "unit": uid, "title": "pho_bi_thu_xa", "slots": 2})
    old_posts = [p["id"] for p in posts if not p["unit"].startswith("UX")]
    new_posts = [p["id"] for p in posts if not p["unit"].startswith("UH")]
    district_ids = [loc["id"] for loc in localities if loc["level"] == "huyen"]

    people = []
    for n in range(1, cadres + 1):
        female = rnd.random() < 0.25
        name = " ".join([rnd.choice(FAMILY), rnd.choice(MIDDLE_F if female else MIDDLE_M),
                         rnd.choice(GIVEN_F if female else GIVEN_M)])
        born = date(rnd.randint(1966, 1990), rnd.randint(1, 12), rnd.randint(1, 28))
        precision = rnd.random()
        birth = born.isoformat() if precision < 0.8 else born.isoformat()[:7] if precision < 0.95 else str(born.year)
        # five primary positions one after another since about age 24; the last one still held
        start = date(born.year + 24, rnd.randint(1, 12), 1)
        positions = []
        for k in range(5):
            end = start + timedelta(days=rnd.randint(2, 5) * 365)
            last = k == 4 or end > date(2026, 6, 1)
            pool = new_posts if (end if not last else date(2026, 1, 1)) > date(2025, 6, 30) else old_posts
            positions.append({"post": rnd.choice(pool), "start": start.isoformat(),
                              "end": None if last else end.isoformat(), "concurrent": False})
            if last:
                break
            start = end
        if rnd.random() < 0.2:
            positions.append({"post": rnd.choice(new_posts), "start": "2022-01-01", "end": "2023-12-31",
                              "concurrent": True})
        cadre = {
            "id": f"CB{n:06d}", "full_name": name, "gender": "nu" if female else "nam", "birth_date": birth,
            "hometown": rnd.choice(district_ids), "ethnicity": "Kinh", "party_joined": f"{born.year + 23}-05-19",
            "party_official": f"{born.year + 24}-05-19", "general_education": "12/12",
            "education": [
                {"level": "dai_hoc", "field": rnd.choice(FIELDS), "mode": rnd.choice(["chinh_quy", "tai_chuc"]),
                 "institution": "Đại học Huế", "year": born.year + 22},
                {"level": "thac_si", "field": rnd.choice(FIELDS), "mode": "vua_hoc_vua_lam", "year": born.year + 30},
            ],
            "political_theory": rnd.choice(["trung_cap", "cao_cap", "cao_cap", "cu_nhan"]),
            "state_management": rnd.choice(["chuyen_vien", "chuyen_vien_chinh", None]),
            "foreign_language": "Tiếng Anh B1", "it_skill": "Cơ bản",
            "positions": positions,
            "planning": [
                {"title": rnd.choice(["truong", "bi_thu_huyen"]), "term": "2020-2025", "group": 1,
                 "approved": "2021-03-01"},
                {"title": rnd.choice(["truong", "bi_thu_xa"]), "term": "2025-2030", "group": rnd.choice([1, 2]),
                 "approved": "2025-09-01"},
            ],
            "evaluations": [{"year": y, "grade": rnd.choice(["htxs", "htt", "htt", "ht"]),
                             "score": rnd.randint(60, 98)} for y in range(2020, 2025)],
        }
        if rnd.random() < 0.03:
            cadre["discipline"] = [{"form": "khien_trach", "decided": "2023-05-01", "until": "2024-05-01"}]
        if rnd.random() < 0.3:
            cadre["trainings"] = [{"kind": "boi_duong", "name": "Bồi dưỡng cán bộ diện Ban Thường vụ quản lý",
                                   "start": "2023-03-01", "end": "2023-04-30"}]
        people.append(cadre)
    return {"format": "luanchuyen/v1", "province": {"code": "TM", "name": "Tỉnh Mẫu"}, "localities": localities,
            "units": units, "titles": titles, "posts": posts, "cadres": people}


def fresh_database(url: str) -> None:
    """Empty the database (PostgreSQL) and run the migrations."""
    if url.startswith("postgres"):
        import psycopg

        name = url.rsplit("/", 1)[-1].split("?")[0]
        if not name.startswith("lc_bench"):
            sys.exit(f"Từ chối xóa cơ sở dữ liệu '{name}': hãy dùng một cơ sở dữ liệu riêng tên lc_bench…")
        with psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run([str(ROOT / ".venv/bin/luanchuyen"), "migrate", "-v0"], check=True, env=env, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description="Đo thời gian nhập tệp Excel N cán bộ.")
    parser.add_argument("--cadres", type=int, default=10_000, help="Số cán bộ (mặc định 10000)")
    parser.add_argument("--runs", type=int, default=3, help="Số lần đo khi mỗi lần đủ nhanh (mặc định 3)")
    parser.add_argument("--direct", action="store_true",
                        help="Đo import_document()/export_document() trong tiến trình này, không qua Excel")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="lc-bench-"))
    given = os.environ.get("DATABASE_URL")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    t = time.perf_counter()
    doc = build(args.cadres)
    rows = sum(1 + sum(len(c.get(k, [])) for k in ("education", "positions", "planning", "evaluations",
                                                   "discipline", "trainings")) for c in doc["cadres"])
    print(f"Dữ liệu: {args.cadres} cán bộ, {rows} dòng cán bộ và danh sách con "
          f"({time.perf_counter() - t:.1f} s để sinh)")

    if args.direct:
        url = given or f"sqlite:///{tmp / 'direct.sqlite3'}"
        fresh_database(url)
        os.environ["DATABASE_URL"] = url
        import django

        django.setup()
        from luanchuyen.interchange.services import export_document, import_document

        t = time.perf_counter()
        summary = import_document(doc, file_name="bench")
        took = time.perf_counter() - t
        print(f"import_document ({url.split(':')[0]}): {took:.1f} s, {args.cadres / took:.0f} cán bộ/s "
              f"({summary.as_dict()['cadres']})")
        t = time.perf_counter()
        summary = import_document(doc, file_name="bench")
        print(f"import_document lần 2 (không đổi gì): {time.perf_counter() - t:.1f} s "
              f"({summary.as_dict()['cadres']})")
        t = time.perf_counter()
        exported = export_document(audit=False)
        print(f"export_document: {time.perf_counter() - t:.1f} s ({len(exported['cadres'])} cán bộ)")
        return

    os.environ["DATABASE_URL"] = given or f"sqlite:///{tmp / 'schema.sqlite3'}"
    import django

    django.setup()
    from luanchuyen.interchange.xlsx import write_workbook

    path = tmp / f"luanchuyen-{args.cadres}.xlsx"
    t = time.perf_counter()
    write_workbook(doc, path)
    print(f"Ghi tệp Excel: {time.perf_counter() - t:.1f} s, {path.stat().st_size / 1e6:.1f} MB")
    del doc

    times: list[float] = []
    for run in range(args.runs):
        url = given or f"sqlite:///{tmp / f'run{run}.sqlite3'}"
        fresh_database(url)
        env = {**os.environ, "DATABASE_URL": url}
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        done = subprocess.run([str(ROOT / ".venv/bin/luanchuyen"), "import", str(path)], env=env, cwd=ROOT,
                              capture_output=True, text=True)
        took = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            sys.exit(f"Nhập thất bại:\n{done.stderr[:3000]}")
        cadre_line = next((line.strip() for line in done.stdout.splitlines() if "Cán bộ:" in line), "")
        print(f"Lần {run + 1}: {took:.1f} s, CPU của lệnh import {cpu:.1f} s, tải máy {load:.1f} ({cadre_line})")
        times.append(took)
        if took > 60:
            break
    median = statistics.median(times)
    backend = "PostgreSQL" if (given or "").startswith("postgres") else "SQLite"
    print(f"KẾT QUẢ {backend}: nhập Excel {args.cadres} cán bộ: {median:.1f} s (trung vị {len(times)} lần), "
          f"{args.cadres / median:.0f} cán bộ/s; mục tiêu ≤ 30 s")


if __name__ == "__main__":
    main()
