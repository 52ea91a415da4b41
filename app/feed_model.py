"""The Friends Circle feed as a Qt list model over column arrays.

Rows live in NumPy arrays (one per column) instead of per-row Python objects, and
type filters are NumPy index arrays, so a million posts cost a few arrays and the
view asks only for the rows it paints.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

# Custom roles: the delegate reads these instead of DisplayRole.
ROLE_BASE = int(Qt.ItemDataRole.UserRole) + 1
ROLES = (
    "post_id",
    "day",
    "hour",
    "author",
    "author_name",
    "kind",
    "category",
    "text",
    "has_image",
    "removed_at_hours",
    "removal_cause",
    "rule",
    "likes",
    "author_status",
    "archetype",
)
ROLE = {name: ROLE_BASE + i for i, name in enumerate(ROLES)}
NUMERIC = {
    "post_id": np.int64,
    "day": np.int32,
    "hour": np.float32,
    "author": np.int64,
    "kind": np.int8,
    "category": np.int8,
    "has_image": np.bool_,
    "removed_at_hours": np.float32,
    "removal_cause": np.int8,
    "rule": np.int16,
    "likes": np.int32,
    "author_status": np.int8,
    "archetype": np.int8,
}
REMOVED = -1  # filter value: only removed posts
BANNED_STATUS = 2


class FeedModel(QAbstractListModel):
    """A read-only list of feed posts with a kind filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cols: dict[str, np.ndarray] = {}
        self.n_all = 0
        self.rows = np.zeros(0, np.int64)
        self.kind_filter: int | None = None
        self.day: int | None = None  # the day of the feed on display (None: no feed)

    # ------------------------------------------------------------- loading
    def set_frame(self, frame: pd.DataFrame, day: int | None = None) -> None:
        """Replace the posts (a frame with simulation.world.views.FEED_COLUMNS) of ``day``."""
        self.day = day
        cols: dict[str, np.ndarray] = {}
        n = len(frame)
        for name in ROLES:
            if name not in frame:
                cols[name] = np.zeros(n, NUMERIC.get(name, object))
                continue
            series = frame[name]
            if name in NUMERIC:
                fill = np.nan if name == "removed_at_hours" else 0
                values = pd.to_numeric(series, errors="coerce").fillna(fill)
                cols[name] = values.to_numpy(NUMERIC[name])
            else:
                cols[name] = series.to_numpy(object)
        self.set_columns(cols, n)

    def clear(self) -> None:
        """No feed at all (after Setup or Reset, before the first day)."""
        self.set_frame(pd.DataFrame(), None)

    def set_columns(self, cols: dict[str, np.ndarray], n: int) -> None:
        self.beginResetModel()
        self.cols, self.n_all = cols, n
        self._refilter()
        self.endResetModel()

    def set_kind_filter(self, kind: int | None) -> None:
        """``None`` all, 0..3 one content kind, ``REMOVED`` removed posts only."""
        self.beginResetModel()
        self.kind_filter = kind
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        if not self.n_all:
            self.rows = np.zeros(0, np.int64)
        elif self.kind_filter is None:
            self.rows = np.arange(self.n_all, dtype=np.int64)
        elif self.kind_filter == REMOVED:
            self.rows = np.flatnonzero(~np.isnan(self.cols["removed_at_hours"]))
        else:
            self.rows = np.flatnonzero(self.cols["kind"] == self.kind_filter)

    # ------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = int(self.rows[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.cols['author_name'][r]}: {self.cols['text'][r]}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return str(self.cols["text"][r])
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole post: a card shows three lines
            return f"{self.cols['author_name'][r]}\n{self.cols['text'][r]}"
        name = ROLES[role - ROLE_BASE] if ROLE_BASE <= role < ROLE_BASE + len(ROLES) else None
        if name is None:
            return None
        value = self.cols[name][r]
        return value.item() if isinstance(value, np.generic) else value

    def post(self, row: int) -> dict[str, Any]:
        """Every column of the post shown at ``row`` (for inspectors)."""
        r = int(self.rows[row])
        return {
            k: (v[r].item() if isinstance(v[r], np.generic) else v[r]) for k, v in self.cols.items()
        }

    def nbytes(self) -> int:
        """Memory held by the arrays themselves (strings are shared with the text pool)."""
        return int(sum(a.nbytes for a in self.cols.values()) + self.rows.nbytes)
