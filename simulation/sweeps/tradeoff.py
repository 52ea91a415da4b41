"""The trade-off of a sweep's policies: exposure avoided against wrongful bans, one point
per arm, the Pareto front marked.

An arm is one policy with one set of swept parameter values in one scenario (what the
sweep's ``arm`` column names); its point is the mean over its seeds with a t interval
each way. Arms are never pooled: two swept parameters give one point per combination of
their values, two policies sharing a swept path give a point each, and a scenario
parameter swept beside them keeps its arms apart too. (Points averaged over the values of
another parameter, or over two policies, would be a policy nobody ran.)
"""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from simulation.runs import colours
from simulation.runs.report_words import Words
from simulation.sweeps import words as W
from simulation.sweeps.aggregate import clipped_side, measure_interval, pareto_front

COST = "wrongful_bans_per_10k_accounts"
GAIN = "violating_impressions_avoided"
POLICY_PREFIX = "policy:"


def param_value(v: object) -> str:
    """A swept value as a label shows it: 6.0 → ``6``, a word as it is."""
    return f"{v:g}" if isinstance(v, int | float) and not isinstance(v, bool) else str(v)


CLIPPED_GID = "clipped-end"  # the gid of the arrowhead on an interval's cut end


def clipped_end(ax, x: float, y: float, arrow: str) -> None:
    """An arrowhead (``arrow``: ``<``, ``>``, ``^``, ``v``, the way the interval goes on)
    at the end ``(x, y)`` of an error bar cut at its measure's bound
    (``aggregate.clipped_side``): the bar stops there because the measure can go no
    further, not because the data say so (the table prints such an end as ``>100.0%``)."""
    ax.plot([x], [y], marker=arrow, color="#333333", markersize=7, linestyle="none")
    ax.lines[-1].set(gid=CLIPPED_GID)


def _short_name(path: str) -> str:
    """``rules.*.delay_hours`` → ``delay_hours``: the parameter as a point's label names it."""
    return re.sub(r"^.*\.", "", path)


def point_labels(points: pd.DataFrame, params: list[str], x: str | None = None) -> list[str]:
    """What tells each arm's point apart: the policy (when more than one), the swept
    parameters' values (``delay_hours=6, window_days=30``; only ``x``'s value, bare, when
    the caller names the one parameter that tells them apart) and the scenario parameters
    (when they differ between points)."""
    many_policies = points["policy"].nunique() > 1
    many_scenarios = points["scenario_params"].nunique() > 1
    labels = []
    for _, r in points.iterrows():
        shown = [p for p in params if pd.notna(r.get(POLICY_PREFIX + p))]
        if x is not None and x in shown and not many_policies and not many_scenarios:
            labels.append(param_value(r[POLICY_PREFIX + x]))
            continue
        text = ", ".join(f"{_short_name(p)}={param_value(r[POLICY_PREFIX + p])}" for p in shown)
        if many_policies:
            text = f"{r['policy']} [{text}]" if text else str(r["policy"])
        if many_scenarios and r["scenario_params"]:
            text = f"{text} ({r['scenario_params']})"
        labels.append(text or str(r["arm"]))
    return labels


def tradeoff_points(
    rh: pd.DataFrame, params: list[str], level: float = 0.95, x: str | None = None
) -> pd.DataFrame:
    """One row per arm of ``rh`` (the per-run headlines of the arms to plot, baseline left
    out by the caller): ``arm``, ``policy``, ``policy_params``, ``scenario_params``, a
    ``policy:<path>`` column per swept parameter, ``label``, ``seeds``, ``cost`` (wrongful
    bans per 10,000 accounts), ``gain`` (share of offer and spam impressions avoided,
    0–1), each with ``_lo``/``_hi`` (t interval across seeds at ``level``, cut at what
    the measure can be) and ``_clipped`` (the end cut there: ``aggregate.clipped_side``),
    and ``pareto`` (no other point has lower-or-equal cost and higher-or-equal gain, one
    strictly). Arms in the order they first appear."""
    cols = [POLICY_PREFIX + p for p in params if POLICY_PREFIX + p in rh]
    rows = []
    for arm, d in rh.groupby("arm", sort=False):
        first = d.iloc[0]
        cost = measure_interval(COST, d[COST].to_numpy(float), level)
        gain = measure_interval(GAIN, d[GAIN].to_numpy(float), level)
        cut = (
            clipped_side(COST, d[COST].to_numpy(float), level),
            clipped_side(GAIN, d[GAIN].to_numpy(float), level),
        )
        rows.append(
            {
                "arm": arm,
                "policy": first["policy"],
                "policy_params": first["policy_params"],
                "scenario_params": first["scenario_params"],
                **{c: first[c] for c in cols},
                "seeds": len(d),
                "cost": cost[0],
                "cost_lo": cost[1],
                "cost_hi": cost[2],
                "gain": gain[0],
                "gain_lo": gain[1],
                "gain_hi": gain[2],
                "cost_clipped": cut[0],
                "gain_clipped": cut[1],
            }
        )
    head = ["arm", "policy", "policy_params", "scenario_params", *cols, "label", "seeds"]
    ends = ["cost", "cost_lo", "cost_hi", "gain", "gain_lo", "gain_hi", "pareto"]
    ends += ["cost_clipped", "gain_clipped"]
    if not rows:
        return pd.DataFrame(columns=head + ends)
    t = pd.DataFrame(rows)
    t["label"] = point_labels(t, params, x)
    t["pareto"] = pareto_front(t["cost"].to_numpy(), t["gain"].to_numpy())
    return t[head + ends]


def tradeoff_chart(
    t: pd.DataFrame, title: str, colour: str = colours.VARIANT.light, w: Words = W.ENGLISH
):
    """The points of :func:`tradeoff_points` with their intervals, each labelled, the
    Pareto front joined; axes and legend in the words of ``w`` (``title`` as given).
    Returns the matplotlib figure."""
    fig, ax = plt.subplots(figsize=(10, 6), layout="constrained")
    if not len(t):
        return fig
    ax.errorbar(
        t["cost"],
        100 * t["gain"],
        xerr=np.nan_to_num([t["cost"] - t["cost_lo"], t["cost_hi"] - t["cost"]]),
        yerr=np.nan_to_num(100 * np.array([t["gain"] - t["gain_lo"], t["gain_hi"] - t["gain"]])),
        fmt="o",
        color=colour,
        ecolor="#999",
        capsize=3,
        label=w(W.ONE_VARIANT),
    )
    # an interval cut at its measure's bound ends in an arrowhead, not a bound of the data
    for _i, r in t.iterrows():
        y = 100 * r["gain"]
        if r.get("cost_clipped") in ("low", "both"):
            clipped_end(ax, r["cost_lo"], y, "<")
        if r.get("gain_clipped") in ("low", "both"):
            clipped_end(ax, r["cost"], 100 * r["gain_lo"], "v")
        if r.get("gain_clipped") in ("high", "both"):
            clipped_end(ax, r["cost"], 100 * r["gain_hi"], "^")
    front = t[t["pareto"]].sort_values("cost")
    ax.plot(
        front["cost"],
        100 * front["gain"],
        "-",
        color=colours.PARETO.light,
        lw=2.5,
        label=w(W.PARETO),
    )
    ax.scatter(
        front["cost"],
        100 * front["gain"],
        s=140,
        facecolors="none",
        edgecolors=colours.PARETO.light,
        linewidths=2,
    )
    # points at one place (a parameter that changed nothing) share one label, a line each
    for (cost, gain), same in t.groupby(["cost", "gain"], sort=False, dropna=False):
        ax.annotate(
            "\n".join(same["label"]),
            (cost, 100 * gain),
            textcoords="offset points",
            xytext=(6, 6),
            va="bottom",
        )
    # wrongful bans are never negative: the axis starts at 0 (with a margin for the markers)
    widest = float(np.nanmax(np.r_[t["cost_hi"].to_numpy(float), t["cost"].to_numpy(float)]))
    right = widest * 1.1 if widest > 0 else 1.0
    ax.set_xlim(-0.03 * right, right)
    ax.set_xlabel(w(W.TRADEOFF_X))
    ax.set_ylabel(w(W.TRADEOFF_Y))
    ax.set_title(title)
    fig.legend(loc="outside lower center", ncol=2, fontsize=9)
    return fig
