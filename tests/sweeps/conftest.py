"""Fixtures for sweep tests: a small reference sweep (the PostgreSQL server they also
use is ``postgres_url`` in tests/conftest.py)."""

from __future__ import annotations

import pytest

from simulation.sweeps.sweep import sweep

SCENARIO = "classroom"
POLICIES = ("none", "keywords")
SEEDS = "1-2"
DAYS = 20


def small_sweep(**kwargs):
    """The sweep every equality test runs: 2 policies x 2 seeds x 20 classroom days."""
    args = {"scenario": SCENARIO, "policies": POLICIES, "seeds": SEEDS, "days": DAYS}
    return sweep(**{**args, **kwargs})


@pytest.fixture(scope="session")
def reference(tmp_path_factory):
    """The serial (one process) sweep stored in SQLite: what every other path must equal."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    return small_sweep(workers=1, db=str(db))
