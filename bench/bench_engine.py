"""Engine speed and memory: posts simulated per second, wall time, peak memory, and the
memory each account costs.

Goals on a 2-core machine: ``demo`` in under 3 s, a 100,000-account year (``large``) in
under 30 s and 2 GB, a 1M-account year completes in under 16 GB; memory per account
(the slope of peak memory between the ``large`` world at 10,000 and at 100,000 accounts,
no policy) halved against the engine before the speed work. Figures are printed, never
asserted.

    python bench/bench_engine.py                 # demo and large, none and crackdown
    python bench/bench_engine.py --million       # also the 1M-account year (minutes)
    python bench/bench_engine.py --against main  # the same cases on another commit, side by
                                                 # side: speed and memory ratios in one run
    python bench/bench_engine.py --against d6b3f05 --repeat 1 --save bench/results/engine.json
                                                 # ... and save them for the README's table
                                                 # (scripts/figures.py --write engine)
    python bench/bench_engine.py --gui-process   # the desktop app's engine process against
                                                 # the engine in a plain process
    python bench/bench_engine.py --gui-process --save bench/results/gui_process.json
                                                 # ... saved for the README's engine block
    python bench/bench_engine.py --phases crackdown  # where a 100,000-account year's time
                                                 # goes, phase by phase (--days to shorten)
    python bench/bench_engine.py --threads 2 --repeat 2 --save bench/results/threads.json
                                                 # a 100,000-account year on two threads
                                                 # against one (simulation.world.parallel)
    python bench/bench_engine.py --split-sizes   # ... and one pass at a range of sizes

``--gui-process`` steps the same world (``large`` with the keyword policy, 100,000 accounts,
30 days, set-up excluded) in a plain Python process and in the desktop app's engine process
(``app.engine_proc.serve``, one request per day over a pipe, as the app drives it), in turn,
and prints the ratio of their speeds. The engine process lowers its own priority after the
first day (so that the window stays responsive): on a machine busy with other work it may
then get less of a core than the plain process.

``--threads N`` runs the ``large`` crackdown year at 100,000 accounts with
``CIRCLELAB_THREADS=1`` and ``=N`` in turn, fresh processes, and prints the ratio of each
pair: what the row-wise passes split over threads save. Every other mode uses the
engine's default (two threads where the process may use two cores).

``--against REV`` exports REV's tree (``git archive``) to a temporary directory and runs
each case there and here in turn, each in a fresh process, ``--repeat`` times (the best
wall time of each side counts: on a shared machine the best is the least disturbed).
Speed is simulated account-days per second (accounts × days ÷ wall time), which does not
depend on how many posts the model makes; posts per second is printed too.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import commit, save_figures

ROOT = Path(__file__).resolve().parents[1]

# One case in a fresh interpreter, in whichever tree is first on PYTHONPATH (the API used
# here is the same in every version: ``simulation.run`` and ``load_scenario``).
CHILD = """
import json, resource, sys, time
import simulation
from simulation import run
from simulation.scenario import load_scenario
scenario, policy = sys.argv[1], sys.argv[2]
scen = load_scenario(scenario)
if len(sys.argv) > 3:
    scen = scen.with_changes(json.loads(sys.argv[3]))
t0 = time.perf_counter()
result = run(scen, policy)
wall = time.perf_counter() - t0
print(json.dumps({
    "tree": simulation.__file__,
    "accounts": scen.population.accounts,
    "days": scen.days,
    "posts": int(result.summary["posts_created"]),
    "wall_s": wall,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


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


# The slope of peak memory against accounts: the large world with no policy at these two sizes.
SLOPE = (("large", "none", 10_000), ("large", "none", 100_000))


def _child(
    tree: Path, scenario: str, policy: str, accounts: int | None = None, threads: int | None = None
) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    if threads is not None:  # simulation.world.parallel (trees before it ignore it)
        env["CIRCLELAB_THREADS"] = str(threads)
    changes = [json.dumps({"population.accounts": accounts})] if accounts else []
    done = subprocess.run(
        [sys.executable, "-c", CHILD, scenario, policy, *changes],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"{scenario}/{policy} failed in {tree}:\n{done.stderr[-2000:]}")
    row = json.loads(done.stdout.strip().splitlines()[-1])
    if not row["tree"].startswith(str(tree)):
        raise RuntimeError(f"the case ran {row['tree']}, not the tree in {tree}")
    return row


def per_account_kib(rows: dict[int, dict]) -> float:
    """KiB of peak memory per account: (peak at 100,000 − peak at 10,000) ÷ 90,000."""
    (small, _), (big, _) = sorted(rows.items())[0], sorted(rows.items())[-1]
    return (rows[big]["peak_mb"] - rows[small]["peak_mb"]) * 1024 / (big - small)


def against(rev: str, cases: list[tuple[str, str]], repeat: int, save: Path | None) -> None:
    """Run every case on ``rev`` and on this checkout, alternately; print them side by side
    (and save them as JSON to ``save``)."""
    sha = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", rev],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    here = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    dirty = "+" if _dirty() else ""  # at the start: the code measured
    # the cases at their scenario's size, then the sizes the memory slope needs beside them
    runs = [(*case, None) for case in cases]
    runs += [s for s in SLOPE if not (s[:2] in cases and s[2] == 100_000)]
    with tempfile.TemporaryDirectory(prefix="bench-engine-") as tmp:
        old = Path(tmp)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        best: dict[tuple, dict] = {}
        for _ in range(repeat):
            for case in runs:
                for side, tree in (("before", old), ("after", ROOT)):
                    row = _child(tree, *case)
                    key = (*case[:2], row["accounts"], side)
                    if key not in best or row["wall_s"] < best[key]["wall_s"]:
                        best[key] = row
    load = os.getloadavg()[0]
    print(f"before = {rev} ({sha}), after = this checkout ({here}{dirty}); ")
    print(f"best of {repeat} per side, load average {load:.1f} when done")
    print(
        f"{'scenario':9} {'policy':10} {'accounts':>9} {'days':>4} "
        f"{'wall before':>11} {'wall after':>10} {'speed after/before':>18} "
        f"{'posts/s before':>14} {'posts/s after':>13} {'peak MB b/a':>12}"
    )
    table = []
    for key in sorted({k[:3] for k in best}, key=lambda k: (k[0], k[2], k[1])):
        b, a = best[(*key, "before")], best[(*key, "after")]
        ratio = b["wall_s"] / a["wall_s"]  # account-days/s after ÷ before (same work)
        print(
            f"{key[0]:9} {key[1]:10} {a['accounts']:>9,} {a['days']:>4} "
            f"{b['wall_s']:>10.1f}s {a['wall_s']:>9.1f}s {ratio:>18.2f} "
            f"{b['posts'] / b['wall_s']:>14,.0f} {a['posts'] / a['wall_s']:>13,.0f} "
            f"{b['peak_mb']:>5.0f}/{a['peak_mb']:<6.0f}"
        )
        table.append(
            {"scenario": key[0], "policy": key[1], "before": b, "after": a, "speed_ratio": ratio}
        )
    memory = {}
    for side in ("before", "after"):
        memory[side] = per_account_kib({n: best[(sc, pol, n, side)] for sc, pol, n in SLOPE})
    mem_ratio = memory["before"] / memory["after"]
    print(
        f"memory per account (large, none: peak at 100,000 − peak at 10,000 accounts, "
        f"÷ 90,000): before {memory['before']:.2f} KiB, after {memory['after']:.2f} KiB, "
        f"before/after {mem_ratio:.2f}× (goal ≥ 2×)"
    )
    for row in table:
        a = row["after"]
        if a["accounts"] == 100_000 and a["days"] == 365:
            verdict = "met" if a["wall_s"] < 30 else "not met"
            print(
                f"100,000-account year, {row['scenario']}/{row['policy']}: {a['wall_s']:.1f} s "
                f"(goal under 30 s: {verdict})"
            )
    if save:
        save_figures(
            save,
            {
                "command": "python bench/bench_engine.py " + " ".join(sys.argv[1:]),
                "before": f"{rev} ({sha})",
                "after": f"{here}{dirty}",
                "repeat": repeat,
                "load_average": round(load, 1),
                "cpus": os.cpu_count(),
                "rows": table,
                "memory_per_account_kib": memory,
            },
        )
        print(f"saved {save}")


PLAIN = """
import json, sys, time
from policy import load_policy
from simulation import Simulation, load_scenario
n, days = int(sys.argv[1]), int(sys.argv[2])
scenario = load_scenario("large").with_changes({"population.accounts": n, "days": days})
sim = Simulation(scenario, load_policy("keywords"), seed=1)
t0 = time.perf_counter()
for _ in range(days):
    sim.step()
print(json.dumps({"rate": n * days / (time.perf_counter() - t0)}))
"""


def _through_engine_process(n: int, days: int) -> float:
    """Account-days per second of the desktop app's engine process (set-up excluded)."""
    from app.engine_proc import policy_recipe, serve
    from policy import load_policy
    from simulation import load_scenario

    scenario = load_scenario("large").with_changes({"population.accounts": n, "days": days})
    ctx = mp.get_context("spawn")
    ours, theirs = ctx.Pipe()
    proc = ctx.Process(target=serve, args=(theirs,), daemon=True)
    proc.start()
    theirs.close()
    try:
        ours.send(("setup", scenario, policy_recipe(load_policy("keywords")), 1))
        reply = ours.recv()
        if reply[0] != "ok":
            raise RuntimeError(reply)
        t0 = time.perf_counter()
        for _ in range(days):
            ours.send(("step",))
            reply = ours.recv()
            if reply[0] != "ok":
                raise RuntimeError(reply)
        rate = n * days / (time.perf_counter() - t0)
        ours.send(("shutdown",))
    finally:
        proc.join(10)
        if proc.is_alive():
            proc.kill()
    return rate


def gui_process(pairs: int, save: Path | None, n: int = 100_000, days: int = 30) -> None:
    """The engine in the desktop app's engine process against a plain process, in turn
    (the figures saved as JSON to ``save``, for the README's engine block)."""
    ratios = []
    for i in range(pairs):
        out = subprocess.run(
            [sys.executable, "-c", PLAIN, str(n), str(days)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        plain = json.loads(out.strip().splitlines()[-1])["rate"]
        served = _through_engine_process(n, days)
        ratios.append(served / plain)
        print(
            f"pair {i + 1}: plain process {plain:,.0f} account-days/s, engine process "
            f"{served:,.0f}: engine process / plain {served / plain:.2f}"
        )
    load = os.getloadavg()[0]
    print(
        f"large, keywords, {n:,} accounts × {days} days: engine process / plain process "
        f"{statistics.median(ratios):.2f} (median of {pairs}; load average {load:.1f})"
    )
    if save is not None:
        record = {
            "command": "python bench/bench_engine.py " + " ".join(sys.argv[1:]),
            "commit": commit(),
            "accounts": n,
            "days": days,
            "ratios": ratios,
            "median_ratio": statistics.median(ratios),
            "load_average": round(load, 1),
        }
        save_figures(save, record)


def thread_pairs(threads: int, pairs: int, save: Path | None) -> None:
    """A 100,000-account year (``large``, crackdown) in this checkout with ``threads``
    threads against one thread (``CIRCLELAB_THREADS``), each in a fresh process, in turn;
    the ratio of each pair's wall times (the figures saved as JSON to ``save``)."""
    one, many = [], []
    for i in range(pairs):
        a = _child(ROOT, "large", "crackdown", threads=1)["wall_s"]
        b = _child(ROOT, "large", "crackdown", threads=threads)["wall_s"]
        one.append(a)
        many.append(b)
        print(f"pair {i + 1}: one thread {a:.1f} s, {threads} threads {b:.1f} s: {a / b:.2f}×")
    ratios = [a / b for a, b in zip(one, many, strict=True)]
    load = os.getloadavg()[0]
    print(
        f"large, crackdown, 100,000 accounts × 365 days: {threads} threads / one thread, "
        f"speed {statistics.median(ratios):.2f}× (median of {pairs}; load average {load:.1f})"
    )
    if save is not None:
        save_figures(
            save,
            {
                "command": "python bench/bench_engine.py " + " ".join(sys.argv[1:]),
                "commit": commit(),
                "threads": threads,
                "one_thread_s": one,
                "threads_s": many,
                "ratios": ratios,
                "median_ratio": statistics.median(ratios),
                "load_average": round(load, 1),
                "cpus": os.cpu_count(),
            },
        )
        print(f"saved {save}")


def split_sizes() -> None:
    """One thread against two for a single pass at a range of sizes, in this process:
    a sparse product over the first rows of the 100,000-account friends graph, and a day's
    views over posts of the last five days (``simulation.world.parallel``'s thresholds
    come from where two threads start to win). Best of 5 rounds of many calls each."""
    from functools import partial

    import numpy as np

    from policy import load_policy
    from simulation import Simulation, load_scenario
    from simulation.world import parallel
    from simulation.world.decay import views_on_day
    from simulation.world.graph import _matvec

    scenario = load_scenario("large").with_changes({"population.accounts": 100_000, "days": 1})
    graph = Simulation(scenario, load_policy("none"), seed=1).world.graph
    indptr, indices, _ = graph._people
    ones = graph._people_ones()
    rng = np.random.default_rng(1)
    x = rng.random(len(indptr) - 1).astype(np.float32)

    def best_ms(call, reps: int) -> float:
        rounds = []
        for _ in range(5):
            t0 = time.perf_counter()
            for _ in range(reps):
                call()
            rounds.append((time.perf_counter() - t0) / reps)
        return min(rounds) * 1e3

    def pair(call, reps: int) -> str:
        got = []
        for n in (1, 2):
            parallel.set_threads(n)
            got.append(best_ms(call, reps))
        return f"1 thread {got[0]:.3f} ms, 2 threads {got[1]:.3f} ms ({got[0] / got[1]:.2f}×)"

    saved = parallel.MIN_ROWS, parallel.MIN_ENTRIES
    parallel.MIN_ROWS = parallel.MIN_ENTRIES = 1  # split whatever the size
    try:
        one, two = (
            best_ms(partial(parallel.by_rows, lambda a, b: None, cuts), 2_000)
            for cuts in ([0, 2], [0, 1, 2])
        )
        print(f"a pass with nothing to do: one part {one:.3f} ms, two parts {two:.3f} ms")
        for rows in (3_000, 10_000, 20_000, 40_000, len(indptr) - 1):
            part = indptr[: rows + 1]
            y = np.zeros(rows, np.float32)
            entries = int(part[-1])
            call = partial(_matvec, part, indices, ones, x, y)
            line = pair(call, max(3, 30_000_000 // entries))
            print(f"sparse product, {entries:>9,} entries: {line}")
        for n in (20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000):
            made = np.sort(100 - rng.integers(0, 5, n)).astype(np.int16)
            hour = (rng.random(n) * 24).astype(np.float32)
            removed = np.full(n, np.inf, np.float32)
            potential = (rng.random(n) * 100).astype(np.float32)
            half_life = rng.choice(np.array([4.0, 6.0], np.float32), n)
            call = partial(views_on_day, 100, made, hour, removed, potential, half_life, True)
            line = pair(call, max(3, 3_000_000 // n))
            print(f"a day's views, {n:>9,} posts:   {line}")
    finally:
        parallel.MIN_ROWS, parallel.MIN_ENTRIES = saved
        parallel.set_threads(None)
    print(f"load average {os.getloadavg()[0]:.1f}")


# The phases of ``Simulation.step`` (simulation/world/engine.py), timed by wrapping the
# functions the engine module calls; the policy's own work is ``session.decide``.
PHASES = (
    "apply_events",
    "arrivals",
    "post_day",
    "sample_day",
    "make_batch",
    "apply_decisions",
    "expose_day",
    "seller_day",
    "churn_day",
    "trim",
)


def phases(policy: str, n: int, days: int) -> None:
    """Where a day's time goes: each phase of ``Simulation.step`` timed over ``days`` days
    of ``large`` at ``n`` accounts (set-up and warm-up excluded), in this process."""
    import simulation.world.engine as engine
    from policy import load_policy
    from simulation import Simulation, load_scenario

    spent = dict.fromkeys((*PHASES, "audiences", "session.decide", "record"), 0.0)

    first_decide: list[float] = []  # the policy's first day (texts never seen before)

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t0
                if name == "session.decide" and not first_decide:
                    first_decide.append(time.perf_counter() - t0)

        return wrapper

    originals = {name: getattr(engine, name) for name in PHASES}
    scenario = load_scenario("large").with_changes({"population.accounts": n, "days": days})
    sim = Simulation(scenario, load_policy(policy), seed=1)
    try:
        for name, fn in originals.items():
            setattr(engine, name, timed(name, fn))
        sim.session.decide = timed("session.decide", sim.session.decide)
        sim.world.graph.audiences = timed("audiences", sim.world.graph.audiences)
        sim._record = timed("record", sim._record)
        t0 = time.perf_counter()
        for _ in range(days):
            sim.step()
        total = time.perf_counter() - t0
    finally:
        for name, fn in originals.items():
            setattr(engine, name, fn)
    print(f"large, {policy}, {n:,} accounts × {days} days: {total:.1f} s of steps")
    print(f"{'phase':16} {'s':>7} {'share':>6}")
    for name, s in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:16} {s:7.2f} {s / total:6.1%}")
    rest = total - sum(spent.values())
    print(f"{'(the rest)':16} {rest:7.2f} {rest / total:6.1%}")
    if first_decide:
        print(
            f"of session.decide, the first day {first_decide[0]:.2f} s "
            f"({first_decide[0] / total:.1%} of the steps): every text of the pool judged once"
        )
    print(f"load average {os.getloadavg()[0]:.1f}")


def _dirty() -> bool:
    """Whether this checkout's code differs from its commit (saved bench results, which a
    run of several benchmarks changes as it goes, are not code)."""
    status = subprocess.run(
        [
            *("git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"),
            *("--", ".", ":!bench/results"),
        ],
        capture_output=True,
        text=True,
    ).stdout
    return bool(status.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--million", action="store_true", help="also a 1M-account year")
    parser.add_argument("--quick", action="store_true", help="demo only")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--against", metavar="REV", help="compare with this commit")
    parser.add_argument("--repeat", type=int, default=2, help="runs per side with --against")
    parser.add_argument(
        "--large-only", action="store_true", help="with --against: only the 100k-account cases"
    )
    parser.add_argument(
        "--save",
        type=Path,
        metavar="JSON",
        help="with --against, --gui-process or --threads: save the figures here",
    )
    parser.add_argument(
        "--gui-process",
        action="store_true",
        help="the desktop app's engine process against a plain process",
    )
    parser.add_argument(
        "--phases",
        metavar="POLICY",
        help="where a 100,000-account year's time goes, phase by phase, under POLICY",
    )
    parser.add_argument("--days", type=int, default=365, help="with --phases: days stepped")
    parser.add_argument(
        "--threads",
        type=int,
        metavar="N",
        help="a 100,000-account year with N threads against one, --repeat pairs",
    )
    parser.add_argument(
        "--split-sizes",
        action="store_true",
        help="one thread against two for one pass at a range of sizes",
    )
    args = parser.parse_args()
    if args.split_sizes:
        split_sizes()
        return
    if args.phases:
        phases(args.phases, 100_000, args.days)
        return
    if args.threads:
        thread_pairs(args.threads, args.repeat, args.save)
        return
    cases = [("demo", "none"), ("demo", "crackdown")]
    if not args.quick:
        cases += [("large", "none"), ("large", "crackdown")]
    if args.gui_process:
        gui_process(args.repeat, args.save)
        return
    if args.against:
        if args.large_only:
            cases = [c for c in cases if c[0] == "large"]
        against(args.against, cases, args.repeat, args.save)
        return
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
