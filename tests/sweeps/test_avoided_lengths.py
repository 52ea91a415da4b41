"""A stored run compared with a baseline run of another length: "avoided" sums both over
the days they both ran, as the report says. A 12-day crackdown run against a 20-day no
moderation run on the same seed summed the baseline over its 20 days, and reported 45%
of spam impressions avoided where the common days give 0.4%. The report names each
run's days when they differ."""

from __future__ import annotations

import math

from policy import load_policy
from simulation.runs.database import make_engine
from simulation.runs.run import run
from simulation.sweeps.aggregate import run_headlines
from simulation.sweeps.report import write_report
from simulation.sweeps.store import load_runs


def test_avoided_counts_only_the_days_both_runs_ran(tmp_path):
    db = tmp_path / "r.db"
    base = run("classroom", "none", days=20, seed=3, db=db)
    arm = run("classroom", "crackdown", days=12, seed=3, db=db)
    engine = make_engine(f"sqlite:///{db}")
    result = load_runs(engine, [base.run_id, arm.run_id])
    rh = run_headlines(result.runs, result.metrics, result.baseline)
    row = rh[rh["run_id"] == arm.run_id].iloc[0]
    # the crackdown starts on day 30, after this run's end: no day to measure
    assert math.isnan(row["spam_impressions_avoided"])
    # a policy in force from day 2: the common days are 2-11
    arm2 = run("classroom", load_policy("crackdown", start_day=2), days=12, seed=3, db=db)
    result = load_runs(engine, [base.run_id, arm2.run_id])
    rh = run_headlines(result.runs, result.metrics, result.baseline)
    row = rh[rh["run_id"] == arm2.run_id].iloc[0]
    m = result.metrics
    a = m[(m["run_id"] == arm2.run_id) & (m["day"] >= 2)]["impressions.spam"].sum()
    b = m[(m["run_id"] == base.run_id) & m["day"].between(2, 11)]["impressions.spam"].sum()
    assert row["spam_impressions_avoided"] == 1 - a / b
    longer = m[(m["run_id"] == base.run_id) & (m["day"] >= 2)]["impressions.spam"].sum()
    assert abs(row["spam_impressions_avoided"] - (1 - a / longer)) > 0.05  # the old reading
    report = write_report(result, tmp_path / "out", "compare")
    html = report.read_text(encoding="utf-8")
    days = html.split("<tr><td>days</td><td>")[1].split("<")[0]
    assert sorted(part.rsplit(": ", 1)[1] for part in days.split("; ")) == ["12", "20"]
