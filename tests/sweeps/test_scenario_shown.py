"""Every report shows the scenario the runs ran: a stored run's report, a comparison and a
sweep's report, with the runs' --set values, days and seeds applied (the stored text is
the file as written)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.runs.scenario_shown import RanWith, scenarios_as_run
from simulation.sweeps.report import write_report
from tests.sweeps.conftest import small_sweep

runner = CliRunner()
DEMO = "name: demo-ish\npopulation: {accounts: 300}\ndays: 90\nseed: 11\n"


def _scenarios(page: Path) -> dict[str, str]:
    """The report's scenario section: heading → text."""
    text = page.read_text(encoding="utf-8")
    section = text[text.index("<h2>Scenario") :]
    section = section[: section.index("<h2>", 5)]
    found = re.findall(r"<h3>(.*?)</h3></summary><pre>(.*?)</pre>", section, flags=re.S)
    return {html.unescape(h): html.unescape(t) for h, t in found}


def _ok(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


def test_report_of_a_stored_run_shows_its_set_values_days_and_seed(tmp_path):
    # the report of run 1 showed classroom.yaml as written: seed 11, 90 days,
    # evasion_learn 0.7, beside numbers from seed 5, 3 days and evasion_learn 0.33
    db = str(tmp_path / "r.db")
    ran = ["--seed", "5", "--days", "3", "--set", "sellers.evasion_learn=0.33"]
    _ok(["run", "--scenario", "classroom", *ran, "--db", db])
    _ok(["report", "1", "--db", db, "--out", str(tmp_path / "rep")])
    (heading, text), *more = _scenarios(tmp_path / "rep" / "report.html").items()
    assert not more
    assert heading == "classroom (sellers.evasion_learn=0.33), seed 5"
    scenario = json.loads(text)
    assert (scenario["seed"], scenario["days"]) == (5, 3)
    assert scenario["sellers"]["evasion_learn"] == 0.33


def test_compare_shows_the_scenario_of_each_side(tmp_path):
    # a comparison showed side A's scenario only, though B ran another one
    db = str(tmp_path / "r.db")
    _ok(["run", "--scenario", "classroom", "--days", "2", "--seed", "1", "--db", db])
    _ok(["run", "--scenario", "demo", "--days", "2", "--seed", "2", "--db", db])
    _ok(["compare", "1", "2", "--db", db, "--out", str(tmp_path / "cmp")])
    shown = _scenarios(tmp_path / "cmp" / "report.html")
    assert list(shown) == ["A (1): classroom, seed 1", "B (2): demo, seed 2"]
    assert [json.loads(t)["name"] for t in shown.values()] == ["classroom", "demo"]
    assert [json.loads(t)["seed"] for t in shown.values()] == [1, 2]


def test_compare_shows_a_scenario_both_sides_ran_once(tmp_path):
    db = str(tmp_path / "r.db")
    for policy in ("none", "keywords"):
        _ok(["run", "--scenario", "classroom", "--policy", policy, "--days", "2", "--db", db])
    _ok(["compare", "1", "2", "--db", db, "--out", str(tmp_path / "cmp")])
    shown = _scenarios(tmp_path / "cmp" / "report.html")
    assert list(shown) == ["A (1): classroom, seed 11; B (2): classroom, seed 11"]


@pytest.mark.parametrize("stored", [False, True], ids=["in memory", "stored"])
def test_a_sweep_shows_each_parameter_value_with_its_seeds(tmp_path, stored):
    db = {"db": str(tmp_path / "s.db")} if stored else {}
    result = small_sweep(
        policies=("none",), seeds="1-2", days=3, sets={"sellers.evasion_learn": [0.2, 0.8]}, **db
    )
    shown = _scenarios(write_report(result, tmp_path / "rep"))
    assert list(shown) == [
        "classroom (sellers.evasion_learn=0.2), seeds 1–2",
        "classroom (sellers.evasion_learn=0.8), seeds 1–2",
    ]
    for value, text in zip((0.2, 0.8), shown.values(), strict=True):
        scenario = json.loads(text)
        assert scenario["sellers"]["evasion_learn"] == value
        assert scenario["days"] == 3
        assert "seed" not in scenario  # two seeds ran it: the heading names them


def test_runs_group_by_scenario_changes_and_days():
    runs = [
        RanWith(DEMO, {}, 5, 3, "demo-ish"),
        RanWith(DEMO, {}, 5, 1, "demo-ish"),
        RanWith(DEMO, {}, 5, 2, "demo-ish"),
        RanWith(DEMO, {}, 5, 7, "demo-ish"),
        RanWith(DEMO, {}, 9, 1, "demo-ish"),
        RanWith(DEMO, {"population.accounts": 200}, 5, 1, "demo-ish"),
    ]
    shown = scenarios_as_run(runs)
    assert [h for h, _t in shown] == [
        "demo-ish, 5 days, seeds 1–3, 7",
        "demo-ish, 9 days, seed 1",
        "demo-ish (population.accounts=200), seed 1",
    ]
    texts = [json.loads(t) for _h, t in shown]
    assert [t.get("seed") for t in texts] == [None, 1, 1]
    assert [t["days"] for t in texts] == [5, 9, 5]
    assert [t["population"]["accounts"] for t in texts] == [300, 300, 200]


def test_a_stored_text_the_code_no_longer_reads_is_shown_with_the_changes():
    ((heading, text),) = scenarios_as_run(
        [RanWith("population: {acounts: 500}\n", {"days": 4}, 4, s, "old") for s in (1, 2)]
    )
    assert heading == "old (days=4), seeds 1–2"
    assert text.startswith("population: {acounts: 500}\n")
    assert "# the run changed: days=4" in text and "seed" not in text


def test_the_scenarios_come_in_one_order_whatever_order_the_runs_finished_in():
    """Sweep runs finish in any order (and are stored, numbered, as they finish): the
    sections followed them, and the first one is the one shown open."""
    runs = [
        RanWith(DEMO, {"sellers.evasion_learn": v}, 5, s, "demo-ish")
        for v in (0.8, 0.2, 10.0)
        for s in (2, 1)
    ]
    shown = scenarios_as_run(runs)
    assert shown == scenarios_as_run(reversed(runs))
    assert [h for h, _t in shown] == [
        "demo-ish (sellers.evasion_learn=0.2), seeds 1–2",
        "demo-ish (sellers.evasion_learn=0.8), seeds 1–2",
        "demo-ish (sellers.evasion_learn=10.0), seeds 1–2",
    ]


def test_a_runs_parameters_are_split_between_its_scenario_and_its_policy():
    from simulation.runs.scenario_shown import split_parameters

    params = '{"policy:rules.*.delay_hours": 2, "sellers.evasion_learn": 0.4}'
    assert split_parameters(params) == ("sellers.evasion_learn=0.4", "rules.*.delay_hours=2")
    assert split_parameters("{}") == split_parameters("") == ("", "")
