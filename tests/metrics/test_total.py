"""``summary.total``: the same sum, to the last bit, as summing ``m[list(cols)]``."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from simulation.metrics.summary import total

# shares and rates with every bit of a float in use (where the order of adding shows),
# counts, and days a ratio is undefined
INEXACT = st.integers(1, 2**53).map(lambda i: i / 3.0**17)
VALUES = st.one_of(
    INEXACT,
    INEXACT,
    st.floats(min_value=-1e12, max_value=1e12),
    st.integers(-(10**6), 10**6).map(float),
    st.just(float("nan")),
)


@st.composite
def frames_and_columns(draw):
    days = draw(st.integers(0, 300))  # past numpy's blocks of 8 and 128 numbers
    n = draw(st.integers(1, 8))
    data = {}
    for i in range(n):
        if draw(st.booleans()):
            data[f"f{i}"] = draw(st.lists(VALUES, min_size=days, max_size=days))
        else:
            data[f"i{i}"] = np.asarray(
                draw(st.lists(st.integers(0, 10**6), min_size=days, max_size=days)), dtype=np.int64
            )
    frame = pd.DataFrame(data)
    cols = draw(st.lists(st.sampled_from(list(frame.columns)), min_size=1, max_size=n, unique=True))
    return frame, cols


@settings(max_examples=120, deadline=None)
@given(frames_and_columns())
def test_total_adds_as_a_frame_of_the_columns_does(case):
    frame, cols = case
    expected = float(frame[cols].to_numpy(dtype=float).sum()) if len(frame) else 0.0
    got = total(frame, *cols)
    assert got == expected or (np.isnan(got) and np.isnan(expected)), (got, expected)
