"""The friends graph is a clustered small world; commercial links grow over time."""

from __future__ import annotations

import numpy as np
import pytest

from simulation.world.graph import FriendsGraph


def test_small_world_degree_and_clustering():
    rng = np.random.default_rng(1)
    g = FriendsGraph(3000, 30, 0.1, rng)
    degree = np.diff(g.people.indptr)
    assert abs(degree.mean() - 30) < 1.5
    assert (g.people != g.people.T).nnz == 0  # friendship is mutual
    assert g.people.diagonal().sum() == 0
    assert g.clustering_sample(rng) > 0.3  # a random graph of this density has ~0.01


def _links(account: int, lineage: int, slots: np.ndarray, center: int):
    n = len(slots)
    return (
        np.full(n, account),
        np.full(n, lineage),
        slots,
        np.full(n, center),
    )


def test_customers_and_audience():
    rng = np.random.default_rng(2)
    g = FriendsGraph(500, 10, 0.1, rng)
    g.add_customers(*_links(600, 600, np.arange(40), 10), sought_share=0.25)
    active = np.ones(500, bool)
    audience, sought = g.audiences(602, active)
    assert 30 <= audience[600] <= 40  # duplicates possible, never more than added
    assert 0 < sought[600] < audience[600]  # some customers sought the seller, not all
    assert audience[601] == 0
    active[:] = False
    assert g.audience(602, active).sum() == 0
    assert 600 in g.friends_of(int(g.link_dst[0]))


def test_a_slot_is_the_same_person_and_lineages_differ():
    """Customer positions are a pure function of (lineage, slot): a re-registered seller who
    re-finds slot k finds the same person; another lineage finds other people."""
    g = FriendsGraph(2000, 10, 0.1, np.random.default_rng(3))
    slots = np.arange(200)
    a, sa = g.customer(np.full(200, 7), slots, np.full(200, 1000), 0.3)
    b, sb = g.customer(np.full(200, 7), slots, np.full(200, 1000), 0.3)
    c, _ = g.customer(np.full(200, 8), slots, np.full(200, 1000), 0.3)
    assert np.array_equal(a, b) and np.array_equal(sa, sb)
    assert (a != c).mean() > 0.9
    assert 0.2 < sa.mean() < 0.4  # about sought_share of them sought the seller
    ring = np.minimum(np.abs(a - 1000), 2000 - np.abs(a - 1000))
    assert np.median(ring) < 0.05 * 2000  # a community around the center


def test_products_match_a_loop_over_friends():
    """spread_to_viewers and gather_from_viewers are the two directions of one relation:
    the sparse products (with links added after the matrix was built) equal plain sums."""
    rng = np.random.default_rng(4)
    g = FriendsGraph(300, 8, 0.2, rng)
    g.add_customers(*_links(300, 300, np.arange(30), 50), sought_share=0.5)
    g.spread_to_viewers(np.zeros(302))  # builds the matrix
    g.add_customers(*_links(301, 301, np.arange(25), 200), sought_share=0.5)  # pending links
    x = rng.random(302)
    y = rng.random(300)
    spread = g.spread_to_viewers(x)
    gather = g.gather_from_viewers(y, 302)
    want_spread = np.zeros(300)
    want_gather = np.zeros(302)
    for v in range(300):
        for f in g.people.indices[g.people.indptr[v] : g.people.indptr[v + 1]]:
            want_spread[v] += x[f]
            want_gather[f] += y[v]
    for s, d in zip(g.link_src, g.link_dst, strict=True):
        want_spread[d] += x[s]
        want_gather[s] += y[d]
    assert np.allclose(spread, want_spread, rtol=1e-5)
    assert np.allclose(gather, want_gather, rtol=1e-5)


def test_products_sum_as_the_stacked_people_and_customers_matrix():
    """The customers' matrix is the canonical CSR of the links (a customer linked twice is
    one entry of 2), and every product over the people's and the customers' matrices is
    bit for bit the product over ``hstack([people, customers])`` (each row: friends, then
    commercial accounts), with the links added since the build summed after, in float64."""
    import scipy.sparse as sp

    rng = np.random.default_rng(5)
    g = FriendsGraph(1500, 12, 0.1, rng)
    for _ in range(3):
        account = rng.integers(1500, 1560, 400)
        g.add_customers(account, account, rng.integers(0, 30, 400), rng.integers(0, 1500, 400), 0.3)
    n_cols = int(g.link_src.max()) + 1
    customers = sp.csr_matrix(
        (np.ones(g.n_links, np.float32), (g.link_dst, g.link_src - 1500)),
        shape=(1500, n_cols - 1500),
    )
    built = g._build()
    assert built.n_cols == n_cols - 1500
    assert built.data.max() >= 2.0  # some customer was linked twice
    for name in ("indptr", "indices", "data"):
        got, want = getattr(built, name), getattr(customers, name)
        assert got.dtype == want.dtype and np.array_equal(got, want), name
    by_account = customers.tocsc()  # the same entries by account, viewers ascending
    by_account.sort_indices()
    for name in ("indptr", "indices", "data"):
        got, want = getattr(built, f"by_col_{name}"), getattr(by_account, name)
        assert got.dtype == want.dtype and np.array_equal(got, want), name
    g.spread_to_viewers(np.zeros(n_cols + 5))  # builds the matrix
    stacked = sp.hstack([g.people, customers], format="csr")
    account = rng.integers(1500, n_cols + 5, 300)  # pending links, two new accounts
    g.add_customers(account, account, rng.integers(30, 60, 300), rng.integers(0, 1500, 300), 0.3)
    pending_src, pending_dst = g.link_src[-300:], g.link_dst[-300:]
    x = rng.random(n_cols + 5)
    x32 = x.astype(np.float32)
    want = (stacked @ x32[:n_cols]).astype(np.float64)
    want += np.bincount(pending_dst, weights=x32[pending_src], minlength=1500)
    assert np.array_equal(g.spread_to_viewers(x), want)
    y = rng.random(1500)
    y32 = y.astype(np.float32)
    want = np.zeros(n_cols + 5)
    want[:n_cols] = stacked.T @ y32
    want += np.bincount(pending_src, weights=y32[pending_dst], minlength=n_cols + 5)
    assert np.array_equal(g.gather_from_viewers(y, n_cols + 5), want)


def test_audiences_follow_every_change_of_viewers_and_links():
    """Audiences are counted from the last day's by the viewers who changed and the links
    added since: always the same counts as the full product over the graph."""
    rng = np.random.default_rng(6)
    g = FriendsGraph(800, 10, 0.2, rng)
    n = 830
    active = rng.random(800) < 0.8
    for day in range(40):
        account = rng.integers(800, n, 60)
        g.add_customers(account, account, rng.integers(0, 40, 60), rng.integers(0, 800, 60), 0.4)
        flip = rng.random(800) < (0.5 if day % 7 == 0 else 0.02)
        active = np.where(flip, ~active, active)
        n += int(rng.integers(0, 3))
        asked = n - 25 if day == 20 else n  # once, fewer accounts than counted before
        assert np.array_equal(
            g.audiences(asked, active)[0],
            g.gather_from_viewers(active, asked).astype(np.float32),
        )
        audience, _sought = g.audiences(n, active)
        assert np.array_equal(audience, g.gather_from_viewers(active, n).astype(np.float32))
        want = np.zeros(n)  # active friends, then active customers, counted one by one
        want[:800] = g.people.T @ active.astype(np.float64)
        want += np.bincount(g.link_src, weights=active[g.link_dst], minlength=n)
        assert np.array_equal(audience, want)


def test_customers_are_commercial_accounts():
    g = FriendsGraph(100, 4, 0.1, np.random.default_rng(7))
    with pytest.raises(ValueError, match="commercial accounts"):
        g.add_customers(np.array([5]), np.array([5]), np.array([0]), np.array([10]), 0.5)
