"""A policy acts from its first announcement or its first rule, whichever comes first.

An announcement on day 3 of enforcement from day 20 was taken for "no moderation"
until day 20: a 15-day run's note said "no rule acts, and the run is the same as no
moderation" though sellers left and offers fell after the announcement; a sweep counted
"avoided" from day 20, leaving out days 3-19 on which offer impressions were already
below the baseline's; and a policy that only announces became the baseline of a sweep
without ``none``. Each is checked here against the daily metrics of the runs.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from typer.testing import CliRunner

from policy import load_policy
from simulation.cli.cmd_sweep import baseline_line
from simulation.cli.main import app
from simulation.runs.marks import acts_from, first_action
from simulation.runs.result import policy_start
from simulation.runs.run import run
from simulation.sweeps.aggregate import run_headlines
from simulation.sweeps.plan import plan
from simulation.sweeps.sweep import sweep

ANNOUNCE, RULES = 3, 20
ANNOUNCEMENT = f"""\
announcements:
  - day: {ANNOUNCE}
    risk_multiplier: 10
    categories: [medical, tobacco, sexual_health, aphrodisiac]
"""
WARN_EARLY = f"""\
version: 1
name: Warn early
detectors:
  restricted_terms: {{type: keywords, mode: word, terms_from: catalogue}}
{ANNOUNCEMENT}schedule:
  - {{from_day: 0, rules: none}}
  - {{from_day: {RULES}, rules: all}}
rules:
  - name: restricted-goods
    when: {{hit: restricted_terms}}
    action: remove
"""
ANNOUNCEMENT_ONLY = f"""\
version: 1
name: Announcement only
{ANNOUNCEMENT}rules: []
"""
OFFERS = "impressions.offer"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("policies")
    (folder / "warn_early.yaml").write_text(WARN_EARLY, encoding="utf-8")
    (folder / "announce_only.yaml").write_text(ANNOUNCEMENT_ONLY, encoding="utf-8")
    return str(folder / "warn_early.yaml"), str(folder / "announce_only.yaml")


def test_the_first_day_a_policy_acts(files):
    warn, only = (load_policy(f) for f in files)
    assert (acts_from(warn), first_action(warn)) == (RULES, ANNOUNCE)
    assert (acts_from(only), first_action(only)) == (None, ANNOUNCE)
    assert first_action(warn, ANNOUNCE + 1) == RULES  # put in force after its announcement
    assert first_action(load_policy("none")) is None
    assert first_action(load_policy("crackdown")) == 30  # announced as its rules start
    quiet = load_policy(files[1]).source.replace("risk_multiplier: 10", "risk_multiplier: 1")
    from policy.loader import load_policy_text

    assert first_action(load_policy_text(quiet, "<quiet>")) is None  # a ×1 adds no fear


def test_a_run_note_says_whether_the_run_is_no_moderation(files):
    """Measured: 15 days of Warn early are not no moderation (the announcement acts);
    3 days are, bit for bit, and only then does the note say so."""
    warn = files[0]
    none15 = run("classroom", "none", days=15)
    warn15 = run("classroom", warn, days=15)
    created = [r.summary["offers_created"] for r in (none15, warn15)]
    assert created[1] < created[0]
    assert policy_start(run("classroom", warn, days=1, keep_simulation=True).simulation) == 3
    assert (
        run("classroom", warn, days=3)
        .metrics.drop(columns="day")
        .equals(run("classroom", "none", days=3).metrics.drop(columns="day"))
    )
    runner = CliRunner()
    base = ["run", "--scenario", "classroom", "--no-db", "--json", "--policy", warn]
    said = " ".join(runner.invoke(app, [*base, "--days", "15"]).output.split())
    assert "the run is the same as no moderation" not in said
    assert (
        "the rules of 'Warn early' are first in force on day 20, after this run's last day "
        "(14); only its announcement (day 3) acts in this run, which is not the same as no "
        "moderation" in said
    )
    said = " ".join(runner.invoke(app, [*base, "--days", "3"]).output.split())
    assert "'Warn early' first acts on day 3" in said and "the run is the same as no" in said


@pytest.fixture(scope="module")
def swept(files):
    return sweep("classroom", ("none", *files), "1-2", days=25, workers=1)


def _frames(result, policy: str, seed: int) -> pd.DataFrame:
    runs = result.runs
    (rid,) = runs.loc[(runs["policy"] == policy) & (runs["seed"] == seed), "run_id"]
    return result.metrics[result.metrics["run_id"] == rid]


def test_avoided_counts_from_the_announcement(swept):
    """1 - arm / baseline of the offer impressions summed from day 3, the announcement;
    on days 3-19, before the rules, the arm's offers were already seen less."""
    result = swept
    assert result.baseline == "No moderation"
    rh = run_headlines(result.runs, result.metrics, result.baseline).set_index(["policy", "seed"])
    for policy in ("Warn early", "Announcement only"):
        assert (result.runs.loc[result.runs["policy"] == policy, "policy_start"] == ANNOUNCE).all()
        assert not result.runs.loc[result.runs["policy"] == policy, "no_rules"].any()
        for seed in (1, 2):
            arm, base = _frames(result, policy, seed), _frames(result, "No moderation", seed)

            def since(frame: pd.DataFrame, day: int, until: int = 10**6) -> float:
                return float(frame.loc[frame["day"].between(day, until), OFFERS].sum())

            expected = 1 - since(arm, ANNOUNCE) / since(base, ANNOUNCE)
            assert rh.loc[(policy, seed), "offer_impressions_avoided"] == expected
            before = since(arm, 0, ANNOUNCE - 1), since(base, 0, ANNOUNCE - 1)
            assert before[0] == before[1]  # the same world until the announcement
            assert since(arm, ANNOUNCE, RULES - 1) < since(base, ANNOUNCE, RULES - 1)


def test_a_policy_that_announces_is_never_the_baseline(files):
    only = files[1]
    result = sweep("classroom", (only, "keywords"), "1", days=6, workers=1)
    assert result.baseline is None
    assert not result.runs["is_baseline"].any()
    rh = run_headlines(result.runs, result.metrics, result.baseline)
    assert rh["offer_impressions_avoided"].map(math.isnan).all()
    assert baseline_line(result).startswith("no baseline: no policy of no moderation")
    p = plan("classroom", ["none", only], "1")
    assert p.baseline == "No moderation"
    assert plan("classroom", [only, "keywords"], "1").baseline is None
    # its parameters are swept (the day of its announcement matters); none's are not
    p = plan("classroom", ["none", only], "1", policy_sets={"announcements.0.day": [3, 5]})
    assert sorted(j.params_json for j in p.jobs if j.policy_name == "Announcement only") == [
        '{"policy:announcements.0.day": 3}',
        '{"policy:announcements.0.day": 5}',
    ]


def test_a_sweep_notes_rules_after_its_last_day(files):
    notes = plan("classroom", [files[0]], "1", days=15).notes
    assert any(
        "are in force from day 20, after the sweep's last day (day 14): only its "
        "announcement acts in these runs, from day 3" in n
        for n in notes
    ), notes
