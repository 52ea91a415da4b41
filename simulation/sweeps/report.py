"""Reports of runs and sweeps: charts with bands, headline tables, comparisons, inputs.

One self-contained HTML page (charts embedded as PNG, no network, no scripts) plus the
charts as PNG and SVG and the data as CSV and Parquet, so a report can be mailed,
archived, or re-plotted. Text a person or the generator wrote (policy texts, scenario,
sample posts, error messages) goes through Jinja2's autoescape: a post that says
``<script>`` is shown, never run.
"""

from __future__ import annotations

import base64
import html
import math
import re
import shutil
import tempfile
import textwrap
import unicodedata
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from simulation.metrics import BY_NAME
from simulation.metrics.summary import AVOIDED_DAYS, BY_RELATIVE
from simulation.model_version import MODEL_VERSION
from simulation.numbers import ranges
from simulation.paths import assets_dir
from simulation.runs import colours
from simulation.runs.bundle import check_folder, place
from simulation.runs.figures import (
    REPORT_MARK_CHARS,
    cumulative,
    draw_marks,
    fit_fonts,
    font_families,
    has_cjk,
)
from simulation.runs.marks import REPORT_LOCALE, Mark, merged
from simulation.runs.report_words import Words
from simulation.runs.urls import mask_url
from simulation.sweeps import words as W
from simulation.sweeps.aggregate import (
    COMPARISON_COLUMNS,
    MEASURES,
    NO_BASELINE,
    baseline_runs,
    compare_arms,
    daily_bands,
    headline,
    measure_interval,
)
from simulation.sweeps.aggregate import run_headlines as per_run
from simulation.sweeps.results import SweepResult
from simulation.sweeps.tradeoff import (
    clipped_end,
    param_value,
    tradeoff_chart,
    tradeoff_points,
)
from simulation.world.decay import avoided_share

SMOOTH_DAYS = 7  # a noisy daily flow's chart: each run's trailing mean over this many days
# (column, title, unit, days of trailing smoothing per run before averaging)
# (titles and units in English: simulation.sweeps.words says them in a report's language)
BAND_CHARTS: list[tuple[str, str, str, int]] = [
    ("offer_impressions.all", W.REACH, "impressions/day", SMOOTH_DAYS),
    ("impressions.spam", W.SPAM_IMPRESSIONS, "impressions/day", SMOOTH_DAYS),
    ("ad_share", W.AD_SHARE, W.SHARE_OF_IMPRESSIONS, 1),
    ("offers_created.all", W.OFFERS, "offers/day", SMOOTH_DAYS),
    ("units_sold.all", W.HARM, "units/day", SMOOTH_DAYS),
    ("bans.wrongful.cumulative", W.WRONGFUL, "bans", 1),
    ("bans.correct.cumulative", W.CORRECT, "bans", 1),
    ("review_backlog", W.BACKLOG, "posts", 1),
    ("sellers_active.all", W.SELLERS, "accounts", 1),
]
KEY_MEASURES = [  # the console table's columns and the report's key comparisons
    "harm_avoided",
    "private_harm_avoided",  # displacement: negative when selling moved to chats and groups
    "offer_impressions_avoided",
    "spam_impressions_avoided",
    "ad_share_last_week",
    # the innocent people reached, each once (the counts of actions, where an account
    # banned twice counts twice, are in HEADLINE: the report's tables and the CSV)
    "accounts_wrongly_banned_per_10k_accounts",
    "accounts_wrongly_struck_per_10k_accounts",  # every innocent user a strike reached
    "innocent_posts_removed",  # taken down by moderation or with a wrongly banned author
    "reviewer_hours",
    "days_to_halve",
]
KINDS = {0: "life", 1: "ad", 2: "spam", 3: "offer"}
# the most arms one headline table of the page shows side by side: a cell is a mean and
# its interval, never broken, so a fifth column ran past the page's width
ARMS_PER_TABLE = 4


def heading(name: str) -> str:
    """A headline measure's column heading: its registry label, and its unit when the label
    does not already name it ("harm avoided (%)", "reviewer hours"). ``KeyError`` names an
    unknown measure."""
    m = MEASURES[name]
    unit = "%" if m.unit.startswith("share") else m.unit
    if unit != "%" and set(re.split(r"[ /]", unit)) & set(m.label.split()):
        return m.label
    return f"{m.label} ({unit})"


def _colour(i: int) -> str:
    """The ``i``-th arm's colour (arms have no colour of their own: they take turns)."""
    return colours.cycled(i).light


# ---------------------------------------------------------------- charts


def band_chart(
    bands: pd.DataFrame,
    metric: str,
    title: str,
    unit: str,
    marks: dict[str, list[Mark]] | None = None,
    w: Words = W.ENGLISH,
):
    """Mean across seeds per arm, with its confidence band shaded, and each arm's event
    ``marks`` (:func:`arm_marks`); ``title`` and ``unit`` (English) and the axes said in
    the words of ``w``."""
    part = bands[bands["metric"] == metric]
    many = part["arm"].nunique() > 3
    height = 5.2 + (0.3 * part["arm"].nunique() if many else 0)
    fig, ax = plt.subplots(figsize=(10, height), layout="constrained")
    # a running total (cumulative bans) rises at the day it grew: steps, not a line that
    # climbs through the day before (simulation.runs.figures.cumulative)
    steps = metric.endswith(".cumulative")
    for i, (arm, d) in enumerate(part.groupby("arm", sort=False)):
        d = d.sort_values("day")
        label = f"{compact(arm)} (n={int(d['n'].max())})"
        if steps:
            cumulative(ax, d["day"], d["mean"], _colour(i), label)
        else:
            ax.plot(d["day"], d["mean"], color=_colour(i), label=label)
        ax.fill_between(
            d["day"],
            d["lo"],
            d["hi"],
            color=_colour(i),
            alpha=0.2,
            linewidth=0,
            step="post" if steps else None,
        )
    ax.set_title(w(title))
    ax.set_xlabel(w(W.DAY))
    ax.set_ylabel(W.unit(w, unit))
    ax.margins(x=0)
    ax.set_ylim(bottom=0)
    # below the plot: the shaded bands of a few seeds fill most of the axes, so a legend
    # inside would hide some of them wherever it went; long variant labels one a line
    arms = part["arm"].nunique()
    fig.legend(loc="outside lower center", ncol=1 if many else max(1, min(3, arms)), fontsize=9)
    drawn, colours = arm_marks(list(dict.fromkeys(part["arm"])), marks or {}, w.locale)
    draw_marks(ax, drawn, REPORT_MARK_CHARS, colours)
    return fig


def arm_marks(
    arms: list[str], marks: dict[str, list[Mark]], locale: str = REPORT_LOCALE
) -> tuple[list[tuple[int, str]], list[str]]:
    """The marks a chart of ``arms`` draws, ``(day, label)`` in the report's language,
    and each one's colour: one line a day whatever number of arms have marks on it (the
    same crackdown in four variants is one line, not four labels stacked), its label
    every mark of that day once; in the colour of the arm's line when only one arm has
    marks on that day, else grey (the page lists each arm's marks in full)."""
    every = [m for arm in arms for m in marks.get(arm, [])]
    drawn = merged(every, locale)
    colours = []
    for day, _label in drawn:
        which = [i for i, arm in enumerate(arms) if any(m.day == day for m in marks.get(arm, []))]
        colours.append(_colour(which[0]) if len(which) == 1 else "#555555")
    return drawn, colours


AVOIDED = (
    ("offer_impressions_avoided", W.AVOIDED_OFFERS),
    ("harm_avoided", W.AVOIDED_HARM),
    ("spam_impressions_avoided", W.AVOIDED_SPAM),
)


def avoided_chart(head: pd.DataFrame, baseline: str, w: Words = W.ENGLISH):
    """Share of restricted-offer and spam impressions, and of restricted units sold, avoided
    per arm against the arm ``baseline`` (its name, for the title) on the same seeds, with
    95% intervals; its words in the language of ``w``."""
    n = head["arm"].nunique()
    fig, ax = plt.subplots(figsize=(10, 0.6 * n + 2.8), layout="constrained")
    arms = list(dict.fromkeys(head["arm"]))
    y = np.arange(len(arms))
    for j, (name, label) in enumerate(AVOIDED):
        d = head[head["measure"] == name].set_index("arm").reindex(arms)
        err = np.vstack([d["mean"] - d["lo"], d["hi"] - d["mean"]])
        ax.barh(
            y + (j - 1) * 0.27,
            100 * d["mean"],
            height=0.25,
            color=colours.colour(name),
            label=w(label),
            xerr=100 * np.nan_to_num(err),
            capsize=3,
        )
        ends = d["clipped"] if "clipped" in d else pd.Series("", index=d.index, dtype=object)
        for k, side in enumerate(ends):
            at = y[k] + (j - 1) * 0.27
            if side in ("low", "both"):
                clipped_end(ax, 100 * d["lo"].iat[k], at, "<")
            if side in ("high", "both"):
                clipped_end(ax, 100 * d["hi"].iat[k], at, ">")
    ax.set_yticks(y, [_short(a) for a in arms])
    ax.invert_yaxis()
    ax.axvline(0, color="#333", lw=0.8)
    # title and label centred on the figure, not on the axes: long arm names push the axes
    # right, and text centred over them would run off the figure
    fig.suptitle(_wrap(w(W.AVOIDED_TITLE).format(baseline=_short(baseline))))
    fig.supxlabel(
        _wrap(w(W.AVOIDED_AXIS).format(baseline=_short(baseline))),
        fontsize="medium",
    )
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)  # beside, not over, bars
    return fig


def _wrap(text: str, width: int = 80) -> str:
    """``text`` in lines of at most ``width`` columns, a CJK character two (Chinese has no
    spaces to break at: it breaks between characters, and before a Latin word that would
    not fit)."""
    if not has_cjk([text]):
        return "\n".join(textwrap.wrap(text, width))
    lines, line, used = [], "", 0
    for piece in re.findall(r"[A-Za-z0-9_.,:;'()\[\]=+%/-]+ ?| |.", text):
        size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in piece)
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        if line or piece.strip():
            line, used = line + piece, used + size
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


def _series_key(part: pd.DataFrame, col: str) -> pd.Series:
    """Which curve each run of ``part`` belongs to: its policy, its scenario parameters and
    the swept policy parameters other than ``col`` that do not move with it (a parameter
    zipped with ``col`` takes one value per value of ``col`` and splits nothing). One
    curve per distinct key, so no point averages two policies or two values of another
    parameter; the key reads as the curve's label."""
    others = [
        c
        for c in part.columns
        if c.startswith("policy:")
        and c != col
        and part.groupby([col, "policy", "scenario_params"])[c].nunique(dropna=False).max() > 1
    ]
    scenarios = part["scenario_params"].nunique() > 1

    def key(r: pd.Series) -> str:
        text = str(r["policy"])
        values = [
            f"{c.removeprefix('policy:')}={param_value(r[c])}" for c in others if pd.notna(r[c])
        ]
        text += f" [{', '.join(values)}]" if values else ""
        return text + (f" ({r['scenario_params']})" if scenarios and r["scenario_params"] else "")

    return part.apply(key, axis=1)


def curve_chart(
    rh: pd.DataFrame,
    param: str,
    x_label: str,
    log_x: bool = True,
    reference: dict[str, float] | None = None,
    baseline: str | None = None,
    w: Words = W.ENGLISH,
):
    """A measure per parameter value with its band: the study figure (e.g. takedown delay),
    "avoided" against the arm ``baseline`` (its name, for the labels; None: "the
    baseline"); its words in the language of ``w`` (``x_label``, the study's own, as it
    is).

    ``reference`` ({half_life_hours, recall}) adds the share a removal after x hours
    would avoid if nothing but the post's own views changed: recall * 2**(-x / h).
    """
    fig, ax = plt.subplots(figsize=(10, 5.6), layout="constrained")
    baseline = w(W.THE_BASELINE) if baseline is None else baseline
    low = 0.0
    col = "policy:" + param
    part = rh[rh[col].notna()] if col in rh else rh.iloc[0:0]
    series = list(part.groupby(_series_key(part, col), sort=False)) if len(part) else []
    styles = ["-", "--", ":", "-."]
    for name, label in (
        ("offer_impressions_avoided", w(W.CURVE_OFFERS)),
        ("harm_avoided", w(W.CURVE_HARM)),
        ("spam_impressions_avoided", w(W.CURVE_SPAM)),
    ):
        for k, (key, runs) in enumerate(series):
            rows = []
            for x, d in runs.groupby(col):
                rows.append((float(x), *measure_interval(name, d[name].to_numpy(float))))
            xs, mean, lo, hi = (np.array(v) for v in zip(*sorted(rows), strict=True))
            shown = label if len(series) == 1 else w(W.CURVE_OF).format(series=label, key=key)
            style = styles[k % len(styles)]
            tint = colours.colour(name)  # the same as in the chart of avoided shares
            ax.plot(xs, 100 * mean, style, marker="o", color=tint, label=shown)
            ax.fill_between(xs, 100 * lo, 100 * hi, color=tint, alpha=0.2, linewidth=0)
            low = min(low, float(np.nanmin(100 * lo)) if np.isfinite(lo).any() else 0.0)
    if reference and col in part:
        xs = np.geomspace(max(part[col].min(), 0.1), part[col].max(), 100)
        ys = [
            100 * reference.get("recall", 1.0) * avoided_share(x, reference["half_life_hours"])
            for x in xs
        ]
        ax.plot(
            xs,
            ys,
            "--",
            color="#555",
            lw=1.6,
            label=w(W.REMOVAL_ALONE).format(hours=f"{reference['half_life_hours']:g}"),
        )
    if log_x:
        ax.set_xscale("log")
        ticks = sorted({float(v) for v in part[col].dropna()}) if col in part else []
        ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
        ax.minorticks_off()
    ax.set_xlabel(x_label)
    # the y label in lines no longer than the axes are high, the title above the axes and
    # their labels (the figure's, placed by the layout), wrapped to the figure's width: a
    # long title centred on the axes ran over the top of the y label
    ax.set_ylabel(_wrap(w(W.CURVE_AXIS).format(baseline=_short(baseline, 30)), 44))
    ax.set_ylim(min(0.0, low - 3), 100)
    ax.axhline(0, color="#333", lw=0.8)
    fig.suptitle(_wrap(w(W.CURVE_TITLE).format(baseline=_short(baseline, 40), x=x_label), 90))
    fig.legend(loc="outside lower center", ncol=2, fontsize=9)
    return fig


def compact(arm: str) -> str:
    """``P [rules.*.delay_hours=6]`` → ``P [delay_hours=6]``: labels that fit a legend."""
    return re.sub(r"[\w*.-]+\.(\w+)=", r"\1=", arm)


def _short(arm: str, n: int = 60) -> str:
    arm = compact(arm)
    return arm if len(arm) <= n else arm[: n - 1] + "…"


CHART_FORMATS = ("png", "svg")  # what a report can write its charts as (PNG always)


def _save(fig, charts: Path, name: str, formats: tuple[str, ...] = ("png",)) -> str:
    """Save the chart as PNG (the page embeds it) and each other of ``formats`` (``svg``);
    return the PNG as a data URI for the page. Each format is a drawing of its own, so
    SVG is written only when asked for."""
    charts.mkdir(parents=True, exist_ok=True)
    fit_fonts(fig)  # Chinese in any text (a parameter's value too) in a CJK font
    # "tight": whatever a long label adds, the saved image holds all of it
    for fmt in ("png", *(f for f in formats if f != "png")):
        fig.savefig(charts / f"{name}.{fmt}", format=fmt, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode((charts / f"{name}.png").read_bytes()).decode("ascii")
    return f"data:image/png;base64,{data}"


# ---------------------------------------------------------------- the report


def swept_params(result: SweepResult) -> list[str]:
    """Policy parameters the sweep varied (two or more values)."""
    runs = result.runs
    return [
        c[len("policy:") :]
        for c in runs.columns
        if c.startswith("policy:") and runs[c].dropna().nunique() >= 2
    ]


def default_pairs(rh: pd.DataFrame, baseline: str | None) -> list[tuple[str, str]]:
    """Which arms to test against each other: every pair of policies when there are few,
    each against the first when there are many; a lone policy against the baseline. Arms
    without rules (no moderation) are compared only with a lone policy: each policy's
    "avoided" measures already set it against them."""
    arms = list(dict.fromkeys(rh["arm"]))
    base = [a for a in arms if rh.loc[rh["arm"] == a, "no_rules"].any()]
    others = [a for a in arms if a not in base]
    if len(others) == 1 and base:
        return [(others[0], base[0])]
    if len(others) <= 4:
        return [(a, b) for i, a in enumerate(others) for b in others[i + 1 :]]
    return [(a, others[0]) for a in others[1:]]


def build(
    result: SweepResult,
    out: Path,
    title: str,
    pairs: list[tuple[str, str]] | None = None,
    study: dict[str, Any] | None = None,
    level: float = 0.95,
    w: Words = W.ENGLISH,
    formats: tuple[str, ...] = ("png",),
) -> dict[str, Any]:
    """Write charts and data into ``out``; return the page's context. The charts and the
    page are in the words of ``w``; the data files are the same in every language (their
    comparisons' statements in English). Charts are written as PNG plus any other of
    ``formats`` (``CHART_FORMATS``)."""
    charts, data = out / "charts", out / "data"
    data.mkdir(parents=True, exist_ok=True)
    runs, metrics = result.runs, result.metrics
    bands = daily_bands(
        runs, metrics, level=level, columns=[c for c, *_ in BAND_CHARTS if _has(metrics, c)]
    )
    # the charts of noisy daily flows draw each run's trailing 7-day mean; bands.csv keeps
    # every metric's own daily values under its name (as SweepResult.bands() gives them),
    # and the smoothed bands the charts draw go to bands_smoothed.csv, their window named
    smooth_cols = [c for c, _t, _u, s in BAND_CHARTS if s > 1 and _has(metrics, c)]
    smoothed = (
        daily_bands(runs, metrics, level=level, columns=smooth_cols, smooth=SMOOTH_DAYS)
        if smooth_cols
        else bands.iloc[0:0]
    )
    smoothed.insert(2, "smoothing_days", SMOOTH_DAYS)
    drawn = pd.concat(
        [bands[~bands["metric"].isin(smooth_cols)], smoothed.drop(columns="smoothing_days")]
    )
    rh = per_run(runs, metrics, result.baseline)
    head = headline(rh, level)
    figures = []
    for col, chart_title, unit, _s in BAND_CHARTS:
        if (drawn["metric"] == col).any():
            fig = band_chart(drawn, col, chart_title, unit, result.marks, w)
            uri = _save(fig, charts, col.replace(".", "_"), formats)
            figures.append({"src": uri, "caption": w(chart_title), "name": col})
    base_name = baseline_name(result, rh, w)
    if result.baseline and len(head):
        arms = head[head["arm"].isin(rh.loc[~_is_base(result, rh), "arm"])]
        uri = _save(avoided_chart(arms, base_name, w), charts, "avoided", formats)
        caption = w(W.AVOIDED_CAPTION).format(baseline=base_name)
        figures.insert(0, {"src": uri, "caption": caption, "name": "avoided"})
    params = swept_params(result)
    if study and study.get("x") in params:  # the study names the parameter to plot against
        params.insert(0, params.pop(params.index(study["x"])))
    if params and result.baseline:
        x = study.get("x") if study else None
        table = tradeoff_points(rh[~_is_base(result, rh)], params, level, x)
        # the study's own name for its parameter, else the swept parameters' paths
        over = study_text(study, "x_label", w, x) if study and x in params else ", ".join(params)
        fig = tradeoff_chart(table, _wrap(w(W.TRADEOFF_TITLE).format(over=over), 90), w=w)
        caption = w(W.TRADEOFF_CAPTION).format(over=over)
        figures.insert(
            1,
            {
                "src": _save(fig, charts, "tradeoff", formats),
                "name": "tradeoff",
                "caption": caption,
            },
        )
        table.to_csv(data / "tradeoff.csv", index=False)
    # the study's curve plots a measure against a parameter's numbers (the study's x, else
    # the first swept parameter that takes numbers alone: a list or a word has no place
    # on an axis)
    curve = [p for p in params if _numbers(runs["policy:" + p])]
    if study and curve:
        own = study.get("x") in (None, curve[0])  # the study's label is its x's
        fig = curve_chart(
            rh,
            curve[0],
            study_text(study, "x_label", w, curve[0]) if own else curve[0],
            study.get("x_log", True),
            study.get("reference"),
            base_name,
            w,
        )
        figures.insert(
            0,
            {
                "src": _save(fig, charts, "study_curve", formats),
                "name": "study_curve",
                "caption": study_text(study, "title", w, w(W.STUDY)),
            },
        )
    compared = pairs or default_pairs(rh, result.baseline)

    def comparisons_in(said: Words) -> pd.DataFrame:
        return pd.concat(
            [compare_arms(rh, a, b, level, w=said) for a, b in compared]
            or [pd.DataFrame(columns=COMPARISON_COLUMNS)],
            ignore_index=True,
        )

    comparisons = comparisons_in(W.ENGLISH)  # the data's statements: in English
    _write_data(result, bands, smoothed, rh, head, comparisons, data)
    shown = comparisons if w.english else comparisons_in(w)
    context = _context(result, title, figures, head, shown, level, w, formats)
    context["not_same_world"] = not_same_world(rh)
    return context


def not_same_world(rh: pd.DataFrame) -> list[dict[str, str]]:
    """Each arm whose "avoided" measures are undefined on some runs because the baseline
    ran another world, and why (``run_headlines``' reason, once per distinct reason, in
    English: it names settings as written): ``[{"arm": …, "reason": …}]``."""
    if NO_BASELINE not in rh.columns:
        return []
    out = []
    for arm, part in rh.groupby("arm", sort=False):
        for reason in dict.fromkeys(r for r in part[NO_BASELINE] if r):
            out.append({"arm": str(arm), "reason": reason})
    return out


def _is_base(result: SweepResult, rh: pd.DataFrame) -> pd.Series:
    """Which per-run rows are the baseline's: the named baseline policy, else the policy
    without rules (as ``run_headlines`` decides)."""
    return baseline_runs(rh, result.baseline)


def baseline_events(result: SweepResult, w: Words = W.ENGLISH) -> str:
    """A sentence for when the baseline is a policy of no moderation whose runs hold the
    scenario's own events (an announcement, a change, newcomers: the classroom world
    announces a crackdown on day 30 in every arm): that they happen in the baseline too,
    so "avoided" is measured beyond them, naming them in the words of ``w``; else ""."""
    runs = result.runs
    if not len(runs) or "no_rules" not in runs.columns:
        return ""
    done = runs[runs["status"] == "complete"]
    base = done[baseline_runs(done, result.baseline)]
    arms = list(dict.fromkeys(base["arm"]))
    if len(arms) != 1 or not bool(base["no_rules"].astype(bool).all()):
        return ""
    marks = result.marks.get(arms[0]) or []
    if not marks:
        return ""
    events = w.join(
        [w(W.MARK_ITEM).format(day=d, text=w.one_day(t)) for d, t in merged(marks, w.locale)]
    )
    return w(W.BASELINE_EVENTS).format(events=events)


def baseline_name(result: SweepResult, rh: pd.DataFrame, w: Words = W.ENGLISH) -> str:
    """The baseline's arm as the report names it ("No moderation", "Keyword filter only";
    without one name, "the baseline" in the words of ``w``)."""
    arms = list(dict.fromkeys(rh.loc[_is_base(result, rh), "arm"])) if len(rh) else []
    return arms[0] if len(arms) == 1 else str(result.baseline or w(W.THE_BASELINE))


def _numbers(values: pd.Series) -> bool:
    """Whether every value given (not missing) is a number (not a truth value)."""
    given = values[values.notna()]
    return all(isinstance(v, int | float | np.number) and not isinstance(v, bool) for v in given)


def study_text(study: dict[str, Any], key: str, w: Words, default: str) -> str:
    """A study's own text (``title``, ``x_label``) in the language of ``w`` when the study
    gives one for it (``{en_US: …, zh_CN: …}``), else as written; ``default`` when the
    study has none."""
    value = study.get(key)
    if value is None:
        return default
    if isinstance(value, dict):
        return str(value.get(w.locale) or value.get("en_US") or default)
    return str(value)


def _has(metrics: pd.DataFrame, col: str) -> bool:
    base = col.removesuffix(".all").removesuffix(".cumulative")
    return col in metrics or any(c.startswith(base + ".") or c == base for c in metrics.columns)


def _write_data(result, bands, smoothed, rh, head, comparisons, data: Path) -> None:
    runs = result.runs
    for name, frame in (
        ("runs", runs),
        ("bands", bands),
        ("bands_smoothed", smoothed),
        ("run_headlines", rh),
        ("headline", head),
        ("comparisons", comparisons),
    ):
        frame.to_csv(data / f"{name}.csv", index=False)
    runs.astype({c: str for c in runs.columns if runs[c].dtype == object}).to_parquet(
        data / "runs.parquet", index=False
    )
    bands.to_parquet(data / "bands.parquet", index=False)
    result.metrics.to_parquet(data / "daily_metrics.parquet", index=False)
    result.metrics.to_csv(data / "daily_metrics.csv", index=False)  # every digit


def _fmt(v: Any, measure: str = "") -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    unit = MEASURES[measure].unit if measure in MEASURES else ""
    if unit.startswith("share"):
        return f"{100 * v:.1f}%"
    return f"{v:,.3g}" if abs(v) < 100 else f"{v:,.0f}"


def _days_run(runs: pd.DataFrame, arms: list[str], w: Words = W.ENGLISH) -> str:
    """How many days the runs ran: one number when they all ran as long, else each arm's
    (a stored run compared with a longer one: "avoided" counts the days both ran)."""
    if not len(runs):
        return ""
    per_arm = runs.groupby("arm", sort=False)["days"].agg(lambda d: ranges(sorted(set(d))))
    if runs["days"].nunique() == 1:
        return str(int(runs["days"].iat[0]))
    return w.join(
        [w(W.ARM_DAYS).format(arm=arm, days=per_arm[arm]) for arm in arms if arm in per_arm.index]
    )


class Say:
    """The page's own sentences in the words of ``w``, as the template puts them: a
    sentence is its own markup (escaped as plain text, quotes kept), each value filled
    into it escaped as ``{{ value }}`` escapes it (a value that is markup, such as
    ``<code>data/</code>``, as it is)."""

    def __init__(self, w: Words) -> None:
        self.w = w

    def __call__(self, english: str, **values: Any) -> Markup:
        return Markup(html.escape(self.w(english), quote=False)).format(**values)

    def join(self, items: list[Markup]) -> Markup:
        """Sentences of the page as one list (``Words.join``)."""
        return Markup(html.escape(self.w.join(["", ""]), quote=False)).join(items)


def arm_groups(arms: list[str], most: int = ARMS_PER_TABLE) -> list[list[str]]:
    """``arms`` in order, cut into as few groups of at most ``most`` as hold them, as even
    as can be (6 arms: 3 and 3; 7: 4 and 3): the page's headline tables, one per group.
    No arms: one empty group (the table's headings alone)."""
    k = max(1, math.ceil(len(arms) / most))
    size, extra = divmod(len(arms), k)
    groups, start = [], 0
    for g in range(k):
        n = size + (1 if g < extra else 0)
        groups.append(arms[start : start + n])
        start += n
    return groups


def _headline_tables(
    arms: list[str], rows: list[dict[str, Any]], w: Words = W.ENGLISH
) -> list[dict[str, Any]]:
    """The headline rows (a cell per arm of ``arms``) as the page's tables: the measures
    as rows and a column per arm, at most ``ARMS_PER_TABLE`` arms to a table, each
    table headed, when there are several, by which of the arms it shows."""
    groups = arm_groups(arms)
    tables, start = [], 0
    for group in groups:
        cut = slice(start, start + len(group))
        caption = w(W.ARMS_OF_TABLE).format(first=start + 1, last=cut.stop, n=len(arms))
        tables.append(
            {
                "arms": group,
                "caption": caption if len(groups) > 1 else "",
                "rows": [{**row, "cells": row["cells"][cut]} for row in rows],
            }
        )
        start = cut.stop
    return tables


def _statements(comparisons: pd.DataFrame) -> list[dict[str, Any]]:
    """The sentences of the comparisons on the key measures (on every measure when none
    of them is compared), each with whether it found a significant difference."""
    if not len(comparisons):
        return []
    key = comparisons[comparisons["measure"].isin(KEY_MEASURES)]
    rows = key if len(key) else comparisons
    return [
        {"text": s, "significant": bool(sig)}
        for s, sig in zip(rows["statement"], rows["significant"], strict=True)
        if isinstance(s, str)
    ]


def _context(
    result, title, figures, head, comparisons, level, w=W.ENGLISH, formats=("png",)
) -> dict[str, Any]:
    runs = result.runs
    arms = list(dict.fromkeys(head["arm"])) if len(head) else []
    done = runs[runs["status"] == "complete"] if len(runs) else runs
    seeds = seeds_per_arm(runs)
    older = older_arms(runs)
    table = []
    partial = cut = censored = False
    for name in MEASURES:
        cells = []
        for arm in arms:
            r = head[(head["arm"] == arm) & (head["measure"] == name)]
            cells.append(
                headline_cell(r.iloc[0], name, seeds.get(arm), w, older.get(arm)) if len(r) else "–"
            )
            partial = partial or (len(r) > 0 and _some_seeds(r.iloc[0], seeds.get(arm)))
            cut = cut or (len(r) > 0 and bool(clipped(r.iloc[0])))
            censored = censored or (len(r) > 0 and _censored(r.iloc[0]) > 0)
        better = MEASURES[name].better
        table.append(
            {
                "label": w.label(MEASURES[name].label),
                "better": w(W.BETTER_WAYS[better]) if better else better,
                "cells": cells,
            }
        )
    posts = []
    if result.posts is not None and len(result.posts):
        for _i, p in result.posts.iterrows():
            removed = p.get("removed_at_hours")
            kind = KINDS.get(int(p.get("kind", -1)))
            posts.append(
                {
                    "arm": p["arm"],
                    "seed": p["seed"],
                    "day": p.get("day"),
                    "kind": w.kind(kind) if kind else "?",
                    "text": p["text"],
                    "views": f"{float(p.get('views') or 0):.1f}",
                    "removed": "–"
                    if removed is None or pd.isna(removed)
                    else w(W.REMOVED_AFTER).format(hours=f"{float(removed):.1f}"),
                }
            )
    failed = runs[runs["status"] != "complete"] if len(runs) else runs
    n_runs = len(runs)
    n_complete = int((runs["status"] == "complete").sum()) if len(runs) else 0
    baseline = result.baseline
    starts = (
        [
            {
                "arm": a,
                "day": int(d["policy_start"].min()),
                "last": int(d["days"].max()) - 1,  # the runs' last day
                "after": bool((d["policy_start"] >= d["days"]).all()),  # never in force
            }
            for a, d in done.groupby("arm", sort=False)
        ]
        if len(done)
        else []
    )
    avoided_days = w(AVOIDED_DAYS)
    marks = [
        {
            "arm": arm,
            "text": w.join(
                [w(W.MARK_ITEM).format(day=d, text=w.one_day(t)) for d, t in merged(m, w.locale)]
            ),
        }
        for arm, m in result.marks.items()
        if m and arm in arms
    ]
    t = _page_words(
        w, level, n_runs, n_complete, baseline, starts, bool(arms), marks, failed, formats
    )
    t["baseline_events"] = baseline_events(result, w)  # plain text: the page escapes it
    return {
        "t": t,
        "html_lang": w.html_lang,
        "title": title,
        "level": int(level * 100),
        "sweep_id": result.sweep_id,
        "db": mask_url(result.db) if result.db else w(W.IN_MEMORY),
        "scenario": ", ".join(sorted(set(runs["scenario"]))) if len(runs) else "",
        "seeds": ranges(sorted(set(runs["seed"]))) if len(runs) else "",
        "days": _days_run(runs, arms, w),
        "code_versions": ", ".join(sorted(set(runs["code_version"]))) if len(runs) else "",
        "n_runs": n_runs,
        "n_complete": n_complete,
        "baseline": baseline,
        "arms": arms,
        "table": table,
        "tables": _headline_tables(arms, table, w),  # what the page shows: arms in groups
        "statements": _statements(comparisons),
        "figures": figures,
        "posts": posts,
        "policies": [{"arm": a, "text": t} for a, t in _distinct_texts(result.policy_texts(w))],
        "scenarios": [{"heading": h, "text": t} for h, t in result.scenarios_in(w)],
        "changes": [{"run": c.label(w), "lines": c.lines(w)} for c in result.changes],
        # each arm's event marks in full (the charts cut a long label)
        "marks": marks,
        "failed": [
            {
                "id": r["run_id"],
                "arm": r["arm"],
                "seed": r["seed"],
                "status": r["status"],
                "error": str(r["error"])[-1500:],
            }
            for _i, r in failed.iterrows()
        ],
        "notes": [note.said(w) if isinstance(note, W.Note) else note for note in result.notes],
        "starts": starts,
        "avoided_days": avoided_days,
        "partial": partial,
        "clipped": cut,
        "censored": censored,
        "measure_defs": [
            {
                "label": w.label(m.label),
                "unit": W.unit(w, m.unit),
                "meaning": w(W.MEANING_AND_DAYS).format(
                    meaning=w.meaning(m.meaning), days=avoided_days
                )
                if name in BY_RELATIVE
                else w.meaning(m.meaning),
                "undefined": w(m.undefined),
            }
            for name, m in MEASURES.items()
        ],
        "metric_defs": [
            {"name": m.name, "unit": w.unit(m.unit), "meaning": w.meaning(m.meaning)}
            for m in BY_NAME.values()
        ],
    }


def _page_words(
    w: Words,
    level: float,
    n_runs: int,
    n_complete: int,
    baseline: str | None,
    starts: list[dict[str, Any]],
    any_arm: bool,
    marks: list[dict[str, str]],
    failed: pd.DataFrame,
    formats: tuple[str, ...] = ("png",),
) -> dict[str, Any]:
    """The page's own words (the template's ``t``) in the words of ``w``: a sentence with
    its values filled in (:class:`Say`: markup, each value escaped), or a word the
    template escapes as it escapes every value. ``formats``: the chart files written."""
    say = Say(w)
    started = say.join(
        [
            say(
                W.STARTS_AFTER_END if s["after"] else W.STARTS_ON,
                arm=s["arm"],
                day=s["day"],
                last=s["last"],
            )
            for s in starts
        ]
    )
    return {
        "sweep": w(W.META_SWEEP),
        "database": w(W.META_DATABASE),
        "scenario": w(W.META_SCENARIO),
        "seeds": w(W.META_SEEDS),
        "days": w(W.META_DAYS),
        "runs": w(W.META_RUNS),
        "baseline": w(W.META_BASELINE),
        "code_version": w(W.META_CODE),
        "complete_of": say(W.COMPLETE_OF, complete=n_complete, runs=n_runs),
        "no_baseline": w(W.NO_BASELINE_OF_ONE if n_runs == 1 else W.NO_BASELINE),
        "headline": w(W.HEADLINE_HEADING),
        "headline_note": say(
            W.HEADLINE_NOTE,
            level=int(level * 100),
            baseline=say(W.BASELINE_NAMED, baseline=baseline) if baseline else "",
            days=w(AVOIDED_DAYS),
            starts=say(W.STARTS, starts=started) if starts else "",
        ),
        "partial_note": say(W.PARTIAL_NOTE),
        "clipped_note": say(W.CLIPPED_NOTE),
        "censored_note": say(W.CENSORED_NOTE),
        "not_same_world": say(
            W.NOT_SAME_WORLD,
            # (quotes kept as written: the words are ours, not a value to escape)
            undefined=Markup(
                f"<strong>{html.escape(w(W.AVOIDED_UNDEFINED), quote=False)}</strong>"
            ),
        ),
        "no_numbers": say(
            W.NO_NUMBERS, no_run=Markup("<strong>%s</strong>") % w(W.NO_RUN_COMPLETED)
        ),
        "measure": w(W.MEASURE),
        "better": w(W.BETTER),
        "differ": w(W.DIFFER_HEADING),
        "nothing_to_compare": w(W.ONE_POLICY if any_arm else W.NOTHING_TO_COMPARE),
        "charts": w(W.CHARTS_HEADING),
        "charts_note": say(
            W.CHARTS_NOTE,
            level=int(level * 100),
            formats=", ".join(dict.fromkeys(f.upper() for f in ("png", *formats))),
            charts=Markup("<code>charts/</code>"),
            data=Markup("<code>data/</code>"),
        ),
        "marks_note": w(W.MARKS_MANY if len(marks) > 1 else W.MARKS_ONE),
        "arm_marks": [say(W.ARM_MARKS, arm=m["arm"], marks=m["text"]) for m in marks],
        "posts": w(W.POSTS_HEADING),
        "posts_note": say(W.POSTS_NOTE),
        "post_columns": [w(c) for c in W.POST_COLUMNS.values()],
        "failed": w(W.FAILED_HEADING),
        "failed_runs": [
            say(
                W.FAILED_RUN,
                run=r["run_id"],
                arm=r["arm"],
                seed=r["seed"],
                status=w(W.STATUSES[r["status"]]) if r["status"] in W.STATUSES else r["status"],
            )
            for _i, r in failed.iterrows()
        ],
        "changes": w(W.CHANGES_HEADING),
        "changes_note": say(W.CHANGES_NOTE),
        "policies": w(W.POLICIES_HEADING),
        "scenario_heading": w(W.SCENARIO_HEADING),
        "scenarios_heading": w(W.SCENARIOS_HEADING),
        "scenarios_note": say(W.SCENARIOS_NOTE, set=Markup("<code>--set</code>")),
        "measures": w(W.MEASURES_HEADING),
        "unit": w(W.UNIT),
        "meaning": w(W.MEANING),
        "undefined_when": w(W.UNDEFINED_WHEN),
        "definitions": w(W.DEFINITIONS_HEADING),
        "metric": w(W.METRIC),
    }


def seeds_per_arm(runs: pd.DataFrame) -> dict[str, int]:
    """Complete runs per arm: the seeds a headline mean could be over."""
    done = runs[runs["status"] == "complete"] if len(runs) else runs
    return done.groupby("arm").size().to_dict() if len(done) else {}


def _censored(row: pd.Series) -> int:
    """Seeds of a headline row known only from below (days to halve never reached)."""
    c = row.get("censored", 0)
    return int(c) if c == c and c else 0


def _some_seeds(row: pd.Series, seeds: int | None) -> bool:
    """Whether a headline row is defined for some of the arm's ``seeds`` only (not none),
    its mean and interval over those alone (a censored row has neither: not this)."""
    return bool(seeds) and not _censored(row) and 0 < int(row["n"]) < int(seeds or 0)


def clipped(row: pd.Series) -> str:
    """A headline row's ``clipped`` (``simulation.sweeps.aggregate.clipped_side``): the
    end of its interval cut at the measure's bound (``""``: none, or a row without it)."""
    cut = row.get("clipped", "")
    return cut if isinstance(cut, str) else ""


def older_arms(runs: pd.DataFrame) -> dict[str, int]:
    """Arm → the model version its complete runs were made under, for the arms whose runs
    are of an older version than this code's (``simulation.model_version``; 0: stored
    before versions were recorded). A measure counted since is missing from them."""
    if not len(runs) or "model_version" not in runs:
        return {}
    done = runs[runs["status"] == "complete"]
    newest = done.groupby("arm")["model_version"].max() if len(done) else pd.Series()
    return {str(a): int(v) for a, v in newest.items() if int(v) < MODEL_VERSION}


def headline_cell(
    row: pd.Series,
    name: str,
    seeds: int | None = None,
    w: Words = W.ENGLISH,
    older: int | None = None,
) -> str:
    """One arm's headline measure as "mean [low, high]" in the measure's unit, and
    " (2 of 5 seeds)" (in the words of ``w``) when it is defined for fewer than the arm's
    ``seeds`` (its mean and interval are of those only). An end of the interval cut at
    the measure's bound (:func:`clipped`) is shown as past it, ``<0`` or ``>100.0%``: the
    bound is not an end the data gave (``W.CLIPPED_NOTE`` says so under the table).

    Days to halve when some seeds never halved within the run (``headline``'s
    ``censored``): no mean, which would be of the fast seeds alone, but the median over
    every seed, "median 15 (halved in 2 of 3 seeds)", or "median > 19 (…)" when the median
    is among the seeds that never halved.

    ``older``: the model version of the arm's runs when older than this code's
    (:func:`older_arms`); a measure counted since (``Measure.since_stored``) that none of
    them has is said to be missing from runs of that version, not a bare "–"."""
    if older is not None and int(row["n"]) == 0 and getattr(MEASURES[name], "since_stored", 0):
        version = w.message(W.version_said(older))
        return w(W.MISSING_IN_VERSION).format(version=version)
    censored = _censored(row)
    if censored:
        n = int(row["n"])
        said = W.MEDIAN_ABOVE if bool(row["median_above"]) else W.MEDIAN
        halved = w(W.HALVED_IN).format(k=n, n=n + censored)
        return w(said).format(value=_fmt(row["median"], name)) + halved
    cut = clipped(row)
    low, high = _fmt(row["lo"], name), _fmt(row["hi"], name)
    low = "<" + low if cut in ("low", "both") else low
    high = ">" + high if cut in ("high", "both") else high
    band = "" if math.isnan(row["lo"]) else f" [{low}, {high}]"
    n = int(row["n"])
    part = w(W.SOME_SEEDS).format(n=n, seeds=seeds) if _some_seeds(row, seeds) else ""
    return _fmt(row["mean"], name) + band + part  # 0 seeds: "–" alone


def _distinct_texts(texts: dict[str, str]) -> list[tuple[str, str]]:
    """Policy texts once each: variants of one policy that differ only by a swept value
    would repeat the same page seven times, so only the first of a policy is kept."""
    seen: dict[str, str] = {}
    for arm, text in texts.items():
        base = arm.split(" [", 1)[0]
        seen.setdefault(base, text)
    return list(seen.items())


def render(context: dict[str, Any]) -> str:
    """The page, from ``assets/report/sweep.html.j2`` with autoescape on."""
    env = Environment(
        loader=FileSystemLoader(assets_dir() / "report"),
        autoescape=select_autoescape(["html", "j2"], default=True),
    )
    return env.get_template("sweep.html.j2").render(**context)


REPORT_NAMES = ("report.html", "charts", "data")  # what a sweep report writes into its folder


def write_report(
    result: SweepResult,
    out: str | Path,
    title: str | None = None,
    pairs: list[tuple[str, str]] | None = None,
    study: dict[str, Any] | None = None,
    level: float = 0.95,
    locale: str = "en_US",
    formats: tuple[str, ...] = ("png",),
) -> Path:
    """Write ``report.html``, ``charts/`` and ``data/`` into ``out``, the page and its
    charts in the language ``locale`` (``simulation.runs.report_words.LOCALES``; raises
    ``ValueError`` for another; the data files are the same in every language). Charts
    are PNG, plus SVG when ``formats`` holds ``"svg"`` (raises ``ValueError`` for a
    format not in ``CHART_FORMATS``).

    Built in a temporary directory and moved in at the end, so an interrupted report
    never leaves a half-written page; it replaces only what an earlier report wrote there
    (``simulation.runs.bundle``), so other files in ``out`` (a study's database) are left
    alone. Raises :class:`~simulation.runs.bundle.OutputFolderError` (before writing) when
    ``out`` holds a ``report.html``, ``charts`` or ``data`` that Circle Lab did not write.
    """
    w = Words(locale)
    unknown = sorted(set(formats) - set(CHART_FORMATS))
    if unknown:
        raise ValueError(f"chart formats must be among {CHART_FORMATS}, not {unknown}")
    out = Path(out)
    check_folder(out, REPORT_NAMES)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".report-", dir=out))
    try:
        # a Chinese report, Chinese arm names and marks (a zh policy's name) and a study's
        # Chinese title need a CJK font in the charts
        shown = [
            *map(str, result.runs.get("arm", [])),
            *(m.detail for ms in result.marks.values() for m in ms),
            *(study_text(study, key, w, "") for key in ("title", "x_label") if study),
        ]
        cjk = not w.english or has_cjk(shown)
        title = title or w(W.TITLE_SWEEP).format(sweep=result.sweep_id)
        with matplotlib.rc_context({"font.family": font_families(cjk)}):
            ctx = build(result, tmp, title, pairs, study, level, w, formats)
        (tmp / "report.html").write_text(render(ctx), encoding="utf-8")
        place(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out / "report.html"
