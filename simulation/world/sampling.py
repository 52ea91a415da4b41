"""A bounded sample of posts kept for the feed view and audits.

Every post of a run is simulated, but only a sample is stored: for each watched
user, the day's Moments posts of their friends (up to a screenful), plus a uniform
sample of other Moments posts. Chat and group messages are counted in the metrics but
not stored (the stored post has no channel column). A sampled post is written once its
fate is final (when it leaves the retention window, or at the end of the run).
"""

from __future__ import annotations

import numpy as np

from policy.interface import Channel
from simulation.world.population import watched_friends
from simulation.world.state import Day, World, post_views

FEED_PER_DAY = 30  # posts a watched user sees per day in the stored feed
LIKE_RATE = np.array([0.3, 0.03, 0.005, 0.02])  # likes per view, by content kind (illustrative)


def sample_day(world: World, day: Day) -> None:
    """Mark today's posts that watched users see (a screenful each) plus a uniform sample."""
    posts, rng, d, first_new = world.posts, world.rng["sample"], day.d, day.first_new
    feed = np.flatnonzero(posts.channel[first_new:] == Channel.MOMENTS)
    authors = posts.author[first_new:][feed]
    n_new = authors.shape[0]
    if n_new == 0:
        return
    friends = {int(v): watched_friends(world, int(v)) for v in world.watched}
    union = np.zeros(world.accounts.n, bool)
    for f in friends.values():
        union[f.astype(np.int64)] = True
    candidates = np.flatnonzero(union[authors])
    for viewer, f in friends.items():
        mine = candidates[np.isin(authors[candidates], f)]
        if len(mine) > FEED_PER_DAY:
            mine = np.sort(rng.choice(mine, FEED_PER_DAY, replace=False))
        rows = first_new + feed[mine]
        posts.sampled[rows] = True
        world.feed_rows.extend((viewer, d, int(r + posts.base)) for r in rows)
    k = min(world.scenario.engine.post_sample_per_day, n_new)
    if k:
        posts.sampled[first_new + feed[rng.choice(n_new, k, replace=False)]] = True


def finish_samples(world: World, start: int, stop: int) -> None:
    """Move sampled posts in rows ``[start, stop)`` to the stored sample, with their fate."""
    posts = world.posts
    rows = start + np.flatnonzero(posts.sampled[start:stop])
    if not len(rows):
        return
    views = post_views(world, rows)
    pids = rows + posts.base
    for pid in pids.tolist():
        world.sample_views.pop(pid, None)
    likes = world.rng["sample"].poisson(views * LIKE_RATE[posts.kind[rows]])
    world.samples.append(
        {
            "post_id": pids,
            "day": posts.day[rows],
            "hour": posts.hour[rows].astype(np.float64),
            "author": posts.author[rows],
            "kind": posts.kind[rows],
            "category": posts.category[rows],
            "style": posts.style[rows],
            "text_id": posts.text[rows],
            "removed_at_hours": posts.removed_age[rows].astype(np.float64),  # inf: never
            "removal_cause": posts.cause[rows],
            "rule": posts.rule[rows],
            "stage": posts.stage[rows],
            "views": views.astype(np.float64),
            "likes": likes,
            "reports": posts.reports[rows],
            "labelled": posts.labelled[rows],
            "evidence": [world.evidence.pop(p, "") for p in pids.tolist()],
        }
    )
