"""Sellers and spammers weigh profit against risk, learn to evade, quit or carry on.

Profit is what offers earn: impressions × conversion × margin, damped as a
category's market fills up (so when a crackdown thins the competition, each
remaining offer earns more — the pull that brings new sellers back). Risk is what
enforcement costs them: removals, warnings, restrictions, weighed more heavily
after a crackdown is announced. Both are remembered with an exponential memory.

After a removal a seller may change how it writes, choosing among evasion styles
by a prior preference and by what it sees surviving in the feed: styles that
filters miss spread, styles they catch die out.
"""

from __future__ import annotations

import math

import numpy as np

from policy.interface import ContentKind
from simulation.metrics import STYLES
from simulation.world.accounts import Archetype, Status
from simulation.world.population import choose_styles
from simulation.world.state import Day, World


def risk_multiplier(world: World, day: int) -> np.ndarray:
    """Per category, how much more risk sellers weigh because of announcements so far.

    The fear an announcement instils fades with time unless enforcement renews it.
    """
    cats = world.categories
    mult = np.ones(len(cats))
    for a in world.announcements:
        if a.day <= day:
            sel = [cats.index(c) for c in a.categories if c in cats] or slice(None)
            fade = math.exp(-(day - a.day) / world.scenario.sellers.announcement_fade_days)
            mult[sel] = np.maximum(mult[sel], 1.0 + (a.risk_multiplier - 1.0) * fade)
    return mult


def seller_day(world: World, day: Day) -> None:
    """Sellers update profit and risk, some quit; then removed sellers may change style."""
    acc, s, d, tally = world.accounts, world.scenario.sellers, day.d, day.tally
    rng = world.rng["sellers"]
    a = 1.0 - math.exp(-1.0 / s.memory_days)
    cats = len(world.categories)
    market = s.market_impressions * world.n_initial * world.demand / world.demand.sum()
    saturation = 1.0 / (1.0 + day.offer_impressions / np.maximum(market, 1.0))
    in_business = (acc.status == Status.ACTIVE) | (acc.status == Status.RESTRICTED)
    idx = np.flatnonzero(in_business & (acc.archetype == Archetype.SELLER))
    cat = acc.category[idx].astype(np.int64)
    revenue = (
        day.offer_views[idx] * world.conversion[cat] / 1000.0 * world.margin[cat] * saturation[cat]
    )
    cost = (day.removals[idx] + day.penalties[idx]) * s.removal_cost
    acc.profit[idx] += (a * (revenue - acc.profit[idx])).astype(np.float32)
    acc.risk[idx] += (a * (cost - acc.risk[idx])).astype(np.float32)
    mult = risk_multiplier(world, d)
    perceived = mult[cat] * (acc.risk[idx] + s.background_risk)
    profit = acc.profit[idx]
    excess = np.clip((perceived - profit) / (np.abs(profit) + 1.0), 0.0, 1.0)
    settled = (d - acc.join_day[idx]) >= 3  # newcomers give themselves a few days
    quit_ = settled & (rng.random(len(idx)) < s.exit_rate * excess)
    gone = idx[quit_]
    acc.status[gone] = Status.EXITED
    acc.status_day[gone] = d
    exits = np.bincount(cat[quit_], minlength=cats)
    tally.set_parts("seller_exits", world.categories, exits.tolist())
    _learn(world, day, rng)


def _learn(world: World, day: Day, rng: np.random.Generator) -> None:
    """Update which styles survive, then let removed sellers and spammers change style.

    Sellers watch what happens to offers, spammers to spam: a policy that ignores spam
    teaches spammers nothing and sellers nothing about spam.
    """
    acc, posts, s = world.accounts, world.posts, world.scenario.sellers
    start = int(np.searchsorted(posts.day, day.d, side="left"))
    kind = posts.kind[start:]
    removed_all = ~np.isinf(posts.removed_age[start:])
    for cls, content in enumerate((ContentKind.OFFER, ContentKind.SPAM)):
        mine = kind == content
        style = posts.style[start:][mine]
        removed = removed_all[mine]
        made = np.bincount(style, minlength=len(STYLES))
        lost = np.bincount(style[removed], minlength=len(STYLES))
        seen = made >= 5
        today = np.where(seen, 1.0 - lost / np.maximum(made, 1), world.style_survival[cls])
        world.style_survival[cls] = 0.7 * world.style_survival[cls] + 0.3 * today
        alive = style[~removed]
        if len(alive):
            world.surviving_obfuscated[cls] = float((alive != 0).mean())
    for cls, arch in enumerate((Archetype.SELLER, Archetype.SPAMMER)):
        hit = np.flatnonzero((day.removals > 0) & (acc.archetype == arch))
        switch = hit[rng.random(len(hit)) < s.evasion_learn]
        if len(switch):
            acc.style[switch] = choose_styles(world, len(switch), rng, cls)
