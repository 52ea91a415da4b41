"""Start-up time of the command line, side by side with a bare Python start.

Each command runs as a fresh process (what a person at a shell waits for) several
times; the median wall time is printed with its ratio to ``python -c pass`` (the
floor: the interpreter and its site packages). The goal is under 0.4 s for
``circlelab --help`` and ``circlelab policy explain crackdown "vape"``. A policy used
before is read back from the compiled-policy cache (``policy.compiled_cache``); the
same command with every cache switched off (``CIRCLELAB_CACHE_DIR=off``: what the first
use of a policy on a machine costs) is printed beside it.

Run: ``.venv/bin/python bench/bench_cli.py [--repeat 7] [--save bench/results/cli.json]``
(``--save`` keeps the figures for ``scripts/figures.py --write cli``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from machine import load_average, save_figures

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "simulation.cli.main"]
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "circlelab --help": [*CLI, "--help"],
    'circlelab policy explain crackdown "vape"': [*CLI, "policy", "explain", "crackdown", "vape"],
    # the same command for a policy whose normalisation needs no pinyin or confusables
    # tables: what start-up costs without compiling those
    'circlelab policy explain spam "vape"': [*CLI, "policy", "explain", "spam", "vape"],
    "circlelab scenario check demo": [*CLI, "scenario", "check", "demo"],
    "circlelab policy check crackdown": [*CLI, "policy", "check", "crackdown"],
    # the first use of a policy on a machine (nothing cached: compiled and its tables built)
    'circlelab policy explain crackdown "vape", nothing cached': [
        *CLI,
        "policy",
        "explain",
        "crackdown",
        "vape",
    ],
}
# commands run with the compiled-policy and table caches switched off
UNCACHED = {'circlelab policy explain crackdown "vape", nothing cached'}
GOAL = 0.4  # seconds, for the two commands people wait on most


def wall(cmd: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=300, env=env)
    took = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per command (median)")
    parser.add_argument("--save", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    uncached = {**os.environ, "CIRCLELAB_CACHE_DIR": "off"}
    env = {name: uncached if name in UNCACHED else None for name in COMMANDS}
    for name, cmd in COMMANDS.items():  # warm the file cache, byte-code and policy cache once
        wall(cmd, env[name])
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):  # interleaved, so a busy moment hits every command alike
        for name, cmd in COMMANDS.items():
            times[name].append(wall(cmd, env[name]))
    base = statistics.median(times["python -c pass"])
    print(f"median of {args.repeat} runs each, interleaved; goal: under {GOAL} s")
    width = max(len(name) for name in COMMANDS)
    print(f"{'command':{width}} {'median':>8} {'min':>8} {'× python':>9}")
    for name, runs in times.items():
        med = statistics.median(runs)
        mark = ""
        if name in ("circlelab --help", 'circlelab policy explain crackdown "vape"'):
            mark = "  ok" if med < GOAL else "  over the goal"
        print(f"{name:{width}} {med:7.3f}s {min(runs):7.3f}s {med / base:8.1f}×{mark}")
    load = load_average()
    if load is not None:
        print(f"load average: {load:.1f}")
    if args.save:
        save_figures(
            args.save,
            {
                "repeat": args.repeat,
                "goal": GOAL,
                "seconds": times,
                "median": {name: statistics.median(runs) for name, runs in times.items()},
                "load_average": load,
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
