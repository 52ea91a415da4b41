"""The classroom: lessons played by clicking Next (each step framed in the window and in
the presentation view at a projector's 1280×720), the presentation view, charts at
projector size, event marks where the events happened, and the help behind each ⓘ.

Every wait is on a condition with a generous timeout (``WAIT_MS``); nothing here depends
on the machine's speed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication

from app.charts import presentation_scale
from app.i18n import unit
from app.measures import RULE_COUNT_BY_NAME
from simulation.lessons.load import lesson_names, load_lesson
from tests.app.conftest import (
    WAIT_MS,
    choose_from_menu,
    click,
    click_action,
    interface,
    pause,
    run_until,
    setup_run,
)


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


def press_key(qtbot, win, key: Qt.Key) -> None:
    """Press a key as the user does in the window (shortcuts go to the active window)."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT_MS)
    qtbot.keyClick(win, key)


@pytest.mark.usefixtures("lessons_at_full_speed")
@pytest.mark.parametrize(("name", "locale"), PLAYTHROUGHS)
def test_each_shipped_lesson_plays_to_its_end_clicking_next(
    qtbot, request, make_window, name, locale
):
    interface(request, locale)
    lesson = load_lesson(name).lesson
    if name == "crackdown":  # its last step asks the class to click a removed post
        assert "feed" in lesson.steps[-1].highlight
    win = make_window(locale=locale)
    # the projector's size: the grid shows one chart at a time, and event mark labels
    # collided there
    win.resize(1280, 720)
    choose_from_menu(qtbot, win, "menuLessons", f"lesson_{name}")
    assert win.banner.isVisible()
    seen_steps: list[int] = []
    clicks = framed_steps = 0
    while win.lesson is not None:
        wait_for_next(qtbot, win)
        player = win.lesson
        if player is None:
            break
        k = player.index
        step = lesson.steps[k]
        if player.phase == "settled":
            if k not in seen_steps:
                seen_steps.append(k)
            # the step did what it says: the run reached its day, the answer is shown
            assert not player.error, player.error
            if step.run_to is not None:
                assert win.days_done >= step.run_to
                assert not win.running
            if step.question is not None:
                assert win.banner.answer.isVisible()
                assert step.question.answer.get(locale) in win.banner.answer.text()
            assert win.banner.title.text() == step.title.get(locale)
            assert win.banner.narration.text() == step.narration.get(locale)
            assert f"{k + 1}" in win.banner.heading.text()
            assert win.banner.progress.value() == k + 1
            want = tuple(h for h in step.highlight if h != "feed")
            assert win.charts.highlighted == want
            if want:  # brought into view, the answer's taller banner notwithstanding
                qtbot.waitUntil(lambda w=want: in_view(win, w), timeout=WAIT_MS)
                _framed_in_the_presentation_view_too(qtbot, win, want)
                framed_steps += 1
            if "feed" in step.highlight:
                _a_removed_post_is_shown_to_click(qtbot, win, locale)
        else:  # asking: the question is on screen, its answer not yet
            assert player.phase == "asking"
            assert step.question is not None or step.pause
            assert not win.banner.answer.isVisible()
        if name == "crackdown":
            win.charts.refresh()
            qtbot.waitUntil(lambda: not _mark_labels_apart_and_inside(win), timeout=WAIT_MS)
        looked = name == "keyword_filter" and k == 0 and player.phase == "settled"
        if looked:
            _the_class_looks_at_compare_between_steps(qtbot, win)
        click(qtbot, win.banner.next_btn)
        clicks += 1
        if looked:
            qtbot.waitUntil(lambda p=player: p.index == 1, timeout=WAIT_MS)
            assert win.tabs.currentIndex() == 0  # the next step brings its chart back
        assert clicks < 4 * len(lesson.steps), "the lesson does not end"
    assert seen_steps == list(range(len(lesson.steps)))
    assert framed_steps == sum(any(h != "feed" for h in s.highlight) for s in lesson.steps)
    assert not win.banner.isVisible()
    # a labelled mark for every step on every chart
    word = "step" if locale == "en_US" else "步骤"
    for key in win.charts.plots:
        labels = " · ".join(line.label.format for line in win.charts.mark_lines[key])
        for k in range(len(lesson.steps)):
            assert f"{word} {k + 1}" in labels, (key, labels)
    if name == "crackdown":
        _mark_labels_stay_apart_in_two_columns_and_presentation(qtbot, win)


@pytest.mark.usefixtures("lessons_at_full_speed")
def test_steps_arriving_in_the_presentation_view_show_their_charts_whole(qtbot, make_window):
    """The playthroughs above switch a settled step to the presentation view; a class
    mostly starts the lesson there: each step then arrives in it, and its answer makes
    the banner taller while the large type is on (the crackdown's step 2, about the
    offers and the bans charts, lost the bans chart 754 px down)."""
    lesson = load_lesson("crackdown").lesson
    win = make_window()
    _in_presentation_at_projector_size(qtbot, win)
    choose_from_menu(qtbot, win, "menuLessons", "lesson_crackdown")
    framed = 0
    while framed < 2:
        wait_for_next(qtbot, win)
        player = win.lesson
        want = tuple(h for h in lesson.steps[player.index].highlight if h != "feed")
        if player.phase == "settled" and want:
            assert win.presenting and win.charts.scale > 1
            qtbot.waitUntil(lambda w=want: in_view(win, w), timeout=WAIT_MS)
            framed += 1
        click(qtbot, win.banner.next_btn)
    assert framed == 2 and len(want) == 2  # the second: two charts, side by side


def _framed_in_the_presentation_view_too(qtbot, win, want: tuple[str, ...]) -> None:
    """On a 1280×720 projector the presentation view showed the crackdown's step 2 with
    the offers chart's legend cut at the view's bottom and the bans chart (which the
    answer talks about) out of sight. A step's charts are shown whole, legend included,
    in the presentation view's large type as well, under the banner's question and
    answer; back in the window, as they were."""
    _in_presentation_at_projector_size(qtbot, win)
    assert win.charts.scale > 1  # the presentation's large type
    qtbot.waitUntil(lambda: in_view(win, want), timeout=WAIT_MS)
    press_key(qtbot, win, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not win.presenting and win.charts.scale == 1, timeout=WAIT_MS)
    _at_projector_size(qtbot, win)
    qtbot.waitUntil(lambda: in_view(win, want), timeout=WAIT_MS)


def _in_presentation_at_projector_size(qtbot, win) -> None:
    choose_from_menu(qtbot, win, "menuView", "presentation")
    qtbot.waitUntil(lambda: win.presenting, timeout=WAIT_MS)
    # offscreen, full screen is the platform's 800×800 screen: once there, the window is
    # made the projector's 1280×720 (before it got there, the resize was lost and the
    # charts kept the larger screen's type)
    screen = win.screen().size()
    qtbot.waitUntil(lambda: win.isFullScreen() and win.size() == screen, timeout=WAIT_MS)
    _at_projector_size(qtbot, win)
    qtbot.waitUntil(lambda: win.charts.scale == presentation_scale(720), timeout=WAIT_MS)


def _at_projector_size(qtbot, win) -> None:
    win.showNormal()
    win.resize(1280, 720)
    qtbot.waitUntil(lambda: win.size() == QSize(1280, 720), timeout=WAIT_MS)


def _the_class_looks_at_compare_between_steps(qtbot, win) -> None:
    """At 1280×720 the grid shows one chart at a time; a step about precision left the
    class looking at the offers chart, the framed chart four screens below (the step's
    chart is now scrolled into view: checked at each step). Between steps the class looks
    at Compare, and scrolls the charts back to the top."""
    assert not shown_whole(win, "offers")  # the first step's chart did have to scroll
    bar = win.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert win.tabs.currentWidget() is win.compare
    win.tabs.setCurrentIndex(0)
    win.charts.scroll.verticalScrollBar().setValue(0)
    win.tabs.setCurrentWidget(win.compare)


def _mark_labels_stay_apart_in_two_columns_and_presentation(qtbot, win) -> None:
    """At 1280×720 the label of step 2 (day 28) covered 'announced ×3 · policy' (day 30),
    and while step 2 asked its question its label, on the last day, was cut at the plot's
    right edge (checked at each step above); in two narrow columns the day-30 label was cut
    at the left. Every step's mark is on the charts now."""
    assert len(win.charts.marks) >= 4  # the steps, the announcement
    # two columns of plots too narrow for the day-30 label on either side of its line
    win.resize(1450, 1000)
    qtbot.waitUntil(lambda: win.charts.columns == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not _mark_labels_apart_and_inside(win), timeout=WAIT_MS)
    # the presentation view's larger type, and a narrower plot: still apart and inside
    choose_from_menu(qtbot, win, "menuView", "presentation")
    qtbot.waitUntil(lambda: win.charts.scale > 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not _mark_labels_apart_and_inside(win), timeout=WAIT_MS)


def _mark_labels_apart_and_inside(win) -> list[str]:
    """What is wrong with the event marks' labels on every chart: two labels covering
    each other, or a label running out of its plot (empty when nothing is)."""
    wrong = []
    for key, lines in win.charts.mark_lines.items():
        view = win.charts.plots[key].getViewBox()
        inside = view.sceneBoundingRect().adjusted(-1, -1, 1, 1)
        (x0, x1), _ = view.viewRange()
        for line in lines:
            if (x0 <= line.value() <= x1) != line.label.isVisible():
                wrong.append(f"{key}: '{line.label.format}' shown with its line out of view")
        rects = [
            (line.label.format, line.label.sceneBoundingRect())
            for line in lines
            if line.label.isVisible()
        ]
        for i, (text, rect) in enumerate(rects):
            if not inside.contains(rect):
                wrong.append(f"{key}: '{text}' runs out of the plot")
            for other, rect2 in rects[i + 1 :]:
                if rect.intersects(rect2):
                    wrong.append(f"{key}: '{text}' covers '{other}'")
    return wrong


def _removed_rows(feed) -> list[int]:
    model = feed.model
    return [
        r
        for r in range(model.rowCount())
        if model.post(r)["removed_at_hours"] == model.post(r)["removed_at_hours"]  # not NaN
    ]


def _a_removed_post_is_shown_to_click(qtbot, win, locale: str) -> None:
    """A step about the feed ('click a removed post in the feed to see its seller') shows
    one: the feed on screen (the first watched user, the last day) had no removed post and
    the class had to hunt through users and days for one. It is selected and scrolled to,
    on the charts' cursor day; clicked, the inspector shows a seller, and what it sells
    as the charts' legends name it (it was the catalogue's id, 'tobacco', in the Chinese
    window too)."""
    from app.main_window import category_labels

    feed = win.feed
    qtbot.waitUntil(lambda: feed.view.currentIndex().row() in _removed_rows(feed), timeout=WAIT_MS)
    row = feed.view.currentIndex().row()
    rect = feed.view.visualRect(feed.model.index(row))
    assert feed.view.viewport().rect().intersects(rect)
    assert win.charts.cursor_day == feed.model.day  # the charts' cursor on the feed's day
    qtbot.mouseClick(feed.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(win.account_inspector.info), timeout=WAIT_MS)
    info = win.account_inspector.info
    assert int(info["account"]) == int(feed.model.post(row)["author"])
    assert info["archetype"] == "restricted_seller", info["archetype"]
    sells = win.account_inspector.fields["category"].text()
    assert sells == category_labels(locale)[info["category"]], sells
    if locale == "zh_CN":
        assert not any("a" <= ch.lower() <= "z" for ch in sells), sells


def test_page_keys_drive_the_lesson_and_the_lab_stays_usable(qtbot, make_window):
    win = make_window()
    choose_from_menu(qtbot, win, "menuLessons", "lesson_speed")
    wait_for_next(qtbot, win)
    player = win.lesson
    assert player.index == 0 and player.phase == "settled"
    # step 1 ran at the lesson's classroom pace (the other playthroughs run at full speed)
    assert win.controls.speed.value() == round(load_lesson("speed").lesson.speed)
    first_days = win.days_done
    # between steps the lab is the lab: the class runs a few more days with Go
    click_action(qtbot, win, win.controls.go)
    run_until(qtbot, win, first_days + 3)
    pause(qtbot, win)
    press_key(qtbot, win, Qt.Key.Key_PageDown)  # a presentation clicker's "next"
    qtbot.waitUntil(lambda: player.index == 1, timeout=WAIT_MS)
    wait_for_next(qtbot, win)
    assert player.phase == "asking"  # step 2 asks its question before it runs
    press_key(qtbot, win, Qt.Key.Key_PageUp)  # back: the world of step 1 again
    qtbot.waitUntil(lambda: player.index == 0 and player.phase == "settled", timeout=WAIT_MS)
    assert win.days_done == load_lesson("speed").lesson.steps[0].run_to
    assert win.banner.back_btn.isEnabled() is False
    click(qtbot, win.banner.close_btn)
    assert win.lesson is None and not win.banner.isVisible()


def _plot_area(win, key: str):
    view = win.charts.plots[key].getViewBox()
    rect = view.mapRectToScene(view.boundingRect())
    return win.charts.glw.mapFromScene(rect).boundingRect()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("presenting", [False, True])
def test_every_chart_has_a_plot_area_on_screen(qtbot, make_window, size, presenting):
    win = make_window(days=5)
    win.resize(*size)
    setup_run(qtbot, win)
    if presenting:
        choose_from_menu(qtbot, win, "menuView", "presentation")
        qtbot.waitUntil(lambda: win.presenting, timeout=WAIT_MS)
        win.showNormal()  # offscreen: full screen is the platform's size, not this one
        win.resize(*size)
    # the window fits the screen: its minimum is not wider than 1280 px
    assert win.minimumSizeHint().width() <= size[0]
    qtbot.waitUntil(lambda: win.width() == size[0], timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: win.charts.columns == win.charts.fit_columns(win.charts.scroll.viewport().width()),
        timeout=WAIT_MS,
    )
    qtbot.wait(50)
    view = win.charts.scroll.viewport()
    assert view.width() > 0 and view.height() > 0
    min_w, _ = win.charts.cell_min_size()
    for key in win.charts.plots:
        area = _plot_area(win, key)
        assert area.width() > 0 and area.height() > 0, key
        # no data area squeezed to a sliver: the grid takes fewer columns or scrolls
        assert area.height() >= 80 and area.width() >= 150, (key, area)
        # within the chart widget's width: nothing cut at the right edge (it may scroll down)
        assert area.right() <= win.charts.glw.width(), key
        # the legend is below the plot, never over its data
        legend = win.charts.legends[key]
        top = legend.mapRectToScene(legend.boundingRect()).top()
        plot_rect = win.charts.plots[key].getViewBox()
        assert top >= plot_rect.mapRectToScene(plot_rect.boundingRect()).bottom() - 1, key
    assert win.charts.glw.width() >= min_w


def test_presentation_view_hides_side_panels_and_comes_back(qtbot, make_window):
    win = make_window()
    docks = (win.scenario_dock, win.policy_dock, win.inspector_dock)
    assert all(d.isVisible() for d in docks)
    choose_from_menu(qtbot, win, "menuView", "presentation")
    qtbot.waitUntil(lambda: win.presenting, timeout=WAIT_MS)
    assert not any(d.isVisible() for d in docks)
    assert win.feed_dock.isVisible()
    assert win.charts.scale > 1 and not win.tabs.tabBar().isVisible()
    assert win.present_action.isChecked()
    press_key(qtbot, win, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not win.presenting, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: all(d.isVisible() for d in docks), timeout=WAIT_MS)
    assert win.charts.scale == 1 and win.tabs.tabBar().isVisible()


def test_event_marks_stand_where_the_events_happened(qtbot, make_window):
    """Classroom + crackdown: the announcement on day 30 (scheduled), a slider change
    and a policy applied mid-run, each labelled on every chart."""
    win = make_window(days=40)
    setup_run(qtbot, win)
    # the scenario's announcement, and the policy's own (the same day): one line
    assert {m.day for m in win.marks if m.kind == "announcement"} == {30}
    win.controls.speed.setValue(10)
    run_until(qtbot, win, 3)
    pause(qtbot, win)
    changed_on = win.days_done
    slider = win.scenario_panel.controls["posting.spammer_per_day"]
    slider.set_value(slider.value() + 1, emit=True)
    qtbot.waitUntil(lambda: any(m.kind == "parameter" for m in win.marks), timeout=WAIT_MS)
    run_until(qtbot, win, changed_on + 2)
    pause(qtbot, win)
    applied_on = win.days_done
    click(qtbot, win.policy_panel.apply_btn)
    qtbot.waitUntil(
        lambda: any(m.kind == "policy" and m.day == applied_on for m in win.marks),
        timeout=WAIT_MS,
    )
    for key in win.charts.plots:
        days = sorted(win.charts.mark_days(key))
        assert 30 in days and changed_on in days and applied_on in days, (key, days)
        labels = {line.value(): line.label.format for line in win.charts.mark_lines[key]}
        assert "announced" in labels[30]
        assert "changed" in labels[changed_on]
        assert "policy" in labels[applied_on]
        assert all(line.toolTip() for line in win.charts.mark_lines[key])


def test_a_day_can_be_typed(qtbot, make_window):
    win = make_window(days=12)
    setup_run(qtbot, win)
    run_until(qtbot, win, 12)
    qtbot.waitUntil(lambda: not win.running, timeout=WAIT_MS)
    box = win.day_box
    box.selectAll()
    qtbot.keyClicks(box, "4")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.charts.cursor_day == 4, timeout=WAIT_MS)
    assert all(line.value() == 4 for line in win.charts.cursors)
    qtbot.waitUntil(lambda: win.feed.day == 4, timeout=WAIT_MS)


@pytest.mark.parametrize("locale", ["en_US", "zh_CN"])
def test_chart_help_opens_the_text_of_that_chart(qtbot, request, make_window, locale):
    interface(request, locale)
    from app import help as chart_help
    from app.i18n import t

    win = make_window(locale=locale, days=3)
    setup_run(qtbot, win)
    for key in ("bans", "ad_share"):
        # click the chart's title (its ⓘ)
        label = win.charts.plots[key].titleLabel
        scene_pos = label.mapToScene(label.boundingRect().center())
        pos = win.charts.glw.mapFromScene(scene_pos)
        qtbot.mouseClick(win.charts.glw.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.waitUntil(
            lambda: win.help_dialog is not None and win.help_dialog.isVisible(), timeout=WAIT_MS
        )
        text = win.help_dialog.browser.toPlainText()
        what, how = chart_help.CHART_HELP[key]
        assert t(chart_help.CONTEXT, what) in text and t(chart_help.CONTEXT, how) in text
        if locale == "zh_CN":
            assert t(chart_help.CONTEXT, what) != what  # translated, not the English
        win.help_dialog.close()
    choose_from_menu(qtbot, win, "menuHelp", "helpDefinitions")
    qtbot.waitUntil(lambda: win.help_dialog.isVisible(), timeout=WAIT_MS)
    text = win.help_dialog.browser.toPlainText()
    assert "wrongful_bans" in text and "wrongful_removals" in text
    assert "removal_precision" in text and "moderation_precision" in text
    win.help_dialog.close()
    choose_from_menu(qtbot, win, "menuHelp", "helpAssumptions")
    qtbot.waitUntil(lambda: win.help_dialog.isVisible(), timeout=WAIT_MS)
    text = win.help_dialog.browser.toPlainText()
    if locale == "zh_CN":
        assert "被限制的账号完全不能发帖" in text
    else:
        assert "A restricted account is silenced entirely" in text


def test_rule_inspector_names_posts_and_accounts_apart(qtbot, make_window):
    win = make_window(days=40)
    setup_run(qtbot, win)
    run_until(qtbot, win, 40)
    qtbot.waitUntil(lambda: not win.running, timeout=WAIT_MS)
    rules = win.policy_panel.rules
    cell = rules.visualItemRect(rules.item(0, 0)).center()
    qtbot.mouseClick(rules.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: win.rule_inspector.totals.table.rowCount() > 0, timeout=WAIT_MS)
    totals = win.rule_inspector.totals
    shown = {d.name: d for d in totals.definitions}
    assert "wrongful_removals" in shown
    # totals over the days run: posts and bans, not the daily counts' posts/day
    assert shown["wrongful_removals"].unit == unit("posts")
    assert shown["bans"].unit == unit("bans")
    assert all("/" not in d.unit for d in totals.definitions if d.name in RULE_COUNT_BY_NAME)
    row = totals.row_of("wrongful_removals")
    qtbot.mouseClick(
        totals.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=totals.table.visualItemRect(totals.table.item(row, 0)).center(),
    )
    assert "wrongful_removals" in totals.definition.text()
    assert totals.table.item(row, 0).toolTip()
