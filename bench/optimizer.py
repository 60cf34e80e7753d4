"""Benchmark of the rotation optimizer against the plain CP-SAT model (DOMAIN.md §12, issue 4).

For each size it generates a seeded, feasible instance with every constraint kind (total bounds,
group shares, per-locality caps and minimums, per-unit caps, fixed and forbidden pairs; see
`luanchuyen/optimizer/generate.py`), then in one run:

- times our optimizer, `solve(instance_json)` — parsing, model building, solving and extraction
  (median of 3 runs for small and medium, 1 run for large);
- runs the plain CP-SAT model of the same instance (one Boolean per pair, every constraint over the
  pairs, 2 workers) with a budget of max(10 × our time, --cpsat-min) seconds, recording when it
  first reaches an objective at least ours;
- checks both results with the independent checker (`luanchuyen/optimizer/validate.py`);
- prints time, objective, bound, status and the speed ratio.

    .venv/bin/python bench/optimizer.py [--sizes small,medium,large] [--seed 1] [--cpsat-min 30]

Ratio = (CP-SAT time to reach our objective, model building included) / (our time). When CP-SAT
never reaches it within its budget, the ratio is shown as "> budget / our time".
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from luanchuyen.optimizer import parse_instance, solve, validate
from luanchuyen.optimizer.generate import generate_instance
from luanchuyen.optimizer.model import build_model
from luanchuyen.optimizer.result import Result, extract_assignments
from luanchuyen.optimizer.solve_cpsat import solve_cpsat

SIZES = {
    # name: (candidates, posts, share of pairs allowed, runs of our optimizer, target seconds)
    "small": (300, 60, 0.30, 3, 0.5),
    "medium": (2000, 500, 0.10, 3, 5.0),
    "large": (10000, 2000, 0.01, 1, 30.0),
}


def run_ours(data: dict[str, Any], runs: int) -> tuple[dict[str, Any], float, list[float]]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = solve(data)
        times.append(time.perf_counter() - start)
    assert result is not None
    return result, statistics.median(times), times


def run_cpsat(data: dict[str, Any], budget: float, target: float | None, workers: int) -> dict[str, Any]:
    start = time.perf_counter()
    instance = parse_instance(data)
    model = build_model(instance)
    reached: list[float] = []

    def on_solution(seconds: float, objective: float) -> None:
        if target is not None and not reached and objective >= target - 1e-9:
            reached.append(time.perf_counter() - start)

    outcome = solve_cpsat(model, budget, workers=workers, on_solution=on_solution)
    total = time.perf_counter() - start
    result = Result(
        outcome.status, outcome.objective, outcome.bound, extract_assignments(instance, outcome.chosen), total,
        outcome.method,
    ).to_dict()
    result["time_to_target"] = reached[0] if reached else None
    result["build_seconds"] = outcome.stats.get("build_seconds")
    return result


def fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 100 else f"{value:.1f}"
    return str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark: optimizer vs the plain CP-SAT model.")
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cpsat-min", type=float, default=30.0, help="minimum CP-SAT budget (s)")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers")
    parser.add_argument("--no-cpsat", action="store_true")
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args(argv)

    rows = []
    for name in args.sizes.split(","):
        n_candidates, n_posts, density, runs, target_seconds = SIZES[name]
        data = generate_instance(n_candidates, n_posts, density, seed=args.seed)
        ours, ours_time, times = run_ours(data, runs)
        problems = validate(data, ours)
        row: dict[str, Any] = {
            "size": f"{name} {n_candidates}×{n_posts} ({density:.0%})",
            "pairs": len(data["pairs"]),
            "ours_seconds": ours_time,
            "ours_runs": times,
            "ours_status": ours["status"],
            "ours_objective": ours["objective"],
            "ours_bound": ours["bound"],
            "ours_valid": not problems,
            "ours_stats": ours.get("stats"),
            "target_seconds": target_seconds,
            "target_met": ours["status"] == "optimal" and ours["objective"] == ours["bound"]
            and ours_time <= target_seconds,
        }
        print(f"[{name}] ours: {ours['status']} {ours['objective']} / {ours['bound']} in {ours_time:.3f} s "
              f"(runs {', '.join(f'{t:.3f}' for t in times)}); checker: {'ok' if not problems else problems[:3]}",
              flush=True)
        if not args.no_cpsat:
            budget = max(10 * ours_time, args.cpsat_min)
            cp = run_cpsat(data, budget, ours["objective"], args.workers)
            cp_problems = validate(data, cp)
            reach = cp["time_to_target"]
            row.update({
                "cpsat_budget": budget,
                "cpsat_seconds": cp["seconds"],
                "cpsat_build_seconds": cp["build_seconds"],
                "cpsat_status": cp["status"],
                "cpsat_objective": cp["objective"],
                "cpsat_bound": cp["bound"],
                "cpsat_valid": not cp_problems,
                "cpsat_time_to_our_objective": reach,
                "ratio": (reach / ours_time) if reach is not None else None,
                "ratio_lower_bound": None if reach is not None else cp["seconds"] / ours_time,
            })
            print(f"[{name}] CP-SAT: {cp['status']} {cp['objective']} / {cp['bound']} in {cp['seconds']:.1f} s "
                  f"(model building {cp['build_seconds']:.1f} s) "
                  f"(budget {budget:.1f} s), reached our objective at {fmt(reach)} s; "
                  f"checker: {'ok' if not cp_problems else cp_problems[:3]}", flush=True)
        rows.append(row)

    print()
    header = ("size", "pairs", "ours s", "status", "objective", "bound", "target",
              "CP-SAT s", "status", "objective", "bound", "CP-SAT → our obj", "ratio")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        ratio = "—"
        if r.get("ratio") is not None:
            ratio = f"{r['ratio']:.0f}×"
        elif r.get("ratio_lower_bound") is not None:
            ratio = f"> {r['ratio_lower_bound']:.0f}×"
        print("| " + " | ".join([
            r["size"], str(r["pairs"]), f"{r['ours_seconds']:.3f}", r["ours_status"], fmt(r["ours_objective"]),
            fmt(r["ours_bound"]), ("met" if r["target_met"] else "MISSED") + f" (≤ {r['target_seconds']:g} s)",
            fmt(r.get("cpsat_seconds")), r.get("cpsat_status", "—"), fmt(r.get("cpsat_objective")),
            fmt(r.get("cpsat_bound")),
            "never" if "cpsat_status" in r and r.get("cpsat_time_to_our_objective") is None
            else fmt(r.get("cpsat_time_to_our_objective")),
            ratio,
        ]) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    ok = all(r["ours_valid"] and r.get("cpsat_valid", True) for r in rows)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
