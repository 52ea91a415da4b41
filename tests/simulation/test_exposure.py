"""Hour-scale exposure: views decay with a half-life; a removal cuts off the rest."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
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


@settings(max_examples=80, deadline=None)
@given(
    day=st.integers(0, 400),
    back=st.lists(st.integers(0, 6), min_size=1, max_size=40),
    seed=st.integers(0, 2**32 - 1),
    scalar_half_life=st.booleans(),
)
def test_daily_views_are_the_bits_of_reached_applied_twice(day, back, seed, scalar_half_life):
    """The in-place computation gives exactly ``potential * max(reached(hi) - reached(lo),
    0)`` with the ages clipped at removal: the same bits, posts of float32 columns as the
    engine holds them (removal ages never negative: 0 or later, or never)."""
    rng = np.random.default_rng(seed)
    n = len(back)
    posted = (day - np.array(back)).astype(np.int16)
    hour = (rng.integers(0, 24, n) + rng.random(n) * (rng.random(n) < 0.8)).astype(np.float32)
    removed = np.where(
        rng.random(n) < 0.4, rng.random(n) * rng.choice([0.0, 2.0, 50.0, 200.0], n), np.inf
    ).astype(np.float32)
    potential = (rng.random(n) * 300).astype(np.float32)
    half_life = (
        float(rng.uniform(0.5, 48))
        if scalar_half_life
        else rng.choice(np.array([0.5, 2.0, 4.0, 5.97, 48.0], np.float32), n)
    )
    start = (day - posted).astype(np.float64) * 24.0 - hour
    cut = removed.astype(np.float64)
    rate = np.log(2.0) / half_life if scalar_half_life else np.float32(np.log(2.0)) / half_life
    # reached() itself, clipping as it does (max 0, then the cut, then max 0 again)
    lo = -np.expm1(-np.maximum(np.minimum(np.maximum(start, 0.0), cut), 0.0) * rate)
    hi = -np.expm1(-np.maximum(np.minimum(np.maximum(start + 24.0, 0.0), cut), 0.0) * rate)
    want = potential * np.maximum(hi - lo, 0.0)
    got = views_on_day(day, posted, hour, removed, potential, half_life)
    assert got.dtype == np.float64
    assert np.array_equal(got.view(np.uint64), want.view(np.uint64))


@settings(max_examples=80, deadline=None)
@given(
    day=st.integers(0, 400),
    back=st.lists(st.integers(0, 6), min_size=0, max_size=60),
    seed=st.integers(0, 2**32 - 1),
)
def test_daily_views_of_posts_in_posting_order_are_the_same_bits(day, back, seed):
    """Posts sorted by posting day (as the post table holds them), start ages computed one
    day at a time: the same bits as the general computation, tiny hours included."""
    rng = np.random.default_rng(seed)
    n = len(back)
    posted = np.sort(day - np.array(back, np.int64)).astype(np.int16)
    tiny = rng.random(n) < 0.2  # hours whose float32 has more bits than 24k - hour keeps
    hour = np.where(tiny, rng.random(n) * 1e-9, rng.integers(0, 24, n) + rng.random(n))
    hour = hour.astype(np.float32)
    removed = np.where(rng.random(n) < 0.3, rng.random(n) * 60.0, np.inf).astype(np.float32)
    potential = (rng.random(n) * 300).astype(np.float32)
    half_life = rng.choice(np.array([0.5, 4.0, 5.97, 48.0], np.float32), n)
    want = views_on_day(day, posted, hour, removed, potential, half_life)
    got = views_on_day(day, posted, hour, removed, potential, half_life, days_ascending=True)
    assert np.array_equal(got.view(np.uint64), want.view(np.uint64))


def test_a_world_where_nobody_posts_runs_and_sees_nothing():
    """With every posting rate at 0 the exposure window held no posts, and attention's
    per-author sums (integers when there is nothing to sum) could not be divided."""
    from simulation import run
    from simulation.scenario import parse_scenario

    quiet = parse_scenario(
        "name: quiet\nseed: 3\ndays: 4\npopulation: {accounts: 300}\n"
        "posting: {life_per_day: 0, forward_ad_per_day: 0, merchant_per_day: 0,"
        " seller_per_day: 0, spammer_per_day: 0}\n",
        "quiet.yaml",
    )
    result = run(quiet, "crackdown")
    assert len(result.metrics) == 4
    assert (result.metrics["impressions_total"] == 0).all()
