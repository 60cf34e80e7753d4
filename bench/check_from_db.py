"""Benchmark of ``luanchuyen check --from-db``: the rules over the application's database.

    .venv/bin/python bench/check_from_db.py --database-url postgres://postgres@127.0.0.1:5432/lc_web_bench
        [--on 2026-01-01] [--purpose dao_tao] [--unit U001] [--runs 3] [--proposals] [--compare-export]

Reads the database only (no audit entry is written: the command's single audit INSERT is the one
step left out). Times, per run, the stages ``check --from-db`` goes through
(``luanchuyen.eligibility.services.check_from_db`` and the JSON it prints):

- ``read``: the database → a ``luanchuyen/v1`` document (``eligibility.selectors.rule_document``:
  every cadre with the nested lists the one-cadre rules read, the organization, the plans);
- ``facts``: the document → rule facts (``rules.facts.facts_from_document``);
- ``evaluate``: each cadre holding a main post at ``--on`` → its general eligibility verdicts for
  ``--purpose``, and the plan rules (``check_in_office``);
- ``json``: the result printed as ``check`` prints it (indented JSON, to a buffer).

Prints wall and CPU seconds per stage (median over the runs), the cadres evaluated per second, peak
memory and the machine load. ``--compare-export`` also times the former path (the full export
``interchange.services.export_document`` → facts) once and checks that both give the same result.
``--proposals`` times ``check --from-db --proposals`` (every proposal, ``eligibility.selectors.proposal_facts``)
instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class Clock:
    def __init__(self) -> None:
        self.stages: dict[str, tuple[float, float]] = {}

    def __call__(self, name: str):
        clock = self

        class _Stage:
            def __enter__(self):
                self.wall, self.cpu = time.perf_counter(), time.process_time()

            def __exit__(self, *exc):
                clock.stages[name] = (time.perf_counter() - self.wall, time.process_time() - self.cpu)

        return _Stage()


def one_run(args) -> tuple[Clock, dict]:
    from luanchuyen.eligibility.selectors import (
        ELIGIBILITY_LISTS,
        cadre_ids_in_office,
        proposal_facts,
        rule_document,
    )
    from luanchuyen.eligibility.services import check_in_office, check_proposals, unit_scope
    from luanchuyen.rules.facts import facts_from_document

    clock = Clock()
    if args.proposals:
        with clock("read + facts"):
            facts = proposal_facts()
        with clock("evaluate"):
            result = check_proposals(unit_id=args.unit, on=args.on, facts=facts)
    else:
        with clock("read"):
            ids = cadre_ids_in_office(on=args.on, unit_ids=unit_scope(args.unit)) if args.unit else None
            doc = rule_document(cadre_ids=ids, lists=ELIGIBILITY_LISTS)
        with clock("facts"):
            facts = facts_from_document(doc)
        del doc
        with clock("evaluate"):
            result = check_in_office(on=args.on, purpose=args.purpose, unit_id=args.unit, facts=facts)
    with clock("json"):
        io.StringIO().write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return clock, result


def compare_export(args, result: dict) -> None:
    from luanchuyen.eligibility.services import check_in_office, check_proposals
    from luanchuyen.interchange.services import export_document
    from luanchuyen.rules.facts import facts_from_document

    wall, cpu = time.perf_counter(), time.process_time()
    doc = export_document(audit=False)
    exported = time.perf_counter() - wall
    facts = facts_from_document(doc)
    del doc
    built = time.perf_counter() - wall
    if args.proposals:
        other = check_proposals(unit_id=args.unit, on=args.on, facts=facts)
    else:
        other = check_in_office(on=args.on, purpose=args.purpose, unit_id=args.unit, facts=facts)
    print(
        f"former path (full export → facts): export {exported:.2f} s, facts {built - exported:.2f} s, "
        f"read + facts {built:.2f} s wall, {time.process_time() - cpu:.2f} s CPU with the evaluation"
    )
    same = other == result
    print(f"same result as over the full export: {'yes' if same else 'NO'}")
    if not same:
        raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--on", type=dt.date.fromisoformat, default=dt.date(2026, 1, 1))
    parser.add_argument("--purpose", default="dao_tao")
    parser.add_argument("--unit")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--proposals", action="store_true")
    parser.add_argument("--compare-export", action="store_true")
    args = parser.parse_args()
    setup(args.database_url)
    from luanchuyen.cadres.models import Cadre

    load_before = os.getloadavg()
    print(
        f"database: {args.database_url.rsplit('@', 1)[-1]}, {Cadre.objects.count():,} cadres; "
        f"--on {args.on}, --purpose {args.purpose}{', --unit ' + args.unit if args.unit else ''}"
        f"{', --proposals' if args.proposals else ''}"
    )
    runs = []
    result: dict = {}
    for _ in range(args.runs):
        clock, result = one_run(args)
        runs.append(clock.stages)
    evaluated = len(result["results"])
    names = list(runs[0])
    print(f"{'stage':<14} {'wall s':>8} {'CPU s':>8}   (median of {args.runs})")
    total_wall = total_cpu = 0.0
    for name in names:
        wall = statistics.median(r[name][0] for r in runs)
        cpu = statistics.median(r[name][1] for r in runs)
        total_wall += wall
        total_cpu += cpu
        print(f"{name:<14} {wall:8.2f} {cpu:8.2f}")
    print(f"{'total':<14} {total_wall:8.2f} {total_cpu:8.2f}")
    print(
        f"{evaluated:,} {'proposals' if args.proposals else 'cadres in office'} evaluated, "
        f"{sum(not r['eligible'] for r in result['results']):,} not eligible; "
        f"{evaluated / total_wall:,.0f} per s end to end (wall), {evaluated / total_cpu:,.0f} per s (CPU); "
        f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"
    )
    print(
        f"load average before {' '.join(f'{x:.2f}' for x in load_before)}, "
        f"after {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs"
    )
    if args.compare_export:
        compare_export(args, result)


if __name__ == "__main__":
    main()
