"""Rank tests for a measure that some seeds only bound from below (right-censored).

Days to halve is censored when restricted-offer volume never halved within the run: the
seed's value is only known to be more than the days the run went on after the policy's
start (its *bound*). A t-test of the seeds that halved alone would make an arm that
rarely halves look fast, and a t-test cannot take "more than 19 days". What can be said
of two seeds is their order, where it is known:

* both halved: the smaller value is the sooner (equal values: a tie);
* one halved on day ``x``, the other never, bound ``c``: when ``x <= c`` the one that
  halved was sooner (the other's value is more than ``c``); when ``x > c`` (a run that
  went on longer) the order is unknown;
* neither halved: the order is unknown.

This is Gehan's (1965) generalisation of the Wilcoxon rank-sum test; with one bound for
every seed (the usual sweep: the same days after the same start) it is the Mann-Whitney
test with each censored seed tied above every value that halved.

Two tests, both exact permutation tests (no large-sample approximation: a sweep has a
handful of seeds):

* :func:`sign_test` for seeds paired by world (both arms ran the same seed of one
  world): the seeds whose order is known, counted by which arm was sooner; two-sided
  exact binomial p. Seeds of unknown order are left out, as ties are in a sign test.
* :func:`gehan_test` for unpaired arms: Gehan's statistic, the sum over every pair of a
  seed of ``a`` and a seed of ``b`` of +1 (``a`` later), -1 (``a`` sooner) or 0; its
  two-sided p over every relabelling of the pooled seeds (all of them up to
  ``EXACT_SPLITS``, else ``DRAWS`` seeded random ones, so a report is reproducible).
  Relabelling takes the censoring to be the same in both arms; when their bounds differ
  (policies that start on different days, so their runs go on for different numbers of
  days after the start) the p is an approximation.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

EXACT_SPLITS = 200_000  # relabellings enumerated one by one up to this many
DRAWS = 20_000  # random relabellings past it (seeded)


@dataclass(frozen=True)
class Censored:
    """Per seed: ``value`` (float, the measure where known, else its bound) and
    ``above`` (bool, True where ``value`` is only a lower bound). Shapes (n,)."""

    value: np.ndarray
    above: np.ndarray

    def __post_init__(self) -> None:
        if np.shape(self.value) != np.shape(self.above) or np.ndim(self.value) != 1:
            raise ValueError("value and above must be 1-d arrays of one length")

    def __len__(self) -> int:
        return len(self.value)

    @property
    def known(self) -> int:
        """How many seeds have a value (not only a bound)."""
        return int((~self.above).sum())


def order(a: Censored, b: Censored) -> np.ndarray:
    """Gehan's score of every pair: ``(len(a), len(b))`` int8, +1 where the seed of ``a``
    is known to be more than the seed of ``b``, -1 where known to be less, 0 where equal
    or unknown."""
    xa, ca = a.value[:, None], a.above[:, None]
    xb, cb = b.value[None, :], b.above[None, :]
    more = (~cb) & np.where(ca, xa >= xb, xa > xb)  # a > b for sure
    less = (~ca) & np.where(cb, xa <= xb, xa < xb)  # a < b for sure
    return more.astype(np.int8) - less.astype(np.int8)


def tied(a: Censored, b: Censored) -> np.ndarray:
    """``(len(a), len(b))`` bool: both seeds reached the measure, on the same value (a
    known tie, unlike two bounds, whose order is unknown)."""
    return (~a.above[:, None]) & (~b.above[None, :]) & (a.value[:, None] == b.value[None, :])


@dataclass(frozen=True)
class RankResult:
    """A censored comparison: ``statistic`` (sign test: later minus sooner seeds of
    ``a``; Gehan: the sum of scores), ``p`` (two-sided, exact or from ``DRAWS`` seeded
    relabellings), ``used`` (the sign test's seeds of known order, ties included, which
    count for neither side; Gehan's: every seed), ``least_p`` (the smallest p these
    seeds could give)."""

    statistic: int
    p: float
    used: int
    least_p: float


def sign_test(a: Censored, b: Censored) -> RankResult:
    """Seeds paired by position (``a[i]`` and ``b[i]`` ran one world): exact two-sided
    sign test over the seeds whose order is known (ties dropped, as in any sign test).
    ``ValueError`` unless a and b are as long. With no seed known to be sooner or later
    the statistic is 0 and p is 1."""
    if len(a) != len(b):
        raise ValueError(f"paired seeds: {len(a)} against {len(b)}")
    score = np.diagonal(order(a, b)).astype(int)
    later, sooner = int((score > 0).sum()), int((score < 0).sum())
    m = later + sooner
    known = m + int(np.diagonal(tied(a, b)).sum())
    if m == 0:  # ties only (no difference), or no order known at all (used 0)
        return RankResult(0, 1.0, known, 1.0)
    p = float(stats.binomtest(later, m, 0.5).pvalue)
    return RankResult(later - sooner, min(1.0, p), known, min(1.0, 2.0 * 0.5**m))


def gehan_test(a: Censored, b: Censored, seed: int = 0) -> RankResult:
    """Unpaired seeds: Gehan's statistic and its two-sided permutation p (every
    relabelling of the pooled seeds into groups of ``len(a)`` and ``len(b)`` when there
    are at most ``EXACT_SPLITS``, else ``DRAWS`` from a generator seeded by ``seed``,
    p = (1 + as extreme) / (1 + draws)). ``ValueError`` when a side is empty."""
    na, nb = len(a), len(b)
    if not na or not nb:
        raise ValueError("each side needs at least one seed")
    pooled = Censored(np.r_[a.value, b.value], np.r_[a.above, b.above])
    score = order(pooled, pooled).astype(np.int64)  # (N, N), antisymmetric
    observed = int(score[:na, na:].sum())
    row = score.sum(axis=1)  # a group's statistic is the sum of its rows' totals
    n = na + nb
    splits = math.comb(n, na)
    if splits <= EXACT_SPLITS:
        groups = np.array(list(itertools.combinations(range(n), na)), dtype=np.intp)
        stat = row[groups].sum(axis=1)
        extreme = int((np.abs(stat) >= abs(observed)).sum())
        p = extreme / splits
        least = int((np.abs(stat) == np.abs(stat).max()).sum()) / splits
    else:
        rng = np.random.default_rng(seed)
        groups = np.argsort(rng.random((DRAWS, n)), axis=1)[:, :na]
        stat = row[groups].sum(axis=1)
        extreme = int((np.abs(stat) >= abs(observed)).sum())
        p = (1 + extreme) / (1 + DRAWS)
        least = (1 + int((np.abs(stat) == np.abs(stat).max()).sum())) / (1 + DRAWS)
    return RankResult(observed, min(1.0, p), n, min(1.0, least))
