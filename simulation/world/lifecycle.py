"""The start of a day: scheduled events, then who arrives, returns and grows.

1. the scenario's events of the day (announcements, parameter changes, influxes);
2. restrictions lapse, banned sellers and spammers re-register under a new account,
   new sellers enter in proportion to demand and profit, new spammers enter, and
   commercial accounts add customers towards their target.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from policy.interface import Announcement
from simulation.world.accounts import Archetype, Status
from simulation.world.population import (
    add_commercial,
    choose_styles,
    note_watch_links,
    seller_categories,
)
from simulation.world.sellers import risk_multiplier
from simulation.world.state import Day, World

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
    # re-registration: a fresh account, no friends, same person and know-how
    back = np.flatnonzero((acc.status == Status.BANNED) & (acc.reregister_day == d))
    acc.reregister_day[back] = -1
    for arch, name in ((Archetype.SELLER, "seller"), (Archetype.SPAMMER, "spammer")):
        who = back[acc.archetype[back] == arch]
        tally[f"reregistrations.{name}"] = len(who)
        if len(who):
            style = acc.style[who].copy()
            rethink = rng.random(len(who)) < sc.sellers.rethink_after_ban
            style[rethink] = choose_styles(
                world, int(rethink.sum()), rng, int(arch == Archetype.SPAMMER)
            )
            add_commercial(
                world,
                arch,
                len(who),
                d,
                rng,
                full=False,
                category=acc.category[who],
                style=style,
                target_friends=acc.target_friends[who],
                predecessor=who.astype(np.int32),
                generation=acc.generation[who] + 1,
                device_flag=True,
                profit=acc.profit[who] * 0.5,
                risk=acc.risk[who],
            )
    _entries(world, day)
    _grow_customers(world)


def _entries(world: World, day: Day) -> None:
    """New sellers in proportion to demand and to the profit of those in business."""
    acc, rng, sc, tally = world.accounts, world.rng["entry"], world.scenario, day.tally
    cats = world.categories
    scale = world.n_initial / 10_000
    mult = risk_multiplier(world, day.d)
    sellers = (acc.archetype == Archetype.SELLER) & (acc.status == Status.ACTIVE)
    cat = acc.category[sellers]
    n_cat = np.bincount(cat, minlength=len(cats))
    profit_sum = np.bincount(cat, weights=acc.profit[sellers], minlength=len(cats))
    mean_profit = np.where(
        n_cat > 0, profit_sum / np.maximum(n_cat, 1), 2 * sc.sellers.profit_reference
    )
    attract = np.clip(mean_profit / sc.sellers.profit_reference, 0.1, 3.0) / mult
    lam = sc.sellers.entry_per_day * scale * world.demand * attract
    entries = rng.poisson(lam)
    for c, k in enumerate(entries):
        tally[f"seller_entries.{cats[c]}"] = int(k)
        if k:
            category = np.full(k, c, np.int8)
            add_commercial(
                world, Archetype.SELLER, int(k), day.d, rng, full=False, category=category
            )
    k = int(rng.poisson(sc.spammers.entry_per_day * scale))
    tally["spammer_entries"] = k
    add_commercial(world, Archetype.SPAMMER, k, day.d, rng, full=False)


def _grow_customers(world: World) -> None:
    """Commercial accounts add customers until they reach their target."""
    acc, rng = world.accounts, world.rng["entry"]
    need = acc.target_friends - acc.friends_added
    growing = np.flatnonzero(
        (need > 0)
        & (acc.archetype != Archetype.REGULAR)
        & ((acc.status == Status.ACTIVE) | (acc.status == Status.RESTRICTED))
    )
    if len(growing):
        gain = np.minimum(
            need[growing], rng.poisson(world.scenario.graph.friends_regained_per_day, len(growing))
        )
        acc.friends_added[growing] += gain
        before = world.graph.n_links
        world.graph.add_customers(growing, gain, acc.center[growing], world.rng["graph"])
        note_watch_links(world, world.graph.link_src[before:], world.graph.link_dst[before:])
