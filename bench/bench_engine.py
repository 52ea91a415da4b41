"""Engine speed and memory: posts simulated per second, wall time, peak memory.

Goals on a 2-core machine: ``demo`` in under 3 s, ``large`` in under 60 s and 2 GB,
a 1M-account year completes in under 16 GB. Figures are printed, never asserted.

    python bench/bench_engine.py                 # demo and large, none and crackdown
    python bench/bench_engine.py --million       # also the 1M-account year (minutes)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time


def _one(args: tuple[str, str, dict]) -> dict:
    scenario, policy, changes = args
    from simulation import run
    from simulation.scenario import load_scenario

    scen = load_scenario(scenario)
    if changes:
        scen = scen.with_changes(changes)
    t0 = time.perf_counter()
    result = run(scen, policy)
    wall = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    s = result.summary
    return {
        "scenario": scenario if not changes else f"{scenario} {changes}",
        "policy": policy,
        "accounts": scen.population.accounts,
        "days": scen.days,
        "posts": s["posts_created"],
        "wall_s": round(wall, 2),
        "engine_s": s["wall_seconds"],
        "posts_per_s": round(s["posts_created"] / wall),
        "s_per_sim_year": round(wall * 365 / scen.days, 2),
        "peak_mb": round(peak_mb),
    }


def measure(scenario: str, policy: str, changes: dict | None = None) -> dict:
    """Each measurement in a fresh process so peak memory is its own."""
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.map(_one, [(scenario, policy, changes or {})])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--million", action="store_true", help="also a 1M-account year")
    parser.add_argument("--quick", action="store_true", help="demo only")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cases = [("demo", "none"), ("demo", "crackdown")]
    if not args.quick:
        cases += [("large", "none"), ("large", "crackdown")]
    rows = [measure(s, p) for s, p in cases]
    if args.million:
        rows.append(measure("large", "crackdown", {"population.accounts": 1_000_000}))
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        return
    head = (
        f"{'scenario':34} {'policy':10} {'accounts':>9} {'days':>4} {'posts':>12} "
        f"{'wall s':>7} {'posts/s':>10} {'s/sim-yr':>8} {'peak MB':>8}"
    )
    print(head)
    for r in rows:
        print(
            f"{r['scenario'][:34]:34} {r['policy']:10} {r['accounts']:>9,} {r['days']:>4} "
            f"{r['posts']:>12,} {r['wall_s']:>7} {r['posts_per_s']:>10,} "
            f"{r['s_per_sim_year']:>8} {r['peak_mb']:>8,}"
        )


if __name__ == "__main__":
    main()
