"""The policy file schema: pydantic models that say what each key means.

Structural checks (types, ranges, unknown keys) live here; cross-references
(detector names, categories, RE2 patterns, conditions) are checked when the
policy is compiled (``policy.loader``), where every problem keeps its position.
See ``docs/policy-language.md`` for the documented schema with examples.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from policy import messages as M
from policy.messages import MessageError, msg
from policy.ranges import MAX_DAYS, Count, Day, Days, Hours, Strikes
from policy.yamlfile import errors_at

Prob = Annotated[float, Field(ge=0.0, le=1.0)]


class _Strict(BaseModel):
    # defer_build: the validators are built on the first validation, not at import (a
    # policy read back from the compiled-policy cache is never validated again)
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


class KeywordsSpec(_Strict):
    """Many terms matched in one Aho-Corasick pass over the normalised text."""

    type: Literal["keywords"]
    description: str = ""
    mode: Literal["substring", "word"] = "substring"
    normalize: list[str] = Field(default_factory=list)
    terms_from: Literal["catalogue"] | None = None
    categories: list[str] | None = None  # with terms_from: which catalogue categories
    locales: list[str] | None = None  # catalogue locales and tables to use; default all
    terms: dict[str, list[str] | Literal["catalogue"]] = Field(default_factory=dict)
    # category -> plain text file(s), one term per line, relative to the policy file
    terms_file: dict[str, str | list[str]] = Field(default_factory=dict)
    exceptions: list[str] = Field(default_factory=list)  # phrases inside which a hit is void


class RegexSpec(_Strict):
    """Named RE2 patterns (linear time): contact details, links, prices."""

    type: Literal["regex"]
    description: str = ""
    normalize: list[str] = Field(default_factory=list)
    category: str | None = None
    patterns: dict[str, str] = Field(min_length=1)


class ClassifierSpec(_Strict):
    """A simulated model: stated recall per target, false-positive rate per kind."""

    type: Literal["classifier"]
    description: str = ""
    recall: dict[str, Prob] = Field(min_length=1)  # category names, "spam", "default"
    false_positive_rate: dict[Literal["life", "ad", "spam", "offer"], Prob] = Field(
        default_factory=dict
    )


class ReportsSpec(_Strict):
    """At least ``min_reports`` user reports within ``window_days``."""

    type: Literal["user_reports"]
    description: str = ""
    min_reports: Count = Field(ge=1)
    window_days: Days = 1
    per: Literal["post", "account"] = "post"


class DeviceSpec(_Strict):
    """Re-registration evidence: a previously banned device, seen with a probability."""

    type: Literal["device_match"]
    description: str = ""
    detection_probability: Prob


DetectorSpec = Annotated[
    KeywordsSpec | RegexSpec | ClassifierSpec | ReportsSpec | DeviceSpec,
    Field(discriminator="type"),
]
DETECTOR_TYPES = ("keywords", "regex", "classifier", "user_reports", "device_match")


ChannelName = Literal["moments", "chat", "group"]


class ScopeSpec(_Strict):
    account_kind: list[Literal["personal", "official"]] | None = None
    channels: list[ChannelName] | None = None  # None = every channel the rule sees
    categories: list[str] | None = None
    stages: list[Literal["upload", "report"]] = Field(default_factory=lambda: ["upload", "report"])


Action = Literal["allow", "label", "downrank", "remove", "review", "restrict", "ban"]


class RuleSpec(_Strict):
    name: str = Field(min_length=1)
    description: str = ""
    when: Any = None  # a condition (see policy.conditions); None = always
    scope: ScopeSpec = Field(default_factory=ScopeSpec)
    action: Action
    strikes: Strikes = 0.0
    priority: int = Field(default=0, ge=-1_000_000, le=1_000_000)
    shadow: bool = False
    factor: float = Field(default=0.5, gt=0.0, le=1.0)  # downrank: views multiplied by this
    restrict_days: Days = 7  # restrict: days the author may not post
    delay_hours: Hours = 0.0  # remove: automated takedown latency


class LadderStep(_Strict):
    at: Strikes = Field(gt=0.0)  # strikes in the window that trigger this step
    action: Literal["warn", "restrict", "ban"]
    days: Days | None = None  # restrict only

    @model_validator(mode="after")
    def _restrict_needs_days(self) -> LadderStep:
        if self.action == "restrict" and self.days is None:
            raise MessageError(msg(M.RESTRICT_NEEDS_DAYS))
        return self


class StrikesSpec(_Strict):
    window_days: Days = 90
    half_life_days: float | None = Field(default=None, gt=0.0, le=MAX_DAYS)
    ladder: list[LadderStep] = Field(default_factory=list)

    @field_validator("ladder")
    @classmethod
    def _steps_go_up(cls, ladder: list[LadderStep]) -> list[LadderStep]:
        """Each step at more strikes than the one before: the ladder is climbed in the
        order written (a step at the same count as another, or below one before it, would
        never act, or act in place of a harsher one). Each offending step is an error at
        its own ``at`` (``strikes.ladder[2].at``), naming the step before it too."""
        errors = [
            (
                (i, "at"),
                msg(
                    M.LADDER_NOT_UP,
                    step=i + 1,
                    action=ladder[i].action,
                    at=f"{ladder[i].at:g}",
                    previous=i,
                    previous_action=ladder[i - 1].action,
                    previous_at=f"{ladder[i - 1].at:g}",
                ),
                ladder[i].at,
            )
            for i in range(1, len(ladder))
            if ladder[i].at <= ladder[i - 1].at
        ]
        if errors:
            raise errors_at("StrikesSpec", errors)
        return ladder


class ReviewSpec(_Strict):
    capacity_per_day: Count
    delay_hours: Hours = 24.0
    accuracy: Prob = 0.95
    minutes_per_item: float = Field(default=2.0, gt=0.0, le=24 * 60)
    violating: list[Literal["life", "ad", "spam", "offer"]] = Field(
        default_factory=lambda: ["spam", "offer"]
    )


class AppealsSpec(_Strict):
    share_appealed: Prob
    overturn_probability: Prob  # when the action was wrong
    overturn_probability_when_right: Prob = 0.0
    delay_days: Day = 2


class EnforcementSpec(_Strict):
    strikes: StrikesSpec | None = None
    review: ReviewSpec | None = None
    appeals: AppealsSpec | None = None


class AnnounceSpec(_Strict):
    # default: the day the policy first acts (start_day, or its schedule's first phase
    # with rules in force: policy.schedule.first_acting_day); in a phase, its from_day
    day: Day | None = None
    risk_multiplier: float = Field(gt=0.0)
    categories: list[str] = Field(default_factory=list)


class PhaseSpec(_Strict):
    from_day: Day
    rules: list[str] | Literal["all", "none"] = "all"
    announce: AnnounceSpec | None = None


class TableSpec(_Strict):
    """A policy's own normalisation table for a locale (merged over the shipped one)."""

    script: Literal["latin", "han"] | None = None  # required for a locale not shipped
    emoji: dict[str, str] = Field(default_factory=dict)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    leetspeak: dict[str, str] = Field(default_factory=dict)


class PolicySpec(_Strict):
    version: Literal[1] = 1
    name: str = Field(min_length=1)
    description: str = ""
    semantics: Literal["first_match", "all_match"] = "first_match"
    catalogue: str | None = None  # path to a catalogue YAML; default assets/catalogue.yaml
    start_day: Day = 0
    # channels whose new posts the platform reads as they are published (text detectors,
    # classifier); the others reach the policy only through user reports
    scan: list[ChannelName] = Field(default_factory=lambda: ["moments"])
    schedule: list[PhaseSpec] = Field(default_factory=list)
    announcements: list[AnnounceSpec] = Field(default_factory=list)
    tables: dict[str, TableSpec] = Field(default_factory=dict)  # locale -> additions
    detectors: dict[str, DetectorSpec] = Field(default_factory=dict)
    rules: list[RuleSpec] = Field(default_factory=list)
    enforcement: EnforcementSpec = Field(default_factory=EnforcementSpec)
    evidence: bool = True  # fill PostDecisions.evidence (costs a little time)
