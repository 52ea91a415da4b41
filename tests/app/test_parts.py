"""Pieces of the app that need no running engine: feed model, CLI, translations."""

from __future__ import annotations

import numpy as np
import pandas as pd
from typer.testing import CliRunner

from app.feed_model import REMOVED, ROLE, FeedModel


def _frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    removed = np.where(rng.random(n) < 0.1, 3.0, np.nan)
    return pd.DataFrame(
        {
            "post_id": np.arange(n),
            "day": 1,
            "hour": rng.random(n) * 24,
            "author": np.arange(n),
            "author_name": "Ann",
            "kind": rng.integers(0, 4, n),
            "text": "hello",
            "has_image": False,
            "removed_at_hours": removed,
            "removal_cause": 1,
            "likes": 2,
            "author_status": 0,
        }
    )


def test_feed_model_filters_with_arrays(qtbot):
    model = FeedModel()
    frame = _frame(1000)
    model.set_frame(frame)
    assert model.rowCount() == 1000
    model.set_kind_filter(3)
    assert model.rowCount() == int((frame["kind"] == 3).sum())
    assert all(model.data(model.index(i), ROLE["kind"]) == 3 for i in range(model.rowCount()))
    model.set_kind_filter(REMOVED)
    assert model.rowCount() == int(frame["removed_at_hours"].notna().sum())
    model.set_kind_filter(None)
    assert model.data(model.index(5), ROLE["author_name"]) == "Ann"


def test_gui_command_is_registered():
    from importlib.metadata import entry_points

    import typer

    from app.command import register

    assert "gui" in {ep.name for ep in entry_points(group="circlelab.commands")}
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """circlelab"""

    register(app)
    result = CliRunner().invoke(app, ["gui", "--help"])
    assert result.exit_code == 0
    assert "--preset" in result.output and "--locale" in result.output


def test_chinese_translation_is_compiled_and_loads(qtbot):
    from PySide6.QtCore import QCoreApplication

    from app import i18n

    assert i18n.qm_path("zh_CN").exists()
    app = QCoreApplication.instance()
    translator = i18n.install(app, "zh_CN")
    try:
        assert translator is not None
        assert QCoreApplication.translate("Charts", "Spam volume") != "Spam volume"
    finally:
        app.removeTranslator(translator)
        i18n.install(app, "en_US")


def test_account_inspector_speaks_the_interface_language(qtbot):
    """Engine words (archetype, status, writing style, actions) are translated too."""
    from PySide6.QtCore import QCoreApplication

    from app import i18n
    from app.inspectors import AccountInspector

    app = QCoreApplication.instance()
    translator = i18n.install(app, "zh_CN")
    try:
        inspector = AccountInspector()
        qtbot.addWidget(inspector)
        inspector.show_account(
            {
                "account": 7,
                "name": "小美",
                "archetype": "restricted_seller",
                "kind": "personal",
                "category": "tobacco",
                "status": "banned",
                "status_day": 40,
                "join_day": -365,
                "style": "homoglyph",
                "violations": 3,
                "removals": 3,
                "bans": 1,
                "predecessor": -1,
                "successors": [],
                "events": [
                    {"day": 40, "action": "ban", "rule": -1, "wrongful": False, "reason": "ladder"}
                ],
            }
        )
        shown = {k: w.text() for k, w in inspector.fields.items()}
        assert shown["archetype"] == "违禁品卖家"
        assert shown["status"].startswith("已封号")
        assert shown["style"] == "形近字"
        assert shown["join_day"] == "运行开始前 365 天"  # not "day −365"
        assert inspector.events.item(0, 1).text() == "封号"
    finally:
        app.removeTranslator(translator)
        i18n.install(app, "en_US")


def test_chinese_translation_is_complete_for_every_string_of_the_app(tmp_path):
    """Every text the app marks for translation is in the .ts with a Chinese
    translation, and the shipped .qm is the .ts compiled (``python -m app.i18n``)."""
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from app import i18n

    ts = tmp_path / "check.ts"
    shutil.copy(i18n.ts_path("zh_CN"), ts)
    sources = sorted(str(p) for p in (Path(i18n.__file__).parent).rglob("*.py"))
    labels = tmp_path / "model_texts.py"  # the models' labels, as app.i18n.update hands them
    labels.write_text(i18n.model_texts(), encoding="utf-8")
    out = subprocess.run(
        [i18n._tool("pyside6-lupdate"), *sources, str(labels), "-ts", str(ts)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "(0 new and" in out, out
    open_entries = [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (m.findtext("translation") or "").strip()
    ]
    assert not open_entries, open_entries
    qm = tmp_path / "check.qm"
    subprocess.run(
        [i18n._tool("pyside6-lrelease"), str(i18n.ts_path("zh_CN")), "-qm", str(qm)],
        capture_output=True,
        check=True,
    )
    assert qm.read_bytes() == i18n.qm_path("zh_CN").read_bytes(), "run python -m app.i18n"


def test_feed_cards_follow_the_view_width_and_never_scroll_sideways(qtbot):
    """Cards were at least 280 px wide and kept their first width when the dock narrowed,
    so a 1280×720 window showed the feed with a sideways scroll bar."""
    from app.panels.feed import make_feed_view

    model = FeedModel()
    model.set_frame(_frame(50))
    view = make_feed_view(model)
    qtbot.addWidget(view)
    view.show()
    for width in (420, 230, 600, 250):
        view.resize(width, 500)
        qtbot.waitUntil(lambda w=width: view.viewport().width() < w)
        qtbot.waitUntil(lambda: view.visualRect(model.index(0)).width() == view.viewport().width())
        assert view.horizontalScrollBar().maximum() == 0
        assert not view.horizontalScrollBar().isVisible()


def test_the_docks_fit_the_window_when_it_opens(make_window, qtbot):
    """The side docks take a share of the window, and the feed most of the right side,
    instead of fixed sizes asked for before the window had its size."""
    win = make_window()  # 1400 × 900, shown with no saved layout: fitted on first show
    qtbot.waitUntil(lambda: win.feed_dock.width() >= 340)  # a quarter of the width
    right = win.feed_dock.height() + win.inspector_dock.height()
    assert win.feed_dock.height() > 0.5 * right
    win.resize(1600, 1000)
    win.reset_layout()  # View → Reset layout fits them to the window's size again
    qtbot.waitUntil(lambda: win.feed_dock.width() >= 390)


def test_the_policy_editor_keeps_most_of_the_policy_panel_at_1280x720(make_window, qtbot):
    """At 1280×720 fixed splitter sizes left the editor four lines of the policy; a handle
    the person drags stays where they put it."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    win = make_window()
    win.resize(1280, 720)
    win.policy_dock.raise_()
    panel = win.policy_panel
    editor = panel.editor
    lines = lambda: editor.viewport().height() // editor.fontMetrics().lineSpacing()  # noqa: E731
    qtbot.waitUntil(lambda: lines() >= 8)
    assert panel.split.sizes()[1] == max(panel.split.sizes())  # the largest part

    handle = panel.split.handle(2)  # between the editor and the problem list
    start = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, start + QPoint(0, -60))
    QTest.mouseRelease(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, -60)
    )
    qtbot.waitUntil(lambda: panel._split_moved)
    chosen = panel.split.sizes()
    assert chosen[2] > 100  # the problem list, made taller by the drag
    win.resize(1280, 760)
    qtbot.wait(50)
    assert panel.split.sizes()[2] == chosen[2]  # not fitted again (that would be 70)
    win.reset_layout()  # View → Reset layout fits it again
    qtbot.waitUntil(lambda: panel.split.sizes()[2] < chosen[2])
    assert not panel._split_moved


def test_warnings_alone_take_a_fifth_of_the_policy_panel_and_scroll_by_pixels(make_window, qtbot):
    """The crackdown preset's twenty-odd warnings (the policy is valid) took a third of the
    panel and left the editor seven lines at 1280×720; a warning taller than the list could
    not be read whole when the list scrolled an item at a time."""
    from PySide6.QtWidgets import QAbstractItemView

    win = make_window()
    win.resize(1280, 720)
    win.policy_dock.raise_()
    panel = win.policy_panel
    qtbot.waitUntil(lambda: panel.issues.count() > 5)
    assert panel._error_count() == 0
    qtbot.waitUntil(lambda: panel.split.sizes()[2] <= sum(panel.split.sizes()) // 5)
    assert panel.split.sizes()[1] == max(panel.split.sizes())  # the editor, the largest
    per_pixel = QAbstractItemView.ScrollMode.ScrollPerPixel
    assert panel.issues.verticalScrollMode() == per_pixel
    # no blank lines above the editor: no world runs a policy yet, and the one-rule table
    # is as tall as its rule
    assert not panel.in_force.isVisible()
    table = panel.rules
    rows = table.horizontalHeader().height() + table.rowHeight(0) * table.rowCount()
    assert panel.split.sizes()[0] <= rows + table.horizontalScrollBar().height() + 4


def test_a_long_corpus_error_is_shown_whole_in_a_narrow_policy_panel(make_window, qtbot, tmp_path):
    """The corpus panel's status line wraps; the policy panel gives it every line it
    needs (a fixed height cut a long error to its first line)."""
    win = make_window()
    win.resize(1280, 720)
    win.policy_dock.raise_()
    corpus = win.policy_panel.corpus_panel
    bad = tmp_path / ("a-corpus-with-a-rather-long-name-" * 3 + ".tsv")
    bad.write_text("Label\tSMS\nham\thi\neggs\tx\n", encoding="utf-8")
    with qtbot.waitSignal(corpus.evaluated, timeout=20_000):
        corpus.set_corpus(bad)
    status = corpus.status
    qtbot.waitUntil(lambda: status.height() >= status.heightForWidth(status.width()))
    assert status.heightForWidth(status.width()) > 2 * status.fontMetrics().lineSpacing()
    assert status.text().startswith("✗")


def _draw(text: str, width: int, height: float, max_lines: int = 3):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from app.feed_delegate import draw_wrapped

    image = QImage(width + 40, int(height) + 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    font = QFont()
    font.setPointSize(11)
    drawn = draw_wrapped(painter, QRectF(10, 10, width, height), text, font, max_lines)
    painter.end()
    inked = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y).lightness() < 200 for x in range(image.width()))
    ]
    return drawn, inked


def test_feed_card_text_shows_whole_lines_only(qtbot):
    """A Chinese post on a narrow card showed a third line cut in half: line heights
    were taken from the card's font, not from the taller font its glyphs are drawn in."""
    from PySide6.QtGui import QFont, QTextLayout

    text = "长春的药店排队拿处方药的人好多,医生说以后抗生素都要处方了,大家注意一下"
    font = QFont()
    font.setPointSize(11)
    layout = QTextLayout("长春", font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    tall = line.height()  # a line of Chinese as it is drawn
    drawn, inked = _draw(text, 90, 2.6 * tall)
    assert len(drawn) == 2  # two whole lines fit in 2.6 lines' height, not three cut ones
    assert inked and max(inked) <= 10 + 2.6 * tall  # nothing drawn below the box
    three = _draw(text, 90, 10 * tall)[0]
    assert len(three) == 3 and three[-1].endswith("…")  # at most three, the last elided
    assert text.startswith("".join(three)[:-1])  # each line goes on where the last ended
    assert _draw("短", 90, 10 * tall)[0] == ["短"]
    assert _draw("", 90, 10 * tall) == ([""], [])


def test_feed_card_text_with_emoji_and_line_breaks_is_cut_where_it_ends(qtbot):
    """Qt counts text positions in UTF-16 units (an emoji is two): read as characters,
    a card with emoji dropped its end without an ellipsis or began its last line words
    too late; a line break in a post started no new line."""
    emoji = "🎉" * 30
    text = emoji + " tail words here that go on and on and on"
    lines, _ = _draw(text, 200, 400)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert "".join(lines[:2]) == emoji[: len("".join(lines[:2]))]  # whole emoji, in order
    rest = " ".join(text[len("".join(lines[:2])) :].split())
    assert rest.startswith(lines[-1][:-1].rstrip())  # the last line begins where it should
    assert len(lines[-1]) > 3
    whole = _draw("🎉 ok", 200, 400)[0]
    assert whole == ["🎉 ok"]  # all of it fits: no ellipsis, nothing dropped
    assert _draw("first\nsecond", 400, 400)[0] == ["first\u2028", "second"]


def test_the_feed_and_scenario_sliders_keep_their_room_at_1280x720(make_window, qtbot, chinese):
    """At 1280×720 the inspector's hidden rule chart set the right side's minimum height
    (the feed showed one card, cut), and the policy panel's buttons the left side's
    width; in Chinese the long parameter names left their sliders a stub."""
    from PySide6.QtWidgets import QScrollArea, QSlider

    from app.feed_delegate import CARD_HEIGHT
    from app.panels.scenario import SLIDER_MIN_PX

    win = make_window(locale="zh_CN")
    win.resize(1280, 720)
    win.reset_layout()
    view = win.feed.view
    qtbot.waitUntil(lambda: view.viewport().height() >= 1.3 * CARD_HEIGHT)
    assert win.inspector_tabs.minimumSizeHint().height() < CARD_HEIGHT
    assert win.policy_dock.minimumSizeHint().width() <= win.scenario_dock.width()
    sliders = win.scenario_panel.findChildren(QSlider)
    assert sliders and all(s.width() >= SLIDER_MIN_PX for s in sliders)
    scroll = win.scenario_panel.findChildren(QScrollArea)[0]
    assert scroll.horizontalScrollBar().maximum() == 0  # nothing cut at the right


def test_an_event_label_hides_the_next_mark_line_instead_of_being_crossed(qtbot):
    """Two marks two days apart: the later dotted line ran through the earlier label
    ("ste|p 2" in the classroom lesson)."""
    from PySide6.QtCore import QPointF

    from app.charts import ChartPanel, chart_specs

    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.build(chart_specs(("medical", "tobacco"), {}))
    qtbot.waitUntil(lambda: not panel._regrid.isActive())  # the grid has its columns
    panel.set_marks([(28, "step 2 of the lesson", "a step"), (30, "announced", "the day")])
    key = next(iter(panel.plots))
    plot = panel.plots[key]
    plot.setXRange(0, 60, padding=0)
    early, late = panel.mark_lines[key]
    label = lambda: early.label.sceneBoundingRect()  # noqa: E731
    x_late = lambda: plot.getViewBox().mapViewToScene(QPointF(30, 0)).x()  # noqa: E731
    qtbot.waitUntil(lambda: label().left() < x_late() < label().right())  # crosses it
    label, x_late = label(), x_late()
    at = plot.scene().items(QPointF(x_late, label.center().y()))
    assert at.index(early.label) < at.index(late)  # the label is drawn over the line
    assert max(early.zValue(), late.zValue()) < 0  # both still under the curves


def test_a_measure_named_by_its_unit_is_not_named_twice(qtbot):
    """The compare table showed "days (days)"; other measures keep their unit."""
    from app.measures import MeasureTable, summary_definition

    table = MeasureTable(["Measure", "A"])
    qtbot.addWidget(table)
    table.set_rows([(summary_definition("days"), ["120"]), (summary_definition("seed"), ["7"])])
    names = [table.table.item(r, 0).text() for r in range(2)]
    assert names[0] == "days"
    assert summary_definition("days").unit == "days"
    assert table.table.item(0, 1).text() == "120" and names[1].startswith("seed")


def test_the_re_registration_chain_links_to_the_accounts(qtbot):
    """The chain field shows its accounts as links (it showed the raw ``<a href='1495'>``
    text) and clicking one asks for that account."""
    from PySide6.QtCore import QPoint, Qt

    from app.inspectors import AccountInspector

    inspector = AccountInspector()
    qtbot.addWidget(inspector)
    inspector.resize(420, 600)
    inspector.show()
    inspector.show_account(
        {
            "account": 1600,
            "name": "Joseph <b>L</b>",
            "archetype": "restricted_seller",
            "kind": "personal",
            "category": "tobacco",
            "status": "active",
            "status_day": 0,
            "join_day": 40,
            "style": "plain",
            "violations": 1,
            "removals": 0,
            "bans": 0,
            "predecessor": 1495,
            "successors": [],
            "generation": 1,
            "events": [],
        }
    )
    chain = inspector.fields["chain"]
    assert chain.textFormat() == Qt.TextFormat.RichText
    asked: list[int] = []
    inspector.accountRequested.connect(asked.append)
    # click along the label's first line until the link answers (its place depends on
    # the font); the words before it are not a link
    y = chain.fontMetrics().height() // 2 + chain.contentsMargins().top()
    for x in range(0, chain.width(), 3):
        qtbot.mouseClick(chain, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
        if asked:
            break
    assert asked == [1495]
    assert x > chain.fontMetrics().horizontalAdvance("came back from")  # after the words
