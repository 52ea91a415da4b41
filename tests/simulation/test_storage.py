"""Runs in the database: complete, or visibly not; never half-written and looking complete."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from policy.builtin import NoModeration
from policy.interface import DayDecisions
from simulation import run
from simulation.runs.storage import (
    AccountRow,
    DailyMetric,
    FeedItem,
    ModerationEvent,
    PostSample,
    Run,
    list_runs,
    load_metrics,
    load_table,
    open_db,
    run_state,
)


class Exploding(NoModeration):
    """A policy that fails on a given day, as a bug in a hand-written policy would."""

    def __init__(self, day: int, error: type[BaseException] = RuntimeError):
        super().__init__(name="exploding")
        self.day, self.error = day, error

    def start(self, context):
        outer = self

        class Session:
            def decide(self, batch):
                if batch.day == outer.day:
                    raise outer.error(f"boom on day {batch.day}")
                return DayDecisions()

        return Session()


def test_stored_run_matches_the_result(tmp_path, tiny):
    db = tmp_path / "runs.db"
    result = run(tiny, "crackdown", days=12, seed=4, db=db)
    engine = open_db(db)
    (stored,) = list_runs(engine)
    assert stored.status == "complete" and run_state(stored) == "complete"
    assert stored.days_done == 12 and stored.seed == 4
    assert "crackdown" in stored.policy_text.lower() and stored.code_version
    metrics = load_metrics(engine, result.run_id)
    pd.testing.assert_frame_equal(
        metrics.reset_index(drop=True), result.metrics.astype({"day": "int64"}), check_dtype=False
    )
    posts = load_table(engine, PostSample, result.run_id)
    feed = load_table(engine, FeedItem, result.run_id)
    assert len(posts) > 0 and set(feed["post_id"]) <= set(posts["post_id"])
    assert (posts["text"].str.len().gt(0) | posts["has_image"]).all()  # image-only may be bare
    assert len(load_table(engine, AccountRow, result.run_id)) > 0


def test_failed_run_is_marked_and_writes_no_rows(tmp_path, tiny):
    db = tmp_path / "runs.db"
    with pytest.raises(RuntimeError):
        run(tiny, Exploding(5), days=10, db=db)
    engine = open_db(db)
    (stored,) = list_runs(engine)
    assert stored.status == "failed" and "boom on day 5" in stored.error
    assert stored.days_done == 5
    assert load_table(engine, DailyMetric, stored.id).empty
    assert load_table(engine, ModerationEvent, stored.id).empty


def test_interrupted_run_is_marked(tmp_path, tiny):
    db = tmp_path / "runs.db"
    with pytest.raises(KeyboardInterrupt):
        run(tiny, Exploding(3, KeyboardInterrupt), days=10, db=db)
    (stored,) = list_runs(open_db(db))
    assert stored.status == "interrupted"


class FailingStart(NoModeration):
    """A policy whose session cannot start: the world's build fails before day 1."""

    def __init__(self, error: type[BaseException] = RuntimeError):
        super().__init__(name="failing-start")
        self.error = error

    def start(self, context):
        raise self.error("no session for this world")


@pytest.mark.parametrize(
    "error, status", [(RuntimeError, "failed"), (KeyboardInterrupt, "interrupted")]
)
def test_a_run_whose_world_cannot_be_built_is_marked(tmp_path, tiny, error, status):
    """A failure while building the world left the stored run 'running' (and 'incomplete'
    only once its heartbeat was stale)."""
    db = tmp_path / "runs.db"
    with pytest.raises(error):
        run(tiny, FailingStart(error), days=10, db=db)
    engine = open_db(db)
    (stored,) = list_runs(engine)
    assert stored.status == status and run_state(stored) == status
    assert stored.days_done == 0
    if status == "failed":
        assert "no session for this world" in stored.error
    assert load_table(engine, DailyMetric, stored.id).empty


def test_a_killed_run_reads_as_incomplete():
    """A process killed mid-run leaves status 'running'; a stale heartbeat shows it."""
    now = dt.datetime(2026, 1, 1, 12, 0)
    fresh = Run(status="running", heartbeat_at=now - dt.timedelta(seconds=10))
    stale = Run(status="running", heartbeat_at=now - dt.timedelta(hours=1))
    assert run_state(fresh, now) == "running"
    assert run_state(stale, now) == "incomplete"


def test_any_sqlalchemy_url(tmp_path, tiny):
    url = f"sqlite:///{tmp_path / 'url.db'}"
    result = run(tiny, "none", days=3, db=url)
    assert load_metrics(open_db(url), result.run_id)["day"].tolist() == [0, 1, 2]


def test_metrics_with_gaps_round_trip(tmp_path, tiny):
    """Undefined ratios (precision with no removals) are stored as NULL, read back as NaN."""
    db = tmp_path / "gaps.db"
    result = run(tiny, "none", days=3, db=db)
    stored = load_metrics(open_db(db), result.run_id)
    assert np.isnan(stored["moderation_precision"]).all()
    assert np.isnan(result.metrics["moderation_precision"]).all()


def test_a_database_from_an_earlier_version_gets_new_columns(tmp_path, tiny):
    """Columns added since a database was made are added to it, old runs stay readable."""
    import sqlite3

    from simulation.runs.storage import engine_for

    path = tmp_path / "old.db"
    run(tiny, "none", days=2, db=path)
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE accountrow DROP COLUMN style")  # as an earlier version made it
    con.commit()
    con.close()
    engine_for.cache_clear()
    result = run(tiny, "keywords", days=2, db=path)  # writes rows with the new column
    engine = open_db(path)
    accounts = load_table(engine, AccountRow, result.run_id)
    assert "style" in accounts.columns and len(accounts) > 0
    assert len(list_runs(engine)) == 2


@pytest.mark.parametrize(("every", "beats"), [(0.0, list(range(1, 10))), (1e9, [])])
def test_progress_is_recorded_at_each_tenth_unless_recorded_lately(
    tmp_path, tiny, monkeypatch, every, beats
):
    """A run records its days done at each tenth of its days, but not sooner than
    HEARTBEAT_SECONDS after its last record (a short run makes no commits between)."""
    from simulation.runs import run as run_module
    from simulation.runs.storage import RunWriter

    recorded: list[int] = []
    heartbeat = RunWriter.heartbeat

    def spy(self, days_done):
        recorded.append(days_done)
        return heartbeat(self, days_done)

    monkeypatch.setattr(RunWriter, "heartbeat", spy)
    monkeypatch.setattr(run_module, "HEARTBEAT_SECONDS", every)
    result = run(tiny, "none", days=10, db=tmp_path / "beats.db")
    assert recorded == beats
    (stored,) = list_runs(open_db(tmp_path / "beats.db"))
    assert stored.id == result.run_id and stored.status == "complete"
    assert stored.days_done == 10
