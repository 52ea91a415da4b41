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
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from policy.errors import Issue, PolicyError, format_path
from policy.explanation import run_one, summarize
from policy.loader import _pydantic_issues
from policy.model import CompiledPolicy
from policy.yamlpos import parse_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Author(_Strict):
    kind: Literal["personal", "official"] = "personal"
    age_days: int = Field(default=365, ge=0)
    friends: int = Field(default=100, ge=0)
    posts_today: int = Field(default=1, ge=1)
    strikes: float = Field(default=0.0, ge=0.0)
    prior_ban_device: bool = False


class Post(_Strict):
    stage: Literal["upload", "report"] = "upload"
    reports: int = Field(default=0, ge=0)
    new_reports: int | None = Field(default=None, ge=0)
    hour: float = Field(default=12.0, ge=0.0, lt=24.0)
    image: bool = False
    posted_day: int | None = None


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
    day: int | None = Field(default=None, ge=0)
    author: Author = Field(default_factory=Author)
    post: Post = Field(default_factory=Post)
    truth: Truth = Field(default_factory=Truth)
    assume: dict[str, bool | str | list[str]] = Field(default_factory=dict)
    seed: int = 0
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


def load_cases(path: str | Path) -> tuple[CasesFile, Any]:
    text = Path(path).read_text(encoding="utf-8")
    located = parse_yaml(text, str(path))
    try:
        return CasesFile.model_validate(located.data), located
    except ValidationError as exc:
        issues = _pydantic_issues(exc, located)
        # _pydantic_issues suggests policy keys; re-word for the cases schema
        raise PolicyError(
            [
                Issue(i.file, i.line, i.column, i.field, i.message.split("; expected one of")[0])
                for i in issues
            ]
        ) from None


def run_cases(policy: CompiledPolicy, path: str | Path) -> list[CaseResult]:
    cases, located = load_cases(path)
    issues = []
    for i, c in enumerate(cases.cases):
        for name in c.assume:
            if name not in policy.detectors:
                line, col = located.where(("cases", i, "assume", name), key=True)
                issues.append(
                    Issue(
                        str(path),
                        line,
                        col,
                        format_path(("cases", i, "assume", name)),
                        f"unknown detector '{name}'",
                    )
                )
    if issues:
        raise PolicyError(issues)
    return [run_case(policy, c, located.where(("cases", i))[0]) for i, c in enumerate(cases.cases)]


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
