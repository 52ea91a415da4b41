"""Who is in the world: building it, and adding merchants, sellers and spammers to it.

``build_world`` makes day −warm-up's world from a scenario: regular users on a
small-world friends graph (some of them not yet on the feed: potential users who may
join), commercial accounts attached to customers, the watched users whose feeds are
stored. ``add_commercial`` is how every later newcomer arrives (entry, re-registration,
scenario events), and ``choose_styles`` how sellers and spammers pick the way they write.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from policy.interface import CHANNEL_NAMES, AccountKind, Announcement
from simulation.catalogue import Catalogue
from simulation.metrics import STYLES, DayTally
from simulation.scenario import Scenario
from simulation.world.accounts import NEVER, Archetype, Status, new_accounts
from simulation.world.columns import Columns, grown
from simulation.world.content.corpus_mix import add_corpus_texts
from simulation.world.content.pool import TextPool, build_text_pool
from simulation.world.graph import FriendsGraph
from simulation.world.state import EXPOSURE_SCHEMA, POST_SCHEMA, SPAM_ROW, STREAMS, World


def build_world(
    scenario: Scenario,
    seed: int,
    catalogue: Catalogue,
    announcements: list[Announcement],
    pool: TextPool | None = None,
) -> World:
    """A new world for ``scenario`` and ``seed``; ``pool`` reuses a text pool built before."""
    seqs = np.random.SeedSequence(seed).spawn(len(STREAMS))
    rng = {name: np.random.default_rng(s) for name, s in zip(STREAMS, seqs, strict=True)}
    pool = pool or build_text_pool(catalogue, scenario.locale, rng["text"])
    corpus_buckets = (
        add_corpus_texts(pool, scenario.corpus, rng["text"])
        if scenario.corpus is not None
        else None
    )
    categories = tuple(catalogue.names())
    cats = catalogue.categories
    demand = np.array([c.demand for c in cats], dtype=np.float64)
    n = scenario.population.accounts
    mix = scenario.population.mix
    counts = np.floor(
        np.array([mix.regular, mix.micro_merchant, mix.restricted_seller, mix.spammer]) * n
    ).astype(int)
    counts[0] += n - counts.sum()
    n_prospects = round(scenario.users.prospects * counts[0])
    n_regular = int(counts[0]) + n_prospects  # graph nodes: users on the feed and potential ones
    accounts = new_accounts(int((n + n_prospects) * 1.3) + 64)
    n_cat = len(categories)
    world = World(
        scenario=scenario,
        seed=seed,
        rng=rng,
        catalogue=catalogue,
        categories=categories,
        demand=demand,
        margin=np.array([c.margin for c in cats], dtype=np.float64),
        conversion=np.array([c.conversion for c in cats], dtype=np.float64),
        refusal=np.array([c.risk for c in cats], dtype=np.float64),
        topic_p=demand / demand.sum(),
        pool=pool,
        corpus_buckets=corpus_buckets,
        accounts=accounts,
        posts=Columns(POST_SCHEMA, capacity=posts_capacity(scenario)),
        exposed=Columns(EXPOSURE_SCHEMA, capacity=1 << 16),
        n_initial=n,
        announcements=announcements,
        tally=DayTally.for_categories(categories),
        graph=FriendsGraph(
            n_regular, scenario.graph.mean_friends, scenario.graph.rewire, rng["graph"]
        ),
        n_regular=n_regular,
        style_survival=np.ones((len(CHANNEL_NAMES) + 1, len(STYLES))),
        fear=np.zeros(n_cat + 1),
        seen_made=np.zeros((len(CHANNEL_NAMES), 2, n_cat, len(STYLES))),
        seen_removed=np.zeros((len(CHANNEL_NAMES), 2, n_cat, len(STYLES))),
        seen_prevented=np.zeros((len(CHANNEL_NAMES), 2, n_cat, len(STYLES))),
    )
    _populate(world, counts, n_prospects)
    return world


def _populate(world: World, counts: np.ndarray, n_prospects: int) -> None:
    sc = world.scenario
    acc = world.accounts
    acc.append(world.n_regular, archetype=Archetype.REGULAR, join_day=-365)
    prospects = world.rng["users"].choice(world.n_regular, size=n_prospects, replace=False)
    acc.status[prospects] = Status.PROSPECT
    acc.join_day[prospects] = NEVER
    rng = world.rng["graph"]
    official = rng.random(counts[1]) < sc.population.official_merchant_share
    add_commercial(
        world,
        Archetype.MERCHANT,
        counts[1],
        day=-365,
        rng=rng,
        kind=np.where(official, AccountKind.OFFICIAL, AccountKind.PERSONAL),
        full=True,
    )
    add_commercial(
        world,
        Archetype.SELLER,
        counts[2],
        day=-365,
        rng=rng,
        full=True,
        category=seller_categories(world, counts[2], rng),
    )
    add_commercial(world, Archetype.SPAMMER, counts[3], day=-365, rng=rng, full=True)
    on_feed = np.flatnonzero(acc.status[: world.n_regular] == Status.ACTIVE)
    watched = world.rng["sample"].choice(
        on_feed, size=min(sc.engine.watched_users, len(on_feed)), replace=False
    )
    watched.sort()
    world.watched = watched
    world.watch_mask = np.zeros(world.n_regular, bool)
    world.watch_mask[watched] = True
    note_watch_links(world, world.graph.link_src, world.graph.link_dst)


def seller_categories(world: World, count: int, rng: np.random.Generator) -> np.ndarray:
    """Categories of ``count`` new sellers: the scenario's weights, else demand."""
    weights = world.scenario.population.seller_categories
    cats = world.categories
    w = np.array([weights.get(c, 0.0) for c in cats]) if weights else world.demand.copy()
    w = w / w.sum() if w.sum() > 0 else np.full(len(cats), 1 / len(cats))
    return rng.choice(len(cats), size=count, p=w).astype(np.int8)


def _target_friends(
    world: World, archetype: Archetype, count: int, rng: np.random.Generator
) -> np.ndarray:
    g = world.scenario.graph
    mean = {
        Archetype.MERCHANT: g.customers_per_merchant,
        Archetype.SELLER: g.customers_per_seller,
        Archetype.SPAMMER: g.customers_per_spammer,
    }[archetype]
    return np.maximum(1, np.rint(mean * rng.lognormal(-0.125, 0.5, count))).astype(np.int32)


def posts_capacity(scenario: Scenario, start: int = 1 << 16) -> int:
    """Rows the post table starts with: the capacity it would grow to (from ``start``, by
    quarters, as ``Columns`` grows) to hold the retention window's posts and a day's more
    at the start's posting rates. Unwritten rows cost no memory until posts reach them,
    so the table ends at the capacity it would have grown to, without moving its rows to
    larger arrays a dozen times over the first weeks; if the rates rise, it grows on."""
    per_day = sum(scenario.posts_per_day_by_rate().values())
    return grown(start, math.ceil(per_day * (scenario.engine.retention_days + 1)))


def add_commercial(
    world: World,
    archetype: Archetype,
    count: int,
    day: int,
    rng: np.random.Generator,
    full: bool,
    kind: Any = AccountKind.PERSONAL,
    category: Any = -1,
    style: Any = 0,
    **extra: Any,
) -> np.ndarray:
    """Add ``count`` merchants, sellers or spammers; returns their account ids.

    ``full`` gives them all their customers at once (the initial population); otherwise
    they start friendless and add customers day by day. ``extra`` sets further account
    columns (``target_friends``, ``center``, ``lineage``, ``predecessor``, ``profit``,
    ``skill``…); a new person is its own lineage, with a community of its own.
    """
    if count <= 0:
        return np.zeros(0, np.int64)
    sc = world.scenario
    target = extra.pop("target_friends", None)
    if target is None:
        target = _target_friends(world, archetype, count, rng)
    center = extra.pop("center", None)
    if center is None:
        center = rng.integers(0, world.n_regular, count).astype(np.int32)
    lineage = extra.pop("lineage", None)
    trading = archetype in (Archetype.SELLER, Archetype.SPAMMER)
    if trading:
        skill = np.broadcast_to(
            np.asarray(extra.pop("skill", sc.sellers.evasion_initial), np.float32), (count,)
        )
        extra["skill"] = skill
        if np.isscalar(style) and style == 0:
            rows = np.full(count, SPAM_ROW if archetype == Archetype.SPAMMER else 0)
            style = initial_styles(world, skill, rng, rows)
        reference = (
            sc.sellers.profit_reference
            if archetype == Archetype.SELLER
            else sc.spammers.profit_reference
        )
        extra.setdefault("profit", reference)
    ids = world.accounts.append(
        count,
        archetype=archetype,
        kind=kind,
        join_day=day,
        category=category,
        style=style,
        target_friends=target,
        friends_added=target if full else 0,
        center=center,
        **extra,
    )
    acc = world.accounts
    acc.lineage[ids] = ids if lineage is None else lineage
    if full:
        counts = np.broadcast_to(np.asarray(target, np.int64), (count,))
        src = np.repeat(ids, counts)
        slot = np.arange(len(src)) - np.repeat(np.cumsum(counts) - counts, counts)
        world.graph.add_customers(
            src,
            acc.lineage[src],
            slot,
            acc.center[src],
            sc.buyers.sought_share if archetype == Archetype.SELLER else 0.0,
        )
    return ids


def style_efficiency(world: World) -> np.ndarray:
    """Per evasion style: the share of a plain offer's sales it still makes."""
    eff = world.scenario.sellers.style_efficiency
    return np.array([eff.get(name, 1.0) for name in STYLES])


def initial_styles(
    world: World, skill: np.ndarray, rng: np.random.Generator, rows: np.ndarray
) -> np.ndarray:
    """How sellers or spammers with evasion ``skill`` write (arrays, one per account): each
    obfuscates with probability equal to its skill, choosing among the styles it sees
    surviving where it posts (``rows`` of ``World.style_survival``: a seller's channel, or
    ``SPAM_ROW``; see ``choose_styles``); the others write plainly."""
    count = len(skill)
    obf = rng.random(count) < skill
    styles = np.zeros(count, np.int8)
    for row in np.unique(rows[obf]):
        pick = obf & (rows == row)
        styles[pick] = choose_styles(world, int(pick.sum()), rng, int(row), exclude_none=True)
    return styles


def choose_styles(
    world: World, count: int, rng: np.random.Generator, row: int, exclude_none: bool = False
) -> np.ndarray:
    """Pick how to write: prior preference × (what survives × what still sells), where
    "what survives" is row ``row`` of ``World.style_survival`` (offers in a channel, or spam)."""
    s = world.scenario.sellers
    prior = np.array(
        [0.0 if exclude_none else np.mean(list(s.style_prior.values()))]
        + [s.style_prior.get(name, 0.0) for name in STYLES[1:]]
    )
    value = world.style_survival[row] * style_efficiency(world)
    weights = prior * ((1 - s.imitation) + s.imitation * value / max(value.max(), 1e-9))
    if weights.sum() <= 0:
        weights = prior if prior.sum() > 0 else np.ones(len(STYLES))
    return rng.choice(len(STYLES), size=count, p=weights / weights.sum()).astype(np.int8)


def note_watch_links(world: World, src: np.ndarray, dst: np.ndarray) -> None:
    """Remember new commercial links into watched users' feeds."""
    hit = world.watch_mask[dst]
    if hit.any():
        world.watch_viewer = np.concatenate([world.watch_viewer, dst[hit]])
        world.watch_author = np.concatenate([world.watch_author, src[hit]])


def watched_friends(world: World, viewer: int) -> np.ndarray:
    """Every account whose posts watched user ``viewer`` can see (people and commercial)."""
    people = world.graph.people_of(viewer)
    commercial = world.watch_author[world.watch_viewer == viewer]
    return np.union1d(people, commercial).astype(np.int64)
