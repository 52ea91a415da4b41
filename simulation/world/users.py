"""Regular users come and go: they tire of a feed full of ads and leave, and come back or
join when it is clean.

Every user — on the feed, gone from it, or not yet on it — remembers the ad share of the
feed their friends' posts make (``churn.memory_days``): those on the feed see it, the others
hear of it. A user on the feed whose memory is above ``churn.threshold`` is tired: posts less
(``churn.dampening``) and leaves with probability ``churn.daily_prob`` a day. A user who left
comes back with probability ``users.return_prob`` a day once the memory falls below
``users.return_threshold``. A potential user joins with probability ``users.join_prob`` a
day, falling linearly to nothing at an ad share of ``users.join_stop_share``.
"""

from __future__ import annotations

import math

import numpy as np

from simulation.world.accounts import Status
from simulation.world.state import Day, World


def churn_day(world: World, day: Day) -> None:
    """Update every user's remembered ad share; tired users leave, some come back or join."""
    sc, acc, n, d = world.scenario, world.accounts, world.n_regular, day.d
    reg = acc.status[:n]
    share = day.viewer_ad_share
    seen = ~np.isnan(share)
    a = 1.0 - math.exp(-1.0 / sc.churn.memory_days)
    mem = acc.feed_ad_share[:n]
    mem[seen] += a * (share[seen] - mem[seen])
    rng = world.rng["churn"]
    tired = (reg == Status.ACTIVE) & (mem > sc.churn.threshold)
    leave = tired & (rng.random(n) < sc.churn.daily_prob)
    draw = world.rng["users"].random(n)
    gone = reg == Status.CHURNED
    back = gone & (mem < sc.users.return_threshold) & (draw < sc.users.return_prob)
    u = sc.users
    join_p = u.join_prob * np.clip(1.0 - mem / u.join_stop_share, 0.0, 1.0)
    join = (reg == Status.PROSPECT) & (draw < join_p)
    reg[leave] = Status.CHURNED
    reg[back | join] = Status.ACTIVE
    changed = leave | back | join
    acc.status_day[:n][changed] = d
    acc.join_day[:n][join] = d
    tally = day.tally
    tally["regular_left"] = int(leave.sum())
    tally["regular_returned"] = int(back.sum())
    tally["regular_joined"] = int(join.sum())
    tally["regular_active"] = int(((reg == Status.ACTIVE) | (reg == Status.RESTRICTED)).sum())
    tally["regular_churned"] = int((reg == Status.CHURNED).sum())
    tally["regular_prospects"] = int((reg == Status.PROSPECT).sum())
