"""Deterrence: the fear sellers and spammers add to their own experience of enforcement.

Sellers watch their peers — the sellers of the same category, who share customers, suppliers
and group chats — and spammers watch spammers. What they see raises a per-category *fear*
F ≥ 0; a seller then weighs its own remembered risk (removals, warnings, restrictions) times
1 + F against its profit (``simulation.world.sellers``), and newcomers enter less readily.

Each day, F decays with ``deterrence.memory_days`` and grows by

* ``deterrence.ban_weight`` × the share of the category's sellers banned that day, of which a
  seller hears a share ``deterrence.ban_visibility`` (the "account banned" notice);
* ``deterrence.removal_weight`` × the share of the category's offers removed that day;
* (multiplier − 1) on the day of an announcement that names the category.

So an announcement that no enforcement follows fades within weeks, while a crackdown that
bans sellers visibly keeps fear up for as long as it goes on.
"""

from __future__ import annotations

import math

import numpy as np

from simulation.world.accounts import Archetype, Status
from simulation.world.state import Day, World


def risk_factor(world: World) -> np.ndarray:
    """Per category, then spam last: how many times their own risk sellers weigh (1 + F)."""
    return 1.0 + world.fear


def deterrence_day(world: World, day: Day) -> None:
    """Decay yesterday's fear and add what sellers and spammers saw today."""
    s, acc = world.scenario.deterrence, world.accounts
    cats = len(world.categories)
    fear = world.fear * math.exp(-1.0 / s.memory_days)
    for a in world.announcements:
        if a.day == day.d:
            sel = [world.categories.index(c) for c in a.categories if c in world.categories]
            fear[sel or slice(0, cats)] += max(a.risk_multiplier - 1.0, 0.0)
    # peers banned today, as a share of the peers in business before the bans
    banned = day.bans
    arch = acc.archetype[banned]
    sellers = banned[arch == Archetype.SELLER]
    ban_count = np.zeros(cats + 1)
    ban_count[:cats] = np.bincount(acc.category[sellers], minlength=cats)[:cats]
    ban_count[cats] = int((arch == Archetype.SPAMMER).sum())
    in_business = (acc.status == Status.ACTIVE) | (acc.status == Status.RESTRICTED)
    peers = np.zeros(cats + 1)
    is_seller = in_business & (acc.archetype == Archetype.SELLER)
    peers[:cats] = np.bincount(acc.category[is_seller], minlength=cats)[:cats]
    peers[cats] = int((in_business & (acc.archetype == Archetype.SPAMMER)).sum())
    peers += ban_count
    fear += s.ban_weight * s.ban_visibility * ban_count / np.maximum(peers, 1.0)
    # the day's removals, as a share of what was posted
    removed = np.zeros(cats + 1)
    made = np.zeros(cats + 1)
    removed[:cats] = day.offers_removed.sum(axis=(0, 1, 3))
    made[:cats] = day.offers_made.sum(axis=(0, 1, 3))
    removed[cats], made[cats] = day.spam_removed, day.spam_made
    fear += s.removal_weight * np.minimum(removed / np.maximum(made, 1.0), 1.0)
    world.fear = fear
    day.tally.set_parts("seller_fear", world.categories, fear[:cats].tolist())
