"""Explain what a policy does with one text: normalised text, detector hits, which
rules match, which one decides, and what happens to the author.

It runs the real session code on a one-post batch, so an explanation can never
disagree with what the engine would get.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from policy.conditions import DetectorOutput
from policy.detectors import Hit, TextDetector
from policy.interface import (
    CHANNEL_NAMES,
    AccountAction,
    DayBatch,
    DayDecisions,
    PerceptionView,
    PostAction,
    RunContext,
    Stage,
    TextView,
    scanned_channels,
)
from policy.model import SEVERITY, CompiledPolicy, Rule
from policy.session import BatchFrame, YamlSession

KINDS = {"life": 0, "ad": 1, "spam": 2, "offer": 3}
ACCOUNT_KINDS = {"personal": 0, "official": 1}
STAGES = {"upload": 0, "report": 1}
CHANNELS = {name: i for i, name in enumerate(CHANNEL_NAMES)}
SIGNAL_KEYS = {
    "account_kind",
    "kind",
    "account_age_days",
    "age_days",
    "friends",
    "friend_count",
    "posts_today",
    "strikes",
    "reports",
    "new_reports",
    "prior_ban_device",
    "stage",
    "hour",
    "has_image",
    "image",
    "truth",
    "category",
    "account",
    "posted_day",
    "channel",
}


@dataclass
class RuleTrace:
    name: str
    action: str
    matched: bool  # its condition and scope hold for this post
    fired: bool  # it actually acted (or was recorded, for shadow rules)
    shadow: bool
    in_force: bool
    # its condition holds but its scope leaves the post out: why, one part per scope key
    # that does ("account_kind is official, the rule takes personal"); empty otherwise
    out_of_scope: list[str] = field(default_factory=list)
    hit: bool = True  # the condition reads detectors (it "hit"), not signals alone


@dataclass
class Explanation:
    text: str
    day: int
    normalized: dict[str, str] = field(default_factory=dict)  # detector -> normalised text
    hits: dict[str, list[Hit]] = field(default_factory=dict)  # detector -> hits
    # detector -> candidates that do not count, with why (keyword detectors)
    set_aside: dict[str, list[str]] = field(default_factory=dict)
    rules: list[RuleTrace] = field(default_factory=list)
    action: str = "allow"  # the post decision (most severe live post action)
    rule: str | None = None  # the rule that decided it
    account: str | None = None  # warn / restrict / ban / None
    evidence: list[str] = field(default_factory=list)
    decisions: DayDecisions | None = None
    seen: bool = True  # False: a new post in a channel the policy does not scan
    # the decision is review, but the policy has no reviewers (no enforcement.review)
    unreviewed: bool = False

    def __str__(self) -> str:
        lines = [f"text: {self.text!r}  (day {self.day})"]
        if not self.seen:
            lines.append("  not seen: the policy does not scan this channel at upload")
        for d, norm in self.normalized.items():
            lines.append(f"  {d}: normalised {norm!r}")
        for d, hits in self.hits.items():
            lines.extend(f"    hit {h}" for h in hits)
            lines.extend(f"    set aside {d}: {why}" for why in self.set_aside.get(d, ()))
        for r in self.rules:
            mark = "FIRED" if r.fired else ("matched" if r.matched else "-")
            if r.out_of_scope:
                held = "hit" if r.hit else "condition holds"
                mark += f" ({held}, out of scope: {'; '.join(r.out_of_scope)})"
            extra = " (shadow)" if r.shadow else ""
            extra += "" if r.in_force else " (not in force this day)"
            lines.append(f"  rule {r.name!r} [{r.action}]{extra}: {mark}")
        verdict = f"decision: {self.action}"
        if self.rule:
            verdict += f" by rule {self.rule!r}"
        if self.unreviewed:
            verdict += (
                " (nothing reviews it: the policy has no enforcement.review section, so the "
                "post stays up as if allowed)"
            )
        if self.account:
            verdict += f"; account: {self.account}"
        lines.append(verdict)
        lines.extend(f"  evidence: {e}" for e in self.evidence)
        return "\n".join(lines)


def default_day(policy: CompiledPolicy) -> int:
    """The first day the policy's last phase is in force (a crackdown's start)."""
    return max(ph.from_day for ph in policy.phases)


def one_post_batch(text: str, signals: Mapping[str, Any], day: int) -> DayBatch:
    """A one-row batch carrying ``text`` with the author signals given."""
    sg = dict(signals)
    kind = sg.get("account_kind", sg.get("kind", "personal"))
    image = bool(sg.get("has_image", sg.get("image", False)))
    truth = sg.get("truth", "life")
    channel = sg.get("channel", "moments")
    cat = sg.get("category", -1)

    def a(v, dtype):
        return np.array([v], dtype=dtype)

    return DayBatch(
        day=day,
        post_id=a(int(sg.get("post_id", 0)), np.int64),
        posted_day=a(int(sg.get("posted_day", day)), np.int32),
        hour=a(float(sg.get("hour", 12.0)), np.float32),
        author=a(int(sg.get("account", 0)), np.int32),
        account_kind=a(ACCOUNT_KINDS[kind] if isinstance(kind, str) else int(kind), np.int8),
        account_age_days=a(int(sg.get("account_age_days", sg.get("age_days", 365))), np.int32),
        friend_count=a(int(sg.get("friends", sg.get("friend_count", 100))), np.int32),
        posts_today=a(int(sg.get("posts_today", 1)), np.int32),
        prior_ban_device=a(bool(sg.get("prior_ban_device", False)), bool),
        text_id=a(0, np.int32),
        stage=a(STAGES.get(sg.get("stage", "upload"), 0), np.int8),
        reports=a(int(sg.get("reports", 0)), np.int32),
        new_reports=a(int(sg.get("new_reports", sg.get("reports", 0))), np.int32),
        texts=TextView([text], np.array([image])),
        perceived=PerceptionView(a(KINDS.get(truth, 0), np.int8), a(cat, np.int8)),
        channel=a(CHANNELS[channel] if isinstance(channel, str) else int(channel), np.int8),
    )


def run_one(
    policy: CompiledPolicy,
    text: str,
    signals: Mapping[str, Any] | None = None,
    *,
    day: int | None = None,
    assume: Mapping[str, Any] | None = None,
    seed: int = 0,
) -> tuple[YamlSession, DayBatch, DayDecisions]:
    """Decide one post with a fresh session; ``assume`` forces detector outputs."""
    signals = dict(signals or {})
    day = default_day(policy) if day is None else day
    engine_cats = tuple(c for c in policy.categories if c not in ("spam", "ad"))
    cat = signals.get("category")
    if isinstance(cat, str):
        signals["category"] = engine_cats.index(cat) if cat in engine_cats else -1
    ctx = RunContext(engine_cats, "en_US", np.random.default_rng(seed), day + 1)
    session = policy.start(ctx)
    batch = one_post_batch(text, signals, day)
    if signals.get("strikes"):
        session.preload_strikes(int(batch.author[0]), float(signals["strikes"]), day)
    for name, value in (assume or {}).items():
        session.overrides[name] = _forced(policy, value)
    if not visible(policy, batch):  # the engine would never hand it over
        return session, batch, DayDecisions()
    return session, batch, session.decide(batch)


def visible(policy: CompiledPolicy, batch: DayBatch) -> bool:
    """Whether the platform sees a one-post batch: reported, or posted in a scanned channel."""
    return int(batch.stage[0]) != Stage.UPLOAD or int(batch.channels()[0]) in scanned_channels(
        policy
    )


def _forced(policy: CompiledPolicy, value: Any) -> DetectorOutput:
    cats = [value] if isinstance(value, str) else (value if isinstance(value, list) else [])
    mask = 0
    for c in cats:
        mask |= 1 << policy.categories.index(c)
    fired = bool(value) if not cats else True
    return DetectorOutput(
        np.array([fired]), np.array([mask], dtype=np.uint64), np.array([int(fired)], dtype=np.int32)
    )


def explain(
    policy: CompiledPolicy,
    text: str,
    signals: Mapping[str, Any] | None = None,
    *,
    day: int | None = None,
    assume: Mapping[str, Any] | None = None,
    seed: int = 0,
) -> Explanation:
    """Explain the decision on one ``text`` posted by an author with ``signals``."""
    session, batch, out = run_one(policy, text, signals, day=day, assume=assume, seed=seed)
    exp = Explanation(text=text, day=batch.day, decisions=out, seen=visible(policy, batch))
    frame = BatchFrame(batch, session)
    for name, det in policy.detectors.items():
        if isinstance(det, TextDetector):
            exp.normalized[name] = session.norm.function(det)(text)
            frame.detector(name)
            exp.hits[name] = session.text_cache[name].hits.get(0, [])
            aside = getattr(det, "set_aside", None)
            if aside is not None:
                exp.set_aside[name] = aside(text)
    active = policy.active(batch.day)
    fired_rules = set(out.posts.rule.tolist()) | set(out.accounts.rule.tolist())
    for r in policy.order:
        m = bool(r.matches(frame)[0]) and exp.seen
        trace = RuleTrace(
            r.name, r.action, m, r.index in fired_rules, r.shadow, bool(active[r.index])
        )
        if not m and exp.seen and bool(r.condition.eval(frame)[0]):
            trace.out_of_scope = out_of_scope(policy, r, frame)
            trace.hit = bool(r.detectors)
        exp.rules.append(trace)
    exp.action, exp.rule, exp.account = summarize(policy, out, int(batch.stage[0]))
    exp.unreviewed = exp.action == "review" and policy.enforcement.review is None
    exp.evidence = list(out.posts.evidence or []) + list(out.accounts.reason or [])
    return exp


def _names(codes: Any, table: Mapping[str, int]) -> str:
    return ", ".join(name for name, code in table.items() if code in codes)


def out_of_scope(policy: CompiledPolicy, r: Rule, frame: BatchFrame) -> list[str]:
    """Why ``r``'s scope leaves out the one post of ``frame``: a part per scope key that
    does (the post's value, and what the rule takes), in the order ``Rule.matches``
    checks them."""
    out = []
    kind = int(frame.signal("account_kind")[0])
    if r.account_kinds is not None and kind not in r.account_kinds:
        out.append(
            f"account_kind is {_names([kind], ACCOUNT_KINDS)}, "
            f"the rule takes {_names(r.account_kinds, ACCOUNT_KINDS)}"
        )
    channel = int(frame.signal("channel")[0])
    if r.channels is not None and channel not in r.channels:
        takes = _names(r.channels, CHANNELS)
        out.append(f"channel is {_names([channel], CHANNELS)}, the rule takes {takes}")
    stage = int(frame.signal("stage")[0])
    if stage not in r.stages:
        out.append(f"stage is {_names([stage], STAGES)}, the rule takes {_names(r.stages, STAGES)}")
    if r.scope_cats:
        found = int(frame.cats(r.scope_detectors)[0])
        if not found & r.scope_cats:
            seen = ", ".join(policy.cat_names(found)) or "none"
            out.append(
                f"categories are {seen}, the rule takes {', '.join(policy.cat_names(r.scope_cats))}"
            )
    return out


POST_NAMES = {int(a): a.name.lower() for a in PostAction}
ACCOUNT_NAMES = {int(a): a.name.lower() for a in AccountAction}


def summarize(
    policy: CompiledPolicy,
    out: DayDecisions,
    stage: int,
) -> tuple[str, str | None, str | None]:
    """(action, deciding rule, account action) for a one-post decision: the most severe
    action the post's decision took, on the post or, by a restrict or ban rule, on its
    author (the first rule in the policy's order among equals), as ``policy evaluate``
    counts a message; the account action is the strongest step taken on the author. A
    review in a policy without reviewers is no action: it heads the decision only when
    nothing else acted (``Explanation.unreviewed`` then says the post stays up)."""
    action, rule, severity = "allow", None, SEVERITY["allow"]
    unreviewed = policy.enforcement.review is None
    p = out.posts
    for i in range(len(p)):
        if p.shadow[i] or int(p.stage[i]) != stage:
            continue
        name = POST_NAMES[int(p.action[i])]
        # a review that nothing reviews leaves the post up: any action that acts heads
        # the decision before it (as ``policy evaluate`` counts it: not actioned)
        s = SEVERITY["allow"] if name == "review" and unreviewed else SEVERITY.get(name, -1)
        if s >= severity and (rule is None or s > severity):
            action, rule, severity = name, policy.rule_names[int(p.rule[i])], s
    account = None
    a = out.accounts
    for i in range(len(a)):
        name = ACCOUNT_NAMES[int(a.action[i])]
        if account is None or ["warn", "restrict", "ban"].index(name) > [
            "warn",
            "restrict",
            "ban",
        ].index(account):
            account = name
        if int(a.rule[i]) >= 0:
            # a restrict or ban rule acting on the author heads the decision when it is
            # more severe than what happened to the post (as ``policy evaluate`` counts it)
            r = policy.rules[int(a.rule[i])]
            acts = r.action in ("restrict", "ban") and not r.shadow
            if acts and SEVERITY[r.action] > severity:
                action, rule, severity = r.action, r.name, SEVERITY[r.action]
    return action, rule, account
