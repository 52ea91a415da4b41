"""The Chinese interface shows no English: every text of every widget, action, tab, dock,
table header, chart title, legend, axis and event mark, walked in a real window after a
run, with a lesson playing and the help open.

What may stay in Latin letters is data, not interface: names of presets, policies and
rules (the user's own or shipped names), code names of metrics (``wrongful_bans``), file
types (PNG, SVG, CSV, YAML) and key names (PageDown, F11).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from tests.app.conftest import WAIT_MS, choose_from_menu, click, run_until, setup_run

WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")
KEEP = {
    # file types, keys and units that are written the same in Chinese software
    "PNG", "SVG", "CSV", "YAML", "yaml", "yml", "PageDown", "PageUp", "Ctrl", "Enter",
    "Shift", "Tab", "Esc", "SQLite", "URL", "SQL", "PgDown", "PgUp", "Del", "TSV",
    "JSONL", "Parquet", "English",
    # the corpus label map's targets: words the user types (spam=spam,ham=regular)
    "spam", "ham", "offer", "regular", "life", "ignore",
}  # fmt: skip


def _texts_of(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.statusTip(), widget.whatsThis()]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QDockWidget):
        texts.append(widget.windowTitle())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    if isinstance(widget, QTableWidget):
        for i in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(i)
            texts.append(item.text() if item else "")
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    for action in widget.actions():
        texts += [action.text(), action.toolTip(), action.statusTip()]
    return texts


def _english(text: str, data: set[str]) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text tags
    text = re.sub(r"\b[a-z][a-z0-9+]*://\S*", " ", text)  # database URLs
    text = re.sub(r"(?:[A-Za-z]:)?[/\\][^\s,;)]+", " ", text)  # paths
    text = re.sub(r"\b\w+[_.]\w+(?:[_.]\w+)*\b", " ", text)  # code names: wrongful_bans
    text = re.sub(r"\([^()]*\*\.[^()]*\)", " ", text)  # file filters: (*.yaml *.yml)
    return [w for w in WORD.findall(text) if w not in KEEP and w not in data]


@pytest.mark.usefixtures("lessons_at_full_speed")
def test_the_chinese_interface_shows_no_english(qtbot, chinese, make_window):
    win = make_window(locale="zh_CN", preset="classroom_zh", policy="crackdown_zh", days=35)
    setup_run(qtbot, win)
    run_until(qtbot, win, 35)
    qtbot.waitUntil(lambda: not win.running, timeout=WAIT_MS)
    choose_from_menu(qtbot, win, "menuLessons", "lesson_speed")
    qtbot.waitUntil(lambda: win.banner.next_btn.isEnabled(), timeout=WAIT_MS)
    # on to step 2: its question, then (Next runs it) its answer
    for _ in range(2):
        click(qtbot, win.banner.next_btn)
        qtbot.waitUntil(lambda: win.banner.next_btn.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: win.banner.answer.isVisible(), timeout=WAIT_MS)
    assert win.banner.question.isVisible()
    choose_from_menu(qtbot, win, "menuHelp", "helpDefinitions")
    qtbot.waitUntil(lambda: win.help_dialog.isVisible(), timeout=WAIT_MS)

    # data the interface shows as it is: preset, policy and rule names, the categories'
    # code names, the app's own name
    from app.assets import policy_presets
    from simulation.scenario import preset_names

    data = {"Circle", "Lab", "CircleLab", "circlelab"}
    for name in (*preset_names(), *policy_presets()):
        data.update(WORD.findall(name))
    for name in (win.scenario_panel.preset.currentText(), win.policy_panel.preset_name):
        data.update(WORD.findall(str(name or "")))
    data.update(w for n in win.account_inspector.rule_names for w in WORD.findall(n))
    policy = win.policy_in_force
    data.update(WORD.findall(str(getattr(policy, "name", ""))))

    found: dict[str, list[str]] = {}
    widgets = [win, win.help_dialog, *win.findChildren(QWidget)]
    for menu in win.menuBar().findChildren(QMenu):
        widgets.append(menu)
        found_title = _english(menu.title(), data)
        if found_title:
            found[f"menu {menu.objectName()}"] = found_title
    for widget in widgets:
        for text in _texts_of(widget):
            words = _english(text or "", data)
            if words:
                found.setdefault(f"{type(widget).__name__} {widget.objectName()}", []).extend(words)
    # the charts: titles, legends, axes, event marks
    for key, plot in win.charts.plots.items():
        texts = [plot.titleLabel.text]
        texts += [label.text for _s, label in win.charts.legends[key].items]
        texts += [plot.getAxis(side).labelText for side in ("left", "bottom")]
        texts += [line.label.format for line in win.charts.mark_lines[key]]
        texts += [line.toolTip() for line in win.charts.mark_lines[key]]
        for text in texts:
            words = _english(text, data)
            if words:
                found.setdefault(f"chart {key}", []).extend(words)
    # the definitions name each measure by its code name too, as `circlelab metrics` does
    from simulation.metrics.registry import METRICS, RULE_COUNTS
    from simulation.metrics.summary import MEASURES, RELATIVE

    data.update(m.name for m in (*METRICS, *RULE_COUNTS, *MEASURES, *RELATIVE))
    help_words = _english(win.help_dialog.browser.toPlainText(), data)
    if help_words:
        found["help"] = help_words
    assert not found, found
