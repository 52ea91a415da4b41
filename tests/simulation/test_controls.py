"""The scenario model carries the app's slider metadata, and it agrees with validation."""

from __future__ import annotations

import pytest

from simulation.scenario import Scenario, controls, get_dotted

KEYS = [key for key, _c in controls()]


def test_the_panel_parameters_come_from_the_model():
    assert KEYS[:3] == ["seed", "days", "population.accounts"]
    assert len(KEYS) == len(set(KEYS)) >= 15
    live = {key for key, c in controls() if c.live}
    assert "sellers.evasion_learn" in live and "population.accounts" not in live


@pytest.mark.parametrize(("key", "control"), list(controls()), ids=KEYS)
def test_every_slider_position_is_a_valid_scenario(key, control):
    base = Scenario()
    assert control.lo < control.hi
    assert control.lo <= get_dotted(base, key) <= control.hi
    for value in (control.lo, control.hi):
        value = int(value) if control.decimals == 0 else float(value)
        if key.startswith("population.mix."):
            other = (
                1.0
                - value
                - sum(
                    get_dotted(base, k)
                    for k in KEYS
                    if k.startswith("population.mix.") and k != key
                )
            )
            changes = {key: value, "population.mix.regular": other}
            if other <= 0:
                continue
        else:
            changes = {key: value}
        assert get_dotted(base.with_changes(changes), key) == value
