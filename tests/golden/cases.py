"""The golden runs: a few scenario × policy × seed runs whose outputs are pinned by hash.

Restructuring and speed work must keep these bytes identical. A change that means to alter
the model or a metric re-pins them (``python -m tests.golden.update``) in the same commit
and says why in its message.

What is hashed, per run: the daily metrics (every column, ``%.17g``) and the per-rule daily
statistics, each written as CSV. Floats are written with 17 significant digits, so any
change in any bit of any value changes the hash.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class GoldenCase:
    """One pinned run: a shipped scenario (optionally smaller/shorter), a preset, a seed."""

    name: str
    scenario: str
    policy: str
    seed: int
    days: int
    changes: tuple[tuple[str, Any], ...] = ()


CASES: tuple[GoldenCase, ...] = (
    GoldenCase("classroom-crackdown-1", "classroom", "crackdown", 1, 90),
    GoldenCase("classroom-classifier_review-2", "classroom", "classifier_review", 2, 60),
    GoldenCase(
        "demo_zh-zero_tolerance-3",
        "demo_zh",
        "zero_tolerance",
        3,
        45,
        (("population.accounts", 2500),),
    ),
    GoldenCase(
        "demo-report_driven-4", "demo", "report_driven", 4, 45, (("population.accounts", 2500),)
    ),
)


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, float_format="%.17g", lineterminator="\n")
    return buf.getvalue().encode()


def digest(frame: pd.DataFrame) -> str:
    """SHA-256 of a frame written as CSV with every float bit shown."""
    return hashlib.sha256(_csv_bytes(frame)).hexdigest()


def run_case(case: GoldenCase) -> dict[str, str]:
    """Run one golden case in memory; returns the hashes of its daily outputs."""
    from simulation import load_scenario, run

    scenario = load_scenario(case.scenario)
    if case.changes:
        scenario = scenario.with_changes(dict(case.changes))
    result = run(scenario, case.policy, days=case.days, seed=case.seed)
    return {"metrics": digest(result.metrics), "rules": digest(result.rules)}
