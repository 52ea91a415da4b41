"""The Friends Circle, one day at a time.

``Simulation`` owns the world (accounts and posts as arrays, the friends graph,
the text pool) and a policy session. ``step()`` advances one day:

1. events of the day (announcements, parameter changes, influxes);
2. restrictions lapse, banned sellers re-register, new sellers and spammers enter,
   commercial accounts add customers;
3. everyone who may post posts — sellers in the channel they chose (the Moments feed,
   chats, groups); each post gets a text from the pool;
4. the policy decides on the new posts of the channels it scans and on earlier posts of
   any channel that were reported;
5. decisions are applied: removals cut off later views, bans close accounts;
6. exposure: every live post collects the views of this day (fading as newer posts bury
   it, cut at removal, capped by what users have the attention to read); offers sell;
   users report some of the unwanted posts they see;
7. sellers and spammers weigh profit against risk, with the fear that the enforcement
   they see instils (learn to evade, change channel, register an official account, quit,
   or carry on); users who see mostly ads grow tired and may leave, others come back or
   join;
8. the day's metrics are recorded.

All randomness comes from one ``SeedSequence`` split into named streams, one per
sub-model, so the same scenario, policy and seed give identical results and a change
in one sub-model does not reshuffle the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from policy.interface import (
    CHANNEL_NAMES,
    AccountKind,
    DayBatch,
    DayDecisions,
    Policy,
    PolicySession,
    RunContext,
    scanned_channels,
)
from simulation.catalogue import Catalogue, load_catalogue
from simulation.metrics import RULE_COUNT_NAMES
from simulation.metrics.invariants import check_day, check_run
from simulation.scenario import Scenario, get_dotted
from simulation.world.accounts import Archetype, Status
from simulation.world.attention import half_life
from simulation.world.content.pool import TextPool
from simulation.world.decay import horizon_days
from simulation.world.decisions import apply_decisions, make_batch, rule_statistics
from simulation.world.deterrence import risk_factor
from simulation.world.exposure import expose_day
from simulation.world.heap import return_large_blocks
from simulation.world.history import parameter_change, policy_change, policy_outline
from simulation.world.lifecycle import apply_events, arrivals
from simulation.world.population import build_world
from simulation.world.posting import post_day
from simulation.world.retention import close_books, post_fates, trim
from simulation.world.sampling import sample_day
from simulation.world.sellers import seller_day
from simulation.world.state import Day, DayRecord, World
from simulation.world.users import churn_day
from simulation.world.views import account_info, feed_frame


class _Unmoderated:
    """The warm-up days' policy: nothing is moderated before the run starts."""

    def decide(self, batch: DayBatch) -> DayDecisions:
        return DayDecisions()


def _inflow(world: World) -> float:
    """Posts a day a user on the feed can expect from friends at the start (for the
    warm-up's length: as many days as a post of a typical feed takes to fade)."""
    sc, acc = world.scenario, world.accounts
    post = sc.posting
    rate = np.select(
        [
            acc.archetype == Archetype.REGULAR,
            acc.archetype == Archetype.MERCHANT,
            acc.archetype == Archetype.SELLER,
            acc.archetype == Archetype.SPAMMER,
        ],
        [
            post.life_per_day + post.forward_ad_per_day,
            post.merchant_per_day,
            post.seller_per_day,
            post.spammer_per_day,
        ],
    ) * (acc.status == Status.ACTIVE)
    inflow = world.graph.spread_to_viewers(rate.astype(np.float64))
    active = acc.status[: world.n_regular] == Status.ACTIVE
    return float(inflow[active].mean()) if active.any() else 1.0


class Simulation:
    """A run in progress: the world, the policy session in force, and the days recorded.

    Headless; the GUI drives the same object in its engine process. ``world`` holds the
    state (see ``simulation.world.state``); each phase of ``step`` is a function of the
    world and the day.

    What the run started with is kept as ``start_scenario`` and ``start_policy`` (the
    policy's outline: name, source text, phases, announcements; plain data), and every
    change made while it runs (``set_policy``, ``set_param``) is appended to ``history``
    (plain data, see ``simulation.world.history``), so that a run saved part-way says
    which policy and which parameters were in force on which days.
    """

    def __init__(
        self,
        scenario: Scenario,
        policy: Policy,
        seed: int | None = None,
        catalogue: Catalogue | None = None,
        pool: TextPool | None = None,
    ):
        seed_ = scenario.seed if seed is None else int(seed)
        return_large_blocks()  # freed post columns and matrices go back to the system
        self.world: World = build_world(
            scenario,
            seed_,
            catalogue or load_catalogue(),
            list(policy.announcements()),
            pool,
        )
        self.start_scenario: Scenario = self.world.scenario
        self.start_policy: dict[str, Any] = policy_outline(policy)
        self.history: list[dict[str, Any]] = []
        self.day = 0
        self.policy = policy
        self.session = self._start(policy)
        self.records: list[DayRecord] = []
        self.listeners: list[Callable[[DayRecord], None]] = []
        self._warm_up()

    # ----------------------------------------------------------------- shortcuts
    @property
    def scenario(self) -> Scenario:
        """The scenario in force (changed by ``set_param`` and by scenario events)."""
        return self.world.scenario

    @property
    def seed(self) -> int:
        return self.world.seed

    @property
    def categories(self) -> tuple[str, ...]:
        return self.world.categories

    @property
    def watched(self) -> np.ndarray:
        """Ids of the regular users whose feeds are stored (int64, sorted)."""
        return self.world.watched

    def _start(self, policy: Policy) -> PolicySession:
        w = self.world
        sc = w.scenario
        return policy.start(
            RunContext(
                w.categories,
                sc.locale,
                w.rng["policy"],
                sc.days,
                wrongful_window_days=sc.engine.wrongful_window_days,
            )
        )

    def _warm_up(self) -> None:
        """Live a few unmoderated, unrecorded days before day 0.

        Without them day 0 would start with an empty feed, and impressions would ramp up
        over the first days as if the app had just been switched on. The warm-up is the
        same whatever the policy (it runs no policy and draws nothing from the policy's
        random stream), so runs that differ only in policy share their day-0 world.
        Posts made during the warm-up are carried into the run (``totals.carried_in``).
        """
        w = self.world
        w.feed_half_life = float(half_life(w.scenario.exposure.feed_depth, _inflow(w)))
        w.warmup_days = horizon_days(w.feed_half_life)
        self.day = -w.warmup_days
        session, self.session = self.session, _Unmoderated()
        try:
            while self.day < 0:
                self.step()
        finally:
            self.session = session
        w.totals.carried_in = np.bincount(w.posts.kind, minlength=4).astype(np.int64)
        w.first_run_post = w.posts.base + w.posts.n  # ids below: warm-up posts
        w.totals.created[:] = 0
        w.totals.removed[:] = 0
        w.totals.restored[:] = 0

    # ----------------------------------------------------------------- control
    def set_policy(self, policy: Policy) -> None:
        """Put another policy in force from the next day on (strikes and queues start afresh).

        The GUI calls this when the user edits the policy mid-run; the last valid policy
        stays in force until then. "The next day" is ``self.day``, the next day ``step``
        simulates (day 0 when no day has been simulated yet); the change is appended to
        ``history`` with that day.
        """
        change = policy_change(self.day, policy, getattr(self.policy, "name", ""))
        self.policy = policy
        self.session = self._start(policy)
        w = self.world
        w.announcements = [a for a in w.announcements if a.day < self.day]
        w.announcements += [a for a in policy.announcements() if a.day >= self.day]
        self.history.append(change)

    def set_param(self, key: str, value: Any) -> None:
        """Change a scenario parameter; it takes effect from the next day (live, as in NetLogo).

        The change (day ``self.day``, the value before and the value the scenario took) is
        appended to ``history``. Raises ``KeyError`` for a parameter that does not exist and
        :class:`~policy.errors.LocatedError` for a value the model refuses (nothing is
        changed or recorded then)."""
        before = self.world.scenario
        after = before.with_changes({key: value})
        self.world.scenario = after
        change = parameter_change(self.day, key, get_dotted(before, key), get_dotted(after, key))
        self.history.append(change)

    # ----------------------------------------------------------------- queries
    def risk_factor(self) -> np.ndarray:
        """Per category (spam last): how many times their own risk sellers weigh now, from
        the enforcement they have seen among their peers and the announcements they heard."""
        return risk_factor(self.world)

    def feed(self, viewer: int, day: int) -> pd.DataFrame:
        """What watched user ``viewer`` saw on ``day``: the stored feed, newest first."""
        if viewer not in set(self.world.watched.tolist()):
            return pd.DataFrame()
        return feed_frame(self.world, viewer, day)

    def account(self, account: int) -> dict[str, Any]:
        """Everything known about one account: archetype, status, strikes' outcomes, events."""
        return account_info(self.world, account)

    def post_fates(self) -> tuple[np.ndarray, np.ndarray]:
        """Removed and surviving counts, by content kind, of the posts made in the run."""
        return post_fates(self.world)

    # ----------------------------------------------------------------- the day
    def step(self) -> DayRecord | None:
        """Advance one day; returns its record (None for the unrecorded warm-up days)."""
        w, d = self.world, self.day
        day = Day(d, w.tally.fresh(), audience=np.zeros(0))
        apply_events(w, day)
        arrivals(w, day)
        acc = w.accounts
        reg_status = acc.status[: w.n_regular]
        day.viewer_active = (reg_status == Status.ACTIVE) | (reg_status == Status.RESTRICTED)
        day.audience, day.audience_sought = w.graph.audiences(acc.n, day.viewer_active)
        new = post_day(w, day)
        day.first_new = w.posts.n - len(new)
        if d >= 0:
            sample_day(w, day)
        decisions = self.session.decide(make_batch(w, day, scanned_channels(self.policy)))
        apply_decisions(w, day, decisions)
        expose_day(w, day)
        seller_day(w, day)
        churn_day(w, day)
        trim(w, d)
        self.day += 1
        if d < 0:
            return None
        record = self._record(day, decisions)
        for listener in self.listeners:
            listener(record)
        return record

    def run(self, days: int | None = None, progress: Callable[[int], None] | None = None) -> None:
        for _ in range(self.scenario.days if days is None else days):
            self.step()
            if progress:
                progress(self.day)

    def _record(self, day: Day, dec: DayDecisions) -> DayRecord:
        w, tally = self.world, day.tally
        acc = w.accounts
        active = acc.status == Status.ACTIVE
        sellers = active & (acc.archetype == Archetype.SELLER)
        cats = len(w.categories)
        category = acc.category[sellers]
        per_category = np.bincount(category[(category >= 0) & (category < cats)], minlength=cats)
        for c, name in enumerate(w.categories):
            tally[f"sellers_active.{name}"] = int(per_category[c])
        tally["spammers_active"] = int((active & (acc.archetype == Archetype.SPAMMER)).sum())
        per_channel = np.bincount(acc.channel[sellers], minlength=len(CHANNEL_NAMES))
        tally.set_parts("sellers_by_channel", CHANNEL_NAMES, per_channel.tolist())
        tally["sellers_official"] = int((sellers & (acc.kind == AccountKind.OFFICIAL)).sum())
        tally["merchants_active"] = int((active & (acc.archetype == Archetype.MERCHANT)).sum())
        tally["review_backlog"] = dec.review_backlog
        tally["reviewed"] = dec.reviewed
        tally["review_hours"] = dec.review_hours
        tally["appeals"] = dec.appeals
        tally["overturned"] = dec.overturned
        rules = rule_statistics(w, day, dec, list(self.policy.rule_names))
        row = tally.row(day.d)
        check_day(row, w.categories)
        record = DayRecord(day.d, row, rules)
        self.records.append(record)
        return record

    def finish(self) -> None:
        """Close the books: tally every post still held (call once, after the last day),
        then check the run's invariants (raises ``InvariantError`` naming the one broken)."""
        close_books(self.world)
        own_removed, own_surviving = self.post_fates()
        totals = self.world.totals
        check_run(
            self.metrics_frame(),
            self.rule_frame(),
            own_removed,
            own_surviving,
            totals.removed_checked,
        )

    # ----------------------------------------------------------------- results
    def metrics_frame(self) -> pd.DataFrame:
        """One row per recorded day, one column per metric (the registry's order)."""
        cols = ["day", *self.world.tally.columns]
        frame = pd.DataFrame([r.metrics for r in self.records], columns=cols)
        frame["day"] = frame["day"].astype(int)
        return frame

    def rule_frame(self) -> pd.DataFrame:
        """Per rule and day: ``day, rule, name`` and every count of ``metrics.RULE_COUNTS``."""
        rows = [r for rec in self.records for r in rec.rules]
        return pd.DataFrame(rows, columns=["day", "rule", "name", *RULE_COUNT_NAMES])
