"""The account inspector says why the policy acted in the interface's language: in the
Chinese window a strike-ladder step reads in Chinese, with the rule's name and the post
id as they are and the numbers the engine counted (read back from the English the run
stored); a stored reason that does not read back is shown as it was stored."""

from __future__ import annotations

import re
import sqlite3

from PySide6.QtCore import Qt

from policy.reasons import parse
from tests.app.conftest import WAIT_MS, run_to_end, setup_run
from tests.app.test_gui import _find_removed_post

HAN = re.compile("[\u4e00-\u9fff]")
LATIN = re.compile("[A-Za-z]")
REASON_COLUMN = 4


def _reasons(inspector) -> list[str]:
    table = inspector.events
    return [table.item(r, REASON_COLUMN).text() for r in range(table.rowCount())]


def test_the_inspector_says_why_in_chinese(qtbot, chinese, make_window):
    win = make_window(locale="zh_CN", preset="classroom_zh", policy="crackdown_zh", days=36)
    setup_run(qtbot, win)
    run_to_end(qtbot, win)
    _find_removed_post(qtbot, win)
    view = win.feed.view
    post = win.feed.model.post(0)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(win.feed.model.index(0)).center(),
    )
    inspector = win.account_inspector
    qtbot.waitUntil(lambda: inspector.info.get("account") == post["author"], timeout=WAIT_MS)
    events = inspector.info["events"]
    assert events, "the author of a removed post has a strike"
    shown = _reasons(inspector)
    assert len(shown) == len(events)
    for event, text in zip(events, shown, strict=True):
        assert event["reason"].startswith("strike ladder: ")  # the engine's English
        reason = parse(event["reason"])
        assert reason is not None and reason.key == "ladder", event["reason"]
        assert text.startswith("违规计分阶梯："), text
        assert f"{reason['window']} 天内 {reason['total']:.2f} 分" in text, text
        assert f"规则“{reason['rule']}”" in text and f"帖子 {reason['post']}" in text, text
        assert reason["rule"] == "个人账号违禁商品"
        assert HAN.search(text) and not LATIN.search(text), text  # "strike ladder", "90d"


def test_a_stored_run_reads_in_chinese_and_an_unknown_reason_as_stored(qtbot, chinese, tmp_path):
    """A run stored in a database (reasons in English only, as every version stored
    them) reads in Chinese; a reason that does not read back (worded by another version)
    is shown as it was stored."""
    from typer.testing import CliRunner

    from app.inspectors import AccountInspector
    from app.stored import StoredRun
    from simulation.cli.main import app
    from simulation.runs.storage import engine_for, open_db

    db = tmp_path / "runs.db"
    args = ["run", "--scenario", "classroom_zh", "--policy", "crackdown_zh", "--days", "33"]
    assert CliRunner().invoke(app, [*args, "--db", str(db)]).exit_code == 0
    engine_for.cache_clear()
    con = sqlite3.connect(db)
    (account,) = con.execute(
        "SELECT account FROM moderationevent GROUP BY account HAVING count(*) > 1 LIMIT 1"
    ).fetchone()
    rows = con.execute(
        "SELECT id, reason FROM moderationevent WHERE account = ? ORDER BY id", (account,)
    ).fetchall()
    other = "strike ladder, as a later version words it"
    con.execute("UPDATE moderationevent SET reason = ? WHERE id = ?", (other, rows[-1][0]))
    con.commit()
    con.close()
    english = [reason for _id, reason in rows[:-1]]
    assert all(parse(reason) is not None for reason in english), english

    stored = StoredRun(open_db(str(db)), 1)
    inspector = AccountInspector()
    qtbot.addWidget(inspector)
    inspector.show_account(stored.account(account))
    shown = _reasons(inspector)
    assert len(shown) == len(rows) and shown.count(other) == 1, shown
    for text in shown:
        if text != other:
            assert HAN.search(text) and not text.startswith("strike ladder"), text
    reasons = [parse(reason) for reason in english]
    posts = [reason["post"] for reason in reasons if reason.key == "ladder"]
    assert posts, english
    assert all(any(f"帖子 {post}" in text for text in shown) for post in posts), shown
