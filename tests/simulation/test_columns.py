"""The growable table keeps every row it holds, in order, through appends and trims."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulation.world.columns import Columns

SCHEMA = {"day": (np.int32, 0), "views": (np.float32, 1.5)}


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 40)), max_size=60))
def test_rows_held_match_a_plain_list(steps: list[tuple[bool, int]]) -> None:
    table = Columns(SCHEMA, capacity=16)
    rows: list[tuple[int, int]] = []  # (global id, day)
    next_id = 0
    for is_append, k in steps:
        if is_append:
            days = np.arange(next_id, next_id + k, dtype=np.int32)
            ids = table.append(k, day=days)
            assert ids.tolist() == list(range(next_id, next_id + k))
            rows += [(i, i) for i in range(next_id, next_id + k)]
            next_id += k
        else:
            table.trim_front(k)
            rows = rows[k:]
        if k % 7 == 0:  # a copy (a saved live world) holds the same rows and goes on alike
            table = copy.deepcopy(table)
        if k % 11 == 0 and rows:  # widened with values unchanged
            table.fit("day", 0, 2**40)
        assert len(table) == len(rows)
        assert table.day.tolist() == [d for _i, d in rows]
        assert table.base == (rows[0][0] if rows else next_id)
        assert np.all(table.views == np.float32(1.5))


def test_first_row_from_searches_the_rows_held() -> None:
    table = Columns(SCHEMA, capacity=16)
    table.append(10, day=np.repeat(np.arange(5, dtype=np.int32), 2))
    table.trim_front(3)  # days 1, 2, 2, 3, 3, 4, 4 remain
    assert table.first_row_from("day", 2) == 1
    assert table.first_row_from("day", 9) == len(table)


def test_integer_columns_widen_when_values_outgrow_them() -> None:
    table = Columns({"day": (np.int16, 0), "text": (np.uint16, 0)}, capacity=16)
    table.append(2, day=np.array([-5, 7], np.int32), text=np.array([1, 2], np.int32))
    assert table.day.dtype == np.int16 and table.text.dtype == np.uint16
    table.append(1, day=np.array([40_000], np.int32), text=np.array([70_000], np.int64))
    assert table.day.dtype == np.int32 and table.text.dtype == np.int32
    assert table.day.tolist() == [-5, 7, 40_000] and table.text.tolist() == [1, 2, 70_000]
    table.fit("day", -1, 2**40)
    assert table.day.dtype == np.int64 and table.day.tolist() == [-5, 7, 40_000]


def test_a_table_that_shrank_moves_to_smaller_arrays() -> None:
    """When most rows were trimmed, the next move of the rows held goes to arrays sized for
    them (capacity within a quarter of the rows) instead of back into the large ones."""
    table = Columns(SCHEMA, capacity=16)
    table.append(1000, day=np.arange(1000, dtype=np.int32))
    big = table._cap
    table.trim_front(900)  # 100 rows held, far fewer than the capacity
    while table._cap == big:  # appends fill the arrays' end, then the rows move
        table.append(10, day=np.arange(table.base + len(table), table.base + len(table) + 10))
    assert table._cap < big / 2 and table._cap <= len(table) + len(table) // 4 + 1
    assert table.day.tolist() == list(range(900, table.base + len(table)))
    assert np.all(table.views == np.float32(1.5))


def test_a_column_is_written_in_place_not_rebound():
    """``table.col += x`` would bind a stale view under the column's name (no longer the
    column once the table grows): refused; writing into the column works."""
    t = Columns({"a": (np.int32, 0)}, capacity=16)
    t.append(3, a=np.array([1, 2, 3], np.int32))
    with pytest.raises(AttributeError, match="in place"):
        t.a += 1  # (NumPy has added in place by then; the rebinding is what is refused)
    t.a[:] += 1
    t.append(40, a=np.zeros(40, np.int32))  # grows: the arrays move
    assert t.a[:3].tolist() == [3, 4, 5]


def test_a_copy_holds_the_same_rows_and_is_independent():
    """A copy (``copy.deepcopy``, as a saved live world is closed) copies the rows held,
    not the capacity, and shares nothing with the original."""
    table = Columns(SCHEMA, capacity=64)
    table.append(20, day=np.arange(20, dtype=np.int32))
    table.trim_front(5)
    twin = copy.deepcopy(table)
    assert twin.day.tolist() == table.day.tolist() == list(range(5, 20))
    assert twin.base == table.base and len(twin) == len(table)
    twin.day[0] = 99
    twin.append(3, day=np.array([1, 2, 3], np.int32))
    assert table.day.tolist() == list(range(5, 20)) and len(table) == 15
    assert twin.day.tolist() == [99, *range(6, 20), 1, 2, 3]
    assert np.all(twin.views == np.float32(1.5))
