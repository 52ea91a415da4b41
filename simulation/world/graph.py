"""The friends graph: a clustered small world among people, plus commercial links.

Regular users (ids ``0..R-1``) form a Watts–Strogatz small world: a ring lattice
(neighbours are friends of each other's friends, so clustering is high) with a
share of links rewired at random (so the world is small). It is built once and
stored as a sparse CSR matrix.

Merchants, sellers and spammers add regular users as customers (QR codes,
groups). Those links grow during the run (a re-registered seller starts
friendless and rebuilds), so they live in append-only edge arrays. A seller's
customers cluster around a point of the ring: a seller serves a community. Some
customers sought the seller out (buyers who scanned its QR code); the rest were
added unasked.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from scipy.sparse import _sparsetools
from scipy.special import ndtri

from simulation.world import parallel
from simulation.world.columns import grown
from simulation.world.sorting import stable_order


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


SPREAD = 0.04  # customers of a commercial account live within ~4% of the ring of its center


def _mix(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: a well-mixed uint64 from a uint64 (wrapping arithmetic)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _uniform(x: np.ndarray) -> np.ndarray:
    """Uniform floats in (0, 1) from uint64 hashes."""
    return ((x >> np.uint64(11)).astype(np.float64) + 0.5) * 2.0**-53


def _moved(a: np.ndarray, n: int, cap: int) -> np.ndarray:
    """The first ``n`` values of ``a`` in a new array of ``cap`` (the rest unwritten)."""
    out = np.empty(cap, a.dtype)
    out[:n] = a[:n]
    return out


class _Csr(NamedTuple):
    """A CSR matrix's arrays, regular viewers × ``n_cols`` columns, and the same entries
    by column (``by_col_*``: the CSR arrays of the transpose, each column's viewers
    ascending)."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    n_cols: int
    by_col_indptr: np.ndarray
    by_col_indices: np.ndarray
    by_col_data: np.ndarray


def _matvec(indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, x, y) -> None:
    """``y += A @ x`` in place for the CSR matrix ``(data, indices, indptr)``, in float32:
    SciPy's own kernel (what ``A @ x`` runs), which adds each row's terms, in order, to
    ``y``'s value. ``x`` and ``y`` C-contiguous float32 (``y`` is written in place).

    A large matrix's rows are shared out over threads by their entries
    (``simulation.world.parallel``): a block of rows is the same kernel on ``indptr``'s
    slice (its offsets still point into ``indices`` and ``data``) writing ``y``'s slice, so
    every row's sum is the same."""
    n_cols = len(x)

    def rows(a: int, b: int) -> None:
        _sparsetools.csr_matvec(b - a, n_cols, indptr[a : b + 1], indices, data, x, y[a:b])

    parallel.by_rows(rows, parallel.bounds(len(indptr) - 1, indptr))


def _row_sums(
    indptr: np.ndarray,
    indices: np.ndarray,
    data: np.ndarray | None,
    rows: np.ndarray,
    weight: np.ndarray,
    n_out: int,
    offset: int = 0,
) -> np.ndarray:
    """``weight @ A[rows]`` for the CSR matrix ``(data, indices, indptr)`` (data None: all
    ones): each row's entries, times its weight, summed per column (column ``j`` is output
    ``offset + j``; outputs at ``n_out`` and beyond dropped). Float64 (n_out,)."""
    start = indptr[rows].astype(np.int64)
    size = indptr[rows + 1].astype(np.int64) - start
    pos = np.arange(int(size.sum()), dtype=np.int64)
    pos += np.repeat(start - (np.cumsum(size) - size), size)  # each row's entries in turn
    w = np.repeat(weight, size)
    if data is not None:
        w *= data[pos]
    return np.bincount(indices[pos] + offset, weights=w, minlength=n_out)[:n_out]


class FriendsGraph:
    """Who can see whose posts.

    Customer links are positions, not draws: the ``slot``-th customer of a person
    (``lineage``) is a fixed regular user near the person's ``center`` on the ring, and
    whether that customer sought the person out (a buyer) or was added unasked is fixed
    too. So a banned seller who re-registers and re-finds its old customers through its
    groups finds the same people, while a fresh slot is a new person of the same community.
    """

    def __init__(self, n_regular: int, mean_friends: int, rewire: float, rng: np.random.Generator):
        self.n_regular = n_regular
        people = small_world(n_regular, mean_friends, rewire, rng)
        # the friendships' structure only (every value is 1): ``people`` rebuilds the matrix
        self._people = (people.indptr, people.indices, people.shape)
        self.salt = np.uint64(int(rng.integers(0, 2**62)))
        self._src = np.zeros(1 << 12, dtype=np.int32)  # commercial account
        self._dst = np.zeros(1 << 12, dtype=np.int32)  # regular customer
        self._sought = np.zeros(1 << 12, dtype=bool)  # the customer added it to buy
        # the links whose customer sought the account out: their accounts and customers
        self._sought_src = np.zeros(1 << 10, dtype=np.int32)
        self._sought_dst = np.zeros(1 << 10, dtype=np.int32)
        self.n_links = 0
        self.n_sought = 0
        self._matrix: _Csr | None = None  # the customers' links, see _customer_matrix
        self._built = 0  # links in _matrix
        self._ones: np.ndarray | None = None  # see _people_ones
        # the last audiences counted: (viewers active, links counted, counts), see
        # _audience_counts
        self._audience: tuple[np.ndarray, int, np.ndarray] | None = None

    @property
    def people(self) -> sp.csr_matrix:
        """Symmetric 0/1 adjacency of the regular users (float32 CSR; a new matrix over the
        stored structure on each call, its values its own)."""
        indptr, indices, shape = self._people
        return sp.csr_matrix((np.ones(len(indices), np.float32), indices, indptr), shape=shape)

    @property
    def link_src(self) -> np.ndarray:
        return self._src[: self.n_links]

    @property
    def link_dst(self) -> np.ndarray:
        return self._dst[: self.n_links]

    @property
    def link_sought(self) -> np.ndarray:
        return self._sought[: self.n_links]

    def customer(
        self,
        lineage: np.ndarray,
        slot: np.ndarray,
        center: np.ndarray,
        sought_share: float | np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The regular user in ``slot`` of a person's customers, and whether they sought it
        (a customer in a slot sought the person with probability ``sought_share``).

        Arrays per link (equal length); returns (customer id int32, sought bool).
        """
        key = lineage.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + slot.astype(np.uint64)
        h1 = _mix(key ^ self.salt)
        h2 = _mix(h1 + np.uint64(0x632BE59BD9B4E019))
        spread = max(1.0, SPREAD * self.n_regular)
        offset = np.rint(spread * ndtri(_uniform(h1))).astype(np.int64)
        dst = (center.astype(np.int64) + offset) % self.n_regular
        return dst.astype(np.int32), _uniform(h2) < sought_share

    def add_customers(
        self,
        src: np.ndarray,
        lineage: np.ndarray,
        slot: np.ndarray,
        center: np.ndarray,
        sought_share: float | np.ndarray,
    ) -> None:
        """Link commercial accounts to the customers in the given slots (per-link arrays)."""
        if not len(src):
            return
        dst, sought = self.customer(lineage, slot, center, sought_share)
        self._append(src.astype(np.int32), dst, sought)

    def _append(self, src: np.ndarray, dst: np.ndarray, sought: np.ndarray) -> None:
        if len(src) and int(src.min()) < self.n_regular:
            raise ValueError(
                f"customer links go to commercial accounts (ids {self.n_regular} and up), "
                f"not to account {int(src.min())}"
            )
        need = self.n_links + src.shape[0]
        if need > self._src.shape[0]:
            cap = grown(self._src.shape[0], need)
            self._src = _moved(self._src, self.n_links, cap)
            self._dst = _moved(self._dst, self.n_links, cap)
            self._sought = _moved(self._sought, self.n_links, cap)
        self._src[self.n_links : need] = src
        self._dst[self.n_links : need] = dst
        self._sought[self.n_links : need] = sought
        more = self.n_sought + int(np.count_nonzero(sought))
        if more > self._sought_src.shape[0]:
            cap = grown(self._sought_src.shape[0], more)
            self._sought_src = _moved(self._sought_src, self.n_sought, cap)
            self._sought_dst = _moved(self._sought_dst, self.n_sought, cap)
        self._sought_src[self.n_sought : more] = src[sought]
        self._sought_dst[self.n_sought : more] = dst[sought]
        self.n_sought = more
        self.n_links = need

    def _customer_matrix(self) -> tuple[_Csr, np.ndarray, np.ndarray]:
        """Who is a customer of whom as one sparse matrix (regular viewers × commercial
        accounts, :meth:`_build`), plus the links added since it was built.

        The matrix is rebuilt when the links added since exceed a tenth of those in it, so
        the daily products stay sparse-matrix products (a few milliseconds at 100,000
        accounts) while building it costs little over a run. The old matrix is let go
        before the new one is built. The people's part of every product is over the
        friendships' structure (``_people``), which never changes and is never rebuilt."""
        pending = self.n_links - self._built
        if self._matrix is None or pending > max(20_000, self._built // 10):
            self._matrix = None
            self._matrix = self._build()
            self._built = self.n_links
        return (
            self._matrix,
            self._src[self._built : self.n_links],
            self._dst[self._built : self.n_links],
        )

    def _build(self) -> _Csr:
        """The customers' links as a canonical CSR matrix, regular viewers × commercial
        accounts (column ``j`` is account ``n_regular + j``): rows sorted by account, a
        customer linked twice counts twice (one entry of 2, exact in float32); no columns
        when there are no links. Beside the people's matrix it is the viewers × accounts matrix
        ``hstack([people, customers])`` (each row: its friends, then the commercial
        accounts it is a customer of), which is the order every product sums in."""
        src, dst = self.link_src, self.link_dst
        n_reg = self.n_regular
        n_com = int(src.max()) + 1 - n_reg if len(src) else 0
        if n_com == 0:
            none = np.zeros(0, np.int32)
            return _Csr(
                np.zeros(n_reg + 1, np.int32),
                none,
                np.zeros(0, np.float32),
                0,
                np.zeros(1, np.int32),
                none,
                np.zeros(0, np.float32),
            )
        # the links sorted by (viewer, account): a radix sort (linear) of 32-bit keys
        col = (src - n_reg).astype(np.uint32)
        if n_reg * n_com <= 1 << 32:  # the pair as one 32-bit key
            order = stable_order((dst.astype(np.int64) * n_com + col).astype(np.uint32))
        else:  # by account, then stably by viewer
            order = stable_order(col)
            order = order[stable_order(dst[order])]
        row, col = dst[order], col[order]
        del order
        first = np.ones(len(row), bool)  # the first link of each (viewer, account) pair
        np.not_equal(row[1:], row[:-1], out=first[1:])
        first[1:] |= col[1:] != col[:-1]
        at = np.flatnonzero(first)
        del first
        count = np.diff(at, append=len(row)).astype(np.float32)
        row, col = row[at], col[at]
        nnz = len(at)
        del at
        index = np.int32 if max(nnz, n_com) < np.iinfo(np.int32).max else np.int64
        indptr = np.zeros(n_reg + 1, index)
        np.cumsum(np.bincount(row, minlength=n_reg), out=indptr[1:])
        col_ptr = np.zeros(n_com + 1, index)
        np.cumsum(np.bincount(col, minlength=n_com), out=col_ptr[1:])
        # by account: a stable order of the entries by column keeps each column's viewers
        # ascending (one radix pass when the columns fit 16 bits)
        by_col = (
            np.argsort(col.astype(np.uint16), kind="stable")
            if n_com <= 1 << 16
            else stable_order(col)
        )
        col = col.astype(index, copy=False)
        by_col_rows = row[by_col].astype(index, copy=False)
        del row
        by_col_data = count[by_col]
        del by_col
        return _Csr(indptr, col, count, n_com, col_ptr, by_col_rows, by_col_data)

    def _people_ones(self) -> np.ndarray:
        """The people's matrix values (float32 ones, one per friendship entry), made once."""
        if self._ones is None:
            self._ones = np.ones(len(self._people[1]), np.float32)
        return self._ones

    def audiences(
        self, n_accounts: int, viewer_active: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Active regular friends per account (who can see its posts), and how many of them
        sought it out (customers who added a seller to buy). Two float32 arrays (n_accounts,)."""
        out = self._audience_counts(n_accounts, viewer_active).astype(np.float32)
        sought = np.zeros(n_accounts, dtype=np.float32)
        if self.n_sought:
            active = viewer_active.astype(np.float32)
            src, dst = self._sought_src[: self.n_sought], self._sought_dst[: self.n_sought]
            sought += np.bincount(src, weights=active[dst], minlength=n_accounts)[:n_accounts]
        return out, sought

    def _audience_counts(self, n_accounts: int, viewer_active: np.ndarray) -> np.ndarray:
        """``gather_from_viewers(viewer_active, n_accounts)``, updated from the last call's
        counts: the links added since (counted with the viewers active then), then every
        link and friendship of the viewers whose state changed since. The counts are whole
        numbers below 2**24 (so every float32 and float64 sum of them is exact, in any
        order): the same values as the full product, at the cost of the few viewers who
        changed instead of a pass over the whole matrix."""
        customers, pend_src, pend_dst = self._customer_matrix()  # rebuilt when it is due
        active = np.asarray(viewer_active, bool)
        last = self._audience
        shrunk = last is not None and n_accounts < len(last[2])  # fewer than counted
        if last is None or len(last[0]) != len(active) or shrunk or self.n_regular >= 1 << 24:
            counts = self.gather_from_viewers(active, n_accounts)
            # counts cut to fewer accounts cannot be carried on when they grow again
            self._audience = None if shrunk else (active.copy(), self.n_links, counts)
            return counts
        before, counted, prev = last
        counts = np.zeros(n_accounts, np.float64)
        kept = min(len(prev), n_accounts)
        counts[:kept] = prev[:kept]
        if self.n_links > counted:  # links added since, counted with the viewers active then
            s, d = self._src[counted : self.n_links], self._dst[counted : self.n_links]
            counts += np.bincount(s, weights=before[d], minlength=n_accounts)[:n_accounts]
        changed = np.flatnonzero(active != before)
        if len(changed):  # +1 for each viewer now active, -1 for each no longer
            delta = np.where(active[changed], 1.0, -1.0)
            indptr, indices, _shape = self._people
            counts += _row_sums(indptr, indices, None, changed, delta, n_accounts)
            if customers.n_cols:
                counts += _row_sums(
                    customers.indptr,
                    customers.indices,
                    customers.data,
                    changed,
                    delta,
                    n_accounts,
                    self.n_regular,
                )
            if len(pend_src):
                per_viewer = np.zeros(self.n_regular)
                per_viewer[changed] = delta
                w = per_viewer[pend_dst]
                counts += np.bincount(pend_src, weights=w, minlength=n_accounts)[:n_accounts]
        self._audience = (active.copy(), self.n_links, counts)
        return counts

    def audience(self, n_accounts: int, viewer_active: np.ndarray) -> np.ndarray:
        """Active regular friends per account (the people who can see its posts)."""
        return self.audiences(n_accounts, viewer_active)[0]

    def spread_to_viewers(self, per_friend: np.ndarray) -> np.ndarray:
        """Sum over each regular user's friends of ``per_friend[author]`` (views they
        receive): ``per_friend`` (n_accounts,) in, (n_regular,) float64 out. Computed in
        float32 (the matrix's type; about 7 significant digits): over each user's friends,
        then the commercial accounts it is a customer of, in one float32 sum per user, as
        ``hstack([people, customers]) @ x`` sums; links added since the customers' matrix
        was built are added after, in float64."""
        customers, src, dst = self._customer_matrix()
        x = per_friend.astype(np.float32)
        n_reg = self.n_regular
        indptr, indices, _shape = self._people
        y = np.zeros(n_reg, np.float32)
        # each product adds into y (y += A @ x), so the customers' terms continue each
        # row's sum where its friends' terms left it
        _matvec(indptr, indices, self._people_ones(), x[:n_reg], y)
        if customers.n_cols:
            n_cols = n_reg + customers.n_cols
            # account by account (ascending), each adding its terms to its viewers' sums:
            # every viewer's sum gets its accounts' terms in ascending order, as the row
            # by row product adds them, at a fraction of its cost (a few entries per row)
            _sparsetools.csc_matvec(
                n_reg,
                customers.n_cols,
                customers.by_col_indptr,
                customers.by_col_indices,
                customers.by_col_data,
                x[n_reg:n_cols],
                y,
            )
        out = y.astype(np.float64)
        if len(src):
            out += np.bincount(dst, weights=x[src], minlength=n_reg)
        return out

    def gather_from_viewers(self, per_viewer: np.ndarray, n_accounts: int) -> np.ndarray:
        """Sum over each account's regular friends of ``per_viewer[friend]`` (the transpose of
        :meth:`spread_to_viewers`): (n_regular,) in, (n_accounts,) float64 out. Float32 sums
        over viewers in ascending order, as ``hstack([people, customers]).T @ x`` sums
        (friendship is mutual, so a person's column of the people's matrix is its row);
        links added since the matrix was built are added after, in float64."""
        customers, src, dst = self._customer_matrix()
        x = per_viewer.astype(np.float32)
        n_reg = self.n_regular
        indptr, indices, _shape = self._people
        out = np.zeros(n_accounts, dtype=np.float64)
        y = np.zeros(n_reg, np.float32)
        _matvec(indptr, indices, self._people_ones(), x, y)
        out[: min(n_reg, n_accounts)] = y[:n_accounts]
        if customers.n_cols and n_accounts > n_reg:
            yc = np.zeros(customers.n_cols, np.float32)
            # account by account, over its viewers ascending: the order in which the
            # product of the transpose adds them
            _matvec(
                customers.by_col_indptr,
                customers.by_col_indices,
                customers.by_col_data,
                x,
                yc,
            )
            n_cols = min(n_reg + customers.n_cols, n_accounts)
            out[n_reg:n_cols] = yc[: n_cols - n_reg]
        if len(src):
            out += np.bincount(src, weights=x[dst], minlength=n_accounts)[:n_accounts]
        return out

    def people_of(self, person: int) -> np.ndarray:
        """The regular users who are friends of regular user ``person`` (sorted int32)."""
        indptr, indices, _ = self._people
        return indices[indptr[person] : indptr[person + 1]]

    def friends_of(self, viewer: int) -> np.ndarray:
        """Every account whose posts ``viewer`` (a regular user) can see."""
        row = self.people_of(viewer)
        commercial = self.link_src[self.link_dst == viewer]
        return np.union1d(row, commercial).astype(np.int64)

    def customers_of(self, account: int) -> np.ndarray:
        if account < self.n_regular:
            return self.people_of(account)
        return np.unique(self.link_dst[self.link_src == account])

    def clustering_sample(self, rng: np.random.Generator, k: int = 200) -> float:
        """Mean local clustering coefficient over a sample of people (for tests and docs)."""
        nodes = rng.choice(self.n_regular, size=min(k, self.n_regular), replace=False)
        coeffs = []
        people = self.people
        for v in nodes:
            nb = people.indices[people.indptr[v] : people.indptr[v + 1]]
            d = nb.shape[0]
            if d < 2:
                continue
            links = people[nb][:, nb].nnz / 2
            coeffs.append(links / (d * (d - 1) / 2))
        return float(np.mean(coeffs)) if coeffs else 0.0
