"""The Chinese window says in Chinese why a stored run cannot be opened or exported (its
state: not complete, killed, failed) and why a database cannot be used (not a SQLite
file, not a Circle Lab database), with the run ids, dates, paths and stored errors as
written; the English window says exactly what the command line says."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import update

from app import dialogs
from simulation.runs.storage import STALE_SECONDS, Run, get_run, open_db
from tests.app.conftest import (
    WAIT_MS,
    choose_from_menu,
    click,
    click_action,
    setup_run,
    type_file_name,
    when_dialog,
)
from tests.sqlite_files import sqlite_with
from tests.storage.test_not_complete import stored_run

HAN = re.compile("[\u4e00-\u9fff]")
# the English templates' own words: none may show in the Chinese window
ENGLISH = (
    "is not complete",
    "its state is",
    "nothing stored",
    "stopped after",
    "days without being saved",
    "no progress recorded",
    "not a Circle Lab database",
    "is not a SQLite database",
    "nothing was written",
    "never made",
    "Only ",
    "day(s)",
)


def _click_tab(qtbot, win, widget) -> None:
    bar = win.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(win.tabs.indexOf(widget)).center()
    )
    qtbot.waitUntil(lambda: win.tabs.currentWidget() is widget, timeout=WAIT_MS)


def _warning_after(qtbot, button, *before) -> str:
    """Click ``button``; the text of the warning box it opens (closed with OK)."""
    texts: list[str] = []
    seen = when_dialog(QMessageBox, lambda box: (texts.append(box.text()), box.accept()))
    for dialog, answer in before:  # dialogs that open first (a file dialog)
        when_dialog(dialog, answer)
    click(qtbot, button)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    (text,) = texts
    return text


def _chinese(text: str) -> None:
    assert HAN.search(text), text
    assert not [e for e in ENGLISH if e in text], text


def _select_run(qtbot, view, rid: int) -> None:
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == str(rid))
    rect = view.table.visualItemRect(view.table.item(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.run_id(view.table.currentRow()) == rid


def test_a_run_not_complete_is_refused_in_chinese(
    qtbot, chinese, make_window, tmp_path, monkeypatch
):
    db = tmp_path / "runs.db"
    killed = stored_run(db, "running", STALE_SECONDS + 60, "")
    partial = stored_run(db, "failed", 10, "boom on day 5", days=(0, 1))
    with open_db(db).begin() as conn:  # its catalogue's categories, as a run records them
        table = Run.__table__
        conn.execute(update(table).where(table.c.id == partial).values(categories="food,toys"))
    since = get_run(open_db(db), killed).heartbeat_at.isoformat(sep=" ", timespec="seconds")
    asked: list[object] = []  # where to write the CSV: never asked for such a run
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *a, **k: asked.append(a) or "")
    win = make_window(locale="zh_CN", preset="classroom_zh", policy="crackdown_zh", db=db)
    view = win.runs
    _click_tab(qtbot, win, view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=WAIT_MS)
    assert view.table.item(0, 6).text() == "未完成"

    _select_run(qtbot, view, killed)
    for button, doing in ((view.open_btn, "打开"), (view.csv_btn, "导出")):
        text = _warning_after(qtbot, button)
        _chinese(text)
        assert text.startswith(
            f"运行 {killed} 没有完成，状态为未完成：模拟了 120 天中的 12 天后停止"
        )
        assert f"自 {since} UTC 起没有记录进度" in text  # the date as written
        assert text.endswith(f"没有已保存的数据可供{doing}")
    assert asked == [] and win.mode != "stored"

    # a run with two days stored opens, the status bar saying what it holds, in Chinese
    _select_run(qtbot, view, partial)
    click(qtbot, view.open_btn)
    qtbot.waitUntil(lambda: win.mode == "stored", timeout=WAIT_MS)
    said = win.statusBar().currentMessage()
    _chinese(said)
    assert (
        "状态为失败：模拟了 120 天中的 12 天后停止（boom on day 5）" in said
    )  # its error as stored
    assert "只保存了 2 天的每日指标" in said


def test_a_database_that_cannot_be_used_is_refused_in_chinese(
    qtbot, chinese, make_window, tmp_path
):
    shop = sqlite_with(tmp_path / "shop.db", "CREATE TABLE run (id INTEGER, started TEXT)")
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"hello world, plain text")
    win = make_window(locale="zh_CN", preset="classroom_zh", policy="crackdown_zh")
    view = win.runs
    _click_tab(qtbot, win, view)
    for path, why in (
        (
            shop,
            "不是 Circle Lab 的数据库：它的表 'run' 含有 Circle Lab 从未建过的列（started）；"
            "没有向它写入任何内容",
        ),
        (
            notes,
            f"{notes.resolve()} 不是 SQLite 数据库（它以 b'hello wo' 开头），所以也不是 Circle Lab "
            "的数据库；没有向它写入任何内容",
        ),
    ):
        before = path.read_bytes()
        chosen = (QFileDialog, type_file_name(qtbot, str(path)))
        text = _warning_after(qtbot, view.db_btn, chosen)
        _chinese(text)
        assert text.startswith(f"无法打开数据库 {view.db}：") and str(path.name) in view.db
        assert text.endswith(why)
        assert view.where.text() == text and view.table.rowCount() == 0
        assert path.read_bytes() == before


def test_the_english_window_says_what_the_command_line_says(qtbot, make_window, tmp_path):
    db = tmp_path / "runs.db"
    killed = stored_run(db, "running", STALE_SECONDS + 60, "")
    win = make_window(db=db)
    view = win.runs
    _click_tab(qtbot, win, view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=WAIT_MS)
    _select_run(qtbot, view, killed)
    run = get_run(open_db(db), killed)
    since = run.heartbeat_at.isoformat(sep=" ", timespec="seconds")
    assert _warning_after(qtbot, view.open_btn) == (
        f"run {killed} is not complete; its state is incomplete: stopped after 12 of 120 days "
        f"without being saved (no progress recorded since {since} UTC; its process probably "
        "ended without finishing, e.g. was killed). It has nothing stored to open"
    )


def test_saving_into_a_file_that_is_not_a_database_says_why_in_chinese(
    qtbot, chinese, make_window, tmp_path
):
    """The engine's own process refuses the database; the window says why in Chinese."""
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"hello world, plain text")
    win = make_window(locale="zh_CN", preset="classroom_zh", policy="crackdown_zh", db=notes)
    setup_run(qtbot, win)
    click_action(qtbot, win, win.controls.step)
    qtbot.waitUntil(lambda: win.days_done >= 1, timeout=WAIT_MS)
    reports = tmp_path / "reports"
    reports.mkdir()

    def pick_folder(dialog) -> None:
        dialog.setDirectory(str(reports))
        dialog.accept()

    when_dialog(QFileDialog, pick_folder)
    choose_from_menu(qtbot, win, "menuFile", "saveRun")
    qtbot.waitUntil(lambda: win.statusBar().currentMessage().startswith("错误："), timeout=WAIT_MS)
    said = win.statusBar().currentMessage()
    _chinese(said)
    assert said == (
        f"错误：{notes.resolve()} 不是 SQLite 数据库（它以 b'hello wo' 开头），所以也不是 "
        "Circle Lab 的数据库；没有向它写入任何内容"
    )
    assert notes.read_bytes() == b"hello world, plain text"
