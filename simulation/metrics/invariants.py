"""What must hold of every day and every run: checked by the engine, never assumed.

A violated invariant is a bug in the model or in a metric, and a number built on it would
be silently wrong; so the engine checks each day's row as it is recorded and the whole
run when it closes its books, and raises :class:`InvariantError` naming the invariant.
A run that raises is stored as ``failed`` with that message.

Daily (each row):
  * counts and levels are finite and never negative;
  * every ratio is in [0, 1], and undefined (NaN) exactly when its denominator is 0;
  * per-category sums equal their totals (offers created, removed, seen, by style);
  * impressions by kind add up to all impressions; no more than the feed offered;
  * harm adds up: units sold by category = by channel = by buyer = by account kind;
  * offers by channel add up to the offers created; the Moments part of offers' reach is
    the feed's offer impressions; sellers by channel add up to the active sellers;
  * every removal has one cause: posts removed = removed by moderation (correct +
    wrongful) + removed with a banned author;
  * no more accounts wrongly struck (or banned) for the first time than wrongful actions;
  * same-day removals never exceed what was posted that day.
Per run:
  * users accounted for: each day, users away from the feed change by those who left
    minus those who came back, and potential users by those who joined;
  * conservation of the run's own posts: created = removed + surviving, by kind;
  * every removal is accounted for: removals − restorations = posts down at the end
    (the run's own and those carried in from the warm-up);
  * no more posts come back with reinstated authors than disappeared with banned ones
    (counted where they are put back, and the ban's count where the ban took them: two
    places, so a miscount in either breaks it. No daily check that they are among the
    posts restored: both of those numbers are counted by one function, so it could not
    fail);
  * every account wrongly banned is among the accounts wrongly struck;
  * per rule, removals and account actions add up to the day's totals.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from simulation.metrics.registry import (
    ACCOUNT_KINDS,
    BUYERS,
    CHANNELS,
    KINDS,
    METRICS,
    OUTCOMES,
    STYLES,
    breakdown,
)

TOLERANCE = 1e-6  # relative, for sums of floating-point impressions


class InvariantError(AssertionError):
    """An invariant of the metrics does not hold; the message names it (and the day)."""

    def __init__(self, invariant: str, detail: str, day: int | None = None) -> None:
        where = f" on day {day}" if day is not None else ""
        super().__init__(f"invariant '{invariant}' violated{where}: {detail}")
        self.invariant = invariant
        self.day = day


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def _sum(row: Mapping[str, float], cols: Sequence[str]) -> float:
    return float(sum(row[c] for c in cols))


def check_day(row: Mapping[str, float], categories: tuple[str, ...]) -> None:
    """Check one day's metrics row (``DayTally.row``); raises :class:`InvariantError`."""
    day = int(row["day"])
    for m in METRICS:
        cols = [f"{m.name}.{p}" for p in breakdown(m, categories)] or [m.name]
        for col in cols:
            v = row[col]
            if m.is_count and not (math.isfinite(v) and v >= 0):
                raise InvariantError("non-negative counts", f"{col} = {v}", day)
            if m.aggregate == "ratio" and not (math.isnan(v) or 0.0 <= v <= 1.0):
                raise InvariantError("shares within [0, 1]", f"{col} = {v}", day)
    sums = (
        ("offers created by category", "offers_created", categories, "posts_created.offer"),
        ("offers removed by category", "offers_removed", categories, "posts_removed.offer"),
        ("offer impressions by category", "offer_impressions", categories, "impressions.offer"),
        ("offers by style", "offers_by_style", STYLES, "posts_created.offer"),
        ("impressions by kind", "impressions", KINDS, "impressions_total"),
        ("offers by channel", "offers_by_channel", CHANNELS, "posts_created.offer"),
        ("units sold by channel", "units_by_channel", CHANNELS, "units_sold.all"),
        ("units sold by buyer", "units_by_buyer", BUYERS, "units_sold.all"),
        ("units sold by account kind", "units_by_account", ACCOUNT_KINDS, "units_sold.all"),
        ("sellers by channel", "sellers_by_channel", CHANNELS, "sellers_active.all"),
    )
    row = dict(row)
    row["units_sold.all"] = _sum(row, [f"units_sold.{c}" for c in categories])
    row["sellers_active.all"] = _sum(row, [f"sellers_active.{c}" for c in categories])
    if not _close(row["offer_reach.moments"], row["impressions.offer"]):
        raise InvariantError(
            "offer reach in Moments is the feed's offer impressions",
            f"{row['offer_reach.moments']} ≠ {row['impressions.offer']}",
            day,
        )
    if row["impressions_total"] > row["feed_supply"] * (1 + TOLERANCE) + TOLERANCE:
        raise InvariantError(
            "attention reads no more than the feed offers",
            f"impressions {row['impressions_total']} > supply {row['feed_supply']}",
            day,
        )
    if row["feed_posts"] > _sum(row, [f"posts_created.{k}" for k in KINDS]):
        raise InvariantError("feed posts within the posts created", f"{row['feed_posts']}", day)
    for name, metric, parts, whole in sums:
        got = _sum(row, [f"{metric}.{p}" for p in parts])
        if not _close(got, row[whole]):
            raise InvariantError(f"{name} add up", f"{got} ≠ {whole} = {row[whole]}", day)
    removed = _sum(row, [f"posts_removed.{k}" for k in KINDS])
    causes = _sum(row, [f"removed_by_moderation.{o}" for o in OUTCOMES])
    causes += row["removed_with_banned_author"]
    if removed != causes:
        raise InvariantError(
            "every removal has one cause",
            f"posts removed {removed} ≠ by moderation + with banned author {causes}",
            day,
        )
    innocent = row["removed_by_moderation.wrongful"] + row["innocent_removed_with_wrongly_banned"]
    if innocent > row["posts_removed.life"] + row["posts_removed.ad"]:
        raise InvariantError(
            "wrongful removals and the innocent posts of wrongful bans are life posts or ads",
            f"{innocent} > life + ad removed",
            day,
        )
    if row["innocent_removed_with_wrongly_banned"] > row["removed_with_banned_author"]:
        raise InvariantError(
            "the innocent posts of wrongful bans are among those removed with banned authors",
            f"{row['innocent_removed_with_wrongly_banned']} > {row['removed_with_banned_author']}",
            day,
        )
    struck = _sum(row, [f"{a}.wrongful" for a in ("warnings", "restrictions", "bans")])
    for name, accounts, actions in (
        ("accounts_wrongly_banned", row["accounts_wrongly_banned"], row["bans.wrongful"]),
        ("accounts_wrongly_struck", row["accounts_wrongly_struck"], struck),
    ):
        if accounts > actions:
            raise InvariantError(
                "no more accounts wrongly acted on than wrongful actions",
                f"{name} {accounts} > {actions} wrongful actions",
                day,
            )
    for metric, parts in (("offers_removed_same_day", categories),):
        for p in parts:
            if row[f"{metric}.{p}"] > row[f"offers_created.{p}"]:
                raise InvariantError(
                    "same-day removals within what was posted", f"{metric}.{p}", day
                )


def _check_users(metrics: pd.DataFrame) -> None:
    """Day to day, users away from the feed and potential users change only by the day's
    departures, returns and joins."""
    if len(metrics) < 2:
        return
    flows = (
        ("regular_churned", metrics["regular_left"] - metrics["regular_returned"]),
        ("regular_prospects", -metrics["regular_joined"]),
    )
    for level, change in flows:
        got = metrics[level].diff().iloc[1:].to_numpy()
        want = change.iloc[1:].to_numpy()
        bad = np.flatnonzero(got != want)
        if len(bad):
            day = int(metrics["day"].iloc[1 + bad[0]])
            raise InvariantError(
                f"users accounted for ({level})",
                f"changed by {got[bad[0]]:g}, the day's flows say {want[bad[0]]:g}",
                day,
            )


def check_run(
    metrics: pd.DataFrame,
    rules: pd.DataFrame,
    own_removed: np.ndarray,
    own_surviving: np.ndarray,
    removed_final: np.ndarray,
) -> None:
    """Check a finished run: conservation and the per-rule sums.

    ``own_removed``/``own_surviving``: the final fate by kind (arrays of 4) of the posts
    made during the run; ``removed_final``: every post down at the end (the run's own and
    those carried in). Raises :class:`InvariantError`.
    """
    _check_users(metrics)
    created = np.array([metrics[f"posts_created.{k}"].sum() for k in KINDS])
    if not np.array_equal(created, own_removed + own_surviving):
        raise InvariantError(
            "conservation of the run's posts",
            f"created {created.tolist()} ≠ removed {own_removed.tolist()} + "
            f"surviving {own_surviving.tolist()} (by kind: {', '.join(KINDS)})",
        )
    removals = np.array([metrics[f"posts_removed.{k}"].sum() for k in KINDS])
    restored = np.array([metrics[f"posts_restored.{k}"].sum() for k in KINDS])
    if not np.array_equal(removals - restored, removed_final):
        raise InvariantError(
            "every removal accounted for",
            f"removals {removals.tolist()} − restorations {restored.tolist()} ≠ posts down at "
            f"the end {removed_final.tolist()}",
        )
    back, swept = (
        metrics["restored_with_reinstated_author"].sum(),
        metrics["removed_with_banned_author"].sum(),
    )
    if back > swept:
        raise InvariantError(
            "posts back with their reinstated author had been removed with them",
            f"restored with reinstated author {back:g} > removed with banned author {swept:g}",
        )
    banned, struck = (
        metrics["accounts_wrongly_banned"].sum(),
        metrics["accounts_wrongly_struck"].sum(),
    )
    if banned > struck:
        raise InvariantError(
            "accounts wrongly banned are among the accounts wrongly struck",
            f"{banned:g} wrongly banned > {struck:g} wrongly struck",
        )
    if len(rules):
        by_day = rules.groupby("day")[["removals", "wrongful_removals", "bans"]].sum()
        m = metrics.set_index("day")
        checks = (
            ("removals", m["removed_by_moderation.correct"] + m["removed_by_moderation.wrongful"]),
            ("wrongful_removals", m["removed_by_moderation.wrongful"]),
            ("bans", m["bans.correct"] + m["bans.wrongful"]),
        )
        for col, expected in checks:
            got = by_day[col].reindex(m.index, fill_value=0)
            bad = got.to_numpy() != expected.to_numpy()
            if bad.any():
                day = int(m.index[np.flatnonzero(bad)[0]])
                raise InvariantError(
                    f"rule statistics add up ({col})",
                    f"the rules' {col} {int(got.loc[day])} ≠ the day's {expected.loc[day]}",
                    day,
                )
