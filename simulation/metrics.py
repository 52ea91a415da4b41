"""Every metric, defined once: name, unit and meaning.

The CLI, the charts, the HTML report, the sweeps and the GUI all read these
definitions, so a number means the same thing wherever it is shown. A metric with
a breakdown (by content kind, category, evasion style, outcome) becomes one column
per value, named ``metric.value`` (``offers_created.tobacco``).
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("life", "ad", "spam", "offer")
STYLES = ("none", "spacing", "homoglyph", "pinyin_abbrev", "emoji", "contact_only", "image_only")
OUTCOMES = ("correct", "wrongful")
REREGISTERING = ("seller", "spammer")


@dataclass(frozen=True)
class Metric:
    name: str
    unit: str
    meaning: str
    by: str | None = None  # "kind", "category", "style", "outcome", "archetype" or None


METRICS: tuple[Metric, ...] = (
    Metric("posts_created", "posts/day", "Posts published that day", "kind"),
    Metric(
        "posts_removed",
        "posts/day",
        "Posts taken down that day (by a rule, a review, or with their banned author), "
        "counted once, on the day of removal",
        "kind",
    ),
    Metric(
        "offers_created",
        "offers/day",
        "Restricted-offer volume: offers of restricted items published that day",
        "category",
    ),
    Metric(
        "offers_removed", "offers/day", "Offers of restricted items taken down that day", "category"
    ),
    Metric(
        "offer_impressions",
        "impressions/day",
        "Reach of restricted offers: times a user was shown one",
        "category",
    ),
    Metric(
        "impressions",
        "impressions/day",
        "Times a user was shown a post (expected views after hourly decay and removals)",
        "kind",
    ),
    Metric("impressions_total", "impressions/day", "All impressions that day"),
    Metric(
        "ad_share",
        "share",
        "Advertising Circle index: impressions of ads, spam and restricted offers / all "
        "impressions",
    ),
    Metric(
        "violating_share", "share", "Impressions of spam and restricted offers / all impressions"
    ),
    Metric(
        "sellers_active",
        "accounts",
        "Restricted sellers able to post at the end of the day",
        "category",
    ),
    Metric("spammers_active", "accounts", "Spammers able to post at the end of the day"),
    Metric("merchants_active", "accounts", "Micro-merchants able to post at the end of the day"),
    Metric(
        "seller_entries",
        "accounts/day",
        "New restricted sellers drawn in by demand and profit",
        "category",
    ),
    Metric("spammer_entries", "accounts/day", "New spammers"),
    Metric(
        "reregistrations",
        "accounts/day",
        "Banned accounts that came back under a new, friendless account",
        "archetype",
    ),
    Metric(
        "seller_exits",
        "accounts/day",
        "Sellers who quit because risk outweighed profit",
        "category",
    ),
    Metric(
        "warnings",
        "accounts/day",
        "Warnings; wrongful when the account posted nothing violating in the window",
        "outcome",
    ),
    Metric("restrictions", "accounts/day", "Posting restrictions, correct or wrongful", "outcome"),
    Metric(
        "bans",
        "accounts/day",
        "Bans; wrongful when the account posted nothing violating in the window",
        "outcome",
    ),
    Metric("appeals", "appeals/day", "Appeals lodged"),
    Metric("overturned", "appeals/day", "Appeals that overturned an action"),
    Metric("review_queued", "posts/day", "Items sent to human review"),
    Metric("reviewed", "posts/day", "Items human reviewers finished"),
    Metric("review_backlog", "posts", "Items waiting for a reviewer at the end of the day"),
    Metric("review_hours", "hours/day", "Reviewer hours spent"),
    Metric(
        "time_to_removal_hours",
        "hours",
        "Mean hours from posting to removal, over the day's removals by moderation",
    ),
    Metric("labels", "posts/day", "Posts shown with a warning label"),
    Metric("downranks", "posts/day", "Posts shown less"),
    Metric("wrongful_removals", "posts/day", "Life posts and legal ads taken down"),
    Metric("offers_by_style", "offers/day", "Offers published, by how they were written", "style"),
    Metric(
        "obfuscated_share",
        "share",
        "Share of the day's restricted offers written to evade filters (any style but none)",
    ),
    Metric("reports", "reports/day", "User reports filed"),
    Metric("regular_active", "users", "Regular users still using the feed"),
    Metric("regular_churned", "users", "Regular users who have left the feed (cumulative)"),
    Metric(
        "precision",
        "share",
        "Removals of violating posts / all removals that day (1 when nothing was removed)",
    ),
    Metric(
        "recall", "share", "Share of the day's violating posts that were taken down the same day"
    ),
    Metric(
        "recall_by_category",
        "share",
        "Share of the day's offers taken down the same day, per category",
        "category",
    ),
)

BY_NAME = {m.name: m for m in METRICS}


def breakdown(metric: Metric, categories: tuple[str, ...]) -> tuple[str, ...]:
    return {
        None: (),
        "kind": KINDS,
        "category": categories,
        "style": STYLES,
        "outcome": OUTCOMES,
        "archetype": REREGISTERING,
    }[metric.by]


def columns(categories: tuple[str, ...]) -> list[str]:
    """Every daily column, in a stable order (the CSV's header after ``day``)."""
    out: list[str] = []
    for m in METRICS:
        parts = breakdown(m, categories)
        out.extend(f"{m.name}.{p}" for p in parts) if parts else out.append(m.name)
    return out


def definition(column: str) -> Metric:
    """The metric behind a column name such as ``offers_created.tobacco``."""
    return BY_NAME[column.split(".", 1)[0]]


def markdown_table() -> str:
    rows = ["| metric | unit | breakdown | meaning |", "| --- | --- | --- | --- |"]
    rows += [f"| `{m.name}` | {m.unit} | {m.by or ''} | {m.meaning} |" for m in METRICS]
    return "\n".join(rows)


class UnknownMetricError(KeyError):
    """A daily value was written or read under a name the registry does not define."""


class DayTally:
    """One day's metric values, written by column name and checked against the registry.

    Every writer goes through here, so a misspelt column (``posts_removd.life``) fails
    loudly instead of being silently dropped or read back as zero. Columns nobody wrote
    on a day are 0 in the day's row (nothing of that kind happened).
    """

    __slots__ = ("_known", "_order", "_values")

    def __init__(self, order: tuple[str, ...], known: frozenset[str]):
        self._order = order
        self._known = known
        self._values: dict[str, float] = {}

    @classmethod
    def for_categories(cls, categories: tuple[str, ...]) -> DayTally:
        order = tuple(columns(categories))
        return cls(order, frozenset(order))

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column, in registry order."""
        return self._order

    def fresh(self) -> DayTally:
        """An empty tally over the same columns (one per day, cheap)."""
        return DayTally(self._order, self._known)

    def _check(self, column: str) -> None:
        if column not in self._known:
            raise UnknownMetricError(
                f"{column!r} is not a metric column; the registry (simulation/metrics.py) "
                "defines every column"
            )

    def __setitem__(self, column: str, value: float) -> None:
        self._check(column)
        self._values[column] = value

    def __getitem__(self, column: str) -> float:
        self._check(column)
        return self._values.get(column, 0)

    def add(self, column: str, amount: float) -> None:
        """Add to a column (0 when not yet written today)."""
        self._check(column)
        self._values[column] = self._values.get(column, 0) + amount

    def set_parts(self, metric: str, parts: tuple[str, ...], values) -> None:
        """Write ``metric.part`` for every part of a breakdown, from a sequence of values."""
        for part, value in zip(parts, values, strict=True):
            self[f"{metric}.{part}"] = value

    def row(self, day: int) -> dict[str, float]:
        """The day's metrics row: ``day`` then every column in registry order, as floats."""
        row = {"day": float(day)}
        values = self._values
        for col in self._order:
            row[col] = float(values.get(col, 0.0))
        return row
