"""Fixtures for the desktop app: a main window on the small classroom world.

Every window gets its own settings file and database under tmp_path, and is closed at
the end so its engine and compare threads stop before the next test.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings

from app.qt_compat import guard_none_refcount

# PySide6 6.12 on Python 3.11 drops a reference to None per void call (see app.qt_compat);
# without this a long test session aborts with "none_dealloc".
guard_none_refcount()


@pytest.fixture
def make_window(qtbot, tmp_path):
    from app.main_window import MainWindow

    windows = []

    def make(
        preset: str = "classroom", policy: str = "crackdown", days: int | None = None, db=None, **kw
    ):
        settings = QSettings(
            str(tmp_path / f"settings{len(windows)}.ini"), QSettings.Format.IniFormat
        )
        win = MainWindow(
            settings, preset=preset, policy=policy, db=str(db or tmp_path / "runs.db"), **kw
        )
        qtbot.addWidget(win)
        win.resize(1400, 900)
        win.show()
        if days is not None:
            win.scenario_panel.controls["days"].set_value(days)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.close()


def setup_run(qtbot, win, timeout: int = 20_000) -> None:
    """Click Setup and wait until the worker has built the world."""
    win.controls.setup.trigger()
    qtbot.waitUntil(lambda: win.mode == "live" and win.info is not None, timeout=timeout)


def run_until(qtbot, win, days: int, timeout: int = 60_000) -> None:
    """Go, and wait until ``days`` days are done (the run stops by itself at its end)."""
    win.controls.go.setChecked(True)
    qtbot.waitUntil(lambda: win.days_done >= days, timeout=timeout)


def pause(qtbot, win) -> None:
    win.controls.go.setChecked(False)
    qtbot.waitUntil(lambda: not win.running, timeout=10_000)
