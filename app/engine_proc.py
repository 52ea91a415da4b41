"""The engine's own process: one ``Simulation`` served over a ``multiprocessing`` pipe.

``app.worker`` starts :func:`serve` in a child process (``spawn`` context), so the engine
never holds the GUI process's GIL. The protocol is one request, one reply:

====================================  =================================================
request                               reply
====================================  =================================================
``("setup", scenario, recipe, seed)`` ``("ok", categories, watched, days, seed, locale,
                                      rule_names)``
``("step",)``                         ``("ok", DayRecord, day after it)``
``("param", key, value)``             ``("ok", first day in effect, history)``
``("policy", recipe)``                ``("ok", first day in force, rule names,
                                      history)``
``("feed", viewer, day)``             ``("ok", DataFrame)``
``("account", account)``              ``("ok", dict)``
``("removed_feed", day)``             ``("ok", viewer, day)``: the latest feed of a
                                      watched user, on ``day`` or up to
                                      ``REMOVED_SEARCH_DAYS`` before, that holds a
                                      removed offer (else any removed post); (-1, -1)
                                      when there is none
``("save", db, out, name, locale)``   ``("ok", run id or None, report folder or None)``:
                                      the days so far stored in ``db`` and/or written
                                      to the new folder ``out`` (its report in
                                      ``locale``)
``("forget",)``                       none: the world is dropped (the process waits
                                      for the next window as a spare)
``("shutdown",)``                     none: the process exits
====================================  =================================================

``history`` is the world's ``Simulation.history`` after the change (every change made
while it ran, plain data), so the window draws the same marks as a stored run shows.

Any failure is the reply ``("error", text, message)``: the error's English text, and the
:class:`~policy.messages.Message` it carries, if it is worded by one (a database that
cannot be used, a run with nothing stored), so the window can say it in its language, else
None; the process carries on. Policies travel
as a *recipe* (see :func:`policy_recipe`), not as compiled objects, which may hold
unpicklable matchers. This module imports no Qt.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ENGINE_NICENESS = 10
REMOVED_SEARCH_DAYS = 30  # how far back a lesson looks for a feed with a removed post


def find_removed_feed(sim: Any, day: int, days_back: int = REMOVED_SEARCH_DAYS) -> tuple[int, int]:
    """(viewer, day) of the latest feed of a watched user, on ``day`` or up to
    ``days_back - 1`` days before, with a removed restricted offer in it (a seller to
    inspect), or else with any removed post; (-1, -1) when no watched feed has one.
    Reads at most ``days_back`` × watched users feeds (about 5 ms each, classroom)."""
    from simulation.metrics.registry import KINDS

    offer = KINDS.index("offer")
    fallback = (-1, -1)
    last = min(int(day), int(sim.day) - 1)
    for d in range(last, max(-1, last - days_back), -1):
        for viewer in sim.watched:
            feed = sim.feed(int(viewer), d)
            removed = feed[feed["removed_at_hours"].notna()]
            if not len(removed):
                continue
            if (removed["kind"] == offer).any():
                return int(viewer), d
            if fallback[0] < 0:
                fallback = (int(viewer), d)
    return fallback


def describe(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


def worded_by(exc: BaseException) -> Any:
    """The :class:`~policy.messages.Message` an error is worded by, or None."""
    from policy.messages import Message

    message = getattr(exc, "message", None)
    return message if isinstance(message, Message) else None


# ------------------------------------------------------------------ policies
def policy_recipe(policy: Any) -> tuple:
    """How to rebuild ``policy`` in another process.

    A YAML policy becomes its text, source name, start day and base directory (the
    child recompiles it); the built-in no-moderation policy a marker; anything else is
    sent as it is (and must pickle).
    """
    from policy.builtin import NoModeration
    from policy.model import CompiledPolicy

    if isinstance(policy, CompiledPolicy):
        return ("yaml", policy.source, policy.file, policy.spec.start_day, _base_dir(policy))
    if isinstance(policy, NoModeration):
        return ("none", policy.name)
    return ("object", policy)


def _base_dir(policy: Any) -> str | None:
    """The directory a relative ``catalogue:`` was resolved against (None = the cwd).

    ``load_policy`` uses the file's directory, ``load_policy_text`` the cwd; the
    compiled policy does not say which, so pick the one that gives the same catalogue.
    """
    cat = policy.spec.catalogue
    if not cat or Path(cat).is_absolute():
        return None
    from policy.catalogue import read_catalogue

    here = Path(policy.file).parent
    if (here / cat).exists() and read_catalogue(here / cat) == policy.catalogue:
        return str(here)
    return None


def build_policy(recipe: tuple) -> Any:
    kind = recipe[0]
    if kind == "yaml":
        from policy import load_policy_text

        _, text, source, start_day, base_dir = recipe
        return load_policy_text(
            text, source, start_day=start_day, base_dir=Path(base_dir) if base_dir else None
        )
    if kind == "none":
        from policy.builtin import NoModeration

        return NoModeration(name=recipe[1])
    return recipe[1]


# ------------------------------------------------------------------ the server
class _Engine:
    def __init__(self) -> None:
        self.sim: Any = None
        self.niced = False
        self.wall = 0.0  # seconds spent stepping the current world

    def yield_cpu(self) -> None:
        """From the first day on, let the window win the CPU: where the scheduler puts
        both on one core, an engine at the same priority doubles the time of a chart
        repaint. (Warm-up and the first Setup keep full priority: the user waits for them,
        and a niceness cannot be lowered again.)"""
        if not self.niced:
            self.niced = True
            with contextlib.suppress(AttributeError, OSError):
                os.nice(ENGINE_NICENESS)

    def handle(self, op: str, *args: Any) -> tuple:
        if op == "setup":
            return self.setup(*args)
        if self.sim is None:
            raise RuntimeError("no world yet: press Setup")
        sim = self.sim
        if op == "step":
            self.yield_cpu()
            start = time.perf_counter()
            record = sim.step()
            self.wall += time.perf_counter() - start
            return ("ok", record, sim.day)
        if op == "param":
            sim.set_param(*args)
            return ("ok", sim.day, list(sim.history))
        if op == "policy":
            policy = build_policy(args[0])
            sim.set_policy(policy)
            return ("ok", sim.day, tuple(policy.rule_names), list(sim.history))
        if op == "feed":
            return ("ok", sim.feed(*args).copy())
        if op == "account":
            return ("ok", sim.account(*args))
        if op == "removed_feed":
            return ("ok", *find_removed_feed(sim, *args))
        if op == "save":
            from simulation.runs.live import save_live

            db, out, name, locale = args
            result = save_live(
                sim, db=db, out=out, name=name, wall_seconds=self.wall, locale=locale
            )
            return ("ok", result.run_id, None if result.out_dir is None else str(result.out_dir))
        raise ValueError(f"unknown request {op!r}")

    def setup(self, scenario: Any, recipe: tuple, seed: int) -> tuple:
        from simulation.world.engine import Simulation

        self.sim = None  # free the old world before building the next one
        policy = build_policy(recipe)
        sim = Simulation(scenario, policy, seed=seed)
        self.sim, self.wall = sim, 0.0
        return (
            "ok",
            tuple(sim.categories),
            tuple(int(v) for v in sim.watched),
            int(sim.scenario.days),
            int(sim.seed),
            str(sim.scenario.locale),
            tuple(policy.rule_names),
        )


def warm_up() -> None:
    """Import and touch what the first Setup, day and feed need (about 1 s), before the
    first request comes: compile a policy, build a tiny world, run a day, read a feed."""
    try:
        from policy import load_policy
        from simulation.scenario import load_scenario
        from simulation.world.engine import Simulation

        sim = Simulation(
            load_scenario("classroom").with_changes({"days": 1}), load_policy("crackdown")
        )
        sim.step()
        sim.feed(int(sim.watched[0]), 0)
        sim.account(0)
    except Exception:  # only a head start: the real requests report their own errors
        pass


def _exit_now() -> None:
    """Leave without tearing the interpreter down (a big world takes a while to free);
    this process holds nothing that needs saving."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def serve(conn: Any) -> None:
    """Answer requests from ``conn`` until ``shutdown`` or until the GUI's end closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the GUI process
    warm_up()
    engine = _Engine()
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            _exit_now()  # the GUI process is gone
        if msg[0] == "shutdown":
            _exit_now()
        if msg[0] == "forget":
            engine.sim = None
            gc.collect()
            continue
        try:
            reply = engine.handle(*msg)
        except Exception as exc:
            reply = ("error", describe(exc), worded_by(exc))
        try:
            conn.send(reply)
        except (EOFError, OSError):
            _exit_now()
        except Exception as exc:  # the reply does not pickle
            conn.send(("error", describe(exc), None))


# ------------------------------------------------------------------ compare
def compare_serve(conn: Any, scenario: Any, recipe_a: tuple, recipe_b: tuple, days: int) -> None:
    """Run two policies on the same world and seed, streaming each day's metrics.

    Messages: ``("day", day, metrics_a, metrics_b)`` per day, then ``("done", summary_a,
    summary_b)``, or ``("failed", message)``. Runs in its own process for the same reason
    as :func:`serve`: the GUI's event loop must never wait for the engine.
    """
    from simulation.runs.result import summarise
    from simulation.world.engine import Simulation

    try:
        start = time.perf_counter()
        sims = [
            Simulation(scenario, build_policy(recipe_a)),
            Simulation(scenario, build_policy(recipe_b)),
        ]
        with contextlib.suppress(OSError):
            os.nice(ENGINE_NICENESS)
        for _ in range(days):
            a, b = (s.step() for s in sims)
            conn.send(("day", a.day, dict(a.metrics), dict(b.metrics)))
        wall = time.perf_counter() - start
        conn.send(("done", *(summarise(s, s.metrics_frame(), wall / 2) for s in sims)))
    except Exception as exc:
        conn.send(("failed", describe(exc)))
    finally:
        conn.close()
