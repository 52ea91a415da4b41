"""Stable orders of 32-bit keys by radix sort: the same permutation as
``np.argsort(keys, kind="stable")``, several times faster on a day's posts.

NumPy sorts 16-bit keys stably by radix sort in linear time but 32-bit keys by timsort;
two stable 16-bit passes (low half, then high half) give the stable order of the whole
key (least-significant-digit radix sort), so ties keep their original order exactly as
the stable argsort would.
"""

from __future__ import annotations

import numpy as np


def stable_order(keys: np.ndarray) -> np.ndarray:
    """Indices that sort ``keys`` stably (int64, like ``np.argsort(kind="stable")``).

    ``keys``: a 1-D array of non-negative int32/uint32 or of non-negative float32 (whose
    bit patterns order as the numbers do; no NaN). Raises ``TypeError`` for another dtype.
    """
    if keys.dtype not in (np.int32, np.uint32, np.float32):
        raise TypeError(f"stable_order sorts 32-bit keys, not {keys.dtype}")
    bits = np.ascontiguousarray(keys).view(np.uint32)
    if len(bits) and (keys.min() < 0 if keys.dtype != np.uint32 else False):
        raise ValueError("stable_order sorts non-negative keys")
    low = (bits & 0xFFFF).astype(np.uint16)
    order = np.argsort(low, kind="stable")
    high = (bits >> 16).astype(np.uint16)[order]
    return order[np.argsort(high, kind="stable")]
