"""Keep a run that was stepped by hand (the desktop app's live world) like any other.

``simulation.run`` drives a ``Simulation`` from day 0 to its end and stores and writes
it on the way. A live world is stepped, paused and re-parametrised by a user instead;
:func:`live_result` and :func:`save_live` give it the same :class:`RunResult`, the same
database rows and the same report bundle, for the days simulated so far, with what was
changed while it ran (``Simulation.history``): the run is stored with the policy and
scenario it was set up with, the history, and a policy name that names every policy put
in force. The books are
closed (``Simulation.finish``) on a copy, so the world itself can run on afterwards.
"""

from __future__ import annotations

import copy
from pathlib import Path

from simulation.model_version import MODEL_VERSION
from simulation.runs.history import RunHistory
from simulation.runs.history import dumps as history_dumps
from simulation.runs.result import RunResult, account_rows, metrics_long, post_rows, summarise
from simulation.runs.run import code_version
from simulation.strict_json import dumps
from simulation.world.engine import Simulation


def closed_copy(sim: Simulation) -> Simulation:
    """A copy of ``sim`` with its books closed, as at the end of ``simulation.run``."""
    done = copy.deepcopy(sim, {id(sim.policy): sim.policy})
    done.finish()
    return done


def live_result(sim: Simulation, wall_seconds: float = 0.0) -> RunResult:
    """Metrics (one row per day simulated), rule statistics and summary of ``sim`` now,
    equal to what ``simulation.run`` returns after as many days. ``simulation`` is the
    closed copy."""
    done = closed_copy(sim)
    metrics = done.metrics_frame()
    rules = done.rule_frame()
    return RunResult(metrics, rules, summarise(done, metrics, wall_seconds), simulation=done)


def save_live(
    sim: Simulation,
    *,
    db: str | Path | None = None,
    out: str | Path | None = None,
    name: str = "",
    wall_seconds: float = 0.0,
    locale: str = "en_US",
) -> RunResult:
    """Store ``sim`` in the database ``db`` (``run_id`` set) and/or write its report
    bundle to ``out`` (``out_dir`` set; ``out`` is replaced, see ``write_outputs``), the
    report in the language ``locale``.

    Raises ``ValueError`` when no day has been simulated yet.
    """
    if not sim.records:
        raise ValueError("no day simulated yet: nothing to save")
    result = live_result(sim, wall_seconds)
    done = result.simulation
    assert done is not None
    if db is not None:
        from simulation.runs.storage import RunWriter, open_db

        # what the run was set up with, and what was changed while it ran: the policy
        # named is every policy put in force ("none → crackdown (day 30)"), never the
        # last one alone, and the scenario is the one day 0 ran with
        scen, history = done.start_scenario, RunHistory.of_simulation(done)
        writer = RunWriter(
            open_db(db),
            name=name or f"{scen.name} × {history.name()}",
            scenario_name=scen.name,
            scenario_yaml=scen.model_dump_json(indent=1),
            policy_name=history.name(),
            policy_text=history.start_source,
            history_json=history_dumps(done.history),
            seed=done.seed,
            days_requested=done.scenario.days,
            code_version=code_version(),
            model_version=MODEL_VERSION,
            locale=scen.locale,
            params_json=dumps({}),
        )
        with writer.marked_if_stopped(len(result.metrics)):  # never left 'running'
            writer.set_categories(done.categories)
            world = done.world
            writer.complete(
                days_done=len(result.metrics),
                wall_seconds=wall_seconds,
                summary=result.summary,
                metrics=metrics_long(result.metrics),
                rules=result.rules.to_dict("records"),
                posts=post_rows(done),
                feed=[{"viewer": v, "day": d, "post_id": p} for v, d, p in world.feed_rows],
                events=world.events,
                accounts=account_rows(done),
            )
        result.run_id = writer.run_id
    if out is not None:
        from simulation.runs.outputs import write_outputs

        result.out_dir = write_outputs(result, done, Path(out), locale=locale)
    return result
