"""Days to halve across seeds: a seed that never halved within the run is censored (its
value is only known to be more than the days the run went on after the start), not left
out.

The sweep of the classroom world under no moderation, the crackdown and the classifier
with review, both moved to day 10 (seeds 1-3, 30 days), halves in these seeds: classifier
16, 14, never; crackdown never, 7, never. The mean of the seeds that halved made the
crackdown, which halved in 1 of 3 seeds, look twice as fast (7 days) as the classifier
(15 days, 2 of 3). Over every seed the medians are 16 and more than 19 days.
"""

from __future__ import annotations

import io
import math

import numpy as np
import pandas as pd
import pytest
from rich.console import Console

from simulation.cli import cmd_sweep
from simulation.metrics.summary import MEASURES, days_to_halve, days_to_halve_above
from simulation.runs.report_words import Words
from simulation.sweeps.aggregate import censored_median, compare_arms, headline, run_headlines
from simulation.sweeps.report import headline_cell, seeds_per_arm, write_report
from simulation.sweeps.sweep import sweep

CLASSIFIER = "Classifier + human review [start_day=10]"
CRACKDOWN = "March-2024 personal-account crackdown [start_day=10]"


@pytest.fixture(scope="module")
def trial():
    return sweep(
        "classroom",
        ("none", "crackdown", "classifier_review"),
        "1-3",
        policy_sets={"start_day": 10},
        days=30,
        workers=1,
        baseline="none",
    )


def _cells(result, w: Words | None = None) -> dict[str, str]:
    head = headline(run_headlines(result.runs, result.metrics, result.baseline))
    seeds = seeds_per_arm(result.runs)
    rows = head[head["measure"] == "days_to_halve"]
    kw = {"w": w} if w else {}
    return {
        r["arm"]: headline_cell(r, "days_to_halve", seeds[r["arm"]], **kw)
        for _i, r in rows.iterrows()
    }


def test_the_seeds_that_never_halved_are_counted(trial):
    rh = run_headlines(trial.runs, trial.metrics, trial.baseline).set_index(["arm", "seed"])
    assert rh.loc[CRACKDOWN, "days_to_halve"].tolist()[1] == 7
    assert rh.loc[CRACKDOWN, "days_to_halve_above"].fillna(-1).tolist() == [19, -1, 19]
    assert rh.loc[CLASSIFIER, "days_to_halve"].fillna(-1).tolist() == [16, 14, -1]
    cells = _cells(trial)
    assert cells[CLASSIFIER] == "median 16 (halved in 2 of 3 seeds)"
    assert cells[CRACKDOWN] == "median > 19 (halved in 1 of 3 seeds)"
    assert cells["No moderation"] == "–"  # no start, nothing to halve: undefined, not censored
    head = headline(run_headlines(trial.runs, trial.metrics, trial.baseline))
    row = head[(head["arm"] == CRACKDOWN) & (head["measure"] == "days_to_halve")].iloc[0]
    assert math.isnan(row["mean"]) and math.isnan(row["lo"])  # no mean of the fast seed alone
    assert (row["n"], row["censored"], row["median"], row["median_above"]) == (1, 2, 19.0, True)


def test_the_terminal_the_page_and_the_files_say_the_same(trial, tmp_path, monkeypatch):
    console = Console(width=250, record=True, color_system=None, file=io.StringIO())
    monkeypatch.setattr(cmd_sweep, "out", console)
    cmd_sweep.print_headline(trial)
    text = console.export_text()
    crackdown = text[text.index("March-2024") :]  # its row, the cell over two lines
    assert "median > 19 (halved" in crackdown and "in 1 of 3 seeds)" in crackdown
    assert "known only to be more than N" in text
    assert "median > 19 (halved in 1 of 3 seeds)" not in " ".join(text.split())  # no note's
    assert "review [start_day=10] is significantly" in text  # arm names as written
    pairs = [(CRACKDOWN, CLASSIFIER)]
    page = write_report(trial, tmp_path / "r", "halve", pairs=pairs).read_text(encoding="utf-8")
    assert "sign test over the 2 of 3 seeds whose order is known, p = 1)" in page
    assert "median &gt; 19 (halved in 1 of 3 seeds)" in page
    assert "median 16 (halved in 2 of 3 seeds)" in page
    assert "known only to be more than N, the days the run went on" in page
    # the note's example is a pattern, not numbers that could contradict the table
    assert page.count("median &gt; 19 (halved in 1 of 3 seeds)") == 1  # the cell alone
    assert "median &gt; N (halved in k of n seeds)" in page
    data = tmp_path / "r" / "data"
    head = pd.read_csv(data / "headline.csv")
    row = head[(head["arm"] == CRACKDOWN) & (head["measure"] == "days_to_halve")].iloc[0]
    assert (row["censored"], row["median"], bool(row["median_above"])) == (2, 19.0, True)
    assert pd.isna(row["mean"])
    rh = pd.read_csv(data / "run_headlines.csv")
    assert rh.loc[rh["arm"] == CRACKDOWN, "days_to_halve_above"].notna().sum() == 2


def test_the_chinese_report_says_it_too(trial):
    cells = _cells(trial, Words("zh_CN"))
    assert cells[CRACKDOWN] == "中位数 > 19（3 个随机种子中有 1 个减半）"
    assert cells[CLASSIFIER] == "中位数 16（3 个随机种子中有 2 个减半）"


def test_the_bound_is_the_days_after_the_start():
    volume = np.r_[np.full(10, 100.0), np.full(20, 80.0)]  # 30 days, never halves
    assert math.isnan(days_to_halve(volume, 10))
    assert days_to_halve_above(volume, 10) == 19
    halves = np.r_[np.full(10, 100.0), np.full(20, 10.0)]
    assert days_to_halve(halves, 10) == 3 and math.isnan(days_to_halve_above(halves, 10))
    assert math.isnan(days_to_halve_above(volume, 0))  # undefined: no level before


def test_the_median_counts_censored_seeds_as_the_slowest():
    nan = math.nan
    assert censored_median(np.array([16.0, 14.0, nan]), np.array([nan, nan, 19.0])) == (16.0, False)
    assert censored_median(np.array([nan, 7.0, nan]), np.array([19.0, nan, 19.0])) == (19.0, True)
    # even: the upper middle is censored, so the median is more than (5 + 19) / 2
    assert censored_median(np.array([5.0, nan]), np.array([nan, 19.0])) == (12.0, True)
    assert censored_median(np.array([3.0, 5.0, 9.0]), np.full(3, nan)) == (5.0, False)


def test_a_comparison_counts_the_seed_that_never_halved_as_the_slowest():
    """Arm A halved in 16 and 14 days and never in its third seed (more than 19 days);
    arm B in 10, 12 and 11. A t-test of 16 and 14 against B left out A's slowest seed; a
    "cannot tell" threw away what is known: on every seed A was slower, the third
    included (more than 19 against 11). The sign test over the three seeds says so, with
    the smallest p three seeds allow (0.25), and each arm's median over every seed."""
    nan = math.nan
    rh = pd.DataFrame(
        {
            "arm": ["A"] * 3 + ["B"] * 3,
            "scenario_params": ["{}"] * 6,
            "seed": [1, 2, 3] * 2,
            "days_to_halve": [16.0, 14.0, nan, 10.0, 12.0, 11.0],
            "days_to_halve_above": [nan, nan, 19.0, nan, nan, nan],
        }
    )
    row = compare_arms(rh, "A", "B", measures=["days_to_halve"]).iloc[0]
    assert row["test"] == "sign test over the 3 of 3 seeds whose order is known"
    assert row["p"] == pytest.approx(0.25) and not row["significant"]
    assert math.isnan(row["difference"]) and math.isnan(row["lo"])  # nothing to subtract
    assert row["statement"] == (
        "A and B do not differ significantly on days to halve: median 16 against median 11, "
        "halved in 2 of 3 and 3 of 3 seeds (sign test over the 3 of 3 seeds whose order is "
        "known, p = 0.25; 3 seeds can give no smaller p)."
    )
    # six seeds, A never halving, B within a week: A is significantly slower
    six = pd.DataFrame(
        {
            "arm": ["A"] * 6 + ["B"] * 6,
            "scenario_params": ["{}"] * 12,
            "seed": list(range(6)) * 2,
            "days_to_halve": [nan] * 6 + [5.0, 6.0, 7.0, 5.0, 8.0, 6.0],
            "days_to_halve_above": [19.0] * 6 + [nan] * 6,
        }
    )
    row = compare_arms(six, "A", "B", measures=["days_to_halve"]).iloc[0]
    assert row["p"] == pytest.approx(2 / 64) and row["significant"]
    assert row["statement"].startswith(
        "A is significantly higher than B on days to halve: median > 19 against median 6, "
        "halved in 0 of 6 and 6 of 6 seeds"
    )
    # without the censored seed (a bound nowhere) the two seeds are compared as before
    whole = rh.assign(days_to_halve_above=nan).query("seed != 3")
    row = compare_arms(whole, "A", "B", measures=["days_to_halve"]).iloc[0]
    assert row["difference"] == pytest.approx(4.0)


def test_neither_arm_halving_cannot_be_told_apart():
    """Every seed of both arms censored: no seed's order is known, so the comparison says
    it cannot tell, and why, rather than "no significant difference" (p = 1)."""
    nan = math.nan
    rh = pd.DataFrame(
        {
            "arm": ["A"] * 3 + ["B"] * 3,
            "scenario_params": ["{}"] * 6,
            "seed": [1, 2, 3] * 2,
            "days_to_halve": [nan] * 6,
            "days_to_halve_above": [19.0] * 6,
        }
    )
    row = compare_arms(rh, "A", "B", measures=["days_to_halve"]).iloc[0]
    assert math.isnan(row["p"]) and not row["significant"]
    assert row["statement"].startswith("Cannot tell whether A and B differ on days to halve")
    assert "never halved within the run" in row["statement"]


def test_the_trial_compares_the_crackdown_with_the_classifier(trial):
    """Classifier 16, 14, never; crackdown never, 7, never (seeds 1-3): the classifier
    was sooner on seed 1, the crackdown on seed 2, seed 3's order is unknown; the sign
    test over two seeds finds no difference (p = 1), in English and in Chinese."""
    rh = run_headlines(trial.runs, trial.metrics, trial.baseline)
    row = compare_arms(rh, CRACKDOWN, CLASSIFIER, measures=["days_to_halve"]).iloc[0]
    assert row["test"] == "sign test over the 2 of 3 seeds whose order is known"
    assert row["p"] == 1.0 and not row["significant"]
    assert "median > 19 against median 16, halved in 1 of 3 and 2 of 3 seeds" in row["statement"]
    zh = compare_arms(rh, CRACKDOWN, CLASSIFIER, measures=["days_to_halve"], w=Words("zh_CN"))
    assert "中位数 > 19，对比 中位数 16" in zh.iloc[0]["statement"]
    assert "在 3 个随机种子中先后可知的 2 个上的符号检验" in zh.iloc[0]["statement"]


def test_a_single_run_says_how_long_it_went_on_without_halving():
    """A run's days to halve was blank when volume never halved, whether the run ended the
    day after the start or a year after it; the run measure ``days_to_halve_above`` gives
    the days it went on after the start (what the sweeps' medians count a censored seed
    as), and is blank when it halved."""
    from simulation.metrics.summary import RunFacts, measure

    def shown(metrics: pd.DataFrame) -> tuple[float, float]:
        facts = RunFacts(accounts_start=100, policy_start=10)
        return tuple(measure(n).compute(metrics, facts) for n in ("days_to_halve", bound))

    bound = "days_to_halve_above"
    never = pd.DataFrame({"day": range(30), "offers_created.tobacco": [100.0] * 10 + [80.0] * 20})
    days, above = shown(never)
    assert math.isnan(days) and above == 19
    halves = never.assign(**{"offers_created.tobacco": [100.0] * 10 + [10.0] * 20})
    days, above = shown(halves)
    assert days == 3 and math.isnan(above)
    assert bound in [m.name for m in MEASURES]  # in every run's table, JSON and report


def test_seeds_that_halved_on_the_same_days_are_no_difference():
    """Both arms halved on days 5 and 8 of seeds 1-2 and neither on seed 3: the order of
    seed 3 is unknown, the other two are known ties. That is no difference (p = 1), not
    "cannot tell" (which is for no seed of known order)."""
    nan = math.nan
    rh = pd.DataFrame(
        {
            "arm": ["A"] * 3 + ["B"] * 3,
            "scenario_params": ["{}"] * 6,
            "seed": [1, 2, 3] * 2,
            "days_to_halve": [5.0, 8.0, nan] * 2,
            "days_to_halve_above": [nan, nan, 19.0] * 2,
        }
    )
    row = compare_arms(rh, "A", "B", measures=["days_to_halve"]).iloc[0]
    assert row["p"] == 1.0 and not row["significant"]
    assert row["statement"].startswith("A and B do not differ significantly on days to halve")
    assert "sign test over the 2 of 3 seeds whose order is known, p = 1)" in row["statement"]


def test_the_bound_of_days_to_halve_is_named_for_what_it_counts():
    """Its name read with spaces, "days to halve above" (减半所需天数超过), said neither
    that volume never halved nor what the number counts; the run report, the app and the
    sweep's definitions now name it for both, in English and in Chinese."""
    from simulation.metrics.summary import BY_MEASURE

    assert BY_MEASURE["days_to_halve_above"].label == "never halved: days after start"
    assert Words().measure("days_to_halve_above") == "never halved: days after start"
    assert Words("zh_CN").measure("days_to_halve_above") == "未减半：政策开始后运行天数"
    # the other measures keep their names
    assert Words().measure("days_to_halve") == BY_MEASURE["days_to_halve"].label
    assert Words().measure("wrongful_bans") == "wrongful bans"
