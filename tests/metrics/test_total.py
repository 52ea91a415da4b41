"""``summary.total``: the same sum, to the last bit, as summing ``m[list(cols)]``."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from simulation.metrics.summary import total

VALUES = st.one_of(
    st.floats(min_value=-1e12, max_value=1e12),  # shares, rates: any float
    st.integers(-(10**6), 10**6).map(float),  # counts
    st.just(float("nan")),  # a day a ratio is undefined
)


@st.composite
def frames_and_columns(draw):
    days = draw(st.integers(0, 40))
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


@settings(max_examples=300, deadline=None)
@given(frames_and_columns())
def test_total_adds_as_a_frame_of_the_columns_does(case):
    frame, cols = case
    expected = float(frame[cols].to_numpy(dtype=float).sum()) if len(frame) else 0.0
    got = total(frame, *cols)
    assert got == expected or (np.isnan(got) and np.isnan(expected)), (got, expected)
