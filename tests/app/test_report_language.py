"""A run saved from the Chinese window (File → Save run) gets its report in Chinese, as
the window speaks; the English window's stays English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.app.conftest import WAIT_MS, choose_from_menu, run_to_end, setup_run, when_dialog
from tests.simulation.test_report_language import HAN, assert_chinese_report, headings


def _save_report(qtbot, win, folder) -> str:
    """File → Save run, choosing ``folder``; the report.html it writes."""

    def pick_folder(dialog) -> None:
        dialog.setDirectory(str(folder))
        dialog.accept()

    when_dialog(QFileDialog, pick_folder)
    choose_from_menu(qtbot, win, "menuFile", "saveRun")

    def placed() -> list:  # moved into place (built beside it in a hidden folder)
        return [p for p in folder.glob("*/report.html") if not p.parent.name.startswith(".")]

    qtbot.waitUntil(lambda: bool(placed()), timeout=WAIT_MS)
    (page,) = placed()
    return page.read_text("utf-8")


@pytest.mark.parametrize("locale", ["en_US", "zh_CN"])
def test_a_saved_report_speaks_the_windows_language(qtbot, request, make_window, tmp_path, locale):
    from tests.app.conftest import interface

    interface(request, locale)
    zh = locale == "zh_CN"
    win = make_window(
        locale=locale,
        preset="classroom_zh" if zh else "classroom",
        policy="crackdown_zh" if zh else "crackdown",
        days=33,
    )
    setup_run(qtbot, win)
    run_to_end(qtbot, win)
    folder = tmp_path / "reports"
    folder.mkdir()
    page = _save_report(qtbot, win, folder)
    if zh:
        assert_chinese_report(page)
    else:
        assert headings(page)[1] == "Headline numbers"
        assert not HAN.search(page.split("<pre>")[0])
