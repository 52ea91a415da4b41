"""The stored sample's finished posts, kept as columns.

Posts enter the sample a batch at a time (:func:`simulation.world.sampling.finish_samples`,
when a day's posts leave the retention window). Each batch is kept as it comes: NumPy
arrays for the numeric fields, a list for the removal evidence. Nothing is turned into
Python values until a reader asks, and then column by column: storing a demo run's
76,000 sampled posts needs columns, and building one dict per post only to take the
dicts apart again cost a tenth of a second, and grew with the run.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

# the fields of a sampled post, in the stored order; "removed_at_hours" is kept as float
# hours with inf for "never removed" and read back as None there
FIELDS = (
    "post_id",
    "day",
    "hour",
    "author",
    "kind",
    "category",
    "style",
    "text_id",
    "removed_at_hours",
    "removal_cause",
    "rule",
    "stage",
    "views",
    "likes",
    "reports",
    "labelled",
    "evidence",
)
TEXT_FIELDS = frozenset({"evidence"})  # a list of str; every other field is an array


class SampleTable:
    """Finished sampled posts as columns, appended a batch at a time.

    ``append`` takes one array (or, for ``evidence``, one list) per field of
    :data:`FIELDS`, all of one length. ``array(name)`` gives a numeric field over every
    post so far (shape ``(len(self),)``; the widest dtype of its batches), ``columns()``
    every field as Python values in :data:`FIELDS` order, ``rows(mask)`` chosen posts
    as dicts. Raises ``KeyError`` for a field it does not hold and ``ValueError`` for a
    batch with missing fields or of uneven length.
    """

    def __init__(self) -> None:
        self._batches: list[dict[str, Any]] = []
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def append(self, batch: dict[str, Any]) -> None:
        """Add one batch of finished posts (see the class docstring)."""
        if set(batch) != set(FIELDS):
            missing = sorted(set(FIELDS) - set(batch))
            extra = sorted(set(batch) - set(FIELDS))
            raise ValueError(f"sample batch: missing {missing}, unknown {extra}")
        lengths = {len(v) for v in batch.values()}
        if len(lengths) != 1:
            raise ValueError(f"sample batch: fields of different lengths {sorted(lengths)}")
        n = lengths.pop()
        if n:
            self._batches.append(batch)
            self._n += n

    def array(self, name: str) -> np.ndarray:
        """A numeric field over every post, in the order they were appended."""
        if name not in FIELDS or name in TEXT_FIELDS:
            raise KeyError(name)
        parts = [b[name] for b in self._batches]
        if not parts:
            return np.zeros(0, np.int64)
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def _values(self, name: str, mask: np.ndarray | None = None) -> list[Any]:
        if name in TEXT_FIELDS:
            texts = [t for b in self._batches for t in b[name]]
            return texts if mask is None else [texts[i] for i in np.flatnonzero(mask).tolist()]
        values = self.array(name)
        if mask is not None:
            values = values[mask]
        if name == "removed_at_hours":
            return [None if math.isinf(v) else v for v in values.tolist()]
        return values.tolist()

    def columns(self) -> dict[str, list[Any]]:
        """Every field as a list of Python values (int, float, bool, str, None)."""
        return {name: self._values(name) for name in FIELDS}

    def rows(self, mask: np.ndarray | None = None) -> list[dict[str, Any]]:
        """The posts where ``mask`` (bool, shape ``(len(self),)``) is true, or all, as
        dicts with the keys of :data:`FIELDS`."""
        columns = [self._values(name, mask) for name in FIELDS]
        return [dict(zip(FIELDS, values, strict=True)) for values in zip(*columns, strict=True)]
