"""A world stepped by hand, saved part-way, equals a batch run of as many days; saving
does not disturb it."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import simulation
from policy import load_policy
from simulation.runs.live import live_result, save_live
from simulation.runs.storage import get_run, list_runs, load_metrics, open_db
from simulation.scenario import load_scenario
from simulation.world.engine import Simulation

DAYS, MORE = 12, 4


def _world() -> Simulation:
    scenario = load_scenario("classroom").with_changes({"days": DAYS + MORE})
    return Simulation(scenario, load_policy("crackdown"))


def test_saved_part_way_equals_a_batch_run_and_the_world_runs_on(tmp_path):
    sim = _world()
    for _ in range(DAYS):
        sim.step()
    result = save_live(sim, db=tmp_path / "r.db", out=tmp_path / "report", name="live")
    batch = simulation.run(sim.scenario, load_policy("crackdown"), days=DAYS)
    pd.testing.assert_frame_equal(result.metrics, batch.metrics)
    drop = ("wall_seconds", "posts_per_second")
    assert {k: v for k, v in result.summary.items() if k not in drop} == pytest.approx(
        {k: v for k, v in batch.summary.items() if k not in drop}, nan_ok=True
    )
    engine = open_db(tmp_path / "r.db")
    (run,) = list_runs(engine)
    assert run.id == result.run_id and run.name == "live" and run.days_done == DAYS
    assert get_run(engine, run.id).categories == ",".join(sim.categories)
    assert load_metrics(engine, run.id)["day"].tolist() == list(range(DAYS))
    summary = json.loads((tmp_path / "report" / "summary.json").read_text("utf-8"))
    assert summary["days"] == DAYS and (tmp_path / "report" / "report.html").is_file()
    # the live world is untouched: it goes on exactly as one that was never saved
    for _ in range(MORE):
        sim.step()
    other = _world()
    for _ in range(DAYS + MORE):
        other.step()
    pd.testing.assert_frame_equal(sim.metrics_frame(), other.metrics_frame())


def test_nothing_to_save_before_the_first_day(tmp_path):
    with pytest.raises(ValueError, match="no day simulated"):
        save_live(_world(), db=tmp_path / "r.db")
    assert live_result(_world()).metrics.empty


@pytest.mark.parametrize("where", ["writing", "building rows"])
@pytest.mark.parametrize(
    "error, status", [(RuntimeError, "failed"), (KeyboardInterrupt, "interrupted")]
)
def test_a_save_that_stops_midway_keeps_no_rows_and_says_so(
    tmp_path, monkeypatch, error, status, where
):
    """Saving a live world (File → Save run) that failed while writing, or while its rows
    were being built, left the stored run 'running'; rows written are rolled back."""
    from simulation.runs import live, storage

    real = storage._bulk

    def bulk(conn, table, rows, run_id):
        if table is storage.PostSample:  # after the metrics and rule rows
            raise error("the disk filled up")
        real(conn, table, rows, run_id)

    def post_rows(sim):
        raise error("the disk filled up")

    if where == "writing":
        monkeypatch.setattr(storage, "_bulk", bulk)
    else:
        monkeypatch.setattr(live, "post_rows", post_rows)
    sim = _world()
    for _ in range(3):
        sim.step()
    with pytest.raises(error):
        save_live(sim, db=tmp_path / "r.db")
    engine = open_db(tmp_path / "r.db")
    (run,) = list_runs(engine)
    assert run.status == status and run.days_done == 3
    if status == "failed":
        assert "the disk filled up" in run.error
    assert load_metrics(engine, run.id).empty
