"""Growable structure-of-arrays tables: the engine's accounts and posts.

One NumPy array per field instead of one Python object per agent, so a day is a
handful of array operations whatever the population. Capacity grows by a quarter, so
appends stay amortised O(1) and at most a fifth of it is unused. Trimming the front only
moves an offset; the rows still held are moved back to the start of the arrays when an
append would otherwise run past their end (once every few days for the post table, not
every day).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import numpy as np


def _holds(dt: np.dtype, v: object) -> bool:
    """Whether integer type ``dt`` holds every value of an array of ``v``'s type (then no
    value needs looking at)."""
    return isinstance(v, np.ndarray) and v.dtype.kind in "iub" and np.can_cast(v.dtype, dt)


@cache
def _bounds(dt: np.dtype) -> tuple[int, int]:
    """The smallest and largest value of integer type ``dt``."""
    info = np.iinfo(dt)
    return int(info.min), int(info.max)


def _value_range(v: object) -> tuple[int, int]:
    """The smallest and largest of integer values ``v`` (an array, or one number: read as
    it is, which costs less than NumPy's min and max of a scalar)."""
    if isinstance(v, (int, np.integer)):
        return int(v), int(v)
    return int(np.min(v)), int(np.max(v))


def grown(cap: int, need: int) -> int:
    """A capacity of at least ``need``, grown by quarters from ``cap``: a table's capacity
    stays within 25% of the rows it holds, and appends stay amortised O(1) (doubling left
    up to half of it unused). The one growth rule of every growing table (``Columns``,
    the friends graph's links) and of the capacity the post table starts at."""
    while cap < need:
        cap += max(cap // 4, 1)
    return cap


class Columns:
    """A table of equally long NumPy columns with amortised appends and front trimming."""

    def __init__(self, schema: Mapping[str, tuple[np.dtype | type, object]], capacity: int = 1024):
        self._schema = {name: (np.dtype(dt), fill) for name, (dt, fill) in schema.items()}
        self._cap = max(int(capacity), 16)
        # rows past ``n`` are written (every column) when appended, never read before:
        # left unfilled, the pages of unused capacity cost no memory until rows reach them
        self._data = {
            name: np.empty(self._cap, dtype=dt) for name, (dt, _f) in self._schema.items()
        }
        self.n = 0
        self.base = 0  # global index of row 0 (rows before it were trimmed)
        self._off = 0  # where row 0 sits in the arrays (trimmed rows before it)

    def __len__(self) -> int:
        return self.n

    def __getattr__(self, name: str) -> np.ndarray:
        try:
            d = self.__dict__
            return d["_data"][name][d["_off"] : d["_off"] + d["n"]]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: object) -> None:
        if name in self.__dict__.get("_schema", ()):
            # ``table.col += x`` would rebind the name to a stale view, not write the column
            raise AttributeError(f"column {name!r} is written in place (table.{name}[...] = ...)")
        super().__setattr__(name, value)

    def __deepcopy__(self, memo: dict[int, object]) -> Columns:
        """A copy that copies the rows held, not the whole capacity (a post table starts
        with room for weeks of posts; copying it all would make that memory resident)."""
        import copy

        new = object.__new__(type(self))
        for key, value in self.__dict__.items():
            if key != "_data":
                new.__dict__[key] = copy.deepcopy(value, memo)
        held = slice(self._off, self._off + self.n)
        data = {}
        for name, arr in self._data.items():
            if id(arr) not in memo:  # an array shared elsewhere stays shared in the copy
                twin = np.empty_like(arr)
                twin[held] = arr[held]
                memo[id(arr)] = twin
            data[name] = memo[id(arr)]
        new.__dict__["_data"] = data
        return new

    def column(self, name: str) -> np.ndarray:
        return self._data[name][self._off : self._off + self.n]

    def fit(self, name: str, low: int, high: int) -> None:
        """Make integer column ``name`` able to hold values from ``low`` to ``high``
        (inclusive): widened to the next larger integer type when they do not fit. Columns
        start at their smallest type; the values they hold never change, only their type."""
        dt = self._schema[name][0]
        least, most = _bounds(dt)
        if least <= low and high <= most:
            return
        for wider in (np.int16, np.int32, np.int64):
            wide = np.iinfo(wider)
            if np.dtype(wider).itemsize > dt.itemsize and wide.min <= low and high <= wide.max:
                break
        else:
            raise OverflowError(f"column {name} cannot hold {low}..{high}")
        self._schema[name] = (np.dtype(wider), self._schema[name][1])
        # only the rows held are converted: a copy of the whole capacity would write (and
        # so make resident) the pages of rows not yet appended
        old = self._data[name]
        new = np.empty(len(old), dtype=wider)
        held = slice(self._off, self._off + self.n)
        new[held] = old[held]
        self._data[name] = new

    def first_row_from(self, name: str, value: int) -> int:
        """First row whose ``name`` (a column sorted ascending, e.g. the post's day) is at
        least ``value``. The value is cast to the column's type first: searching with a
        Python int would make NumPy convert the whole column to int64 (milliseconds on a
        post table) before a binary search of microseconds."""
        col = self.column(name)
        return int(np.searchsorted(col, col.dtype.type(value), side="left"))

    def append(self, count: int, **values: np.ndarray | float | int) -> np.ndarray:
        """Append ``count`` rows; unspecified fields take their default. Returns global indices."""
        unknown = set(values) - set(self._schema)
        if unknown:
            raise KeyError(f"unknown columns {sorted(unknown)}")
        for name, v in values.items():
            dt = self._schema[name][0]
            if dt.kind in "iu" and np.size(v) and not _holds(dt, v):
                self.fit(name, *_value_range(v))
        need = self.n + count
        if need > self._cap:
            self._grow(need)
        elif self._off + need > self._cap:
            if 4 * (need + need // 4) < 3 * self._cap:  # holding under 60% of the capacity:
                self._resize(need + need // 4)  # moved to smaller arrays, not back in place
            else:
                self._compact()
        start, stop = self._off + self.n, self._off + need
        for name, (_dt, fill) in self._schema.items():
            self._data[name][start:stop] = values.get(name, fill)
        self.n = need
        return np.arange(self.base + need - count, self.base + need, dtype=np.int64)

    def _grow(self, need: int) -> None:
        self._resize(grown(self._cap, need))

    def _resize(self, cap: int) -> None:
        """Move the rows held to new arrays of ``cap`` rows (at least ``n``)."""
        cap = max(cap, self.n, 16)
        for name, (dt, _fill) in self._schema.items():
            new = np.empty(cap, dtype=dt)
            new[: self.n] = self._data[name][self._off : self._off + self.n]
            self._data[name] = new
        self._cap = cap
        self._off = 0

    def _compact(self) -> None:
        """Move the rows held back to the start of the arrays."""
        if self._off:
            for arr in self._data.values():
                arr[: self.n] = arr[self._off : self._off + self.n]
            self._off = 0

    def trim_front(self, rows: int) -> None:
        """Forget the first ``rows`` rows (old posts); global indices of the rest are kept."""
        rows = int(min(max(rows, 0), self.n))
        if rows == 0:
            return
        self._off += rows
        self.n -= rows
        self.base += rows
        if self.n == 0:
            self._off = 0

    def nbytes(self) -> int:
        return sum(a.nbytes for a in self._data.values())
