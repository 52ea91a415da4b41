"""The trade-off chart and the study curve keep a sweep's arms apart: a point is one
policy with one set of swept values in one scenario, never a mean over the values of
another parameter or over two policies (which would be a policy nobody ran)."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from simulation.sweeps.report import curve_chart, write_report
from simulation.sweeps.sweep import sweep
from simulation.sweeps.tradeoff import COST, GAIN, tradeoff_points

DELAY, WINDOW = "rules.*.delay_hours", "enforcement.strikes.window_days"


def _per_run(rows: list[tuple[str, dict, int, float, float]]) -> pd.DataFrame:
    """Per-run headlines as run_headlines gives them: (policy, swept values, seed, cost,
    gain) each."""
    out = []
    for policy, values, seed, cost, gain in rows:
        params = ", ".join(f"{k}={v}" for k, v in sorted(values.items()))
        out.append(
            {
                "arm": policy + (f" [{params}]" if params else ""),
                "policy": policy,
                "policy_params": params,
                "scenario_params": "",
                "seed": seed,
                **{"policy:" + k: v for k, v in values.items()},
                COST: cost,
                GAIN: gain,
            }
        )
    return pd.DataFrame(out)


def test_two_swept_parameters_give_a_point_per_combination():
    # gain depends on the delay only, cost on the window only: a point per (delay,
    # window) pair, each the mean of its own two seeds
    rows = [
        ("P", {DELAY: d, WINDOW: w}, s, w / 10 + s, 0.6 - d / 100 + s / 100)
        for d, w, s in itertools.product((0, 24), (30, 90), (1, 2))
    ]
    t = tradeoff_points(_per_run(rows), [DELAY, WINDOW]).set_index(
        ["policy:" + DELAY, "policy:" + WINDOW]
    )
    assert len(t) == 4 and set(t["seeds"]) == {2}
    assert t.loc[(0, 30), "gain"] == pytest.approx(0.615)
    assert t.loc[(24, 30), "gain"] == pytest.approx(0.375)
    assert t.loc[(24, 90), "cost"] == pytest.approx(10.5)
    assert t.loc[(0, 30), "label"] == "delay_hours=0, window_days=30"
    # (0, 30) costs least and gains most: the only point on the front
    assert t["pareto"].tolist() == [True, False, False, False]


def test_two_policies_sharing_a_swept_path_are_two_points():
    rows = [
        ("A", {DELAY: d}, s, 3.0 + d / 10, 0.5) for d, s in itertools.product((0, 24), (1, 2))
    ] + [("B", {DELAY: d}, s, 0.0, 0.2) for d, s in itertools.product((0, 24), (1, 2))]
    t = tradeoff_points(_per_run(rows), [DELAY])
    assert len(t) == 4
    assert t["label"].tolist() == [
        "A [delay_hours=0]",
        "A [delay_hours=24]",
        "B [delay_hours=0]",
        "B [delay_hours=24]",
    ]
    assert t.set_index("label").loc["A [delay_hours=24]", "cost"] == pytest.approx(5.4)
    assert t.set_index("label").loc["B [delay_hours=0]", "cost"] == 0.0


def test_a_study_labels_its_points_by_its_own_parameter():
    # zipped parameters move together: one point per index, labelled by the study's x
    other = "detectors.model.false_positive_rate.life"
    rows = [
        ("C", {"r": r, other: f}, s, 100 * f, r)
        for (r, f), s in itertools.product(((0.1, 0.0001), (0.9, 0.01)), (1, 2))
    ]
    t = tradeoff_points(_per_run(rows), ["r", other], x="r")
    assert t["label"].tolist() == ["0.1", "0.9"]
    assert t["cost"].tolist() == pytest.approx([0.01, 1.0])


def test_the_study_curve_draws_a_curve_per_policy():
    rows = []
    for policy, level in (("A", 0.9), ("B", 0.2)):
        for d, s in itertools.product((1, 6, 24), (1, 2)):
            rows.append(
                {
                    "arm": f"{policy} [delay_hours={d}]",
                    "policy": policy,
                    "scenario_params": "",
                    "seed": s,
                    "policy:" + DELAY: float(d),
                    "offer_impressions_avoided": level,
                    "harm_avoided": level / 2,
                    "spam_impressions_avoided": level / 3,
                }
            )
    fig = curve_chart(pd.DataFrame(rows), DELAY, "delay (hours)")
    lines = [ln for ln in fig.axes[0].get_lines() if ln.get_label().startswith("restricted-offer")]
    # a curve per policy, each at its own level: no curve at the mean of the two (0.55)
    assert sorted(ln.get_label() for ln in lines) == [
        "restricted-offer impressions avoided: A",
        "restricted-offer impressions avoided: B",
    ]
    assert sorted(float(np.mean(ln.get_ydata())) for ln in lines) == pytest.approx([20.0, 90.0])


def test_a_swept_report_plots_each_combination_it_ran(tmp_path):
    """End to end: a sweep over two policy parameters writes a trade-off table with a row
    per combination, each equal to the mean of its own runs' headlines."""
    result = sweep(
        scenario="classroom",
        policies=["none", "keywords"],
        seeds="1-2",
        days=4,  # the delays' points already differ (gain 0.70 and 0.41 on these seeds)
        policy_sets={DELAY: [0, 24], WINDOW: [30, 90]},
        workers=1,
    )
    out = tmp_path / "report"
    write_report(result, out)
    t = pd.read_csv(out / "data" / "tradeoff.csv")
    rh = pd.read_csv(out / "data" / "run_headlines.csv")
    assert len(t) == 4 and set(t["seeds"]) == {2}
    assert "No moderation" not in set(t["policy"])  # the baseline is no point of its own
    for _, point in t.iterrows():
        runs = rh[rh["arm"] == point["arm"]]
        assert len(runs) == 2
        assert point["gain"] == pytest.approx(runs[GAIN].mean())
        assert point["cost"] == pytest.approx(runs[COST].mean())
    assert t["label"].nunique() == 4
