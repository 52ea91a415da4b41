"""Every daily metric, defined once: name, unit, meaning, breakdown, and how it adds up.

The engine writes a day's values through :class:`simulation.metrics.tally.DayTally`,
which refuses a name that is not defined here; the CSV, the database, the charts, the
HTML report, the sweeps and the app all read these definitions, so a number means the
same thing wherever it is shown. A metric with a breakdown (by content kind, category,
evasion style, outcome) becomes one column per value, named ``metric.value``
(``offers_created.tobacco``).

How a metric adds up over the days of a run (``aggregate``):

* ``sum`` — a count of events per day; over a run, the total.
* ``last`` — a level at the end of the day (active sellers, the review backlog); over a
  run, the value on the last day.
* ``ratio`` — a share computed from other columns of the same day, ``num / den``; over a
  run, the ratio of the totals (never the mean of daily ratios). Undefined (NaN) on a
  day whose denominator is 0.
* ``mean`` — an average over the day's events; over a run, weighted by ``den``.

Over seeds every measure is averaged per run first, then across seeds with a Student-t
interval (``simulation.sweeps.aggregate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

KINDS = ("life", "ad", "spam", "offer")
STYLES = ("none", "spacing", "homoglyph", "pinyin_abbrev", "emoji", "contact_only", "image_only")
OUTCOMES = ("correct", "wrongful")
REREGISTERING = ("seller", "spammer")
CHANNELS = ("moments", "chat", "group")  # policy.interface.CHANNEL_NAMES
BUYERS = ("sought", "unsolicited")
ACCOUNT_KINDS = ("personal", "official")
COUNTER_MOVES = ("new_device", "aged_account")

Aggregate = Literal["sum", "last", "ratio", "mean"]
# "{part}" in a ratio's column names stands for each value of the metric's breakdown
PART = "{part}"


@dataclass(frozen=True)
class Metric:
    """One daily metric. ``num``/``den`` name the columns a ``ratio`` (or the weight of a
    ``mean``) is computed from; ``{part}`` in them is the breakdown value."""

    name: str
    unit: str
    meaning: str
    by: str | None = None  # "kind", "category", "style", "outcome", "archetype", "channel",
    # "buyer", "account", "move" or None
    aggregate: Aggregate = "sum"
    num: tuple[str, ...] = ()
    den: tuple[str, ...] = ()

    @property
    def is_count(self) -> bool:
        """A count or level: never negative."""
        return self.aggregate in ("sum", "last")


def _kinds(metric: str, kinds: tuple[str, ...] = KINDS) -> tuple[str, ...]:
    return tuple(f"{metric}.{k}" for k in kinds)


VIOLATING = ("spam", "offer")
COMMERCIAL = ("ad", "spam", "offer")

METRICS: tuple[Metric, ...] = (
    Metric(
        "posts_created",
        "posts/day",
        "Posts published that day, in every channel (the Moments feed, chats, groups)",
        "kind",
    ),
    Metric("feed_posts", "posts/day", "Posts published in the Moments feed that day"),
    Metric(
        "posts_removed",
        "posts/day",
        "Posts taken down that day by any cause (a rule, a review, reports, or with their "
        "banned author), counted once, on the day of removal; a later restoration is counted "
        "in posts_restored, never subtracted here",
        "kind",
    ),
    Metric(
        "removed_by_moderation",
        "posts/day",
        "Posts taken down that day by a moderation decision (a rule, a review, reports): "
        "correct when the post was violating (spam or a restricted offer), wrongful when it "
        "was a life post or a legal ad",
        "outcome",
    ),
    Metric(
        "removed_with_banned_author",
        "posts/day",
        "Posts that disappeared that day because their author was banned (any kind)",
    ),
    Metric(
        "innocent_removed_with_wrongly_banned",
        "posts/day",
        "Of those, life posts and legal ads of authors banned wrongfully (with nothing "
        "violating in the wrongful window, as bans.wrongful): innocent posts a wrongful ban "
        "took down with its account",
    ),
    Metric(
        "posts_restored",
        "posts/day",
        "Removed posts put back that day after a successful appeal: against the post's "
        "removal, or against its author's ban (reinstating an account puts back the posts "
        "that disappeared with it)",
        "kind",
    ),
    Metric(
        "restored_with_reinstated_author",
        "posts/day",
        "Of those, posts that had disappeared with their banned author and came back when "
        "the ban was overturned (any kind; posts a rule took down stay down unless their "
        "own removal is appealed)",
    ),
    Metric(
        "offers_created",
        "offers/day",
        "Restricted-offer volume: offers of restricted items published that day, in every "
        "channel (the feed, chats and groups)",
        "category",
    ),
    Metric(
        "offers_removed",
        "offers/day",
        "Offers of restricted items taken down that day by any cause",
        "category",
    ),
    Metric(
        "offers_removed_same_day",
        "offers/day",
        "Offers published that day that were taken down the same day",
        "category",
    ),
    Metric(
        "violating_removed_same_day",
        "posts/day",
        "Spam and offers published that day that were taken down the same day",
    ),
    Metric(
        "offers_by_channel",
        "offers/day",
        "Offers of restricted items published that day, by channel",
        "channel",
    ),
    Metric(
        "offer_impressions",
        "impressions/day",
        "Reach of restricted offers in the Moments feed: times a user was shown one there",
        "category",
    ),
    Metric(
        "offer_reach",
        "impressions/day",
        "Times an offer was read, by channel (moments equals impressions.offer)",
        "channel",
    ),
    Metric(
        "impressions",
        "impressions/day",
        "Times a user was shown a post in the Moments feed (expected views after the feed's "
        "fading, removals and the readers' attention)",
        "kind",
    ),
    Metric("impressions_total", "impressions/day", "All Moments impressions that day"),
    Metric(
        "feed_supply",
        "impressions/day",
        "Moments impressions users would have had with unlimited attention",
    ),
    Metric(
        "attention_read_share",
        "share",
        "Share of what friends' posts offered that users had the attention to read "
        "(impressions_total / feed_supply)",
        aggregate="ratio",
        num=("impressions_total",),
        den=("feed_supply",),
    ),
    Metric(
        "users_saturated",
        "users",
        "Users on the feed offered more than attention.posts_per_day that day",
        None,
        "last",
    ),
    Metric(
        "feed_half_life_hours",
        "hours",
        "Mean half-life of the day's Moments posts (emergent: feed depth ÷ how fast the "
        "readers' feeds move)",
        aggregate="mean",
        den=("feed_posts",),
    ),
    Metric(
        "feed_inflow",
        "posts/day",
        "Posts arriving in the feed of a user on the feed that day, on average",
        aggregate="mean",
        den=("regular_active",),
    ),
    Metric(
        "units_sold",
        "units/day",
        "Harm: restricted units sold that day through offers, in every channel (expected units)",
        "category",
    ),
    Metric(
        "units_by_channel",
        "units/day",
        "Restricted units sold, by the channel of the offer that sold them",
        "channel",
    ),
    Metric(
        "units_by_buyer",
        "units/day",
        "Restricted units sold to buyers who sought the seller out, and to users reached "
        "by an unsolicited offer",
        "buyer",
    ),
    Metric(
        "units_by_account",
        "units/day",
        "Restricted units sold, by the kind of account that sold them",
        "account",
    ),
    Metric("seller_revenue", "CNY/day", "What restricted sellers earned that day"),
    Metric(
        "ad_share",
        "share",
        "Advertising Circle index: impressions of ads, spam and restricted offers / all "
        "impressions",
        aggregate="ratio",
        num=_kinds("impressions", COMMERCIAL),
        den=("impressions_total",),
    ),
    Metric(
        "prevalence",
        "share",
        "Prevalence of violating content: impressions of spam and restricted offers / all "
        "impressions",
        aggregate="ratio",
        num=_kinds("impressions", VIOLATING),
        den=("impressions_total",),
    ),
    Metric(
        "sellers_active",
        "accounts",
        "Restricted sellers able to post at the end of the day",
        "category",
        aggregate="last",
    ),
    Metric(
        "sellers_by_channel",
        "accounts",
        "Restricted sellers able to post at the end of the day, by the channel they sell in",
        "channel",
        aggregate="last",
    ),
    Metric(
        "sellers_official",
        "accounts",
        "Restricted sellers able to post at the end of the day on an official account",
        None,
        "last",
    ),
    Metric(
        "official_registrations",
        "accounts/day",
        "Sellers whose official (enterprise) account was verified that day",
    ),
    Metric(
        "official_refused",
        "accounts/day",
        "Sellers' official-account applications the verification refused that day",
    ),
    Metric(
        "seller_fear",
        "factor",
        "Deterrence: extra risk weight sellers of the category carry from the enforcement "
        "they saw among their peers and the announcements they heard (0 = none; they "
        "weigh 1 + this times their own risk)",
        "category",
        aggregate="last",
    ),
    Metric(
        "spammers_active", "accounts", "Spammers able to post at the end of the day", None, "last"
    ),
    Metric(
        "merchants_active",
        "accounts",
        "Micro-merchants able to post at the end of the day",
        None,
        "last",
    ),
    Metric(
        "seller_entries",
        "accounts/day",
        "New restricted sellers drawn in by demand and profit",
        "category",
    ),
    Metric("spammer_entries", "accounts/day", "New spammers drawn in by what spam earns"),
    Metric(
        "spammer_exits",
        "accounts/day",
        "Spammers who quit because risk outweighed profit",
    ),
    Metric(
        "reregistrations",
        "accounts/day",
        "Banned accounts that came back under a new, friendless account",
        "archetype",
    ),
    Metric(
        "counter_moves",
        "accounts/day",
        "Re-registrations on a new device (device matching cannot link them) or on a bought "
        "aged account",
        "move",
    ),
    Metric(
        "seller_exits",
        "accounts/day",
        "Sellers who quit because risk outweighed profit",
        "category",
    ),
    Metric(
        "warnings",
        "warnings/day",
        "Warnings given (actions, not accounts: an account warned twice counts twice); "
        "wrongful when the account posted nothing violating in the wrongful window "
        "(engine.wrongful_window_days) before it",
        "outcome",
    ),
    Metric(
        "restrictions",
        "restrictions/day",
        "Posting restrictions imposed (actions, not accounts); wrongful as for warnings",
        "outcome",
    ),
    Metric(
        "bans",
        "bans/day",
        "Bans imposed (actions, not accounts: an account reinstated on appeal and banned "
        "again counts twice); wrongful when the account posted nothing violating in the "
        "wrongful window (engine.wrongful_window_days) before it",
        "outcome",
    ),
    Metric(
        "accounts_wrongly_struck",
        "accounts/day",
        "Accounts that a wrongful warning, restriction or ban reached that day for the "
        "first time in the run: summed over days, the distinct innocent accounts any "
        "strike reached (each counted once, however many actions it got)",
    ),
    Metric(
        "accounts_wrongly_banned",
        "accounts/day",
        "Accounts banned wrongfully that day for the first time in the run: summed over "
        "days, the distinct accounts banned wrongfully (an account reinstated and banned "
        "again counts once)",
    ),
    Metric("appeals", "appeals/day", "Appeals lodged against a removal, restriction or ban"),
    Metric("overturned", "appeals/day", "Appeals decided in the user's favour"),
    Metric(
        "bans_overturned",
        "bans/day",
        "Bans overturned after an appeal (the account reinstated)",
    ),
    Metric(
        "restrictions_overturned",
        "restrictions/day",
        "Posting restrictions lifted early after an appeal",
    ),
    Metric(
        "late_decisions_ignored",
        "decisions/day",
        "Decisions about posts older than the retention window (engine.retention_days), "
        "which can no longer change them (a review or appeal slower than the window)",
    ),
    Metric(
        "review_queued",
        "posts/day",
        "Items sent to human review (a policy without reviewers, no enforcement.review, "
        "queues none)",
    ),
    Metric("reviewed", "posts/day", "Items human reviewers finished"),
    Metric(
        "review_backlog",
        "posts",
        "Items waiting for a reviewer at the end of the day",
        None,
        "last",
    ),
    Metric("review_hours", "hours/day", "Reviewer hours spent"),
    Metric(
        "time_to_removal_hours",
        "hours",
        "Mean hours from posting to removal, over the day's removals by moderation",
        aggregate="mean",
        den=_kinds("removed_by_moderation", OUTCOMES),
    ),
    Metric("labels", "posts/day", "Posts shown with a warning label"),
    Metric("downranks", "posts/day", "Posts shown less"),
    Metric("offers_by_style", "offers/day", "Offers published, by how they were written", "style"),
    Metric(
        "obfuscated_share",
        "share",
        "Share of the day's restricted offers written to evade filters (any style but none)",
        aggregate="ratio",
        num=_kinds("offers_by_style", STYLES[1:]),
        den=("posts_created.offer",),
    ),
    Metric("reports", "reports/day", "User reports filed"),
    Metric("regular_active", "users", "Regular users using the feed", None, "last"),
    Metric(
        "regular_churned",
        "users",
        "Regular users who have left the feed and not come back",
        None,
        "last",
    ),
    Metric(
        "regular_prospects",
        "users",
        "Potential users who have not joined the feed yet",
        None,
        "last",
    ),
    Metric("regular_left", "users/day", "Users who left the feed that day, tired of ads"),
    Metric("regular_returned", "users/day", "Users who came back to the feed that day"),
    Metric("regular_joined", "users/day", "New users who joined the feed that day"),
    Metric(
        "moderation_precision",
        "share",
        "Precision of what moderation decided: of the posts moderation took down (rules, "
        "reviews, reports), the share that were violating. Posts swept away with a banned "
        "author are left out (see removal_precision)",
        aggregate="ratio",
        num=("removed_by_moderation.correct",),
        den=_kinds("removed_by_moderation", OUTCOMES),
    ),
    Metric(
        "removal_precision",
        "share",
        "Precision of all removals: of every post taken down (including those swept away "
        "with a banned author), the share that were violating",
        aggregate="ratio",
        num=_kinds("posts_removed", VIOLATING),
        den=_kinds("posts_removed"),
    ),
    Metric(
        "recall_same_day",
        "share",
        "Same-day recall: share of the day's violating posts (spam and offers) taken down the "
        "same day",
        aggregate="ratio",
        num=("violating_removed_same_day",),
        den=_kinds("posts_created", VIOLATING),
    ),
    Metric(
        "recall_same_day_by_category",
        "share",
        "Same-day recall per category: share of the day's offers taken down the same day",
        "category",
        aggregate="ratio",
        num=(f"offers_removed_same_day.{PART}",),
        den=(f"offers_created.{PART}",),
    ),
)

BY_NAME = {m.name: m for m in METRICS}


@dataclass(frozen=True)
class RuleCount:
    """One count kept per rule and day (the rule statistics: ``rule_stats.csv``).

    ``unit`` is the daily count's ("posts/day"); ``total_unit`` is the unit of the count
    summed over days ("posts"), which is what a run's totals per rule are in."""

    name: str
    unit: str
    meaning: str

    @property
    def total_unit(self) -> str:
        """The unit of the count summed over days: ``unit`` without its "/day"."""
        return self.unit.removesuffix("/day")


RULE_COUNTS: tuple[RuleCount, ...] = (
    RuleCount(
        "hits",
        "posts/day",
        "Posts the rule fired on (at upload or after reports; shadow hits included)",
    ),
    RuleCount("true_positives", "posts/day", "Hits on violating posts (spam or offers)"),
    RuleCount("false_positives", "posts/day", "Hits on life posts and legal ads"),
    RuleCount(
        "removals",
        "posts/day",
        "Posts this rule took down (directly, or when a reviewer confirmed it)",
    ),
    RuleCount("wrongful_removals", "posts/day", "Of those, life posts and legal ads"),
    RuleCount("reviews", "posts/day", "Posts the rule sent to human review"),
    RuleCount("shadow_hits", "posts/day", "Hits of a shadow rule (counted, never acted on)"),
    RuleCount(
        "account_actions",
        "actions/day",
        "Warnings, restrictions and bans the rule caused (directly or through its strikes)",
    ),
    RuleCount(
        "wrongful_account_actions",
        "actions/day",
        "Of those, against accounts that posted nothing violating in the wrongful window",
    ),
    RuleCount("bans", "bans/day", "Bans the rule caused (directly or through its strikes)"),
    RuleCount("wrongful_bans", "bans/day", "Of those, wrongful (as for bans)"),
)
RULE_COUNT_NAMES = tuple(c.name for c in RULE_COUNTS)


def breakdown(metric: Metric, categories: tuple[str, ...]) -> tuple[str, ...]:
    """The values a metric is broken down by (empty when it is a single column)."""
    return {
        None: (),
        "kind": KINDS,
        "category": categories,
        "style": STYLES,
        "outcome": OUTCOMES,
        "archetype": REREGISTERING,
        "channel": CHANNELS,
        "buyer": BUYERS,
        "account": ACCOUNT_KINDS,
        "move": COUNTER_MOVES,
    }[metric.by]


def columns(categories: tuple[str, ...]) -> list[str]:
    """Every daily column, in a stable order (the CSV's header after ``day``)."""
    out: list[str] = []
    for m in METRICS:
        parts = breakdown(m, categories)
        out.extend(f"{m.name}.{p}" for p in parts) if parts else out.append(m.name)
    return out


def definition(column: str) -> Metric:
    """The metric behind a column name such as ``offers_created.tobacco``.

    Raises ``KeyError`` naming the column when no metric defines it.
    """
    try:
        return BY_NAME[column.split(".", 1)[0]]
    except KeyError:
        raise KeyError(f"{column!r} is not a metric (see `circlelab metrics`)") from None


def ratio_columns(metric: Metric, part: str | None = None) -> tuple[list[str], list[str]]:
    """The numerator and denominator columns of a ratio (or mean) for one breakdown value."""

    def fill(cols: tuple[str, ...]) -> list[str]:
        return [c.replace(PART, part or "") for c in cols]

    return fill(metric.num), fill(metric.den)


ALL = ".all"  # suffix: a breakdown's total over its values (``offers_created.all``)
CUMULATIVE = ".cumulative"  # suffix: a count's running total over days (``bans.wrongful…``)


def add_derived(frame, columns: list[str], by: str | None = None):
    """A copy of a daily frame with derived columns added (pandas DataFrame in and out).

    ``offers_created.all`` is the total of ``offers_created.*``; ``bans.wrongful.cumulative``
    the running total of ``bans.wrongful`` (per ``by`` group, e.g. per run, in day order).
    Raises ``KeyError`` for a name that is not a metric with a breakdown, or not a count.
    """
    out = frame.sort_values([*([by] if by else []), "day"], kind="stable").copy()
    for name in columns:
        if name.endswith(ALL):
            metric = definition(name.removesuffix(ALL))
            if metric.by is None or metric.aggregate == "ratio":
                raise KeyError(f"{name!r}: only a count with a breakdown has a total")
            parts = [c for c in out.columns if c.startswith(metric.name + ".") and c != name]
            out[name] = out[parts].sum(axis=1)
        elif name.endswith(CUMULATIVE):
            base = name.removesuffix(CUMULATIVE)
            if definition(base).aggregate != "sum":
                raise KeyError(f"{name!r}: only a count per day has a running total")
            out[name] = out.groupby(by)[base].cumsum() if by else out[base].cumsum()
        else:
            raise KeyError(f"{name!r} is not a derived column (….all or ….cumulative)")
    return out


def markdown_table() -> str:
    """The registry as a Markdown table (``docs/model.md`` embeds it)."""
    rows = [
        "| metric | unit | breakdown | over a run | meaning |",
        "| --- | --- | --- | --- | --- |",
    ]
    rows += [
        f"| `{m.name}` | {m.unit} | {m.by or ''} | {m.aggregate} | {m.meaning} |" for m in METRICS
    ]
    return "\n".join(rows)
