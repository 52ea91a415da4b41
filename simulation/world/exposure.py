"""Who saw what today: views of every live post, the ad share each user sees, sales, reports.

Moments posts fade as newer posts bury them and compete for a limited attention
(``simulation.world.attention``); chat and group messages are read within hours of their
own. Offers sell (``simulation.world.harm``); users report some of the unwanted posts they
see.
"""

from __future__ import annotations

import numpy as np

from policy.interface import CHANNEL_NAMES, Channel, ContentKind
from simulation.metrics import KINDS
from simulation.world import decay as expo
from simulation.world.attention import attend, feed_half_lives
from simulation.world.harm import sell
from simulation.world.state import Day, World, exposure_rows


def window_start(world: World, d: int) -> int:
    """First day whose posts still collect views on day ``d`` (from each day's longest
    half-life); forgets the half-lives of days that no longer matter."""
    old = d - world.scenario.engine.retention_days
    for made, longest in list(world.half_life_max.items()):
        if made < old and d - made >= expo.horizon_days(longest):
            del world.half_life_max[made]
    return exposure_start(world, d)


def exposure_start(world: World, d: int) -> int:
    """First day whose posts still collect views on day ``d`` (no later day starts earlier:
    a day leaves the window for good once its longest half-life has run out)."""
    start = d
    for made, longest in world.half_life_max.items():
        if d - made < expo.horizon_days(longest):
            start = min(start, made)
    return start


def expose_day(world: World, day: Day) -> None:
    """Every live post collects today's views; attention caps the feed; offers sell; users
    report some of what they see.

    Sets ``day.viewer_ad_share`` (per regular user), ``day.attention``, ``day.revenue``,
    ``day.saturation`` and ``day.offer_impressions``.
    """
    posts, sc, d, tally = world.posts, world.scenario, day.d, day.tally
    feed_half_lives(world, day)
    start = posts.first_row_from("day", window_start(world, d))
    sl = slice(start, posts.n)
    hot, hs = world.exposed, exposure_rows(world, sl)
    views = expo.views_on_day(
        d,
        posts.day[sl],
        posts.hour[sl],
        posts.removed_age[sl],
        hot.potential[hs] * hot.factor[hs],
        hot.half_life[hs],
        days_ascending=True,  # the post table is in posting order
    )
    kind = posts.kind[sl]
    kinds = kind.astype(np.intp)  # indexes and is counted below: cast once
    author = posts.author[sl].astype(np.intp)  # indexes four times below: cast once
    channel = posts.channel[sl]
    # everything but life posts (ads, spam, offers), found in one pass over the window;
    # of them spam and offers, and the offers off the feed (only offers leave it,
    # channel_of), each among a few rows
    others = np.flatnonzero(kind != ContentKind.LIFE)
    special = others[kind[others] > ContentKind.AD]
    offers = special[kind[special] == ContentKind.OFFER]
    spam = special[kind[special] == ContentKind.SPAM]
    on_feed = channel[offers] == Channel.MOMENTS
    feed_offers, off = offers[on_feed], offers[~on_feed]
    ads = others[channel[others] == Channel.MOMENTS]  # the feed's rows that are not life
    offered = views
    shown, day.viewer_ad_share = attend(world, day, offered, author, ads, off)
    by_kind = np.bincount(kinds, weights=shown, minlength=4)  # the feed's impressions
    views = shown  # ... and the views read, off the feed too: as offered
    views[off] = offered[off]
    hot.views[hs] += views
    tally.set_parts("impressions", KINDS, by_kind.tolist())
    tally["impressions_total"] = float(by_kind.sum())
    # what attention left unread, added on (so that the read share never exceeds 1)
    tally["feed_supply"] = float(by_kind.sum()) + float((offered - views).sum())
    per_cat = np.bincount(
        posts.category[sl][feed_offers],
        weights=views[feed_offers],
        minlength=len(world.categories),
    )
    tally.set_parts("offer_impressions", world.categories, per_cat.tolist())
    sell(world, day, sl, views, offers, spam)
    # reports: some impressions of unwanted posts make a user press "report"
    rp = sc.exposure.report_prob
    prob = np.array([rp.get(k, 0.0) for k in KINDS])
    rf = sc.channels.report_factor
    factor = np.array([rf.get(c, 1.0) for c in CHANNEL_NAMES])
    sought = hot.sought[hs]
    if factor[Channel.MOMENTS] == 1.0:
        # views * (1 - sought) * prob * factor, leaving out the factors that are exactly 1
        # (x * 1.0 is x): the share unsought off offers, the feed's report factor
        rate = views * prob[kinds]
        o = offers
        rate[o] = views[o] * (1.0 - sought[o]) * prob[kinds[o]] * factor[channel[o]]
    else:
        rate = views * (1.0 - sought) * prob[kinds] * factor[channel]
    got, count = poisson_rows(world.rng["reports"], rate)
    rows = got + start
    if len(rows):  # report counts start as int8: widened before they could overflow
        posts.fit("reports", 0, int((posts.reports[rows] + count.astype(np.int64)).max()))
        posts.fit("new_reports", 0, int((posts.new_reports[rows] + count.astype(np.int64)).max()))
    posts.reports[rows] += count  # rows are distinct (poisson_rows)
    posts.new_reports[rows] += count
    if len(rows):
        world.reported = np.union1d(world.reported, rows + posts.base)
    tally["reports"] = int(count.sum())


def poisson_rows(rng: np.random.Generator, rate: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Independent Poisson counts with the given rates, drawn as their total and then spread
    over the rows in proportion to the rates (the same distribution, without a draw per row:
    most rows of an old post get nothing). Returns (rows with a count, their counts)."""
    total = float(rate.sum())
    k = int(rng.poisson(total)) if total > 0 else 0
    if k == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int32)
    cum = np.cumsum(rate)
    # the draws in ascending order (each search then starts where the last one ended);
    # the rows and counts are the same whatever order they are looked up in
    hit = np.searchsorted(cum, np.sort(rng.random(k) * cum[-1]), side="right")
    rows, count = np.unique(np.minimum(hit, len(rate) - 1), return_counts=True)
    return rows, count.astype(np.int32)
