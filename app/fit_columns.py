"""A table whose columns always fit its view: no column past the right edge.

Qt's own resize modes either size a column to its contents (a long cell then pushes the
columns after it out of sight) or share the width equally between stretched columns (a
short name gets as much room as a list of changes). :class:`ColumnFit` does what a
person would: each short column (an id, a seed, a date) keeps the width of its contents;
the *flexible* columns (names, lists) share what is left, a column that needs less than
its share keeping only what it needs; whatever is still left goes to the last visible
column of ``stretch`` (the last useful one). A flexible cell too long for its column is
elided by the view (``…``); the caller puts the whole text in the cell's tooltip.

When even the short columns do not fit (a very narrow view), every column gets a share
of the view in proportion to what it needs, never less than :data:`MIN_PX`. The columns
are refitted whenever the view is resized and when the caller says its cells changed
(:meth:`ColumnFit.fit`); a person can still drag a column's edge until then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QTableView

MIN_PX = 24  # a column narrower than this shows nothing but its ellipsis
PADDING_PX = 4  # room beside a cell's text beyond what the view's size hints count


def fitted_widths(
    wanted: dict[int, int],
    least: dict[int, int],
    flexible: Sequence[int],
    stretch: Sequence[int],
    width: int,
) -> dict[int, int]:
    """Widths (pixels) of the columns ``wanted`` (column → pixels its header and widest
    cell need) that add up to ``width`` exactly. ``least`` is what each column gets
    first (its header's width; a flexible column a few letters more); then the short
    columns grow to what they need, and the ``flexible`` ones share the rest, the
    smallest needs met first; what is still left goes to the last column of ``stretch``.
    When even ``least`` does not fit, every column gets a share of ``width`` in
    proportion to it (never under :data:`MIN_PX`). Columns not in ``wanted`` (hidden)
    are ignored."""
    if not wanted:
        return {}
    width = max(width, MIN_PX * len(wanted))
    least = {c: max(MIN_PX, min(least.get(c, wanted[c]), wanted[c])) for c in wanted}
    room = width - sum(least.values())
    out = dict(least)
    if room < 0:
        total = sum(least.values())
        out = {c: max(MIN_PX, least[c] * width // total) for c in wanted}
    else:
        flex = [c for c in wanted if c in flexible]
        short = sorted((c for c in wanted if c not in flex), key=lambda c: wanted[c] - least[c])
        for group in (short, flex):
            left = sorted(group, key=lambda c: wanted[c] - out[c])
            while left and room > 0:  # water-filling: the smallest needs are met first
                share = room // len(left)
                column = left[0]
                extra = wanted[column] - out[column]
                if extra > share:
                    for c in left:
                        out[c] += share
                    room -= share * len(left)
                    break
                out[column] += extra
                room -= extra
                left.pop(0)
    spare = width - sum(out.values())
    last = [c for c in wanted if c in stretch] or list(wanted)
    if spare > 0:
        out[last[-1]] += spare
    elif spare < 0:  # the MIN_PX floors overshot: take it back from the widest
        for c in sorted(out, key=out.__getitem__, reverse=True):
            take = min(-spare, out[c] - MIN_PX)
            out[c] -= take
            spare += take
            if spare == 0:
                break
    return out


class ColumnFit(QObject):
    """Keeps the columns of ``table`` inside its viewport (see the module)."""

    def __init__(
        self,
        table: QTableView,
        flexible: Sequence[int],
        stretch: Sequence[int] = (),
        elided_headers: Sequence[int] = (),
        cells_width: Callable[[int], int] | None = None,
    ) -> None:
        """``elided_headers``: columns whose header may be elided (its whole text in its
        tooltip, or said beside the table): they need only their cells' width.
        ``cells_width(column)``: the pixels a column's cells need (default: the view's
        size hint, every cell whole)."""
        super().__init__(table)
        self.table = table
        self.flexible = tuple(flexible)
        self.stretch = tuple(stretch) or self.flexible
        self.elided_headers = tuple(elided_headers)
        self.cells_width = cells_width or table.sizeHintForColumn
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(MIN_PX)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        table.viewport().installEventFilter(self)

    def wanted(self) -> tuple[dict[int, int], dict[int, int]]:
        """(pixels each visible column needs for its header and its widest cell, pixels
        it gets first: its header, a flexible column also a few letters of its cells)."""
        table, header = self.table, self.table.horizontalHeader()
        letters = table.fontMetrics().horizontalAdvance("M") * 5  # a few letters and "…"
        need, least = {}, {}
        for c in range(header.count()):
            if table.isColumnHidden(c):
                continue
            head = header.sectionSizeFromContents(c).width() + PADDING_PX
            cells = self.cells_width(c) + PADDING_PX if table.model().rowCount() else 0
            if c in self.elided_headers:
                head = min(head, max(cells, letters))
            need[c] = max(head, cells)
            least[c] = max(head, letters) if c in self.flexible else head
        return need, least

    def fit(self) -> None:
        """Size every visible column to fit the viewport's current width."""
        width = self.table.viewport().width()
        if width <= 0:
            return
        need, least = self.wanted()
        for column, px in fitted_widths(need, least, self.flexible, self.stretch, width).items():
            self.table.setColumnWidth(column, px)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
