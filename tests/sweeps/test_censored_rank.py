"""The rank tests for a measure some seeds only bound from below (days to halve that
never halved within the run): which orders are known, and exact p-values checked against
SciPy's own tests where the two must agree."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from simulation.sweeps import censored
from simulation.sweeps.censored import Censored, gehan_test, order, sign_test


def _c(values, above=None) -> Censored:
    v = np.asarray(values, float)
    return Censored(v, np.zeros(len(v), bool) if above is None else np.asarray(above, bool))


def test_which_orders_are_known():
    # a: halved on day 5; more than 19; more than 3 (a run that ended early)
    a = _c([5.0, 19.0, 3.0], [False, True, True])
    # b: halved on day 7; more than 19
    b = _c([7.0, 19.0], [False, True])
    assert order(a, b).tolist() == [
        [-1, -1],  # 5 < 7; 5 < (more than 19)
        [1, 0],  # more than 19 > 7; two bounds: unknown
        [0, 0],  # more than 3 against 7: unknown; against more than 19: unknown
    ]
    assert order(_c([4.0]), _c([4.0])).tolist() == [[0]]  # a tie
    # halving on the bound's own day is sooner than "more than" it
    assert order(_c([19.0]), _c([19.0], [True])).tolist() == [[-1]]


def test_the_sign_test_is_the_exact_binomial_over_known_orders():
    a = _c([5.0, 6.0, 4.0, 19.0, 19.0], [False, False, False, True, True])
    b = _c([7.0, 8.0, 3.0, 9.0, 19.0], [False, False, False, False, True])
    res = sign_test(a, b)  # sooner, sooner, later, later, unknown
    assert (res.statistic, res.used) == (0, 4)
    assert res.p == pytest.approx(stats.binomtest(2, 4).pvalue)
    res = sign_test(_c([1.0] * 5), _c([2.0] * 5))
    assert res.statistic == -5 and res.p == pytest.approx(2 / 32) == res.least_p
    with pytest.raises(ValueError, match="paired seeds"):
        sign_test(_c([1.0]), _c([1.0, 2.0]))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 40), min_size=2, max_size=7, unique=True).flatmap(
        lambda xs: st.tuples(st.just(xs), st.integers(1, len(xs) - 1))
    )
)
def test_without_censoring_gehan_is_the_exact_mann_whitney(case):
    values, cut = case
    a, b = values[:cut], values[cut:]
    res = gehan_test(_c(a), _c(b))
    want = stats.mannwhitneyu(a, b, alternative="two-sided", method="exact").pvalue
    assert res.p == pytest.approx(want)
    u = stats.mannwhitneyu(a, b, method="exact").statistic
    assert res.statistic == 2 * u - len(a) * len(b)  # wins minus losses


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 15), st.booleans()), min_size=4, max_size=8),
    st.integers(2, 6),
)
def test_one_bound_for_all_is_mann_whitney_with_censored_seeds_tied_above(seeds, cut):
    """Every censored seed at one bound, above every value that halved (the usual sweep:
    the same days after the same start): Gehan's test is the rank-sum test with the
    censored seeds tied above the rest, over the same relabellings."""
    cut = min(cut, len(seeds) - 2)
    bound = 20.0
    value = np.array([bound if c else v for v, c in seeds], float)
    above = np.array([c for _v, c in seeds], bool)
    a, b = Censored(value[:cut], above[:cut]), Censored(value[cut:], above[cut:])
    res = gehan_test(a, b)
    # the rank-sum statistic with the censored at one shared higher value, permuted
    perm = stats.permutation_test(
        (value[:cut], value[cut:]),
        lambda x, y: np.sign(x[:, None] - y[None, :]).sum(),
        permutation_type="independent",
        alternative="two-sided",
        n_resamples=math.inf,
    )
    assert res.statistic == perm.statistic
    # two-sided as the share of relabellings at least as far from 0 (SciPy's own p doubles
    # the smaller tail instead, which differs when ties make the null lopsided)
    null = perm.null_distribution
    assert res.p == pytest.approx(np.mean(np.abs(null) >= abs(perm.statistic) - 1e-9))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 30), st.booleans()), min_size=4, max_size=8),
    st.integers(2, 6),
)
def test_swapping_the_arms_turns_the_statistic_round(seeds, cut):
    cut = min(cut, len(seeds) - 2)
    value = np.array([v for v, _c in seeds])
    above = np.array([c for _v, c in seeds])
    a, b = Censored(value[:cut], above[:cut]), Censored(value[cut:], above[cut:])
    ab, ba = gehan_test(a, b), gehan_test(b, a)
    assert ab.statistic == -ba.statistic and ab.p == pytest.approx(ba.p)
    assert 0.0 < ab.p <= 1.0 and ab.least_p <= ab.p


def test_many_seeds_draw_seeded_relabellings(monkeypatch):
    """Past ``EXACT_SPLITS`` relabellings the p comes from ``DRAWS`` seeded random ones:
    the same p every time, close to the exact one."""
    rng = np.random.default_rng(5)
    a, b = _c(rng.normal(10, 3, 7).round()), _c(rng.normal(13, 3, 7).round())
    exact = gehan_test(a, b)  # C(14, 7) = 3,432: enumerated
    monkeypatch.setattr(censored, "EXACT_SPLITS", 100)
    drawn = gehan_test(a, b)
    assert drawn.p == gehan_test(a, b).p  # seeded
    assert drawn.statistic == exact.statistic
    assert drawn.p == pytest.approx(exact.p, abs=0.01)
    with pytest.raises(ValueError, match="at least one seed"):
        gehan_test(_c([]), b)


def test_known_ties_count_as_known_orders_for_neither_side():
    from simulation.sweeps.censored import tied

    a = _c([5.0, 8.0, 19.0], [False, False, True])
    b = _c([5.0, 9.0, 19.0], [False, False, True])
    assert np.diagonal(tied(a, b)).tolist() == [True, False, False]  # bounds: no tie
    res = sign_test(a, b)  # a tie, a sooner, an unknown
    assert (res.statistic, res.used, res.p) == (-1, 2, 1.0)
