"""Where the labels of a chart's event marks go: in a band of their own above the data,
each on the right of its own line, the labels of close marks stacked in rows.

A label starts at its line and runs to the right; only where the right would run past
the chart's edge (a mark on the last days) does it end at its line instead, and where
neither side has room (a narrow chart) it lies across its line, inside the chart. The
side is never chosen to dodge another label: two marks a day apart put their labels in
two rows, the earlier one above, so that no mark's line runs through another mark's
label (a line rises from the plot up to its own label; a label higher up passes over
the lines of the later marks below it). Row 0 is the one nearest the data.

Plain arithmetic on positions along the day axis, in any unit (pixels): the run report's
charts (``simulation.runs.figures``, matplotlib) and the app's (``app.charts``,
pyqtgraph) place their labels with it alike. No plotting library is imported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

RIGHT, LEFT, ACROSS = "right", "left", "across"


@dataclass(frozen=True)
class Slot:
    """Where a label goes: the left end of its span (the label and its distance to its
    line, in the unit of the positions given), the side of its line (``RIGHT``,
    ``LEFT`` or ``ACROSS``) and its row (0: nearest the data)."""

    left: float
    side: str
    row: int


def side(x: float, width: float, lo: float, hi: float) -> tuple[float, str]:
    """The left end and side of a label ``width`` wide for a line at ``x`` on a chart
    from ``lo`` to ``hi``: right of the line when it fits, else left of it, else across
    it (as near its line as the chart allows)."""
    if x + width <= hi:
        return x, RIGHT
    if x - width >= lo:
        return x - width, LEFT
    return max(lo, min(x - width / 2, hi - width)), ACROSS


def stack(
    xs: Sequence[float],
    widths: Sequence[float],
    lo: float,
    hi: float,
    gap: float = 0.0,
    rising: bool = True,
) -> list[Slot]:
    """A :class:`Slot` for each label: the line of label ``i`` at ``xs[i]``, its span
    (text and distance to its line) ``widths[i]`` long, on a chart from ``lo`` to ``hi``;
    ``gap``: the least room between two labels of a row, and between a label and a line
    not its own.

    Each label takes the lowest row where it touches no label of that row and, when the
    lines rise only up to their own labels (``rising``: the report's), where no line that
    rises through that row (a later mark's, whose label is higher) runs through it and
    its own line meets no label of a lower row. Labels are placed from the last mark to
    the first, so that a label on the right of its line goes above those it would cover.
    Where no row meets all three (a label on the left of its line facing one on the right
    of its own), it takes the lowest row where it touches no other label. Lines that run
    the chart's whole height (``rising=False``: the app's, whose labels are drawn over
    the lines they cross) leave only the first condition."""
    spans = [side(x, w, lo, hi) for x, w in zip(xs, widths, strict=True)]
    rows: dict[int, int] = {}

    def crosses(line: float, own: float, i: int) -> bool:
        """Whether a line at ``line`` (not at ``own``, label ``i``'s) runs through it."""
        left = spans[i][0]
        return line != own and left - gap < line < left + widths[i] + gap

    def touches(i: int, j: int) -> bool:
        a, b = spans[i][0], spans[j][0]
        return not (a + widths[i] + gap <= b or b + widths[j] + gap <= a)

    order = sorted(range(len(xs)), key=lambda i: (-xs[i], i))
    for i in order:
        placed = list(rows.items())

        def free(row: int, strict: bool, i: int = i, placed: list = placed) -> bool:
            for j, other in placed:
                if row == other and touches(i, j):
                    return False
                if strict and row < other and crosses(xs[j], xs[i], i):
                    return False
                if strict and row > other and crosses(xs[i], xs[j], j):
                    return False
            return True

        most = len(xs)
        strict = (r for r in range(most) if rising and free(r, True))
        rows[i] = next(strict, next((r for r in range(most) if free(r, False)), most))
    return [Slot(spans[i][0], spans[i][1], rows[i]) for i in range(len(xs))]


def bottoms(slots: Sequence[Slot], heights: Sequence[float], gap: float) -> list[float]:
    """The height of the bottom of each row (row 0 at 0), from the labels' ``heights``
    (each row as tall as its tallest label) and ``gap`` between rows; one more entry than
    rows: the top of the highest."""
    count = 1 + max((s.row for s in slots), default=-1)
    tallest = [0.0] * count
    for slot, height in zip(slots, heights, strict=True):
        tallest[slot.row] = max(tallest[slot.row], height)
    out = [0.0]
    for row in range(count):
        out.append(out[-1] + tallest[row] + (gap if row < count - 1 else 0.0))
    return out
