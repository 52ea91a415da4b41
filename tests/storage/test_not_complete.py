"""A run that is not complete (running, killed, failed, interrupted) is never exported,
reported or opened as if it were: with nothing stored, each says its state and writes
nothing (exit 2); with some days stored, the export says plainly that it is not complete.

The states are made by marking a stored run's row directly, as a ``kill -9`` leaves it
(status ``running``, a heartbeat that stops)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, update
from typer.testing import CliRunner

from simulation import run
from simulation.cli.main import app
from simulation.runs.storage import (
    STALE_SECONDS,
    DailyMetric,
    NothingStored,
    Run,
    RunWriter,
    now,
    open_db,
)
from simulation.scenario import parse_scenario

runner = CliRunner()

# status, seconds since the last heartbeat, error, the state a user is told
STATES = [
    ("running", 10, "", "running"),
    ("running", STALE_SECONDS + 60, "", "incomplete"),
    ("failed", 10, "boom on day 5", "failed"),
    ("interrupted", 10, "interrupted by the user", "interrupted"),
]


def stored_run(db, status: str, seconds: float, error: str, days: tuple[int, ...] = ()) -> int:
    """A run row as ``circlelab run`` writes it before day 0, then marked ``status``, its
    last heartbeat ``seconds`` ago; ``days``: daily metric rows stored for those days."""
    engine = open_db(db, write=True)
    writer = RunWriter(
        engine, scenario_name="demo", policy_name="crackdown", seed=7, days_requested=120
    )
    table = Run.__table__
    with engine.begin() as conn:
        conn.execute(
            update(table)
            .where(table.c.id == writer.run_id)
            .values(
                status=status,
                error=error,
                days_done=12,
                heartbeat_at=now() - dt.timedelta(seconds=seconds),
            )
        )
        for day in days:
            conn.execute(
                insert(DailyMetric.__table__).values(
                    run_id=writer.run_id, day=day, metric="posts", value=10.0
                )
            )
    return writer.run_id


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("status, seconds, error, state", STATES)
def test_export_of_a_run_with_nothing_stored_says_its_state_and_writes_nothing(
    tmp_path, status, seconds, error, state
):
    db = tmp_path / "runs.db"
    rid = stored_run(db, status, seconds, error)
    out = tmp_path / "exp"
    res = invoke("runs", "export", rid, "--db", db, "--out", out)
    assert res.exit_code == 2, res.output
    said = " ".join(res.stderr.split())
    assert f"run {rid} is not complete; its state is {state}" in said
    assert "nothing stored to export" in said
    assert "12 of 120 days" in said
    if error:
        assert error in said
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["runs.db"]  # no staging folder


@pytest.mark.parametrize("status, seconds, error, state", STATES)
def test_report_and_compare_of_such_a_run_say_the_same(tmp_path, status, seconds, error, state):
    db = tmp_path / "runs.db"
    rid = stored_run(db, status, seconds, error)
    for args in (("report", rid), ("report", f"run:{rid}"), ("compare", rid, rid)):
        res = invoke(*args, "--db", db, "--out", tmp_path / "rep")
        assert res.exit_code == 2, (args, res.output)
        said = " ".join(res.stderr.split())
        assert f"its state is {state}" in said and "nothing stored to report" in said
        assert not (tmp_path / "rep").exists()


def test_a_sweep_of_which_no_run_is_complete_names_every_state(tmp_path):
    db = tmp_path / "runs.db"
    a = stored_run(db, "failed", 10, "boom")
    b = stored_run(db, "running", STALE_SECONDS + 60, "")
    engine = open_db(db, write=True)
    with engine.begin() as conn:
        conn.execute(update(Run.__table__).values(sweep_id="sw-x"))
    res = invoke("report", "sw-x", "--db", db, "--out", tmp_path / "rep")
    assert res.exit_code == 2
    said = " ".join(res.stderr.split())
    assert "none of these 2 runs is complete" in said
    assert f"run {a}: failed" in said and f"run {b}: incomplete" in said


def test_a_run_with_some_days_stored_is_exported_saying_it_is_not_complete(tmp_path):
    """Rows of three days stored with a run whose status never became complete."""
    db = tmp_path / "runs.db"
    tiny = parse_scenario("name: tiny\nseed: 3\ndays: 25\npopulation: {accounts: 800}\n", "t")
    rid = run(tiny, "crackdown", days=3, db=db).run_id
    stale = now() - dt.timedelta(seconds=STALE_SECONDS + 60)
    with open_db(db, write=True).begin() as conn:
        conn.execute(update(Run.__table__).values(status="running", heartbeat_at=stale))
    out = tmp_path / "exp"
    res = invoke("runs", "export", rid, "--db", db, "--out", out)
    assert res.exit_code == 0, res.output
    assert "warning" in res.stderr and "not complete" in res.stderr
    page = " ".join((out / "report.html").read_text(encoding="utf-8").split())
    assert "(not complete)</h1>" in page
    assert "This run is not complete; its state is incomplete" in page
    assert "Only 3 day(s) of daily metrics are stored" in page
    assert len((out / "daily_metrics.csv").read_text().splitlines()) == 4  # header + 3 days


def test_the_stored_run_the_app_opens_refuses_the_same_runs(tmp_path):
    from app.stored import StoredRun

    db = tmp_path / "runs.db"
    empty = stored_run(db, "running", STALE_SECONDS + 60, "")
    partial = stored_run(db, "failed", 10, "boom", days=(0,))
    with pytest.raises(NothingStored, match=r"its state is incomplete.*nothing stored to open"):
        StoredRun(open_db(db), empty)
    opened = StoredRun(open_db(db), partial)
    assert "its state is failed" in opened.notice and len(opened.metrics) == 1
