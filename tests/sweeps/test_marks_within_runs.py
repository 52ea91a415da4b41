"""A sweep's marks are those of the days its runs covered: the classroom scenario's
day-30 announcement was listed for every arm of a 15-day sweep ("day 30: announcement
×3", in runs that ended on day 14), from memory and from the database alike."""

from __future__ import annotations

from simulation.runs.database import make_engine
from simulation.sweeps.store import load_sweep
from simulation.sweeps.sweep import sweep


def test_marks_after_the_last_day_are_not_the_sweeps(tmp_path):
    db = tmp_path / "s.db"
    kept = sweep(
        "classroom",
        ["none", "crackdown"],
        "1",
        policy_sets={"start_day": [5]},
        days=15,
        workers=1,
        db=db,
        keep="sample",
    )
    in_memory = sweep("classroom", ["crackdown"], "1", days=40, workers=1, keep="sample")
    stored = load_sweep(make_engine(f"sqlite:///{db}"), kept.sweep_id)
    for result in (kept, stored):
        days = sorted({m.day for marks in result.marks.values() for m in marks})
        assert days == [5]  # the crackdown's start and announcement; day 30 is after the end
    # a run long enough has the scenario's day-30 announcement
    assert 30 in {m.day for marks in in_memory.marks.values() for m in marks}
