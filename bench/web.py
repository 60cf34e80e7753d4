"""Web benchmark: cadre search and cadre record latency with concurrent users.

    .venv/bin/python bench/web.py [--cadres 100000] [--clients 10] [--requests 400]
                                  [--database-url postgres://postgres@127.0.0.1:5432/lc_web_bench]

Loads the demo province with N cadres into the database (once; reused when already there),
serves the application with gunicorn on 127.0.0.1, logs in as an organization-committee user,
and runs `clients` threads that each send search requests (`/?q=…`, names without diacritics
drawn from the data) and record requests (`/can-bo/<id>/`). Prints median, p95, p99 per kind.
Targets (DOMAIN.md §12): search p95 ≤ 150 ms, record p95 ≤ 200 ms at 100,000 cadres on PostgreSQL.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BENCH_USER, BENCH_PASSWORD = "bench-tochuc", "bench-mat-khau-123"


def run(args: list[str], env: dict) -> None:
    subprocess.run(args, cwd=ROOT, env=env, check=True)


def django_setup(env: dict) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg

    parsed = urllib.parse.urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def prepare(args, env: dict) -> tuple[list[str], list[str]]:
    ensure_database(args.database_url)
    run([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
    django_setup(env)
    from luanchuyen.accounts.models import User
    from luanchuyen.cadres.models import Cadre

    have = Cadre.objects.count()
    if have < args.cadres:
        if have:
            sys.exit(f"Cơ sở dữ liệu đã có {have} cán bộ (< {args.cadres}); hãy dùng một CSDL trống.")
        t0 = time.perf_counter()
        run([PY, "-m", "luanchuyen.cli", "demo-data", "--cadres", str(args.cadres), "--seed", "7"], env)
        print(f"nạp {args.cadres} cán bộ: {time.perf_counter() - t0:.1f} s")
    user, _ = User.objects.get_or_create(username=BENCH_USER, defaults={"role": "to_chuc"})
    user.role = "to_chuc"
    user.set_password(BENCH_PASSWORD)
    user.save()
    rng = random.Random(1)
    names = list(Cadre.objects.order_by("?").values_list("name_search", flat=True)[:400])
    queries = []
    for name in names:
        words = name.split()
        pick = rng.choice([words[:2], words[-1:], words[:1] + words[-1:], words])
        queries.append(" ".join(pick))
    ids = list(Cadre.objects.filter(current_post__isnull=False).order_by("?").values_list("id", flat=True)[:400])
    return queries, ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def login(base: str) -> http.cookiejar.CookieJar:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/tai-khoan/dang-nhap/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": BENCH_USER, "password": BENCH_PASSWORD,
                                   "csrfmiddlewaretoken": token}).encode()
    req = urllib.request.Request(f"{base}/tai-khoan/dang-nhap/", data=data, headers={"Referer": base})
    opener.open(req).read()
    if not any(c.name == "sessionid" for c in jar):
        sys.exit("Đăng nhập thất bại trong phép đo.")
    return jar


def worker(base, jar, paths, out, errors):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    for kind, path in paths:
        t0 = time.perf_counter()
        try:
            with opener.open(base + path, timeout=30) as resp:
                resp.read()
                ok = resp.status == 200
        except Exception:  # noqa: BLE001 - a failed request is counted, not fatal
            ok = False
        dt = (time.perf_counter() - t0) * 1000
        (out[kind] if ok else errors).append(dt)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description="Đo thời gian tìm kiếm và xem hồ sơ cán bộ với nhiều người dùng đồng thời")
    parser.add_argument("--cadres", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=400, help="số yêu cầu mỗi loại (tìm kiếm, hồ sơ)")
    parser.add_argument("--workers", type=int, default=4, help="số tiến trình gunicorn")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL")
                        or "postgres://postgres@127.0.0.1:5432/lc_web_bench")
    args = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": args.database_url, "DJANGO_SETTINGS_MODULE": "config.settings",
           "DB_CONN_MAX_AGE": "600", "LOG_LEVEL": "ERROR"}
    queries, ids = prepare(args, env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(Path(PY).parent / "gunicorn"), "config.wsgi", "-w", str(args.workers),
                               "-b", f"127.0.0.1:{port}", "--log-level", "warning"], cwd=ROOT, env=env)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/tai-khoan/dang-nhap/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        jar = login(base)
        rng = random.Random(2)
        paths = [("search", "/?" + urllib.parse.urlencode({"q": rng.choice(queries)})) for _ in range(args.requests)]
        paths += [("record", f"/can-bo/{rng.choice(ids)}/") for _ in range(args.requests)]
        rng.shuffle(paths)
        warm = paths[: args.clients * 2]
        worker(base, jar, warm, {"search": [], "record": []}, [])
        out: dict[str, list[float]] = {"search": [], "record": []}
        errors: list[float] = []
        chunks = [paths[i :: args.clients] for i in range(args.clients)]
        t0 = time.perf_counter()
        threads = [threading.Thread(target=worker, args=(base, jar, c, out, errors)) for c in chunks]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(10)
    vendor = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    print(f"\n{args.cadres} cán bộ, {vendor}, {args.clients} người dùng đồng thời, gunicorn {args.workers} tiến trình")
    print(f"{'loại':<8} {'số yêu cầu':>10} {'trung vị ms':>12} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in out.items():
        if values:
            print(f"{kind:<8} {len(values):>10} {statistics.median(values):>12.1f} {pct(values, 95):>8.1f} "
                  f"{pct(values, 99):>8.1f}")
    print(f"lỗi: {len(errors)}; thông lượng: {sum(map(len, out.values())) / wall:.1f} yêu cầu/s")
    return 0 if not errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
