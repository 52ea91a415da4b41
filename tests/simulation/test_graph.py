"""The friends graph is a clustered small world; commercial links grow over time."""

from __future__ import annotations

import numpy as np

from simulation.world.graph import FriendsGraph


def test_small_world_degree_and_clustering():
    rng = np.random.default_rng(1)
    g = FriendsGraph(3000, 30, 0.1, rng)
    degree = np.diff(g.people.indptr)
    assert abs(degree.mean() - 30) < 1.5
    assert (g.people != g.people.T).nnz == 0  # friendship is mutual
    assert g.people.diagonal().sum() == 0
    assert g.clustering_sample(rng) > 0.3  # a random graph of this density has ~0.01


def test_customers_and_audience():
    rng = np.random.default_rng(2)
    g = FriendsGraph(500, 10, 0.1, rng)
    g.add_customers(np.array([600, 601]), np.array([40, 0]), np.array([10, 20]), rng)
    active = np.ones(500, bool)
    audience = g.audience(602, active)
    assert 30 <= audience[600] <= 40  # duplicates possible, never more than added
    assert audience[601] == 0
    active[:] = False
    assert g.audience(602, active).sum() == 0
    assert 600 in g.friends_of(int(g.link_dst[0]))
