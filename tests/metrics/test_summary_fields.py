"""Every number of a run's summary is defined once in the registry (a fact or a measure,
with unit and meaning), ``circlelab metrics`` knows each of them, and ``accounts_end``
counts what its definition says: accounts, not the people who never joined."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from simulation import run
from simulation.cli.main import app
from simulation.metrics.summary import FACTS, MEASURES, summary_field
from simulation.scenario import load_scenario

runner = CliRunner()


@pytest.fixture(scope="module")
def summary() -> dict:
    return run("classroom", "crackdown", days=3, seed=2).summary


def test_every_key_of_a_run_summary_is_a_registered_field(summary):
    for key in summary:
        field = summary_field(key)  # KeyError: not in the registry
        assert field.name == key and field.meaning
        res = runner.invoke(app, ["metrics", key, "--json"])
        assert res.exit_code == 0, (key, res.output)
        found = json.loads(res.output)
        summary_entries = [*found.get("run_facts", []), *found.get("run_measures", [])]
        assert [e["name"] for e in summary_entries] == [key]
    # and every fact and measure of the registry is in the summary, in the registry's order
    facts = [f.name for f in FACTS]
    assert list(summary) == [*facts[:-2], *(m.name for m in MEASURES), *facts[-2:]]


def test_accounts_end_counts_no_one_who_never_joined():
    """With nobody joining and no newcomer, the accounts at the end are those at the start;
    the people who might have joined (a tenth of the users here) were counted as accounts
    (1,500 → 1,641 on a 3-day classroom run)."""
    quiet = load_scenario("classroom").with_changes(
        {"users.join_prob": 0.0, "sellers.entry_per_day": 0.0, "spammers.entry_per_day": 0.0}
    )
    result = run(quiet, "none", days=3, seed=3)
    assert result.metrics["regular_prospects"].iloc[-1] > 100  # people who never joined
    assert result.summary["accounts_end"] == result.summary["accounts_start"] == 1500


def test_metrics_json_is_a_stable_shape():
    res = runner.invoke(app, ["metrics", "--json"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert list(data) == ["daily_metrics", "run_facts", "run_measures", "rule_counts"]
    for entries in data.values():
        assert entries
        for entry in entries:
            assert next(iter(entry)) == "name"
            assert {"name", "unit", "meaning"} <= set(entry)
            assert all(re.fullmatch(r"[a-z_]+", key) for key in entry)
    assert data["daily_metrics"][0].keys() == {
        "name",
        "unit",
        "breakdown",
        "over_a_run",
        "meaning",
    }
    assert "better" in data["run_measures"][0]
    one = json.loads(runner.invoke(app, ["metrics", "bans.wrongful", "--json"]).output)
    assert {k: [e["name"] for e in v] for k, v in one.items()} == {
        "daily_metrics": ["bans"],
        "rule_counts": ["bans"],
    }


def test_the_tables_keep_their_titles_and_headings():
    res = runner.invoke(app, ["metrics"], terminal_width=200)
    assert res.exit_code == 0
    text = res.output
    for title in (
        "Daily metrics (daily_metrics.csv: one column per metric and breakdown value)",
        "Run facts (the summary: what ran, and how long it took)",
        "Run measures (the summary; sweeps compare runs on these)",
        "Rule statistics (rule_stats.csv: per rule and day)",
    ):
        assert title in text
    for heading in ("metric", "breakdown", "over a run", "fact", "measure", "better", "count"):
        assert re.search(rf"┃ {heading}\s+┃", text), heading
