"""Attention: how fast a post fades from the feed, and how much of the feed a user reads.

**Fading.** Moments is a timeline: a post sits at the top of its readers' feeds and sinks as
newer posts arrive above it. A user reads down to about ``exposure.feed_depth`` posts, so a
post stays within reach for about depth ÷ (posts arriving per hour) and its views fade with
a half-life of

    h = ln 2 × 24 × feed_depth ÷ (posts arriving per day in the feed of a user on it)

hours (Hodas & Lerman 2012: visibility decays as newer posts push a post down; the value of
``feed_depth`` is assumed). The inflow is the day's, averaged over the users on the feed (a
user whose contacts post more has a faster feed; that spread is not modelled). A post counts
for the part of the day it stayed up, so posts removed within the hour hardly slow anyone's
feed, and a feed that a crackdown thins out lets each remaining post be seen for longer.

**Reading.** A user reads at most ``attention.posts_per_day`` posts a day. When friends'
posts would offer more views than that (the *supply*), each is read with the
proportionally lower chance, so what is removed or downranked frees room that the other
posts take.

Reading costs one sparse product back from viewers to authors
(``FriendsGraph.gather_from_viewers``) beyond the two that compute what each user is offered
(``spread_to_viewers``).
"""

from __future__ import annotations

import math

import numpy as np

from policy.interface import Channel
from simulation.world.state import Day, World, exposure_rows

MIN_HALF_LIFE = 0.5  # hours: even a torrent of posts leaves a post on screen for a while
MAX_HALF_LIFE = 48.0  # hours: a feed that hardly moves is still scrolled past within days


def half_life(depth: float, inflow: np.ndarray | float) -> np.ndarray:
    """Half-life (hours) of a post whose readers' feeds receive ``inflow`` posts a day."""
    inflow = np.maximum(np.asarray(inflow, np.float64), 1e-9)
    return np.clip(math.log(2.0) * 24.0 * depth / inflow, MIN_HALF_LIFE, MAX_HALF_LIFE)


def feed_half_lives(world: World, day: Day) -> None:
    """Set the half-life of today's Moments posts from how fast the feed moves today.

    The inflow is the posts a day arriving in the feed of the average user on it (every
    post's readers, summed, over the users on the feed); a post counts for the share of
    the day it stayed up, so posts removed within the hour hardly slow anyone's feed."""
    posts, first = world.posts, day.first_new
    feed = posts.channel[first:] == Channel.MOMENTS  # today's posts on the feed (a mask)
    up = np.minimum(posts.removed_age[first:][feed], 24.0) / 24.0
    readers = float(np.dot(up, day.audience[posts.author[first:][feed]]))
    viewers = int(day.viewer_active.sum())
    inflow = readers / viewers if viewers else 0.0
    hl = float(half_life(world.scenario.exposure.feed_depth, inflow))
    today = world.exposed.half_life[exposure_rows(world, slice(first, None))]
    today[feed] = hl
    world.day_half_life[day.d][Channel.MOMENTS] = hl
    world.feed_half_life = hl
    world.half_life_max[day.d] = float(today.max()) if len(today) else hl
    day.tally["feed_half_life_hours"] = hl
    day.tally["feed_inflow"] = inflow


def attend(
    world: World,
    day: Day,
    views: np.ndarray,
    author: np.ndarray,
    ads: np.ndarray,
    off: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Cap what each user reads in the feed.

    ``views`` (float64, one per row of the exposure window): the views offered;
    ``author``: each row's author (intp); ``ads``: the rows of the feed that are not life
    posts (ads, spam and offers on Moments), ascending; ``off``: the rows off the feed
    (chat and group offers). Returns the views read in the feed (float64, one per row;
    the rows in ``off`` an exact 0.0) and each regular user's ad share of what they saw
    in the feed (NaN when nothing).

    Sets ``day.attention`` (per account: the share of its views its readers had room for).
    """
    acc, sc = world.accounts, world.scenario
    n = acc.n
    audience = np.maximum(day.audience, 1.0)
    # per author, the views its feed posts (and its feed ads, spam and offers) are offered;
    # rows off the feed weigh an exact zero (adding +0.0 leaves these in-order sums
    # unchanged), which costs less than gathering the feed's rows first
    in_feed = views.copy()
    in_feed[off] = 0.0
    # (bincount of no rows at all gives integers: a day with no post in the window)
    per_friend = np.bincount(author, weights=in_feed, minlength=n).astype(float, copy=False)
    per_friend /= audience
    per_friend_ad = np.bincount(author[ads], weights=views[ads], minlength=n).astype(
        float, copy=False
    )
    per_friend_ad /= audience
    supply = world.graph.spread_to_viewers(per_friend)
    supply_ad = world.graph.spread_to_viewers(per_friend_ad)
    cap = sc.attention.posts_per_day
    with np.errstate(divide="ignore", invalid="ignore"):
        read = np.where(supply > cap, cap / supply, 1.0)
        ad_share = np.where(supply > 1e-9, supply_ad / supply, np.nan)
    active = day.viewer_active
    room = world.graph.gather_from_viewers(read * active, n)
    factor = np.where(day.audience > 0, np.minimum(room / np.maximum(day.audience, 1e-9), 1.0), 1.0)
    day.attention = factor
    tally = day.tally
    tally["users_saturated"] = int((active & (supply > cap)).sum())
    # each feed row times its author's factor; the rows off it stay an exact zero (0.0
    # times a finite factor)
    return np.multiply(in_feed, factor[author], out=in_feed), ad_share
