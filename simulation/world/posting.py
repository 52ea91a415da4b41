"""A day's posts: who posts, what kind, when, and in what words (vectorised)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from policy.interface import CHANNEL_NAMES, Channel, ContentKind
from simulation.metrics import KINDS, STYLES
from simulation.world.accounts import Archetype, Status
from simulation.world.channels import channel_of, offer_cells, reach
from simulation.world.content.corpus_mix import draw_corpus_texts
from simulation.world.sorting import stable_order
from simulation.world.state import Day, World

# Share of the day's posts made in each hour: a morning, a lunch and an evening peak,
# the shape of a typical Moments day (illustrative, not measured).
_HOURLY = np.array(
    [
        0.6,
        0.3,
        0.2,
        0.1,
        0.1,
        0.2,
        0.8,
        2.5,
        4.0,
        3.5,
        3.0,
        3.5,
        5.0,
        4.5,
        3.0,
        2.8,
        3.0,
        3.5,
        4.2,
        5.0,
        6.0,
        6.5,
        5.0,
        2.5,
    ]
)
HOURLY_PROFILE = _HOURLY / _HOURLY.sum()


@dataclass
class NewPosts:
    """Columns of the day's posts in posting order."""

    author: np.ndarray
    kind: np.ndarray
    category: np.ndarray  # offers only; -1 otherwise
    topic: np.ndarray  # category an innocent post mentions; -1 when none
    style: np.ndarray
    hour: np.ndarray

    def __len__(self) -> int:
        return int(self.author.shape[0])


def _hour_table(cdf: np.ndarray) -> tuple[int, np.ndarray]:
    """A lookup for ``np.searchsorted(cdf, u, side="right")`` (u in [0, 1)): ``buckets``
    equal slices of [0, 1), fine enough that each holds at most one value of ``cdf``, and
    per slice the answer at its start. Raises ``ValueError`` when two values of ``cdf``
    are equal (an hour of probability 0): no slice is then fine enough."""
    if np.any(np.diff(cdf) <= 0):
        raise ValueError("hour table: the cumulative distribution must rise at every hour")
    buckets = 256
    while True:
        start = np.searchsorted(cdf, np.arange(buckets) / buckets, side="right")
        end = np.searchsorted(cdf, np.arange(1, buckets + 1) / buckets, side="left")
        if (end - start).max() <= 1:
            return buckets, start
        buckets *= 2


# ``Generator.choice(24, p=HOURLY_PROFILE)`` draws one uniform per post and looks it up in
# this cumulative distribution (NumPy's own steps: cumsum, then divide by the last)
_HOUR_CDF = HOURLY_PROFILE.cumsum()
_HOUR_CDF /= _HOUR_CDF[-1]
_HOUR_BUCKETS, _HOUR_START = _hour_table(_HOUR_CDF)


def posting_hours(rng: np.random.Generator, n: int) -> np.ndarray:
    """Hours of ``n`` posts (float32, [0, 24)): the draws and values of
    ``rng.choice(24, size=n, p=HOURLY_PROFILE) + rng.random(n)``, with the choice's binary
    search replaced by a table lookup (a third of its time)."""
    u = rng.random(n)  # the uniforms choice() draws
    at = _HOUR_START[(u * _HOUR_BUCKETS).astype(np.intp)]  # u * 2**k is exact
    whole = at + (u >= _HOUR_CDF[at])  # past the slice's one boundary, if any
    return (whole + rng.random(n)).astype(np.float32)


def _poisson_where_positive(rng: np.random.Generator, rate: np.ndarray) -> np.ndarray:
    """``rng.poisson(rate)``, drawn for the positive rates only: NumPy returns 0 for a rate
    of 0 without drawing, so the counts and the stream after them are the same, without the
    cost of a call per account for the many who do not post this kind."""
    out = np.zeros(rate.shape, np.int64)
    some = np.flatnonzero(rate)
    out[some] = rng.poisson(rate[some])
    return out


def generate(
    accounts, scenario, rates_tired: np.ndarray, topic_p: np.ndarray, rng: np.random.Generator
) -> NewPosts:
    """Draw today's posts for every account that may post."""
    post = scenario.posting
    arch = accounts.archetype
    can_post = accounts.status == Status.ACTIVE
    regular = (arch == Archetype.REGULAR) & can_post
    life_rate = np.where(regular, post.life_per_day * rates_tired, 0.0)
    fwd_rate = np.where(regular, post.forward_ad_per_day, 0.0)
    by_archetype = np.zeros(max(Archetype) + 1)  # each archetype's rate, looked up
    by_archetype[Archetype.MERCHANT] = post.merchant_per_day
    by_archetype[Archetype.SELLER] = post.seller_per_day
    by_archetype[Archetype.SPAMMER] = post.spammer_per_day
    commercial_rate = np.where(can_post, by_archetype[arch], 0.0)

    ids = np.arange(accounts.n, dtype=np.int32)
    n_life = rng.poisson(life_rate)
    n_fwd = rng.poisson(fwd_rate)
    n_com = _poisson_where_positive(rng, commercial_rate)
    life_authors = np.repeat(ids, n_life)
    fwd_authors = np.repeat(ids, n_fwd)
    com_authors = np.repeat(ids, n_com)

    com_arch = arch[com_authors]
    com_kind = np.select(
        [com_arch == Archetype.MERCHANT, com_arch == Archetype.SELLER],
        [ContentKind.AD, ContentKind.OFFER],
        ContentKind.SPAM,
    ).astype(np.int8)
    author = np.concatenate([life_authors, fwd_authors, com_authors])
    kind = np.concatenate(
        [
            np.full(life_authors.shape[0], ContentKind.LIFE, np.int8),
            np.full(fwd_authors.shape[0], ContentKind.AD, np.int8),
            com_kind,
        ]
    )
    n = author.shape[0]
    # offers and spam (with a category and a writing style) are all commercial posts;
    # life posts and forwarded ads all innocent, as are the merchants' ads
    com = slice(n - len(com_authors), n)
    category = np.full(n, -1, np.int8)
    category[com] = np.where(com_kind == ContentKind.OFFER, accounts.category[com_authors], -1)
    violating = (com_kind == ContentKind.OFFER) | (com_kind == ContentKind.SPAM)
    style = np.zeros(n, np.int8)
    style[com] = np.where(violating, accounts.style[com_authors], 0)
    innocent = np.ones(n, bool)
    innocent[com] = com_kind == ContentKind.AD
    mentions = innocent & (rng.random(n) < post.mention_share)
    topic = np.full(n, -1, np.int8)
    topic[mentions] = rng.choice(topic_p.shape[0], size=int(mentions.sum()), p=topic_p)
    hour = posting_hours(rng, n)
    order = stable_order(hour)
    return NewPosts(
        author[order], kind[order], category[order], topic[order], style[order], hour[order]
    )


def ordinal_per_author(author: np.ndarray, order: np.ndarray | None = None) -> np.ndarray:
    """1-based rank of each post among its author's posts, in the given (time) order.

    ``order``: ``stable_order(author)`` when the caller has it already."""
    n = author.shape[0]
    if n == 0:
        return np.zeros(0, np.int32)
    if order is None:
        order = stable_order(author)
    sorted_auth = author[order]
    starts = np.r_[True, sorted_auth[1:] != sorted_auth[:-1]]
    # where each author's run begins, repeated over the run (int32: a day's posts)
    first = np.flatnonzero(starts).astype(np.int32)
    rank = np.arange(1, n + 1, dtype=np.int32) - np.repeat(first, np.diff(first, append=n))
    out = np.empty(n, np.int32)
    out[order] = rank
    return out


def post_day(world: World, day: Day) -> NewPosts:
    """Everyone who may post posts; each post gets a text from the pool; counts recorded."""
    acc, sc, d, tally = world.accounts, world.scenario, day.d, day.tally
    tired = np.ones(acc.n)
    tired_mask = acc.feed_ad_share > sc.churn.threshold
    tired[tired_mask] = 1.0 - sc.churn.dampening
    new = generate(acc, sc, tired, world.topic_p, world.rng["posting"])
    # offers' category, life posts' topic, -1 for the rest (only offers have a category;
    # ads may mention a topic but are sampled without it)
    pool_category = np.where(new.kind == ContentKind.LIFE, new.topic, new.category)
    text = world.pool.sample(world.rng["text"], new.kind, pool_category, new.style, new.topic >= 0)
    if world.corpus_buckets is not None:  # real text for a share of posts (corpus_mix.py)
        text = draw_corpus_texts(world.corpus_buckets, new.kind, new.style, text, world.rng["text"])
    offers = new.kind == ContentKind.OFFER
    channel = channel_of(new.kind, new.author, acc.channel)
    potential = day.audience[new.author] * np.float32(sc.exposure.view_prob)
    sought = np.zeros(len(new), np.float32)  # nobody seeks out spam, ads or life posts
    half_life = np.zeros(len(new), np.float32)  # Moments: set in exposure (how fast it moves)
    # chat and group: the channel's pace (Channel order; Moments set in exposure)
    hl = sc.channels.half_life_hours
    world.day_half_life[d] = np.array([0.0, hl["chat"], hl["group"]], np.float32)
    o = np.flatnonzero(offers)
    by = new.author[o]
    potential[o], sought[o] = reach(world, day.audience[by], day.audience_sought[by], channel[o])
    half_life[o] = np.select(
        [channel[o] == Channel.CHAT, channel[o] == Channel.GROUP], [hl["chat"], hl["group"]], 0.0
    )
    world.posts.append(
        len(new),
        day=d,
        hour=new.hour,
        author=new.author,
        kind=new.kind,
        category=new.category,
        style=new.style,
        channel=channel,
        text=text,
    )
    world.exposed.append(len(new), potential=potential, sought=sought, half_life=half_life)
    kc = np.bincount(new.kind, minlength=4)
    world.totals.created += kc
    tally.set_parts("posts_created", KINDS, kc.tolist())
    tally["feed_posts"] = int((channel == Channel.MOMENTS).sum())
    cats = len(world.categories)
    cc = np.bincount(new.category[offers], minlength=cats)
    tally.set_parts("offers_created", world.categories, cc.tolist())
    by_style = np.bincount(new.style[offers], minlength=len(STYLES))
    tally.set_parts("offers_by_style", STYLES, by_style.tolist())
    by_channel = np.bincount(channel[offers], minlength=len(CHANNEL_NAMES))
    tally.set_parts("offers_by_channel", CHANNEL_NAMES, by_channel.tolist())
    day.offers_made = offer_cells(
        channel[offers], acc.kind[new.author[offers]], new.category[offers], new.style[offers], cats
    )
    day.spam_made = int(kc[ContentKind.SPAM])
    viol = (new.kind == ContentKind.SPAM) | (new.kind == ContentKind.OFFER)
    offenders = new.author[viol]
    acc.last_violation_day[offenders] = d
    violations = acc.violations  # in place (np.add.at, without its cost)
    np.add(violations, np.bincount(offenders, minlength=acc.n), out=violations)
    return new
