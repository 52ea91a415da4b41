"""A run of a world already run in this process, against its first run, side by side.

A process keeps the text pools it built (``simulation.world.content.pool``) and what equal
text detectors found in each text (``policy.detectors.memo``), so running the same world
again (a lesson restarted in the desktop app, a sweep's arms of one seed, a script's
repeated runs) neither formats its texts nor reads them with the policy again. This
prints, per case, the first run's wall time (nothing kept: both stores emptied first), the
same run again, and a run of another seed (a new pool, whose texts the detectors have
mostly not met), in turn ``--repeat`` times in one process (imports excluded), and the
median ratio of first run to repeated run. Figures are printed, never asserted.

Run: ``.venv/bin/python bench/bench_rerun.py [--repeat 3] [--save bench/results/rerun.json]``
(``--save`` keeps the figures for ``scripts/figures.py --write rerun``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from machine import commit, cores, load_average, save_figures

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policy.detectors import memo  # noqa: E402
from simulation import run  # noqa: E402
from simulation.world.content.pool import forget_pools  # noqa: E402

# (scenario, policy): the classroom's crackdown (what a lesson runs), the demo world's
CASES = (("classroom", "crackdown"), ("classroom", "keywords"), ("demo", "crackdown"))


def timed(scenario: str, policy: str, seed: int) -> float:
    t0 = time.perf_counter()
    run(scenario, policy, seed=seed)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--save", type=Path, help="keep the figures as JSON")
    args = ap.parse_args()
    rows = []
    for scenario, policy in CASES:
        first, again, other = [], [], []
        for _ in range(args.repeat):
            memo.forget()
            forget_pools()
            first.append(timed(scenario, policy, 1))
            again.append(timed(scenario, policy, 1))
            other.append(timed(scenario, policy, 2))
        ratios = [a / b for a, b in zip(first, again, strict=True)]
        row = {
            "scenario": scenario,
            "policy": policy,
            "first_s": first,
            "again_s": again,
            "other_seed_s": other,
            "ratios": ratios,
            "median_ratio": statistics.median(ratios),
        }
        rows.append(row)
        print(
            f"{scenario:10s} {policy:10s} first run {statistics.median(first):6.2f} s   "
            f"same world again {statistics.median(again):6.2f} s   "
            f"another seed {statistics.median(other):6.2f} s   "
            f"first / again: {', '.join(f'{r:.2f}' for r in ratios)} "
            f"(median {row['median_ratio']:.2f}×)"
        )
    load = load_average()
    print(f"medians of {args.repeat}; load average {load} on {cores()} cores")
    if args.save:
        save_figures(
            args.save,
            {
                "command": "python bench/bench_rerun.py"
                + (f" --repeat {args.repeat}" if args.repeat != 3 else "")
                + f" --save {args.save}",
                "commit": commit(),
                "repeat": args.repeat,
                "cases": rows,
                "load_average": load,
                "cores": cores(),
            },
        )


if __name__ == "__main__":
    main()
