"""The desktop app driven as a user would: setup, go, pause, step, edit, click, compare."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog

from app.feed_model import REMOVED
from simulation.numbers import format_number
from simulation.world.engine import Simulation
from tests.app.conftest import (
    WAIT_MS,
    choose_from_menu,
    click,
    click_action,
    pause,
    run_until,
    setup_run,
    type_file_name,
    when_dialog,
)


def test_open_preset_run_pause_and_step(qtbot, make_window):
    win = make_window(days=60)
    assert win.scenario_panel.scenario().population.accounts == 1500
    setup_run(qtbot, win)
    assert win.controls.day.text() == "0 / 60 days"
    run_until(qtbot, win, 5)
    pause(qtbot, win)
    done = win.days_done
    # a paused run must not advance: let the engine answer a question in between, so
    # that a day in flight would have arrived before it
    win.feed.request()
    qtbot.waitUntil(lambda: win.feed.model.day is not None, timeout=WAIT_MS)
    assert win.days_done == done, "a paused run must not advance"
    click_action(qtbot, win, win.controls.step)
    qtbot.waitUntil(lambda: win.days_done == done + 1, timeout=WAIT_MS)
    assert f"{done + 1} / 60 days" == win.controls.day.text()
    qtbot.waitUntil(lambda: len(win.charts.series("ad_share")[0]) == done + 1, timeout=WAIT_MS)


def test_stepping_a_new_world_says_paused_in_the_status_bar(qtbot, make_window):
    """Setup, then Step three times: the toolbar said "3 / 10 days · Paused" while the
    status bar still said "Ready: seed …" (a step never starts the run, so nothing
    said it stopped)."""
    win = make_window(days=10)
    setup_run(qtbot, win)
    for n in (1, 2, 3):
        click_action(qtbot, win, win.controls.step)
        qtbot.waitUntil(lambda n=n: win.days_done == n, timeout=WAIT_MS)
    assert win.statusBar().currentMessage() == "Paused after day 2"


def test_charts_equal_engine_metrics_for_same_seed(qtbot, make_window):
    win = make_window(days=25)
    setup_run(qtbot, win)
    run_until(qtbot, win, 25)
    qtbot.waitUntil(lambda: not win.running, timeout=WAIT_MS)
    win.charts.refresh()
    scenario, policy = win.last_setup
    sim = Simulation(scenario, policy)
    for _ in range(25):
        sim.step()
    expected = sim.metrics_frame()
    for spec in win.charts.specs:
        for series in spec.series:
            x, y = win.charts.series(series.column)
            np.testing.assert_array_equal(x, expected["day"].to_numpy(float))
            np.testing.assert_allclose(
                y, expected[series.column].to_numpy(float), equal_nan=True, err_msg=series.column
            )


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_broken_policy_shows_error_at_its_line_and_run_goes_on(qtbot, make_window):
    win = make_window(days=730)  # cannot end while we type, however fast the machine
    setup_run(qtbot, win)
    win.controls.speed.setValue(10)  # at most 10 days/s: the run is still going
    run_until(qtbot, win, 2)
    editor = win.policy_panel.editor
    line = _line_of(editor.toPlainText(), "action: remove")
    block = editor.document().findBlockByNumber(line - 1)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "zz")  # action: removezz
    qtbot.waitUntil(lambda: bool(editor.issues), timeout=WAIT_MS)
    assert line in editor.error_lines
    assert win.policy_panel.issues.count() >= 1
    assert f"line {line}" in win.policy_panel.issues.item(0).text()
    assert not win.policy_panel.apply_btn.isEnabled()
    assert "removezz" in editor.toPlainText(), "the user's text is kept"
    before = win.days_done
    qtbot.waitUntil(lambda: win.days_done >= before + 5, timeout=WAIT_MS)
    assert win.running
    names = {r["name"] for r in win.records[-1].rules}
    assert names == {"restricted-offer-personal"}, "the last valid policy stays in force"
    # undo brings the valid text back
    click(qtbot, win.policy_panel.undo_btn)
    qtbot.waitUntil(lambda: not editor.issues, timeout=WAIT_MS)
    assert win.policy_panel.apply_btn.isEnabled()
    pause(qtbot, win)


def test_live_slider_takes_effect_mid_run(qtbot, make_window):
    win = make_window(policy="none", days=40)
    setup_run(qtbot, win)
    for _ in range(5):
        click_action(qtbot, win, win.controls.step)
        qtbot.waitUntil(lambda n=_: win.days_done == n + 1, timeout=WAIT_MS)
    offers = [f"offers_created.{c}" for c in win.info.categories]
    assert sum(win.records[-1].metrics[c] for c in offers) > 0
    # (wait on GUI state, never on a worker signal: pytest-qt would run its slot in the
    # worker thread)
    spin = win.scenario_panel.controls["posting.seller_per_day"].spin
    spin.selectAll()
    qtbot.keyClicks(spin, "0")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: win.statusBar().currentMessage() == "Offers per seller = 0.00 from day 5",
        timeout=WAIT_MS,
    )
    for _ in range(3):
        click_action(qtbot, win, win.controls.step)
        qtbot.waitUntil(lambda n=_: win.days_done == 6 + n, timeout=WAIT_MS)
    assert all(sum(r.metrics[c] for c in offers) == 0 for r in win.records[5:])


def _find_removed_post(qtbot, win):
    for day in range(win.days_done - 1, 29, -1):
        for i in range(win.feed.viewer.count()):
            win.feed.viewer.setCurrentIndex(i)
            win.charts.set_cursor(day)
            viewer = win.feed.current_viewer()
            with qtbot.waitSignal(
                win.feed.feedShown,
                timeout=WAIT_MS,
                check_params_cb=lambda v, d, vv=viewer, dd=day: v == vv and d == dd,
            ):
                win.feed.request()
            win.feed.filter.setCurrentIndex(win.feed.filter.findData(REMOVED))
            if win.feed.model.rowCount():
                return
            win.feed.filter.setCurrentIndex(0)
    pytest.fail("no removed post in any watched feed")


def test_click_removed_post_opens_account_inspector(qtbot, make_window):
    win = make_window(days=45)
    setup_run(qtbot, win)
    run_until(qtbot, win, 45)
    qtbot.waitUntil(lambda: not win.running, timeout=WAIT_MS)
    _find_removed_post(qtbot, win)
    view = win.feed.view
    index = win.feed.model.index(0)
    post = win.feed.model.post(0)
    assert post["removed_at_hours"] == post["removed_at_hours"]  # removed (not NaN)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    qtbot.waitUntil(
        lambda: win.account_inspector.info.get("account") == post["author"], timeout=WAIT_MS
    )
    info = win.account_inspector.info
    assert info["account"] == post["author"]
    assert f"#{post['author']}" in win.account_inspector.heading.text()
    assert win.inspector_tabs.currentWidget() is win.account_page
    assert win.account_inspector.fields["removals"].text() not in ("", "0")


def test_rule_inspector_from_rules_table(qtbot, make_window):
    win = make_window(days=40)
    setup_run(qtbot, win)
    run_until(qtbot, win, 40)
    qtbot.waitUntil(lambda: not win.running, timeout=WAIT_MS)
    table = win.policy_panel.rules
    total = int(win.rule_frame().query("name == 'restricted-offer-personal'")["hits"].sum())
    # the table shows every day's hits once the run has stopped
    qtbot.waitUntil(lambda: int(table.item(0, 4).text()) == total > 0, timeout=WAIT_MS)
    win.policy_dock.raise_()
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(0, 0)).center(),
    )
    assert win.rule_inspector.rule == "restricted-offer-personal"
    x, y = win.rule_inspector.curves["hits"].getData()
    assert len(x) == 40 and y.sum() == int(table.item(0, 4).text())


def test_compare_two_policies(qtbot, make_window, tmp_path):
    win = make_window(days=60)
    setup_run(qtbot, win)
    cmp = win.compare
    cmp.policy_a.setCurrentIndex(cmp.policy_a.findData("none"))
    cmp.policy_b.setCurrentIndex(cmp.policy_b.findData("zero_tolerance"))
    cmp.days.setValue(12)
    with qtbot.waitSignal(cmp.finished, timeout=WAIT_MS):
        qtbot.mouseClick(cmp.run_btn, Qt.MouseButton.LeftButton)
    a, b = cmp.summaries
    assert a["wrongful_removals"] == 0 and b["moderation_precision"] == b["moderation_precision"]
    assert cmp.table.rowCount() > 10
    measures = cmp.measures

    def diff(name: str) -> str:
        return measures.table.item(measures.row_of(name), 3).text()

    assert diff("seed") == diff("days") == "–"  # given to both runs: no difference (was 0)
    removed = b["posts_removed"] - a["posts_removed"]
    assert removed > 0 and diff("posts_removed") == format_number(removed)
    xa, ya = cmp.charts.series("posts_removed.spam", "A")
    xb, yb = cmp.charts.series("posts_removed.spam", "B")
    assert len(xa) == len(xb) == 12
    assert ya.sum() == 0 and yb.sum() > 0
    _the_comparison_is_exported_as_csv(qtbot, win, tmp_path, a, b)


def _the_comparison_is_exported_as_csv(qtbot, win, folder, a: dict, b: dict) -> None:
    """The Compare tab had no export: its table could only be copied by hand. Export CSV
    writes every row of it at full precision (the table rounds), the policies' names in
    their row, no difference for what both runs were given."""
    import pandas as pd

    from simulation.metrics.summary import FACTS_AFTER

    cmp = win.compare
    assert cmp.export_btn.isEnabled()
    win.settings.setValue("dirs/export", str(folder))
    seen = when_dialog(QFileDialog, type_file_name(qtbot, "both"))  # no ".csv" typed
    click(qtbot, cmp.export_btn)
    assert seen, "a file dialog opened"
    written = folder / "both.csv"
    assert str(written) in cmp.status.text()
    table = pd.read_csv(written, keep_default_na=False).set_index("measure")
    assert list(table.columns) == ["unit", "a", "b", "b_minus_a"]
    assert len(table) == cmp.table.rowCount()
    assert not set(FACTS_AFTER) & set(table.index)  # the computer's timings are no result
    row = table.loc["posts_removed"]
    assert (
        row["unit"] == "posts" and int(row["b_minus_a"]) == b["posts_removed"] - a["posts_removed"]
    )
    precision = table.loc["moderation_precision"]
    assert float(precision["b"]) == b["moderation_precision"]  # every digit, not the table's
    assert table.loc["policy", "a"] == a["policy"] and table.loc["policy", "b"] == b["policy"]
    assert table.loc["seed", "b_minus_a"] == "" and table.loc["days", "b_minus_a"] == ""
    # a folder that is not there: said, nothing raised
    assert cmp.export_csv(path=str(folder / "gone" / "x.csv")) is None
    assert cmp.status.text().startswith("Not written: ")


def test_reopen_saved_run(qtbot, make_window, tmp_path):
    import simulation
    from simulation.runs.storage import load_metrics, open_db

    db = tmp_path / "saved.db"
    result = simulation.run("classroom", "crackdown", days=35, db=db)
    win = make_window(db=db)
    win.runs.refresh()
    assert win.runs.table.rowCount() == 1
    win.runs.table.selectRow(0)
    stored = win.runs.open_row(0)
    assert win.mode == "stored" and stored.run_id == result.run_id
    expected = load_metrics(open_db(db), result.run_id)
    _x, y = win.charts.series("offers_created.tobacco")
    np.testing.assert_allclose(y, expected["offers_created.tobacco"].to_numpy(float))
    assert win.feed.model.rowCount() > 0, "the stored feed of the last day"
    shown = [win.feed.model.post(i)["text"] for i in range(win.feed.model.rowCount())]
    assert any(shown), "the stored posts come with their texts"
    post = win.feed.model.post(0)
    win.feed.postActivated.emit(post)
    assert win.account_inspector.info["account"] == post["author"]
    csv = win.export_csv(path=str(tmp_path / "m.csv"))
    with open(csv, encoding="utf-8") as f:
        assert f.readline().startswith("day,")


def test_event_loop_keeps_turning_while_the_engine_runs(qtbot, make_window):
    """The engine works in another process: while days arrive, a 10 ms timer in the
    window keeps firing. (How long the longest stall is, is measured by bench/bench_gui.py;
    a test must not depend on the machine's speed.)"""
    win = make_window(preset="demo", days=400)
    setup_run(qtbot, win)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(win.days_done))
    timer.start()
    run_until(qtbot, win, 1)
    first = win.days_done
    qtbot.waitUntil(lambda: win.days_done >= first + 5 and len(ticks) >= 50, timeout=WAIT_MS)
    timer.stop()
    assert win.running
    assert len(set(ticks)) > 1, "the timer fired while days were arriving"
    pause(qtbot, win)


def test_engine_runs_in_its_own_process_and_a_dead_one_is_replaced(qtbot, make_window):
    import os

    win = make_window(days=30)
    setup_run(qtbot, win)
    engine = win.host.worker.engine
    pid = engine.proc.pid
    assert pid != os.getpid()
    run_until(qtbot, win, 3)
    pause(qtbot, win)
    engine.proc.kill()  # the engine crashes
    engine.proc.join(60)
    click_action(qtbot, win, win.controls.step)
    qtbot.waitUntil(
        lambda: "engine process stopped" in win.statusBar().currentMessage(), timeout=WAIT_MS
    )  # and hovering the toolbar does not wipe it
    assert win.isVisible()
    assert win.controls.state_label.text() == "No world yet"  # only Setup makes sense
    assert not win.controls.step.isEnabled() and not win.controls.go.isEnabled()
    setup_run_again = win.days_done
    setup_run(qtbot, win)  # Setup again: a new engine process, a fresh world
    assert win.days_done == 0 and setup_run_again >= 3, win.statusBar().currentMessage()
    assert win.host.worker.engine.proc.pid != pid
    run_until(qtbot, win, 2)
    pause(qtbot, win)


def test_exported_charts_are_a_file_each_drawn_as_the_report_draws_its_own(
    qtbot, make_window, tmp_path, saved_figures
):
    """The export was the window's scene drawn 1600 px wide: every chart in one picture,
    legends a few pixels high beside the titles, labels over the data. Each chart is now
    a file of its own (``c.png`` → ``c-offers.png``, …) drawn by the report's code at the
    report's size and font sizes, with what the window shows: its series and their
    colours, its days, its marks; not the window's day cursor or ⓘ."""
    from matplotlib.colors import to_hex
    from PIL import Image

    from simulation.runs.figures import MARK_GID, SIZE, draw
    from simulation.runs.marks import STEP, Mark

    win = make_window(days=10)
    setup_run(qtbot, win)
    run_until(qtbot, win, 10)
    win.add_mark(Mark(4, STEP, "2"))  # a lesson's step: drawn on every chart
    charts = win.charts
    keys = [spec.key for spec in charts.specs]
    saved = saved_figures
    assert win.export_charts("png", path=str(tmp_path / "c.png")) == str(tmp_path / "c.png")
    assert sorted(p.name for p in tmp_path.glob("c*.png")) == sorted(f"c-{k}.png" for k in keys)
    for key in keys:  # the report's proportions (1000 × 520), larger
        assert Image.open(tmp_path / f"c-{key}.png").size == (1600, 832), key
    assert "c-*.png" in win.statusBar().currentMessage()
    report = draw("spam", win.metrics_frame()).axes[0]
    # text no smaller beside the picture's width than in the report's chart
    legend_pt = report.get_legend().get_texts()[0].get_fontsize() / SIZE[0]
    title_pt = report.title.get_fontsize() / SIZE[0]
    assert len(saved) == len(keys)
    for key, fig in zip(keys, saved, strict=True):
        ax, width = fig.axes[0], fig.get_figwidth()
        texts = ax.get_legend().get_texts()
        assert texts and min(t.get_fontsize() for t in texts) / width >= legend_pt, key
        assert ax.title.get_fontsize() / width >= title_pt and "ⓘ" not in ax.title.get_text()
        spec = next(s for s in charts.specs if s.key == key)
        assert [t.get_text() for t in texts] == [s.label for s in spec.series], key
        lines = [line for line in ax.get_lines() if line.get_gid() != MARK_GID]
        for series, line in zip(spec.series, lines, strict=True):
            pen = charts.curves[("", series.column)].opts["pen"].color().name()
            assert to_hex(line.get_color()) == pen, (key, series.column)
            x, y = charts.series(series.column)
            assert np.array_equal(line.get_xdata(), x), (key, series.column)
            assert np.allclose(line.get_ydata(), y, equal_nan=True), (key, series.column)
        first, last = charts.plots[key].getViewBox().viewRange()[0]
        assert ax.get_xlim() == pytest.approx((max(0.0, first), last)), key
        marks = [t.get_text().strip() for t in ax.texts if t.get_gid() == MARK_GID]
        assert marks == [charts.mark_lines[key][0].label.format], key
    svg = win.export_charts("svg", path=str(tmp_path / "c.svg"))
    assert svg and sorted(p.name for p in tmp_path.glob("c*.svg")) == sorted(
        f"c-{k}.svg" for k in keys
    )
    assert all("<svg" in (tmp_path / f"c-{k}.svg").read_text()[:2000] for k in keys)
    # the window is as it was: its cursors and ⓘ
    assert all("ⓘ" in p.titleLabel.text for p in charts.plots.values())
    assert charts.cursors and all(c.isVisible() for c in charts.cursors)


def test_settings_remembered(qtbot, make_window, tmp_path):
    win = make_window(preset="demo", policy="keywords")
    choose_from_menu(qtbot, win, "menuView", "darkTheme")
    assert win.theme_action.isChecked()
    win.save_settings()
    from PySide6.QtCore import QSettings

    from app.main_window import MainWindow

    again = MainWindow(win.settings)
    qtbot.addWidget(again)
    try:
        assert again.scenario_panel.preset.currentText() == "demo"
        assert again.policy_panel.preset.currentText() == "keywords"
        assert again.theme_name == "dark"
        assert isinstance(win.settings, QSettings)
    finally:
        again.close()
        choose_from_menu(qtbot, win, "menuView", "darkTheme")  # back to light for the others
