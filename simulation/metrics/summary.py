"""The headline numbers of a run, each defined once: name, unit, meaning, and how it is
computed from the daily metrics (and, for the fate of posts, from the run's final totals).

The CLI's summary table, ``--json``, the HTML report, the app and the sweeps' per-run
headlines all take their numbers from :func:`summarise`, so "precision" or "wrongful
bans" means one thing everywhere. Ratios over a run are ratios of totals (the registry's
``ratio`` rule), never means of daily ratios.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from simulation.metrics.registry import BY_NAME, ratio_columns

WEEK = 7


@dataclass(frozen=True)
class RunFacts:
    """What a summary needs beyond the daily metrics.

    ``own_removed``/``own_surviving``: the final fate, by content kind (arrays of 4), of the
    posts made during the run's days; ``carried_in``/``carried_in_removed``: posts made
    during the warm-up before day 0 that were still up at day 0, and those of them taken
    down during the run. Arrays are None for a run read back from an older database.
    """

    accounts_start: int
    policy_start: int = 0
    own_removed: np.ndarray | None = None
    own_surviving: np.ndarray | None = None
    carried_in: np.ndarray | None = None
    carried_in_removed: np.ndarray | None = None


@dataclass(frozen=True)
class Measure:
    """One headline number of a run. ``better`` says which way a designer wants it."""

    name: str
    unit: str
    meaning: str
    compute: Callable[[pd.DataFrame, RunFacts], float] = field(repr=False)
    better: Literal["higher", "lower", ""] = ""
    undefined: str = "nothing to divide by"  # why a run's value can be NaN
    # NaN only for a run stored before its daily counts existed (made under an older model
    # version): a sweep's table says the measure is missing from such runs, not "–"
    since_stored: bool = False
    # how the measure is named on screen when its name read with spaces would not say
    # what it is (translated in context "Measures"); "" for the name with spaces
    shown: str = ""

    @property
    def label(self) -> str:
        return self.shown or self.name.replace("_", " ").replace("10k", "10,000")

    @property
    def bounds(self) -> tuple[float, float]:
        """The values a run can take: every run measure is a count, a total, a share, hours
        or days, so none is negative; a share is at most 1."""
        return (0.0, 1.0 if self.unit == "share" else math.inf)


# The days an "avoided" measure counts (simulation.sweeps.aggregate computes it)
AVOIDED_DAYS = (
    "summed over the days from the policy's start (the first day it acts: its first "
    "announcement or the first day any of its rules is in force, whichever comes first) "
    "to the end of the run, the baseline's over the same days (when the two ran for "
    "different numbers of days, to the last day both ran)"
)


@dataclass(frozen=True)
class Relative:
    """A measure of one run against the baseline run (no moderation) of the same world
    (``simulation.runs.same_world``: the same scenario as it ran, and the same seed):
    ``1 - run / baseline`` of the sum of the measures ``of``, both summed over the days
    from the run's policy start to its end, or to the baseline's if that is earlier
    (``AVOIDED_DAYS``). Computed by the sweeps."""

    name: str
    meaning: str
    of: tuple[str, ...]
    unit: str = "share of baseline"
    better: Literal["higher", "lower", ""] = "higher"
    undefined: str = (
        "no baseline run of the same world (the same scenario as it ran, and the same "
        "seed), or the baseline's total is 0"
    )

    @property
    def label(self) -> str:
        return self.name.replace("_", " ")

    @property
    def bounds(self) -> tuple[float, float]:
        """``1 - run / baseline``: at most 1 (nothing left), negative when the run did worse."""
        return (-math.inf, 1.0)


def total(m: pd.DataFrame, *cols: str) -> float:
    """Sum over the days of the given columns.

    The columns are stacked as rows (``cols × days``), the layout pandas gives
    ``m[list(cols)]``, so the sum adds the same numbers in the same order, to the last
    bit, at a sixth to a seventeenth of the time (selecting a frame of columns dominated
    a run's summary)."""
    if not len(m):
        return 0.0
    return float(np.stack([m[c].to_numpy(dtype=float) for c in cols]).sum())


def parts(m: pd.DataFrame, metric: str) -> list[str]:
    """The columns of a metric with a breakdown (``offers_created.*``)."""
    return [c for c in m.columns if c.startswith(metric + ".")]


def ratio_over(m: pd.DataFrame, metric: str, part: str | None = None) -> float:
    """A registry ratio over the given days: total numerator / total denominator."""
    num, den = ratio_columns(BY_NAME[metric], part)
    d = total(m, *den)
    return total(m, *num) / d if d > 0 else math.nan


def days_to_halve(volume: np.ndarray, start: int, window: int = WEEK) -> float:
    """Days from the policy's start until the 7-day mean of ``volume`` is half its level in
    the week before the start (the days before it when the policy starts within the first
    week); NaN if it never halves, and when the policy starts on day 0 (no level before it
    to halve: the first week was under the policy already)."""
    return _halving(volume, start, window)[0]


def days_to_halve_above(volume: np.ndarray, start: int, window: int = WEEK) -> float:
    """When ``volume`` had a level to halve but never halved within the run: the days the
    run went on after the start (its last day − ``start``), which its days to halve are
    known to exceed (a censored value); NaN when it halved, or when days to halve is
    undefined (a start on day 0 or after the last day, nothing before it to halve)."""
    return _halving(volume, start, window)[1]


def _halving(volume: np.ndarray, start: int, window: int) -> tuple[float, float]:
    """(days to halve, the censoring bound when it never halved): one of them is NaN."""
    v = pd.Series(volume, dtype=float)
    if len(v) == 0 or start <= 0 or start >= len(v):
        return math.nan, math.nan
    ref = v.iloc[max(start - window, 0) : start].mean()
    if not ref > 0:
        return math.nan, math.nan
    rolled = v.rolling(window, min_periods=window).mean()
    hit = np.flatnonzero((rolled.to_numpy() <= ref / 2) & (np.arange(len(v)) >= start))
    if len(hit):
        return float(hit[0] - start), math.nan
    return math.nan, float(len(v) - 1 - start)


def _fate(which: str, kinds: tuple[int, ...] = (0, 1, 2, 3)):
    def compute(m: pd.DataFrame, f: RunFacts) -> float:
        arr = getattr(f, which)
        return float(np.asarray(arr)[list(kinds)].sum()) if arr is not None else math.nan

    return compute


def _recall(m: pd.DataFrame, f: RunFacts) -> float:
    if f.own_removed is None:
        return math.nan
    made = total(m, "posts_created.spam", "posts_created.offer")
    return float(f.own_removed[2] + f.own_removed[3]) / made if made else math.nan


def _per_day(m: pd.DataFrame, metric: str, first: bool) -> float:
    week = m.head(WEEK) if first else m.tail(WEEK)
    return total(week, *parts(m, metric)) / len(week) if len(week) else math.nan


def _share(m: pd.DataFrame, cols: tuple[str, ...]) -> float:
    whole = total(m, *parts(m, "units_sold"))
    return total(m, *cols) / whole if whole > 0 else math.nan


def _last(m: pd.DataFrame, col: str) -> float:
    return float(m[col].iloc[-1]) if len(m) else math.nan


def _per_10k(count: float, f: RunFacts) -> float:
    return 1e4 * count / f.accounts_start if f.accounts_start else math.nan


_BEFORE_DISTINCT = "a run stored before accounts wrongly acted on were counted once each"


def _distinct(m: pd.DataFrame, col: str) -> float:
    """A daily count of accounts reached for the first time, over the run (NaN for a run
    stored before the column existed)."""
    return total(m, col) if col in m.columns or not len(m) else math.nan


MEASURES: tuple[Measure, ...] = (
    Measure(
        "posts_created",
        "posts",
        "Posts made during the run's days",
        lambda m, f: total(m, *parts(m, "posts_created")),
    ),
    Measure(
        "posts_removed",
        "posts",
        "Of the run's own posts, those down at the end (taken down and not restored)",
        _fate("own_removed"),
    ),
    Measure(
        "posts_surviving",
        "posts",
        "Of the run's own posts, those still up at the end (posts_created = posts_removed + "
        "posts_surviving)",
        _fate("own_surviving"),
    ),
    Measure(
        "posts_carried_in",
        "posts",
        "Posts made during the warm-up before day 0, still in the feed when the run began",
        _fate("carried_in"),
    ),
    Measure(
        "carried_in_removed",
        "posts",
        "Of the posts carried in, those taken down during the run",
        _fate("carried_in_removed"),
    ),
    Measure(
        "offers_created",
        "offers",
        "Offers of restricted items made during the run",
        lambda m, f: total(m, "posts_created.offer"),
    ),
    Measure(
        "spam_created",
        "posts",
        "Spam posts made during the run",
        lambda m, f: total(m, "posts_created.spam"),
    ),
    Measure(
        "offer_impressions",
        "impressions",
        "Times a user was shown a restricted offer in the Moments feed (chats and groups: "
        "offer_reach)",
        lambda m, f: total(m, "impressions.offer"),
        "lower",
    ),
    Measure(
        "spam_impressions",
        "impressions",
        "Times a user was shown spam",
        lambda m, f: total(m, "impressions.spam"),
        "lower",
    ),
    Measure(
        "units_sold",
        "units",
        "Harm: restricted units sold during the run, every channel",
        lambda m, f: total(m, *parts(m, "units_sold")),
        "lower",
    ),
    Measure(
        "units_sold_moments",
        "units",
        "Restricted units sold through offers in the Moments feed",
        lambda m, f: total(m, "units_by_channel.moments"),
        "lower",
    ),
    Measure(
        "units_sold_private",
        "units",
        "Restricted units sold through one-to-one chats and group chats",
        lambda m, f: total(m, "units_by_channel.chat", "units_by_channel.group"),
        "lower",
    ),
    Measure(
        "units_sold_unsolicited",
        "units",
        "Restricted units sold to users reached by an offer they did not seek",
        lambda m, f: total(m, "units_by_buyer.unsolicited"),
        "lower",
    ),
    Measure(
        "units_sold_official",
        "units",
        "Restricted units sold by sellers on official (enterprise) accounts",
        lambda m, f: total(m, "units_by_account.official"),
        "lower",
    ),
    Measure(
        "units_per_day_last_week",
        "units/day",
        "Harm over the last 7 days: restricted units sold per day",
        lambda m, f: _per_day(m, "units_sold", False),
        "lower",
    ),
    Measure(
        "private_share_last_week",
        "share",
        "Share of the last 7 days' restricted sales made in chats and groups",
        lambda m, f: _share(m.tail(WEEK), ("units_by_channel.chat", "units_by_channel.group")),
    ),
    Measure(
        "ad_share_first_week",
        "share",
        "Advertising Circle index over the first 7 days (ads, spam and offers / all impressions)",
        lambda m, f: ratio_over(m.head(WEEK), "ad_share"),
    ),
    Measure(
        "ad_share_last_week",
        "share",
        "Advertising Circle index over the last 7 days",
        lambda m, f: ratio_over(m.tail(WEEK), "ad_share"),
        "lower",
    ),
    Measure(
        "prevalence_last_week",
        "share",
        "Prevalence over the last 7 days: impressions of spam and offers / all impressions",
        lambda m, f: ratio_over(m.tail(WEEK), "prevalence"),
        "lower",
    ),
    Measure(
        "offers_per_day_first_week",
        "offers/day",
        "Restricted-offer volume in every channel, mean over the first 7 days",
        lambda m, f: _per_day(m, "offers_created", True),
    ),
    Measure(
        "offers_per_day_last_week",
        "offers/day",
        "Restricted-offer volume in every channel, mean over the last 7 days",
        lambda m, f: _per_day(m, "offers_created", False),
        "lower",
    ),
    Measure(
        "days_to_halve",
        "days",
        "Days from the policy's start until the 7-day mean of restricted-offer volume (every "
        "channel) is half its level in the week before the start (the days before, when it "
        "starts within the first week; empty if it never halves or starts on day 0). Across "
        "seeds, a seed where it never halved counts as longer than the run went on after "
        "the start: a median over every seed, no mean of the seeds that halved",
        lambda m, f: days_to_halve(
            m[parts(m, "offers_created")].sum(axis=1).to_numpy(float), f.policy_start
        ),
        "lower",
        "restricted-offer volume never halved, or the policy started on day 0",
    ),
    Measure(
        "days_to_halve_above",
        "days",
        "When restricted-offer volume had a level to halve but never halved within the run: "
        "the days the run went on after the policy's start, which its days to halve exceed "
        "(known only from below: a longer run may show it halve, or not); empty when it "
        "halved",
        lambda m, f: days_to_halve_above(
            m[parts(m, "offers_created")].sum(axis=1).to_numpy(float), f.policy_start
        ),
        "",
        "restricted-offer volume halved within the run, or days to halve is undefined (the "
        "policy started on day 0 or after the last day)",
        # "days to halve above" said neither that volume never halved nor what was counted
        shown="never halved: days after start",
    ),
    Measure(
        "obfuscated_share_last_week",
        "share",
        "Share of the last 7 days' offers written to evade filters",
        lambda m, f: ratio_over(m.tail(WEEK), "obfuscated_share"),
    ),
    Measure(
        "bans_correct",
        "bans",
        "Bans of accounts that had posted something violating in the wrongful window "
        "(bans, not accounts: an account banned twice counts twice)",
        lambda m, f: total(m, "bans.correct"),
    ),
    Measure(
        "bans_wrongful",
        "bans",
        "Bans of accounts that had posted nothing violating in the wrongful window (bans, "
        "not accounts: an account reinstated on appeal and banned again counts twice; "
        "accounts_wrongly_banned counts the accounts)",
        lambda m, f: total(m, "bans.wrongful"),
        "lower",
    ),
    Measure(
        "accounts_wrongly_banned",
        "accounts",
        "Accounts banned at least once with nothing violating in the wrongful window: the "
        "innocent people a ban reached, each counted once",
        lambda m, f: _distinct(m, "accounts_wrongly_banned"),
        "lower",
        undefined=_BEFORE_DISTINCT,
        since_stored=True,
    ),
    Measure(
        "wrongful_bans_per_10k_accounts",
        "bans/10k accounts",
        "Wrongful bans per 10,000 accounts at the start (bans, not accounts: "
        "accounts_wrongly_banned_per_10k_accounts counts each account once)",
        lambda m, f: _per_10k(total(m, "bans.wrongful"), f),
        "lower",
    ),
    Measure(
        "accounts_wrongly_banned_per_10k_accounts",
        "accounts/10k accounts",
        "Accounts banned wrongfully at least once, per 10,000 accounts at the start",
        lambda m, f: _per_10k(_distinct(m, "accounts_wrongly_banned"), f),
        "lower",
        undefined=_BEFORE_DISTINCT,
        since_stored=True,
    ),
    Measure(
        "wrongful_account_actions_per_10k_accounts",
        "actions/10k accounts",
        "Warnings, posting restrictions and bans of accounts that had posted nothing "
        "violating in the wrongful window, per 10,000 accounts at the start: actions, not "
        "accounts (an account warned, restricted, then banned counts three times; "
        "accounts_wrongly_struck_per_10k_accounts counts each account once)",
        lambda m, f: _per_10k(
            total(m, "warnings.wrongful", "restrictions.wrongful", "bans.wrongful"), f
        ),
        "lower",
    ),
    Measure(
        "accounts_wrongly_struck",
        "accounts",
        "Accounts that got at least one warning, posting restriction or ban with nothing "
        "violating in the wrongful window: every innocent user a strike reached, not only "
        "those banned, each counted once",
        lambda m, f: _distinct(m, "accounts_wrongly_struck"),
        "lower",
        undefined=_BEFORE_DISTINCT,
        since_stored=True,
    ),
    Measure(
        "accounts_wrongly_struck_per_10k_accounts",
        "accounts/10k accounts",
        "Accounts that a wrongful warning, posting restriction or ban reached, per 10,000 "
        "accounts at the start",
        lambda m, f: _per_10k(_distinct(m, "accounts_wrongly_struck"), f),
        "lower",
        undefined=_BEFORE_DISTINCT,
        since_stored=True,
    ),
    Measure(
        "wrongful_removals",
        "posts",
        "Life posts and legal ads taken down by moderation (rules, reviews, reports)",
        lambda m, f: total(m, "removed_by_moderation.wrongful"),
        "lower",
    ),
    Measure(
        "innocent_posts_removed",
        "posts",
        "Life posts and legal ads taken down by moderation, and those that disappeared with "
        "their wrongfully banned author: every innocent post the policy cost",
        lambda m, f: (
            total(m, "removed_by_moderation.wrongful", "innocent_removed_with_wrongly_banned")
            if "innocent_removed_with_wrongly_banned" in m.columns or not len(m)
            else math.nan
        ),
        "lower",
        undefined="a run stored before the innocent posts of wrongful bans were counted",
        since_stored=True,
    ),
    Measure(
        "moderation_precision",
        "share",
        "Of the posts moderation took down, the share that were violating",
        lambda m, f: ratio_over(m, "moderation_precision"),
        "higher",
    ),
    Measure(
        "removal_precision",
        "share",
        "Of every post taken down (including those swept away with a banned author), the "
        "share that were violating",
        lambda m, f: ratio_over(m, "removal_precision"),
        "higher",
    ),
    Measure(
        "recall",
        "share",
        "Of the violating posts made during the run, the share down at its end",
        _recall,
        "higher",
    ),
    Measure(
        "recall_same_day",
        "share",
        "Of the violating posts made during the run, the share taken down on the day they "
        "were posted",
        lambda m, f: ratio_over(m, "recall_same_day"),
        "higher",
    ),
    Measure("appeals", "appeals", "Appeals lodged", lambda m, f: total(m, "appeals")),
    Measure(
        "overturned",
        "appeals",
        "Appeals decided in the user's favour",
        lambda m, f: total(m, "overturned"),
    ),
    Measure(
        "posts_restored",
        "posts",
        "Removed posts put back after an appeal: against the post's removal, or against its "
        "author's ban (a reinstated account gets back the posts its ban took down)",
        lambda m, f: total(m, *parts(m, "posts_restored")),
    ),
    Measure(
        "restored_with_reinstated_author",
        "posts",
        "Of those, posts that came back with their author when a ban was overturned",
        lambda m, f: (
            total(m, "restored_with_reinstated_author")
            if "restored_with_reinstated_author" in m.columns or not len(m)
            else math.nan
        ),
        undefined="a run stored before reinstatement put back an account's posts",
        since_stored=True,
    ),
    Measure(
        "bans_overturned",
        "bans",
        "Bans overturned after an appeal (the account reinstated)",
        lambda m, f: total(m, "bans_overturned"),
    ),
    Measure(
        "reregistrations",
        "accounts",
        "Banned sellers and spammers who came back under a new account",
        lambda m, f: total(m, *parts(m, "reregistrations")),
    ),
    Measure(
        "seller_entries",
        "accounts",
        "New restricted sellers drawn in during the run",
        lambda m, f: total(m, *parts(m, "seller_entries")),
    ),
    Measure(
        "seller_exits",
        "accounts",
        "Sellers who quit because risk outweighed profit",
        lambda m, f: total(m, *parts(m, "seller_exits")),
    ),
    Measure(
        "official_registrations",
        "accounts",
        "Sellers who registered an official (enterprise) account",
        lambda m, f: total(m, "official_registrations"),
    ),
    Measure(
        "spammer_entries",
        "accounts",
        "New spammers drawn in during the run",
        lambda m, f: total(m, "spammer_entries"),
    ),
    Measure(
        "spammer_exits",
        "accounts",
        "Spammers who quit because risk outweighed profit",
        lambda m, f: total(m, "spammer_exits"),
    ),
    Measure(
        "reviewer_hours",
        "hours",
        "Reviewer hours spent",
        lambda m, f: total(m, "review_hours"),
        "lower",
    ),
    Measure(
        "regular_churned",
        "users",
        "Regular users away from the feed on the last day (left and not come back)",
        lambda m, f: _last(m, "regular_churned"),
        "lower",
    ),
    Measure(
        "regular_left",
        "departures",  # a user who leaves, comes back and leaves again counts twice
        "Times a user left the feed during the run",
        lambda m, f: total(m, "regular_left"),
        "lower",
    ),
    Measure(
        "regular_returned",
        "returns",
        "Times a user who had left came back",
        lambda m, f: total(m, "regular_returned"),
        "higher",
    ),
    Measure(
        "regular_joined",
        "users",
        "New users who joined the feed during the run",
        lambda m, f: total(m, "regular_joined"),
        "higher",
    ),
)

BY_MEASURE = {x.name: x for x in MEASURES}


@dataclass(frozen=True)
class Fact:
    """A field of a run's summary that says what ran and how, not how well a policy did:
    sweeps do not compare runs on it. ``unit`` is empty for a name or a seed."""

    name: str
    unit: str
    meaning: str

    @property
    def label(self) -> str:
        return self.name.replace("_", " ")


# Every key of a run's summary (``simulation.runs.result.summarise``) is one of these or
# a measure of MEASURES: the facts first, in this order, then the measures, then the
# computing facts (FACTS_AFTER)
FACTS: tuple[Fact, ...] = (
    Fact("scenario", "", "The scenario the run simulated"),
    Fact("policy", "", "The policy in force (name · version)"),
    Fact("seed", "", "The seed of the run's random streams"),
    Fact("days", "days", "Days simulated"),
    Fact(
        "accounts_start",
        "accounts",
        "The scenario's population: accounts when the world was built, before the warm-up "
        "(users on the feed, merchants, sellers, spammers); people who might join later "
        "are not accounts yet",
    ),
    Fact(
        "accounts_end",
        "accounts",
        "Accounts registered by the end: those of accounts_start and every one made since, "
        "warm-up included (users who joined, newcomers, re-registrations); banned, exited "
        "and churned ones counted, people who never joined not",
    ),
    Fact("wall_seconds", "seconds", "Seconds the computer took for the run"),
    Fact("posts_per_second", "posts/s", "Posts simulated per second of computing"),
)
FACTS_AFTER = ("wall_seconds", "posts_per_second")  # after the measures in a summary
BY_FACT = {x.name: x for x in FACTS}


def summary_field(name: str) -> Measure | Relative | Fact:
    """The definition of a key of a run summary (a fact, a run measure or a relative
    measure of a sweep); ``KeyError`` names an unknown one."""
    if name in BY_FACT:
        return BY_FACT[name]
    return measure(name)


# whole numbers
COUNT_UNITS = frozenset({"posts", "offers", "accounts", "bans", "appeals", "users"})


def summarise(m: pd.DataFrame, facts: RunFacts) -> dict[str, float]:
    """Every measure of ``MEASURES`` for one run, in order (counts as ints; NaN when
    undefined, e.g. precision with nothing removed)."""
    out: dict[str, float] = {}
    for x in MEASURES:
        value = x.compute(m, facts)
        out[x.name] = int(value) if x.unit in COUNT_UNITS and not math.isnan(value) else value
    return out


RELATIVE: tuple[Relative, ...] = (
    Relative(
        "offer_impressions_avoided",
        "Restricted-offer impressions in the Moments feed avoided, as a share of the "
        "baseline's in the same world and seed",
        ("offer_impressions",),
    ),
    Relative(
        "spam_impressions_avoided",
        "Spam impressions avoided, as a share of the baseline's in the same world and seed",
        ("spam_impressions",),
    ),
    Relative(
        "violating_impressions_avoided",
        "Impressions of spam and offers avoided, as a share of the baseline's in the same "
        "world and seed",
        ("offer_impressions", "spam_impressions"),
    ),
    Relative(
        "harm_avoided",
        "Restricted units sold avoided (every channel), as a share of the baseline's in the "
        "same world and seed: what a policy did to sales, not only to what users saw",
        ("units_sold",),
    ),
    Relative(
        "moments_harm_avoided",
        "Restricted units sold through the Moments feed avoided, as a share of the baseline's",
        ("units_sold_moments",),
    ),
    Relative(
        "private_harm_avoided",
        "Restricted units sold in chats and groups avoided, as a share of the baseline's "
        "(negative when selling moved there: displacement)",
        ("units_sold_private",),
    ),
)
BY_RELATIVE = {r.name: r for r in RELATIVE}

# What a sweep compares policies on (per run, then across seeds with bands): whether it
# works, how fast, and at what cost, displacement to chats and groups and evasion included
HEADLINE = (
    "harm_avoided",
    "private_harm_avoided",
    "offer_impressions_avoided",
    "spam_impressions_avoided",
    "violating_impressions_avoided",
    "offer_impressions",
    "spam_impressions",
    "ad_share_last_week",
    "wrongful_bans_per_10k_accounts",
    "accounts_wrongly_banned_per_10k_accounts",
    "wrongful_account_actions_per_10k_accounts",
    "accounts_wrongly_struck_per_10k_accounts",
    "wrongful_removals",
    "innocent_posts_removed",
    "reviewer_hours",
    "days_to_halve",
    "obfuscated_share_last_week",
)


def measure(name: str) -> Measure | Relative:
    """A run measure or a relative one, by name; ``KeyError`` names an unknown one."""
    if name in BY_MEASURE:
        return BY_MEASURE[name]
    if name in BY_RELATIVE:
        return BY_RELATIVE[name]
    raise KeyError(f"{name!r} is not a summary measure (see `circlelab metrics`)")


# keys of a run summary that are what the run was given, not what it measured: two runs
# compared have no difference in them to read (the app's Compare showed 0 for the seed)
RUN_SETTINGS = frozenset({"scenario", "policy", "seed", "days"})


@dataclass(frozen=True)
class Difference:
    """One key of two run summaries side by side: its name, unit (``""`` for a run's
    setting), A's and B's values and ``b_minus_a`` (a whole number for counts; None where
    there is no difference to read; NaN where a value is undefined, e.g. precision with
    nothing removed)."""

    name: str
    unit: str
    a: object
    b: object
    b_minus_a: int | float | None


def differences(a: dict[str, object], b: dict[str, object]) -> list[Difference]:
    """B − A for every key of two run summaries (``simulation.runs.result.summarise``) of
    the same world, in A's order, the computer's timings (``FACTS_AFTER``) left out.
    ``b_minus_a`` is None where either value is not a number or the key is a run's
    setting (``RUN_SETTINGS``: given to both runs, not measured). Keys that are neither
    a measure nor a fact have the unit ``""``."""
    out = []
    for key, va in a.items():
        if key in FACTS_AFTER:
            continue
        vb = b.get(key)
        numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (va, vb))
        diff = vb - va if numeric and key not in RUN_SETTINGS else None  # type: ignore[operator]
        try:
            unit = summary_field(key).unit
        except KeyError:
            unit = ""
        out.append(Difference(key, unit, va, vb, diff))
    return out


def differences_frame(a: dict[str, object], b: dict[str, object]) -> pd.DataFrame:
    """:func:`differences` as a table: columns ``measure``, ``unit``, ``a``, ``b`` and
    ``b_minus_a`` (empty where there is none), one row a key, full precision: what the
    app's Compare exports as CSV."""
    rows = [(d.name, d.unit, d.a, d.b, d.b_minus_a) for d in differences(a, b)]
    # object columns: a count stays a whole number beside the rows without one (a float
    # column wrote 2244 posts as 2244.0)
    return pd.DataFrame(rows, columns=["measure", "unit", "a", "b", "b_minus_a"], dtype=object)
