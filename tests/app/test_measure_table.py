"""The measure tables (Compare, a stored run's summary, the inspector's totals) fit their
view with every number whole and the measures' names as wide as there is room for: at
1280×720 the Compare table gave its four columns equal widths, cutting both the
measures' names ("accounts at th…") and, in a narrower view, the numbers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.app.conftest import WAIT_MS, interface, setup_run


def _elided(table, row: int, col: int) -> bool:
    text = table.item(row, col).text()
    return table.fontMetrics().horizontalAdvance(text) + 4 > table.columnWidth(col)


@pytest.mark.parametrize("locale", ["en_US", "zh_CN"])
def test_compare_shows_every_number_whole_at_1280x720(qtbot, make_window, request, locale):
    interface(request, locale)
    win = make_window(locale=locale, days=30)
    win.resize(1280, 720)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == (1280, 720), timeout=WAIT_MS)
    setup_run(qtbot, win)
    bar = win.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(win.tabs.indexOf(win.compare)).center()
    )
    cmp = win.compare
    cmp.policy_a.setCurrentIndex(cmp.policy_a.findData("none"))
    cmp.policy_b.setCurrentIndex(cmp.policy_b.findData("crackdown"))
    cmp.days.setValue(8)
    with qtbot.waitSignal(cmp.finished, timeout=WAIT_MS):
        qtbot.mouseClick(cmp.run_btn, Qt.MouseButton.LeftButton)
    table = cmp.measures.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() > 10, timeout=WAIT_MS)
    view = table.viewport().width()
    right = max(table.columnViewportPosition(c) + table.columnWidth(c) for c in range(4))
    assert right <= view
    for row in range(table.rowCount()):
        for col in (1, 2, 3):
            item = table.item(row, col)
            if any(c.isalpha() for c in item.text()):  # words (a name) may be cut ...
                assert item.toolTip().startswith(item.text() + "\n\n")  # ... and are here
            else:  # numbers never
                assert not _elided(table, row, col), (item.text(), col)
    # the names take what the numbers leave: wider than any value column
    assert table.columnWidth(0) > max(table.columnWidth(c) for c in (1, 2, 3))
    names = [r for r in range(table.rowCount()) if not _elided(table, r, 0)]
    assert len(names) > table.rowCount() // 2
    header = table.horizontalHeaderItem(1)
    assert header.toolTip() == header.text()  # a cut heading has its whole text as its tip


def test_numbers_are_told_from_words():
    from app.measures import _is_number

    for text in ("1,234", "-0.5", "3.0e-09", "12.5%", "–", "—", "−3"):
        assert _is_number(text), text
    for text in ("classroom", "No moderation · 7d1c4aa", "demo_zh"):
        assert not _is_number(text), text
