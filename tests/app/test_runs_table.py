"""The Runs tab's table fits its view: at 1280×720 and 1600×1000, in English and Chinese,
with a run changed while it ran (two policies applied mid-run, two live parameters moved)
and a run set up with a ``--set`` value (shown beside its scenario),
every column lies inside the viewport and every header is whole. A cell too long for its
column is elided, its whole text in its tooltip; the Changes column takes what is left.
The Changes column used to sit past the view's right edge at 1600×1000."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.fit_columns import MIN_PX, fitted_widths
from tests.app.conftest import WAIT_MS, choose_from_menu, interface

CHANGES, POLICY, STATE, SCENARIO = 8, 3, 6, 2


@pytest.fixture(scope="module")
def changed_db(tmp_path_factory):
    """A database with a run stepped by hand and changed four times while it ran (as the
    app's live world is), saved as the app saves it, and a run made headless."""
    import simulation
    from policy import load_policy
    from simulation.runs.live import save_live
    from simulation.scenario import load_scenario
    from simulation.world.engine import Simulation

    db = tmp_path_factory.mktemp("runs") / "runs.db"
    sim = Simulation(load_scenario("classroom").with_changes({"days": 12}), load_policy("none"))
    for step in range(12):
        if step == 2:
            sim.set_param("posting.spammer_per_day", 8.0)
        elif step == 4:
            sim.set_policy(load_policy("keywords"))
        elif step == 6:
            sim.set_param("sellers.evasion_learn", 0.5)
        elif step == 8:
            sim.set_policy(load_policy("crackdown"))
        sim.step()
    save_live(sim, db=db)
    simulation.run("classroom", "none", days=2, db=db, changes={"sellers.evasion_learn": 0.4})
    return db


def _right_edges(table) -> dict[int, int]:
    return {
        c: table.columnViewportPosition(c) + table.columnWidth(c)
        for c in range(table.columnCount())
        if not table.isColumnHidden(c)
    }


@pytest.mark.parametrize("locale", ["en_US", "zh_CN"])
@pytest.mark.parametrize("size", [(1280, 720), (1600, 1000)])
def test_the_runs_table_fits_its_view_with_a_changed_run(
    qtbot, make_window, request, changed_db, locale, size
):
    interface(request, locale)
    win = make_window(locale=locale, db=changed_db)
    win.resize(*size)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == size, timeout=WAIT_MS)
    choose_from_menu(qtbot, win, "menuView", "resetLayout")  # the docks fitted to this size
    bar = win.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(win.tabs.indexOf(win.runs)).center()
    )
    table = win.runs.table
    qtbot.waitUntil(lambda: table.rowCount() == 2 and table.isVisible(), timeout=WAIT_MS)
    view = table.viewport()
    qtbot.waitUntil(lambda: max(_right_edges(table).values()) == view.width(), timeout=WAIT_MS)

    assert not table.isColumnHidden(CHANGES)
    edges = _right_edges(table)
    assert len(edges) == table.columnCount()
    for column, right in edges.items():
        assert 0 < right <= view.width(), (column, right, view.width())
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    for column in edges:  # every header whole
        assert table.columnWidth(column) >= header.sectionSizeFromContents(column).width()

    # the changed run: every change in its Changes cell, elided or not, and its tooltip
    row = next(r for r in range(2) if table.item(r, CHANGES).text())
    changes = table.item(row, CHANGES)
    lines = changes.toolTip().split("\n")
    assert len(lines) == 4 and changes.text() == "; ".join(lines)
    day = "第 {0} 天" if locale == "zh_CN" else "day {0}"
    for n, line in zip((2, 4, 6, 8), lines, strict=True):
        assert line.startswith(day.format(n)), line
    policy = table.item(row, POLICY)
    assert policy.toolTip().startswith(policy.text())
    assert policy.text().count(" → ") == 2
    if locale == "zh_CN":
        assert "day" not in policy.text() and table.item(row, STATE).text() == "已完成"
    # the headless run's --set value beside its scenario (the live run has none)
    assert table.item(1 - row, SCENARIO).toolTip() == "classroom (sellers.evasion_learn=0.4)"
    assert table.item(row, SCENARIO).toolTip() == "classroom"
    # a cell narrower than its text is elided on screen, its whole text in the tooltip
    metrics = table.fontMetrics()
    elided = [
        (r, c)
        for r in range(2)
        for c in edges
        if metrics.horizontalAdvance(table.item(r, c).text()) > table.columnWidth(c)
    ]
    assert (row, CHANGES) in elided or size == (1600, 1000)
    for r, c in elided:
        assert table.item(r, c).toolTip().replace("\n", "; ").startswith(table.item(r, c).text()), (
            r,
            c,
        )


def test_fitted_widths_fill_the_view_exactly():
    wanted = {0: 30, 1: 400, 2: 80, 3: 900, 4: 50}
    least = {0: 30, 1: 60, 2: 60, 3: 60, 4: 40}
    flex, stretch = (1, 2, 3), (3,)
    # room for everything: each column what it needs, the rest to the stretched one
    wide = fitted_widths(wanted, least, flex, stretch, 2000)
    assert sum(wide.values()) == 2000 and wide[3] == 2000 - 30 - 400 - 80 - 50
    # little room: short columns whole, the long ones share the rest, small needs first
    narrow = fitted_widths(wanted, least, flex, stretch, 500)
    assert sum(narrow.values()) == 500
    assert (narrow[0], narrow[4], narrow[2]) == (30, 50, 80)
    assert narrow[1] == narrow[3] == (500 - 160) // 2
    # less than the headers: shares in proportion, none under MIN_PX
    tiny = fitted_widths(wanted, least, flex, stretch, 150)
    assert sum(tiny.values()) == 150 and min(tiny.values()) >= MIN_PX
    # a hidden column is not in ``wanted``: the last visible one of ``stretch`` stretches
    del wanted[3]
    hidden = fitted_widths(wanted, least, flex, (1, 3), 2000)
    assert 3 not in hidden and hidden[1] == 2000 - 30 - 80 - 50
