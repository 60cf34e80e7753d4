"""Benchmark: the demo province with 100,000 cadres — generation, then loading into a fresh database.

Times `generate_province(cadres=N)` (pure Python) and `import_document(doc)` (the importer every
`luanchuyen import` and `luanchuyen demo-data` goes through) on a fresh database: DATABASE_URL if set
(PostgreSQL: use a dedicated, empty database, e.g. `createdb lc_demo_bench`), else a temporary SQLite
file. Migrations run first. Then the structure report at 12/03/2021 on the loaded body.

    .venv/bin/python bench/demo_data.py [--cadres 100000] [--seed 1]
    psql -h 127.0.0.1 -U postgres -c 'create database lc_demo_bench'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lc_demo_bench .venv/bin/python bench/demo_data.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description="Đo thời gian tạo và nạp tỉnh mẫu cỡ lớn.")
    parser.add_argument("--cadres", type=int, default=100_000, help="số cán bộ (mặc định 100000)")
    parser.add_argument("--seed", type=int, default=1, help="hạt giống (mặc định 1)")
    args = parser.parse_args()

    tmp = None
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.TemporaryDirectory(prefix="lc-demo-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from luanchuyen.cadres.models import Cadre
    from luanchuyen.demo.generator import generate_province
    from luanchuyen.interchange.services import import_document
    from luanchuyen.reports.structure import structure_report

    print(f"Cơ sở dữ liệu: {connection.vendor} ({connection.settings_dict['NAME']})", flush=True)
    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - t:.1f} s", flush=True)
    if Cadre.objects.exists():
        print("Cơ sở dữ liệu đã có cán bộ: hãy dùng một cơ sở dữ liệu mới, rỗng.", file=sys.stderr)
        return 2

    t = time.perf_counter()
    doc = generate_province(seed=args.seed, cadres=args.cadres)
    generate_s = time.perf_counter() - t
    sizes = {k: len(v) for k, v in doc.items() if isinstance(v, list)}
    positions = sum(len(c["positions"]) for c in doc["cadres"])
    print(
        f"generate_province(cadres={args.cadres}): {generate_s:.1f} s — {sizes}, {positions} positions",
        flush=True,
    )

    t = time.perf_counter()
    summary = import_document(doc, file_name="bench/demo_data.py")
    load_s = time.perf_counter() - t
    print(
        f"import_document: {load_s:.1f} s — {summary.as_dict().get('cadres', '')}",
        flush=True,
    )

    t = time.perf_counter()
    report = structure_report(on=dt.date(2021, 3, 12))
    report_s = time.perf_counter() - t
    print(
        f"structure_report(on=2021-03-12): {report_s:.1f} s — {report['total']} cán bộ, "
        f"{report['women']} nữ, "
        f"{report['young']} trẻ, chính quy {report['formal_training_pct']}%",
        flush=True,
    )
    print(f"TỔNG (tạo + nạp): {generate_s + load_s:.1f} s")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
