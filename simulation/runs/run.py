"""``simulation.run(...)``: one call from scenario and policy to metrics, database and files."""

from __future__ import annotations

import gc
import subprocess
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from policy import load_policy
from simulation.model_version import MODEL_VERSION
from simulation.runs import messages as R
from simulation.runs.background import BundleDrawing
from simulation.runs.bundle import check_folder
from simulation.runs.outputs import bundle_args, drawing_texts, write_bundle
from simulation.runs.result import RunResult, summarise
from simulation.scenario import Scenario, load_scenario, scenario_path
from simulation.strict_json import dumps
from simulation.world.engine import Simulation

__version__ = "0.1.0"
# A stored run records its progress (days done, heartbeat) at each tenth of its days, but
# not sooner than this many seconds after its last record: a run of a few seconds makes
# no commits between its first and last (each is a disk sync), while a long run still
# shows its progress and stays far from looking stale (storage.STALE_SECONDS, 300).
HEARTBEAT_SECONDS = 10.0


def code_version() -> str:
    """The package version plus the git commit when run from a checkout."""
    root = Path(__file__).resolve().parents[2]
    try:
        sha = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        sha = ""
    return f"{__version__}+{sha}" if sha else __version__


def resolve_policy(policy: Any):
    """A Policy object, a preset name (``crackdown``) or a path to a YAML policy."""
    if hasattr(policy, "start") and hasattr(policy, "rule_names"):
        return policy
    return load_policy(policy)


def resolve_scenario(scenario: Scenario | str | Path) -> tuple[Scenario, str]:
    if isinstance(scenario, Scenario):
        return scenario, scenario.model_dump_json(indent=1)
    path = scenario_path(scenario)
    loaded = load_scenario(path)
    return loaded, path.read_text(encoding="utf-8")


def run(
    scenario: Scenario | str | Path = "demo",
    policy: Any = "none",
    *,
    days: int | None = None,
    seed: int | None = None,
    db: str | Path | None = None,
    out: str | Path | None = None,
    changes: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
    name: str = "",
    sweep_id: str | None = None,
    keep_simulation: bool = False,
    formats: tuple[str, ...] = ("png",),
    locale: str = "en_US",
) -> RunResult:
    """Run a scenario under a policy; store it when ``db`` is given; write files to ``out``.

    ``scenario`` and ``policy`` are preset names, paths or loaded objects. ``changes``
    overrides scenario parameters by dotted path (``{"sellers.evasion_learn": 0.9}``).
    ``formats``: the chart files in ``out`` (PNG always; add ``"svg"`` for SVG too).

    With both ``db`` and ``out``, the files are drawn in a worker process while this one
    stores the rows (:class:`~simulation.runs.background.BundleDrawing`); they are moved
    into ``out`` only once the run is stored, as without a database. Raises
    :class:`~simulation.runs.bundle.OutputFolderError` before any work when ``out`` holds
    a file of a bundle's name that Circle Lab did not write.
    """
    scen, scen_text = resolve_scenario(scenario)
    if changes:
        scen = scen.with_changes(changes)
    if days is not None:
        scen = scen.with_changes({"days": int(days)})  # validated: at least one day
    pol = resolve_policy(policy)
    seed_ = scen.seed if seed is None else int(seed)
    if out is not None:  # before any work: a file there that Circle Lab did not write
        check_folder(out)
    writer = None
    if db is not None:
        # SQLAlchemy and sqlmodel (~0.4 s): imported only when a run is stored
        from simulation.runs.storage import RunWriter, open_db

        writer = RunWriter(
            open_db(db, write=True),
            name=name or f"{scen.name} × {pol.name}",
            scenario_name=scen.name,
            scenario_yaml=scen_text,
            policy_name=pol.name,
            policy_text=pol.source,
            seed=seed_,
            days_requested=scen.days,
            code_version=code_version(),
            model_version=MODEL_VERSION,
            locale=scen.locale,
            params_json=dumps(changes or {}, sort_keys=True),
            history_json="[]",  # nothing can be changed while run() runs
            sweep_id=sweep_id,
        )
    # What exists before the run (modules, their tables, the policy) is left out of the
    # collector's full passes while it goes on: each walked every object of pandas,
    # SQLAlchemy and pydantic again. Unfrozen after, so nothing is kept longer than
    # without. Not done when the caller froze objects itself, nor in a process with other
    # threads (freezing is for the whole process: another thread's freeze would be undone).
    # Asked before the drawing worker starts: its pool's own threads are ours.
    ours = gc.get_freeze_count() == 0 and threading.active_count() == 1
    if ours:
        # before the drawing worker is forked: the child inherits the freeze, so its own
        # collections never walk (and copy, page by page) the objects it shares with us
        gc.freeze()
    try:
        drawing = None
        if writer is not None and out is not None:  # started before the world is built
            drawing = BundleDrawing.prepare(
                Path(out), formats, drawing_texts(scen, pol, seed_), locale
            )
        return _execute(
            scen, pol, seed_, writer, drawing, out, formats, progress, keep_simulation, locale
        )
    finally:
        if ours:
            gc.unfreeze()


def _execute(
    scen: Scenario,
    pol: Any,
    seed_: int,
    writer: Any,
    drawing: BundleDrawing | None,
    out: str | Path | None,
    formats: tuple[str, ...],
    progress: Callable[[int, int], None] | None,
    keep_simulation: bool,
    locale: str = "en_US",
) -> RunResult:
    """Simulate, store (``writer``), draw (``drawing``, or in this process into ``out``)."""
    started = time.perf_counter()
    try:
        sim = Simulation(scen, pol, seed=seed_)
    except BaseException as exc:  # the stored run says so, not 'running' until it is stale
        _abandon(writer, drawing, exc, 0)
        raise
    if writer is not None:
        writer.set_categories(sim.categories)
    beat = max(1, scen.days // 10)
    last_beat = time.monotonic()
    try:
        for _ in range(scen.days):
            sim.step()
            if progress:
                progress(sim.day, scen.days)
            if (
                writer is not None
                and sim.day % beat == 0
                and sim.day < scen.days
                and time.monotonic() - last_beat >= HEARTBEAT_SECONDS
            ):
                writer.heartbeat(sim.day)
                last_beat = time.monotonic()
        sim.finish()
        wall = time.perf_counter() - started
        metrics = sim.metrics_frame()
        rules = sim.rule_frame()
        summary = summarise(sim, metrics, wall)
        result = RunResult(metrics, rules, summary, None, None, sim if keep_simulation else None)
        if writer is not None:
            if drawing is not None:
                drawing.start(bundle_args(result, sim, locale))
            from simulation.runs.storage import gc_paused

            with gc_paused():  # rows of plain values: no cycles to look for
                rows = stored_rows(sim, metrics, rules, summary, wall)
            writer.complete(**rows)
            result.run_id = writer.run_id
    except BaseException as exc:
        _abandon(writer, drawing, exc, sim.day)
        raise
    if drawing is not None:
        result.out_dir = drawing.finish()
    elif out is not None:
        result.out_dir = write_bundle(
            Path(out), *bundle_args(result, sim, locale), formats=formats, locale=locale
        )
    return result


def _abandon(writer: Any, drawing: BundleDrawing | None, exc: BaseException, days: int) -> None:
    """A run that stopped: its drawing thrown away, its stored row marked ``interrupted``
    (Ctrl+C) or ``failed`` (with the traceback) after ``days`` days."""
    if drawing is not None:
        drawing.discard()
    if writer is None:
        return
    if isinstance(exc, KeyboardInterrupt):
        writer.fail("interrupted", R.BY_THE_USER, days)
    else:
        writer.fail("failed", "".join(traceback.format_exception(exc)), days)


def stored_rows(
    sim: Simulation, metrics: pd.DataFrame, rules: pd.DataFrame, summary: dict, wall: float
) -> dict[str, Any]:
    """The keyword arguments of ``RunWriter.complete`` for a finished simulation."""
    from simulation.runs.result import account_columns, metrics_columns, post_columns

    feed = sim.world.feed_rows
    viewers, days, posts = (list(c) for c in zip(*feed, strict=True)) if feed else ([], [], [])
    return {
        "days_done": sim.day,
        "wall_seconds": wall,
        "summary": summary,
        "metrics": metrics_columns(metrics),
        "rules": rules.to_dict("records"),
        "posts": post_columns(sim),
        "feed": {"viewer": viewers, "day": days, "post_id": posts},
        "events": sim.world.events,
        "accounts": account_columns(sim),
    }
