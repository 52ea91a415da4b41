"""Hour-scale exposure: views decay with a half-life; a removal cuts off the rest."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from simulation.world.decay import avoided_share, horizon_days, reached, views_on_day


def test_half_of_the_views_by_one_half_life():
    assert np.isclose(reached(6.0, 6.0), 0.5)
    assert np.isclose(reached(12.0, 6.0), 0.75)
    assert reached(-3.0, 6.0) == 0.0


@given(
    half_life=st.floats(0.5, 96),
    hour=st.floats(0, 23.99),
    removal=st.one_of(st.just(np.inf), st.floats(0, 500)),
)
def test_daily_views_add_up_to_the_share_before_removal(half_life, hour, removal):
    days = horizon_days(half_life) + 1
    total = sum(
        float(
            views_on_day(
                d, np.array([0]), np.array([hour]), np.array([removal]), np.array([1.0]), half_life
            )[0]
        )
        for d in range(days)
    )
    expected = 1.0 if np.isinf(removal) else float(reached(removal, half_life))
    assert abs(total - expected) < 2e-3


@given(half_life=st.floats(0.5, 96), early=st.floats(0, 100), later=st.floats(0, 100))
def test_sooner_removal_never_means_more_views(half_life, early, later):
    a, b = sorted((early, later))
    assert avoided_share(a, half_life) >= avoided_share(b, half_life) - 1e-12


def test_views_after_removal_are_zero():
    v = views_on_day(1, np.array([0]), np.array([20.0]), np.array([2.0]), np.array([100.0]), 6.0)
    assert v[0] == 0.0
