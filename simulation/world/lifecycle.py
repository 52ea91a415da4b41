"""The start of a day: scheduled events, then who arrives, returns and grows.

1. the scenario's events of the day (announcements, parameter changes, influxes);
2. restrictions lapse, banned sellers and spammers re-register under a new account (some
   on a new device or a bought aged account), new sellers and spammers enter in
   proportion to demand and profit, and commercial accounts add customers towards their
   target (re-registered sellers re-find old customers through their groups).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from policy.interface import Announcement
from simulation.world.accounts import Archetype, Status
from simulation.world.deterrence import risk_factor
from simulation.world.population import (
    add_commercial,
    initial_styles,
    note_watch_links,
    seller_categories,
)
from simulation.world.state import SPAM_ROW, Day, World

_SPAWNED = {
    "restricted_seller": Archetype.SELLER,
    "spammer": Archetype.SPAMMER,
    "micro_merchant": Archetype.MERCHANT,
}


def apply_events(world: World, day: Day) -> None:
    """Carry out the scenario's events scheduled for this day."""
    d = day.d
    for event in world.scenario.events:
        if event.day != d:
            continue
        if event.announce is not None:
            world.announcements.append(
                Announcement(d, event.announce.risk_multiplier, tuple(event.announce.categories))
            )
        elif event.set is not None:
            world.scenario = world.scenario.with_changes(event.set)
        elif event.spawn is not None:
            rng = world.rng["entry"]
            for archetype, count in event.spawn.items():
                arch = _SPAWNED[archetype]
                cat: Any = -1
                if arch == Archetype.SELLER:
                    cat = (
                        np.full(count, world.categories.index(event.category), np.int8)
                        if event.category
                        else seller_categories(world, count, rng)
                    )
                add_commercial(world, arch, count, d, rng, full=False, category=cat)


def arrivals(world: World, day: Day) -> None:
    """Restrictions lapse; re-registrations, entries and new customers of the day."""
    acc, rng, sc, d, tally = world.accounts, world.rng["entry"], world.scenario, day.d, day.tally
    lapsed = (acc.status == Status.RESTRICTED) & (acc.restricted_until <= d)
    acc.status[lapsed] = Status.ACTIVE
    # re-registration: a fresh account, no friends, same person, community and know-how
    back = np.flatnonzero((acc.status == Status.BANNED) & (acc.reregister_day == d))
    acc.reregister_day[back] = -1
    moves = np.zeros(len(MOVES), np.int64)
    for arch, name in ((Archetype.SELLER, "seller"), (Archetype.SPAMMER, "spammer")):
        who = back[acc.archetype[back] == arch]
        tally[f"reregistrations.{name}"] = len(who)
        if len(who):
            style = acc.style[who].copy()
            rethink = rng.random(len(who)) < sc.sellers.rethink_after_ban
            rows = acc.channel[who] if arch == Archetype.SELLER else np.full(len(who), SPAM_ROW)
            style[rethink] = initial_styles(world, acc.skill[who][rethink], rng, rows[rethink])
            new_device, aged = _counter_moves(world, acc.generation[who] + 1)
            moves += [int(new_device.sum()), int(aged.sum())]
            profit = acc.profit[who] * 0.5
            join = np.where(aged, d - sc.reregistration.aged_account_days, d)
            ids = add_commercial(
                world,
                arch,
                len(who),
                d,
                rng,
                full=False,
                category=acc.category[who],
                style=style,
                target_friends=acc.target_friends[who],
                center=acc.center[who],
                lineage=acc.lineage[who],
                predecessor=who.astype(np.int32),
                generation=acc.generation[who] + 1,
                device_flag=~new_device,
                profit=profit.astype(np.float32),
                risk=acc.risk[who],
                skill=acc.skill[who],
                channel=acc.channel[who],
            )
            acc.join_day[ids] = join
    tally.set_parts("counter_moves", MOVES, moves.tolist())
    _entries(world, day)
    _grow_customers(world)


MOVES = ("new_device", "aged_account")


def _counter_moves(world: World, bans: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which re-registering accounts come back on a new device, which on a bought aged
    account, given how many times each person has been banned. The more often, the more it
    invests: after n bans, each move happens with probability 1 − (1 − p)^n."""
    r = world.scenario.reregistration
    rng = world.rng["accounts"]
    n = np.maximum(bans.astype(np.float64), 1.0)
    new_device = rng.random(len(bans)) < 1.0 - (1.0 - r.new_device_prob) ** n
    aged = rng.random(len(bans)) < 1.0 - (1.0 - r.aged_account_prob) ** n
    return new_device, aged


def _entries(world: World, day: Day) -> None:
    """New sellers and spammers in proportion to demand and to the profit of those in
    business, held back by the fear enforcement instils."""
    acc, rng, sc, tally = world.accounts, world.rng["entry"], world.scenario, day.tally
    cats = world.categories
    n_cat = len(cats)
    scale = world.n_initial / 10_000
    factor = risk_factor(world)
    in_business = (acc.status == Status.ACTIVE) | (acc.status == Status.RESTRICTED)
    sellers = in_business & (acc.archetype == Archetype.SELLER)
    spammers = np.flatnonzero(in_business & (acc.archetype == Archetype.SPAMMER))
    cat = acc.category[sellers]
    n_cat_sellers = np.bincount(cat, minlength=n_cat)[:n_cat]
    profit_sum = np.bincount(cat, weights=acc.profit[sellers], minlength=n_cat)[:n_cat]
    ref = sc.sellers.profit_reference
    mean_profit = np.where(n_cat_sellers > 0, profit_sum / np.maximum(n_cat_sellers, 1), 2 * ref)
    attract = np.clip(mean_profit / ref, 0.1, 3.0) / factor[:n_cat]
    lam = sc.sellers.entry_per_day * scale * world.demand * attract
    entries = rng.poisson(lam)
    for c, k in enumerate(entries):
        tally[f"seller_entries.{cats[c]}"] = int(k)
        if k:
            category = np.full(k, c, np.int8)
            add_commercial(
                world, Archetype.SELLER, int(k), day.d, rng, full=False, category=category
            )
    ref = sc.spammers.profit_reference
    mean = float(acc.profit[spammers].mean()) if len(spammers) else 2 * ref
    attract_spam = float(np.clip(mean / ref, 0.1, 3.0)) / factor[n_cat]
    k = int(rng.poisson(sc.spammers.entry_per_day * scale * attract_spam))
    tally["spammer_entries"] = k
    add_commercial(world, Archetype.SPAMMER, k, day.d, rng, full=False)


def _grow_customers(world: World) -> None:
    """Commercial accounts add customers until they reach their target. A re-registered
    account finds each old customer again through its groups with probability
    ``reregistration.refind_share``; otherwise it adds a new person of its community."""
    acc, rng, sc = world.accounts, world.rng["entry"], world.scenario
    need = acc.target_friends - acc.friends_added
    growing = np.flatnonzero(
        (need > 0)
        & (acc.archetype != Archetype.REGULAR)
        & ((acc.status == Status.ACTIVE) | (acc.status == Status.RESTRICTED))
    )
    if not len(growing):
        return
    gain = np.minimum(need[growing], rng.poisson(sc.graph.friends_regained_per_day, len(growing)))
    src = np.repeat(growing, gain)
    first = acc.friends_added[growing]
    slot = np.repeat(first, gain) + (np.arange(len(src)) - np.repeat(np.cumsum(gain) - gain, gain))
    generation = acc.generation[src].astype(np.int64)
    refound = world.rng["accounts"].random(len(src)) < sc.reregistration.refind_share
    fresh = (generation > 0) & ~refound
    slot = np.where(fresh, slot + (generation << 20), slot)
    acc.friends_added[growing] += gain.astype(np.int32)
    before = world.graph.n_links
    world.graph.add_customers(
        src,
        acc.lineage[src],
        slot,
        acc.center[src],
        np.where(acc.archetype[src] == Archetype.SELLER, sc.buyers.sought_share, 0.0),
    )
    note_watch_links(world, world.graph.link_src[before:], world.graph.link_dst[before:])
