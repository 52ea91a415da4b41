"""Sellers and spammers weigh profit against risk, learn to evade, quit or carry on.

Profit is what a seller's offers sold today (``simulation.world.harm``: units × margin) or
what a spammer's spam earned (impressions × ``spammers.yield_per_1000``). Risk is what
enforcement cost them today: removals and warnings at ``removal_cost`` each, a restriction
twice that. Both are remembered with an exponential memory (``sellers.memory_days``). A
seller weighs its remembered risk, plus a background risk, times the fear it has from what
its peers suffer (``simulation.world.deterrence``); when that exceeds its profit it quits
with a probability that grows with the excess.

Evasion is know-how: each seller and spammer has a *skill*, the chance that it obfuscates
when it chooses how to write. Newcomers start at ``sellers.evasion_initial``; every day a
seller loses a post it learns — its skill moves ``sellers.evasion_learn`` of the way to 1 —
and rethinks its style: obfuscated with probability equal to its skill, choosing among the
styles it sees surviving (``choose_styles``), plainly otherwise. Skill stays with the person
when a banned account re-registers.
"""

from __future__ import annotations

import math

import numpy as np

from policy.interface import CHANNEL_NAMES, ContentKind
from simulation.metrics import STYLES
from simulation.world.accounts import Archetype, Status
from simulation.world.business import reconsider
from simulation.world.channels import remember_removals
from simulation.world.deterrence import deterrence_day, risk_factor
from simulation.world.population import initial_styles
from simulation.world.state import SPAM_ROW, Day, World


def memory_rate(world: World) -> float:
    """Weight of today in the sellers' exponential memory of profit and risk."""
    return 1.0 - math.exp(-1.0 / world.scenario.sellers.memory_days)


def seller_day(world: World, day: Day) -> None:
    """The traders' end of the day: fear, profit and risk, exits, evasion, channels, accounts."""
    deterrence_day(world, day)
    _trade(world, day)
    _learn(world, day, world.rng["sellers"])
    remember_removals(world, day)
    reconsider(world, day, reconsidering(world, day))


def reconsidering(world: World, day: Day) -> np.ndarray:
    """Active sellers who reconsider how they sell today (channel, account kind): with
    probability ``sellers.reconsider_after_removal`` those who lost an offer today, and
    ``sellers.reconsider_prob`` of the others."""
    acc, s = world.accounts, world.scenario.sellers
    sellers = np.flatnonzero((acc.status == Status.ACTIVE) & (acc.archetype == Archetype.SELLER))
    p = np.where(day.removals[sellers] > 0, s.reconsider_after_removal, s.reconsider_prob)
    return sellers[world.rng["channels"].random(len(sellers)) < p]


def _trade(world: World, day: Day) -> None:
    """Sellers and spammers update profit and risk; some quit."""
    acc, d, tally = world.accounts, day.d, day.tally
    sc = world.scenario
    rng = world.rng["sellers"]
    a = memory_rate(world)
    cats = len(world.categories)
    factor = risk_factor(world)
    in_business = (acc.status == Status.ACTIVE) | (acc.status == Status.RESTRICTED)
    for arch, removal_cost, exit_rate in (
        (Archetype.SELLER, sc.sellers.removal_cost, sc.sellers.exit_rate),
        (Archetype.SPAMMER, sc.spammers.removal_cost, sc.spammers.exit_rate),
    ):
        idx = np.flatnonzero(in_business & (acc.archetype == arch))
        cost = (day.removals[idx] + day.penalties[idx]) * removal_cost
        acc.profit[idx] += (a * (day.revenue[idx] - acc.profit[idx])).astype(np.float32)
        acc.risk[idx] += (a * (cost - acc.risk[idx])).astype(np.float32)
        cat = acc.category[idx].astype(np.int64) if arch == Archetype.SELLER else cats
        perceived = factor[cat] * (acc.risk[idx] + sc.sellers.background_risk)
        profit = acc.profit[idx]
        excess = np.clip((perceived - profit) / (np.abs(profit) + 1.0), 0.0, 1.0)
        settled = (d - acc.join_day[idx]) >= 3  # newcomers give themselves a few days
        quit_ = settled & (rng.random(len(idx)) < exit_rate * excess)
        gone = idx[quit_]
        acc.status[gone] = Status.EXITED
        acc.status_day[gone] = d
        if arch == Archetype.SELLER:
            exits = np.bincount(acc.category[gone], minlength=cats)[:cats]
            tally.set_parts("seller_exits", world.categories, exits.tolist())
        else:
            tally["spammer_exits"] = len(gone)


def _learn(world: World, day: Day, rng: np.random.Generator) -> None:
    """Update which styles survive; sellers and spammers who lost a post learn and rethink.

    Sellers watch what happens to offers in their channel, spammers to spam: a policy that
    ignores spam teaches spammers nothing and sellers nothing about spam, and what passes
    in a chat nobody scans says nothing about the feed.
    """
    acc, posts, s = world.accounts, world.posts, world.scenario.sellers
    start = posts.first_row_from("day", day.d)
    kind = posts.kind[start:]
    channel = posts.channel[start:]
    removed_all = ~np.isinf(posts.removed_age[start:])
    classes = [(kind == ContentKind.OFFER) & (channel == ch) for ch in range(len(CHANNEL_NAMES))]
    classes.append(kind == ContentKind.SPAM)  # row SPAM_ROW
    for row, mine in enumerate(classes):
        style = posts.style[start:][mine]
        removed = removed_all[mine]
        made = np.bincount(style, minlength=len(STYLES))
        lost = np.bincount(style[removed], minlength=len(STYLES))
        seen = made >= 5
        today = np.where(seen, 1.0 - lost / np.maximum(made, 1), world.style_survival[row])
        world.style_survival[row] = 0.7 * world.style_survival[row] + 0.3 * today
    for arch in (Archetype.SELLER, Archetype.SPAMMER):
        hit = np.flatnonzero((day.removals > 0) & (acc.archetype == arch))
        if len(hit):
            rows = acc.channel[hit].astype(np.int64) if arch == Archetype.SELLER else SPAM_ROW
            acc.skill[hit] += (s.evasion_learn * (1.0 - acc.skill[hit])).astype(np.float32)
            acc.style[hit] = initial_styles(
                world, acc.skill[hit], rng, np.broadcast_to(rows, (len(hit),))
            )
