"""Channels: where an offer is published — the Moments feed, one-to-one chats, group chats.

They differ in who reads an offer and how many of those readers sought the seller out:

* **Moments**: every contact may see it (``exposure.view_prob``, then the readers'
  attention), buyers and the unasked alike; the platform reads it as it is posted.
* **Chat**: one round reaches ``channels.chat_recipients`` contacts, buyers who sought the
  seller first, and is read with ``channels.chat_read_prob``; the platform sees it only
  when a recipient reports it (unless a policy scans chats).
* **Group**: the seller's selling groups have ``channels.group_members_per_customer``
  members per contact — its buyers plus people they invited, who did not ask — and a
  member reads with ``channels.group_read_prob``; reports only, as for chats.

Each channel converts impressions into sales at its own rate
(``channels.conversion_factor``). A seller compares what one offer earns in each channel,
net of the removals it sees there for offers like its own (same channel, account kind,
category and writing style, remembered over ``sellers.memory_days``), and moves to the best
when it reconsiders (``simulation.world.business.reconsider``, where it may also register an
official account). When the feed gets risky, selling moves to chats and groups, and comes
back when a way of writing gets through.
"""

from __future__ import annotations

import numpy as np

from policy.interface import CHANNEL_NAMES, Channel, ContentKind
from simulation.metrics import STYLES
from simulation.world.deterrence import risk_factor
from simulation.world.population import style_efficiency
from simulation.world.state import Day, World

N_CHANNELS = len(CHANNEL_NAMES)


def reach(
    world: World, audience: np.ndarray, sought: np.ndarray, channel: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Lifetime views of a post (before attention) and the share of them on buyers who
    sought its author, given the author's active contacts (``audience``), how many of them
    sought it (``sought``) and the post's channel. Arrays of equal length (float64)."""
    ch = world.scenario.channels
    aud = np.asarray(audience, np.float64)
    buyers = np.minimum(np.asarray(sought, np.float64), aud)
    recipients = np.minimum(ch.chat_recipients, aud)
    members = aud * ch.group_members_per_customer
    potential = np.select(
        [channel == Channel.CHAT, channel == Channel.GROUP],
        [recipients * ch.chat_read_prob, members * ch.group_read_prob],
        aud * world.scenario.exposure.view_prob,
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.select(
            [channel == Channel.CHAT, channel == Channel.GROUP],
            [np.minimum(recipients, buyers) / recipients, buyers / members],
            buyers / aud,
        )
    return potential, np.nan_to_num(share, nan=0.0, posinf=0.0)


def units_per_view(world: World, category: np.ndarray, sought: np.ndarray) -> np.ndarray:
    """Restricted units one impression sells, before the channel's factor, the writing style
    and the market's saturation: the catalogue's conversion, ``buyers.seek_factor`` times
    higher on a buyer who sought the seller."""
    k = world.scenario.buyers.seek_factor
    return world.conversion[category] / 1000.0 * (sought * k + (1.0 - sought))


def conversion_factors(world: World) -> np.ndarray:
    """``channels.conversion_factor`` as an array in Channel order."""
    f = world.scenario.channels.conversion_factor
    return np.array([f.get(name, 1.0) for name in CHANNEL_NAMES])


SEEN = 0.5  # remembered offers below which a cell counts as not seen (falls back)


def removal_seen(world: World, removed: np.ndarray | None = None) -> np.ndarray:
    """Share of offers sellers have seen removed (or, given ``removed``, another remembered
    count per offer, such as the sales removals prevented), per channel × account kind ×
    category × style. Where too few offers of a style were seen, the channel's rate over
    every style stands in; where nothing was seen at all, 0 (a channel nobody uses looks
    safe)."""
    made = world.seen_made
    removed = world.seen_removed if removed is None else removed
    own = removed / np.maximum(made, 1e-9)
    all_made = made.sum(axis=3, keepdims=True)
    pooled = removed.sum(axis=3, keepdims=True) / np.maximum(all_made, 1e-9)
    pooled = np.where(all_made >= SEEN, pooled, 0.0)
    return np.minimum(np.where(made >= SEEN, own, pooled), 1.0)


def offer_values(
    world: World, day: Day, sellers: np.ndarray, kind: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """What one offer of each seller would earn in each channel (CNY, shape (n, 3)), and
    what it would cost in expected removals (CNY, shape (n, 3)), from today's audience,
    attention, market and the removals the seller has seen for offers like its own from an
    account of ``kind`` (default: its own account's kind)."""
    acc = world.accounts
    cat = acc.category[sellers].astype(np.int64)
    kind = (acc.kind[sellers] if kind is None else kind).astype(np.int64)
    eff = style_efficiency(world)[acc.style[sellers]]
    revenue = np.zeros((len(sellers), N_CHANNELS))
    for ch in range(N_CHANNELS):
        channel = np.full(len(sellers), ch, np.int8)
        pot, share = reach(world, day.audience[sellers], day.audience_sought[sellers], channel)
        if ch == Channel.MOMENTS:
            pot = pot * day.attention[sellers]
        units = pot * units_per_view(world, cat, share) * conversion_factors(world)[ch]
        revenue[:, ch] = units * eff * day.saturation[cat] * world.margin[cat]
    style = acc.style[sellers].astype(np.int64)
    p = removal_seen(world)[:, kind, cat, style].T  # (n, channels)
    lost = removal_seen(world, world.seen_prevented)[:, kind, cat, style].T
    cost = world.scenario.sellers.removal_cost * risk_factor(world)[cat]
    return revenue, lost * revenue + p * cost[:, None]


def remember_removals(world: World, day: Day) -> None:
    """Add today's offers and removals to what sellers remember seeing."""
    a = 1.0 - np.exp(-1.0 / world.scenario.sellers.memory_days)
    world.seen_made += a * (day.offers_made - world.seen_made)
    world.seen_removed += a * (day.offers_removed - world.seen_removed)
    world.seen_prevented += a * (day.offers_prevented - world.seen_prevented)


def offer_cells(
    channel: np.ndarray,
    kind: np.ndarray,
    category: np.ndarray,
    style: np.ndarray,
    cats: int,
    weights: np.ndarray | None = None,
) -> np.ndarray:
    """Offers counted (or ``weights`` summed) per channel × account kind × category ×
    style."""
    shape = (N_CHANNELS, 2, cats, len(STYLES))
    cell = (channel.astype(np.int64) * 2 + kind) * cats + category
    cell = cell * len(STYLES) + style
    return np.bincount(cell, weights, minlength=int(np.prod(shape))).reshape(shape)


def channel_of(kind: np.ndarray, author: np.ndarray, account_channel: np.ndarray) -> np.ndarray:
    """The channel of new posts (int8) by ``author``: offers go where their seller sells
    (``account_channel``, per account), the rest to Moments."""
    channel = np.full(len(kind), Channel.MOMENTS, np.int8)
    offers = np.flatnonzero(kind == ContentKind.OFFER)
    channel[offers] = account_channel[author[offers]]
    return channel
