"""A sweep over parameters whose values are lists or maps (``--set events=[]``), or whose
values are of several kinds (a number beside a word), groups, sorts and reports its runs:
it ran every run and then stopped with a traceback (exit 1) while sorting them. A
parameter given no value is an input error before anything runs (exit 2)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.sweeps.report import write_report
from simulation.sweeps.results import value_order
from simulation.sweeps.sweep import sweep

runner = CliRunner()
SWEEP = ["sweep", "--scenario", "classroom", "--policy", "none", "--seeds", "1", "--days", "2"]
CATEGORIES = "rules.*.scope.categories"
EVENT = {"day": 1, "announce": {"risk_multiplier": 2.0}}


def test_sweep_set_of_an_empty_list_runs_and_reports(tmp_path):
    db, out = tmp_path / "runs.db", tmp_path / "report"
    args = [*SWEEP, "--workers", "1", "--db", str(db), "--set", "events=[]", "--out", str(out)]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert (out / "report.html").exists()
    runs = pd.read_csv(out / "data" / "runs.csv")
    assert list(runs["set:events"]) == ["[]"]
    assert list(runs["arm"]) == ["No moderation (events=[])"]


def test_list_map_and_mixed_values_are_grouped_and_sorted_as_their_json(tmp_path):
    """Two list values of a policy parameter, two event lists (maps inside), a start day
    given as a number and as a word: one arm per combination, ordered by value (numbers
    first, then texts), and a report with its trade-off points."""
    result = sweep(
        scenario="classroom",
        policies=["none", "crackdown"],
        seeds="1",
        days=2,
        workers=1,
        sets={"events": [[], [EVENT]]},
        policy_sets={CATEGORIES: [["medical", "tobacco"], ["medical"]], "start_day": ["1", 0]},
        db=str(tmp_path / "runs.db"),
    )
    runs = result.runs
    assert result.failed == 0 and len(runs) == 2 + 2 * 2 * 2
    events = json.dumps([EVENT], sort_keys=True)
    assert set(runs["set:events"]) == {"[]", events}
    crackdown = runs[~runs["no_rules"]]
    assert crackdown["arm"].nunique() == 8
    assert list(crackdown["policy:start_day"].iloc[:2]) == [0, "1"]  # the number first
    assert list(crackdown["policy:" + CATEGORIES].iloc[:4:2]) == [
        '["medical", "tobacco"]',
        '["medical"]',
    ]
    assert f"events={events}" in crackdown["arm"].iloc[-1]
    # one report, as a study's (a study without an x plots the same trade-off points as
    # a plain sweep's report; only its curve is the study's own)
    write_report(result, tmp_path / "study", study={"title": "lists"})
    points = pd.read_csv(tmp_path / "study" / "data" / "tradeoff.csv")
    assert len(points) == 8 and points["label"].is_unique
    # a study's curve needs a parameter of numbers: none here, so none is drawn
    assert not (tmp_path / "study" / "charts" / "study_curve.png").exists()
    assert (tmp_path / "study" / "charts" / "tradeoff.png").exists()


def test_value_order_ranks_numbers_then_texts_and_leaves_missing_values_out():
    values = pd.Series([6, "fast", None, 1.5, "[]", np.nan, 6.0], dtype=object)
    ranks = value_order(values).tolist()
    assert ranks[:2] == [1, 3] and ranks[3:5] == [0, 2] and ranks[6] == 1
    assert np.isnan(ranks[2]) and np.isnan(ranks[5])


def test_a_parameter_without_a_value_is_refused_before_any_run(tmp_path):
    db = tmp_path / "runs.db"
    res = runner.invoke(app, [*SWEEP, "--db", str(db), "--set", "sellers.evasion_learn=,"])
    assert res.exit_code == 2, res.output
    assert " ".join(res.stderr.split()) == ("error: --set sellers.evasion_learn=,: no value given")
    assert not db.exists()  # nothing ran, nothing was stored
