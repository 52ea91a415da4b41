"""Sweeps give the same runs whichever way they run: serial, parallel, Dask, PostgreSQL;
resume skips what is complete; a failing run is recorded and the others finish."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select

from simulation.runs.storage import Run, RunWriter, open_db
from simulation.sweeps.execute import Outcome, execute
from simulation.sweeps.plan import Job, plan
from simulation.sweeps.sweep import sweep

from .conftest import DAYS, POLICIES, SCENARIO, SEEDS, small_sweep
from .helpers import assert_same_runs


def test_reference_sweep_is_complete(reference):
    assert reference.failed == 0 and reference.ran == 4 and reference.skipped == 0
    assert set(reference.runs["status"]) == {"complete"}
    assert reference.baseline == "No moderation"
    assert reference.runs["is_baseline"].sum() == 2
    # the keyword filter actually did something, so equality below is not trivially 0 == 0
    head = reference.headline().set_index(["arm", "measure"])["mean"]
    assert head[("Keyword filter only", "offer_impressions_avoided")] > 0.05


def test_parallel_equals_serial(reference, tmp_path):
    parallel = small_sweep(workers=2, db=str(tmp_path / "par.db"))
    assert parallel.ran == 4 and parallel.failed == 0
    assert_same_runs(reference, parallel)


def test_in_memory_equals_stored(reference):
    memory = small_sweep(workers=2)
    assert memory.db is None
    assert_same_runs(reference, memory)


DASK_SWEEP = """
import json, sys
import distributed
from tests.sweeps.conftest import small_sweep
if __name__ == "__main__":
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        done = small_sweep(dask=client, db=sys.argv[1])
    print(json.dumps({"ran": done.ran, "failed": done.failed}))
"""


def test_dask_localcluster_equals_local(reference, tmp_path):
    """Run in a process of its own: a Dask client leaves a thread behind for the life of
    its process (distributed's offload executor), and a process with a second thread
    never forks the worker that draws a report, which other tests of this process check."""
    pytest.importorskip("distributed")
    db = str(tmp_path / "dask.db")
    script = tmp_path / "dask_sweep.py"
    script.write_text(DASK_SWEEP, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, str(script), db], capture_output=True, text=True, env=env, cwd=root
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"ran": 4, "failed": 0}
    on_dask = small_sweep(workers=1, db=db)  # the same sweep again: every run is stored
    assert on_dask.ran == 0 and on_dask.skipped == 4
    assert_same_runs(reference, on_dask)


def test_postgresql_equals_sqlite(reference, postgres_url):
    on_pg = small_sweep(workers=2, db=postgres_url)
    assert on_pg.db.startswith("postgresql")
    assert on_pg.ran == 4 and on_pg.failed == 0
    assert_same_runs(reference, on_pg)
    again = small_sweep(workers=2, db=postgres_url)  # resume works there too
    assert (again.ran, again.skipped) == (0, 4)
    assert again.baseline == "No moderation"
    named = small_sweep(workers=2, db=postgres_url, baseline="keywords")  # kept there too
    assert (named.skipped, named.baseline) == (4, "Keyword filter only")
    assert small_sweep(workers=2, db=postgres_url).baseline == "Keyword filter only"


class Interrupt(Exception):
    pass


def test_resume_after_interruption(reference, tmp_path):
    db = str(tmp_path / "resume.db")
    seen = []

    def stop_after_two(done, total, job, outcome):
        seen.append(job.key)
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        small_sweep(workers=2, db=db, progress=stop_after_two)
    engine = open_db(db)
    with Session(engine) as s:
        stored = s.exec(select(Run.status)).all()
    assert stored.count("complete") == 2
    # a run killed between its first and its last write: left 'running', never complete
    p = plan(SCENARIO, POLICIES, SEEDS, days=DAYS)
    job = next(j for j in p.jobs if j.key not in seen)
    RunWriter(
        engine,
        policy_name=job.policy_name,
        policy_text=job.policy.text,
        seed=job.seed,
        params_json=job.params_json,
        days_requested=job.days,
        sweep_id=job.sweep_id,
    )
    resumed = small_sweep(workers=2, db=db)
    assert (resumed.skipped, resumed.ran, resumed.failed) == (2, 2, 0)
    assert len(resumed.runs) == 4 and set(resumed.runs["status"]) == {"complete"}
    assert_same_runs(reference, resumed)


def failing_runner(job: Job) -> Outcome:
    """Seed 2 of the keyword policy breaks; everything else runs normally."""
    if job.seed == 2 and job.policy_name == "Keyword filter only":
        try:
            raise RuntimeError("boom: injected failure")
        except RuntimeError:
            import traceback

            from simulation.sweeps.execute import failed

            return failed(job, traceback.format_exc())
    return execute(job)


def raising_runner(job: Job) -> Outcome:
    """A runner that raises instead of returning: the executor must still record it."""
    if job.seed == 1 and job.policy_name == "No moderation":
        raise RuntimeError("crash outside the job's own error handling")
    return execute(job)


def test_failing_run_is_recorded_and_others_finish(reference, tmp_path):
    db = str(tmp_path / "fail.db")
    result = small_sweep(workers=2, db=db, runner=failing_runner)
    assert result.failed == 1 and result.ran == 4
    bad = result.runs[result.runs["status"] == "failed"]
    assert len(bad) == 1 and "boom: injected failure" in bad["error"].iat[0]
    assert (result.runs["status"] == "complete").sum() == 3
    # a resume re-runs only the failed one, replacing its row
    fixed = small_sweep(workers=2, db=db)
    assert (fixed.skipped, fixed.ran, fixed.failed) == (3, 1, 0)
    assert len(fixed.runs) == 4
    assert_same_runs(reference, fixed)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_runner_that_raises_is_recorded_too(workers):
    result = small_sweep(workers=workers, runner=raising_runner)
    assert (result.ran, result.failed) == (4, 1)
    bad = result.runs[result.runs["status"] == "failed"]
    assert "crash outside" in bad["error"].iat[0]


def test_policy_parameter_sweep_applies_only_where_the_path_exists():
    p = plan(
        SCENARIO, ["none", "crackdown"], "1-2", days=5, policy_sets={"rules.*.delay_hours": [1, 24]}
    )
    arms = {(j.policy_name, j.params_json) for j in p.jobs}
    assert len(p.jobs) == 2 * (1 + 2)
    assert ("No moderation", "{}") in arms
    assert any(
        "policy 'none' has no rules and no announcements: it runs once" in n for n in p.notes
    )
    texts = {j.policy.text for j in p.jobs if j.policy_name != "No moderation"}
    assert any("delay_hours: 24" in t for t in texts)


def test_same_command_same_sweep_id_more_seeds_same_sweep():
    a = plan(SCENARIO, POLICIES, "1-2", days=DAYS)
    b = plan(SCENARIO, POLICIES, "1-5", days=DAYS)
    c = plan(SCENARIO, POLICIES, "1-2", days=DAYS + 1)
    assert a.sweep_id == b.sweep_id != c.sweep_id
    assert {j.key for j in a.jobs} <= {j.key for j in b.jobs}


def test_sweep_without_changes_runs_nothing_twice(reference):
    again = sweep(SCENARIO, POLICIES, SEEDS, days=DAYS, db=reference.db)
    assert (again.ran, again.skipped) == (0, 4)


def test_zipped_policy_parameters_move_together():
    p = plan(
        SCENARIO,
        ["none", "assets/studies/classifier_threshold.policy.yaml"],
        "1",
        days=5,
        policy_zip={
            "detectors.model.recall.default": [0.2, 0.9],
            "detectors.model.false_positive_rate.life": [0.001, 0.01],
        },
    )
    params = sorted(j.params_json for j in p.jobs)
    assert len(p.jobs) == 3  # none + 2 thresholds, not 2 x 2
    assert any('recall.default": 0.2' in x and 'life": 0.001' in x for x in params)
    with pytest.raises(ValueError, match="each needs the same number of values"):
        plan(
            SCENARIO,
            ["crackdown"],
            "1",
            days=5,
            policy_zip={"rules.*.delay_hours": [1, 2], "rules.*.strikes": [1]},
        )
