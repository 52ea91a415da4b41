"""A run changed while it ran, saved and reopened from the Runs tab, shows what the live run
showed: its policy and parameter marks on the same days, every policy in its Policy
column, the changes in its Changes column (the stored row held the last policy only, and
a reopened run drew only the scenario's scheduled marks)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.app.conftest import (
    WAIT_MS,
    click,
    pause,
    run_to_end,
    run_until,
    save_run_into,
    setup_run,
)

KEY = "posting.spammer_per_day"


def _choose_preset(qtbot, win, name: str) -> None:
    """Pick a preset in the policy panel's picker with the keyboard, as a user does."""
    combo = win.policy_panel.preset
    combo.setFocus()
    target = combo.findText(name)
    assert target >= 0, name
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)
    qtbot.waitUntil(lambda: win.policy_panel.preset_name == name, timeout=WAIT_MS)


def _click_tab(qtbot, win, widget) -> None:
    bar = win.tabs.tabBar()
    index = win.tabs.indexOf(widget)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: win.tabs.currentWidget() is widget, timeout=WAIT_MS)


def _shown(marks) -> set[tuple[int, str, str]]:
    return {(m.day, m.kind, m.detail) for m in marks}


def test_a_reopened_run_shows_the_changes_made_while_it_ran(qtbot, make_window, tmp_path):
    win = make_window(policy="none", days=14)
    setup_run(qtbot, win)
    win.controls.speed.setValue(10)
    run_until(qtbot, win, 3)
    pause(qtbot, win)
    changed_on = win.days_done
    slider = win.scenario_panel.controls[KEY]
    slider.set_value(slider.value() + 2, emit=True)
    qtbot.waitUntil(lambda: any(m.kind == "parameter" for m in win.marks), timeout=WAIT_MS)
    run_until(qtbot, win, changed_on + 3)
    pause(qtbot, win)
    applied_on = win.days_done
    _choose_preset(qtbot, win, "keywords")
    click(qtbot, win.policy_panel.apply_btn)
    qtbot.waitUntil(
        lambda: any(m.kind == "policy" and m.day == applied_on for m in win.marks),
        timeout=WAIT_MS,
    )
    run_to_end(qtbot, win)
    live = _shown(win.marks)
    live_lines = {key: sorted(win.charts.mark_days(key)) for key in win.charts.plots}
    assert (applied_on, "policy") in {(d, k) for d, k, _ in live}
    assert (changed_on, "parameter") in {(d, k) for d, k, _ in live}

    # File → Save run: stored in the Runs database, its report in a new folder
    save_run_into(qtbot, win, tmp_path)
    (report,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert "then" in report.name  # the folder names both policies' versions
    page = (report / "report.html").read_text("utf-8")
    assert "Changes during the run" in page and "Keyword filter only" in page

    # the Runs tab lists it with every policy and its changes
    _click_tab(qtbot, win, win.runs)
    table = win.runs.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT_MS)
    policy = table.item(0, 3).text()
    assert policy.startswith("No moderation · ") and " → Keyword filter only · " in policy
    assert policy.endswith(f"(day {applied_on})")
    changes = table.item(0, 8).text()
    assert f"day {changed_on}: {KEY} " in changes and f"day {applied_on}: policy " in changes
    assert table.horizontalHeaderItem(8).text() == "Changes"
    assert not table.isColumnHidden(8)

    # reopened (a click on its row, then Open run): the same marks as the live run
    cell = table.visualItemRect(table.item(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    click(qtbot, win.runs.open_btn)
    qtbot.waitUntil(lambda: win.mode == "stored", timeout=WAIT_MS)
    assert _shown(win.marks) == live
    for key in win.charts.plots:
        assert sorted(win.charts.mark_days(key)) == live_lines[key], key
        labels = {line.value(): line.label.format for line in win.charts.mark_lines[key]}
        assert "policy" in labels[applied_on] and "changed" in labels[changed_on]


def test_the_runs_tab_leaves_out_the_changes_column_when_no_run_has_changes(
    qtbot, make_window, tmp_path
):
    """Empty for every run (runs made headless or never changed by hand), the Changes
    column only pushed the table past the view's right edge."""
    from simulation import run

    db = tmp_path / "runs.db"
    run("classroom", "none", days=2, db=db)
    win = make_window(db=db)
    _click_tab(qtbot, win, win.runs)
    table = win.runs.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT_MS)
    assert table.isColumnHidden(8)
    assert not any(table.isColumnHidden(c) for c in range(8))
