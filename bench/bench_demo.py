"""The demo command against the in-memory run of the same world, side by side.

``circlelab run --scenario demo --policy crackdown --out DIR --db sqlite:///FILE`` (what
``./lab demo`` runs, with a fresh database file) stores the run, writes its report
bundle and prints a summary; ``simulation.run("demo", "crackdown")`` only simulates.
Both run as fresh processes (imports included: what a person waits for), interleaved,
``--repeat`` times; the medians of wall time and their ratio are printed (the goal: the
command within 1.25× of the in-memory run), and beside them the CPU time each used
(its processes' user + system time, the worker drawing the report included), which a
busy machine disturbs less than wall time.

``--before REV`` runs the same two commands of the code at git revision ``REV`` too (its
files extracted to a temporary directory, first on the path), interleaved with these.

Run: ``.venv/bin/python bench/bench_demo.py [--repeat 5] [--before REV]
[--save bench/results/demo.json]`` (``--save`` keeps the figures for
``scripts/figures.py --write demo_command``).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from machine import cores, load_average, save_figures

ROOT = Path(__file__).resolve().parents[1]
GOAL = 1.25  # the command's median over the in-memory run's
IN_MEMORY = 'import simulation; simulation.run("demo", "crackdown")'


def commands(tmp: Path, prefix: str = "") -> dict[str, list[str]]:
    cli = [sys.executable, "-m", "simulation.cli.main"]
    return {
        f"{prefix}in-memory run": [sys.executable, "-c", IN_MEMORY],
        f"{prefix}demo command": [
            *cli,
            "run",
            "--scenario",
            "demo",
            "--policy",
            "crackdown",
            "--out",
            str(tmp / "out"),
            "--db",
            f"sqlite:///{tmp / 'demo.db'}",
        ],
    }


def wall(cmd: list[str], tmp: Path, tree: Path = ROOT) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children) of one run of ``cmd``
    with the code of ``tree``."""
    (tmp / "demo.db").unlink(missing_ok=True)  # a fresh database each time, as a first demo
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, timeout=900)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed ({proc.returncode}): {proc.stderr.decode()[-800:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


def db_stats(path: Path) -> dict[str, object]:
    """Size (bytes) and rows per table of the database a demo command left."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()
    return {"bytes": path.stat().st_size, "rows": rows}


def old_tree(rev: str, into: Path) -> Path:
    """The files of ``rev`` (``git archive``) extracted into ``into``."""
    data = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev], check=True, capture_output=True
    ).stdout
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (median)")
    parser.add_argument("--save", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--before", help="also measure the code of this git revision")
    args = parser.parse_args()
    times: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}
    loads = []
    stored: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as tmp_name:
        tmp = Path(tmp_name)
        cmds = {name: (cmd, ROOT) for name, cmd in commands(tmp).items()}
        if args.before:
            old = old_tree(args.before, tmp / "before")
            cmds |= {name: (cmd, old) for name, cmd in commands(tmp, "before: ").items()}
        times = {name: [] for name in cmds}
        cpus = {name: [] for name in cmds}
        for cmd, tree in cmds.values():  # warm the file cache, byte-code and user cache once
            wall(cmd, tmp, tree)
        for _ in range(args.repeat):  # interleaved: a busy moment hits every command alike
            for name, (cmd, tree) in cmds.items():
                loads.append(load_average())
                took, cpu = wall(cmd, tmp, tree)
                times[name].append(took)
                cpus[name].append(cpu)
                if name.endswith("demo command"):
                    stored[name] = db_stats(tmp / "demo.db")
    med = {name: statistics.median(runs) for name, runs in times.items()}
    cpu_med = {name: statistics.median(runs) for name, runs in cpus.items()}
    ratio = med["demo command"] / med["in-memory run"]
    cpu_ratio = cpu_med["demo command"] / cpu_med["in-memory run"]
    before = None
    if args.before:
        before = {
            "revision": subprocess.run(
                ["git", "-C", str(ROOT), "rev-parse", "--short", args.before],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip(),
            "ratio": med["before: demo command"] / med["before: in-memory run"],
            "cpu_ratio": cpu_med["before: demo command"] / cpu_med["before: in-memory run"],
        }
    # the ratio of each interleaved pair, for the spread
    pairs = [c / m for m, c in zip(times["in-memory run"], times["demo command"], strict=True)]
    known = [x for x in loads if x is not None]
    load = statistics.median(known) if known else None
    print(f"median of {args.repeat} runs each, interleaved, fresh processes")
    print(f"{'':24}{'median':>9}{'min':>9}{'max':>9}{'CPU median':>12}")
    for name, runs in times.items():
        print(f"{name:24}{med[name]:8.2f}s{min(runs):8.2f}s{max(runs):8.2f}s{cpu_med[name]:11.2f}s")
    verdict = "met" if ratio <= GOAL else "not met"
    print(
        f"demo command / in-memory run: {ratio:.2f}× (pairs {min(pairs):.2f}–{max(pairs):.2f}×;"
        f" goal ≤ {GOAL}×: {verdict})"
    )
    print(f"CPU time, demo command / in-memory run: {cpu_ratio:.2f}×")
    if before is not None:
        print(
            f"before ({args.before} = {before['revision']}): demo command / in-memory run "
            f"{before['ratio']:.2f}×, CPU time {before['cpu_ratio']:.2f}×"
        )
    for name, db in stored.items():
        rows = db["rows"]
        texts = f", {rows['posttext']:,} distinct texts" if "posttext" in rows else ""
        print(
            f"{name} database: {db['bytes'] / 2**20:.1f} MiB, {sum(rows.values()):,} rows "
            f"({rows.get('postsample', 0):,} sampled posts{texts})"
        )
    if load is not None:
        print(f"load average during the runs: {load:.1f} on {cores()} cores")
    if args.save:
        save_figures(
            args.save,
            {
                "repeat": args.repeat,
                "seconds": times,
                "median": med,
                "ratio": ratio,
                "cpu_seconds": cpus,
                "cpu_median": cpu_med,
                "cpu_ratio": cpu_ratio,
                "before": before,
                "pair_ratios": pairs,
                "databases": stored,
                "load_average": load,
                "cores": cores(),
                "python": platform.python_version(),
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
