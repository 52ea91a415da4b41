"""The lesson file format (pydantic models), read through the project's input layer.

A lesson is a list of steps a teacher plays in the app, one click at a time::

    version: 1
    title: {en_US: Does the crackdown work?, zh_CN: 整治有用吗？}
    summary: {en_US: …, zh_CN: …}
    speed: 15                       # days per second while a step runs
    steps:
      - title: {en_US: A Friends Circle, zh_CN: 一个朋友圈}
        narration: {en_US: …, zh_CN: …}
        load:                       # a new world: scenario, policy, parameters
          scenario: {en_US: classroom, zh_CN: classroom_zh}
          policy: {en_US: crackdown, zh_CN: crackdown_zh}
        run_to: 28                  # run until 28 days are done, then pause
        highlight: [offers]
      - title: …
        narration: …
        question:                   # asked before the run; answered once it has run
          ask: {en_US: …, zh_CN: …}
          answer: {en_US: …, zh_CN: …}
          shows:                    # what the run must show for the answer to hold
            - {metric: offers_created.all, before: [20, 29], after: [36, 45],
               change: falls, by_at_least: 0.5}
        run_to: 45

What a step does, in this order: ``load`` builds a new world; ``set`` changes parameters
of the running world from the next day; ``apply`` puts another policy in force from the
next day; ``highlight`` marks charts (or the feed); ``run_to`` runs until that many days
are done. A step with a ``question`` (or ``pause: true``) waits for the teacher before it
runs, and reveals the answer when the run has reached ``run_to``.

Every text exists in both interface languages; a scenario or policy may be named once
or per language (a preset name, or a file relative to the lesson).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from policy.messages import msg
from policy.ranges import MAX_DAYS
from policy.yamlfile import errors_at
from simulation import messages as S

LOCALES = ("en_US", "zh_CN")
# what a step may highlight: the app's six charts (see simulation.runs.figures.LIVE_CHARTS)
# and the feed
CHARTS = ("offers", "spam", "ad_share", "bans", "quality", "backlog")
TARGETS = (*CHARTS, "feed")
Target = Literal["offers", "spam", "ad_share", "bans", "quality", "backlog", "feed"]
MIN_SPEED, MAX_SPEED = 1.0, 60.0  # days per second: the app's speed slider


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in both interface languages."""

    en_US: Annotated[str, Field(min_length=1, max_length=2000)]
    zh_CN: Annotated[str, Field(min_length=1, max_length=2000)]

    def get(self, locale: str) -> str:
        return self.zh_CN if locale == "zh_CN" else self.en_US


Name = Annotated[str, Field(min_length=1, max_length=400)]


class Named(Strict):
    """A preset name or a file (relative to the lesson), per interface language."""

    en_US: Name
    zh_CN: Name

    def get(self, locale: str) -> str:
        return self.zh_CN if locale == "zh_CN" else self.en_US


Ref = Name | Named


def ref(value: Ref, locale: str) -> str:
    """The name a reference gives in ``locale``."""
    return value if isinstance(value, str) else value.get(locale)


class Load(Strict):
    """A new world: a scenario preset (or file), a policy, and parameters changed
    before it is built (dotted paths, as ``circlelab run --set``)."""

    scenario: Ref
    policy: Ref = "none"
    set: dict[str, Any] = Field(default_factory=dict)


Day = Annotated[int, Field(ge=0, le=MAX_DAYS)]


class Claim(Strict):
    """What the run shows: ``metric`` over days ``after`` compared with days ``before``
    (both inclusive; the mean of a count per day, the ratio of the totals of a share).

    ``change: falls`` holds when the value after is at most ``1 - by_at_least`` times
    the value before; ``rises`` when it is at least ``1 + by_at_least`` times it (and
    above zero); ``steady`` when it is within ``within`` (a share) of it.
    """

    metric: Name
    before: tuple[Day, Day]
    after: tuple[Day, Day]
    change: Literal["falls", "rises", "steady"]
    by_at_least: Annotated[float, Field(ge=0.0, le=10.0)] = 0.0
    within: Annotated[float, Field(ge=0.0, le=1.0)] = 0.1

    @model_validator(mode="after")
    def _ordered(self) -> Claim:
        """Each span's first day at most its last; an error at the span that is not."""
        errors = [
            ((name,), msg(S.SPAN_BACKWARDS, first=first, last=last), (first, last))
            for name in ("before", "after")
            for first, last in [getattr(self, name)]
            if first > last
        ]
        if errors:
            raise errors_at("Claim", errors)
        return self


class Question(Strict):
    """Asked before the step runs; the answer is revealed when the run has shown it."""

    ask: Text
    answer: Text
    shows: list[Claim] = Field(default_factory=list, max_length=10)


class Step(Strict):
    title: Text
    narration: Text
    load: Load | None = None
    set: dict[str, Any] = Field(default_factory=dict)
    apply: Ref | None = None
    highlight: list[Target] = Field(default_factory=list, max_length=len(TARGETS))
    run_to: Annotated[int, Field(ge=1, le=MAX_DAYS)] | None = None
    pause: bool = False
    question: Question | None = None

    @property
    def waits(self) -> bool:
        """The step's run waits for the teacher (a question is asked first, or a pause)."""
        return self.run_to is not None and (self.pause or self.question is not None)


class Lesson(Strict):
    version: Literal[1] = 1
    title: Text
    summary: Text
    speed: Annotated[float, Field(ge=MIN_SPEED, le=MAX_SPEED)] = 15.0
    steps: list[Step] = Field(min_length=1, max_length=100)
