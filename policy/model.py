"""The compiled policy: what the loader produces and a session runs.

Compiling once (terms normalised, automata built, conditions parsed) keeps the
per-day work to array operations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from policy.conditions import Frame, Node
from policy.interface import CHANNEL_NAMES, Announcement, PolicySession, PostAction, RunContext
from policy.schema import PolicySpec

CHANNELS = {name: i for i, name in enumerate(CHANNEL_NAMES)}
POST_ACTIONS = {
    "allow": PostAction.ALLOW,
    "label": PostAction.LABEL,
    "downrank": PostAction.DOWNRANK,
    "remove": PostAction.REMOVE,
    "review": PostAction.REVIEW,
}
# How strongly an action acts, weakest first: which action "wins" when several rules fire.
SEVERITY = {
    "allow": 0,
    "label": 1,
    "downrank": 2,
    "review": 3,
    "remove": 4,
    "restrict": 5,
    "ban": 6,
}


@dataclass(frozen=True, kw_only=True)
class Rule:
    """A compiled rule: its condition, its scope and what it does."""

    index: int  # position in the file = index into ``rule_names``
    name: str
    condition: Node
    action: str
    strikes: float
    priority: int
    shadow: bool
    factor: float
    restrict_days: int
    delay_hours: float
    account_kinds: tuple[int, ...] | None  # None = any
    channels: tuple[int, ...] | None  # Channel codes; None = any
    scope_cats: int  # category bit mask; 0 = any
    stages: tuple[int, ...]
    detectors: frozenset[str]  # detectors the condition reads (their hits are the evidence)
    scope_detectors: tuple[str, ...]  # whose categories a category scope checks

    def matches(self, frame: Frame) -> np.ndarray:
        """Bool per row of ``frame``: the condition holds and the post is in scope.

        The one place a rule is evaluated (the run's session, the corpus evaluator and
        ``explain`` all call it). In scope means: the author's account kind is one the
        rule covers, the stage (upload, report) and the channel (moments, chat, group) are
        ones it covers, and — when the rule is scoped to categories — one of
        ``scope_detectors`` put the post in one of them.
        """
        m = self.condition.eval(frame)
        if self.account_kinds is not None:
            m = m & np.isin(frame.signal("account_kind"), self.account_kinds)
        if self.channels is not None:
            m = m & np.isin(frame.signal("channel"), self.channels)
        if len(self.stages) < 2:
            m = m & np.isin(frame.signal("stage"), self.stages)
        if self.scope_cats:
            m = m & ((frame.cats(self.scope_detectors) & np.uint64(self.scope_cats)) != 0)
        return m


@dataclass(frozen=True)
class Phase:
    from_day: int
    rules: frozenset[int]


@dataclass(frozen=True)
class LadderStep:
    """A step of the strike ladder: at ``at`` strikes, ``action`` (for ``days`` days)."""

    at: float
    action: str  # warn | restrict | ban
    days: int | None  # restrict only


@dataclass(frozen=True)
class StrikeSettings:
    """Strikes count over ``window_days``; each decays with ``half_life_days`` if set."""

    window_days: int
    half_life_days: float | None
    ladder: tuple[LadderStep, ...]


@dataclass(frozen=True)
class ReviewSettings:
    """Human review: capacity (items/day), delay (hours), accuracy (share judged right)."""

    capacity_per_day: int
    delay_hours: float
    accuracy: float
    minutes_per_item: float
    violating_kinds: tuple[int, ...]  # ContentKind codes reviewers confirm as violating


@dataclass(frozen=True)
class AppealSettings:
    """Appeals: the share of actions appealed, and how likely they are overturned."""

    share_appealed: float
    overturn_probability: float  # when the action was wrong
    overturn_probability_when_right: float
    delay_days: int


@dataclass(frozen=True)
class Enforcement:
    """The compiled ``enforcement:`` section; a part left out is None."""

    strikes: StrikeSettings | None = None
    review: ReviewSettings | None = None
    appeals: AppealSettings | None = None


SessionFactory = Callable[["CompiledPolicy", RunContext], PolicySession]


@dataclass
class CompiledPolicy:
    """A loaded policy. Implements :class:`policy.interface.Policy`.

    ``session_factory`` is how a run starts it (the loader passes the YAML session), so
    this module, which the session reads, does not import the session back.
    """

    name: str
    source: str
    spec: PolicySpec
    categories: tuple[str, ...]  # policy category order: bit i of a mask = categories[i]
    detectors: dict[str, Any]
    rules: list[Rule]
    phases: list[Phase]
    enforcement: Enforcement
    session_factory: SessionFactory
    announced: list[Announcement] = field(default_factory=list)
    file: str = "<string>"
    catalogue: Any = None  # the CatalogueTerms the policy was compiled with (for lint)

    @property
    def rule_names(self) -> Sequence[str]:
        return tuple(r.name for r in self.rules)

    @property
    def semantics(self) -> str:
        return self.spec.semantics

    @property
    def scanned_channels(self) -> tuple[int, ...]:
        """Channels whose new posts the policy reads at upload (``scan:``; Channel codes)."""
        return tuple(sorted({CHANNELS[c] for c in self.spec.scan}))

    @property
    def order(self) -> list[Rule]:
        """Rules in evaluation order: higher priority first, then file order."""
        return sorted(self.rules, key=lambda r: (-r.priority, r.index))

    def active(self, day: int) -> np.ndarray:
        """Which rules are in force on ``day`` (bool per rule index)."""
        on = np.zeros(len(self.rules), dtype=bool)
        current: frozenset[int] = frozenset()
        for ph in self.phases:
            if ph.from_day <= day:
                current = ph.rules
        on[list(current)] = True
        return on

    def in_force(self, rule: int, days: np.ndarray) -> np.ndarray:
        """Whether rule ``rule`` (index) was in force on each of ``days`` (int array; a
        day before day 0, the warm-up's, is before every phase): bool array of their
        shape. A post made on a day its rule was not in force earns no strikes from it."""
        days = np.asarray(days)
        starts = np.array([ph.from_day for ph in self.phases], np.int64)
        has = np.array([rule in ph.rules for ph in self.phases] + [False], bool)
        phase = np.searchsorted(starts, days, side="right") - 1  # -1: before every phase
        return has[phase]

    def announcements(self) -> Sequence[Announcement]:
        return tuple(self.announced)

    def start(self, context: RunContext) -> PolicySession:
        return self.session_factory(self, context)

    def cat_names(self, mask: int) -> list[str]:
        return [c for i, c in enumerate(self.categories) if mask >> i & 1]
