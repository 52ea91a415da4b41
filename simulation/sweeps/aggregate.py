"""Across seeds: bands per day, headline numbers per policy, and honest comparisons.

Every number here is computed per run first and only then averaged over seeds, so a
band says how much a result depends on the seed (the world's luck), which is what a
policy designer must know before saying one policy beats another.

* Bands: Student-t intervals of the mean across seeds (default), or percentile
  bootstrap. With 10 seeds t is exact for normal data and close otherwise; the
  bootstrap undercovers at such small n, so it is offered, not preferred. A daily band
  never goes below 0 (every daily metric is a count, level, share or amount); a headline
  interval is clipped to the values the measure can take (``Measure.bounds``): a count,
  total or share never below 0, a share never above 1 (with 2 seeds the t interval of
  a count is often wider than its mean). Such an end is flagged (``clipped``) and a
  report shows it as "past" the bound (``<0``, ``>100.0%``), never as an end the data
  gave.
* Comparisons are paired by seed when both arms ran the same seeds of one world (the
  scenario as it ran, its parameters included: ``simulation.runs.same_world``): the
  seed fixes the world (graph, sellers, posting), so the paired difference removes the
  between-world noise. Otherwise Welch's t-test. Days to halve with seeds that never
  halved within the run (censored) is compared by rank instead, those seeds counted as
  slower than any that halved by their bound (``simulation.sweeps.censored``: the sign
  test paired, Gehan's test unpaired): no difference of means, which would leave them
  out.
* "Avoided" is relative to the baseline (no moderation: a policy without rules or
  announcements, usually ``none``) in the same world and seed: 1 - arm / baseline, both
  summed over the days from the arm's policy start (the first day it acts: its first
  announcement or the first day any of its rules is in force, whichever comes first) to
  the end. Before that day the two runs are the same world doing the same thing, and
  counting those days would dilute what the policy did; an announcement ahead of the
  rules already deters sellers, so its days count (``tests/sweeps/test_avoided.py``
  checks both against sums of the daily metrics, for the crackdown preset in force from
  day 30).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
from scipy import stats

from simulation.metrics.registry import ALL, BY_NAME, CUMULATIVE, add_derived
from simulation.metrics.summary import (
    HEADLINE,
    RELATIVE,
    Measure,
    Relative,
    RunFacts,
    measure,
)
from simulation.runs.report_words import Words
from simulation.runs.same_world import RunWorld, known, why_not_same_world
from simulation.sweeps import words as W
from simulation.sweeps.censored import Censored, gehan_test, order, sign_test, tied

# The headline measures a sweep compares, defined once in simulation.metrics.summary
MEASURES: dict[str, Measure | Relative] = {name: measure(name) for name in HEADLINE}

# Measures a run can leave censored, and run_headlines' column of the bound it is known to
# exceed: days to halve, when volume never halved within the run (NaN when it did)
CENSORED = {"days_to_halve": "days_to_halve_above"}

DERIVED = [
    "offers_created.all",
    "offer_impressions.all",
    "units_sold.all",
    "sellers_active.all",
    "bans.wrongful.cumulative",
    "bans.correct.cumulative",
]


# ---------------------------------------------------------------- intervals


def t_interval(
    values: np.ndarray,
    level: float = 0.95,
    bounds: tuple[float, float] = (-math.inf, math.inf),
) -> tuple[float, float, float]:
    """Mean and Student-t confidence interval of the mean (nan band for fewer than 2),
    the interval clipped to ``bounds`` (low, high): the values the quantity can take."""
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    n = len(x)
    if n == 0:
        return (math.nan, math.nan, math.nan)
    mean = float(x.mean())
    if n < 2:
        return (mean, math.nan, math.nan)
    half = stats.t.ppf(0.5 + level / 2, n - 1) * x.std(ddof=1) / math.sqrt(n)
    return (mean, max(mean - half, bounds[0]), min(mean + half, bounds[1]))


def measure_interval(name: str, values: np.ndarray, level: float = 0.95):
    """``t_interval`` of a headline measure's per-run values, within the measure's bounds
    (a count never below 0); ``KeyError`` for an unknown measure."""
    return t_interval(values, level, measure(name).bounds)


# which end of an interval ran past the values its measure can take and was cut there
CLIPPED_SIDES = ("", "low", "high", "both")


def clipped_side(name: str, values: np.ndarray, level: float = 0.95) -> str:
    """Which end of :func:`measure_interval` is the measure's bound rather than the t
    interval's own end (the t interval ran past it): ``"low"``, ``"high"``, ``"both"``,
    or ``""`` (neither, or no interval). The data do not support a bound there: with few
    seeds a t interval is wide (n = 2: twelve standard errors each way), and where it
    reaches past what the measure can be it says nothing more on that side."""
    _mean, lo, hi = t_interval(values, level)
    low, high = measure(name).bounds
    return CLIPPED_SIDES[(lo < low) + 2 * (hi > high)]


def bootstrap_interval(
    values: np.ndarray, level: float = 0.95, n_boot: int = 4000, seed: int = 0
) -> tuple[float, float, float]:
    """Mean and percentile-bootstrap interval of the mean (seeded: reports are reproducible)."""
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return (math.nan, math.nan, math.nan)
    if len(x) < 2:
        return (float(x.mean()), math.nan, math.nan)
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
    lo, hi = np.quantile(means, [0.5 - level / 2, 0.5 + level / 2])
    return (float(x.mean()), float(lo), float(hi))


# ---------------------------------------------------------------- daily bands


def with_derived(metrics: pd.DataFrame) -> pd.DataFrame:
    """Totals over categories and cumulative bans, per run (computed before averaging)."""
    if metrics.empty:
        return metrics
    have = [
        name
        for name in DERIVED
        if name.removesuffix(ALL).removesuffix(CUMULATIVE) in metrics
        or any(c.startswith(name.removesuffix(ALL) + ".") for c in metrics.columns)
    ]
    return add_derived(metrics, have, by="run_id")


def _complete(runs: pd.DataFrame) -> pd.DataFrame:
    return runs[runs["status"] == "complete"] if len(runs) else runs


def tidy(runs: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """Long form: one row per run, day and metric, with the run's arm, policy and seed."""
    if metrics.empty:
        return pd.DataFrame(columns=["run_id", "arm", "policy", "seed", "day", "metric", "value"])
    keys = _complete(runs)[["run_id", "arm", "policy", "seed"]]
    long = metrics.melt(id_vars=["run_id", "day"], var_name="metric", value_name="value")
    return keys.merge(long, on="run_id")


def daily_bands(
    runs: pd.DataFrame,
    metrics: pd.DataFrame,
    level: float = 0.95,
    method: str = "t",
    columns: list[str] | None = None,
    smooth: int = 1,
) -> pd.DataFrame:
    """Per arm, day and metric: n seeds, mean, lo, hi.

    ``smooth`` > 1 takes a trailing rolling mean per run first (noisy daily flows). No
    complete run (every run failed): no rows.
    """
    if metrics.empty or _complete(runs).empty:
        return pd.DataFrame(columns=["arm", "metric", "day", "n", "mean", "lo", "hi"])
    m = with_derived(metrics)
    cols = columns or [c for c in m.columns if c not in ("run_id", "day")]
    m = m[["run_id", "day", *cols]]
    if smooth > 1:
        rolled = m.groupby("run_id")[cols].rolling(smooth, min_periods=1).mean()
        m = m.assign(**{c: rolled[c].to_numpy() for c in cols})
    keys = _complete(runs)[["run_id", "arm"]]
    long = keys.merge(m, on="run_id").melt(
        id_vars=["run_id", "arm", "day"], var_name="metric", value_name="value"
    )
    if method == "bootstrap":
        return _bootstrap_bands(long, level)
    g = long.groupby(["arm", "metric", "day"], sort=False)["value"]
    out = g.agg(n="count", mean="mean", sd="std").reset_index()
    df = (out["n"] - 1).clip(lower=1)
    half = stats.t.ppf(0.5 + level / 2, df) * out["sd"] / np.sqrt(out["n"])
    half = half.where(out["n"] >= 2)
    out["lo"], out["hi"] = out["mean"] - half, out["mean"] + half
    # every daily metric is a count, level, share, amount or factor: never below 0
    out["lo"] = out["lo"].where(~out["metric"].map(_non_negative), out["lo"].clip(lower=0))
    return out.drop(columns="sd")


def _non_negative(column: str) -> bool:
    """A registry metric's column (``impressions.spam``, ``bans.wrongful.cumulative``)."""
    return column.split(".", 1)[0] in BY_NAME


def _bootstrap_bands(long: pd.DataFrame, level: float, n_boot: int = 2000) -> pd.DataFrame:
    """Vectorised per arm: resample whole runs (seeds), keep each run's days together."""
    parts = []
    rng = np.random.default_rng(0)
    for arm, part in long.groupby("arm", sort=False):
        wide = part.pivot_table(index="run_id", columns=["metric", "day"], values="value")
        x = wide.to_numpy()
        n = x.shape[0]
        idx = rng.integers(0, n, size=(n_boot, n))
        means = np.nanmean(x[idx], axis=1)
        lo, hi = np.nanquantile(means, [0.5 - level / 2, 0.5 + level / 2], axis=0)
        frame = wide.columns.to_frame(index=False)
        frame["n"] = np.sum(~np.isnan(x), axis=0)
        frame["mean"] = np.nanmean(x, axis=0)
        frame["lo"], frame["hi"] = (lo, hi) if n >= 2 else (np.nan, np.nan)
        parts.append(frame.assign(arm=arm))
    return pd.concat(parts, ignore_index=True)[["arm", "metric", "day", "n", "mean", "lo", "hi"]]


# ---------------------------------------------------------------- headline numbers


def baseline_runs(runs: pd.DataFrame, baseline: str | None) -> pd.Series:
    """Which rows of ``runs`` (a sweep's runs or per-run headlines) are the baseline's, that
    "avoided" is measured against: the named ``baseline`` policy's, else every policy's
    of no moderation (``no_rules``: no rule in force and no announcement made on any
    day). Boolean, one per row."""
    if baseline:
        return runs["policy"] == baseline
    return runs["no_rules"].astype(bool)


def run_headlines(
    runs: pd.DataFrame, metrics: pd.DataFrame, baseline: str | None = None
) -> pd.DataFrame:
    """One row per complete run: the headline measures, and 'avoided' against the baseline
    run with the same seed and scenario parameters."""
    done = _complete(runs)
    if done.empty or metrics.empty:
        return pd.DataFrame(columns=["run_id", "arm", "policy", "seed", *MEASURES])
    rows, days, facts_of = [], {}, {}
    own = [n for n in HEADLINE if n not in {r.name for r in RELATIVE}]
    for rid, d in metrics.groupby("run_id", sort=False):
        r = done[done["run_id"] == rid]
        if r.empty:
            continue
        r = r.iloc[0]
        accounts = r.get("accounts_start")
        facts = RunFacts(
            accounts_start=int(accounts) if accounts and accounts == accounts else 0,
            policy_start=int(r["policy_start"]),
        )
        days[rid] = d = d.sort_values("day", kind="stable")
        facts_of[rid] = facts
        row = {"run_id": rid, **{n: measure(n).compute(d, facts) for n in own}}
        for name, bound in CENSORED.items():  # the run measure that bounds it from below
            if name in own:
                row[bound] = measure(bound).compute(d, facts)
        rows.append(row)
    keys = [
        "run_id",
        "arm",
        "policy",
        "policy_params",
        "scenario_params",
        "seed",
        "days",
        "policy_start",
        "no_rules",
    ]
    keys += [c for c in ("scenario", "world") if c in done.columns]
    extra = [c for c in done.columns if c.startswith("policy:")]
    rh = done[keys + extra].merge(pd.DataFrame(rows), on="run_id")
    rh.insert(keys.index("no_rules") + 1, "is_baseline", baseline_runs(rh, baseline))
    # a baseline run counts for the runs of its world and seed alone (the scenario as it
    # ran: simulation.runs.same_world); rows without a world (built by hand) by their
    # scenario parameters and seed
    world = WORLD if "world" in rh.columns else ["scenario_params", "seed"]
    base_rows = rh[rh["is_baseline"]]
    bases = base_rows.groupby(world)["run_id"].agg(list).to_dict()
    relative = {rel.name: [] for rel in RELATIVE}
    keys_of = list(rh[world].itertuples(index=False, name=None))
    for rid, key in zip(rh["run_id"], keys_of, strict=True):
        for rel in RELATIVE:
            relative[rel.name].append(
                _avoided(rel, days[rid], [days[b] for b in bases.get(key, [])], facts_of[rid])
            )
    rh = rh.assign(**relative)
    rh[NO_BASELINE] = _not_same_world(rh, base_rows) if "world" in rh.columns else ""
    return rh


WORLD = ["world", "seed"]  # the columns that say which world a run is of
NO_BASELINE = "baseline_not_same_world"  # run_headlines' column: why, or ""


def _run_world(row: pd.Series) -> RunWorld:
    return RunWorld(
        int(row["run_id"]),
        str(row.get("scenario", "")),
        str(row["scenario_params"]),
        int(row["seed"]),
        known(str(row["world"])),
    )


def _not_same_world(rh: pd.DataFrame, base_rows: pd.DataFrame) -> list[str]:
    """Per row of ``rh``: why its "avoided" measures are undefined when the baseline has
    runs but none of the row's world and seed (which of scenario, text, parameters and
    seed differ), else ``""``."""
    bases = [_run_world(b) for _i, b in base_rows.iterrows()]
    return [why_not_same_world(_run_world(r), bases) for _i, r in rh.iterrows()]


def _avoided(rel: Relative, run: pd.DataFrame, bases: list[pd.DataFrame], facts: RunFacts) -> float:
    """``1 - run / baseline`` of ``rel``'s totals over the days from the run's policy start
    (``facts.policy_start``) to the last day every one of them ran, the baseline's over the
    same days (the mean of its runs on the seed): a baseline run longer than the run (a
    stored run compared with another) is not counted past the run's last day, nor the run
    past the baseline's. NaN without a baseline run, when no day is common to them after
    the start, or when the baseline's total is 0."""
    if not bases:
        return math.nan
    start = facts.policy_start
    end = min(int(d["day"].max()) if len(d) else -1 for d in [run, *bases])
    if end < start:
        return math.nan

    def window(d: pd.DataFrame) -> float:
        day = d["day"].to_numpy()
        part = d[(day >= start) & (day <= end)]
        return sum(measure(n).compute(part, facts) for n in rel.of)

    ref = float(np.mean([window(b) for b in bases]))
    return 1 - window(run) / ref if ref else math.nan


HEADLINE_COLUMNS = [
    "arm",
    "measure",
    "n",
    "mean",
    "lo",
    "hi",
    "clipped",
    "censored",
    "median",
    "median_above",
]


def headline(rh: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Per arm and measure: n seeds with a value, mean, lo, hi (t interval across seeds,
    clipped to the measure's bounds: a count's interval never goes below 0) and
    ``clipped``, the end that was cut at a bound (:func:`clipped_side`: ``"low"``,
    ``"high"``, ``"both"`` or ``""``), which a report shows as past the bound, not as a
    bound of the data.

    A measure of ``CENSORED`` (days to halve) that some seeds only bound from below (volume
    never halved within the run) has no mean and no interval, which would be of the fast
    seeds alone: ``censored`` counts those seeds and ``median`` is over every seed with a
    value or a bound, a censored seed counted as longer than any that halved. When the
    median falls on censored seeds it is known only from below: ``median_above`` is True
    and ``median`` is the bound (the median with each censored seed at its bound)."""
    rows = []
    for arm, part in rh.groupby("arm", sort=False):
        for name in MEASURES:
            values = part[name].to_numpy(dtype=float)
            mean, lo, hi = measure_interval(name, values, level)
            n = int(part[name].notna().sum())
            bounds = (
                part[CENSORED[name]].to_numpy(dtype=float)
                if name in CENSORED and CENSORED[name] in part.columns
                else np.full(len(part), math.nan)
            )
            censored = int((~np.isnan(bounds)).sum())
            median, above = math.nan, False
            cut = clipped_side(name, values, level)
            if censored:
                mean = lo = hi = math.nan
                cut = ""
                median, above = censored_median(values, bounds)
            rows.append(
                {
                    "arm": arm,
                    "measure": name,
                    "n": n,
                    "mean": mean,
                    "lo": lo,
                    "hi": hi,
                    "clipped": cut,
                    "censored": censored,
                    "median": median,
                    "median_above": above,
                }
            )
    return pd.DataFrame(rows, columns=HEADLINE_COLUMNS)


def censored_median(values: np.ndarray, bounds: np.ndarray) -> tuple[float, bool]:
    """The median over the runs with a value (``values``) or only a lower bound
    (``bounds``, NaN where there is a value; runs with neither are left out), and whether it
    is known only from below: (median, False), or (the median with each censored run at its
    bound, True) when the median falls on a censored run (its true value is more)."""
    known = ~np.isnan(values)
    cut = ~np.isnan(bounds) & ~known
    if not (known.any() or cut.any()):
        return math.nan, False
    longer = np.concatenate([values[known], np.full(int(cut.sum()), math.inf)])
    if math.isfinite(float(np.median(longer))):
        return float(np.median(longer)), False
    return float(np.median(np.concatenate([values[known], bounds[cut]]))), True


# ---------------------------------------------------------------- comparisons


# a comparison's row: arm a minus arm b on one measure (compare_arms)
COMPARISON_COLUMNS = [
    "measure",
    "a",
    "b",
    "n",
    "difference",
    "lo",
    "hi",
    "p",
    "test",
    "significant",
    "statement",
]


def compare_arms(
    rh: pd.DataFrame,
    a: str,
    b: str,
    level: float = 0.95,
    measures: list[str] | None = None,
    w: Words = W.ENGLISH,
) -> pd.DataFrame:
    """Arm ``a`` minus arm ``b`` per measure: difference, CI, p, and a sentence that says
    plainly whether the two differ significantly (``statement``, in the words of ``w``:
    English by default; ``test`` always in English). Paired by seed where both arms ran
    the same world on it, else Welch's t-test; a ``CENSORED`` measure that some seed
    never reached, by rank (:func:`_censored_difference`)."""
    rows = []
    # runs pair when they are of one world and seed (the scenario as it ran, with its
    # parameters: simulation.runs.same_world); rows without a world (built by hand) by
    # their parameters and seed. Two arms of different worlds are compared unpaired.
    key = WORLD if "world" in rh.columns else ["scenario_params", "seed"]
    for name in measures or list(MEASURES):
        ra = rh[rh["arm"] == a].set_index(key)[name]
        rb = rh[rh["arm"] == b].set_index(key)[name]
        xa, xb = ra.dropna(), rb.dropna()
        # an arm with two runs of one world and seed (stored runs of two scenario files
        # with the same settings) has no one value to pair: unpaired then
        unique = xa.index.is_unique and xb.index.is_unique
        common = xa.index.intersection(xb.index) if unique else xa.index[:0]
        # seeds that never reached it are counted as slower than any that did (a rank
        # test with censoring): the seeds that halved alone would make an arm look faster
        row = (
            _censored_difference(name, a, b, rh, key, level, w)
            if _censored_seeds(rh, name, (a, b))
            else _difference(name, a, b, xa, xb, common, level, w)
        )
        if row is None:
            row = _cannot_tell(name, a, b, ra, rb, rh, w)
        elif name in {r.name for r in RELATIVE}:
            row["statement"] += _own_windows(rh, a, b, w)
        rows.append(row)
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def _own_windows(rh: pd.DataFrame, a: str, b: str, w: Words) -> str:
    """For an "avoided" measure of two arms whose policies start on different days: a
    sentence saying that each is summed from its own start (``_avoided``), so the two
    cover different days; else "". An arm whose runs start on several days gives the
    first and the last."""
    if "policy_start" not in rh.columns:
        return ""

    def days(arm: str) -> tuple[int, int] | None:
        start = rh.loc[rh["arm"] == arm, "policy_start"].dropna().astype(int)
        return (int(start.min()), int(start.max())) if len(start) else None

    da, db = days(a), days(b)
    if da is None or db is None or da == db:
        return ""

    def said(span: tuple[int, int]) -> str:
        lo, hi = span
        return w(W.FROM_DAY).format(day=lo) if lo == hi else w(W.FROM_DAYS).format(lo=lo, hi=hi)

    return w(W.OWN_WINDOWS).format(a=a, b=b, da=said(da), db=said(db))


def _censored_seeds(rh: pd.DataFrame, name: str, arms: tuple[str, ...]) -> bool:
    """Whether ``name`` is a ``CENSORED`` measure that some seed of one of ``arms`` only
    bounds from below (days to halve never reached within the run)."""
    bound = CENSORED.get(name)
    if bound is None or bound not in rh.columns:
        return False
    return bool(rh.loc[rh["arm"].isin(arms), bound].notna().any())


def why_undefined(name: str, runs: pd.DataFrame, w: Words = W.ENGLISH) -> str:
    """Why measure ``name`` is undefined (NaN) for these per-run rows (``run_headlines``):
    for an "avoided" measure whose baseline ran another world (another scenario, text,
    parameters or seed), which (in English: the reason names settings as written); whose
    runs all ended before the policy acted (its first announcement or rule), that (its
    first day and the runs' last day); for days to halve that each of the runs only bounds
    from below (``CENSORED``), that it never halved within the run; else the measure's
    own reason (in the words of ``w``)."""
    bound = CENSORED.get(name)
    if bound in runs.columns and len(runs) and bool(runs[bound].notna().all()):
        return w(W.NEVER_HALVED)
    relative = name in {r.name for r in RELATIVE}
    if relative and NO_BASELINE in runs.columns:
        reasons = list(dict.fromkeys(r for r in runs[NO_BASELINE] if r))
        if reasons:
            return "; ".join(reasons[:2]) + ("; …" if len(reasons) > 2 else "")
    if relative and {"days", "policy_start"} <= set(runs.columns):
        start, days = runs["policy_start"].astype(int), runs["days"].astype(int)
        if len(runs) and bool((start >= days).all()):
            return w(W.POLICY_AFTER_END).format(day=int(start.min()), last=int(days.max()) - 1)
    return w(measure(name).undefined)


def _label(name: str, w: Words) -> str:
    """A headline measure's label in the words of ``w`` (an unknown name as it is)."""
    return w.label(MEASURES[name].label) if name in MEASURES else name


def _cannot_tell(
    name: str,
    a: str,
    b: str,
    ra: pd.Series,
    rb: pd.Series,
    rh: pd.DataFrame,
    w: Words = W.ENGLISH,
) -> dict:
    """The row of a comparison without 2 defined values on each side, or of a censored
    measure whose seeds' order is nowhere known (neither arm reached it), and why: too few seeds,
    or the measure undefined for some of them (no baseline, never halved, the rules not
    yet in force)."""
    why = []
    for arm, r in ((a, ra), (b, rb)):
        defined = int(r.notna().sum())
        # undefined where it is (a run without a baseline, say), before how many seeds
        # ran: one run more would not give it a value
        undefined = defined < len(r) and (defined < 2 or _censored_seeds(rh, name, (arm,)))
        if len(r) < 2 and not undefined:
            few = W.ONE_SEED_ONLY if len(r) == 1 else W.TOO_FEW_SEEDS
            why.append(w(few).format(arm=arm, n=len(r)))
        elif undefined:
            undefined = rh[(rh["arm"] == arm) & rh[name].isna()]
            why.append(
                w(W.UNDEFINED_FOR).format(
                    arm=arm, k=len(r) - defined, n=len(r), why=why_undefined(name, undefined, w)
                )
            )
    said = w(W.CANNOT_TELL).format(a=a, b=b, label=_label(name, w), why=w.join(why))
    return {
        "measure": name,
        "a": a,
        "b": b,
        "n": min(int(ra.notna().sum()), int(rb.notna().sum())),
        "difference": math.nan,
        "lo": math.nan,
        "hi": math.nan,
        "p": math.nan,
        "test": "",
        "significant": False,
        "statement": said,
    }


def _observed(rh: pd.DataFrame, name: str, arm: str, key: list[str]) -> pd.DataFrame:
    """One arm's seeds of a ``CENSORED`` measure, indexed by world and seed: ``value``
    (the measure, else the bound it is known to exceed) and ``above`` (True for a bound);
    seeds with neither (undefined: no policy start) left out."""
    part = rh[rh["arm"] == arm].set_index(key)
    value = part[name].astype(float)
    bound = part[CENSORED[name]].astype(float)
    above = value.isna() & bound.notna()
    got = value.notna() | above
    return pd.DataFrame({"value": value.where(~above, bound), "above": above})[got]


def _censored_difference(
    name: str, a: str, b: str, rh: pd.DataFrame, key: list[str], level: float, w: Words
) -> dict | None:
    """Arm ``a`` against arm ``b`` on a ``CENSORED`` measure that some seeds only bound
    from below (``simulation.sweeps.censored``): paired by world and seed, the exact sign
    test over the seeds whose order is known; unpaired, Gehan's rank test. No difference
    and no interval (a seed that never halved has no value to subtract): the statement
    gives each arm's median over every seed (:func:`censored_median`) and how many seeds
    reached the measure. None with fewer than two seeds a side, or when no seed's order
    is known (neither arm halved, say): the comparison cannot tell."""
    oa, ob = _observed(rh, name, a, key), _observed(rh, name, b, key)
    unique = oa.index.is_unique and ob.index.is_unique
    common = oa.index.intersection(ob.index) if unique else oa.index[:0]

    def side(frame: pd.DataFrame) -> Censored:
        return Censored(frame["value"].to_numpy(float), frame["above"].to_numpy(bool))

    if len(common) >= 2:
        res = sign_test(side(oa.loc[common]), side(ob.loc[common]))
        named = (W.SIGN_TEST_CENSORED, {"m": res.used, "n": len(common)})
        n = res.used
    elif len(oa) >= 2 and len(ob) >= 2:
        res = gehan_test(side(oa), side(ob))
        named = (W.GEHAN_TEST, {"na": len(oa), "nb": len(ob)})
        n = min(len(oa), len(ob))
    else:
        return None
    sa, sb = side(oa), side(ob)
    if not res.used or not (order(sa, sb).any() or tied(sa, sb).any()):
        return None  # no seed's order known: neither reached it, say
    p = res.p
    sig = bool(p < 1 - level)
    said_test = w(named[0]).format(**named[1])
    why = w(W.TEST_AND_P).format(test=said_test, p=_g(p))
    if not sig and res.statistic != 0 and p <= res.least_p:
        why += w(W.NO_SMALLER_P_SEEDS).format(n=n) if len(common) >= 2 else w(W.NO_SMALLER_P)
    unit = MEASURES[name].unit if name in MEASURES else ""

    def median(frame: pd.DataFrame) -> str:
        value = frame["value"].to_numpy(float)
        above = frame["above"].to_numpy(bool)
        mid, only_above = censored_median(
            np.where(above, math.nan, value), np.where(above, value, math.nan)
        )
        said = W.MEDIAN_ABOVE if only_above else W.MEDIAN
        return w(said).format(value=in_unit(mid, unit, w=w))

    if sig:
        template = W.CENSORED_HIGHER if res.statistic > 0 else W.CENSORED_LOWER
    else:
        template = W.CENSORED_NO_DIFFERENCE
    halved = w(W.HALVED_IN_BOTH).format(
        ka=int((~oa["above"]).sum()), na=len(oa), kb=int((~ob["above"]).sum()), nb=len(ob)
    )
    text = w(template).format(
        a=a, b=b, label=_label(name, w), ma=median(oa), mb=median(ob), halved=halved, why=why
    )
    return {
        "measure": name,
        "a": a,
        "b": b,
        "n": n,
        "difference": math.nan,
        "lo": math.nan,
        "hi": math.nan,
        "p": p,
        "test": named[0].format(**named[1]),
        "significant": sig,
        "statement": text,
    }


def _no_spread(x: np.ndarray) -> bool:
    """Every value the same (to 1e-9 of their size): a t-test has no variance to work
    with (SciPy warns of catastrophic cancellation and gives p = 0 for any difference)."""
    return bool(np.allclose(x, x[0], rtol=1e-9, atol=0.0))


def _same_every_time(x: np.ndarray, y: np.ndarray | None = None) -> float:
    """The exact two-sided p of a permutation test when every value is the same: the
    paired differences ``x`` (a sign-flip test: only the two assignments of one sign to
    all seeds reach the observed mean, p = 2 / 2**n), or two groups ``x`` and ``y`` each
    without spread (a relabelling test: only the observed split, and its mirror image
    when the groups are as large, reach it, out of C(n_x + n_y, n_x)). 1 when there is no
    difference at all."""
    if y is None:
        return 1.0 if x[0] == 0 else min(1.0, 2.0 * 0.5 ** len(x))
    if np.isclose(x[0], y[0], rtol=1e-9, atol=0.0):
        return 1.0
    reach = 2 if len(x) == len(y) else 1
    return min(1.0, reach / math.comb(len(x) + len(y), len(x)))


def _difference(name, a, b, xa, xb, common, level, w: Words = W.ENGLISH) -> dict | None:
    """Arm ``a`` minus arm ``b`` on one measure, from the per-seed values ``xa`` and ``xb``
    (pandas Series indexed by scenario parameters and seed): paired by the ``common``
    seeds when there are two or more (a paired t-test), else Welch's t-test; when the
    values have no spread at all (every seed gives the same difference, as a whole-day
    measure can over a few seeds), the exact permutation test instead and no interval: a
    t-test would call any such difference certain (p = 0). None with fewer than two
    values a side. The statement is in the words of ``w``, the test's name in English."""
    label = _label(name, w)
    unit = MEASURES[name].unit if name in MEASURES else ""
    paired = len(common) >= 2
    constant = False
    if paired:
        d = (xa.loc[common] - xb.loc[common]).to_numpy(dtype=float)
        n, diff = len(d), float(d.mean())
        if _no_spread(d):
            constant, p, lo, hi = True, _same_every_time(d), math.nan, math.nan
            named = (W.SIGN_FLIP_TEST, {"n": n})
            spread = w(W.ON_EACH_SEED).format(amount=in_unit(diff, unit, sign=True, w=w), n=n)
        else:
            named = (W.PAIRED_TEST, {"n": n})
            res = stats.ttest_1samp(d, 0.0)
            p = float(res.pvalue)
            lo, hi = res.confidence_interval(level)
    elif len(xa) >= 2 and len(xb) >= 2:
        va, vb = xa.to_numpy(float), xb.to_numpy(float)
        n, diff = min(len(va), len(vb)), float(va.mean() - vb.mean())
        if _no_spread(va) and _no_spread(vb):
            constant, p, lo, hi = True, _same_every_time(va, vb), math.nan, math.nan
            named = (W.PERMUTATION_TEST, {"na": len(va), "nb": len(vb)})
            spread = w(W.EACH_ARM_THE_SAME).format(amount=in_unit(diff, unit, sign=True, w=w))
        else:
            named = (W.WELCH_TEST, {"na": len(va), "nb": len(vb)})
            with warnings.catch_warnings():
                if _no_spread(va) or _no_spread(vb):
                    # one arm the same on every seed: its variance is 0 and the test
                    # stands on the other's; SciPy's warning of nearly identical data is
                    # about that arm alone (the result is a one-sample test of the other)
                    warnings.filterwarnings("ignore", "Precision loss", RuntimeWarning)
                res = stats.ttest_ind(va, vb, equal_var=False)
            p = float(res.pvalue)
            lo, hi = res.confidence_interval(level)
    else:
        return None
    sig = bool(p < 1 - level)
    test = named[0].format(**named[1])  # the data's column: always in English
    said_test = w(named[0]).format(**named[1])
    amount = in_unit(diff, unit, sign=True, w=w)
    words = {"a": a, "b": b, "label": label}
    if constant:
        why = w(W.TEST_AND_P).format(test=said_test, p=_g(p))
        if not sig and diff != 0:
            why += w(W.NO_SMALLER_P_SEEDS).format(n=n) if paired else w(W.NO_SMALLER_P)
        if sig:
            template = W.HIGHER_EVERY_SEED if diff > 0 else W.LOWER_EVERY_SEED
        else:
            template = W.NO_DIFFERENCE_EVERY_SEED
        text = w(template).format(**words, spread=spread, why=why)
    else:
        band = w(W.BAND).format(
            level=int(level * 100), lo=in_unit(lo, unit, w=w), hi=in_unit(hi, unit, w=w)
        )
        template = (W.HIGHER if diff > 0 else W.LOWER) if sig else W.NO_DIFFERENCE
        text = w(template).format(**words, amount=amount, band=band, test=said_test, p=_g(p))
    return {
        "measure": name,
        "a": a,
        "b": b,
        "n": n,
        "difference": diff,
        "lo": float(lo),
        "hi": float(hi),
        "p": p,
        "test": test,
        "significant": sig,
        "statement": text,
    }


def in_unit(x: float, unit: str, sign: bool = False, w: Words = W.ENGLISH) -> str:
    """A number of a measure in the headline table's unit: a share (or a share of the
    baseline) in percent, anything else in its own unit, 100 or more as a whole number.
    ``sign`` marks a difference: signed, and followed by its unit ("-22.6 percentage
    points", "+1,204 impressions"; the unit in the words of ``w``)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if unit.startswith("share"):
        x, unit = 100 * float(x), W.PERCENTAGE_POINTS
    whole = f"{x:+,.0f}" if sign else f"{x:,.0f}"
    text = whole if abs(x) >= 100 else _g(x, sign)
    if sign and unit:
        return w(W.AMOUNT_IN_UNIT).format(amount=text, unit=W.unit(w, unit))
    return text


def _g(x: float, sign: bool = False) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:+.3g}" if sign else f"{x:.3g}"


# ---------------------------------------------------------------- trade-offs


def pareto_front(cost: np.ndarray, benefit: np.ndarray) -> np.ndarray:
    """Points no other point beats (lower-or-equal cost, higher-or-equal benefit, one strictly)."""
    c, b = np.asarray(cost, float), np.asarray(benefit, float)
    front = np.ones(len(c), dtype=bool)
    for i in range(len(c)):
        if np.isnan(c[i]) or np.isnan(b[i]):
            front[i] = False
            continue
        dominated = (c <= c[i]) & (b >= b[i]) & ((c < c[i]) | (b > b[i]))
        front[i] = not dominated.any()
    return front
