"""What a sweep report's data files and statements say is what their names say: bands.csv
holds each metric's own daily values, is_baseline marks the runs "avoided" is measured
against, comparisons.csv always has its header, a difference the same on every seed is
never called certain, and "undefined" says why."""

from __future__ import annotations

import dataclasses
import math
import warnings

import pandas as pd
import pytest
from scipy import stats

from simulation.sweeps.aggregate import compare_arms
from simulation.sweeps.report import write_report
from simulation.sweeps.sweep import sweep

from .conftest import small_sweep


@pytest.fixture(scope="module")
def swept(tmp_path_factory):
    """2 policies x 3 seeds x 10 classroom days (three seeds: a mean apart from a median;
    ten days: three past the first whole 7-day window), stored, and its report's data
    folder."""
    db = tmp_path_factory.mktemp("data") / "s.db"
    result = small_sweep(workers=1, db=str(db), seeds="1-3", days=10)
    out = tmp_path_factory.mktemp("report")
    write_report(result, out)
    return result, out / "data"


def test_bands_csv_holds_each_metrics_own_daily_values(swept):
    result, data = swept
    bands = pd.read_csv(data / "bands.csv")
    daily = result.daily
    for metric in ("impressions.spam", "ad_share"):
        mean = (
            daily[daily["metric"] == metric]
            .groupby(["arm", "day"])["value"]
            .mean()
            .rename("daily_mean")
        )
        got = bands[bands["metric"] == metric].set_index(["arm", "day"])["mean"]
        assert len(got) == len(mean) > 0
        assert got.sort_index().to_numpy() == pytest.approx(mean.sort_index().to_numpy())
    # the charts' 7-day means are in a file of their own, their window named
    smoothed = pd.read_csv(data / "bands_smoothed.csv")
    assert set(smoothed["smoothing_days"]) == {7}
    spam = daily[daily["metric"] == "impressions.spam"].sort_values(["run_id", "day"])
    rolled = spam.groupby("run_id")["value"].transform(lambda v: v.rolling(7, min_periods=1).mean())
    want = spam.assign(value=rolled).groupby(["arm", "day"])["value"].mean()
    got = smoothed[smoothed["metric"] == "impressions.spam"].set_index(["arm", "day"])["mean"]
    assert got.sort_index().to_numpy() == pytest.approx(want.sort_index().to_numpy())


def test_is_baseline_marks_the_policy_avoided_is_measured_against(swept, tmp_path):
    result, data = swept
    runs = pd.read_csv(data / "runs.csv")
    assert runs["is_baseline"].tolist() == (runs["policy"] == "No moderation").tolist()
    assert runs["no_rules"].tolist() == runs["is_baseline"].tolist()
    # another baseline: is_baseline moves with it, no_rules stays; the baseline avoids 0
    other = dataclasses.replace(result, baseline="Keyword filter only")
    assert (
        other.runs["is_baseline"].tolist()
        == (other.runs["policy"] == "Keyword filter only").tolist()
    )
    write_report(other, tmp_path)
    rh = pd.read_csv(tmp_path / "data" / "run_headlines.csv")
    base = rh[rh["is_baseline"]]
    assert set(base["policy"]) == {"Keyword filter only"}
    assert (base["harm_avoided"] == 0).all()
    assert set(rh.loc[rh["no_rules"], "policy"]) == {"No moderation"}
    again = pd.read_csv(tmp_path / "data" / "runs.csv")
    assert again["is_baseline"].tolist() == (again["policy"] == "Keyword filter only").tolist()


def test_comparisons_csv_has_its_header_when_nothing_is_compared(swept, tmp_path):
    result, _data = swept
    one = result.runs[result.runs["policy"] == "Keyword filter only"]
    lone = dataclasses.replace(result, runs=one, baseline=None)
    write_report(lone, tmp_path)
    comparisons = pd.read_csv(tmp_path / "data" / "comparisons.csv")
    assert comparisons.empty
    assert {"measure", "a", "b", "difference", "p", "test", "statement"} <= set(comparisons)


def _per_run(a: list[float], b: list[float], paired: bool = True) -> pd.DataFrame:
    rows = [
        {
            "arm": arm,
            "scenario_params": "",
            "seed": i + (0 if paired or arm == "A" else 100),
            "days_to_halve": v,
        }
        for arm, values in (("A", a), ("B", b))
        for i, v in enumerate(values)
    ]
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("seeds", "p", "significant"),
    [(2, 0.5, False), (3, 0.25, False), (5, 0.0625, False), (6, 0.03125, True)],
)
def test_a_difference_the_same_on_every_seed_gets_an_exact_p(seeds, p, significant):
    # B halves one day later than A on every seed: a t-test has no variance (p = 0 with
    # SciPy's warning); the sign-flip test's p is 2 / 2**n, the smallest n seeds allow
    rh = _per_run([5.0] * seeds, [6.0] * seeds)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "precision loss" warning either
        row = compare_arms(rh, "A", "B", measures=["days_to_halve"]).iloc[0]
    assert row["p"] == pytest.approx(p)
    assert bool(row["significant"]) is significant
    assert row["difference"] == -1.0 and math.isnan(row["lo"]) and math.isnan(row["hi"])
    assert row["test"] == f"sign-flip permutation test over {seeds} seeds"
    assert f"on each of the {seeds} seeds" in row["statement"]
    if not significant:
        assert "do not differ significantly" in row["statement"]
        assert f"{seeds} seeds can give no smaller p" in row["statement"]


def test_no_difference_on_every_seed_is_p_one():
    row = compare_arms(_per_run([4.0] * 3, [4.0] * 3), "A", "B", measures=["days_to_halve"])
    assert row.iloc[0]["p"] == 1.0 and not row.iloc[0]["significant"]


def test_two_unpaired_arms_without_spread_get_the_exact_relabelling_p():
    # seeds differ: no pairs; each arm the same on its 3 seeds: 2 of the C(6, 3) = 20
    # splits of the six values reach the observed difference
    rh = _per_run([5.0] * 3, [6.0] * 3, paired=False)
    row = compare_arms(rh, "A", "B", measures=["days_to_halve"]).iloc[0]
    assert row["p"] == pytest.approx(0.1) and not row["significant"]
    assert row["test"] == "permutation test, 3 and 3 seeds"


def test_one_arm_without_spread_is_a_welch_test_without_a_warning():
    # unpaired, A the same on every seed, B not: Welch's test rests on B's spread alone,
    # the one-sample t-test of B against A's value; SciPy's "precision loss" is not shown
    rh = _per_run([5.0] * 3, [6.0, 7.0, 9.0], paired=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        row = compare_arms(rh, "A", "B", measures=["days_to_halve"]).iloc[0]
    assert row["test"] == "Welch t-test, 3 and 3 seeds"
    assert row["p"] == pytest.approx(stats.ttest_1samp([6.0, 7.0, 9.0], 5.0).pvalue)


def test_a_varying_difference_keeps_the_t_test():
    rh = _per_run([5.0, 6.0, 7.0, 5.0], [7.0, 7.0, 9.0, 8.0])
    row = compare_arms(rh, "A", "B", measures=["days_to_halve"]).iloc[0]
    assert row["test"] == "paired t-test over 4 seeds"
    assert row["lo"] < row["difference"] < row["hi"]


def test_a_policy_not_yet_in_force_says_so(tmp_path):
    """The crackdown acts from day 30: a 10-day sweep notes that it never acts, and
    "avoided" is undefined for that reason, not for a missing baseline."""
    result = sweep(
        scenario="classroom", policies=["none", "crackdown"], seeds="1-2", days=10, workers=1
    )
    assert any(
        "acts from day 30 (its first announcement or rule), after the sweep's last day (day 9)" in n
        for n in result.notes
    )
    cmp = result.compare("March-2024 personal-account crackdown", "No moderation")
    why = cmp.set_index("measure").loc["harm_avoided", "statement"]
    assert (
        "it acts from day 30 (its first announcement or rule), after the runs' last day, day 9"
        in why
    )
    assert "no baseline run" not in why
    write_report(result, tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "from day 30, after the runs' last day, day 9: it never acts in these runs" in page
