"""Every preset loads, passes its own cases file and lints clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy import load_policy
from policy.cases import run_cases
from policy.lint import lint

PRESETS = Path(__file__).resolve().parents[2] / "assets" / "policies"
NAMES = sorted(p.stem for p in PRESETS.glob("*.yaml") if not p.name.endswith(".cases.yaml"))


def test_the_six_presets_exist():
    assert set(NAMES) >= {
        "none",
        "keywords",
        "crackdown",
        "zero_tolerance",
        "report_driven",
        "classifier_review",
    }


@pytest.mark.parametrize("name", NAMES)
def test_preset_cases_pass(name):
    p = load_policy(name)
    results = run_cases(p, PRESETS / f"{name}.cases.yaml")
    assert results
    failed = [f"{r.name}: expected {r.expected}, got {r.got}" for r in results if not r.passed]
    assert not failed


@pytest.mark.parametrize("name", NAMES)
def test_preset_lints_clean(name):
    assert [str(w) for w in lint(load_policy(name))] == []


def test_cases_runner_reports_a_failing_case(tmp_path):
    cases = tmp_path / "c.yaml"
    cases.write_text(
        "cases:\n  - name: wrong on purpose\n    text: Selling vape pens\n    expect: allow\n"
    )
    (r,) = run_cases(load_policy("crackdown"), cases)
    assert not r.passed and r.got.startswith("remove") and r.line == 2
