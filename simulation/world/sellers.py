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
from typing import TYPE_CHECKING

import numpy as np

from policy.interface import ContentKind
from simulation.metrics import STYLES
from simulation.world.accounts import Archetype, Status

if TYPE_CHECKING:
    from simulation.world.engine import Simulation


def seller_day(sim: Simulation, d: int, tally: dict[str, float]) -> None:
    acc, s = sim.accounts, sim.scenario.sellers
    rng = sim.rng["sellers"]
    a = 1.0 - math.exp(-1.0 / s.memory_days)
    cats = len(sim.categories)
    market = s.market_impressions * sim.n_initial * sim.demand / sim.demand.sum()
    saturation = 1.0 / (1.0 + sim._offer_impressions / np.maximum(market, 1.0))
    in_business = (acc.status == Status.ACTIVE) | (acc.status == Status.RESTRICTED)
    idx = np.flatnonzero(in_business & (acc.archetype == Archetype.SELLER))
    cat = acc.category[idx].astype(np.int64)
    revenue = (
        sim._offer_views[idx] * sim.conversion[cat] / 1000.0 * sim.margin[cat] * saturation[cat]
    )
    cost = (sim._removals_today[idx] + sim._penalties_today[idx]) * s.removal_cost
    acc.profit[idx] += (a * (revenue - acc.profit[idx])).astype(np.float32)
    acc.risk[idx] += (a * (cost - acc.risk[idx])).astype(np.float32)
    mult = sim.risk_multiplier(d)
    perceived = mult[cat] * (acc.risk[idx] + s.background_risk)
    profit = acc.profit[idx]
    excess = np.clip((perceived - profit) / (np.abs(profit) + 1.0), 0.0, 1.0)
    settled = (d - acc.join_day[idx]) >= 3  # newcomers give themselves a few days
    quit_ = settled & (rng.random(len(idx)) < s.exit_rate * excess)
    gone = idx[quit_]
    acc.status[gone] = Status.EXITED
    acc.status_day[gone] = d
    exits = np.bincount(cat[quit_], minlength=cats)
    for c, name in enumerate(sim.categories):
        tally[f"seller_exits.{name}"] = int(exits[c])
    _learn(sim, d, rng)


def _learn(sim: Simulation, d: int, rng: np.random.Generator) -> None:
    """Update which styles survive, then let removed sellers and spammers change style.

    Sellers watch what happens to offers, spammers to spam: a policy that ignores spam
    teaches spammers nothing and sellers nothing about spam.
    """
    acc, posts, s = sim.accounts, sim.posts, sim.scenario.sellers
    start = int(np.searchsorted(posts.day, d, side="left"))
    kind = posts.kind[start:]
    removed_all = ~np.isinf(posts.removed_age[start:])
    for cls, content in enumerate((ContentKind.OFFER, ContentKind.SPAM)):
        mine = kind == content
        style = posts.style[start:][mine]
        removed = removed_all[mine]
        made = np.bincount(style, minlength=len(STYLES))
        lost = np.bincount(style[removed], minlength=len(STYLES))
        seen = made >= 5
        today = np.where(seen, 1.0 - lost / np.maximum(made, 1), sim.style_survival[cls])
        sim.style_survival[cls] = 0.7 * sim.style_survival[cls] + 0.3 * today
        alive = style[~removed]
        if len(alive):
            sim.surviving_obfuscated[cls] = float((alive != 0).mean())
    for cls, arch in enumerate((Archetype.SELLER, Archetype.SPAMMER)):
        hit = np.flatnonzero((sim._removals_today > 0) & (acc.archetype == arch))
        switch = hit[rng.random(len(hit)) < s.evasion_learn]
        if len(switch):
            acc.style[switch] = sim._choose_styles(len(switch), rng, cls)
