""" "Avoided" is measured only against a baseline run of the same world.

``compare`` set a policy's run against a no-moderation run of another world and printed
the difference between the worlds as the policy's doing: a corpus_demo run against a
classroom baseline showed 83% of spam impressions avoided, and a copy of classroom.yaml
with twice the accounts (still named "classroom") gave a keyword filter far more than
its own baseline did. Now such a measure is undefined, and the report and the command
say which of the scenario, its text, the parameters and the seed differ. Runs of the
same world keep their numbers, computed here from the stored daily metrics, and so does
a baseline whose scenario file differs only in its comments.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.paths import assets_dir
from simulation.runs.database import make_engine
from simulation.runs.run import run
from simulation.sweeps.aggregate import NO_BASELINE, run_headlines, why_undefined
from simulation.sweeps.store import load_runs

DAYS, SEED = 8, 5
runner = CliRunner()


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """Five stored runs: classroom under no moderation (1) and under the keyword filter
    (2); no moderation in a copy of classroom.yaml with 3,000 accounts, still named
    classroom (3), and in a copy that only adds a comment (4); corpus_demo under the
    spam preset (5); the keyword filter on classroom with another seed (6)."""
    folder = tmp_path_factory.mktemp("same_world")
    text = (assets_dir() / "scenarios" / "classroom.yaml").read_text(encoding="utf-8")
    bigger = folder / "myclass.yaml"
    bigger.write_text(text.replace("  accounts: 1500", "  accounts: 3000"), encoding="utf-8")
    assert bigger.read_text(encoding="utf-8") != text
    comment = folder / "commented.yaml"
    comment.write_text("# the same world, another layout\n" + text, encoding="utf-8")
    db = folder / "r.db"
    ids = [
        run(scenario, policy, days=DAYS, seed=seed, db=db).run_id
        for scenario, policy, seed in (
            ("classroom", "none", SEED),
            ("classroom", "keywords", SEED),
            (bigger, "none", SEED),
            (comment, "none", SEED),
            ("corpus_demo", "spam", SEED),
            ("classroom", "keywords", SEED + 1),
        )
    ]
    assert ids == [1, 2, 3, 4, 5, 6]
    return db, make_engine(f"sqlite:///{db}")


def headlines(engine, *run_ids: int) -> pd.DataFrame:
    result = load_runs(engine, list(run_ids))
    return run_headlines(result.runs, result.metrics, result.baseline).set_index("run_id")


def metrics(engine, run_id: int) -> pd.DataFrame:
    return load_runs(engine, [run_id]).metrics.drop(columns="run_id")


def test_the_same_world_keeps_its_numbers(stored):
    """1 - arm / baseline of the daily sums, against the baseline of its world; a
    scenario file that differs only in a comment is the same world (its runs are the
    same, bit for bit) and gives the same number."""
    _db, engine = stored
    arm, base = metrics(engine, 2), metrics(engine, 1)
    pd.testing.assert_frame_equal(base, metrics(engine, 4))
    for rel, cols in (
        ("spam_impressions_avoided", ["impressions.spam"]),
        ("offer_impressions_avoided", ["impressions.offer"]),
    ):
        expected = 1 - arm[cols].to_numpy(float).sum() / base[cols].to_numpy(float).sum()
        for baseline in (1, 4):
            row = headlines(engine, baseline, 2).loc[2]
            assert row[rel] == expected, (rel, baseline)
            assert row[NO_BASELINE] == ""


def test_another_world_has_no_avoided_and_says_why(stored):
    _db, engine = stored
    # the same name, another text: 3,000 accounts
    rh = headlines(engine, 3, 2)
    row = rh.loc[2]
    assert all(math.isnan(row[m]) for m in ("spam_impressions_avoided", "harm_avoided"))
    assert rh.loc[3, "spam_impressions_avoided"] == 0  # the baseline against itself
    why = row[NO_BASELINE]
    assert "not the same world" in why and "run 3" in why
    assert "the same scenario name (classroom) with another scenario text" in why
    assert "population.accounts 1,500 against 3,000" in why
    assert why_undefined("harm_avoided", rh.loc[[2]]) == why
    # another scenario
    why = headlines(engine, 1, 5).loc[5, NO_BASELINE]
    assert math.isnan(headlines(engine, 1, 5).loc[5, "spam_impressions_avoided"])
    assert "another scenario (classroom, this run corpus_demo)" in why
    # another seed of the same scenario
    rh = headlines(engine, 1, 6)
    assert math.isnan(rh.loc[6, "offer_impressions_avoided"])
    assert rh.loc[6, NO_BASELINE] == (
        f"no baseline run on seed {SEED + 1} (the baseline ran the same scenario on seed {SEED})"
    )


def test_compare_and_report_show_it(stored, tmp_path):
    db, _engine = stored

    def invoke(*args: str) -> str:
        res = runner.invoke(app, [*args, "--db", str(db)], terminal_width=400)
        assert res.exit_code == 0, res.output
        return " ".join(res.output.split())

    said = invoke("compare", "3", "2", "--out", str(tmp_path / "c"))
    assert "note: 'avoided' is undefined for B (2): Keyword filter only: its baseline" in said
    html = (tmp_path / "c" / "report.html").read_text(encoding="utf-8")
    assert '<strong>"Avoided" is undefined</strong>' in html
    assert "population.accounts 1,500 against 3,000" in html
    rows = pd.read_csv(tmp_path / "c" / "data" / "run_headlines.csv").set_index("run_id")
    assert rows.loc[2, ["harm_avoided", "spam_impressions_avoided"]].isna().all()
    cells = re.search(r"<td>spam impressions avoided</td><td>higher</td>\s*(.*?)</tr>", html, re.S)
    assert cells is not None and cells.group(1).count('<td class="num">–</td>') == 1
    # a single run's report picks a stored baseline of its world only: the commented
    # copy (run 4), never the 3,000-account one (run 3), though both are newer than run 1
    said = invoke("report", "2", "--baseline", "none", "--out", str(tmp_path / "r"))
    assert "measured against run 4 (No moderation)" in said
    assert "undefined" not in said


def test_the_same_world_is_the_scenario_as_it_ran():
    """Name, description, comments and days are not the world; settings and parameters
    are (the parameters applied to the text: --set accounts=3000 is the bigger copy)."""
    from simulation.runs.same_world import world_of

    text = (assets_dir() / "scenarios" / "classroom.yaml").read_text(encoding="utf-8")
    same = [
        text,
        "# a comment\n" + text,
        text.replace("name: classroom", "name: another"),
        text.replace("days: 90", "days: 30"),
    ]
    assert len({world_of(t).key for t in same}) == 1
    bigger = text.replace("  accounts: 1500", "  accounts: 3000")
    assert world_of(bigger).key != world_of(text).key
    assert world_of(text, '{"population.accounts": 3000}').key == world_of(bigger).key
    # a policy parameter is not the world's
    assert world_of(text, '{"policy:start_day": 3}').key == world_of(text).key


@pytest.mark.parametrize(("world_b", "paired"), [("w1", True), ("w2", False)])
def test_arms_of_two_worlds_are_not_paired_by_seed(world_b, paired):
    """A paired test takes the seed to fix the world, which holds only within one world:
    two arms on the same seeds of two worlds (another scenario, or a copy stored under
    the same name with other settings) are compared unpaired (Welch), whatever their
    parameters say."""
    from simulation.sweeps.aggregate import compare_arms

    a, b = [5.0, 6.0, 8.0], [7.0, 7.5, 11.0]
    rh = pd.DataFrame(
        [
            {
                "arm": arm,
                "world": world,
                "scenario_params": "{}",
                "seed": seed,
                "spam_impressions": v,
            }
            for arm, world, values in (("A", "w1", a), ("B", world_b, b))
            for seed, v in enumerate(values, start=1)
        ]
    )
    row = compare_arms(rh, "A", "B", measures=["spam_impressions"]).iloc[0]
    assert row["test"] == (
        "paired t-test over 3 seeds" if paired else "Welch t-test, 3 and 3 seeds"
    )


def test_an_arm_with_two_runs_of_one_world_and_seed_is_compared_unpaired():
    """Two stored runs of one world and seed in one arm (two scenario files with the same
    settings) gave every copy paired with every copy; they are compared unpaired."""
    from simulation.sweeps.aggregate import compare_arms

    rows = [("A", 1, 5.0), ("A", 1, 5.5), ("A", 2, 6.0), ("B", 1, 7.0), ("B", 2, 8.0)]
    rows += [("B", 3, 9.5)]
    rh = pd.DataFrame(
        [
            {"arm": a, "world": "w", "scenario_params": "{}", "seed": s, "spam_impressions": v}
            for a, s, v in rows
        ]
    )
    row = compare_arms(rh, "A", "B", measures=["spam_impressions"]).iloc[0]
    assert row["test"] == "Welch t-test, 3 and 3 seeds"
    assert row["difference"] == pytest.approx((5.0 + 5.5 + 6.0) / 3 - (7.0 + 8.0 + 9.5) / 3)
