"""Sweeps in the database: each run stored as an ordinary run tagged with the sweep id,
and read back (one run, a sweep, or any set of runs) as a ``SweepResult``. The baseline
a sweep command named is kept with the sweep (``Sweep``), so that its report rebuilt from
the database measures "avoided" against the same policy.

Only the parent process writes: workers return rows, so SQLite never sees two writers
and Dask workers need no route to the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from policy.messages import msg
from simulation.model_version import MODEL_VERSION, stored_version
from simulation.runs import messages as R
from simulation.runs.history import RunHistory, stored_marks
from simulation.runs.marks import within
from simulation.runs.same_world import world_of
from simulation.runs.scenario_shown import RanWith
from simulation.runs.storage import (
    NothingStored,
    PostSample,
    Run,
    RunWriter,
    Sweep,
    database_errors,
    load_metrics,
    load_table,
    not_stored,
    now,
    state_message,
)
from simulation.runs.urls import mask_url
from simulation.strict_json import read_summary
from simulation.sweeps import words as W
from simulation.sweeps.execute import Outcome
from simulation.sweeps.plan import Job, job_key
from simulation.sweeps.results import (
    ChangedRun,
    SweepResult,
    finish_result,
    run_record,
    sample_posts,
)


@dataclass(frozen=True)
class StoredJob:
    """A run stored under a sweep id: its id, status and the model version it was made
    under (0: stored before versions were recorded)."""

    run_id: int
    status: str
    model_version: int


def stored_keys(engine: Engine, sweep_id: str) -> dict[str, list[StoredJob]]:
    """Job key → the runs already stored under this sweep id for that job."""
    with Session(engine) as session:
        rows = session.exec(
            select(
                Run.id,
                Run.policy_text,
                Run.seed,
                Run.params_json,
                Run.days_requested,
                Run.status,
                Run.model_version,
            ).where(Run.sweep_id == sweep_id)
        ).all()
    out: dict[str, list[StoredJob]] = {}
    for rid, text, seed, pj, days, status, version in rows:
        stored = StoredJob(int(rid), status, stored_version(version))
        out.setdefault(job_key(text, seed, pj, days), []).append(stored)
    return out


def save_baseline(engine: Engine, sweep_id: str, baseline: str) -> None:
    """Keep ``baseline`` (a policy name of the sweep) as the sweep's baseline, replacing
    one an earlier command named."""
    with database_errors(engine), Session(engine) as session:
        row = session.get(Sweep, sweep_id)
        if row is None:
            session.add(Sweep(id=sweep_id, baseline=baseline))
        else:
            row.baseline, row.updated_at = baseline, now()
            session.add(row)
        session.commit()


def stored_baseline(engine: Engine, sweep_id: str) -> str | None:
    """The baseline the sweep's last command named (None when none did)."""
    with database_errors(engine), Session(engine) as session:
        row = session.get(Sweep, sweep_id)
        return None if row is None else row.baseline


def store(engine: Engine, job: Job, outcome: Outcome) -> int:
    """Write one outcome as a run (complete, or failed with its error); returns its id."""
    writer = RunWriter(
        engine,
        name=f"{job.sweep_id}: {job.policy_name} seed {job.seed}",
        scenario_name=job.scenario.name,
        scenario_yaml=job.scenario_text,
        policy_name=job.policy_name,
        policy_text=job.policy.text,
        seed=job.seed,
        days_requested=job.days,
        code_version=outcome.code_version,
        model_version=outcome.model_version,
        locale=job.scenario.locale,
        params_json=job.params_json,
        history_json="[]",  # a sweep's runs are run from start to end unchanged
        sweep_id=job.sweep_id,
        categories=",".join(outcome.categories),
    )
    if outcome.ok:
        r = outcome.rows
        writer.complete(
            days_done=outcome.days_done,
            wall_seconds=outcome.wall_seconds,
            summary=outcome.summary,
            metrics=r["metrics"],
            rules=r["rules"],
            posts=r["posts"],
            feed=r["feed"],
            events=r["events"],
            accounts=r["accounts"],
        )
    else:
        writer.fail("failed", outcome.error, outcome.days_done)
    return writer.run_id


def load_runs(
    engine: Engine,
    run_ids: Sequence[int],
    sweep_id: str = "",
    baseline: str | None = None,
    doing: str | None = None,
) -> SweepResult:
    """Stored runs (any set: one run, a sweep, two sweeps) as a SweepResult. With
    ``doing`` ("report"), a set of which no run is complete raises ``NothingStored``
    naming each run's state (a report reads complete runs only)."""
    with Session(engine) as session:
        runs = list(session.exec(select(Run).where(Run.id.in_(list(run_ids)))).all())
    if not runs:
        raise R.NotInDatabase(msg(R.NO_RUNS, runs=str(list(run_ids)[:5])))
    runs, notes = one_version(runs)
    if doing is not None and not any(r.status == "complete" for r in runs):
        raise nothing_complete(sorted(runs, key=lambda r: r.id or 0), doing)
    records, metrics, texts, post_frames, changes, ran = [], [], {}, [], [], []
    marks: dict[str, list] = {}
    histories: dict[str, RunHistory] = {}
    for run in sorted(runs, key=lambda r: r.id):
        history = RunHistory.of_run(run)
        ran.append(
            RanWith.stored(
                run.scenario_yaml, run.params_json, run.days_requested, run.seed, run.scenario_name
            )
        )
        rec = run_record(
            run_id=run.id,
            sweep_id=run.sweep_id,
            status=run.status,
            policy=run.policy_name,
            policy_text=run.policy_text,
            params_json=run.params_json,
            seed=run.seed,
            days=run.days_requested,
            summary=read_summary(run.summary_json),
            code_version=run.code_version,
            model_version=stored_version(run.model_version),
            scenario=run.scenario_name,
            scenario_text=run.scenario_yaml,
            error=run.error,
            wall_seconds=run.wall_seconds,
            history=history,
        )
        records.append(rec)
        # a run whose policy was changed while it ran: every policy in force, by day
        if rec["arm"] not in texts:
            texts[rec["arm"]] = history.policy_account()
            if history.policy_changes():
                histories[rec["arm"]] = history  # (to tell it in a report's language)
        if rec["arm"] not in marks:
            every = stored_marks(run.scenario_yaml, run.policy_text, history.changes)
            marks[rec["arm"]] = within(every, 0, run.days_requested - 1)  # the days it ran
        if history.changed:
            changes.append(ChangedRun(int(run.id or 0), rec["arm"], int(run.seed), history))
        if run.status == "complete":
            metrics.append(load_metrics(engine, run.id).assign(run_id=run.id))
            if not any(f["arm"].iat[0] == rec["arm"] for f in post_frames if len(f)):
                posts = load_table(engine, PostSample, run.id)
                post_frames.append(sample_posts(posts, rec))
    posts = pd.concat(post_frames, ignore_index=True) if post_frames else None
    result = finish_result(
        sweep_id or (runs[0].sweep_id or f"run-{runs[0].id}"),
        records,
        metrics,
        baseline,
        posts,
        texts,
        ran,
    )
    result.changes = changes
    result.notes = notes
    result.marks = marks
    result.histories = histories
    # where the runs are stored, as reports show it (the password masked); unset, a
    # report of stored runs said they were kept "(in memory)"
    result.db = mask_url(engine.url.render_as_string(hide_password=False))
    return result


def one_version(runs: Sequence[Run]) -> tuple[list[Run], list[str]]:
    """``runs`` of one model version, and notes saying what was left out and why: numbers
    computed under other rules are never mixed. The version kept is the newest among the
    complete runs (among all runs when none is complete); runs stored before versions were
    recorded count as version 0. When the version kept is not this code's
    (``MODEL_VERSION``), a note says so: older (a measure added since may be missing from
    them) or newer (made by a newer Circle Lab)."""
    version = {id(r): stored_version(r.model_version) for r in runs}
    done = [version[id(r)] for r in runs if r.status == "complete"]
    kept = max(done or version.values())
    notes: list[str] = []
    left: dict[int, int] = {}
    for r in runs:
        if version[id(r)] != kept:
            left[version[id(r)]] = left.get(version[id(r)], 0) + 1
    for v, n in sorted(left.items()):
        notes.append(
            W.Note(
                W.NOTE_LEFT_OUT if n != 1 else W.NOTE_LEFT_OUT_ONE,
                **({"count": n} if n != 1 else {}),
                version=W.version_said(v),
                kept=W.version_said(kept),
            )
        )
    if kept != MODEL_VERSION:
        said = W.NOTE_OLDER if kept < MODEL_VERSION else W.NOTE_NEWER
        notes.append(W.Note(said, version=W.version_said(kept), current=str(MODEL_VERSION)))
    return [r for r in runs if version[id(r)] == kept], notes


def nothing_complete(runs: Sequence[Run], doing: str) -> NothingStored:
    """The error for runs of which none is complete: each run's state (the first ten)."""
    if len(runs) == 1:
        return not_stored(runs[0], doing)
    states = R.joined([msg(R.RUN_STATE, run=r.id, state=state_message(r)) for r in runs[:10]])
    more = msg(R.AND_MORE, count=len(runs) - 10) if len(runs) > 10 else ""
    return NothingStored(
        msg(
            R.NONE_COMPLETE,
            count=len(runs),
            doing=R.doing_text(doing),
            states=states,
            more=more,
        )
    )


def same_world_runs(
    engine: Engine,
    run_id: int,
    policy_name: str,
    other_versions: dict[int, tuple[int, int]] | None = None,
) -> list[int]:
    """Complete runs of the same world as run ``run_id`` (the same scenario as it ran,
    its text's settings with the run's parameters applied: ``simulation.runs.same_world``;
    the same seed) and as many days, made under the same model version, under the policy
    named ``policy_name``, newest first: a baseline a single run's report can be measured
    against. ``other_versions``, when given, is filled with the runs that match but for
    their model version: run id → (its version, run ``run_id``'s version)."""
    with Session(engine) as session:
        run = session.get(Run, run_id)
        if run is None:
            return []
        rows = session.exec(
            select(Run.id, Run.scenario_yaml, Run.params_json, Run.model_version)
            .where(
                Run.id != run_id,
                Run.status == "complete",
                Run.policy_name == policy_name,
                Run.seed == run.seed,
                Run.days_requested == run.days_requested,
            )
            .order_by(Run.id.desc())
        ).all()
        world = world_of(run.scenario_yaml, run.params_json).key
        version = stored_version(run.model_version)
    same = [
        (int(rid), stored_version(made))
        for rid, text, params, made in rows
        if world_of(text, params).key == world
    ]
    if other_versions is not None:
        other_versions.update({rid: (v, version) for rid, v in same if v != version})
    return [rid for rid, v in same if v == version]


def load_sweep(
    engine: Engine, sweep_id: str, baseline: str | None = None, doing: str | None = None
) -> SweepResult:
    """Every run stored under a sweep id, measured against ``baseline`` (a policy name),
    else the baseline its sweep command named, else a policy without rules."""
    with Session(engine) as session:
        ids = list(session.exec(select(Run.id).where(Run.sweep_id == sweep_id)).all())
    if not ids:
        raise R.NotInDatabase(msg(R.NO_SWEEP, sweep=sweep_id))
    return load_runs(
        engine, ids, sweep_id, baseline or stored_baseline(engine, sweep_id), doing=doing
    )


def load_any(engine: Engine, ref: str, doing: str = "report") -> SweepResult:
    """``12`` or ``run:12`` → that run; anything else (``sw-…``, ``sweep:x``) → a sweep id.
    Raises ``KeyError`` when there is no such run or sweep and ``NothingStored`` (each
    run's state) when none of its runs is complete: nothing stored to ``doing``."""
    ref = str(ref)
    if ref.startswith("run:"):
        return load_runs(engine, [int(ref[4:])], doing=doing)
    if ref.startswith("sweep:"):
        return load_sweep(engine, ref[6:], doing=doing)
    if ref.isdigit():
        try:
            return load_sweep(engine, ref, doing=doing)
        except KeyError:
            return load_runs(engine, [int(ref)], doing=doing)
    return load_sweep(engine, ref, doing=doing)
