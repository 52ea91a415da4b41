"""Play a lesson's steps on the engine, headless: what the app shows, step by step.

The app plays a lesson in its engine process with the same ``Simulation`` calls in the
same order (new world, parameters, policy, days), so the charts a handout draws from
:func:`play` are the charts the class saw for the same language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from simulation.lessons.load import LessonFile
from simulation.lessons.model import Claim
from simulation.metrics.registry import ALL, definition
from simulation.metrics.summary import ratio_over
from simulation.runs.marks import STEP, Mark, run_marks
from simulation.world.engine import Simulation


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    before: float
    after: float
    holds: bool

    def describe(self) -> str:
        c = self.claim
        how = (
            f"steady within {c.within:.0%}"
            if c.change == "steady"
            else f"{c.change} by at least {c.by_at_least:.0%}"
        )
        return (
            f"{c.metric}: days {c.before[0]}–{c.before[1]} {self.before:.4g}, days "
            f"{c.after[0]}–{c.after[1]} {self.after:.4g} ({how}: "
            f"{'yes' if self.holds else 'NO'})"
        )


@dataclass
class StepResult:
    """One step as played: the days of its world before and after it, the world's daily
    metrics so far, its marks so far, and its question's claims checked."""

    index: int
    start_day: int
    end_day: int
    metrics: pd.DataFrame
    marks: list[Mark]
    claims: list[ClaimResult] = field(default_factory=list)


def claim_value(metrics: pd.DataFrame, metric: str, first: int, last: int) -> float:
    """A metric over days ``first``–``last`` (inclusive): the mean per day of a count or
    level, the ratio of the totals of a share (the registry's rule); NaN without days."""
    days = metrics[(metrics["day"] >= first) & (metrics["day"] <= last)]
    if not len(days):
        return math.nan
    base = metric.removesuffix(ALL)
    m = definition(base)
    if m.aggregate == "ratio" or m.aggregate == "mean":
        part = base.split(".", 1)[1] if "." in base else None
        return ratio_over(days, m.name, part)
    if metric.endswith(ALL):
        cols = [c for c in days.columns if c.startswith(base + ".")]
        return float(days[cols].sum(axis=1).mean())
    return float(days[metric].mean())


def check_claim(metrics: pd.DataFrame, claim: Claim) -> ClaimResult:
    before = claim_value(metrics, claim.metric, *claim.before)
    after = claim_value(metrics, claim.metric, *claim.after)
    if math.isnan(before) or math.isnan(after):
        holds = False
    elif claim.change == "falls":
        holds = after <= (1 - claim.by_at_least) * before
    elif claim.change == "rises":
        holds = after > 0 and after >= (1 + claim.by_at_least) * before
    else:
        holds = abs(after - before) <= claim.within * abs(before)
    return ClaimResult(claim, before, after, holds)


def play(found: LessonFile, locale: str = "en_US") -> list[StepResult]:
    """Run every step in order; returns one :class:`StepResult` per step.

    A step's marks are the world's as the app draws them (``run_marks`` of the scenario
    and policy it was set up with and of what the steps changed since: a policy applied
    replaces the marks of the one before from that day on) and the steps so far."""
    sim: Simulation | None = None
    started: tuple[Any, Any] = (None, None)  # the scenario and policy the world began with
    steps: list[Mark] = []
    results = []
    for i, step in enumerate(found.lesson.steps):
        if step.load is not None:
            policy = found.policy(step.load.policy, locale)
            sim = Simulation(found.scenario(step, locale), policy)
            started, steps = (sim.start_scenario, policy), []
        assert sim is not None, "the first step loads a world (checked by load_lesson)"
        start = sim.day
        steps.append(Mark(start, STEP, str(i + 1)))
        for key, value in step.set.items():
            sim.set_param(key, value)
        if step.apply is not None:
            sim.set_policy(found.policy(step.apply, locale))
        while step.run_to is not None and sim.day < step.run_to:
            sim.step()
        metrics = sim.metrics_frame() if sim.day > 0 else pd.DataFrame({"day": []})
        claims = [check_claim(metrics, c) for c in (step.question.shows if step.question else [])]
        marks = run_marks(*started, sim.history) + steps
        shown = sorted(marks, key=lambda m: m.day)
        results.append(StepResult(i, start, sim.day, metrics, shown, claims))
    return results
