"""Live charts of the engine's daily metrics, readable from the back of a room.

Each chart names metric columns from ``simulation.metrics``; titles, axis units and
the ⓘ help come from the metric registry so a number means what the CLI says it means.
All charts share one day cursor. Redraws are coalesced (at most one per ``REDRAW_MS``)
so a fast run does not drown the event loop in repaints.

Readable at any size: each chart is a plot with its legend *below* it (never over the
data); the grid takes as many columns as fit at a readable size and scrolls rather than
cut a plot; the presentation view scales every text and line (``set_scale``). Event
marks (announcements, policies applied, parameters changed, lesson steps) are labelled
dotted lines on every chart; a lesson may highlight charts, which then come first in the
grid, side by side when they would not be on screen together one above the other.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedLayout, QWidget

from app import theme
from app.i18n import CHARTS_CONTEXT, MEANINGS_CONTEXT, t, unit
from simulation.metrics import definition
from simulation.runs import colours, mark_places
from simulation.runs.live_charts import LIVE_CHARTS, SHARE_UNITS, live_series

if TYPE_CHECKING:
    import pandas as pd

REDRAW_MS = 150  # ~7 frames/s while running: smooth enough, and the GUI thread stays free
LINE_WIDTH = 3
EMPTY_DAYS = 10  # the day axis of an empty chart spans this many days
TITLE_MIN_PX = 120
DAY_LABEL_PX = 56  # room for one day label (a few digits and a gap) on the day axis
MAX_COLUMNS = 3
# the smallest readable chart (plot, title, axes, legend) at scale 1, in pixels; the grid
# takes fewer columns, then scrolls, rather than go below it
CELL_MIN_W, CELL_MIN_H = 320, 185
PLOT_MIN_H = 110  # the data area of a chart never gets less than this (scale 1, pixels)
# the least width of a lesson step's framed chart (scale 1, pixels) when the step's charts
# are set side by side so that they are seen together (see ChartPanel.wanted_columns)
FRAMED_MIN_W = 250
HELP_MARK = "ⓘ"
# where an event mark's label starts: its left end at the dotted line
RIGHT_OF_LINE = (0.0, 0.5)
MAX_MARK_BAND = 0.5  # the marks' labels take at most this share of a plot's height
# text and lines of the presentation view on a screen PRESENTATION_PX high or more
PRESENTATION_SCALE, PRESENTATION_PX = 1.45, 1000


def presentation_scale(height: int) -> float:
    """The presentation view's scale on a screen ``height`` pixels high:
    ``PRESENTATION_SCALE`` from ``PRESENTATION_PX`` up, smaller in proportion below (a
    projected picture is as large on the wall whatever its pixels, so the type stays as
    large there as at ``PRESENTATION_PX``), never below the lab's 1.0; in steps of 0.05,
    so that a resize does not rebuild the grid at every pixel. At 1.45 on a 1280×720
    projector a chart and its legend did not fit under a step's question and answer."""
    return max(1.0, round(PRESENTATION_SCALE * min(1.0, height / PRESENTATION_PX) * 20) / 20)


def narrow_title(label: pg.LabelItem) -> None:
    """Let a plot's title be narrower than its text (it is then cut at the sides): a long
    title must not hold two plots wider than a 1280-px window leaves them. pyqtgraph's
    LabelItem recomputes its minimum from the text on every resize; cap it each time."""
    original = label.updateMin

    def capped() -> None:
        original()
        minimum = Qt.SizeHint.MinimumSize
        hints = getattr(label, "_sizeHint", None)
        if isinstance(hints, dict) and minimum in hints:
            hints[minimum] = (min(hints[minimum][0], TITLE_MIN_PX), hints[minimum][1])
        label.setMinimumWidth(min(label.minimumWidth(), TITLE_MIN_PX))
        label.updateGeometry()

    label.updateMin = capped
    capped()


class ZeroBasedViewBox(pg.ViewBox):
    """A plot's view whose value axis always starts at 0 (counts and shares are never
    negative, and a line drawn from a non-zero floor makes a small change look large),
    and whose top ``top_band`` stays free of data for the event marks' labels.

    ``share=True``: the axis spans 0..1 whatever the data (a value above 1, which a share
    should never have, still widens it). A teacher projects these charts: a fixed 0..1
    scale reads the same on every day of a live run (the axis does not re-scale under the
    class's eyes), in both runs of a comparison and in the saved report, and a fall from
    0.41 to 0.33 looks like the eighth of the feed it is.

    ``share=False`` (counts): the axis runs from 0 to the data's maximum; auto-range moves
    only the upper end, as volumes differ by orders of magnitude between charts and runs.
    """

    def __init__(self, share: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.share = share
        self.top_band = 0.0  # the share of the height kept free above the data (marks)
        self.setLimits(yMin=0)  # no negative axis, even when panned by hand

    def set_top_band(self, share: float) -> None:
        """Keep the top ``share`` (0..1) of the plot's height free of data (auto-range
        raises the value axis by as much): the event marks' labels go there."""
        share = max(0.0, min(MAX_MARK_BAND, share))
        if abs(share - self.top_band) > 1e-9:
            self.top_band = share
            self.updateAutoRange()

    def childrenBounds(
        self,
        frac: Sequence[float] | None = None,
        orthoRange: Sequence[Sequence[float] | None] = (None, None),
        items: Sequence[pg.GraphicsItem] | None = None,
    ) -> list[list[float] | None]:
        """pyqtgraph's data bounds for auto-range, with 0 (and for a share, 1) included."""
        bounds = super().childrenBounds(frac=frac, orthoRange=orthoRange, items=items)
        y = bounds[1]
        if self.share:
            bounds[1] = [0.0, 1.0 if y is None else max(1.0, float(y[1]))]
        elif y is not None:
            bounds[1] = [min(0.0, float(y[0])), float(y[1])]
        if self.top_band and bounds[1] is not None:  # room above the data for the marks
            low, high = bounds[1]
            bounds[1] = [low, low + (high - low) / (1.0 - self.top_band)]
        return bounds

    def suggestPadding(self, axis: int) -> float:
        """Auto-range's margin: the value axis gets hers only at the top (the bottom one
        is cut by the limit at 0, which moves the range up by as much), so half of it; a
        share's 0..1 gets just room for the line at 1."""
        padding = super().suggestPadding(axis)
        if axis != 1:
            return padding
        return 0.01 if self.share else padding / 2


class DayAxis(pg.AxisItem):
    """A day axis: whole days only, spaced so that labels never overlap."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        span = max(1.0, maxVal - minVal)
        room = max(1, int(size // DAY_LABEL_PX))
        for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
            if span / step <= room:
                return [(float(step), 0.0)]
        return [(10.0 ** np.ceil(np.log10(span / room)), 0.0)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [str(round(v)) for v in values]


@dataclass(frozen=True)
class Series:
    column: str
    label: str


@dataclass(frozen=True)
class Place:
    """Where a chart sits in the grid: its row, first column and how many it spans."""

    key: str
    row: int
    col: int
    span: int = 1


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    series: tuple[Series, ...]

    @property
    def unit(self) -> str:
        return definition(self.series[0].column).unit

    @property
    def labels(self) -> list[str]:
        """Its series' labels, in order."""
        return [s.label for s in self.series]

    @property
    def share(self) -> bool:
        """Whether the chart draws values in 0..1 (shares, probabilities)."""
        return self.unit in SHARE_UNITS


# The charts, their series and their English texts are defined headless
# (simulation.runs.figures.LIVE_CHARTS, shared with the lessons' handouts); lupdate finds
# their texts through app.i18n.model_texts() (context "Charts").


def chart_specs(categories: tuple[str, ...], category_labels: dict[str, str]) -> list[ChartSpec]:
    """The app's six charts over the run's catalogue categories, in the interface language."""
    columns = [f"offers_created.{c}" for c in categories]
    specs = []
    for key, chart in LIVE_CHARTS.items():
        series = tuple(
            Series(column, category_labels.get(text, text.replace("_", " ")))
            if chart.series[0][0].endswith(".*")
            else Series(column, t(CHARTS_CONTEXT, text))
            for column, text in live_series(key, columns)
        )
        specs.append(ChartSpec(key, t(CHARTS_CONTEXT, chart.title), series))
    return specs


def big_font(points: int) -> QFont:
    font = QFont()
    font.setPointSize(points)
    return font


class MetricStore:
    """Daily values per column, grown in place (amortised O(1) per day)."""

    def __init__(self) -> None:
        self.days = np.zeros(0)
        self.values: dict[str, np.ndarray] = {}
        self.n = 0

    def clear(self) -> None:
        self.days = np.zeros(0)
        self.values = {}
        self.n = 0

    def append(self, day: int, metrics: dict[str, float]) -> None:
        if self.n >= len(self.days):
            size = max(64, 2 * len(self.days))
            self.days = np.resize(self.days, size)
            for key in list(self.values):
                self.values[key] = np.resize(self.values[key], size)
        self.days[self.n] = day
        for key, value in metrics.items():
            arr = self.values.get(key)
            if arr is None:
                arr = self.values[key] = np.full(len(self.days), np.nan)
            arr[self.n] = value
        self.n += 1

    def set_frame(self, frame: pd.DataFrame) -> None:
        import pandas as pd  # not at start-up: the window needs it only for stored runs

        self.clear()
        self.n = len(frame)
        self.days = frame["day"].to_numpy(float).copy()
        self.values = {
            c: pd.to_numeric(frame[c], errors="coerce").to_numpy(float).copy()
            for c in frame.columns
            if c != "day"
        }

    def get(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        arr = self.values.get(column)
        if arr is None:
            return self.days[: self.n], np.full(self.n, np.nan)
        return self.days[: self.n], arr[: self.n]


class ChartScroll(QScrollArea):
    """The scroll area of the chart grid; tells the panel when its size changes (a
    resize handler, not an event filter: PySide6 6.12's filters corrupt references)."""

    def __init__(self, on_resize: Callable[[], None]) -> None:
        super().__init__()
        self._on_resize = on_resize

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._on_resize()


class ChartPanel(QWidget):
    """The live charts with a shared, draggable day cursor, event marks and ⓘ help."""

    cursorMoved = Signal(int)
    helpRequested = Signal(str)  # a chart's key: its ⓘ was clicked

    def __init__(self, parent: QWidget | None = None, overlays: tuple[str, ...] = ("",)) -> None:
        super().__init__(parent)
        self.overlays = overlays  # "" for one run; ("A", "B") to compare two, B dashed
        self.stores = {o: MetricStore() for o in overlays}
        self.store = self.stores[overlays[0]]
        self.specs: list[ChartSpec] = []
        self.plots: dict[str, pg.PlotItem] = {}
        self.cells: dict[str, pg.GraphicsLayout] = {}
        self.legends: dict[str, pg.LegendItem] = {}
        self.curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.cursors: list[pg.InfiniteLine] = []
        self.marks: list[tuple[int, str, str]] = []  # (day, label, tooltip)
        self.mark_lines: dict[str, list[pg.InfiniteLine]] = {}
        # (signal, slot) of each plot's relayout of its mark labels: disconnected before
        # the plots are deleted, so no Python slot outlives the view it was connected to
        self._mark_slots: list[tuple[object, Callable[..., None]]] = []
        self.highlighted: tuple[str, ...] = ()
        self.places: list[Place] = []  # where each chart sits in the grid (framed first)
        self.cursor_day = 0
        self.follow = True  # the cursor sticks to the newest day until the user drags it
        self.scale = 1.0
        self.columns = 0
        self._dark = False
        self._moving = False
        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setObjectName("charts")
        self.scroll = ChartScroll(self._reflow)
        self.scroll.setObjectName("chartsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.glw)
        self.placeholder = QLabel(self.tr("The charts appear here after Setup (Ctrl+R)"))
        self.placeholder.setObjectName("chartsPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.scroll)
        self._paint_background()
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self._refresh_half)
        self._turn = 0  # which half of the plots the next live redraw updates
        self._stale: set[str] = set()  # plots with data they do not show yet
        self._plot_of: dict[str, str] = {}
        self._fixed_columns: int | None = None
        self._regrid = QTimer(self)  # a rebuild for a new column count, after the resize
        self._regrid.setSingleShot(True)
        self._regrid.setInterval(0)
        self._regrid.timeout.connect(self._rebuild_grid)
        self._reveal = QTimer(self)  # scroll the highlighted charts into view, once laid out
        self._reveal.setSingleShot(True)
        self._reveal.setInterval(0)
        self._reveal.timeout.connect(self.scroll_to_highlighted)

    # ------------------------------------------------------------- building
    def _paint_background(self) -> None:
        s = theme.scheme(self._dark)
        self.glw.setBackground(s.chart_bg)

    def _view_size(self) -> tuple[int, int]:
        """The width and height the charts' view has, or gets once shown: until the first
        charts are built the placeholder is shown, and the view behind it keeps Qt's
        default 640×480 (the first Setup then built the grid for that width and at once
        again for the real one, twice the ~0.2 s)."""
        if self.stack.currentWidget() is self.placeholder:
            area = self.contentsRect()
            return area.width(), area.height()
        # shown, or hidden with its tab: the viewport keeps its size (without the
        # vertical scroll bar's width, which the panel's own rectangle includes)
        view = self.scroll.viewport().size()
        return view.width(), view.height()

    def _pt(self, points: float) -> int:
        return round(points * self.scale)

    def build(self, specs: list[ChartSpec], columns: int | None = None) -> None:
        """Make one plot per spec (``columns`` fixes the grid; None: as many as fit)."""
        for signal, slot in self._mark_slots:
            with contextlib.suppress(RuntimeError, TypeError):  # already gone with its view
                signal.disconnect(slot)  # type: ignore[attr-defined]
        self._mark_slots = []
        self.glw.clear()
        self.specs, self.plots, self.curves, self.cursors = specs, {}, {}, []
        self.cells, self.legends, self.mark_lines = {}, {}, {}
        self._plot_of = {}  # column -> the plot that draws it
        self._fixed_columns = columns
        # cells are placed once, here: moving pyqtgraph items between grid positions
        # corrupts PySide6 6.12's references, so a new column count rebuilds the grid
        width, height = self._view_size()
        cols = columns or self.wanted_columns(width, height)
        self.columns = cols
        s = theme.scheme(self._dark)
        fg = s.chart_fg
        self._paint_background()
        self.stack.setCurrentWidget(self.scroll if specs else self.placeholder)
        legend_pt = self._legend_pt()
        by_key = {spec.key: spec for spec in specs}
        places = self.placement(cols)
        self.places = places
        for place in places:
            spec = by_key[place.key]
            cell = self.glw.addLayout(row=place.row, col=place.col, colspan=place.span)
            cell.setContentsMargins(2, 2, 2, 2)
            cell.layout.setVerticalSpacing(0)
            plot = cell.addPlot(
                row=0,
                col=0,
                axisItems={"bottom": DayAxis("bottom")},
                viewBox=ZeroBasedViewBox(share=spec.share),
            )
            plot.setTitle(f"{spec.title} {HELP_MARK}", size=f"{self._pt(15)}pt", color=fg)
            narrow_title(plot.titleLabel)
            self._clickable_title(plot, spec)
            # the legend below the plot: never over the data, text as large as the axes'
            legend = pg.LegendItem(
                labelTextSize=f"{legend_pt}pt", labelTextColor=fg, horSpacing=12, colCount=1
            )
            legend.setSizePolicy(
                pg.QtWidgets.QSizePolicy.Policy.Ignored, pg.QtWidgets.QSizePolicy.Policy.Fixed
            )
            cell.addItem(legend, row=1, col=0)
            plot.legend = legend  # where pyqtgraph's own addLegend would put it
            for side, text in (("bottom", t("Units", "day")), ("left", unit(spec.unit))):
                axis = plot.getAxis(side)
                axis.setTickFont(big_font(self._pt(12)))
                axis.setPen(pg.mkPen(fg, width=1))
                axis.setTextPen(pg.mkPen(fg))
                axis.setLabel(text, **{"font-size": f"{self._pt(13)}pt", "color": fg})
            view = plot.getViewBox()
            # the data area keeps its readable height in a row beside a chart with a
            # shorter legend (the grid shares a row's height; a four-line legend took it
            # from its own plot)
            view.setMinimumHeight(round(PLOT_MIN_H * self.scale))
            for signal, slot in (
                (view.sigResized, lambda _v, k=spec.key: self._place_mark_labels(k)),
                (view.sigXRangeChanged, lambda _v, _r, k=spec.key: self._place_mark_labels(k)),
            ):
                signal.connect(slot)
                self._mark_slots.append((signal, slot))
            plot.getAxis("left").setWidth(self._pt(72))
            plot.getAxis("left").enableAutoSIPrefix(False)  # shares stay 0–1, not "x0.001"
            for j, series in enumerate(spec.series):
                for k, overlay in enumerate(self.overlays):
                    style = Qt.PenStyle.DashLine if k else Qt.PenStyle.SolidLine
                    width = LINE_WIDTH * self.scale
                    # the series' own colour, as in the reports and handouts
                    tint = colours.colour(series.column, j, self._dark)
                    pen = pg.mkPen(tint, width=width, style=style)
                    curve = plot.plot([], [], pen=pen, connect="finite")
                    self.curves[(overlay, series.column)] = curve
                    # one legend entry per series: the line style (A solid, B dashed) is
                    # told once above the charts, so names are never cut off
                    if k == 0:
                        legend.addItem(curve, series.label)
                self._plot_of[series.column] = spec.key
            line = pg.InfiniteLine(
                pos=self.cursor_day,
                angle=90,
                movable=True,
                pen=pg.mkPen("#888888", width=2, style=Qt.PenStyle.DashLine),
                hoverPen=pg.mkPen("#ff9900", width=3),
            )
            line.sigPositionChanged.connect(self._on_cursor_dragged)
            plot.addItem(line, ignoreBounds=True)
            self.cursors.append(line)
            self.plots[spec.key] = plot
            self.cells[spec.key] = cell
            self.legends[spec.key] = legend
        for c in range(MAX_COLUMNS):
            self.glw.ci.layout.setColumnStretchFactor(c, 1 if c < cols else 0)
        self._size_grid(cols)
        self._draw_marks()
        self._draw_highlight()
        self._reset_ranges()
        self.refresh()
        if self.highlighted:
            self._reveal.start()  # a rebuilt grid (presentation view, columns) moves them

    def _clickable_title(self, plot: pg.PlotItem, spec: ChartSpec) -> None:
        """The title (with its ⓘ) opens the chart's help; its tooltip says what it shows."""
        label = plot.titleLabel
        label.setCursor(Qt.CursorShape.PointingHandCursor)
        label.setToolTip(
            self.tr("What am I looking at? Click for help on this chart")
            + "\n"
            + "\n".join(
                f"{s.label}: {t(MEANINGS_CONTEXT, definition(s.column).meaning)}"
                for s in spec.series
            )
        )

        def press(event, key: str = spec.key) -> None:
            event.accept()
            self.helpRequested.emit(key)

        label.mousePressEvent = press

    def set_scale(self, scale: float) -> None:
        """Scale every text and line (1 = the lab; ``presentation_scale`` = a projector)."""
        if scale != self.scale:
            self.scale = scale
            if self.specs:
                self.build(self.specs)

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self._paint_background()
        if self.specs:
            self.build(self.specs)

    # ------------------------------------------------------------- the grid
    def cell_min_size(self) -> tuple[int, int]:
        return round(CELL_MIN_W * self.scale), round(CELL_MIN_H * self.scale)

    def fit_columns(self, width: int) -> int:
        """How many columns of readable charts fit ``width`` pixels."""
        min_w, _ = self.cell_min_size()
        return max(1, min(MAX_COLUMNS, len(self.specs) or 1, width // max(1, min_w)))

    def framed(self) -> list[str]:
        """The highlighted charts that the grid has, in the step's order."""
        keys = {spec.key for spec in self.specs}
        return [k for k in dict.fromkeys(self.highlighted) if k in keys]

    def placement(self, cols: int) -> list[Place]:
        """Where each chart sits in a grid of ``cols`` columns, in the grid's order: a
        lesson step's framed charts first, in rows of their own (a last row with fewer
        of them shares its width between them, the first ones one column more: in two
        columns a step's one chart spans both, and no taller chart beside it makes its
        row higher than the view), then the others in their usual order."""
        framed = self.framed()
        places = []
        for r in range(0, len(framed), cols):
            row = framed[r : r + cols]
            col = 0
            for i, key in enumerate(row):
                span = cols // len(row) + (i < cols % len(row))
                places.append(Place(key, r // cols, col, span))
                col += span
        first = -(-len(framed) // cols)
        rest = [spec.key for spec in self.specs if spec.key not in framed]
        places += [Place(k, first + i // cols, i % cols) for i, k in enumerate(rest)]
        return places

    def _row_heights(self, places: list[Place], cell_w: int) -> dict[int, int]:
        """Pixels each row of ``places`` needs, its cells ``cell_w`` pixels a column."""
        rows: dict[int, int] = {}
        for place in places:
            need = self.cell_height(place.key, cell_w * place.span)
            rows[place.row] = max(rows.get(place.row, 0), need)
        return rows

    def wanted_columns(self, width: int, height: int | None = None) -> int:
        """The grid's columns at a view of ``width`` × ``height`` pixels (height: the
        view's own): as many as fit (``fit_columns``), unless a lesson step frames
        several charts that would then not be on screen together (at 1280×720 one chart
        fits at a time: a step about the offers and the bans charts showed the offers
        alone). They are then set side by side, each at least ``FRAMED_MIN_W`` wide."""
        cols = self.fit_columns(width)
        framed = self.framed()
        if len(framed) <= cols:
            return cols  # all in the first row already
        if height is None:
            height = self.scroll.viewport().height()
        if self.framed_height(cols, width) <= height:
            return cols
        side = min(len(framed), MAX_COLUMNS)
        if width // side >= round(FRAMED_MIN_W * self.scale):
            return side
        return cols

    def framed_height(self, cols: int, width: int) -> int:
        """Pixels the rows holding the framed charts need in a grid of ``cols`` columns
        ``width`` pixels wide."""
        framed = set(self.framed())
        places = [place for place in self.placement(cols) if place.key in framed]
        return sum(self._row_heights(places, max(1, width // cols)).values())

    def _reflow(self) -> None:
        """On a resize: as many columns as fit (a change rebuilds the grid, once the
        resize is over); below the readable height, the grid grows taller and scrolls."""
        if not self.specs:
            return
        view = self.scroll.viewport().size()
        cols = self._fixed_columns or self.wanted_columns(view.width(), view.height())
        if cols != self.columns:
            self._regrid.start()
            return
        self._size_grid(cols)
        if self.highlighted:  # e.g. the lesson's answer made the banner taller
            self._reveal.start()

    def _size_grid(self, cols: int) -> None:
        """Legends as wide as their chart; the grid at least as tall as its rows need
        (title, a readable data area, day axis, legend), scrolling when the view is
        shorter."""
        view = self.scroll.viewport().size()
        cell_w = max(1, view.width() // cols)
        places = self.placement(cols)
        self._fit_legends({place.key: cell_w * place.span for place in places})
        # no column wider than its share: the grid gave what it had to spare to the cell
        # that preferred more, and two framed charts side by side at 1280×720 came out
        # 250 and 300 px wide (the narrower one the offers chart, its day axis one label)
        grid = self.glw.ci.layout
        for c in range(MAX_COLUMNS):
            grid.setColumnMaximumWidth(c, cell_w if c < cols else 0)
        need = sum(self._row_heights(places, cell_w).values())
        # ... or what the laid-out cells hold as their least (each data area keeps
        # PLOT_MIN_H; a legend's entries can be taller than one line of its font)
        self.glw.ci.layout.invalidate()
        least = self.glw.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        need = max(need, math.ceil(least))
        self.glw.setMinimumHeight(need if need > view.height() else 0)

    def cell_height(self, key: str, cell_width: int | None = None) -> int:
        """The height chart ``key`` needs, in pixels: its title, a data area of
        ``PLOT_MIN_H``, the day axis and its legend's rows (as many columns as a cell
        ``cell_width`` pixels wide holds; None: the grid's own cell width)."""
        title = QFontMetrics(big_font(self._pt(15))).height() + 10
        axis = (
            QFontMetrics(big_font(self._pt(12))).height()
            + QFontMetrics(big_font(self._pt(13))).height()
            + 16
        )
        if cell_width is None:
            span = next((p.span for p in self.places if p.key == key), 1)
            cell_width = span * max(1, self.scroll.viewport().width() // max(1, self.columns))
        spec = next((s for s in self.specs if s.key == key), None)
        entries = [s.label for s in spec.series] if spec is not None else []
        rows = -(-len(entries) // self._legend_columns(entries, cell_width)) if entries else 0
        font = QFont()
        font.setPointSize(self._legend_pt())
        legend_h = rows * (QFontMetrics(font).height() + 6) + 10
        return title + round(PLOT_MIN_H * self.scale) + axis + legend_h

    def _rebuild_grid(self) -> None:
        if self.specs:
            view = self.scroll.viewport().size()
            cols = self._fixed_columns or self.wanted_columns(view.width(), view.height())
            if cols != self.columns:
                self.build(self.specs, self._fixed_columns)

    def _legend_pt(self) -> int:
        return self._pt(11 if len(self.overlays) > 1 else 12)

    def _legend_columns(self, entries: Sequence[str], cell_width: int) -> int:
        """How many legend columns a chart ``cell_width`` pixels wide holds."""
        font = QFont()
        font.setPointSize(self._legend_pt())
        metrics = QFontMetrics(font)
        entry = max(metrics.horizontalAdvance(e) for e in entries) + self._pt(48)
        return max(1, min(len(entries), (cell_width - 20) // max(1, entry)))

    def _fit_legends(self, widths: dict[str, int]) -> None:
        """As many legend columns as each chart's width (``widths``: pixels by chart
        key) holds (entries never cut)."""
        for key, legend in self.legends.items():
            entries = [label.text for _sample, label in legend.items]
            if not entries or key not in widths:
                continue
            cols = self._legend_columns(entries, widths[key])
            if legend.columnCount != cols:
                legend.setColumnCount(cols)

    # ------------------------------------------------------------- marks, highlight
    def set_marks(self, marks: Sequence[tuple[int, str, str]]) -> None:
        """Event marks: (day, label, tooltip), drawn as labelled dotted lines on every
        chart (one line per day; labels of the same day are joined)."""
        by_day: dict[int, tuple[list[str], list[str]]] = {}
        for day, text, tip in marks:
            labels, tips = by_day.setdefault(int(day), ([], []))
            if text not in labels:
                labels.append(text)
                tips.append(tip)
        self.marks = [
            (day, " · ".join(labels), "\n".join(tips))
            for day, (labels, tips) in sorted(by_day.items())
        ]
        self._draw_marks()

    def _draw_marks(self) -> None:
        s = theme.scheme(self._dark)
        for key, lines in self.mark_lines.items():
            for line in lines:
                self.plots[key].removeItem(line)
        self.mark_lines = {}
        for key, plot in self.plots.items():
            lines = []
            for n, (day, text, tip) in enumerate(self.marks):
                line = pg.InfiniteLine(
                    pos=day,
                    angle=90,
                    movable=False,
                    pen=pg.mkPen(s.chart_fg, width=1.5 * self.scale, style=Qt.PenStyle.DotLine),
                    label=text,
                    labelOpts={
                        "position": 0.94,
                        "color": s.chart_fg,
                        "fill": pg.mkBrush(s.legend_bg),
                        "anchors": [RIGHT_OF_LINE, RIGHT_OF_LINE],
                    },
                )
                line.label.setFont(big_font(self._pt(10)))
                line.setToolTip(tip)
                # under the curves; an earlier mark above a later one, so that a label
                # (drawn to its line's right) hides the next line rather than being crossed
                line.setZValue(-5 + (len(self.marks) - n) * 1e-3)
                plot.addItem(line, ignoreBounds=True)
                lines.append(line)
            self.mark_lines[key] = lines
            self._place_mark_labels(key)

    def _place_mark_labels(self, key: str) -> None:
        """Lay the marks' labels out in a band at the top of plot ``key``, above its data
        (the value axis is raised for it: ``ZeroBasedViewBox.set_top_band``), as the run
        report lays out its own (``simulation.runs.mark_places``): each right of its line
        (left of it where the right would run past the plot's edge, across it where the
        plot is too narrow for either), the labels of close marks in rows, none covering
        another; a mark beyond the days drawn (an announcement scheduled for later) has
        no label. Done again when the plot's size or day range changes, since the labels
        keep their pixel size."""
        plot = self.plots.get(key)
        if plot is None:
            return
        view = plot.getViewBox()
        lines = [line for line in self.mark_lines.get(key, []) if line in plot.items]
        width, height = view.width(), view.height()
        (x0, x1), _ = view.viewRange()
        if width <= 0 or height <= 0 or x1 <= x0:
            return
        shown = []
        for line in lines:
            label = line.label
            inside = x0 <= line.value() <= x1  # a mark beyond the days drawn: no label
            if label.isVisible() != inside:
                label.setVisible(inside)
            if inside:
                shown.append(line)
        if not shown:
            view.set_top_band(0.0)
            return
        gap = self._pt(4)
        xs = [(line.value() - x0) / (x1 - x0) * width for line in shown]
        sizes = [line.label.textItem.boundingRect() for line in shown]
        # the lines run the plot's height; a label is drawn over those it crosses
        widths = [size.width() for size in sizes]
        slots = mark_places.stack(xs, widths, 0.0, width, gap, rising=False)
        step = max(size.height() for size in sizes) + 1
        rows = 1 + max(slot.row for slot in slots)
        band = gap + rows * step  # pixels, from the plot's top
        view.set_top_band(band / height)  # at most MAX_MARK_BAND of it
        # rows the plot holds: beyond the band's (a crowded, short plot) over the data,
        # and beyond the plot's height from its top again
        fit = max(1, int((height - gap) // step))
        low = gap + min(rows, fit) * step  # the bottom of the lowest row
        for line, slot, size, x in zip(shown, slots, sizes, xs, strict=True):
            w = size.width()
            centre = low - (slot.row % fit + 0.5) * step  # row 0 nearest the data
            anchor = ((x - slot.left) / w if w > 0 else 0.0, 0.5)
            line.label.anchors = [anchor, anchor]
            line.label.setPosition(max(0.0, min(1.0, 1 - centre / height)))

    def mark_days(self, key: str) -> list[float]:
        """Where the event marks of chart ``key`` stand (days)."""
        return [line.value() for line in self.mark_lines.get(key, [])]

    def highlight(self, keys: Sequence[str]) -> None:
        """Frame the charts ``keys`` in the theme's highlight colour (a lesson's step),
        put them first in the grid (side by side when stacked they would not be on screen
        together: ``wanted_columns``) and scroll them into view: a step that talks about a
        chart below the fold must not leave the class looking at another one. No keys:
        the grid's usual order again."""
        self.highlighted = tuple(keys)
        if self.specs:
            view = self.scroll.viewport().size()
            cols = self._fixed_columns or self.wanted_columns(view.width(), view.height())
            if cols != self.columns or self.placement(cols) != self.places:
                # the framed charts first, side by side if need be
                self.build(self.specs, self._fixed_columns)
                return
        self._draw_highlight()
        if self.highlighted:
            self._reveal.start()

    def chart_rect(self, key: str) -> QRect:
        """Where chart ``key`` (title, plot and legend) lies in the scrolled grid, in
        pixels of the grid widget."""
        cell = self.cells[key]
        return self.glw.mapFromScene(cell.mapRectToScene(cell.boundingRect())).boundingRect()

    def scroll_to_highlighted(self) -> None:
        """Scroll as little as needed to show the highlighted charts whole; when they do
        not fit together, the first one from its top."""
        keys = [k for k in self.highlighted if k in self.cells]
        if not keys:
            return
        self.glw.ci.layout.activate()  # the cells' geometry of the grid's current size
        rects = [self.chart_rect(k) for k in keys]
        top = min(r.top() for r in rects)
        bottom = max(r.bottom() for r in rects)
        bar = self.scroll.verticalScrollBar()
        height = self.scroll.viewport().height()
        if bottom - top + 1 > height:
            first = min(rects, key=lambda r: r.top())
            top, bottom = first.top(), min(first.bottom(), first.top() + height - 1)
        if top < bar.value():
            bar.setValue(top)
        elif bottom >= bar.value() + height:
            bar.setValue(bottom - height + 1)

    def _draw_highlight(self) -> None:
        s = theme.scheme(self._dark)
        for key, plot in self.plots.items():
            on = key in self.highlighted
            pen = pg.mkPen(s.highlight, width=round(4 * self.scale)) if on else None
            box = plot.getViewBox()
            box.setBorder(pen)
            # under the curves (pyqtgraph draws it above them): a line at zero, along the
            # plot's bottom edge, stays visible in a framed chart
            box.borderRect.setZValue(box.childGroup.zValue() - 1)

    # ------------------------------------------------------------- data
    def clear(self) -> None:
        """No data: empty curves, cursor at day 0, axes back to their empty ranges, no
        marks and no highlight."""
        for store in self.stores.values():
            store.clear()
        self.cursor_day = 0
        self.follow = True
        self.set_marks([])
        self.highlight(())
        self._reset_ranges()
        self.refresh()

    clear_run = clear  # the panels' common reset (see MainWindow.run_views)

    def _reset_ranges(self) -> None:
        """Forget the last run's axis ranges; the next data scales them again (from 0:
        see ``ZeroBasedViewBox``)."""
        for plot in self.plots.values():
            plot.setXRange(0, EMPTY_DAYS, padding=0.02)
            plot.setYRange(0, 1, padding=0.02)
            plot.enableAutoRange()

    def append(self, day: int, metrics: dict[str, float], overlay: str = "") -> None:
        self.stores[overlay or self.overlays[0]].append(day, metrics)
        if self.follow:
            self.cursor_day = day
        self._stale.update(self.plots)
        if not self._redraw.isActive():
            self._redraw.start()

    def set_frame(self, frame: pd.DataFrame) -> None:
        """Show a stored run's whole metrics table."""
        self.store.set_frame(frame)
        self.cursor_day = int(frame["day"].max()) if len(frame) else 0
        self.follow = True
        self.refresh()

    def refresh(self) -> None:
        """Redraw every chart now (a stored run, the end of a run, an export)."""
        self._redraw.stop()
        self._update(set(self.plots))
        self._place_cursors()

    def _refresh_half(self) -> None:
        """Live redraw of half the charts per tick, alternating.

        Repainting all six plots at once is the longest thing the GUI thread does during a
        run; two halves a tick apart keep every stall short, and each chart is at most two
        ticks (0.3 s) behind the engine.
        """
        names = list(self.plots)
        half = set(names[self._turn :: 2]) & self._stale
        self._turn ^= 1
        self._update(half)
        self._place_cursors()
        if self._stale:
            self._redraw.start()

    def _update(self, plots: set[str]) -> None:
        for (overlay, column), curve in self.curves.items():
            if self._plot_of.get(column) in plots:
                x, y = self.stores[overlay].get(column)
                curve.setData(x, y, connect="finite")
        self._stale -= plots

    def series(self, column: str, overlay: str = "") -> tuple[np.ndarray, np.ndarray]:
        """What the chart of ``column`` currently draws (x = day, y = value)."""
        x, y = self.curves[(overlay or self.overlays[0], column)].getData()
        if x is None:
            return np.zeros(0), np.zeros(0)
        return np.asarray(x), np.asarray(y)

    def last_day(self) -> int:
        return int(self.store.days[self.store.n - 1]) if self.store.n else 0

    # ------------------------------------------------------------- cursor
    def set_cursor(self, day: int) -> None:
        last = self.last_day()
        self.cursor_day = max(0, min(int(day), last))
        self.follow = self.cursor_day >= last
        self._place_cursors()
        self.cursorMoved.emit(self.cursor_day)

    def _place_cursors(self) -> None:
        self._moving = True
        for line in self.cursors:
            line.setValue(self.cursor_day)
        self._moving = False

    def _on_cursor_dragged(self, line: pg.InfiniteLine) -> None:
        if self._moving:
            return
        self.set_cursor(round(line.value()))

    # ------------------------------------------------------------- export
    def export(self, path: str | Path) -> list[Path]:
        """Write each chart to a file of its own beside ``path`` (``charts.png`` gives
        ``charts-offers.png``, ``charts-spam.png``, …; PNG or SVG by the suffix), drawn as
        the run report draws its charts (``simulation.runs.figures.write_live``: the
        report's size, fonts and colours) with what the panel shows: the first run's
        series, each chart's day range, the event marks, the words of the interface
        (Chinese fonts when they need them). The window's own controls (the day cursor,
        each title's ⓘ) are not drawn. Returns the paths written, in the charts' order."""
        from simulation.runs.figures import has_cjk, write_live  # matplotlib: not at start-up

        # the days that came in since the last live redraw (a tick is 150 ms) drawn first:
        # the files took every day, the day range shown only those drawn, and a file and
        # the window it was exported from could differ by the last day
        self.refresh()
        for plot in self.plots.values():  # their day ranges as the next paint settles them
            plot.getViewBox().prepareForPaint()
        # a breakdown's series (a category's offers) named as its legend names it here
        categories = {}
        for spec in self.specs:
            spread = LIVE_CHARTS[spec.key].series[0][0]
            if spread.endswith(".*"):
                prefix = spread[:-1]
                categories.update({s.column[len(prefix) :]: s.label for s in spec.series})
        days = {}
        for key, plot in self.plots.items():
            first, last = plot.getViewBox().viewRange()[0]
            days[key] = (max(0.0, first), last)  # the days shown (no day before 0)
        marks = [(day, text) for day, text, _tip in self.marks]
        texts = [text for spec in self.specs for text in (spec.title, *spec.labels)]
        return write_live(
            Path(path),
            [spec.key for spec in self.specs],
            self.frame(),
            marks,
            tr=t,
            category_label=lambda name: categories.get(name, name.replace("_", " ")),
            days=days,
            cjk=has_cjk(texts + [text for _day, text in marks]),
        )

    def export_paths(self, path: Path) -> list[Path]:
        """The files :meth:`export` writes for ``path``, in the charts' order."""
        from simulation.runs.figures import live_paths  # matplotlib: not at start-up

        return live_paths(path, [spec.key for spec in self.specs])

    def frame(self, overlay: str = "") -> pd.DataFrame:
        """What the charts of ``overlay`` (default: the first run) hold: one row a day,
        ``day`` and a column per metric drawn."""
        import pandas as pd

        store = self.stores[overlay or self.overlays[0]]
        columns = {"day": store.days[: store.n]}
        for spec in self.specs:
            for series in spec.series:
                columns[series.column] = store.get(series.column)[1]
        return pd.DataFrame(columns)
