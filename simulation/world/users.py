"""Regular users who see mostly ads grow tired of the feed and may leave it."""

from __future__ import annotations

import math

import numpy as np

from simulation.world.accounts import Status
from simulation.world.state import Day, World


def churn_day(world: World, day: Day) -> None:
    """Update each user's remembered ad share; tired users leave with a daily probability."""
    sc, acc, n = world.scenario.churn, world.accounts, world.n_regular
    reg = acc.status[:n]
    share = day.viewer_ad_share
    seen = ~np.isnan(share)
    a = 1.0 - math.exp(-1.0 / sc.memory_days)
    mem = acc.feed_ad_share[:n]
    mem[seen] += a * (share[seen] - mem[seen])
    tired = (reg == Status.ACTIVE) & (mem > sc.threshold)
    leave = tired & (world.rng["churn"].random(n) < sc.daily_prob)
    reg[leave] = Status.CHURNED
    acc.status_day[:n][leave] = day.d
    day.tally["regular_active"] = int(((reg == Status.ACTIVE) | (reg == Status.RESTRICTED)).sum())
    day.tally["regular_churned"] = int((reg == Status.CHURNED).sum())
