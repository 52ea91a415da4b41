"""An error about a command-line option names the option and the value as the user typed
them, with the nearest name when one is close, and exits 2 before anything runs:
``run --set`` and ``sweep --set`` alike (a sweep said "parameters:" and neither
suggested), ``--policy-set`` (reported at a line of the shipped policy file, a file
without that key) and ``--policy-zip`` (which option had how many values)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from simulation.cli.main import app

runner = CliRunner()
SWEEP = ("sweep", "--scenario", "classroom", "--seeds", "1", "--days", "2")


def said(*args: str, db=None) -> str:
    res = runner.invoke(app, [*args, *(["--db", str(db)] if db else [])])
    assert res.exit_code == 2, res.output
    assert not db or not db.exists()  # nothing ran, nothing was stored
    return " ".join(res.stderr.split())


@pytest.mark.parametrize(
    "command", [("run", "--scenario", "classroom", "--days", "2", "--no-db"), SWEEP]
)
def test_a_misspelt_set_names_the_option_and_the_parameter_meant(tmp_path, command):
    db = tmp_path / "runs.db" if command[0] == "sweep" else None
    text = said(*command, "--set", "sellers.evasion_lern=0.5", db=db)
    assert text == (
        "error: --set sellers.evasion_lern=0.5: unknown scenario parameter "
        "'sellers.evasion_lern' (did you mean 'sellers.evasion_learn'?)"
    )
    text = said(*command, "--set", "sellers.evasion_learn=abc", db=db)
    assert text.startswith("error: --set sellers.evasion_learn=abc: sellers.evasion_learn: ")
    assert "parameters:" not in text


def test_a_misspelt_policy_set_names_the_option_not_the_shipped_file(tmp_path):
    db = tmp_path / "runs.db"
    text = said(*SWEEP, "--policy", "crackdown", "--policy-set", "rules.*.delay_hourz=1,2", db=db)
    assert text.startswith("error: --policy-set rules.*.delay_hourz=1,2: rules[0].delay_hourz: ")
    assert "did you mean 'delay_hours'" in text and "policy 'crackdown'" in text
    assert "crackdown.yaml" not in text
    text = said(*SWEEP, "--policy", "crackdown", "--policy-set", "rules.*.delay_hours=-1", db=db)
    assert text.startswith("error: --policy-set rules.*.delay_hours=-1: rules[0].delay_hours: ")
    assert "crackdown.yaml" not in text
    text = said(*SWEEP, "--policy", "none", "--policy-set", "rules.*.strikes=2", db=db)
    assert text == (
        "error: --policy-set rules.*.strikes=2: no policy in the sweep has 'rules.*.strikes'"
    )


def test_a_policy_zip_of_unequal_lengths_names_each_option(tmp_path):
    text = said(
        *SWEEP,
        "--policy",
        "classifier_review",
        "--policy-zip",
        "detectors.model.recall=0.5,0.6",
        "--policy-zip",
        "detectors.model.false_positive_rate=0.1,0.2,0.3",
        db=tmp_path / "runs.db",
    )
    assert "--policy-zip detectors.model.recall=0.5,0.6 has 2" in text
    assert "--policy-zip detectors.model.false_positive_rate=0.1,0.2,0.3 has 3" in text


def test_an_error_of_the_policy_file_itself_stays_located_in_the_file(tmp_path):
    policy = tmp_path / "p.yaml"
    policy.write_text(
        "name: p\ndetectors:\n  kw: {type: keywords, terms: {tobacco: [vape]}}\n"
        "rules:\n  - {name: r, when: {hit: kw}, action: remove, delay_hourz: 2}\n",
        encoding="utf-8",
    )
    text = said(*SWEEP, "--policy", str(policy), "--policy-set", "rules.*.delay_hours=1,2")
    assert f"{policy}:5:" in text and "--policy-set" not in text
