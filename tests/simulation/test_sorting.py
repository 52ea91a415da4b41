"""The radix stable order is exactly NumPy's stable argsort."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from simulation.world.sorting import stable_order


@given(arrays(np.int32, st.integers(0, 400), elements=st.integers(0, 2**31 - 1)))
def test_int_keys_same_order_as_stable_argsort(keys: np.ndarray) -> None:
    assert np.array_equal(stable_order(keys), np.argsort(keys, kind="stable"))


@given(
    arrays(
        np.float32,
        st.integers(0, 400),
        elements=st.floats(0.0, 24.0, width=32, allow_subnormal=False),
    )
)
def test_float_keys_same_order_as_stable_argsort(keys: np.ndarray) -> None:
    keys = keys + np.float32(0.0)  # no negative zero
    assert np.array_equal(stable_order(keys), np.argsort(keys, kind="stable"))


def test_many_ties_keep_their_order() -> None:
    keys = np.random.default_rng(1).integers(0, 50, 100_000).astype(np.int32)
    assert np.array_equal(stable_order(keys), np.argsort(keys, kind="stable"))


def test_refuses_negative_and_wide_keys() -> None:
    with pytest.raises(ValueError):
        stable_order(np.array([3, -1], np.int32))
    with pytest.raises(TypeError):
        stable_order(np.array([3, 1], np.int64))
