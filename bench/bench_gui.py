"""Desktop-app benchmark: time to a usable window against a bare PySide6 window, event-loop
stalls during a `large` run, chart refresh with a year of data, and the feed with a million
posts. Prints figures; asserts nothing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py [--days N] [--only-stalls]
    .venv/bin/python bench/bench_gui.py --only-startup [--repeats N]   # under a display too
    .venv/bin/python bench/bench_gui.py --only-startup --save bench/results/gui.json
                                       # ... kept for scripts/figures.py --write gui_startup
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py --save \
        bench/results/gui_all.json     # everything, for scripts/figures.py --write gui

The engine runs in its own process (app/worker.py), so a stall here is the GUI's own work
(chart redraws, the feed) or the machine being busy, not the engine holding the GIL.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from machine import load_average, save_figures
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app.qt_compat import guard_none_refcount


def spin(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


# A child process that starts the app as `circlelab gui` does and says when its window is
# usable (shown, painted, its event loop turning) and when the policy in the editor has
# been compiled (the background state after the window is up).
APP_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
qapp = QApplication(sys.argv)
def up():
    for w in qapp.topLevelWidgets():
        if w.isVisible():
            w.repaint()  # painted, and the event loop turns: usable
    print("usable", flush=True)
    wins = [w for w in qapp.topLevelWidgets() if hasattr(w, "policy_panel")]
    editor = wins[0].policy_panel.editor
    def checked(*_):
        print("checked", flush=True)  # the policy in the editor is compiled (or read back)
        QTimer.singleShot(0, listed)
    def listed():
        print("listed", flush=True)  # ... and the stored runs listed after it
        qapp.quit()
    if editor.checking():
        editor.validated.connect(checked)
    else:
        checked()
QTimer.singleShot(0, up)
from app.main import run
run(preset="classroom", policy="crackdown", db=sys.argv[1])
"""
BARE_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
qapp = QApplication(sys.argv)
def up():
    window.repaint()
    print("usable", flush=True)
    qapp.quit()
QTimer.singleShot(0, up)
window = QMainWindow()
window.show()
qapp.exec()
"""


def _child_times(code: str, tmp: Path) -> dict[str, float]:
    """Seconds from launching a Python child running ``code`` to each line it prints."""
    import subprocess

    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "config"))  # settings of its own
    root = Path(__file__).resolve().parents[1]
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp / "startup.db")],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    times = {}
    for line in proc.stdout:
        times[line.strip()] = time.perf_counter() - t0
    proc.wait()
    return times


def bench_startup(repeats: int, tmp: Path) -> dict:
    """Launch to usable window: the app against a bare PySide6 window, paired, in turn.

    The app's first launch (not counted) fills the compiled-policy cache, as a person's
    first start does; the counted ones read the policy back. Returns the figures."""
    bare, app_up, checked, listed = [], [], [], []
    _child_times(BARE_CHILD, tmp)  # warm the file cache for both
    _child_times(APP_CHILD, tmp)
    for _ in range(repeats):
        bare.append(_child_times(BARE_CHILD, tmp)["usable"])
        t = _child_times(APP_CHILD, tmp)
        app_up.append(t["usable"])
        checked.append(t["checked"])
        listed.append(t["listed"])
    b, a, c, r = (float(np.median(x)) for x in (bare, app_up, checked, listed))
    platform = os.environ.get("QT_QPA_PLATFORM") or "display " + os.environ.get("DISPLAY", "?")
    print(f"start-up to a usable window ({platform}; median of {repeats}, paired):")
    print(f"  bare PySide6 window        {b:5.2f} s   1.0x")
    print(f"  Circle Lab window usable   {a:5.2f} s  {a / b:5.1f}x the bare window (goal: < 3 s)")
    print(f"  policy checked after it    {c:5.2f} s  {c / b:5.1f}x (read from the cache)")
    print(f"  stored runs listed         {r:5.2f} s  {r / b:5.1f}x")
    load = load_average()
    if load is not None:
        print(f"load average: {load:.1f}")
    return {
        "repeats": repeats,
        "platform": platform,
        "goal": 3.0,
        "seconds": {"bare window": bare, "usable": app_up, "checked": checked, "listed": listed},
        "median": {"bare window": b, "usable": a, "checked": c, "listed": r},
        "load_average": load,
    }


def bench_stalls(app: QApplication, days: int, tmp: Path) -> dict:
    """Run the `large` scenario in the window and record the gaps of a 5 ms timer."""
    from app.main_window import MainWindow

    win = MainWindow(
        QSettings(str(tmp / "bench.ini"), QSettings.Format.IniFormat),
        preset="large",
        policy="crackdown",
        db=str(tmp / "bench.db"),
    )
    win.resize(1600, 1000)
    win.show()
    win.scenario_panel.controls["days"].set_value(days)
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    t0 = time.perf_counter()
    last[0] = clock.elapsed()
    timer.start()
    win.setup()
    while win.mode != "live":
        spin(app, 0.01)
    setup_s = time.perf_counter() - t0
    # the gap that ends with the ready handler (charts built) is recorded at the timer's
    # next tick: let it tick so that it counts for the setup, not for the run
    spin(app, 0.05)
    setup_gaps = list(gaps)
    gaps.clear()
    t1 = time.perf_counter()
    win.controls.go.setChecked(True)
    while win.days_done < days:
        spin(app, 0.01)
    run_s = time.perf_counter() - t1
    timer.stop()
    g = np.array(gaps)
    print(
        f"large scenario ({win.scenario_panel.scenario().population.accounts:,} accounts), "
        f"{days} days at max speed, window 1600x1000 with live charts and feed:"
    )
    print(f"  setup {setup_s:.1f} s, longest stall during setup {max(setup_gaps or [0])} ms")
    print(f"  run {run_s:.1f} s ({days / run_s:.1f} days/s); 5 ms timer fired {len(g)} times")
    print(
        f"  event-loop stall: longest {g.max()} ms, 99th percentile "
        f"{np.percentile(g, 99):.0f} ms, median {np.median(g):.0f} ms (goal: < 50 ms); "
        f"longest five {[int(x) for x in sorted(g)[-5:][::-1]]} ms"
    )
    accounts = win.scenario_panel.scenario().population.accounts
    win.close()
    return {
        "accounts": accounts,
        "days": days,
        "setup_s": setup_s,
        "setup_longest_stall_ms": int(max(setup_gaps or [0])),
        "run_s": run_s,
        "days_per_s": days / run_s,
        "stall_longest_ms": int(g.max()),
        "stall_p99_ms": float(np.percentile(g, 99)),
        "stall_median_ms": float(np.median(g)),
    }


def bench_charts(app: QApplication) -> dict:
    from app.charts import ChartPanel, chart_specs
    from app.main_window import category_labels
    from simulation.metrics import columns
    from simulation.world.content.pool import load_catalogue

    cats = tuple(load_catalogue().names())
    panel = ChartPanel()
    panel.resize(1100, 800)
    panel.build(chart_specs(cats, category_labels("en_US")))
    panel.show()
    rng = np.random.default_rng(0)
    for day in range(365):
        panel.append(day, {c: float(rng.random() * 100) for c in columns(cats)})
    spin(app, 0.2)
    times = []
    for _ in range(20):
        t = time.perf_counter()
        panel.refresh()
        panel.glw.viewport().repaint()
        times.append(time.perf_counter() - t)
    print("charts: 6 plots, 13 curves, 365 days each, 1100x800 px:")
    print(
        f"  refresh + repaint: median {1000 * np.median(times):.1f} ms, "
        f"max {1000 * max(times):.1f} ms"
    )
    panel.close()
    return {
        "refresh_median_ms": 1000 * float(np.median(times)),
        "refresh_max_ms": 1000 * max(times),
    }


def bench_feed(app: QApplication, n: int) -> dict:
    from app.feed_model import FeedModel
    from app.panels.feed import make_feed_view
    from simulation.world.content.pool import build_text_pool, load_catalogue

    pool = build_text_pool(load_catalogue(), "en_US", np.random.default_rng(1))
    rng = np.random.default_rng(2)
    text_ids = rng.integers(0, len(pool.texts), n)
    names = np.array([f"User{i}" for i in range(5000)], dtype=object)
    gc.collect()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    t = time.perf_counter()
    frame = pd.DataFrame(
        {
            "post_id": np.arange(n),
            "day": rng.integers(0, 365, n),
            "hour": rng.random(n) * 24,
            "author": rng.integers(0, 100_000, n),
            "author_name": names[rng.integers(0, 5000, n)],
            "kind": rng.integers(0, 4, n),
            "text": np.array(pool.texts, dtype=object)[text_ids],
            "has_image": pool.has_image[text_ids],
            "removed_at_hours": np.where(rng.random(n) < 0.05, 2.0, np.nan),
            "removal_cause": 1,
            "likes": rng.integers(0, 30, n),
            "author_status": 0,
        }
    )
    model = FeedModel()
    model.set_frame(frame)
    load_s = time.perf_counter() - t
    del frame
    gc.collect()
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    view = make_feed_view(model)
    view.resize(420, 900)
    view.show()
    spin(app, 0.2)
    bar = view.verticalScrollBar()
    frames = []
    for _i in range(200):  # scroll like a flick: 200 frames of 120 px each
        t = time.perf_counter()
        bar.setValue(bar.value() + 120)
        view.viewport().repaint()
        frames.append(time.perf_counter() - t)
    jumps = []
    for pos in np.linspace(0, bar.maximum(), 50).astype(int):
        t = time.perf_counter()
        bar.setValue(int(pos))
        view.viewport().repaint()
        jumps.append(time.perf_counter() - t)
    t = time.perf_counter()
    model.set_kind_filter(3)
    filter_ms = 1000 * (time.perf_counter() - t)
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"feed: {n:,} posts in the model (list view, uniform card height):")
    print(
        f"  load into the model {load_s:.2f} s; Python memory held by the model "
        f"{current / 2**20:.0f} MiB ({model.nbytes() / 2**20:.0f} MiB of arrays); "
        f"peak RSS grew {(rss1 - rss0) / 1024:.0f} MiB"
    )
    print(
        f"  scroll frame (120 px + repaint): median {1000 * np.median(frames):.1f} ms, "
        f"max {1000 * max(frames):.1f} ms"
    )
    print(
        f"  jump anywhere in the list + repaint: median {1000 * np.median(jumps):.1f} ms, "
        f"max {1000 * max(jumps):.1f} ms; type filter over all rows {filter_ms:.0f} ms"
    )
    view.close()
    return {
        "posts": n,
        "load_s": load_s,
        "python_mib": current / 2**20,
        "array_mib": model.nbytes() / 2**20,
        "scroll_median_ms": 1000 * float(np.median(frames)),
        "scroll_max_ms": 1000 * max(frames),
        "jump_median_ms": 1000 * float(np.median(jumps)),
        "filter_ms": filter_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=60, help="days of the large run")
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument(
        "--only-stalls", action="store_true", help="skip the chart and feed benchmarks"
    )
    parser.add_argument("--only-startup", action="store_true", help="only the start-up time")
    parser.add_argument("--repeats", type=int, default=5, help="start-ups of each kind")
    parser.add_argument(
        "--save",
        type=Path,
        help="write the figures to this JSON file: with --only-startup the start-up "
        "(scripts/figures.py --write gui_startup), else all of them (--write gui)",
    )
    args = parser.parse_args()
    if args.only_startup:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            figures = bench_startup(args.repeats, Path(tmp))
        if args.save:
            save_figures(args.save, figures)
        return
    app = QApplication.instance() or QApplication(sys.argv)
    guard_none_refcount()
    import tempfile

    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        figures["startup"] = bench_startup(args.repeats, Path(tmp))
        if not args.only_stalls:
            figures["charts"] = bench_charts(app)
            figures["feed"] = bench_feed(app, args.posts)
        figures["stalls"] = bench_stalls(app, args.days, Path(tmp))
    figures["load_average"] = load_average()
    if args.save:
        save_figures(args.save, figures)


if __name__ == "__main__":
    main()
