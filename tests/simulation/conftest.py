"""Small worlds for engine tests: big enough to show the dynamics, small enough to be fast."""

from __future__ import annotations

import pytest

from simulation.scenario import Scenario, parse_scenario

TOWN = """
name: town
seed: 5
days: 120
population:
  accounts: 4000
"""


@pytest.fixture(scope="session")
def town() -> Scenario:
    """A demo-like world of 4,000 accounts (the demo's defaults, a smaller population)."""
    return parse_scenario(TOWN, "town.yaml")


@pytest.fixture(scope="session")
def tiny() -> Scenario:
    return parse_scenario(
        "name: tiny\nseed: 3\ndays: 25\npopulation: {accounts: 800}\n", "tiny.yaml"
    )
