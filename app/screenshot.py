"""Screenshots of the real main window (``./lab screenshot``, under Xvfb).

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \\
        .venv/bin/python -m app.screenshot --out docs/screenshots

Runs the demo world under the crackdown policy, then photographs the screen: the main
window with live charts and the feed, the feed with a removed post and its author in the
inspector, the policy editor with an error, the compare view, and the Chinese interface
(the main window, and the policy editor with the same error).

``--classroom`` instead plays the lesson "Does the crackdown work?" to a step and shoots
it, then the presentation view, in each language, at the screen's size::

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x720x24" \\
        .venv/bin/python -m app.screenshot --classroom --out docs/screenshots
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from app import i18n
from app.feed_model import REMOVED
from app.main_window import MainWindow
from app.qt_compat import guard_none_refcount


def wait_until(app: QApplication, cond: Callable[[], bool], timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("the window did not reach the expected state")
        app.processEvents()
        time.sleep(0.005)


def settle(app: QApplication, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    wait_until(app, lambda: time.monotonic() > end)


def shoot(app: QApplication, win: QWidget, widget: QWidget | None, path: Path) -> Path:
    """Grab from the screen (what X shows), not a widget render."""
    settle(app)
    target = widget or win
    top_left = target.mapToGlobal(target.rect().topLeft())
    pixmap = win.screen().grabWindow(0, top_left.x(), top_left.y(), target.width(), target.height())
    pixmap.save(str(path))
    print(f"screenshot: {path} ({pixmap.width()}x{pixmap.height()})")
    return path


def open_window(
    app: QApplication,
    locale: str,
    preset: str,
    days: int,
    tmp: Path,
    theme_name: str = "light",
    size: tuple[int, int] = (1600, 1000),
) -> MainWindow:
    settings = QSettings(str(tmp / f"{locale}-{theme_name}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(
        settings,
        preset=preset,
        policy="crackdown",
        db=str(tmp / "runs.db"),
        locale=locale,
        theme_name=theme_name,
    )
    win.move(0, 0)
    win.resize(*size)
    win.show()
    win.scenario_panel.controls["days"].set_value(days)
    win.setup()
    wait_until(app, lambda: win.mode == "live")
    win.controls.go.trigger()
    wait_until(app, lambda: win.days_done >= days and not win.running)
    settle(app, 1.0)
    return win


def show_removed_post(app: QApplication, win: MainWindow) -> bool:
    """Put a feed with a removed post on screen, scrolled to it, author inspected."""
    feed = win.feed
    for day in range(win.days_done - 1, 30, -1):
        for i in range(feed.viewer.count()):
            feed.viewer.setCurrentIndex(i)
            win.charts.set_cursor(day)
            feed.request()
            viewer = feed.current_viewer()
            shown: list[int] = []
            feed.feedShown.connect(lambda v, d, s=shown: s.append(v))
            wait_until(app, lambda s=shown: bool(s), 20)
            feed.feedShown.disconnect()
            model = feed.model
            removed = [
                r
                for r in range(model.rowCount())
                if model.post(r)["removed_at_hours"] == model.post(r)["removed_at_hours"]
            ]
            if removed and viewer is not None:
                row = removed[0]
                index = model.index(row)
                feed.view.scrollTo(index, feed.view.ScrollHint.PositionAtCenter)
                feed.view.setCurrentIndex(index)
                feed.postActivated.emit(model.post(row))
                wait_until(app, lambda: bool(win.account_inspector.info), 20)
                return True
    return False


def close_quietly(win: MainWindow) -> None:
    """Close without the unsaved-edits question (the shots' edits are throwaway)."""
    win.policy_panel.editor.document().setModified(False)
    win.close()


def break_policy(app: QApplication, win: MainWindow) -> None:
    win.policy_dock.raise_()
    editor = win.policy_panel.editor
    text = editor.toPlainText()
    line = next(i for i, s in enumerate(text.splitlines()) if "action: remove" in s)
    cursor = QTextCursor(editor.document().findBlockByNumber(line))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 6)
    cursor.insertText("remvoe")
    editor.setTextCursor(cursor)
    editor.centerCursor()
    wait_until(app, lambda: bool(editor.issues), 10)


def classroom_shots(app: QApplication, locale: str, tmp: Path, out: Path, steps: int) -> None:
    """A lesson's step in the window, then the presentation view, at the screen's size
    (run under a 1280x720 screen): ``lesson_<locale>.png``, ``presentation_<locale>.png``."""
    screen = app.primaryScreen().size()
    settings = QSettings(str(tmp / f"class-{locale}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, db=str(tmp / "class.db"), locale=locale)
    win.move(0, 0)
    win.resize(screen.width(), screen.height())
    win.showMaximized()
    settle(app)
    player = win.open_lesson("crackdown")
    assert player is not None
    for _ in range(steps):
        wait_until(app, lambda: win.banner.next_btn.isEnabled(), 300)
        win.banner.next_btn.click()
    wait_until(app, lambda: player.phase == "settled" and win.banner.next_btn.isEnabled(), 300)
    win.charts.refresh()
    shoot(app, win, None, out / f"lesson_{locale}.png")
    win.present_action.trigger()
    wait_until(app, lambda: win.isFullScreen())
    settle(app, 1.0)
    win.charts.refresh()
    shoot(app, win, None, out / f"presentation_{locale}.png")
    win.present_action.trigger()
    close_quietly(win)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the Circle Lab window")
    parser.add_argument("--out", default="docs/screenshots", help="output directory")
    parser.add_argument("--locale", choices=["en_US", "zh_CN", "both"], default="both")
    parser.add_argument("--days", type=int, default=120, help="days to run before shooting")
    parser.add_argument("--preset", default="demo", help="scenario preset (English)")
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    parser.add_argument("--size", default="1600x1000", help="window size, WIDTHxHEIGHT")
    parser.add_argument(
        "--classroom",
        action="store_true",
        help="only a lesson step and the presentation view, at the screen's size",
    )
    parser.add_argument("--steps", type=int, default=2, help="lesson steps before the shot")
    args = parser.parse_args(argv)
    size = tuple(int(v) for v in args.size.lower().split("x"))
    # the default shots keep their names; other themes and sizes say which they are
    tag = "" if (args.theme, args.size) == ("light", "1600x1000") else f"_{args.theme}_{args.size}"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    guard_none_refcount()
    app.setApplicationName("Circle Lab")
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        if args.classroom:
            for locale in ("en_US", "zh_CN") if args.locale == "both" else (args.locale,):
                translator = i18n.install(app, locale)
                classroom_shots(app, locale, tmp, out, args.steps)
                if translator is not None:
                    app.removeTranslator(translator)
            QTimer.singleShot(0, app.quit)
            return 0
        if args.locale in ("en_US", "both"):
            win = open_window(app, "en_US", args.preset, args.days, tmp, args.theme, size)
            show_removed_post(app, win)
            shoot(app, win, None, out / f"main_window{tag}.png")
            shoot(app, win, win.feed_dock, out / f"feed{tag}.png")
            feed_filter = win.feed.filter
            feed_filter.setCurrentIndex(feed_filter.findData(REMOVED))
            feed_filter.setCurrentIndex(0)
            break_policy(app, win)
            shoot(app, win, None, out / f"policy_error{tag}.png")
            win.tabs.setCurrentWidget(win.compare)
            win.compare.days.setValue(args.days)
            done: list[bool] = []
            win.compare.finished.connect(lambda d=done: d.append(True))
            win.compare.start()
            wait_until(app, lambda: bool(done), 300)
            win.compare.charts.refresh()
            shoot(app, win, None, out / f"compare{tag}.png")
            close_quietly(win)
        if args.locale in ("zh_CN", "both"):
            translator = i18n.install(app, "zh_CN")
            win = open_window(app, "zh_CN", "demo_zh", args.days, tmp, args.theme, size)
            show_removed_post(app, win)
            shoot(app, win, None, out / f"main_window_zh_CN{tag}.png")
            break_policy(app, win)  # its problem in Chinese, the misspelt word as typed
            shoot(app, win, None, out / f"policy_error_zh_CN{tag}.png")
            close_quietly(win)
            if translator is not None:
                app.removeTranslator(translator)
    QTimer.singleShot(0, app.quit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
