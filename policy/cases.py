"""Rule unit tests: sample posts with author signals and the expected decision.

A cases file (YAML) sits beside a policy (``<name>.cases.yaml``)::

    cases:
      - name: vape offer from a personal account is removed
        text: "Selling vape pens, DM me"
        author: {kind: personal, age_days: 200, strikes: 0}
        expect: {action: remove, rule: restricted-offer-personal, account: warn}

``expect`` may be just an action (``expect: remove``). Each case runs through a fresh
session with the real decision code, on ``day`` (default: the day the policy's last
phase starts), so a case can never pass while the engine would do something else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from policy import messages as M
from policy.errors import LocatedError
from policy.explanation import run_one, summarize
from policy.messages import did_you_mean, msg
from policy.model import CompiledPolicy
from policy.ranges import Count, Day, Seed, Strikes
from policy.yamlfile import Located, read_yaml, validate


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Author(_Strict):
    kind: Literal["personal", "official"] = "personal"
    age_days: Day = 365
    friends: Count = 100
    posts_today: Count = Field(default=1, ge=1)
    strikes: Strikes = 0.0
    prior_ban_device: bool = False


class Post(_Strict):
    stage: Literal["upload", "report"] = "upload"
    reports: Count = 0
    new_reports: Count | None = None
    hour: float = Field(default=12.0, ge=0.0, lt=24.0)
    image: bool = False
    posted_day: Day | None = None
    channel: Literal["moments", "chat", "group"] = "moments"


class Truth(_Strict):
    kind: Literal["life", "ad", "spam", "offer"] = "life"
    category: str | None = None


class Expect(_Strict):
    action: Literal["allow", "label", "downrank", "remove", "review", "restrict", "ban"]
    rule: str | None = None
    account: Literal["warn", "restrict", "ban", "none"] | None = None


class Case(_Strict):
    name: str
    text: str = ""
    day: Day | None = None
    author: Author = Field(default_factory=Author)
    post: Post = Field(default_factory=Post)
    truth: Truth = Field(default_factory=Truth)
    assume: dict[str, bool | str | list[str]] = Field(default_factory=dict)
    seed: Seed = 0
    expect: Expect | Literal["allow", "label", "downrank", "remove", "review", "restrict", "ban"]


class CasesFile(_Strict):
    cases: list[Case] = Field(min_length=1)


@dataclass
class CaseResult:
    name: str
    passed: bool
    expected: str
    got: str
    evidence: list[str]
    line: int


def load_cases(path: str | Path) -> tuple[CasesFile, Located]:
    """Read and validate a cases file; :class:`LocatedError` names every bad field."""
    located = read_yaml(path)
    return validate(CasesFile, located), located


def run_cases(policy: CompiledPolicy, path: str | Path) -> list[CaseResult]:
    cases, located = load_cases(path)
    problems = [p for i, c in enumerate(cases.cases) for p in _unknown_names(policy, located, i, c)]
    if problems:
        raise LocatedError(problems)
    return [run_case(policy, c, located.where(("cases", i))[0]) for i, c in enumerate(cases.cases)]


def _unknown_names(policy: CompiledPolicy, located: Located, i: int, c: Case) -> list:
    """Problems with the names case ``i`` gives that the policy does not have: a detector
    or category to assume, the rule to expect, the true category of an offer. Each used to
    make the case fail (or pass) without saying why: an expected rule 'vape-ofer' only
    showed as a mismatch, a truth category 'tobaco' quietly became 'no category'."""
    problems = []
    defined = ", ".join(policy.detectors)
    for name, value in c.assume.items():
        path = ("cases", i, "assume", name)
        if name not in policy.detectors:
            unknown = msg(
                M.UNKNOWN_DETECTOR,
                name=name,
                hint=did_you_mean(name, policy.detectors),
                defined=msg(M.DEFINED, names=defined) if defined else msg(M.NO_DETECTORS),
            )
            problems.append(located.problem(path, unknown, key=True))
        for cat in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
            if cat not in policy.categories:
                hint = did_you_mean(cat, policy.categories)
                problems.append(located.problem(path, msg(M.UNKNOWN_CATEGORY, name=cat, hint=hint)))
    rule = c.expect.rule if isinstance(c.expect, Expect) else None
    if rule is not None and rule not in policy.rule_names:
        hint = did_you_mean(rule, policy.rule_names)
        problems.append(
            located.problem(
                ("cases", i, "expect", "rule"), msg(M.UNKNOWN_RULE, name=rule, hint=hint)
            )
        )
    offers = [x for x in policy.categories if x not in ("spam", "ad")]  # the engine's
    cat = c.truth.category
    if cat is not None and cat not in offers:
        problems.append(
            located.problem(
                ("cases", i, "truth", "category"),
                msg(
                    M.UNKNOWN_CATEGORY_KNOWN,
                    name=cat,
                    hint=did_you_mean(cat, offers),
                    known=", ".join(offers),
                ),
            )
        )
    return problems


def run_case(policy: CompiledPolicy, c: Case, line: int = 0) -> CaseResult:
    signals = {
        "kind": c.author.kind,
        "age_days": c.author.age_days,
        "friends": c.author.friends,
        "posts_today": c.author.posts_today,
        "strikes": c.author.strikes,
        "prior_ban_device": c.author.prior_ban_device,
        "stage": c.post.stage,
        "reports": c.post.reports,
        "hour": c.post.hour,
        "has_image": c.post.image,
        "channel": c.post.channel,
        "truth": c.truth.kind,
        "category": c.truth.category or -1,
    }
    if c.post.new_reports is not None:
        signals["new_reports"] = c.post.new_reports
    day = c.day
    if c.post.posted_day is not None:
        signals["posted_day"] = c.post.posted_day
    _session, batch, out = run_one(policy, c.text, signals, day=day, assume=c.assume, seed=c.seed)
    action, rule, account = summarize(policy, out, int(batch.stage[0]))
    exp = c.expect if isinstance(c.expect, Expect) else Expect(action=c.expect)
    ok = action == exp.action
    if exp.rule is not None:
        ok &= rule == exp.rule
    if exp.account is not None:
        ok &= (account or "none") == exp.account
    got = (
        f"{action}"
        + (f" by {rule!r}" if rule else "")
        + (f", account {account}" if account else "")
    )
    want = (
        f"{exp.action}"
        + (f" by {exp.rule!r}" if exp.rule else "")
        + (f", account {exp.account}" if exp.account else "")
    )
    evidence = list(out.posts.evidence or []) + list(out.accounts.reason or [])
    return CaseResult(c.name, bool(ok), want, got, evidence, line)
