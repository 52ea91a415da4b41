"""The engine against a Mesa model of the same kind of world, side by side in one run.

The yardstick (``bench/yardstick/mesa_friends_circle.py``) is written the way a Mesa user
would write it: one Python object per account, Mesa 3's AgentSet and DataCollector, a
networkx friends graph, a keyword filter with a strike ladder and re-registration. It
runs in a virtual environment of its own (``.bench-venv-mesa``, made on first use with
``pip install mesa==3.3.1 networkx``). Circle Lab runs the ``large`` scenario at the same
number of accounts and days under the ``keywords`` policy (a richer world: hourly views,
sellers that learn, a review-free keyword filter over normalised text).

Both print account-days per second over their daily steps (set-up excluded, as the
yardstick does); the two run in turn, A B A B, and each pair gives a ratio, so a noisy
machine moves both alike. Figures are printed, never asserted.

    python bench/bench_mesa.py                          # 100k accounts, 30 days, 2 pairs
    python bench/bench_mesa.py --accounts 10000 --pairs 3
    python bench/bench_mesa.py --save bench/results/mesa.json   # ... kept for the README
                                                                # (scripts/figures.py --write mesa)

``--save`` puts this run's figures into the JSON file under its number of accounts (other
sizes already there are kept), so the README's table can show 10,000 and 100,000 accounts.
The goal: the engine at least 30 times the yardstick's speed at 100,000 accounts with the
keyword policy.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import venv
from pathlib import Path

from machine import commit, save_figures

ROOT = Path(__file__).resolve().parents[1]
YARDSTICK = ROOT / "bench" / "yardstick" / "mesa_friends_circle.py"
MESA_VENV = ROOT / ".bench-venv-mesa"
RATE = re.compile(r"account-days/s ([\d,]+)")

ENGINE = """
import sys, time
from policy import load_policy
from simulation import Simulation, load_scenario
n, days, policy = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
t0 = time.perf_counter()
scenario = load_scenario("large").with_changes({"population.accounts": n, "days": days})
sim = Simulation(scenario, load_policy(policy), seed=1)
t1 = time.perf_counter()
for _ in range(days):
    sim.step()
t2 = time.perf_counter()
print(f"setup {t1 - t0:.2f} s; {days} days in {t2 - t1:.2f} s; "
      f"account-days/s {n * days / (t2 - t1):,.0f}")
"""


def mesa_python() -> Path:
    """The yardstick's interpreter, in its own virtual environment (made once)."""
    python = MESA_VENV / "bin" / "python"
    if not python.exists():
        print(f"making {MESA_VENV} (mesa==3.3.1, networkx)…", file=sys.stderr)
        venv.create(MESA_VENV, with_pip=True)
        subprocess.run(
            [python, "-m", "pip", "install", "-q", "mesa==3.3.1", "networkx"], check=True
        )
    return python


def rate(cmd: list[str]) -> tuple[float, str]:
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    line = out.strip().splitlines()[-1]
    match = RATE.search(line)
    if match is None:
        raise RuntimeError(f"no rate in: {line}")
    return float(match.group(1).replace(",", "")), line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--policy", default="keywords", help="the engine's policy preset")
    parser.add_argument("--save", type=Path, metavar="JSON", help="keep the figures here")
    args = parser.parse_args()
    a, d = str(args.accounts), str(args.days)
    mesa = [str(mesa_python()), str(YARDSTICK), "--accounts", a, "--days", d, "--seed", "1"]
    engine = [sys.executable, "-c", ENGINE, a, d, args.policy]
    ratios, ours, theirs = [], [], []
    for i in range(args.pairs):
        e, e_line = rate(engine)
        m, m_line = rate(mesa)
        ours.append(e)
        theirs.append(m)
        ratios.append(e / m)
        print(f"pair {i + 1}: engine  {e_line}")
        print(f"pair {i + 1}: Mesa    {m_line}")
    print(
        f"\n{args.accounts:,} accounts × {args.days} days, engine policy '{args.policy}': "
        f"engine {statistics.median(ours):,.0f} account-days/s, Mesa "
        f"{statistics.median(theirs):,.0f}; engine / Mesa, per pair: "
        + ", ".join(f"{r:.1f}×" for r in ratios)
        + f" (median {statistics.median(ratios):.1f}×)"
    )
    if args.save:
        saved = json.loads(args.save.read_text(encoding="utf-8")) if args.save.exists() else {}
        saved[str(args.accounts)] = {
            "command": "python bench/bench_mesa.py " + " ".join(sys.argv[1:]),
            "commit": commit(),
            "accounts": args.accounts,
            "days": args.days,
            "policy": args.policy,
            "engine_rate": ours,
            "mesa_rate": theirs,
            "ratios": ratios,
            "median_ratio": statistics.median(ratios),
            "load_average": round(os.getloadavg()[0], 1),
        }
        save_figures(args.save, dict(sorted(saved.items(), key=lambda kv: int(kv[0]))))
        print(f"saved {args.save}")


if __name__ == "__main__":
    main()
