"""The engine's state, declared: what persists from day to day (``World``) and what one
day's phases hand to each other (``Day``).

Every phase of a day is a function of ``(world, day)``: it reads and writes only the
fields declared here, so what a phase depends on can be read off its signature and
these two classes, not discovered by grepping for attributes set somewhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from policy.interface import Announcement
from simulation.catalogue import Catalogue
from simulation.metrics import DayTally
from simulation.scenario import Scenario
from simulation.world.columns import Columns
from simulation.world.content.corpus_mix import CorpusBuckets
from simulation.world.content.pool import TextPool
from simulation.world.graph import FriendsGraph
from simulation.world.samples import SampleTable

# The named random streams: one per sub-model, split from the run's seed, so a change
# in how one sub-model draws does not reshuffle the others.
STREAMS = (
    "graph",
    "text",
    "posting",
    "exposure",
    "reports",
    "sellers",
    "churn",
    "policy",
    "sample",
    "entry",
    "channels",  # sellers' choice of channel and of an official account
    "accounts",  # re-registration counter-moves, re-found customers
    "users",  # users joining and coming back
)


SPAM_ROW = 3  # World.style_survival's row for spam (rows 0-2: offers per channel)


class Cause:
    """Why a post is gone (the ``cause`` column of the post table)."""

    NONE = 0
    RULE = 1  # removed by a rule, a review or after reports
    BAN = 2  # disappeared with its banned author


# The post table: one row per post still inside the retention window. Integer columns start
# at the smallest type their values need (``Columns.fit`` widens one, values unchanged, when a
# day, a text id or a report count outgrows it), so a post costs as few bytes as it can.
POST_SCHEMA = {
    "day": (np.int16, 0),
    "hour": (np.float32, 0.0),
    "author": (np.int32, 0),
    "kind": (np.int8, 0),
    "category": (np.int8, -1),
    "style": (np.int8, 0),
    "channel": (np.int8, 0),  # policy.interface.Channel
    "text": (np.uint16, 0),
    "removed_age": (np.float32, np.inf),  # hours after posting when removed
    "cause": (np.int8, 0),
    "rule": (np.int8, -1),
    "stage": (np.int8, -1),
    "reports": (np.int8, 0),
    "new_reports": (np.int8, 0),
    "sampled": (np.bool_, False),
    "labelled": (np.bool_, False),
}

# What only exposure reads: held for the posts that can still collect views (the exposure
# window, a few days: ``World.exposed``), not for the whole retention window. A post's
# views are kept beyond it only for the sampled posts (``World.sample_views``); its
# half-life is the same for every post of a day and channel (``World.day_half_life``).
EXPOSURE_SCHEMA = {
    "potential": (np.float32, 0.0),  # views over the post's whole life if never removed
    "half_life": (np.float32, 0.0),  # hours: how fast the post's views fade
    "sought": (np.float32, 0.0),  # share of those views on users who sought the author out
    "factor": (np.float32, 1.0),  # downranking
    "views": (np.float32, 0.0),
}


def _kinds() -> np.ndarray:
    return np.zeros(4, np.int64)


@dataclass
class PostTotals:
    """Posts counted by content kind (arrays of 4: life, ad, spam, offer).

    ``created``, ``removed`` and ``restored`` count the run's days as they happen (reset
    after the warm-up); ``*_checked`` count every post's final fate when it leaves the retention
    window; ``run_*`` the same for the run's own posts only (not those carried in from the
    warm-up, counted in ``carried_in``).
    """

    created: np.ndarray = field(default_factory=_kinds)
    removed: np.ndarray = field(default_factory=_kinds)
    restored: np.ndarray = field(default_factory=_kinds)
    surviving_checked: np.ndarray = field(default_factory=_kinds)
    removed_checked: np.ndarray = field(default_factory=_kinds)
    run_removed: np.ndarray = field(default_factory=_kinds)
    run_surviving: np.ndarray = field(default_factory=_kinds)
    carried_in: np.ndarray = field(default_factory=_kinds)


@dataclass
class World:
    """Everything that persists from one day to the next."""

    scenario: Scenario
    seed: int
    rng: dict[str, np.random.Generator]
    catalogue: Catalogue
    categories: tuple[str, ...]
    demand: np.ndarray  # per category: relative demand (catalogue)
    margin: np.ndarray  # per category: CNY earned per unit sold (catalogue)
    conversion: np.ndarray  # per category: units sold per 1,000 impressions (catalogue)
    refusal: np.ndarray  # per category: share of official-account applications refused
    topic_p: np.ndarray  # per category: share of innocent mentions
    pool: TextPool
    corpus_buckets: CorpusBuckets | None
    accounts: Columns  # schema: simulation.world.accounts.ACCOUNT_SCHEMA
    posts: Columns  # schema: POST_SCHEMA
    exposed: Columns  # schema: EXPOSURE_SCHEMA; the newest rows of ``posts`` (exposure_rows)
    n_initial: int  # accounts at the start (the scenario's population)
    announcements: list[Announcement]
    tally: DayTally  # an empty tally over this run's columns; each day takes a fresh one
    graph: FriendsGraph
    n_regular: int  # regular users are accounts 0 .. n_regular-1
    watched: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    watch_mask: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    watch_viewer: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    watch_author: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    totals: PostTotals = field(default_factory=PostTotals)
    # what sellers see surviving of the offers in each channel (rows 0-2, Channel order)
    # and spammers of spam (row SPAM_ROW), per style
    style_survival: np.ndarray = field(default_factory=lambda: np.zeros((4, 0)))
    # deterrence: per category (and spam last) how much more risk sellers weigh than their
    # own experience says, from the enforcement they see among their peers (0 = none)
    fear: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # what sellers see of enforcement, remembered (sellers.memory_days): offers made and
    # offers removed, per channel × account kind × category × writing style
    seen_made: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0, 0)))
    seen_removed: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0, 0)))
    # ... and the share of their sales those removals prevented (a late one prevents little)
    seen_prevented: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0, 0)))
    feed_half_life: float = 6.0  # hours: the latest day's (simulation.world.attention)
    # the longest half-life (hours) of the posts made on each recent day: how far back a
    # day's exposure must look
    half_life_max: dict[int, float] = field(default_factory=dict)
    # the half-life (hours, float32) of the posts made on each day still held, per channel
    # (Channel order): every post of a day and channel has the same (Moments: 0 until the
    # day's exposure sets it from how fast the feed moved)
    day_half_life: dict[int, np.ndarray] = field(default_factory=dict)
    # per day still held, its posts ordered by author (kept from the first ban after that
    # day on; see ``decisions.posts_of``): (global id of the day's first post, authors
    # ascending (int32), each one's row within the day (int32))
    author_index: dict[int, tuple[int, np.ndarray, np.ndarray]] = field(default_factory=dict)
    # the same for today and yesterday, made when their posts were batched for the policy
    # (``decisions.make_batch`` sorts them by author anyway) and moved to ``author_index``
    # when a ban needs them; older ones are dropped (``retention.trim``), so that a run
    # without bans holds one day's at most
    batched_author_index: dict[int, tuple[int, np.ndarray, np.ndarray]] = field(
        default_factory=dict
    )
    # global ids of the posts with reports the policy has not seen yet (``new_reports`` >
    # 0), ascending: so that the day's batch need not look through the whole post table
    reported: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    events: list[dict[str, Any]] = field(default_factory=list)  # account-level actions
    samples: SampleTable = field(default_factory=SampleTable)  # finished sampled posts
    feed_rows: list[tuple[int, int, int]] = field(default_factory=list)  # (viewer, day, post)
    evidence: dict[int, str] = field(default_factory=dict)  # post id -> why it was removed
    # views of sampled posts that left ``exposed`` (post id -> float32 views)
    sample_views: dict[int, np.float32] = field(default_factory=dict)
    warmup_days: int = 0
    first_run_post: int | None = None  # post ids below it were made during the warm-up


def exposure_rows(world: World, rows: slice) -> slice:
    """Rows of ``world.exposed`` for rows ``rows`` of ``world.posts`` (a slice whose start
    is inside the exposure window; ``stop`` None means to the end)."""
    lag = world.exposed.base - world.posts.base
    start = (rows.start or 0) - lag
    if start < 0:
        raise IndexError(f"post rows from {rows.start} are no longer exposed")
    stop = world.posts.n if rows.stop is None else rows.stop
    return slice(start, stop - lag)


def post_half_lives(world: World, rows: np.ndarray) -> np.ndarray:
    """Half-lives (hours, float32) of posts ``rows`` (rows of ``world.posts``), from their
    day and channel (``World.day_half_life``)."""
    posts = world.posts
    days = posts.day[rows]
    out = np.zeros(len(rows), np.float32)
    for made in np.unique(days).tolist():
        mine = days == made
        out[mine] = world.day_half_life[made][posts.channel[rows][mine]]
    return out


def post_views(world: World, rows: np.ndarray) -> np.ndarray:
    """Views so far of posts ``rows`` (rows of ``world.posts``; float32): from the exposure
    tier, or for sampled posts that left it, as they were when they left."""
    lag = world.exposed.base - world.posts.base
    hot = rows - lag
    out = np.zeros(len(rows), np.float32)
    inside = hot >= 0
    out[inside] = world.exposed.views[hot[inside]]
    base = world.posts.base
    for i in np.flatnonzero(~inside).tolist():
        out[i] = world.sample_views.get(int(rows[i]) + base, np.float32(0.0))
    return out


@dataclass
class AccountOutcome:
    """The day's account decisions as applied: parallel arrays over the decisions."""

    account: np.ndarray  # int64: the account each decision named
    action: np.ndarray  # AccountAction codes
    applied: np.ndarray  # bool: the decision changed the account (or warned it)
    wrongful: np.ndarray  # bool: the account had posted nothing violating in the window


@dataclass
class Day:
    """What one day's phases hand to each other; a new one every day."""

    d: int
    tally: DayTally
    audience: np.ndarray  # per account: friends able to see its posts today
    audience_sought: np.ndarray = field(default_factory=lambda: np.zeros(0))  # of them, buyers
    viewer_active: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # per regular
    first_new: int = 0  # row of the post table where today's posts start
    removals: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))  # per account
    penalties: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))  # per account
    account_outcome: AccountOutcome | None = None
    offer_impressions: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per category
    saturation: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per category
    revenue: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per account, CNY
    viewer_ad_share: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per regular
    attention: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per account: share of
    # its Moments views its friends had the attention to read
    bans: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # accounts banned
    # offers made today and offers removed today (whenever made), per channel × account
    # kind × category × style; spam made and removed today
    offers_made: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0, 0), np.int64))
    offers_removed: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0, 0), np.int64))
    offers_prevented: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0, 0)))
    spam_made: int = 0
    spam_removed: int = 0
    # today's moderation removals: the deciding rule of each, and whether it was wrongful
    removal_rule: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    removal_wrongful: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))


@dataclass
class DayRecord:
    """What happened on one day: the metrics row plus per-rule statistics."""

    day: int
    metrics: dict[str, float]
    rules: list[dict[str, Any]] = field(default_factory=list)
