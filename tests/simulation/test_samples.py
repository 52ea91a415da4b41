"""The sampled-post table: batches of arrays in, the same Python values out as one dict per
post would have given."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulation.world.samples import FIELDS, SampleTable

INTS = [f for f in FIELDS if f not in {"hour", "removed_at_hours", "views", "labelled", "evidence"}]


def batch(n: int, seed: int, wide: bool = False) -> dict:
    rng = np.random.default_rng(seed)
    out: dict = {f: rng.integers(0, 100, n).astype(np.int8) for f in INTS}
    if wide:  # a later day's column widened by the engine (int8 -> int16)
        out["reports"] = rng.integers(0, 30_000, n).astype(np.int16)
    out["post_id"] = np.arange(seed * 1000, seed * 1000 + n, dtype=np.int64)
    out["hour"] = rng.random(n) * 24
    out["views"] = rng.random(n) * 50
    age = rng.random(n) * 48
    age[rng.random(n) < 0.5] = np.inf
    out["removed_at_hours"] = age
    out["labelled"] = rng.random(n) < 0.3
    out["evidence"] = [f"why {i}" if i % 3 == 0 else "" for i in range(n)]
    return out


def as_dicts(batches: list[dict]) -> list[dict]:
    """The reference: one dict per post, each value converted on its own."""
    rows = []
    for b in batches:
        for i in range(len(b["post_id"])):
            row = {}
            for f in FIELDS:
                v = b[f][i]
                if f == "evidence":
                    row[f] = v
                elif f == "removed_at_hours":
                    row[f] = None if math.isinf(v) else float(v)
                else:
                    row[f] = v.item()
            rows.append(row)
    return rows


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.booleans()), max_size=6), st.data())
def test_columns_and_rows_equal_one_dict_per_post(sizes, data):
    table = SampleTable()
    batches = [batch(n, seed, wide) for seed, (n, wide) in enumerate(sizes)]
    for b in batches:
        table.append(b)
    want = as_dicts(batches)
    assert len(table) == len(want)
    columns = table.columns()
    assert list(columns) == list(FIELDS)
    posts = zip(*columns.values(), strict=True)
    assert [dict(zip(FIELDS, vals, strict=True)) for vals in posts] == want
    for f in FIELDS:  # the very types a dict per post held: int, float, bool, str, None
        assert [type(v) for v in columns[f]] == [type(r[f]) for r in want]
    keep = data.draw(st.lists(st.booleans(), min_size=len(want), max_size=len(want)))
    chosen = table.rows(np.array(keep, bool))
    assert chosen == [r for r, k in zip(want, keep, strict=True) if k]
    assert table.rows() == want


def test_a_widened_column_keeps_every_value():
    table = SampleTable()
    table.append(batch(5, 1))
    table.append(batch(5, 2, wide=True))
    reports = table.array("reports")
    assert reports.dtype == np.int16 and len(reports) == 10
    assert reports[5:].max() > 127  # the wide batch's values, not wrapped


def test_an_empty_table_and_empty_batches():
    table = SampleTable()
    table.append(batch(0, 0))
    assert len(table) == 0
    assert table.array("author").shape == (0,)
    assert table.columns() == {f: [] for f in FIELDS}
    assert table.rows() == []


def test_bad_batches_are_refused():
    table = SampleTable()
    b = batch(3, 1)
    del b["likes"]
    with pytest.raises(ValueError, match="missing \\['likes'\\]"):
        table.append(b)
    b = batch(3, 1)
    b["views"] = b["views"][:2]
    with pytest.raises(ValueError, match="different lengths"):
        table.append(b)
    with pytest.raises(KeyError):
        table.array("evidence")
    assert len(table) == 0
