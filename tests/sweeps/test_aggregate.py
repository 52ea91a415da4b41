"""Confidence bands against known distributions; comparisons; Pareto fronts."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from simulation.metrics.summary import days_to_halve
from simulation.sweeps.aggregate import (
    MEASURES,
    bootstrap_interval,
    compare_arms,
    daily_bands,
    headline,
    measure_interval,
    pareto_front,
    t_interval,
)


def coverage(interval, n: int, reps: int, seed: int) -> float:
    """Share of intervals from N(3, 2^2) samples of size n that contain the true mean 3."""
    rng = np.random.default_rng(seed)
    hits = 0
    for _ in range(reps):
        _m, lo, hi = interval(rng.normal(3.0, 2.0, n))
        hits += lo <= 3.0 <= hi
    return hits / reps


def test_t_interval_covers_95_percent_of_normal_means():
    # binomial sd of the coverage over 4000 reps is 0.0034: +-0.015 is > 4 sd
    assert coverage(t_interval, n=10, reps=4000, seed=1) == pytest.approx(0.95, abs=0.015)
    assert coverage(t_interval, n=3, reps=4000, seed=2) == pytest.approx(0.95, abs=0.015)


def test_bootstrap_interval_covers_about_95_percent_with_enough_seeds():
    # percentile bootstrap undercovers a little at small n (about 0.93 at n = 30)
    cov = coverage(lambda x: bootstrap_interval(x, n_boot=1000), n=30, reps=600, seed=3)
    assert 0.91 <= cov <= 0.98


def test_interval_width_matches_the_t_formula():
    x = np.array([1.0, 2.0, 4.0, 7.0])
    mean, lo, hi = t_interval(x, 0.95)
    assert mean == pytest.approx(3.5)
    assert (hi - lo) / 2 == pytest.approx(3.182446 * x.std(ddof=1) / 2, rel=1e-5)
    assert math.isnan(t_interval(np.array([1.0]))[1])


def _fake(arms: dict[str, np.ndarray], days: int = 3):
    """Runs and wide metrics for arms whose 'ad_share' per seed is given (constant per day)."""
    runs, metrics, rid = [], [], 0
    for arm, values in arms.items():
        for seed, v in enumerate(values, start=1):
            rid += 1
            runs.append(
                {
                    "run_id": rid,
                    "arm": arm,
                    "status": "complete",
                    "seed": seed,
                    "scenario_params": "",
                    "policy": arm,
                }
            )
            metrics.append(pd.DataFrame({"run_id": rid, "day": range(days), "ad_share": v}))
    return pd.DataFrame(runs), pd.concat(metrics, ignore_index=True)


def test_daily_bands_equal_the_interval_per_day_and_cover_normal_truth():
    rng = np.random.default_rng(7)
    hits = 0
    for _ in range(200):
        runs, m = _fake({"A": rng.normal(0.5, 0.1, 8)}, days=1)
        b = daily_bands(runs, m, columns=["ad_share"]).iloc[0]
        _mean, lo, hi = t_interval(m["ad_share"].to_numpy())
        assert (b["lo"], b["hi"]) == pytest.approx((lo, hi))
        hits += b["lo"] <= 0.5 <= b["hi"]
    assert 0.91 <= hits / 200 <= 0.98
    boot = daily_bands(runs, m, columns=["ad_share"], method="bootstrap").iloc[0]
    assert boot["lo"] < boot["mean"] < boot["hi"]


def _rh(a: np.ndarray, b: np.ndarray) -> pd.DataFrame:
    rows = [
        {"arm": arm, "seed": s, "scenario_params": "", "ad_share_last_week": v}
        for arm, vals in (("A", a), ("B", b))
        for s, v in enumerate(vals)
    ]
    return pd.DataFrame(rows)


def test_compare_says_plainly_when_two_policies_do_not_differ():
    rng = np.random.default_rng(0)
    world = rng.normal(0.5, 0.2, 10)  # seed effect shared by both arms (paired)
    same = compare_arms(
        _rh(world + rng.normal(0, 0.01, 10), world + rng.normal(0, 0.01, 10)),
        "A",
        "B",
        measures=["ad_share_last_week"],
    ).iloc[0]
    assert not same["significant"]
    assert "do not differ significantly" in same["statement"]
    assert "paired t-test over 10 seeds" in same["statement"]
    better = compare_arms(
        _rh(world - 0.05 + rng.normal(0, 0.01, 10), world),
        "A",
        "B",
        measures=["ad_share_last_week"],
    ).iloc[0]
    assert better["significant"] and "significantly lower" in better["statement"]
    assert better["lo"] < -0.05 < better["hi"] < 0
    # pairing matters: an unpaired test cannot see the same shift through the seed noise
    from scipy import stats

    a, b = _rh(world - 0.05, world).groupby("arm")["ad_share_last_week"]
    assert stats.ttest_ind(a[1], b[1], equal_var=False).pvalue > 0.05


def test_compare_identical_arms_is_not_significant():
    x = np.array([0.3, 0.4, 0.5])
    row = compare_arms(_rh(x, x), "A", "B", measures=["ad_share_last_week"]).iloc[0]
    assert row["p"] == 1.0 and not row["significant"]


def test_pareto_front():
    cost = np.array([0.0, 1.0, 2.0, 2.0, 5.0, 3.0])
    gain = np.array([0.1, 0.5, 0.4, 0.8, 0.9, 0.7])
    assert pareto_front(cost, gain).tolist() == [True, True, False, True, True, False]


def test_days_to_halve():
    volume = np.r_[np.full(30, 100.0), np.full(30, 40.0)]
    assert days_to_halve(volume, start=30) == 5  # days 29-35: (100 + 6 * 40) / 7 <= 50
    assert math.isnan(days_to_halve(np.full(60, 100.0), start=30))


def test_days_to_halve_needs_days_before_the_policy():
    """Halving is measured against the level before the policy: none when it starts on
    day 0 (the first week was moderated already: halving that is another question), the
    days there are when it starts within the first week."""
    volume = np.r_[np.full(3, 100.0), np.full(40, 10.0)]
    assert math.isnan(days_to_halve(volume, start=0))
    # start day 3: the level before is 100 (days 0-2), not the first week's mean (48.6,
    # which is under the policy for 4 of its days): the 7-day mean is at most 50 from the
    # first full week, days 0-6 ((3 * 100 + 4 * 10) / 7 = 48.6), 3 days after the start
    # (against the first week's level it took 5: until (100 + 6 * 10) / 7 <= 24.3)
    assert days_to_halve(volume, start=3) == 3
    assert math.isnan(days_to_halve(np.r_[np.full(3, 100.0), np.full(40, 60.0)], start=3))


def _rh_of(measure: str, a: list[float], b: list[float]) -> pd.DataFrame:
    rows = [
        {"arm": arm, "seed": s, "scenario_params": "", measure: v}
        for arm, vals in (("A", a), ("B", b))
        for s, v in enumerate(vals)
    ]
    return pd.DataFrame(rows)


def test_cannot_tell_gives_the_true_reason():
    nan = math.nan
    no_base = compare_arms(
        _rh_of("harm_avoided", [nan, nan], [nan, nan]), "A", "B", measures=["harm_avoided"]
    ).iloc[0]
    assert no_base["statement"].startswith("Cannot tell whether A and B differ on harm avoided")
    assert "fewer than 2 seeds" not in no_base["statement"]
    assert "undefined for A in 2 of 2 seeds" in no_base["statement"]
    assert "no baseline run of the same world" in no_base["statement"]
    halve = compare_arms(
        _rh_of("days_to_halve", [5.0, 7.0], [nan, 9.0]), "A", "B", measures=["days_to_halve"]
    ).iloc[0]
    assert "fewer than 2 seeds" not in halve["statement"]
    assert (
        "undefined for B in 1 of 2 seeds (restricted-offer volume never halved"
        in (halve["statement"])
    )
    assert "for A" not in halve["statement"]
    one = compare_arms(
        _rh_of("days_to_halve", [5.0], [6.0, 9.0]), "A", "B", measures=["days_to_halve"]
    ).iloc[0]
    assert "A has 1 seed (fewer than 2)" in one["statement"]
    assert "undefined" not in one["statement"] and math.isnan(one["difference"])
    # two single runs without a baseline (a compare of two runs): a second seed would not
    # give "avoided" a value, a baseline run would; the reason says so, not "1 seed"
    single = compare_arms(
        _rh_of("harm_avoided", [nan], [nan]), "A", "B", measures=["harm_avoided"]
    ).iloc[0]
    assert "fewer than 2" not in single["statement"]
    assert "undefined for A in 1 of 1 seeds" in single["statement"]
    assert "no baseline run of the same world" in single["statement"]


def test_avoided_over_different_days_says_so():
    """ "Avoided" is summed from each arm's own policy start: an arm acting from day 20
    and one from day 30 are compared over different days, and the statement says which
    (a reader of "A avoided more" would otherwise take it for the same days)."""
    rh = _rh_of("harm_avoided", [0.5, 0.6, 0.55], [0.2, 0.25, 0.3])
    rh["policy_start"] = [20] * 3 + [30] * 3
    row = compare_arms(rh, "A", "B", measures=["harm_avoided"]).iloc[0]
    assert row["statement"].endswith(
        " Each is summed from its own policy's start, over different days: A from day 20, "
        "B from day 30."
    )
    rh.loc[rh["seed"] == 2, "policy_start"] = [25, 30]  # A's start swept: 20, 20, 25
    row = compare_arms(rh, "A", "B", measures=["harm_avoided"]).iloc[0]
    assert row["statement"].endswith("A from days 20 to 25, B from day 30.")
    same = compare_arms(rh.assign(policy_start=30), "A", "B", measures=["harm_avoided"])
    assert "own policy's start" not in same.iloc[0]["statement"]
    counts = _rh_of("offer_impressions", [1.0, 2.0, 3.0], [4.0, 5.0, 7.0])
    counts["policy_start"] = [20] * 3 + [30] * 3  # a whole-run measure: same days
    row = compare_arms(counts, "A", "B", measures=["offer_impressions"]).iloc[0]
    assert "own policy's start" not in row["statement"]


def test_differences_are_stated_in_the_table_unit():
    share = compare_arms(
        _rh_of("ad_share_last_week", [0.30, 0.40, 0.50], [0.52, 0.63, 0.728]),
        "A",
        "B",
        measures=["ad_share_last_week"],
    ).iloc[0]
    assert share["difference"] == pytest.approx(-0.226)  # the data stay fractions
    assert "difference -22.6 percentage points (95% CI " in share["statement"]
    assert "-0.226" not in share["statement"]
    counts = compare_arms(
        _rh_of("offer_impressions", [150_000.0, 160_000.0, 171_000.0], [9_000.0, 9_500.0, 9_900.0]),
        "A",
        "B",
        measures=["offer_impressions"],
    ).iloc[0]
    assert "difference +150,867 impressions (95% CI " in counts["statement"]


def test_count_intervals_never_go_below_zero():
    runs = pd.DataFrame(
        {"arm": ["A", "A"], "harm_avoided": [-0.9, 0.4], "offer_impressions": [10.0, 300_000.0]}
    )
    for name in MEASURES:
        if name not in runs:
            runs[name] = math.nan
    assert t_interval(runs["offer_impressions"].to_numpy())[1] < 0  # the plain t interval
    head = headline(runs).set_index("measure")
    mean, lo, hi = head.loc["offer_impressions", ["mean", "lo", "hi"]]
    assert lo == 0.0 and mean == pytest.approx(150_005) and hi > 1e6
    assert hi == pytest.approx(t_interval(runs["offer_impressions"].to_numpy())[2])
    _m, lo_avoided, hi_avoided = head.loc["harm_avoided", ["mean", "lo", "hi"]]
    assert lo_avoided < -1  # an "avoided" share can be negative: only its top is bounded
    assert hi_avoided == 1.0
    assert measure_interval("ad_share_last_week", np.array([0.01, 0.99]))[1:] == (0.0, 1.0)


def test_daily_bands_of_counts_never_go_below_zero():
    runs, m = _fake({"A": np.array([0.0, 1.0])}, days=2)
    m = m.rename(columns={"ad_share": "impressions.spam"}).assign(
        **{"impressions.spam": [2.0, 2.0, 9_000.0, 9_000.0]}
    )
    b = daily_bands(runs, m, columns=["impressions.spam"])
    assert (b["lo"] == 0).all() and (b["hi"] > 9_000).all()
    assert t_interval(np.array([2.0, 9_000.0]))[1] < 0  # what the plain t band would say
    one_seed, m1 = _fake({"A": np.array([5.0])}, days=2)
    m1 = m1.rename(columns={"ad_share": "impressions.spam"})
    assert daily_bands(one_seed, m1, columns=["impressions.spam"])["lo"].isna().all()


def test_departures_and_returns_are_counted_as_events_not_users():
    """A user who leaves, comes back and leaves again counts twice: the run's totals of
    leaving and coming back are departures and returns, not users (the report said 783
    "users" left where 781 were away at the end)."""
    from simulation.metrics.summary import BY_MEASURE

    assert BY_MEASURE["regular_left"].unit == "departures"
    assert BY_MEASURE["regular_returned"].unit == "returns"
    assert BY_MEASURE["regular_churned"].unit == "users"  # away at the end: people
