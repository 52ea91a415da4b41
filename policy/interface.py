"""The contract between the engine and a policy.

The engine hands a policy plain NumPy arrays and gets plain arrays back, so that
``policy/`` never imports ``simulation/`` and any policy (a YAML rule set, a
hand-written Python class, a learned model) plugs into the same engine.

Ground truth (what a post really is) reaches a policy only through
:class:`PerceptionView`, which stands for what a simulated classifier or a human
reviewer perceives. Text detectors read :class:`TextView` and must never read
the perception view: that is what makes measured precision and recall honest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Protocol

import numpy as np


class ContentKind(IntEnum):
    """What a post really is (ground truth, known to the engine)."""

    LIFE = 0  # a personal life update
    AD = 1  # a legal advertisement (micro-merchant, or a forwarded ad)
    SPAM = 2  # unsolicited blasts, scams, link farms
    OFFER = 3  # an offer of a restricted item; see ``category``


VIOLATING_KINDS = (ContentKind.SPAM, ContentKind.OFFER)


class AccountKind(IntEnum):
    PERSONAL = 0  # a person's own account
    OFFICIAL = 1  # an official / enterprise account: a verified, registered business


class Channel(IntEnum):
    """Where a post is published, and so who reads it and what the platform can see."""

    MOMENTS = 0  # the Friends Circle feed: every contact may see it; the platform reads it
    CHAT = 1  # one-to-one chats: only the recipients read it
    GROUP = 2  # group chats: the members of the group read it


CHANNEL_NAMES = ("moments", "chat", "group")
# What a platform reads as it is posted when a policy says nothing: the public feed.
# Private channels (chats, groups) reach a policy only through user reports unless the
# policy scans them (``Policy.scanned_channels``).
DEFAULT_SCANNED = (Channel.MOMENTS,)


class Stage(IntEnum):
    """When a decision is taken: why a post reaches the policy."""

    UPLOAD = 0  # a new post, decided as it is published
    REPORT = 1  # an earlier post that received new user reports
    REVIEW = 2  # a human review finished (emitted by the policy itself)
    APPEAL = 3  # an appeal was decided (emitted by the policy itself)


class PostAction(IntEnum):
    ALLOW = 0
    LABEL = 1  # shown with a warning label; counted, views unchanged
    DOWNRANK = 2  # views multiplied by ``PostDecisions.factor``
    REMOVE = 3  # removed ``at_hours`` after posting; later views are cut off
    REVIEW = 4  # queued for human review; stays visible while queued
    RESTORE = 5  # an appeal overturned a removal


class AccountAction(IntEnum):
    WARN = 0
    RESTRICT = 1  # may not post until ``until_day`` (exclusive)
    BAN = 2  # account closed; its live posts disappear
    REINSTATE = 3  # an appeal overturned a restriction or ban


@dataclass(frozen=True)
class TextView:
    """The distinct texts of a run. A post carries a text id into ``texts``.

    Detectors evaluate each distinct text once and broadcast the result to every
    post that carries it. The list is append-only during a run.
    """

    texts: Sequence[str]
    has_image: np.ndarray  # bool per text id: the post carries an image


@dataclass(frozen=True)
class PerceptionView:
    """What a simulated classifier or reviewer perceives, per batch row.

    Derived from ground truth. Only perception-based detectors (a classifier, a
    human reviewer, an appeal reviewer) may read it; text detectors never do.
    """

    kind: np.ndarray  # int8, ContentKind per row
    category: np.ndarray  # int8, catalogue index per row, -1 when not an offer


@dataclass(frozen=True)
class DayBatch:
    """The posts a policy decides on one day, one row per post and stage.

    Rows with ``stage == UPLOAD`` are the day's new posts, in posting order.
    Rows with ``stage == REPORT`` are earlier, still visible posts that received
    new user reports during the previous day.
    """

    day: int
    post_id: np.ndarray  # int64, unique and increasing across the run
    posted_day: np.ndarray  # int32
    hour: np.ndarray  # float32, hour of day the post was made, in [0, 24)
    author: np.ndarray  # int32 account id
    account_kind: np.ndarray  # int8, AccountKind
    account_age_days: np.ndarray  # int32
    friend_count: np.ndarray  # int32, the author's current friends
    posts_today: np.ndarray  # int32, 1-based ordinal of this post among the author's today
    prior_ban_device: np.ndarray  # bool, true re-registration state (detect with a probability)
    text_id: np.ndarray  # int32 into ``texts``
    stage: np.ndarray  # int8, Stage
    reports: np.ndarray  # int32, reports on this post so far
    new_reports: np.ndarray  # int32, reports received since the post was last seen by the policy
    texts: TextView
    perceived: PerceptionView
    # int8 per row, Channel. None: every row is a Moments post (one-post explanations,
    # corpus evaluation). UPLOAD rows come only from the channels the policy scans.
    channel: np.ndarray | None = None

    def __len__(self) -> int:
        return int(self.post_id.shape[0])

    def channels(self) -> np.ndarray:
        """The channel of every row (int8; all Moments when the batch carries none)."""
        if self.channel is None:
            return np.zeros(len(self), np.int8)
        return self.channel


def _empty(dtype: type) -> np.ndarray:
    return np.zeros(0, dtype=dtype)


@dataclass
class PostDecisions:
    """Actions on posts, one row per action. A post may appear in several rows
    (for instance REVIEW at upload and REMOVE when the review ends, possibly days later)."""

    post_id: np.ndarray = field(default_factory=lambda: _empty(np.int64))
    action: np.ndarray = field(default_factory=lambda: _empty(np.int8))
    at_hours: np.ndarray = field(default_factory=lambda: _empty(np.float32))  # after posting
    rule: np.ndarray = field(default_factory=lambda: _empty(np.int16))  # index in rule_names, -1
    stage: np.ndarray = field(default_factory=lambda: _empty(np.int8))
    factor: np.ndarray = field(default_factory=lambda: _empty(np.float32))  # DOWNRANK view factor
    shadow: np.ndarray = field(default_factory=lambda: _empty(np.bool_))  # counted, not applied
    evidence: list[str] | None = None  # optional, parallel to rows: why the rule fired

    def __len__(self) -> int:
        return int(self.post_id.shape[0])


@dataclass
class AccountDecisions:
    """Actions on accounts, one row per action."""

    account: np.ndarray = field(default_factory=lambda: _empty(np.int32))
    action: np.ndarray = field(default_factory=lambda: _empty(np.int8))
    until_day: np.ndarray = field(default_factory=lambda: _empty(np.int32))  # RESTRICT; else -1
    rule: np.ndarray = field(default_factory=lambda: _empty(np.int16))
    at_hour: np.ndarray = field(default_factory=lambda: _empty(np.float32))  # hour of the day
    reason: list[str] | None = None

    def __len__(self) -> int:
        return int(self.account.shape[0])


@dataclass
class RuleHits:
    """Posts a live ``restrict`` or ``ban`` rule fired on, one row per post.

    Such a rule acts on the author, not the post: its row is in :class:`AccountDecisions`,
    once per author and day, and no :class:`PostDecisions` row names the post. These rows
    say which posts it fired on, so that its hits (and how many of them were violating)
    are counted as every other rule's are. They change nothing in the world."""

    post_id: np.ndarray = field(default_factory=lambda: _empty(np.int64))
    rule: np.ndarray = field(default_factory=lambda: _empty(np.int16))  # index in rule_names
    stage: np.ndarray = field(default_factory=lambda: _empty(np.int8))

    def __len__(self) -> int:
        return int(self.post_id.shape[0])


@dataclass
class DayDecisions:
    posts: PostDecisions = field(default_factory=PostDecisions)
    accounts: AccountDecisions = field(default_factory=AccountDecisions)
    # posts the live restrict/ban rules fired on (their actions are in ``accounts``)
    account_rule_hits: RuleHits = field(default_factory=RuleHits)
    review_backlog: int = 0  # items waiting for a human at the end of the day
    # whether the policy holds the posts it decides REVIEW for a human; False (a policy
    # with no reviewers): a REVIEW decision changes nothing and nothing is queued
    review_queue: bool = True
    reviewed: int = 0  # items a human finished today
    review_hours: float = 0.0  # reviewer hours spent today
    appeals: int = 0  # appeals lodged today
    overturned: int = 0  # appeals that overturned an action today


@dataclass(frozen=True)
class Announcement:
    """A public announcement of stricter enforcement that sellers hear about.

    On ``day``, sellers of the named categories (all categories when empty) weigh
    ``risk_multiplier`` times the risk against their profit; how long the fear lasts is
    the engine's business (it fades unless enforcement that sellers see renews it).
    """

    day: int
    risk_multiplier: float
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunContext:
    """What a policy may know about the run before day 0."""

    categories: tuple[str, ...]  # catalogue order: PerceptionView.category indexes it
    locale: str
    rng: np.random.Generator  # the policy's own stream (classifier noise, appeals)
    days: int
    # An action against an account is wrong when the account posted nothing violating in
    # this many days before it: the engine judges its wrongful-action metrics with it, and
    # appeal reviewers judge "was this action wrong?" with the same window.
    wrongful_window_days: int = 30


class PolicySession(Protocol):
    """A policy in force during one run; holds its own state (strikes, queues)."""

    def decide(self, batch: DayBatch) -> DayDecisions: ...


class Policy(Protocol):
    """A moderation policy: what the engine needs from any implementation.

    ``scanned_channels`` (optional; default ``DEFAULT_SCANNED``) are the channels whose
    posts the platform reads as they are published: the engine hands a policy UPLOAD rows
    from those channels only. Posts in other channels reach it only when a user reports
    them (REPORT rows), as a private chat reaches a real platform.
    """

    name: str
    source: str  # the text the policy was loaded from (stored with each run)
    rule_names: Sequence[str]

    def announcements(self) -> Sequence[Announcement]: ...

    def start(self, context: RunContext) -> PolicySession: ...


def scanned_channels(policy: object) -> tuple[int, ...]:
    """The channels whose new posts ``policy`` reads at upload (codes of :class:`Channel`)."""
    chosen = getattr(policy, "scanned_channels", DEFAULT_SCANNED)
    return tuple(sorted({int(c) for c in chosen}))
