"""The notice under a removed post says so whole in a narrow feed. At 1280×720 the feed's
cards are about 260 px wide and the notice read "Post removed for viola…" (Chinese:
"该内容因违反社区规范…"); a card now says "Post removed" (已删除) where the whole
sentence does not fit, and the whole sentence where it does. A card's tooltip holds its
whole post (a card shows three lines of it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyleOptionViewItem

from tests.app.conftest import (
    WAIT_MS,
    choose_from_menu,
    interface,
    pause,
    run_until,
    setup_run,
)


@pytest.mark.parametrize("locale", ["en_US", "zh_CN"])
@pytest.mark.parametrize("size", [(1280, 720), (1600, 1000)])
def test_a_removed_posts_notice_is_never_cut(qtbot, request, make_window, locale, size):
    interface(request, locale)
    zh = locale == "zh_CN"
    win = make_window(
        locale=locale,
        preset="classroom_zh" if zh else "classroom",
        days=40,
        policy="crackdown_zh" if zh else "crackdown",
    )
    win.resize(*size)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == size, timeout=WAIT_MS)
    choose_from_menu(qtbot, win, "menuView", "resetLayout")
    setup_run(qtbot, win)
    run_until(qtbot, win, 40)
    pause(qtbot, win)
    win.show_removed_post()  # as a lesson's feed step does: a removed post, scrolled to
    feed, view = win.feed, win.feed.view
    qtbot.waitUntil(lambda: view.currentIndex().isValid(), timeout=WAIT_MS)
    index = view.currentIndex()
    post = feed.model.post(index.row())
    assert post["removed_at_hours"] == post["removed_at_hours"]  # removed (not NaN)

    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.font = view.font()
    option.rect = view.visualRect(index)
    metrics = QFontMetricsF(delegate.notice_font(option))
    width = delegate.notice_width(option)
    for is_banned, full, short in (
        (False, delegate.removed_text, delegate.removed_short),
        (True, delegate.banned_text, delegate.banned_short),
    ):
        shown = delegate.notice(metrics, width, is_banned)
        assert "…" not in shown and metrics.horizontalAdvance(shown) <= width, shown
        assert shown == (full if metrics.horizontalAdvance(full) <= width else short)
        if zh:
            assert shown in (
                "该内容因违反社区规范已被删除",
                "已删除",
                "该账号因违反社区规范已被封禁",
                "已封号",
            )
    if size == (1280, 720):  # the narrow feed: the whole sentence does not fit there
        assert delegate.notice(metrics, width, False) == delegate.removed_short
    # the card's tooltip: the whole post
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{post['author_name']}\n{post['text']}"
