"""The chart panel on its own, over a small metrics table: its exported files in the
interface's language, and where its event marks' labels go."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPointF

from app.charts import ChartPanel, chart_specs
from tests.app.conftest import WAIT_MS

CATEGORIES = ("medical", "tobacco")


def _metrics(days: int) -> pd.DataFrame:
    """One row a day of every column the panel's charts draw: counts that rise to about
    100 near the end and shares that reach 0.95."""
    day = np.arange(days, dtype=float)
    rise = 10 + 90 * day / max(1, days - 1)
    share = 0.3 + 0.65 * day / max(1, days - 1)
    columns = {"day": day}
    for i, name in enumerate(CATEGORIES):
        columns[f"offers_created.{name}"] = rise / (i + 1)
    columns |= {
        "posts_created.spam": rise,
        "posts_removed.spam": rise / 3,
        "ad_share": share,
        "prevalence": share / 2,
        "bans.correct": rise / 10,
        "bans.wrongful": rise / 20,
        "bans_overturned": rise / 40,
        "moderation_precision": share,
        "recall_same_day": share / 4,
        "review_backlog": rise,
    }
    return pd.DataFrame(columns)


def _panel(qtbot, labels: dict[str, str] | None = None) -> ChartPanel:
    """The panel in three columns of charts 400 pixels tall or so."""
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    panel.build(chart_specs(CATEGORIES, labels or {}))
    qtbot.waitUntil(lambda: not panel._regrid.isActive())  # the grid has its columns
    return panel


def test_a_chinese_window_exports_its_charts_in_chinese_with_chinese_fonts(
    qtbot, chinese, tmp_path, saved_figures
):
    """In the Chinese window the exported charts carry the window's Chinese titles,
    legends, units and marks, drawn in a CJK font (not as empty boxes)."""
    from matplotlib.text import Text

    from app.main_window import category_labels
    from simulation.runs.figures import CJK_FONTS, font_families

    panel = _panel(qtbot, category_labels("zh_CN"))
    panel.set_frame(_metrics(20))
    panel.set_marks([(8, "公告 ×3", "第 8 天：公告")])
    saved = saved_figures
    written = panel.export(tmp_path / "图表.png")
    assert [p.name for p in written] == [f"图表-{spec.key}.png" for spec in panel.specs]
    assert all(p.stat().st_size > 10_000 for p in written)
    cjk = [f for f in font_families(True) if f in CJK_FONTS]
    assert cjk, "a CJK font is installed (scripts/debian-packages.txt)"
    for spec, fig in zip(panel.specs, saved, strict=True):
        ax = fig.axes[0]
        assert ax.title.get_text() == spec.title and not spec.title.isascii()
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == spec.labels, spec.key
        chinese_texts = [
            t for t in fig.findobj(Text) if t.get_text() and not t.get_text().isascii()
        ]
        assert any("公告" in t.get_text() for t in chinese_texts), spec.key  # the mark
        for text in chinese_texts:
            assert set(text.get_fontfamily()) & set(cjk), (spec.key, text.get_text())


def test_mark_labels_sit_in_a_band_above_the_data_right_of_their_lines(qtbot):
    """Two marks a day apart: their labels were laid over the data from the top of the
    plot. Now each sits right of its own line, the two at different heights (neither over
    the other), in a band above the highest point of the data (the value axis is raised
    for it); the last day's label, with no room on its right, left of its line."""
    panel = _panel(qtbot)
    panel.set_frame(_metrics(60))
    panel.set_marks(
        [
            (30, "announced ×3 · policy", "the day"),
            (31, "step 2 of the lesson", "a step"),
            (59, "step 3", "a step"),
        ]
    )
    for key, plot in panel.plots.items():
        view = plot.getViewBox()
        labels = [line.label for line in panel.mark_lines[key]]
        columns = [s.column for s in next(s for s in panel.specs if s.key == key).series]
        top = max(np.nanmax(panel.series(c)[1]) for c in columns)

        def scene_x(day: float, view=view) -> float:
            return view.mapViewToScene(QPointF(day, 0)).x()

        def data_top(view=view, top=top) -> float:  # the highest point drawn, on the screen
            return view.mapViewToScene(QPointF(0, top)).y()

        qtbot.waitUntil(
            lambda labels=labels, data_top=data_top: all(
                label.sceneBoundingRect().bottom() <= data_top() for label in labels
            ),
            timeout=WAIT_MS,
        )
        early, late, last = (label.sceneBoundingRect() for label in labels)
        assert early.left() >= scene_x(30) - 1 and late.left() >= scene_x(31) - 1, key
        assert last.right() <= scene_x(59) + 1, key  # no room on its right
        assert not early.intersects(late) and early.top() != late.top(), key
        box = view.sceneBoundingRect()
        for rect in (early, late, last):
            assert box.contains(rect), key  # inside the plot


def test_an_export_in_the_middle_of_a_run_holds_the_days_the_window_then_shows(
    qtbot, tmp_path, saved_figures
):
    """Days arrive faster than the live redraw (a tick of 150 ms, half the charts each):
    an export between two ticks drew every day that had come in, over the day range of
    the days drawn, and its file and the window differed by the last day. The export
    draws the window up to date first."""
    from simulation.runs.figures import MARK_GID

    panel = _panel(qtbot)
    frame = _metrics(12)
    for row in frame.to_dict("records"):  # no redraw tick in between
        panel.append(int(row["day"]), row)
    panel.export(tmp_path / "c.png")
    assert len(saved_figures) == len(panel.specs)
    for spec, fig in zip(panel.specs, saved_figures, strict=True):
        ax = fig.axes[0]
        line = next(x for x in ax.get_lines() if x.get_gid() != MARK_GID)
        x, _y = panel.series(spec.series[0].column)
        assert len(x) == 12 and np.array_equal(line.get_xdata(), x), spec.key
        first, last = panel.plots[spec.key].getViewBox().viewRange()[0]
        assert ax.get_xlim() == pytest.approx((max(0.0, first), last)), spec.key
        assert last >= 11, spec.key  # the last day within the range drawn
