"""Fixtures for the desktop app: a main window on the small classroom world, and helpers
that drive it as a user does (toolbar buttons, menus, keys, the dialogs that open).

Every window gets its own settings file and database under tmp_path, and is closed at
the end so its engine and compare threads stop before the next test.

No test here depends on the machine's speed: every wait is on a condition, with a
generous timeout (``WAIT_MS``) that only a hung window reaches. Speed is measured in
``bench/bench_gui.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from app.dialogs import LISTED
from app.qt_compat import guard_none_refcount

# PySide6 6.12 on Python 3.11 drops a reference to None per void call (see app.qt_compat);
# without this a long test session aborts with "none_dealloc".
guard_none_refcount()

WAIT_MS = 120_000  # a condition not met in two minutes means the window is stuck


@pytest.fixture
def make_window(qtbot, tmp_path):
    from app.main_window import MainWindow

    windows = []

    def make(
        preset: str = "classroom",
        policy: str = "crackdown",
        days: int | None = None,
        db=None,
        settings: QSettings | None = None,
        **kw,
    ):
        settings = settings or QSettings(
            str(tmp_path / f"settings{len(windows)}.ini"), QSettings.Format.IniFormat
        )
        win = MainWindow(
            settings, preset=preset, policy=policy, db=str(db or tmp_path / "runs.db"), **kw
        )
        # closed by this fixture, not by qtbot: pytest-qt closes its widgets before fixtures
        # end, and a window with unsaved edits would then ask (and wait for) a question
        win.resize(1400, 900)
        win.show()
        if days is not None:
            win.scenario_panel.controls["days"].set_value(days)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.policy_panel.editor.document().setModified(False)  # no prompt at teardown
        win.close()
        win.deleteLater()


@pytest.fixture
def lessons_at_full_speed(monkeypatch) -> None:
    """Lessons opened in the window run their days as fast as the engine goes, not at the
    lesson's classroom pace (15 days a second: six seconds of waiting for every 90 days).
    What a step does, shows and asks is the same at either speed; the pace itself is
    checked in tests/app/test_classroom.py."""
    from app.lessons import FAST
    from simulation.lessons import load

    real = load.load_lesson

    def fast(name_or_path):
        found = real(name_or_path)
        found.lesson = found.lesson.model_copy(update={"speed": float(FAST)})
        return found

    monkeypatch.setattr(load, "load_lesson", fast)


@pytest.fixture
def saved_figures(monkeypatch) -> list:
    """Every matplotlib figure saved from now on (``Figure.savefig`` still writes it), in
    the order saved: what a test of an export inspects beside the files."""
    from matplotlib.figure import Figure

    saved: list = []
    save = Figure.savefig

    def keep(fig, *args, **kwargs):
        saved.append(fig)
        return save(fig, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", keep)
    return saved


@pytest.fixture
def chinese(qapp):
    """The Chinese interface for this test: its translator installed (as ``circlelab gui``
    does at start), removed afterwards. Use with ``make_window(locale="zh_CN")``."""
    from app import i18n

    translator = i18n.install(qapp, "zh_CN")
    assert translator is not None
    yield translator
    qapp.removeTranslator(translator)
    i18n.install(qapp, "en_US")


def interface(request, locale: str) -> None:
    """Install the translator of ``locale`` for a test parametrised by locale."""
    if locale == "zh_CN":
        request.getfixturevalue("chinese")


@pytest.fixture
def settings_file(tmp_path) -> Callable[[], QSettings]:
    path = tmp_path / "shared-settings.ini"
    return lambda: QSettings(str(path), QSettings.Format.IniFormat)


# ------------------------------------------------------------------ driving the window
def tool_button(win, action: QAction) -> QToolButton:
    """The toolbar button that shows ``action``."""
    button = win.controls.widgetForAction(action)
    assert isinstance(button, QToolButton), action.objectName()
    return button


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_action(qtbot, win, action: QAction) -> None:
    """Click the toolbar button of a run control."""
    click(qtbot, tool_button(win, action))


def menu_action(win, menu_name: str, action_name: str) -> tuple[QMenu, QAction]:
    menu = win.menuBar().findChild(QMenu, menu_name)
    assert menu is not None, menu_name
    for act in menu.actions():
        if act.objectName() == action_name:
            return menu, act
    raise AssertionError(f"no action {action_name} in menu {menu_name}")


def choose_from_menu(qtbot, win, menu_name: str, action_name: str) -> QAction:
    """Open a menu of the menu bar and click one of its entries with the mouse."""
    menu, act = menu_action(win, menu_name, action_name)
    menu.popup(win.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(act).center())
    return act


# ------------------------------------------------------------------ modal dialogs
def when_dialog(kind: type, answer: Callable[[QWidget], None]) -> list[QWidget]:
    """Answer the next modal dialog of type ``kind`` with ``answer(dialog)`` (call this
    before the click that opens it: the click returns only when the dialog is closed).
    Returns a list that holds the dialog once it was seen."""
    seen: list[QWidget] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            seen.append(widget)
            answer(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def save_run_into(qtbot, win, folder) -> None:
    """File → Save run, choosing ``folder`` in the folder dialog, as a user does; waits
    until the status bar says it was saved."""

    def pick_folder(dialog) -> None:
        dialog.setDirectory(str(folder))
        dialog.accept()

    when_dialog(QFileDialog, pick_folder)
    choose_from_menu(qtbot, win, "menuFile", "saveRun")
    qtbot.waitUntil(lambda: "Saved as run #" in win.statusBar().currentMessage(), timeout=WAIT_MS)


def type_file_name(qtbot, name: str) -> Callable[[QWidget], None]:
    """An answer for a file dialog: type ``name`` in its file-name box and press Enter."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        # until its folder is read, the dialog may put its suggested name back
        qtbot.waitUntil(lambda: bool(dialog.property(LISTED)), timeout=WAIT_MS)
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.clear()
        qtbot.keyClicks(edit, name)
        popup = edit.completer().popup() if edit.completer() else None
        if popup is not None and popup.isVisible():
            popup.hide()  # a completion offered for what was typed: not what we mean
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    return answer


def press_button(which: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    """An answer for a message box: click one of its buttons."""

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        button = box.button(which)
        assert button is not None
        button.click()

    return answer


# ------------------------------------------------------------------ runs
def setup_run(qtbot, win, timeout: int = WAIT_MS) -> None:
    """Click Setup and wait until the worker has built the world."""
    click_action(qtbot, win, win.controls.setup)
    qtbot.waitUntil(lambda: win.mode == "live" and win.info is not None, timeout=timeout)


def run_until(qtbot, win, days: int, timeout: int = WAIT_MS) -> None:
    """Go, and wait until ``days`` days are done (the run stops by itself at its end)."""
    if not win.controls.go.isChecked():
        click_action(qtbot, win, win.controls.go)
    qtbot.waitUntil(lambda: win.days_done >= days, timeout=timeout)


def pause(qtbot, win) -> None:
    if win.controls.go.isChecked():
        click_action(qtbot, win, win.controls.go)
    qtbot.waitUntil(lambda: not win.running, timeout=WAIT_MS)


def run_to_end(qtbot, win) -> None:
    run_until(qtbot, win, win.info.days)
    qtbot.waitUntil(lambda: not win.running, timeout=WAIT_MS)


def shared_corpora() -> Path | None:
    """``shared/corpora`` beside the checkout or one of its parents (worktrees nest)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    return None
