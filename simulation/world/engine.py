"""The Friends Circle, one day at a time.

``Simulation`` owns the world (accounts and posts as arrays, the friends graph,
the text pool) and a policy session. ``step()`` advances one day:

1. events of the day (announcements, parameter changes, influxes);
2. restrictions lapse, banned sellers re-register, new sellers and spammers enter,
   commercial accounts add customers;
3. everyone who may post posts; each post gets a text from the pool;
4. the policy decides on the new posts and on earlier posts that were reported;
5. decisions are applied: removals cut off later views, bans close accounts;
6. exposure: every live post collects the views of this day (hourly decay, cut at
   removal); users report some of what they see;
7. sellers weigh profit against risk (learn to evade, quit, or carry on); users who
   see mostly ads grow tired and may leave;
8. the day's metrics are recorded.

All randomness comes from one ``SeedSequence`` split into named streams, one per
sub-model, so the same scenario, policy and seed give identical results and a change
in one sub-model does not reshuffle the others.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from policy.interface import (
    AccountKind,
    Announcement,
    ContentKind,
    DayBatch,
    DayDecisions,
    PerceptionView,
    Policy,
    RunContext,
    Stage,
    TextView,
)
from simulation.metrics import KINDS, STYLES, columns
from simulation.scenario import Scenario
from simulation.world.accounts import Archetype, Status, new_accounts
from simulation.world.columns import Columns
from simulation.world.content.pool import (
    Catalogue,
    EvasionStyle,
    TextPool,
    build_text_pool,
    load_catalogue,
)
from simulation.world.decay import horizon_days
from simulation.world.graph import FriendsGraph
from simulation.world.posting import NewPosts, generate, ordinal_per_author

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
)

INF = np.float32(np.inf)


class _Unmoderated:
    """The warm-up days' policy: nothing is moderated before the run starts."""

    def decide(self, batch: DayBatch) -> DayDecisions:
        return DayDecisions()


class Cause:
    NONE = 0
    RULE = 1  # removed by a rule, a review or after reports
    BAN = 2  # disappeared with its banned author


POST_SCHEMA = {
    "day": (np.int32, 0),
    "hour": (np.float32, 0.0),
    "author": (np.int32, 0),
    "kind": (np.int8, 0),
    "category": (np.int8, -1),
    "style": (np.int8, 0),
    "text": (np.int32, 0),
    "potential": (np.float32, 0.0),  # views over the post's whole life if never removed
    "factor": (np.float32, 1.0),  # downranking
    "removed_age": (np.float32, np.inf),  # hours after posting when removed
    "cause": (np.int8, 0),
    "rule": (np.int16, -1),
    "stage": (np.int8, -1),
    "reports": (np.int32, 0),
    "new_reports": (np.int32, 0),
    "views": (np.float32, 0.0),
    "sampled": (np.bool_, False),
    "labelled": (np.bool_, False),
}


@dataclass
class DayRecord:
    """What happened on one day: the metrics row plus per-rule statistics."""

    day: int
    metrics: dict[str, float]
    rules: list[dict[str, Any]] = field(default_factory=list)


def _violating(kind: np.ndarray) -> np.ndarray:
    return (kind == ContentKind.SPAM) | (kind == ContentKind.OFFER)


class Simulation:
    """A run in progress. Headless; the GUI drives the same object from a worker thread."""

    def __init__(
        self,
        scenario: Scenario,
        policy: Policy,
        seed: int | None = None,
        catalogue: Catalogue | None = None,
        pool: TextPool | None = None,
    ):
        self.scenario = scenario
        self.seed = scenario.seed if seed is None else int(seed)
        self.catalogue = catalogue or load_catalogue()
        self.categories = tuple(self.catalogue.names())
        seqs = np.random.SeedSequence(self.seed).spawn(len(STREAMS))
        self.rng = {name: np.random.default_rng(s) for name, s in zip(STREAMS, seqs, strict=True)}
        self.pool = pool or build_text_pool(self.catalogue, scenario.locale, self.rng["text"])
        if scenario.corpus is not None:
            from simulation.world.content.corpus_mix import add_corpus_texts

            self.corpus_buckets = add_corpus_texts(self.pool, scenario.corpus, self.rng["text"])
        else:
            self.corpus_buckets = None
        self._cat = self.catalogue.categories
        self.demand = np.array([c.demand for c in self._cat], dtype=np.float64)
        self.margin = np.array([c.margin for c in self._cat], dtype=np.float64)
        self.conversion = np.array([c.conversion for c in self._cat], dtype=np.float64)
        self.topic_p = self.demand / self.demand.sum()
        self.accounts = new_accounts(int(scenario.population.accounts * 1.3) + 64)
        self.posts = Columns(POST_SCHEMA, capacity=1 << 16)
        self.day = 0
        self.n_initial = scenario.population.accounts
        self.announcements: list[Announcement] = list(policy.announcements())
        self.policy = policy
        self.session = policy.start(
            RunContext(self.categories, scenario.locale, self.rng["policy"], scenario.days)
        )
        self.records: list[DayRecord] = []
        self.events: list[dict[str, Any]] = []  # account-level moderation events
        self.sample_rows: list[dict[str, Any]] = []  # finished sampled posts
        self.feed_rows: list[tuple[int, int, int]] = []  # (viewer, day, post_id)
        self.evidence: dict[int, str] = {}
        self.totals = {
            "created": np.zeros(4, np.int64),
            "removed": np.zeros(4, np.int64),
            "surviving_checked": np.zeros(4, np.int64),
            "removed_checked": np.zeros(4, np.int64),
            "run_removed": np.zeros(4, np.int64),  # the run's own posts (not carried in)
            "run_surviving": np.zeros(4, np.int64),
        }
        # what sellers (row 0, offers) and spammers (row 1, spam) see surviving, per style
        self.style_survival = np.ones((2, len(STYLES)))
        self.surviving_obfuscated = np.zeros(2)
        self.listeners: list[Callable[[DayRecord], None]] = []
        self._build_world()
        self._warm_up()

    # ----------------------------------------------------------------- world
    def _warm_up(self) -> None:
        """Live a few unmoderated, unrecorded days before day 0.

        Without them day 0 would start with an empty feed, and impressions would ramp up
        over the first days as if the app had just been switched on. The warm-up is the
        same whatever the policy (it runs no policy and draws nothing from the policy's
        random stream), so runs that differ only in policy share their day-0 world.
        Posts made during the warm-up are carried into the run (``totals["carried_in"]``).
        """
        self.warmup_days = horizon_days(self.scenario.exposure.half_life_hours)
        self.day = -self.warmup_days
        session, self.session = self.session, _Unmoderated()
        try:
            while self.day < 0:
                self.step()
        finally:
            self.session = session
        self.totals["carried_in"] = np.bincount(self.posts.kind, minlength=4).astype(np.int64)
        self.first_run_post = self.posts.base + self.posts.n  # ids below: warm-up posts
        self.totals["created"][:] = 0
        self.totals["removed"][:] = 0

    def _build_world(self) -> None:
        sc, acc = self.scenario, self.accounts
        n = sc.population.accounts
        mix = sc.population.mix
        counts = np.floor(
            np.array([mix.regular, mix.micro_merchant, mix.restricted_seller, mix.spammer]) * n
        ).astype(int)
        counts[0] += n - counts.sum()
        self.n_regular = int(counts[0])
        acc.append(self.n_regular, archetype=Archetype.REGULAR, join_day=-365)
        self.graph = FriendsGraph(
            self.n_regular, sc.graph.mean_friends, sc.graph.rewire, self.rng["graph"]
        )
        rng = self.rng["graph"]
        official = rng.random(counts[1]) < sc.population.official_merchant_share
        self._add_commercial(
            Archetype.MERCHANT,
            counts[1],
            day=-365,
            rng=rng,
            kind=np.where(official, AccountKind.OFFICIAL, AccountKind.PERSONAL),
            full=True,
        )
        self._add_commercial(
            Archetype.SELLER,
            counts[2],
            day=-365,
            rng=rng,
            full=True,
            category=self._seller_categories(counts[2], rng),
        )
        self._add_commercial(Archetype.SPAMMER, counts[3], day=-365, rng=rng, full=True)
        self.watched = self.rng["sample"].choice(
            self.n_regular, size=min(sc.engine.watched_users, self.n_regular), replace=False
        )
        self.watched.sort()
        self._watch_mask = np.zeros(self.n_regular, bool)
        self._watch_mask[self.watched] = True
        self._watch_viewer = np.zeros(0, np.int32)
        self._watch_author = np.zeros(0, np.int32)
        self._note_watch_links(self.graph.link_src, self.graph.link_dst)

    def _seller_categories(self, count: int, rng: np.random.Generator) -> np.ndarray:
        weights = self.scenario.population.seller_categories
        w = (
            np.array([weights.get(c, 0.0) for c in self.categories])
            if weights
            else self.demand.copy()
        )
        w = w / w.sum() if w.sum() > 0 else np.full(len(self.categories), 1 / len(self.categories))
        return rng.choice(len(self.categories), size=count, p=w).astype(np.int8)

    def _target_friends(
        self, archetype: Archetype, count: int, rng: np.random.Generator
    ) -> np.ndarray:
        g = self.scenario.graph
        mean = {
            Archetype.MERCHANT: g.customers_per_merchant,
            Archetype.SELLER: g.customers_per_seller,
            Archetype.SPAMMER: g.customers_per_spammer,
        }[archetype]
        return np.maximum(1, np.rint(mean * rng.lognormal(-0.125, 0.5, count))).astype(np.int32)

    def _add_commercial(
        self,
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
        if count <= 0:
            return np.zeros(0, np.int64)
        target = extra.pop("target_friends", None)
        if target is None:
            target = self._target_friends(archetype, count, rng)
        center = rng.integers(0, self.n_regular, count).astype(np.int32)
        if archetype in (Archetype.SELLER, Archetype.SPAMMER) and np.isscalar(style) and style == 0:
            style = self._initial_styles(count, rng, int(archetype == Archetype.SPAMMER))
        extra.setdefault("profit", self.scenario.sellers.profit_reference)
        ids = self.accounts.append(
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
        if full:
            self.graph.add_customers(ids, np.asarray(target), center, rng)
        return ids

    def _initial_styles(self, count: int, rng: np.random.Generator, cls: int) -> np.ndarray:
        """Newcomers mostly write plainly; more obfuscate when obfuscation is seen working.

        ``cls`` is 0 for sellers (they watch offers) and 1 for spammers (they watch spam).
        """
        s = self.scenario.sellers
        seen = self.surviving_obfuscated[cls]
        p_obf = s.evasion_initial + (1 - s.evasion_initial) * s.imitation * seen
        obf = rng.random(count) < p_obf
        styles = np.zeros(count, np.int8)
        styles[obf] = self._choose_styles(int(obf.sum()), rng, cls, exclude_none=True)
        return styles

    def _choose_styles(
        self, count: int, rng: np.random.Generator, cls: int, exclude_none: bool = False
    ) -> np.ndarray:
        """Pick how to write: prior preference × (what survives × what still sells)."""
        s = self.scenario.sellers
        prior = np.array(
            [0.0 if exclude_none else np.mean(list(s.style_prior.values()))]
            + [s.style_prior.get(name, 0.0) for name in STYLES[1:]]
        )
        value = self.style_survival[cls] * self.style_efficiency
        weights = prior * ((1 - s.imitation) + s.imitation * value / max(value.max(), 1e-9))
        if weights.sum() <= 0:
            weights = prior if prior.sum() > 0 else np.ones(len(STYLES))
        return rng.choice(len(STYLES), size=count, p=weights / weights.sum()).astype(np.int8)

    def _note_watch_links(self, src: np.ndarray, dst: np.ndarray) -> None:
        hit = self._watch_mask[dst]
        if hit.any():
            self._watch_viewer = np.concatenate([self._watch_viewer, dst[hit]])
            self._watch_author = np.concatenate([self._watch_author, src[hit]])

    @property
    def style_efficiency(self) -> np.ndarray:
        eff = self.scenario.sellers.style_efficiency
        return np.array([eff.get(name, 1.0) for name in STYLES])

    # ----------------------------------------------------------------- queries
    def set_policy(self, policy: Policy) -> None:
        """Put another policy in force from the next day on (strikes and queues start afresh).

        The GUI calls this when the user edits the policy mid-run; the last valid policy
        stays in force until then.
        """
        self.policy = policy
        self.session = policy.start(
            RunContext(
                self.categories, self.scenario.locale, self.rng["policy"], self.scenario.days
            )
        )
        self.announcements = [a for a in self.announcements if a.day < self.day]
        self.announcements += [a for a in policy.announcements() if a.day >= self.day]

    def set_param(self, key: str, value: Any) -> None:
        """Change a scenario parameter; it takes effect from the next day (live, as in NetLogo)."""
        self.scenario = self.scenario.with_changes({key: value})

    def watched_friends(self, viewer: int) -> np.ndarray:
        row = self.graph.people
        people = row.indices[row.indptr[viewer] : row.indptr[viewer + 1]]
        commercial = self._watch_author[self._watch_viewer == viewer]
        return np.union1d(people, commercial).astype(np.int64)

    def risk_multiplier(self, day: int) -> np.ndarray:
        """Per category, how much more risk sellers weigh because of announcements so far.

        The fear an announcement instils fades with time unless enforcement renews it.
        """
        mult = np.ones(len(self.categories))
        for a in self.announcements:
            if a.day <= day:
                cats = [self.categories.index(c) for c in a.categories if c in self.categories]
                sel = cats if cats else slice(None)
                fade = math.exp(-(day - a.day) / self.scenario.sellers.announcement_fade_days)
                mult[sel] = np.maximum(mult[sel], 1.0 + (a.risk_multiplier - 1.0) * fade)
        return mult

    def feed(self, viewer: int, day: int):
        """What watched user ``viewer`` saw on ``day``: the stored feed, newest first."""
        import pandas as pd

        from simulation.world.views import feed_frame

        return (
            feed_frame(self, viewer, day)
            if viewer in set(self.watched.tolist())
            else (pd.DataFrame())
        )

    def account(self, account: int) -> dict[str, Any]:
        """Everything known about one account: archetype, status, strikes' outcomes, events."""
        from simulation.world.views import account_info

        return account_info(self, account)

    # ----------------------------------------------------------------- the day
    def step(self) -> DayRecord | None:
        """Advance one day; returns its record (None for the unrecorded warm-up days)."""
        d = self.day
        tally: dict[str, float] = {}
        self._events(d, tally)
        self._lifecycle(d, tally)
        acc = self.accounts
        viewer_active = np.zeros(acc.n, bool)
        reg_status = acc.status[: self.n_regular]
        viewer_active[: self.n_regular] = (reg_status == Status.ACTIVE) | (
            reg_status == Status.RESTRICTED
        )
        self.audience = self.graph.audience(acc.n, viewer_active[: self.n_regular])
        new = self._post(d, tally)
        first_new = self.posts.n - len(new)
        if d >= 0:
            self._sample(d, first_new)
        decisions = self.session.decide(self._batch(d, first_new))
        self._apply(d, decisions, tally)
        self._expose(d, tally)
        self._sellers(d, tally)
        self._churn(d, tally)
        self._trim(d)
        self.day += 1
        if d < 0:
            return None
        record = self._record(d, tally, decisions)
        for listener in self.listeners:
            listener(record)
        return record

    def run(self, days: int | None = None, progress: Callable[[int], None] | None = None) -> None:
        for _ in range(self.scenario.days if days is None else days):
            self.step()
            if progress:
                progress(self.day)

    # events ------------------------------------------------------------
    def _events(self, d: int, tally: dict[str, float]) -> None:
        for event in self.scenario.events:
            if event.day != d:
                continue
            if event.announce is not None:
                self.announcements.append(
                    Announcement(
                        d, event.announce.risk_multiplier, tuple(event.announce.categories)
                    )
                )
            elif event.set is not None:
                self.scenario = self.scenario.with_changes(event.set)
            elif event.spawn is not None:
                rng = self.rng["entry"]
                for archetype, count in event.spawn.items():
                    arch = {
                        "restricted_seller": Archetype.SELLER,
                        "spammer": Archetype.SPAMMER,
                        "micro_merchant": Archetype.MERCHANT,
                    }[archetype]
                    cat: Any = -1
                    if arch == Archetype.SELLER:
                        cat = (
                            np.full(count, self.categories.index(event.category), np.int8)
                            if event.category
                            else self._seller_categories(count, rng)
                        )
                    self._add_commercial(arch, count, d, rng, full=False, category=cat)

    # lifecycle ---------------------------------------------------------
    def _lifecycle(self, d: int, tally: dict[str, float]) -> None:
        acc, rng = self.accounts, self.rng["entry"]
        sc = self.scenario
        lapsed = (acc.status == Status.RESTRICTED) & (acc.restricted_until <= d)
        acc.status[lapsed] = Status.ACTIVE
        # re-registration: a fresh account, no friends, same person and know-how
        back = np.flatnonzero((acc.status == Status.BANNED) & (acc.reregister_day == d))
        acc.reregister_day[back] = -1
        for arch, name in ((Archetype.SELLER, "seller"), (Archetype.SPAMMER, "spammer")):
            who = back[acc.archetype[back] == arch]
            tally[f"reregistrations.{name}"] = len(who)
            if len(who):
                style = acc.style[who].copy()
                rethink = rng.random(len(who)) < sc.sellers.rethink_after_ban
                style[rethink] = self._choose_styles(
                    int(rethink.sum()), rng, int(arch == Archetype.SPAMMER)
                )
                self._add_commercial(
                    arch,
                    len(who),
                    d,
                    rng,
                    full=False,
                    category=acc.category[who],
                    style=style,
                    target_friends=acc.target_friends[who],
                    predecessor=who.astype(np.int32),
                    generation=acc.generation[who] + 1,
                    device_flag=True,
                    profit=acc.profit[who] * 0.5,
                    risk=acc.risk[who],
                )
        # entry of new sellers, in proportion to demand and to the profit of those in business
        scale = self.n_initial / 10_000
        mult = self.risk_multiplier(d)
        sellers = (acc.archetype == Archetype.SELLER) & (acc.status == Status.ACTIVE)
        cat = acc.category[sellers]
        n_cat = np.bincount(cat, minlength=len(self.categories))
        profit_sum = np.bincount(cat, weights=acc.profit[sellers], minlength=len(self.categories))
        mean_profit = np.where(
            n_cat > 0, profit_sum / np.maximum(n_cat, 1), 2 * sc.sellers.profit_reference
        )
        attract = np.clip(mean_profit / sc.sellers.profit_reference, 0.1, 3.0) / mult
        lam = sc.sellers.entry_per_day * scale * self.demand * attract
        entries = rng.poisson(lam)
        for c, k in enumerate(entries):
            tally[f"seller_entries.{self.categories[c]}"] = int(k)
            if k:
                self._add_commercial(
                    Archetype.SELLER, int(k), d, rng, full=False, category=np.full(k, c, np.int8)
                )
        k = int(rng.poisson(sc.spammers.entry_per_day * scale))
        tally["spammer_entries"] = k
        self._add_commercial(Archetype.SPAMMER, k, d, rng, full=False)
        # commercial accounts add customers until they reach their target
        need = acc.target_friends - acc.friends_added
        growing = np.flatnonzero(
            (need > 0)
            & (acc.archetype != Archetype.REGULAR)
            & ((acc.status == Status.ACTIVE) | (acc.status == Status.RESTRICTED))
        )
        if len(growing):
            gain = np.minimum(
                need[growing], rng.poisson(sc.graph.friends_regained_per_day, len(growing))
            )
            acc.friends_added[growing] += gain
            before = self.graph.n_links
            self.graph.add_customers(growing, gain, acc.center[growing], self.rng["graph"])
            self._note_watch_links(self.graph.link_src[before:], self.graph.link_dst[before:])

    # posting -------------------------------------------------------------
    def _post(self, d: int, tally: dict[str, float]) -> NewPosts:
        acc, sc = self.accounts, self.scenario
        tired = np.ones(acc.n)
        tired_mask = acc.feed_ad_share > sc.churn.threshold
        tired[tired_mask] = 1.0 - sc.churn.dampening
        new = generate(acc, sc, tired, self.topic_p, self.rng["posting"])
        pool_category = np.select(
            [new.kind == ContentKind.OFFER, new.kind == ContentKind.LIFE],
            [new.category, new.topic],
            -1,
        )
        text = self.pool.sample(
            self.rng["text"], new.kind, pool_category, new.style, new.topic >= 0
        )
        if self.corpus_buckets is not None:  # real text for a share of posts (corpus_text.py)
            from simulation.world.content.corpus_mix import draw_corpus_texts

            text = draw_corpus_texts(self.corpus_buckets, new, text, self.rng["text"])
        potential = self.audience[new.author] * sc.exposure.view_prob
        self.posts.append(
            len(new),
            day=d,
            hour=new.hour,
            author=new.author,
            kind=new.kind,
            category=new.category,
            style=new.style,
            text=text,
            potential=potential,
        )
        kc = np.bincount(new.kind, minlength=4)
        self.totals["created"] += kc
        for k, name in enumerate(KINDS):
            tally[f"posts_created.{name}"] = int(kc[k])
        offers = new.kind == ContentKind.OFFER
        cc = np.bincount(new.category[offers], minlength=len(self.categories))
        for c, name in enumerate(self.categories):
            tally[f"offers_created.{name}"] = int(cc[c])
        sc_ = np.bincount(new.style[offers], minlength=len(STYLES))
        for s, name in enumerate(STYLES):
            tally[f"offers_by_style.{name}"] = int(sc_[s])
        viol = _violating(new.kind)
        offenders = new.author[viol]
        self.accounts.last_violation_day[offenders] = d
        np.add.at(self.accounts.violations, offenders, 1)
        tally["obfuscated_share"] = (
            float((new.style[offers] != EvasionStyle.NONE).mean()) if offers.any() else math.nan
        )
        self._new_posts = new
        return new

    def _batch(self, d: int, first_new: int) -> DayBatch:
        posts, acc = self.posts, self.accounts
        n_new = posts.n - first_new
        reported = np.flatnonzero(posts.new_reports[:first_new] > 0)
        reported = reported[np.isinf(posts.removed_age[reported])]
        rows = np.concatenate([np.arange(first_new, posts.n), reported])
        stage = np.concatenate(
            [np.full(n_new, Stage.UPLOAD, np.int8), np.full(len(reported), Stage.REPORT, np.int8)]
        )
        author = posts.author[rows]
        ordinal = np.zeros(len(rows), np.int32)
        ordinal[:n_new] = ordinal_per_author(author[:n_new])
        new_reports = posts.new_reports[rows].copy()
        posts.new_reports[reported] = 0
        kind = posts.kind[rows]
        return DayBatch(
            day=d,
            post_id=(rows + posts.base).astype(np.int64),
            posted_day=posts.day[rows],
            hour=posts.hour[rows],
            author=author,
            account_kind=acc.kind[author],
            account_age_days=(d - acc.join_day[author]).astype(np.int32),
            friend_count=np.rint(self.audience[author]).astype(np.int32),
            posts_today=ordinal,
            prior_ban_device=acc.device_flag[author],
            text_id=posts.text[rows],
            stage=stage,
            reports=posts.reports[rows],
            new_reports=new_reports,
            texts=TextView(self.pool.texts, self.pool.has_image),
            perceived=PerceptionView(kind=kind, category=posts.category[rows]),
        )

    # decisions -------------------------------------------------------------
    def _apply(self, d: int, dec: DayDecisions, tally: dict[str, float]) -> None:
        from simulation.world.decisions import apply_decisions

        apply_decisions(self, d, dec, tally)

    # exposure ----------------------------------------------------------------
    def _expose(self, d: int, tally: dict[str, float]) -> None:
        from simulation.world.exposure import expose_day

        expose_day(self, d, tally)

    def _sellers(self, d: int, tally: dict[str, float]) -> None:
        from simulation.world.sellers import seller_day

        seller_day(self, d, tally)

    def _churn(self, d: int, tally: dict[str, float]) -> None:
        sc, acc = self.scenario.churn, self.accounts
        reg = acc.status[: self.n_regular]
        share = self._viewer_ad_share
        seen = ~np.isnan(share)
        a = 1.0 - math.exp(-1.0 / sc.memory_days)
        mem = acc.feed_ad_share[: self.n_regular]
        mem[seen] += a * (share[seen] - mem[seen])
        tired = (reg == Status.ACTIVE) & (mem > sc.threshold)
        leave = tired & (self.rng["churn"].random(self.n_regular) < sc.daily_prob)
        reg[leave] = Status.CHURNED
        acc.status_day[: self.n_regular][leave] = d
        tally["regular_active"] = int(((reg == Status.ACTIVE) | (reg == Status.RESTRICTED)).sum())
        tally["regular_churned"] = int((reg == Status.CHURNED).sum())

    def _sample(self, d: int, first_new: int) -> None:
        from simulation.world.sampling import sample_day

        sample_day(self, d, first_new)

    def _record(self, d: int, tally: dict[str, float], dec: DayDecisions) -> DayRecord:
        from simulation.world.decisions import rule_statistics

        acc = self.accounts
        active = acc.status == Status.ACTIVE
        for c, name in enumerate(self.categories):
            tally[f"sellers_active.{name}"] = int(
                (active & (acc.archetype == Archetype.SELLER) & (acc.category == c)).sum()
            )
        tally["spammers_active"] = int((active & (acc.archetype == Archetype.SPAMMER)).sum())
        tally["merchants_active"] = int((active & (acc.archetype == Archetype.MERCHANT)).sum())
        tally["review_backlog"] = dec.review_backlog
        tally["reviewed"] = dec.reviewed
        tally["review_hours"] = dec.review_hours
        tally["appeals"] = dec.appeals
        tally["overturned"] = dec.overturned
        row = {"day": float(d)}
        for col in columns(self.categories):
            value = tally.get(col, 0.0)
            row[col] = float(value)
        record = DayRecord(d, row, rule_statistics(self, d, dec))
        self.records.append(record)
        return record

    def _trim(self, d: int) -> None:
        """Forget posts older than the retention window, tallying their final state."""
        from simulation.world.sampling import finish_samples

        keep_from = d - self.scenario.engine.retention_days + 1
        days = self.posts.day
        cut = int(np.searchsorted(days, keep_from, side="left"))
        if cut <= 0:
            return
        finish_samples(self, 0, cut)
        self._tally_final(0, cut)
        self.posts.trim_front(cut)

    def _tally_final(self, start: int, stop: int) -> None:
        """Count the final fate of rows ``[start, stop)``: all of them, and the run's own."""
        kind = self.posts.kind[start:stop]
        removed = ~np.isinf(self.posts.removed_age[start:stop])
        self.totals["removed_checked"] += np.bincount(kind[removed], minlength=4)
        self.totals["surviving_checked"] += np.bincount(kind[~removed], minlength=4)
        first = getattr(self, "first_run_post", None)
        if first is None:  # still warming up: nothing of the run's own yet
            return
        own = (np.arange(start, stop) + self.posts.base) >= first
        self.totals["run_removed"] += np.bincount(kind[own & removed], minlength=4)
        self.totals["run_surviving"] += np.bincount(kind[own & ~removed], minlength=4)

    def post_fates(self) -> tuple[np.ndarray, np.ndarray]:
        """Removed and surviving counts, by content kind, of the posts made in the run.

        Posts carried in from the warm-up are left out, so that recall (the share of the
        run's violating posts taken down) never exceeds 1.
        """
        removed = self.totals["run_removed"].copy()
        surviving = self.totals["run_surviving"].copy()
        posts = self.posts
        own = (np.arange(posts.n) + posts.base) >= self.first_run_post
        gone = ~np.isinf(posts.removed_age)
        removed += np.bincount(posts.kind[own & gone], minlength=4)
        surviving += np.bincount(posts.kind[own & ~gone], minlength=4)
        return removed, surviving

    def finish(self) -> None:
        """Close the books: tally every post still held (call once, after the last day)."""
        from simulation.world.sampling import finish_samples

        finish_samples(self, 0, self.posts.n)
        self._tally_final(0, self.posts.n)
        self.posts.trim_front(self.posts.n)

    # results ----------------------------------------------------------------
    def metrics_frame(self):
        import pandas as pd

        cols = ["day", *columns(self.categories)]
        frame = pd.DataFrame([r.metrics for r in self.records], columns=cols)
        frame["day"] = frame["day"].astype(int)
        return frame

    def rule_frame(self):
        import pandas as pd

        rows = [r for rec in self.records for r in rec.rules]
        from simulation.world.decisions import RULE_COUNTS

        return pd.DataFrame(rows, columns=["day", "rule", "name", *RULE_COUNTS])
