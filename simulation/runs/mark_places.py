"""Where the labels of a chart's event marks go: off the lines and bands it plots, off its
legend and each other, inside its axes.

A mark's label sits beside its line (right of it, or left), at one of a column of heights
(``STEP`` apart, from the top down). Of those places inside the axes that touch neither
the legend nor a label placed before, a label takes the one whose box covers the fewest
points drawn (each line and band edge sampled every ``SAMPLE_PX`` pixels), then the
fewest other marks' lines, then the highest, right before left. When some label covers
data wherever it goes, the y axis is raised (its ticks kept as they were) until the
label fits above the data beside its line: the precision of a crackdown's first days,
the highest point of the chart, was hidden under the label of the day it came into
force.

Everything is measured in axes fractions (``0..1`` across and up the axes), the same
before and after raising the y axis for the labels and the legend (they are placed in
axes fractions); only the data move.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.cbook import STEP_LOOKUP_MAP
from matplotlib.collections import PolyCollection
from matplotlib.transforms import Bbox, Transform

SAMPLE_PX = 3.0  # the greatest distance between two sampled points of a line, in pixels
STEP = 0.025  # between two heights a label may take, a fraction of the axes' height
GAP = 0.01  # between a label and what it must not touch, the same fraction
TRIES = 6  # times the y axis may be raised
MOST_ROOM = 3.0  # the y axis is raised at most this many times its height in all


@dataclass(frozen=True)
class Drawn:
    """Points along a line or a band's edge, in the artist's own coordinates (days and
    the metric's unit), with the transform that takes them to the screen."""

    points: np.ndarray
    transform: Transform


def drawn(ax, skip_gid: str) -> list[Drawn]:
    """The lines and bands (``fill_between``) of ``ax`` but those with the gid
    ``skip_gid``, each as points at most ``SAMPLE_PX`` pixels apart on the screen as the
    axes stand (gaps of NaN left out)."""
    found = []
    for artist in [*ax.get_lines(), *ax.collections]:
        if artist.get_gid() == skip_gid or not artist.get_visible():
            continue
        if isinstance(artist, PolyCollection):
            paths = [p for path in artist.get_paths() for p in path.to_polygons(closed_only=False)]
        elif hasattr(artist, "get_xydata"):
            xy = np.asarray(artist.get_xydata(), dtype=float)
            # as drawn: a line of steps (cumulative counts) has a corner at each point
            style = STEP_LOOKUP_MAP[artist.get_drawstyle()] if len(xy) else None
            paths = [np.column_stack(style(xy[:, 0], xy[:, 1])) if style else xy]
        else:
            continue
        transform = artist.get_transform()
        for xy in paths:
            if len(xy):
                found.append(Drawn(_dense(xy, transform), transform))
    return found


def _dense(xy: np.ndarray, transform: Transform) -> np.ndarray:
    """``xy`` with points added along each segment between two finite points, so that no
    two are more than ``SAMPLE_PX`` apart on the screen."""
    finite = np.isfinite(xy).all(axis=1)
    if len(xy) < 2:
        return xy[finite]
    screen = transform.transform(np.where(finite[:, None], xy, 0.0))
    lengths = np.hypot(*(screen[1:] - screen[:-1]).T)
    both = finite[:-1] & finite[1:] & np.isfinite(lengths)
    steps = np.where(both, np.maximum(1, np.ceil(lengths / SAMPLE_PX)), 0).astype(int)
    segment = np.repeat(np.arange(len(steps)), steps)
    first = np.repeat(np.cumsum(steps) - steps, steps)
    t = ((np.arange(steps.sum()) - first) / np.repeat(np.maximum(steps, 1), steps))[:, None]
    along = xy[segment] + t * (xy[segment + 1] - xy[segment])
    return np.concatenate([along, xy[finite]])


def _in_axes(ax, lines: Sequence[Drawn]) -> np.ndarray:
    """Every point of ``lines`` inside the axes, in axes fractions."""
    if not lines:
        return np.empty((0, 2))
    to_axes = ax.transAxes.inverted()
    points = np.concatenate([to_axes.transform(d.transform.transform(d.points)) for d in lines])
    inside = ((points >= 0) & (points <= 1)).all(axis=1)
    return points[inside]


@dataclass(frozen=True)
class Label:
    """A label to place: the x of its mark's line and the size of its box (its background
    included), in axes fractions, and how far the box reaches past its text across and
    up."""

    x: float
    width: float
    height: float
    pad_x: float
    pad_y: float


@dataclass(frozen=True)
class Place:
    """Where a label went: its box (background included), in axes fractions, and the side
    of its line."""

    box: Bbox
    right: bool
    covered: int  # the points drawn under it


def place(
    ax, labels: Sequence[Label], keep_off: Sequence[Bbox], lines: Sequence[Drawn]
) -> list[Place]:
    """A :class:`Place` for each of ``labels`` (in order, the first placed first), none
    touching ``keep_off`` (the legend) or another; raises the top of ``ax``'s y axis
    (keeping its ticks) while some label covers drawn points wherever it goes, until it
    fits above them."""
    bottom, top = ax.get_ylim()
    ticks = None
    for attempt in range(TRIES + 1):
        points = _in_axes(ax, lines)
        places, highest = _place_all(labels, keep_off, points)
        over = [
            _room(points, high)
            for got, high in zip(places, highest, strict=True)
            if got.covered and high is not None
        ]
        grow = max(over, default=1.0)
        if grow <= 1.0 or attempt == TRIES:
            break
        if ticks is None:
            ticks = [t for t in ax.get_yticks() if bottom <= t <= top]
        now_bottom, now_top = ax.get_ylim()
        new_top = now_bottom + (now_top - now_bottom) * grow
        if new_top - bottom > MOST_ROOM * (top - bottom):
            new_top = bottom + MOST_ROOM * (top - bottom)
        if new_top <= now_top:
            break
        ax.set_ylim(bottom, new_top)
    if ticks is not None:
        ax.set_yticks(ticks)  # the data's own ticks: none up in the labels' room
    return places


def _room(points: np.ndarray, box: Bbox) -> float:
    """How many times the y axis must grow for the points under ``box``'s width to sit
    below it (a little more, that it is sure to be free)."""
    under = points[(points[:, 0] >= box.x0) & (points[:, 0] <= box.x1)]
    if not len(under):
        return 1.0
    free = box.y0 - GAP
    if free <= GAP:
        return 1.0
    return max(1.0, float(under[:, 1].max()) / free * 1.02)


def _place_all(
    labels: Sequence[Label], keep_off: Sequence[Bbox], points: np.ndarray
) -> tuple[list[Place], list[Bbox | None]]:
    """Each label's place and its highest place that touches nothing (None: none)."""
    texts: list[Bbox] = []  # the texts of the labels placed, a gap around each
    places, highest = [], []
    for i, label in enumerate(labels):
        others = [o.x for j, o in enumerate(labels) if j != i and o.x != label.x]
        best: tuple | None = None
        first_free = None
        for row, top in enumerate(_tops(label.height)):
            for side, right in enumerate((True, False)):
                x0 = label.x - label.pad_x if right else label.x + label.pad_x - label.width
                box = Bbox.from_extents(x0, top - label.height, x0 + label.width, top)
                text = box.padded(-label.pad_x, -label.pad_y)
                outside = text.x0 < 0 or text.x1 > 1
                # the legend under no part of the box; another label's text off its text
                # (the backgrounds of labels two days apart may touch between them)
                clash = int(outside) + sum(box.overlaps(b) for b in keep_off)
                clash += sum(text.overlaps(b) for b in texts)
                if clash == 0 and first_free is None:
                    first_free = box
                covered = _covered(points, box)
                crossed = sum(box.x0 < x < box.x1 for x in others)
                cost = (clash, covered, crossed, row, side)
                if best is None or cost < best[0]:
                    best = (cost, Place(box, right, covered))
                if cost[:3] == (0, 0, 0):
                    break
            if best is not None and best[0][:3] == (0, 0, 0):
                break
        assert best is not None
        places.append(best[1])
        highest.append(first_free)
        texts.append(best[1].box.padded(GAP / 2 - label.pad_x, GAP / 2 - label.pad_y))
    return places, highest


def _tops(height: float) -> list[float]:
    """The heights a label's top may take, from the top of the axes down."""
    first = 1.0 - GAP
    count = max(1, int((first - height - GAP) / STEP) + 1)
    return [first - k * STEP for k in range(count)]


def _covered(points: np.ndarray, box: Bbox) -> int:
    x, y = points[:, 0], points[:, 1]
    return int(((x >= box.x0) & (x <= box.x1) & (y >= box.y0) & (y <= box.y1)).sum())
