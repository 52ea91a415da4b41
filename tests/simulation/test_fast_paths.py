"""The engine's faster paths give exactly what the plain NumPy calls they replace give
(the same values, bits and random draws), over inputs drawn at random."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from simulation.world.posting import HOURLY_PROFILE, posting_hours


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**63), n=st.integers(0, 5000))
def test_posting_hours_are_the_draws_of_choice(seed, n):
    plain, fast = np.random.default_rng(seed), np.random.default_rng(seed)
    whole = plain.choice(24, size=n, p=HOURLY_PROFILE)
    want = (whole + plain.random(n)).astype(np.float32)
    got = posting_hours(fast, n)
    assert got.dtype == np.float32
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))
    assert fast.random() == plain.random()  # the stream is where choice left it


def test_posting_hours_at_the_edges_of_the_hours():
    """Uniforms on, just below and just above every boundary of the hourly distribution
    land in the hour the binary search gives."""
    cdf = HOURLY_PROFILE.cumsum()
    cdf /= cdf[-1]
    edges = np.concatenate([cdf[:-1], np.nextafter(cdf[:-1], 0), np.nextafter(cdf[:-1], 1)])
    u = np.concatenate([[0.0, np.nextafter(1.0, 0)], edges])

    class Draws:  # the two draws posting_hours asks for: these uniforms, then zeros
        def __init__(self) -> None:
            self.calls = [u, np.zeros(len(u))]

        def random(self, n: int) -> np.ndarray:
            return self.calls.pop(0)

    got = posting_hours(Draws(), len(u))
    want = np.searchsorted(cdf, u, side="right").astype(np.float32)
    assert np.array_equal(got, want)


def test_posts_of_accounts_across_days_and_trims():
    """The rows of some accounts' posts, looked up through the per-day author index (made
    as days are asked for, dropped as they leave the table), are those a scan finds."""
    from policy import load_policy
    from simulation import Simulation, load_scenario
    from simulation.world.decisions import posts_of

    scenario = load_scenario("classroom").with_changes({"days": 40})
    sim = Simulation(scenario, load_policy("none"), seed=3)
    rng = np.random.default_rng(3)
    for day in range(40):
        sim.step()
        if day % 6:
            continue
        posts = sim.world.posts
        accounts = rng.integers(0, sim.world.accounts.n, int(rng.integers(1, 30)))
        got = posts_of(sim.world, accounts)
        assert got.dtype == np.int64
        assert np.array_equal(got, np.flatnonzero(np.isin(posts.author, accounts)))
    assert min(sim.world.author_index) >= int(sim.world.posts.day[0])  # trimmed days gone


def test_an_hour_table_needs_every_hour_to_have_some_probability():
    """With an hour of probability 0 two boundaries coincide and no table is fine enough:
    refused instead of searching for one forever."""
    import pytest

    from simulation.world.posting import _hour_table

    profile = HOURLY_PROFILE.copy()
    profile[3] = 0.0
    cdf = profile.cumsum() / profile.sum()
    with pytest.raises(ValueError, match="rise at every hour"):
        _hour_table(cdf)
    buckets, start = _hour_table(HOURLY_PROFILE.cumsum() / HOURLY_PROFILE.sum())
    assert buckets >= 256 and start.shape == (buckets,)
