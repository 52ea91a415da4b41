"""'Avoided' counts the days a policy is in force, and the headline says over how many
seeds a mean is taken."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest

from simulation.metrics.summary import AVOIDED_DAYS, RELATIVE
from simulation.sweeps.aggregate import MEASURES, run_headlines
from simulation.sweeps.report import headline_cell, write_report
from simulation.sweeps.sweep import sweep

START = 30  # the crackdown preset's start_day


@pytest.fixture(scope="module")
def late_start():
    """No moderation and the crackdown (in force from day 30) over 40 classroom days."""
    return sweep("classroom", ("none", "crackdown"), "1-2", days=40, workers=1)


def test_avoided_counts_the_days_from_the_policys_start(late_start):
    """Computed by hand from the daily metrics: 1 - arm / baseline over days 30-39 only.
    Over the whole run the 30 days before the start (the same world in both runs) diluted
    it: each avoided share is larger once those days are left out."""
    result = late_start
    rh = run_headlines(result.runs, result.metrics, result.baseline)
    assert result.baseline == "No moderation"
    runs = result.runs.set_index("run_id")
    m = result.metrics
    crack = rh[rh["policy"] != "No moderation"]
    assert len(crack) == 2 and set(crack["seed"]) == {1, 2}
    checked = 0
    for _i, row in crack.iterrows():
        (base_id,) = runs.index[(runs["policy"] == "No moderation") & (runs["seed"] == row["seed"])]
        arm, base = m[m["run_id"] == row["run_id"]], m[m["run_id"] == base_id]
        # before the start the two runs are the same world doing the same thing
        early = [c for c in m.columns if c.startswith(("units_sold.", "impressions."))]
        pd.testing.assert_frame_equal(
            arm.loc[arm["day"] < START, early].reset_index(drop=True),
            base.loc[base["day"] < START, early].reset_index(drop=True),
        )
        for rel, cols in (
            ("harm_avoided", [c for c in m.columns if c.startswith("units_sold.")]),
            ("offer_impressions_avoided", ["impressions.offer"]),
            ("violating_impressions_avoided", ["impressions.offer", "impressions.spam"]),
        ):

            def total(frame: pd.DataFrame, since: int, cols: list[str] = cols) -> float:
                return float(frame.loc[frame["day"] >= since, cols].to_numpy(float).sum())

            expected = 1 - total(arm, START) / total(base, START)
            assert row[rel] == pytest.approx(expected, rel=1e-12), rel
            whole = 1 - total(arm, 0) / total(base, 0)
            assert abs(row[rel]) > abs(whole) + 1e-9, (rel, row[rel], whole)
            checked += 1
    assert checked == 6
    base_rows = rh[rh["policy"] == "No moderation"]
    for rel in RELATIVE:  # the baseline against itself: nothing avoided
        assert (base_rows[rel.name] == 0).all(), rel.name


def test_the_report_says_which_days_and_how_many_seeds(late_start, tmp_path):
    page = write_report(late_start, tmp_path / "r", "late").read_text(encoding="utf-8")
    assert AVOIDED_DAYS.replace("'", "&#39;") in page
    assert "March-2024 personal-account crackdown: from day 30" in page
    assert "No moderation: from day 0" in page
    assert "<h2>Headline measures</h2>" in page
    for m in MEASURES.values():  # every headline measure defined, with when it is undefined
        assert f"<td>{m.label}</td><td>{m.unit}</td>" in page, m.name
        assert m.undefined.replace("'", "&#39;") in page, m.name


def test_the_baseline_holds_the_scenarios_own_events(late_start, tmp_path):
    """The classroom world announces a crackdown on day 30 in every arm, the baseline's
    too: "avoided" is measured beyond that announcement, and the page, the terminal and
    the Chinese page say so (the baseline is no moderation, not a world without events)."""
    from simulation.cli.cmd_sweep import baseline_line
    from simulation.runs.report_words import Words
    from simulation.sweeps.report import baseline_events

    said = (
        "the scenario's own events (day 30: announcement (sellers' risk ×3)) happen in its "
        "runs as in every arm's"
    )
    assert said in baseline_events(late_start)
    assert baseline_line(late_start).endswith(baseline_events(late_start))
    page = write_report(late_start, tmp_path / "r", "events").read_text(encoding="utf-8")
    assert said.replace("'", "&#39;") in page
    zh = baseline_events(late_start, Words("zh_CN"))
    assert "场景自身的事件（第 30 天：公告（卖家风险 ×3））" in zh
    # a world without events of its own, or a baseline policy with rules: nothing to say
    assert baseline_events(dataclasses.replace(late_start, marks={})) == ""
    named = dataclasses.replace(late_start, baseline=late_start.runs["policy"].iloc[-1])
    named.runs = named.runs.assign(no_rules=named.runs["policy"] == "No moderation")
    assert named.baseline != "No moderation" and baseline_events(named) == ""


def test_a_mean_over_fewer_seeds_says_so():
    row = pd.Series({"mean": 7.0, "lo": 0.0, "hi": 32.4, "n": 2})
    assert headline_cell(row, "days_to_halve", 5) == "7 [0, 32.4] (2 of 5 seeds)"
    assert headline_cell(row, "days_to_halve", 2) == "7 [0, 32.4]"
    alone = pd.Series({"mean": 0.25, "lo": math.nan, "hi": math.nan, "n": 1})
    assert headline_cell(alone, "harm_avoided", 3) == "25.0% (1 of 3 seeds)"
    never = pd.Series({"mean": math.nan, "lo": math.nan, "hi": math.nan, "n": 0})
    assert headline_cell(never, "days_to_halve", 3) == "–"  # undefined in every seed


def _fails(job):
    from simulation.sweeps.execute import failed

    return failed(job, "Traceback (most recent call last):\nRuntimeError: injected")


def test_a_sweep_where_every_run_failed_still_gets_its_report(tmp_path):
    """Every run failed (possible from Python, or a scenario every seed breaks): the report
    says no run completed and shows each error (it raised KeyError: ['day'])."""
    result = sweep("classroom", ("none", "keywords"), "1-2", days=3, workers=1, runner=_fails)
    assert (result.ran, result.failed) == (4, 4)
    page = write_report(result, tmp_path / "r", "failed").read_text(encoding="utf-8")
    assert "<strong>No run completed</strong>" in page
    assert "No run completed: nothing to compare." in page
    assert page.count("RuntimeError: injected") == 4
    assert (tmp_path / "r" / "data" / "bands.csv").exists()


def test_the_reports_daily_metrics_csv_keeps_every_digit(late_start, tmp_path):
    """data/daily_metrics.csv read back equals the metrics exactly (it kept six
    significant digits: a day's parts missed its total, a million read 1.23457e+06)."""
    write_report(late_start, tmp_path / "r", "digits")
    back = pd.read_csv(tmp_path / "r" / "data" / "daily_metrics.csv")
    mine = late_start.metrics.reset_index(drop=True)
    pd.testing.assert_frame_equal(back, mine, check_dtype=False, check_exact=True)
