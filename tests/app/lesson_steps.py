"""What the lesson tests share: the lessons played, waiting for a step, and whether the
charts a step frames are on screen whole."""

from __future__ import annotations

from PySide6.QtCore import QRect

from simulation.lessons.load import lesson_names
from tests.app.conftest import WAIT_MS


def wait_for_next(qtbot, win) -> None:
    """Until the lesson's step is on screen and Next can be pressed."""
    qtbot.waitUntil(lambda: win.lesson is None or win.banner.next_btn.isEnabled(), timeout=WAIT_MS)


# every lesson in English; in Chinese the crackdown (the one with a feed step), whose
# banner, answers and marks go through the same code as every lesson's (each lesson's
# Chinese texts are checked headless in tests/lessons)
PLAYTHROUGHS = [(name, "en_US") for name in lesson_names()] + [("crackdown", "zh_CN")]


def shown_whole(win, key: str) -> bool:
    """Chart ``key`` (title, plot, legend) lies inside the part of the grid on screen."""
    charts = win.charts
    cell = charts.cells[key]
    where = charts.glw.mapFromScene(cell.mapRectToScene(cell.boundingRect())).boundingRect()
    view = charts.scroll.viewport()
    shown = QRect(0, charts.scroll.verticalScrollBar().value(), view.width(), view.height())
    return shown.contains(where)


def in_view(win, keys: tuple[str, ...]) -> bool:
    """Every chart a step frames is shown whole (title, plot and legend), together: at
    1280×720 one chart fits at a time, and the crackdown's step 2, about the offers and
    the bans charts, showed the offers chart alone (the bans chart 754 px down a 330 px
    view)."""
    return all(shown_whole(win, key) for key in keys)
