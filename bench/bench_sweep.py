"""Benchmark sweeps (figures only; no timed assertions anywhere).

1. Runs per minute for a 20-seed sweep of the ``demo`` scenario (crackdown policy,
   kept in memory) with 1, 2 and all local workers, and the scaling efficiency
   (speed-up / workers).
2. The Dask path against local execution: the same sweep on a ``LocalCluster`` with
   as many single-threaded worker processes as local workers (cluster start-up
   excluded, reported apart).
3. The same sweep stored in SQLite, with everything (``keep="all"``) and with the
   smaller ``keep="sample"``: the parent process writes every run, so this shows when
   writing, not computing, sets the pace.

The machine's load average is printed with the figures: on a shared machine other
processes take cores, and the figures mean little without it.

With ``--save bench/results/sweep.json`` the figures are kept for the README's table
(``scripts/figures.py --write sweep``), with the database's size and row count per run.

Run: ``.venv/bin/python bench/bench_sweep.py [--seeds 20] [--days 180] [--no-dask]
[--save bench/results/sweep.json]``
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from machine import commit, load_average, save_figures  # bench/ is the script's folder

from simulation.sweeps.sweep import sweep

TABLES = (  # a run's rows (the run table's own row aside)
    "dailymetric",
    "rulestat",
    "postsample",
    "posttext",
    "feeditem",
    "moderationevent",
    "accountrow",
)


def stored(db: Path, runs: int) -> dict[str, float]:
    """Bytes and rows per run in a sweep's SQLite file."""
    with sqlite3.connect(db) as conn:
        rows = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
    return {"bytes_per_run": db.stat().st_size / runs, "rows_per_run": rows / runs}


def timed(**kwargs) -> tuple[float, int]:
    started = time.perf_counter()
    result = sweep(**kwargs)
    assert result.failed == 0, result.runs[result.runs["status"] != "complete"]["error"]
    return time.perf_counter() - started, result.ran


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--days", type=int, default=None, help="default: the scenario's (180)")
    ap.add_argument("--scenario", default="demo")
    ap.add_argument("--policy", default="crackdown")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--save", type=Path, metavar="JSON", help="keep the figures for the README")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    base = {
        "scenario": args.scenario,
        "policies": [args.policy],
        "seeds": f"1-{args.seeds}",
        "days": args.days,
    }
    print(
        f"sweep of '{args.scenario}' x {args.policy}, {args.seeds} seeds, "
        f"days={args.days or 'scenario'}; {cores} cores; load average before: "
        f"{os.getloadavg()[0]:.2f}"
    )
    record: dict[str, Any] = {
        "command": " ".join(["python bench/bench_sweep.py", *sys.argv[1:]]),
        "commit": commit(),
        "scenario": args.scenario,
        "policy": args.policy,
        "seeds": args.seeds,
        "days": args.days,
        "cores": cores,
        "load_before": load_average(),
        "rows": [],
    }
    rates: dict[int, float] = {}
    for workers in sorted({1, 2, cores}):
        wall, n = timed(**base, workers=workers)
        rates[workers] = 60 * n / wall
        record["rows"].append({"case": "local", "workers": workers, "wall_s": wall, "runs": n})
        eff = rates[workers] / rates[1] / workers
        print(
            f"local, {workers:>2} workers: {wall:6.1f} s  {rates[workers]:6.1f} runs/min  "
            f"scaling efficiency {eff:5.0%}  (load {os.getloadavg()[0]:.2f})"
        )
    if not args.no_dask:
        from distributed import Client, LocalCluster

        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            client.wait_for_workers(cores)
            boot = time.perf_counter() - started
            wall, n = timed(**base, dask=client)
        rate = 60 * n / wall
        record["rows"].append(
            {"case": "dask", "workers": cores, "wall_s": wall, "runs": n, "start_s": boot}
        )
        print(
            f"dask LocalCluster, {cores} workers: {wall:6.1f} s  {rate:6.1f} runs/min  "
            f"overhead vs local {wall / (60 * n / rates[cores]) - 1:+.0%} "
            f"(cluster start {boot:.1f} s, not included)"
        )
    for keep in ("all", "sample"):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            wall, n = timed(**base, workers=cores, db=str(db), keep=keep)
            size = stored(db, n)
        rate = 60 * n / wall
        record["rows"].append(
            {"case": f"sqlite-{keep}", "workers": cores, "wall_s": wall, "runs": n, **size}
        )
        print(
            f"local, {cores} workers, SQLite, keep={keep}: {wall:6.1f} s  {rate:6.1f} runs/min "
            f"({rate / rates[cores]:.0%} of in-memory); per run "
            f"{size['rows_per_run']:,.0f} rows, {size['bytes_per_run'] / 1e6:.1f} MB"
        )
    record["load_after"] = load_average()
    if args.save:
        save_figures(args.save, record)


if __name__ == "__main__":
    main()
