"""A policy in force during one run: rules over each day's batch, then review,
the strike ladder and appeals.

Rule semantics (also in docs/policy-language.md):

- Rules are tried in order of ``priority`` (higher first), ties in file order.
- ``first_match`` (default): a post is decided by the first matching live rule;
  later rules do not see it. ``all_match``: every matching live rule fires (each
  emits its action and adds its strikes), except that a matching ``allow`` rule
  stops the rules after it (a whitelist).
- A ``shadow: true`` rule is evaluated at its place in the order and recorded
  (rows with ``shadow=True``) but never acts, never gives strikes and never stops
  later rules. Shadow ``restrict``/``ban`` rules record an ALLOW row (the
  interface has no shadow account actions) whose evidence says what they would do.
- A post made on a day its rule was not in force (``Policy.in_force``: reports that piled
  up before the start reach the rules on their first day) is judged like any other, but
  earns no strikes, and a ``restrict``/``ban`` rule does not act on its author for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from policy.conditions import DetectorOutput
from policy.detectors import NormCache, TextCache, TextDetector
from policy.enforcement import LADDER_ACTIONS, StrikeBook
from policy.evidence import explaining, masks, reads, text_evidence
from policy.interface import (
    AccountAction,
    AccountDecisions,
    ContentKind,
    DayBatch,
    DayDecisions,
    PostAction,
    PostDecisions,
    RuleHits,
    RunContext,
    Stage,
)
from policy.model import POST_ACTIONS, CompiledPolicy, Rule
from policy.normalize import make_normalizer
from policy.reasons import ENGLISH
from policy.review import Appeals, ReviewQueue

STAGE_NAMES = {0: "upload", 1: "report", 2: "review", 3: "appeal"}
# the English of each reason (policy.reasons: one template table, read back by the app)
_LADDER, _STEP, _STEP_DAYS = ENGLISH["ladder"], ENGLISH["step"], ENGLISH["step_days"]
_RULE_ACCOUNT = ENGLISH["rule_account"]
_FIRED = {False: (ENGLISH["fired"], ENGLISH["fired_on"])}
_FIRED[True] = (ENGLISH["fired_shadow"], ENGLISH["fired_shadow_on"])  # a shadow rule's
_REVIEWED = {True: ENGLISH["review_confirmed"], False: ENGLISH["review_rejected"]}
_APPEAL = {False: ENGLISH["appeal"], True: ENGLISH["appeal_wrong"]}


class BatchFrame:
    """Signals and detector outputs of one batch, computed lazily and once."""

    def __init__(self, batch: DayBatch, session: YamlSession) -> None:
        self.batch = batch
        self.session = session
        self.n = len(batch)
        self._sig: dict[str, np.ndarray] = {}
        self._det: dict[str, DetectorOutput] = {}

    def signal(self, name: str) -> np.ndarray:
        if name not in self._sig:
            b = self.batch
            getters: dict[str, Callable[[], np.ndarray]] = {
                "account_kind": lambda: b.account_kind,
                "account_age_days": lambda: b.account_age_days,
                "friends": lambda: b.friend_count,
                "posts_today": lambda: b.posts_today,
                "strikes": lambda: self.session.strikes_of(b.author, b.day),
                "reports": lambda: b.reports,
                "new_reports": lambda: b.new_reports,
                "has_image": lambda: np.asarray(b.texts.has_image, dtype=bool)[b.text_id],
                "stage": lambda: b.stage,
                "hour": lambda: b.hour,
                "post_age_days": lambda: b.day - b.posted_day,
                "channel": b.channels,
            }
            self._sig[name] = getters[name]()
        return self._sig[name]

    def detector(self, name: str) -> DetectorOutput:
        if name not in self._det:
            self._det[name] = self.session.detect(name, self.batch)
        return self._det[name]

    def cats(self, names: Sequence[str]) -> np.ndarray:
        out = np.zeros(self.n, dtype=np.uint64)
        for d in names:
            out |= self.detector(d).cats
        return out


class _Flags:
    """A growable boolean per account id (dense: account ids are small integers)."""

    def __init__(self) -> None:
        self.a = np.zeros(1024, dtype=bool)

    def get(self, ids: np.ndarray) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64)
        out = np.zeros(ids.shape[0], dtype=bool)
        inside = ids < self.a.shape[0]
        out[inside] = self.a[ids[inside]]
        return out

    def set(self, ids: np.ndarray, value: bool) -> None:
        ids = np.asarray(ids, dtype=np.int64)
        if ids.shape[0] and ids.max() >= self.a.shape[0]:
            grown = np.zeros(max(int(ids.max()) + 1, 2 * self.a.shape[0]), dtype=bool)
            grown[: self.a.shape[0]] = self.a
            self.a = grown
        self.a[ids] = value


def _add(columns: dict[str, list], n: int, **values: tuple) -> None:
    """Append ``n`` rows to each named column: a value per row, or one value for all
    (broadcast), as its dtype (``name=(value, dtype)``)."""
    for name, (value, dtype) in values.items():
        columns[name].append(np.broadcast_to(np.asarray(value, dtype), (n,)))


class _Rows:
    """Accumulates decision rows as arrays, concatenated once at the end of the day."""

    def __init__(self) -> None:
        self.post: dict[str, list] = {
            k: []
            for k in (
                "post_id",
                "action",
                "at_hours",
                "rule",
                "stage",
                "factor",
                "shadow",
                "evidence",
            )
        }
        self.acct: dict[str, list] = {
            k: [] for k in ("account", "action", "until_day", "rule", "at_hour", "reason")
        }
        self.hit: dict[str, list] = {k: [] for k in ("post_id", "rule", "stage")}

    def posts(
        self, post_id, action, at_hours, rule, stage, factor=1.0, shadow=False, evidence=None
    ) -> None:
        n = len(post_id)
        if not n:
            return
        _add(
            self.post,
            n,
            post_id=(post_id, np.int64),
            action=(action, np.int8),
            at_hours=(at_hours, np.float32),
            rule=(rule, np.int16),
            stage=(stage, np.int8),
            factor=(factor, np.float32),
            shadow=(shadow, np.bool_),
        )
        self.post["evidence"].extend(evidence if evidence is not None else [""] * n)

    def accounts(self, account, action, until_day, rule, at_hour, reason) -> None:
        n = len(account)
        if not n:
            return
        _add(
            self.acct,
            n,
            account=(account, np.int32),
            action=(action, np.int8),
            until_day=(until_day, np.int32),
            rule=(rule, np.int16),
            at_hour=(at_hour, np.float32),
        )
        self.acct["reason"].extend(reason)

    def rule_hits(self, post_id, rule, stage) -> None:
        """Posts a live restrict/ban rule fired on (its action is an account row)."""
        n = len(post_id)
        if n:
            _add(
                self.hit,
                n,
                post_id=(post_id, np.int64),
                rule=(rule, np.int16),
                stage=(stage, np.int8),
            )

    def build_hits(self) -> RuleHits:
        h = self.hit
        if not h["post_id"]:
            return RuleHits()
        return RuleHits(*(np.concatenate(h[k]) for k in ("post_id", "rule", "stage")))

    def build(self, evidence: bool) -> tuple[PostDecisions, AccountDecisions]:
        p, a = self.post, self.acct
        posts = (
            PostDecisions()
            if not p["post_id"]
            else PostDecisions(
                *(
                    np.concatenate(p[k])
                    for k in ("post_id", "action", "at_hours", "rule", "stage", "factor", "shadow")
                ),
                evidence=p["evidence"] if evidence else None,
            )
        )
        accts = (
            AccountDecisions()
            if not a["account"]
            else AccountDecisions(
                *(
                    np.concatenate(a[k])
                    for k in ("account", "action", "until_day", "rule", "at_hour")
                ),
                reason=a["reason"] if evidence else None,
            )
        )
        return posts, accts


class YamlSession:
    """Implements :class:`policy.interface.PolicySession` for a compiled policy."""

    def __init__(self, policy: CompiledPolicy, context: RunContext) -> None:
        self.policy = policy
        self.context = context
        self.norm = NormCache(make_normalizer)
        self.text_cache: dict[str, TextCache] = {}
        self.row_runs: dict[str, object] = {}
        for name, det in policy.detectors.items():
            if isinstance(det, TextDetector):
                self.text_cache[name] = TextCache()
            else:
                self.row_runs[name] = det.start(context)
        enf = policy.enforcement
        self.book = StrikeBook(enf.strikes) if enf.strikes else None
        self.review = ReviewQueue(enf.review, context.rng) if enf.review else None
        self.appeals = Appeals(enf.appeals, context.rng) if enf.appeals else None
        self.banned = _Flags()  # accounts this policy has banned (no second ban)
        self.last_violation: dict[int, int] = {}  # account -> last day it posted a violation
        self._evidence_cache: dict[tuple[int, int, int], str] = {}  # (rule, text, reads)
        self._read_cache: dict[tuple[int, int], dict[str, int]] = {}  # (rule, reads)
        self.evidence = policy.spec.evidence
        self.overrides: dict[str, DetectorOutput] = {}  # forced outputs (explain, rule tests)

    # -- detectors and signals -----------------------------------------------------------
    def detect(self, name: str, batch: DayBatch) -> DetectorOutput:
        if name in self.overrides:
            return self.overrides[name]
        if name in self.text_cache:
            cache = self.text_cache[name]
            cache.ensure(self.policy.detectors[name], batch.texts.texts, self.norm)
            return cache.gather(batch.text_id)
        return self.row_runs[name].evaluate(batch)

    def strikes_of(self, accounts: np.ndarray, day: int) -> np.ndarray:
        if self.book is None:
            return np.zeros(len(accounts))
        return self.book.current(accounts, day)

    def preload_strikes(self, account: int | np.ndarray, strikes: float, day: int) -> None:
        """Give an account (or each of an array of accounts) ``strikes`` on the day before
        ``day`` (rule test cases, ``policy explain`` and ``policy evaluate``)."""
        if self.book is not None and strikes > 0:
            accounts = np.atleast_1d(np.asarray(account, np.int64))
            n = accounts.shape[0]
            self.book.account = np.r_[self.book.account, accounts]
            self.book.day = np.r_[self.book.day, np.full(n, day - 1, np.int32)]
            self.book.weight = np.r_[self.book.weight, np.full(n, float(strikes))]
            self.book.post_id = np.r_[self.book.post_id, np.full(n, -1, np.int64)]

    # -- the day -------------------------------------------------------------------------
    def decide(self, batch: DayBatch) -> DayDecisions:
        day = batch.day
        rows = _Rows()
        strikes: list[tuple] = []  # (author, hour, weight, rule, post_id) arrays
        out = DayDecisions()
        if len(batch):
            self._note_violations(batch)
            active = self.policy.active(day)
            rules = [r for r in self.policy.order if active[r.index]]
            if rules:
                self._rules(batch, BatchFrame(batch, self), rules, rows, strikes, out)
        if self.review is not None:
            self._work_reviews(day, rows, strikes, out)
        if self.book is not None:
            self._ladder(day, rows, strikes, out)
            if day % 30 == 0:
                self.book.prune(day)
        if self.appeals is not None:
            self._decide_appeals(day, rows, out)
        out.posts, out.accounts = rows.build(self.evidence)
        out.account_rule_hits = rows.build_hits()
        out.review_backlog = len(self.review) if self.review is not None else 0
        out.review_queue = self.review is not None
        if self.review is not None:
            out.review_hours = out.reviewed * self.review.settings.minutes_per_item / 60.0
        return out

    def _note_violations(self, batch: DayBatch) -> None:
        if self.appeals is None:
            return
        viol = np.isin(batch.perceived.kind, (ContentKind.SPAM, ContentKind.OFFER))
        for a in np.unique(batch.author[viol]).tolist():
            self.last_violation[a] = batch.day

    def _rules(
        self,
        batch: DayBatch,
        frame: BatchFrame,
        rules: list[Rule],
        rows: _Rows,
        strikes: list,
        out: DayDecisions,
    ) -> None:
        day = batch.day
        n = len(batch)
        stopped = np.zeros(n, dtype=bool)
        first = self.policy.semantics == "first_match"
        decided_abs = np.where(
            batch.stage == Stage.UPLOAD, batch.posted_day * 24.0 + batch.hour, day * 24.0
        )
        posted_abs = batch.posted_day * 24.0 + batch.hour.astype(np.float64)
        for r in rules:
            idx = np.flatnonzero(r.matches(frame) & ~stopped)
            if not idx.shape[0]:
                continue
            if not r.shadow and (first or r.action == "allow"):
                stopped[idx] = True
            if self.review is not None and r.action == "review" and not r.shadow:
                idx = idx[~np.isin(batch.post_id[idx], self.review.queued())]
            self._emit(batch, frame, r, idx, decided_abs, posted_abs, rows, strikes, out)

    def _emit(
        self,
        batch,
        frame,
        r: Rule,
        idx,
        decided_abs,
        posted_abs,
        rows: _Rows,
        strikes: list,
        out: DayDecisions,
    ) -> None:
        stage = batch.stage[idx]
        at = (decided_abs[idx] - posted_abs[idx]).astype(np.float32)
        evidence = self._evidence(batch, frame, r, idx) if self.evidence else None
        if r.action in ("restrict", "ban"):
            if r.shadow:
                rows.posts(
                    batch.post_id[idx],
                    PostAction.ALLOW,
                    at,
                    r.index,
                    stage,
                    shadow=True,
                    evidence=evidence,
                )
                return
            rows.rule_hits(batch.post_id[idx], r.index, stage)
            # an account is not punished for what it posted before the rule was in force
            due = np.flatnonzero(self.policy.in_force(r.index, batch.posted_day[idx]))
            authors, first = np.unique(batch.author[idx[due]], return_index=True)
            first = due[first]  # positions in idx (and in evidence)
            keep = ~self.banned.get(authors)
            authors, first = authors[keep], first[keep]
            sel = idx[first]
            if r.action == "ban":
                self.banned.set(authors, True)
                self._lodge_accounts(batch.day, authors, r.index, out)
            until = batch.day + r.restrict_days if r.action == "restrict" else -1
            action = AccountAction.BAN if r.action == "ban" else AccountAction.RESTRICT
            reasons = [
                _RULE_ACCOUNT(r.name, r.action, evidence[i]) if evidence else ""
                for i in first.tolist()
            ]
            rows.accounts(authors, action, until, r.index, batch.hour[sel], reasons)
        else:
            action = POST_ACTIONS[r.action]
            if r.action == "remove":
                at = at + np.float32(r.delay_hours)
            rows.posts(
                batch.post_id[idx],
                action,
                at,
                r.index,
                stage,
                factor=r.factor if r.action == "downrank" else 1.0,
                shadow=r.shadow,
                evidence=evidence,
            )
            if r.shadow:
                return
            if r.action == "review" and self.review is not None:
                self.review.add(
                    batch.post_id[idx],
                    batch.author[idx],
                    posted_abs[idx],
                    decided_abs[idx],
                    np.full(idx.shape[0], r.index),
                    batch.perceived.kind[idx],
                    batch.text_id[idx],
                )
            if r.action == "remove" and self.appeals is not None:
                wrong = ~np.isin(batch.perceived.kind[idx], (ContentKind.SPAM, ContentKind.OFFER))
                out.appeals += self.appeals.lodge(
                    batch.day,
                    batch.post_id[idx],
                    batch.author[idx],
                    posted_abs[idx],
                    np.full(len(idx), r.index),
                    wrong,
                )
        if r.strikes > 0 and not r.shadow and r.action != "review":
            # a post made before the rule was in force earns no strikes from it (reports
            # that piled up before the start are judged on it, but punish no one)
            due = self.policy.in_force(r.index, batch.posted_day[idx])
            hour = (
                np.minimum(batch.hour[idx] + at, 23.99) if r.action == "remove" else batch.hour[idx]
            )
            hour = np.where(stage == Stage.UPLOAD, hour, 0.0)
            strikes.append(
                (
                    batch.author[idx][due],
                    hour[due],
                    np.full(int(due.sum()), r.strikes),
                    np.full(int(due.sum()), r.index),
                    batch.post_id[idx][due],
                )
            )

    def _evidence(self, batch, frame: BatchFrame, r: Rule, idx: np.ndarray) -> list[str]:
        """Why the rule fired on each row: the hits that made it fire (the categories its
        conditions read, the branches that held: ``policy.evidence``), cached per text."""
        fired, fired_on = _FIRED[bool(r.shadow)]
        name, act = r.name, r.action
        rd = reads(r.condition)
        # which reads explain each row (a bit each); the same for every row unless a read
        # sits under an ``any`` or a ``not``
        if all(x.always for x in rd):
            bits = None
        else:
            table = explaining(r.condition, frame, idx)
            bits = table @ (1 << np.arange(len(rd), dtype=object)) if rd else None
        every = (1 << len(rd)) - 1
        detectors = self.policy.detectors

        def read(b: int) -> dict[str, int]:  # detector -> categories, for a set of reads
            key = (r.index, b)
            if key not in self._read_cache:
                self._read_cache[key] = masks(rd, [b >> j & 1 for j in range(len(rd))])
            return self._read_cache[key]

        def text_part(tid: int, b: int) -> str:
            key = (r.index, tid, b)
            part = self._evidence_cache.get(key)
            if part is None:
                text = {d: c for d, c in read(b).items() if d in self.text_cache}
                found = text_evidence(
                    detectors, text, lambda d: self.text_cache[d].hits.get(tid, [])
                )
                parts = [str(h) for _d, hits in found for h in hits[:3]]
                part = self._evidence_cache[key] = "; ".join(parts)
            return part

        def line(tid: int, st: int, b: int, row_parts: list[str]) -> str:
            body = "; ".join(p for p in (text_part(tid, b), *row_parts) if p)
            stage = STAGE_NAMES.get(st, st)
            return fired_on(stage, name, act, body) if body else fired(stage, name, act)

        tids, stages = batch.text_id[idx], batch.stage[idx]
        row_dets = [d for d in sorted(r.detectors) if d not in self.text_cache]
        if not row_dets and bits is None:  # one string per distinct (text, stage)
            keys = tids.astype(np.int64) * 4 + stages
            uniq, inv = np.unique(keys, return_inverse=True)
            lines = np.array(
                [line(int(k) // 4, int(k) % 4, every, []) for k in uniq.tolist()], dtype=object
            )
            return lines[inv].tolist()
        out = []
        outs = {d: frame.detector(d) for d in row_dets}
        for j, (tid, st) in enumerate(zip(tids.tolist(), stages.tolist(), strict=True)):
            i = idx[j]
            b = every if bits is None else int(bits[j])
            named = read(b) if outs else {}
            row_parts = [
                str(self.row_runs[d].hit(int(o.count[i]), int(o.cats[i])))
                for d, o in outs.items()
                if o.fired[i] and d in named
            ]
            out.append(line(tid, st, b, row_parts))
        return out

    def _work_reviews(self, day: int, rows: _Rows, strikes: list, out: DayDecisions) -> None:
        done = self.review.work(day)
        out.reviewed = int(done.post_id.shape[0])
        if not out.reviewed:
            return
        names = self.policy.rule_names
        at = (done.done_abs - done.posted_abs).astype(np.float32)
        c = done.confirmed
        ev = [
            _REVIEWED[ok](names[rl], h)
            for ok, rl, h in zip(c.tolist(), done.rule.tolist(), at.tolist(), strict=True)
        ]
        ev_arr = np.array(ev, dtype=object)
        rows.posts(
            done.post_id[c],
            PostAction.REMOVE,
            at[c],
            done.rule[c],
            Stage.REVIEW,
            evidence=list(ev_arr[c]),
        )
        rows.posts(
            done.post_id[~c],
            PostAction.ALLOW,
            at[~c],
            done.rule[~c],
            Stage.REVIEW,
            evidence=list(ev_arr[~c]),
        )
        weights = np.array([self.policy.rules[i].strikes for i in done.rule.tolist()])
        give = c & (weights > 0)
        if give.any():  # no strikes for a post made before its rule was in force
            made = np.floor(done.posted_abs / 24.0).astype(np.int64)
            for rule in np.unique(done.rule[give]).tolist():
                mine = give & (done.rule == rule)
                give[mine] = self.policy.in_force(rule, made[mine])
        if give.any():
            strikes.append(
                (
                    done.author[give],
                    np.mod(done.done_abs[give], 24.0),
                    weights[give],
                    done.rule[give],
                    done.post_id[give],
                )
            )
        if self.appeals is not None and c.any():
            out.appeals += self.appeals.lodge(
                day,
                done.post_id[c],
                done.author[c],
                done.posted_abs[c],
                done.rule[c],
                ~done.violating[c],
            )

    def _ladder(self, day: int, rows: _Rows, strikes: list, out: DayDecisions) -> None:
        """Record today's strikes and emit the ladder steps they cross (vectorised)."""
        if not strikes:
            return
        acc, hour, w, rule, pid = (np.concatenate([s[k] for s in strikes]) for k in range(5))
        cross = self.book.add(
            day, acc, hour.astype(np.float64), w.astype(np.float64), rule.astype(np.int16), pid
        )
        if not cross.account.shape[0]:
            return
        ladder = self.book.settings.ladder
        is_ban = np.array([s.action == "ban" for s in ladder])[cross.step]
        # crossings are sorted by (account, hour): nothing after an account's first ban
        keep = ~self.banned.get(cross.account)
        first_ban = np.where(is_ban & keep, np.arange(cross.account.shape[0]), 1 << 62)
        uniq, inv = np.unique(cross.account, return_inverse=True)
        ban_at = np.full(uniq.shape[0], 1 << 62)
        np.minimum.at(ban_at, inv, first_ban)
        keep &= np.arange(cross.account.shape[0]) <= ban_at[inv]
        k = np.flatnonzero(keep)
        if not k.shape[0]:
            return
        step = cross.step[k]
        actions = np.array([LADDER_ACTIONS[s.action] for s in ladder], np.int8)[step]
        days = np.array([s.days or 0 for s in ladder], np.int32)[step]
        until = np.where(actions == AccountAction.RESTRICT, day + days, -1)
        reasons = None
        if self.evidence:
            names = self.policy.rule_names
            labels = [_STEP_DAYS(s.action, s.days) if s.days else _STEP(s.action) for s in ladder]
            window = self.book.settings.window_days
            reasons = [
                _LADDER(t, window, ladder[st].at, labels[st], names[rl], p)
                for t, st, rl, p in zip(
                    cross.total[k].tolist(),
                    step.tolist(),
                    cross.rule[k].tolist(),
                    cross.post_id[k].tolist(),
                    strict=True,
                )
            ]
        rows.accounts(
            cross.account[k],
            actions,
            until,
            cross.rule[k],
            cross.hour[k],
            reasons or [""] * k.shape[0],
        )
        bans = cross.account[k][actions == AccountAction.BAN]
        self.banned.set(bans, True)
        acted = actions != AccountAction.WARN
        self._lodge_accounts(day, cross.account[k][acted], cross.rule[k][acted], out)

    def _lodge_accounts(self, day: int, accounts: np.ndarray, rule, out: DayDecisions) -> None:
        if self.appeals is None or not len(accounts):
            return
        window = self.context.wrongful_window_days  # the engine's window for "wrongful"
        wrong = np.array(
            [self.last_violation.get(int(a), -(10**9)) < day - window for a in accounts.tolist()],
            dtype=bool,
        )
        n = len(accounts)
        out.appeals += self.appeals.lodge(
            day, np.full(n, -1), accounts, np.zeros(n), np.broadcast_to(rule, (n,)), wrong
        )

    def _decide_appeals(self, day: int, rows: _Rows, out: DayDecisions) -> None:
        names = self.policy.rule_names
        for a in self.appeals.decide(day):
            out.overturned += 1
            why = _APPEAL[bool(a.wrong)](names[a.rule])
            if a.post_id >= 0:
                rows.posts(
                    [a.post_id],
                    PostAction.RESTORE,
                    day * 24.0 - a.posted_abs,
                    a.rule,
                    Stage.APPEAL,
                    evidence=[why],
                )
                if self.book is not None:
                    self.book.forget_post(a.post_id)
            else:
                rows.accounts([a.account], AccountAction.REINSTATE, -1, a.rule, 0.0, [why])
                self.banned.set(np.array([a.account]), False)
                if self.book is not None:
                    self.book.forget_account(a.account)
