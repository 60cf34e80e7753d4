"""Benchmark of the rules in memory (DOMAIN.md §12: ≥ 20,000 cadres/s on 2 cores).

Builds a synthetic ``luanchuyen/v1`` document of N cadres, each with one rotation proposal, then
times ``facts_from_document`` + the evaluation of every proposal (all ``proposal`` rules), three
times, and prints the median rate, by wall time and by CPU time (of every process used).

    .venv/bin/python bench/rules.py [--cadres 100000] [--repeat 3] [--seed 7] [--mode eligibility]
    .venv/bin/python bench/rules.py --dicts              # verdicts also turned into the §10.2 dicts
    .venv/bin/python bench/rules.py --check [--workers 1]   # exactly what `luanchuyen check` computes
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from luanchuyen.rules.engine.params import default_store  # noqa: E402
from luanchuyen.rules.evaluate import Evaluator, check_dataset, eligible  # noqa: E402
from luanchuyen.rules.facts import facts_from_document, gc_paused  # noqa: E402

PURPOSES = ("dao_tao", "dao_tao", "dao_tao", "khong_phai_nguoi_dia_phuong", "hai_nhiem_ky")
FORMS = ("khien_trach", "canh_cao", "cach_chuc")


def iso(d: dt.date) -> str:
    return d.isoformat()


def build_document(n: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    districts = max(10, n // 5000)
    localities = [{"id": "BM", "name": "Tỉnh Thử", "level": "tinh", "parent": None,
                   "valid_from": "1990-01-01", "valid_to": None}]
    localities += [{"id": f"H{i:03d}", "name": f"Huyện {i}", "level": "huyen", "parent": "BM",
                    "valid_from": "1990-01-01", "valid_to": None} for i in range(districts)]
    titles = [
        {"id": "giam_doc_so", "name": "Giám đốc Sở", "role": "head", "rank": 6, "key_title": True,
         "non_local_required": False, "sector": None},
        {"id": "pho_giam_doc_so", "name": "Phó Giám đốc Sở", "role": "deputy", "rank": 5, "key_title": False,
         "non_local_required": False, "sector": None},
        {"id": "bi_thu_huyen", "name": "Bí thư Huyện ủy", "role": "head", "rank": 6, "key_title": True,
         "non_local_required": True, "sector": None},
        {"id": "pho_bi_thu_huyen", "name": "Phó Bí thư Huyện ủy", "role": "deputy", "rank": 5, "key_title": True,
         "non_local_required": False, "sector": None},
        {"id": "chu_tich_huyen", "name": "Chủ tịch UBND huyện", "role": "head", "rank": 6, "key_title": True,
         "non_local_required": True, "sector": None},
    ]
    # Every unit has a head post (1 slot) and a deputy post (3 slots), filled by 4 cadres; a tenth more
    # units are left vacant to receive rotated cadres (a proposal aims at an occupied post 1 time in 5).
    units, posts = [], []
    n_filled = (n + 3) // 4
    n_units = n_filled + max(10, n // 10)
    for u in range(n_units):
        provincial = u % 2 == 0
        units.append({"id": f"U{u:06d}", "name": f"Đơn vị {u}", "group": "chuyen_mon_ubnd" if provincial else "huyen",
                      "block": "chinh_quyen" if u % 3 else "dang", "level": "tinh" if provincial else "huyen",
                      "locality": None if provincial else f"H{u % districts:03d}", "parent": None,
                      "staff_total": 40, "staff_female": 12, "valid_from": "1990-01-01", "valid_to": None})
        head, deputy = ("giam_doc_so", "pho_giam_doc_so") if provincial else ("bi_thu_huyen", "pho_bi_thu_huyen")
        posts.append({"id": f"P{u:06d}H", "unit": f"U{u:06d}", "title": head, "slots": 1})
        posts.append({"id": f"P{u:06d}D", "unit": f"U{u:06d}", "title": deputy, "slots": 3})
    cadres, proposals = [], []
    for i in range(n):
        post = f"P{i // 4:06d}{'H' if i % 4 == 0 else 'D'}"
        start = dt.date(2010 + rng.randrange(14), rng.randrange(1, 13), 1)
        birth = f"{rng.randrange(1962, 1992)}-{rng.randrange(1, 13):02d}" + (f"-{rng.randrange(1, 29):02d}" if i % 3 else "")
        district = f"H{rng.randrange(districts):03d}"
        cadre = {
            "id": f"CB{i:07d}", "full_name": f"Nguyễn Văn {i}", "gender": "nu" if rng.random() < 0.2 else "nam",
            "birth_date": birth, "birthplace": district, "hometown": district, "ethnicity": "Kinh",
            "late_retirement_eligible": False,
            "education": [{"level": "dai_hoc", "field": "kinh_te", "mode": "chinh_quy", "year": 2000}],
            "political_theory": "cao_cap", "state_management": "chuyen_vien_chinh",
            "positions": [
                {"post": f"P{rng.randrange(n_filled):06d}D", "start": iso(start.replace(year=start.year - 5)),
                 "end": iso(start - dt.timedelta(days=1)), "concurrent": False},
                {"post": post, "start": iso(start), "end": None, "concurrent": False},
            ],
            "planning": [{"title": "bi_thu_huyen", "term": rng.choice(("2020-2025", "2025-2030")), "group": rng.choice((1, 2)),
                          "approved": "2021-03-01", "removed": None}] if rng.random() < 0.8 else [],
            "discipline": ([{"form": rng.choice(FORMS), "decided": "2024-05-01", "until": "2025-04-30"}]
                           if rng.random() < 0.05 else []),
            "proceedings": [{"kind": "dieu_tra", "from": "2025-01-10", "to": None}] if rng.random() < 0.01 else [],
            "evaluations": [{"year": y, "grade": "htt", "score": 80} for y in (2022, 2023, 2024)],
            "health_certificate": iso(dt.date(2025, rng.randrange(1, 13), 1)),
            "exceptions": ([{"rule": "ROT-01", "decision": "12-QĐ/TU", "date": "2025-09-01", "approved_by": "Ban Thường vụ Tỉnh ủy"}]
                           if rng.random() < 0.02 else []),
        }
        cadres.append(cadre)
        begin = dt.date(rng.choice((2024, 2025, 2026)), rng.randrange(1, 13), 1)
        to_unit = rng.randrange(n_filled) if rng.random() < 0.2 else rng.randrange(n_filled, n_units)
        proposals.append({
            "id": f"DX{i:07d}", "cadre": cadre["id"], "purpose": rng.choice(PURPOSES),
            "to_posts": [f"P{to_unit:06d}{rng.choice('HD')}"], "start": iso(begin),
            "end": iso(begin.replace(year=begin.year + rng.choice((2, 3, 3, 4)))),
            "outstanding_capacity": rng.random() < 0.1, "plan": "KH1" if rng.random() < 0.5 else None,
        })
    plans = [{"id": "KH1", "name": "Kế hoạch luân chuyển thử", "period_start": "2024-01-01", "period_end": "2027-12-31",
              "status": "dang_thuc_hien",
              "parameters": {"plan.rules": ["PLAN-ROLE-YOUNG", "PLAN-ROLE-HEAD", "PLAN-DURATION-MAX", "PLAN-SUBJECT"],
                             "plan.young_age_years": 40, "plan.max_duration_months": 60,
                             "plan.subjects": ["trong_quy_hoach", "chua_luan_chuyen"]},
              "targets": {}}]
    return {"format": "luanchuyen/v1", "province": {"code": "BM", "name": "Tỉnh Thử"}, "localities": localities,
            "units": units, "titles": titles, "posts": posts, "cadres": cadres, "proposals": proposals,
            "rotation_plans": plans}


def run_once(doc: dict, as_dicts: bool, mode: str = "proposals", check: bool = False,
             workers: int | None = None) -> tuple[float, float, int, int, int]:
    """(wall seconds, CPU seconds of this process and its worker processes, verdicts, ineligible, ms
    spent building facts)."""
    import os

    on = dt.date(2026, 1, 1)
    began, cpu, children = time.perf_counter(), time.process_time(), os.times()
    dataset = facts_from_document(doc)
    built = time.perf_counter()
    verdicts = ineligible = 0
    if check:
        # What `luanchuyen check` computes (the §10.2 rows, reasons and citations included), in one
        # process or several (``workers``; None = check's own choice).
        result = check_dataset(dataset, on if mode == "eligibility" else None, workers=workers)
        for row in result["results"]:
            verdicts += len(row["verdicts"])
            ineligible += not row["eligible"]
    else:
        evaluator = Evaluator(dataset)
        if mode == "eligibility":
            with gc_paused():
                results = [(cadre, evaluator.eligibility(cadre, on)) for cadre in dataset.cadres.values()]
        else:
            results = evaluator.proposals(dataset.proposals)
        with gc_paused():
            for _subject, result in results:
                if as_dicts:
                    result_rows = [v.as_dict() for v in result]
                    verdicts += len(result_rows)
                else:
                    verdicts += len(result)
                ineligible += not eligible(result)
    done = time.perf_counter()
    after = os.times()
    cpu_seconds = time.process_time() - cpu + (after.children_user - children.children_user) + \
        (after.children_system - children.children_system)
    return done - began, cpu_seconds, verdicts, ineligible, int((built - began) * 1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo tốc độ bộ quy tắc trong bộ nhớ (cán bộ/giây).")
    parser.add_argument("--cadres", type=int, default=100_000, help="số cán bộ tổng hợp (mặc định 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="số lần đo, lấy trung vị (mặc định 3)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mode", choices=("proposals", "eligibility"), default="proposals",
                        help="proposals: mỗi đề xuất tại ngày bắt đầu (19 quy tắc); eligibility: điều kiện chung "
                             "luân chuyển đào tạo của mỗi cán bộ tại 01/01/2026 (5 quy tắc)")
    parser.add_argument("--dicts", action="store_true",
                        help="tính cả việc đổi kết luận sang dạng JSON của §10.2 (as_dict)")
    parser.add_argument("--check", action="store_true",
                        help="đo đúng phép tính của lệnh check (check_dataset: kết luận dạng §10.2, có lý do và căn cứ)")
    parser.add_argument("--workers", type=int, default=None,
                        help="(với --check) số tiến trình; mặc định: check tự chọn (1 với dữ liệu nhỏ, mỗi lõi một "
                             "tiến trình từ 20000 đối tượng)")
    args = parser.parse_args(argv)
    default_store()  # parameters are loaded once at start-up, outside the timing
    doc = build_document(args.cadres, args.seed)
    if args.check and args.mode == "eligibility":
        doc = dict(doc, proposals=[])         # check without proposals: each cadre's eligibility at --on
    times, cpus = [], []
    for i in range(args.repeat):
        seconds, cpu, verdicts, ineligible, build_ms = run_once(doc, args.dicts, args.mode, args.check, args.workers)
        times.append(seconds)
        cpus.append(cpu)
        print(f"lần {i + 1}: {seconds:.2f} s thực, {cpu:.2f} s CPU ({build_ms} ms dựng dữ kiện), "
              f"{args.cadres / seconds:,.0f} cán bộ/s, {verdicts:,} kết luận, {ineligible:,} không đủ điều kiện")
    median, median_cpu = statistics.median(times), statistics.median(cpus)
    what = args.mode + (", check" if args.check else "") + (", as_dict" if args.dicts and not args.check else "")
    if args.check:
        from luanchuyen.rules.evaluate import check_workers
        n = args.cadres
        what += f", {args.workers or check_workers(n)} tiến trình"
    print(f"đối chiếu tốc độ máy: sum(range(10**7)) mất {calibration():.2f} s (trên máy hiện đại không tải thường khoảng 0,1–0,2 s)")
    print(f"trung vị: {args.cadres / median:,.0f} cán bộ/s theo thời gian thực, {args.cadres / median_cpu:,.0f} cán bộ/s "
          f"theo thời gian CPU ({args.cadres:,} cán bộ, {what}; tải máy: {load()})")
    return 0


def calibration() -> float:
    """Seconds for a fixed pure-Python workload: tells how busy the shared machine was."""
    began = time.perf_counter()
    sum(range(10**7))
    return time.perf_counter() - began


def load() -> str:
    try:
        import os
        return ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except (OSError, AttributeError):
        return "không rõ"


if __name__ == "__main__":
    raise SystemExit(main())
