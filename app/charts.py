"""Live charts of the engine's daily metrics, readable from the back of a room.

Each chart names metric columns from ``simulation.metrics``; titles, axis units and
tooltips come from the metric registry so a number means what the CLI says it means.
All charts share one day cursor. Redraws are coalesced (at most one per ``REDRAW_MS``)
so a fast run does not drown the event loop in repaints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from app import theme
from app.i18n import t, unit
from simulation.metrics import definition

REDRAW_MS = 150  # ~7 frames/s while running: smooth enough, and the GUI thread stays free
LINE_WIDTH = 3
EMPTY_DAYS = 10  # the day axis of an empty chart spans this many days
TITLE_MIN_PX = 120
DAY_LABEL_PX = 56  # room for one day label (a few digits and a gap) on the day axis


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
class ChartSpec:
    key: str
    title: str
    series: tuple[Series, ...]

    @property
    def unit(self) -> str:
        return definition(self.series[0].column).unit


TITLES = {
    "offers": QT_TRANSLATE_NOOP("Charts", "Restricted-offer volume"),
    "spam": QT_TRANSLATE_NOOP("Charts", "Spam volume"),
    "ad_share": QT_TRANSLATE_NOOP("Charts", "Advertising Circle index"),
    "bans": QT_TRANSLATE_NOOP("Charts", "Bans: correct vs wrongful"),
    "quality": QT_TRANSLATE_NOOP("Charts", "Precision and recall"),
    "backlog": QT_TRANSLATE_NOOP("Charts", "Review backlog"),
}
LABELS = {
    "posts_created.spam": QT_TRANSLATE_NOOP("Charts", "spam posted"),
    "posts_removed.spam": QT_TRANSLATE_NOOP("Charts", "spam removed"),
    "ad_share": QT_TRANSLATE_NOOP("Charts", "ads+spam+offers share"),
    "prevalence": QT_TRANSLATE_NOOP("Charts", "spam+offers share"),
    "bans.correct": QT_TRANSLATE_NOOP("Charts", "correct"),
    "bans.wrongful": QT_TRANSLATE_NOOP("Charts", "wrongful"),
    "moderation_precision": QT_TRANSLATE_NOOP("Charts", "precision"),
    "recall_same_day": QT_TRANSLATE_NOOP("Charts", "same-day recall"),
    "review_backlog": QT_TRANSLATE_NOOP("Charts", "waiting for review"),
}


def chart_specs(categories: tuple[str, ...], category_labels: dict[str, str]) -> list[ChartSpec]:
    """The six charts of the issue, over the run's catalogue categories."""

    def s(col: str) -> Series:
        return Series(col, t("Charts", LABELS[col]))

    offers = tuple(
        Series(f"offers_created.{c}", category_labels.get(c, c.replace("_", " ")))
        for c in categories
    )
    return [
        ChartSpec("offers", t("Charts", TITLES["offers"]), offers),
        ChartSpec(
            "spam", t("Charts", TITLES["spam"]), (s("posts_created.spam"), s("posts_removed.spam"))
        ),
        ChartSpec("ad_share", t("Charts", TITLES["ad_share"]), (s("ad_share"), s("prevalence"))),
        ChartSpec("bans", t("Charts", TITLES["bans"]), (s("bans.correct"), s("bans.wrongful"))),
        ChartSpec(
            "quality",
            t("Charts", TITLES["quality"]),
            (s("moderation_precision"), s("recall_same_day")),
        ),
        ChartSpec("backlog", t("Charts", TITLES["backlog"]), (s("review_backlog"),)),
    ]


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


class ChartPanel(QWidget):
    """The six live charts with a shared, draggable day cursor."""

    cursorMoved = Signal(int)

    def __init__(self, parent: QWidget | None = None, overlays: tuple[str, ...] = ("",)) -> None:
        super().__init__(parent)
        self.overlays = overlays  # "" for one run; ("A", "B") to compare two, B dashed
        self.stores = {o: MetricStore() for o in overlays}
        self.store = self.stores[overlays[0]]
        self.specs: list[ChartSpec] = []
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.cursors: list[pg.InfiniteLine] = []
        self.cursor_day = 0
        self.follow = True  # the cursor sticks to the newest day until the user drags it
        self._dark = False
        self._moving = False
        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setObjectName("charts")
        self.placeholder = QLabel(self.tr("The charts appear here after Setup (Ctrl+R)"))
        self.placeholder.setObjectName("chartsPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.glw)
        self._paint_background()
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self._refresh_half)
        self._turn = 0  # which half of the plots the next live redraw updates
        self._stale: set[str] = set()  # plots with data they do not show yet
        self._plot_of: dict[str, str] = {}

    # ------------------------------------------------------------- building
    def _paint_background(self) -> None:
        s = theme.scheme(self._dark)
        self.glw.setBackground(s.chart_bg)

    def build(self, specs: list[ChartSpec], columns: int = 2) -> None:
        self.glw.clear()
        self.specs, self.plots, self.curves, self.cursors = specs, {}, {}, []
        self._plot_of: dict[str, str] = {}  # column -> the plot that draws it
        s = theme.scheme(self._dark)
        fg = s.chart_fg
        self._paint_background()
        self.stack.setCurrentWidget(self.glw if specs else self.placeholder)
        compare = len(self.overlays) > 1
        for i, spec in enumerate(specs):
            plot = self.glw.addPlot(
                row=i // columns, col=i % columns, axisItems={"bottom": DayAxis("bottom")}
            )
            plot.setTitle(spec.title, size="15pt", color=fg)
            narrow_title(plot.titleLabel)
            # no grid: pyqtgraph draws it with the axes, and it tripled the repaint time
            legend = plot.addLegend(
                labelTextSize="11pt" if compare else "12pt", offset=(6, 6), labelTextColor=fg
            )
            legend.setBrush(pg.mkBrush(s.legend_bg))
            for side, text in (("bottom", t("Units", "day")), ("left", unit(spec.unit))):
                axis = plot.getAxis(side)
                axis.setTickFont(big_font(12))
                axis.setPen(pg.mkPen(fg, width=1))
                axis.setTextPen(pg.mkPen(fg))
                axis.setLabel(text, **{"font-size": "13pt", "color": fg})
            plot.getAxis("left").setWidth(72)
            plot.getAxis("left").enableAutoSIPrefix(False)  # shares stay 0–1, not "x0.001"
            plot.getViewBox().setLimits(yMin=0)  # counts and shares: no negative axis
            tip = "\n".join(
                f"{s.label}: {definition(s.column).meaning} ({unit(definition(s.column).unit)})"
                for s in spec.series
            )
            plot.setToolTip(tip)
            for j, series in enumerate(spec.series):
                for k, overlay in enumerate(self.overlays):
                    style = pg.QtCore.Qt.PenStyle.DashLine if k else pg.QtCore.Qt.PenStyle.SolidLine
                    pen = pg.mkPen(s.series[j % len(s.series)], width=LINE_WIDTH, style=style)
                    # one legend entry per series: the line style (A solid, B dashed) is
                    # told once above the charts, so names are never cut off
                    name = series.label if k == 0 else None
                    curve = plot.plot([], [], pen=pen, name=name, connect="finite")
                    self.curves[(overlay, series.column)] = curve
                self._plot_of[series.column] = spec.key
            line = pg.InfiniteLine(
                pos=self.cursor_day,
                angle=90,
                movable=True,
                pen=pg.mkPen("#888888", width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
                hoverPen=pg.mkPen("#ff9900", width=3),
            )
            line.sigPositionChanged.connect(self._on_cursor_dragged)
            plot.addItem(line, ignoreBounds=True)
            self.cursors.append(line)
            self.plots[spec.key] = plot
        self._reset_ranges()
        self.refresh()

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self._paint_background()
        if self.specs:
            self.build(self.specs)

    # ------------------------------------------------------------- data
    def clear(self) -> None:
        """No data: empty curves, cursor at day 0, axes back to their empty ranges."""
        for store in self.stores.values():
            store.clear()
        self.cursor_day = 0
        self.follow = True
        self._reset_ranges()
        self.refresh()

    clear_run = clear  # the panels' common reset (see MainWindow.run_views)

    def _reset_ranges(self) -> None:
        """Forget the last run's axis ranges; the next data scales them again."""
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

    # ------------------------------------------------------------- cursor
    def set_cursor(self, day: int) -> None:
        last = int(self.store.days[self.store.n - 1]) if self.store.n else 0
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
    def export(self, path: str | Path) -> Path:
        """Write all charts to PNG or SVG (chosen by the file suffix)."""
        from pyqtgraph.exporters import ImageExporter

        path = Path(path)
        self.refresh()
        if path.suffix.lower() == ".svg":
            self._export_svg(path)
            return path
        exporter = ImageExporter(self.glw.scene())
        exporter.parameters()["width"] = max(1600, self.glw.width())
        exporter.export(str(path))
        return path

    def _export_svg(self, path: Path) -> None:
        """Vector export through QSvgGenerator: pyqtgraph's SVGExporter cannot parse the
        path data Qt 6.12 writes (it expects "x,y" pairs), so the scene is rendered directly.
        """
        from PySide6.QtCore import QRect, QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        size = self.glw.viewport().size()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(size.width(), size.height()))
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(", ".join(spec.title for spec in self.specs))
        painter = QPainter(generator)
        try:
            self.glw.render(painter)
        finally:
            painter.end()
