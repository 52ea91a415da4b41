"""Harm: restricted units sold, by category, channel, buyer and account kind.

An impression of an offer sells the catalogue's ``conversion`` units per 1,000 when it
reaches a user who did not seek the seller (an unsolicited offer), ``buyers.seek_factor``
times that on a buyer who sought it; times the channel's ``channels.conversion_factor``,
times how well the offer's writing still sells (``sellers.style_efficiency``), damped as the
category's buyers are served (1 / (1 + offer impressions ÷ market), the market being
``sellers.market_impressions`` per account shared by demand). Units times the catalogue's
``margin`` are the seller's revenue. Spam earns ``spammers.yield_per_1000`` per 1,000
impressions (times its style's efficiency).

Units sold are *expected* units (real numbers), like impressions.
"""

from __future__ import annotations

import numpy as np

from policy.interface import CHANNEL_NAMES
from simulation.world.channels import conversion_factors
from simulation.world.population import style_efficiency
from simulation.world.state import Day, World, exposure_rows

BUYERS = ("sought", "unsolicited")
ACCOUNT_KINDS = ("personal", "official")


def market(world: World) -> np.ndarray:
    """Per category: offer impressions a day at which its buyers are half served."""
    sc = world.scenario.sellers
    return sc.market_impressions * world.n_initial * world.demand / world.demand.sum()


def sell(
    world: World,
    day: Day,
    rows: slice,
    views: np.ndarray,
    offer: np.ndarray,
    spam: np.ndarray,
) -> None:
    """Units sold and revenue of today's ``views`` of the posts in ``rows``; ``offer`` and
    ``spam``: the positions in ``rows`` of the offers and of the spam (ascending).

    Sets ``day.revenue`` (CNY per account), ``day.saturation`` and ``day.offer_impressions``
    (per category, every channel) and writes the harm metrics."""
    posts, acc, tally = world.posts, world.accounts, day.tally
    cats = len(world.categories)
    cat = posts.category[rows][offer].astype(np.int64)
    channel = posts.channel[rows][offer].astype(np.int64)
    author = posts.author[rows][offer]
    v = views[offer]
    impressions = np.bincount(cat, weights=v, minlength=cats)
    day.offer_impressions = impressions
    saturation = 1.0 / (1.0 + impressions / np.maximum(market(world), 1.0))
    day.saturation = saturation
    eff = style_efficiency(world)
    per_view = (
        world.conversion[cat]
        / 1000.0
        * conversion_factors(world)[channel]
        * eff[posts.style[rows][offer]]
        * saturation[cat]
    )
    hot_sought = world.exposed.sought[exposure_rows(world, rows)][offer]
    sought = hot_sought * v * world.scenario.buyers.seek_factor * per_view
    unsolicited = (1.0 - hot_sought) * v * per_view
    units = sought + unsolicited
    tally.set_parts("units_sold", world.categories, np.bincount(cat, units, cats).tolist())
    by_channel = np.bincount(channel, units, len(CHANNEL_NAMES))
    tally.set_parts("units_by_channel", CHANNEL_NAMES, by_channel.tolist())
    tally.set_parts("units_by_buyer", BUYERS, [float(sought.sum()), float(unsolicited.sum())])
    by_kind = np.bincount(acc.kind[author].astype(np.int64), units, len(ACCOUNT_KINDS))
    tally.set_parts("units_by_account", ACCOUNT_KINDS, by_kind.tolist())
    reach = np.bincount(channel, v, len(CHANNEL_NAMES))
    tally.set_parts("offer_reach", CHANNEL_NAMES, reach.tolist())
    revenue = np.bincount(author, units * world.margin[cat], acc.n).astype(np.float64)
    tally["seller_revenue"] = float(revenue.sum())
    earned = (
        views[spam] * eff[posts.style[rows][spam]] * world.scenario.spammers.yield_per_1000 / 1000.0
    )
    revenue += np.bincount(posts.author[rows][spam], earned, acc.n)
    day.revenue = revenue
