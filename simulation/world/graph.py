"""The friends graph: a clustered small world among people, plus commercial links.

Regular users (ids ``0..R-1``) form a Watts–Strogatz small world: a ring lattice
(neighbours are friends of each other's friends, so clustering is high) with a
share of links rewired at random (so the world is small). It is built once and
stored as a sparse CSR matrix.

Merchants, sellers and spammers add regular users as customers (QR codes,
groups). Those links grow during the run (a re-registered seller starts
friendless and rebuilds), so they live in append-only edge arrays. A seller's
customers cluster around a point of the ring: a seller serves a community.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def small_world(
    n: int, mean_friends: int, rewire: float, rng: np.random.Generator
) -> sp.csr_matrix:
    """Symmetric 0/1 adjacency of a Watts–Strogatz graph on ``n`` nodes (vectorised)."""
    half = max(1, min(mean_friends // 2, (n - 1) // 2))
    src = np.repeat(np.arange(n, dtype=np.int64), half)
    offset = np.tile(np.arange(1, half + 1, dtype=np.int64), n)
    dst = (src + offset) % n
    moved = rng.random(dst.shape[0]) < rewire
    dst[moved] = rng.integers(0, n, int(moved.sum()))
    keep = src != dst
    src, dst = src[keep], dst[keep]
    rows = np.concatenate([src, dst])
    cols = np.concatenate([dst, src])
    data = np.ones(rows.shape[0], dtype=np.float32)
    adj = sp.csr_matrix((data, (rows, cols)), shape=(n, n))
    adj.sum_duplicates()
    adj.data[:] = 1.0  # a rewired duplicate is still one friendship
    return adj


class FriendsGraph:
    """Who can see whose posts."""

    def __init__(self, n_regular: int, mean_friends: int, rewire: float, rng: np.random.Generator):
        self.n_regular = n_regular
        self.people = small_world(n_regular, mean_friends, rewire, rng)
        self._src = np.zeros(1 << 12, dtype=np.int32)  # commercial account
        self._dst = np.zeros(1 << 12, dtype=np.int32)  # regular customer
        self.n_links = 0
        self._center: dict[int, int] = {}

    @property
    def link_src(self) -> np.ndarray:
        return self._src[: self.n_links]

    @property
    def link_dst(self) -> np.ndarray:
        return self._dst[: self.n_links]

    def add_customers(
        self,
        accounts: np.ndarray,
        counts: np.ndarray,
        centers: np.ndarray,
        rng: np.random.Generator,
    ) -> None:
        """Link each commercial account to ``counts`` regular users around its ``center``."""
        total = int(counts.sum())
        if total == 0:
            return
        src = np.repeat(accounts.astype(np.int32), counts)
        center = np.repeat(centers.astype(np.int64), counts)
        spread = max(1.0, 0.04 * self.n_regular)
        dst = (center + np.rint(rng.normal(0.0, spread, total)).astype(np.int64)) % self.n_regular
        self._append(src, dst.astype(np.int32))

    def _append(self, src: np.ndarray, dst: np.ndarray) -> None:
        need = self.n_links + src.shape[0]
        if need > self._src.shape[0]:
            cap = self._src.shape[0]
            while cap < need:
                cap *= 2
            self._src = np.resize(self._src, cap)
            self._dst = np.resize(self._dst, cap)
        self._src[self.n_links : need] = src
        self._dst[self.n_links : need] = dst
        self.n_links = need

    def audience(self, n_accounts: int, viewer_active: np.ndarray) -> np.ndarray:
        """Active regular friends per account (the people who can see its posts)."""
        active = viewer_active.astype(np.float32)
        out = np.zeros(n_accounts, dtype=np.float32)
        out[: self.n_regular] = self.people @ active
        if self.n_links:
            out += np.bincount(self.link_src, weights=active[self.link_dst], minlength=n_accounts)[
                :n_accounts
            ].astype(np.float32)
        return out

    def spread_to_viewers(self, per_friend: np.ndarray) -> np.ndarray:
        """Sum over each regular user's friends of ``per_friend[author]`` (views they receive)."""
        out = np.asarray(self.people @ per_friend[: self.n_regular], dtype=np.float64)
        if self.n_links:
            out += np.bincount(
                self.link_dst, weights=per_friend[self.link_src], minlength=self.n_regular
            )
        return out

    def friends_of(self, viewer: int) -> np.ndarray:
        """Every account whose posts ``viewer`` (a regular user) can see."""
        row = self.people.indices[self.people.indptr[viewer] : self.people.indptr[viewer + 1]]
        commercial = self.link_src[self.link_dst == viewer]
        return np.union1d(row, commercial).astype(np.int64)

    def customers_of(self, account: int) -> np.ndarray:
        if account < self.n_regular:
            return self.people.indices[
                self.people.indptr[account] : self.people.indptr[account + 1]
            ]
        return np.unique(self.link_dst[self.link_src == account])

    def clustering_sample(self, rng: np.random.Generator, k: int = 200) -> float:
        """Mean local clustering coefficient over a sample of people (for tests and docs)."""
        nodes = rng.choice(self.n_regular, size=min(k, self.n_regular), replace=False)
        coeffs = []
        for v in nodes:
            nb = self.people.indices[self.people.indptr[v] : self.people.indptr[v + 1]]
            d = nb.shape[0]
            if d < 2:
                continue
            links = self.people[nb][:, nb].nnz / 2
            coeffs.append(links / (d * (d - 1) / 2))
        return float(np.mean(coeffs)) if coeffs else 0.0
