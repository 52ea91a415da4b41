"""A policy's problems in the interface's language: the Chinese window says in Chinese what
is wrong (a validation error, a validator's error, a lint warning), with the user's own
words as typed; the English window shows exactly what it showed before.

Text is typed into the real editor (a double-click selects a word, keys replace it);
``tests/policy/problem_files/window_en.json`` is what the English policy panel showed
for each broken policy there before problems carried templates.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from tests.app.conftest import WAIT_MS

FILES = Path(__file__).resolve().parents[1] / "policy" / "problem_files"
HAN = re.compile("[\u4e00-\u9fff]")


def _line_of(editor, needle: str) -> int:
    """0-based number of the first line holding ``needle``."""
    return next(i for i, s in enumerate(editor.toPlainText().splitlines()) if needle in s)


def _cursor_at(editor, line: int, column: int) -> QTextCursor:
    cursor = QTextCursor(editor.document().findBlockByNumber(line))
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=column)
    editor.setTextCursor(cursor)
    editor.centerCursor()
    return cursor


def select_word(qtbot, editor, needle: str, word: str) -> None:
    """Double-click ``word`` on the first line holding ``needle`` (the word is selected)."""
    line = _line_of(editor, needle)
    column = editor.document().findBlockByNumber(line).text().index(needle) + needle.index(word)
    cursor = _cursor_at(editor, line, column + len(word) // 2)
    pos = editor.cursorRect(cursor).center()
    qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert editor.textCursor().selectedText() == word


def click_end_of_line(qtbot, editor, needle: str) -> None:
    """Click right of the end of the first line holding ``needle``."""
    line = _line_of(editor, needle)
    cursor = _cursor_at(editor, line, len(editor.document().findBlockByNumber(line).text()))
    pos = editor.cursorRect(cursor).center()
    pos.setX(pos.x() + 40)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert editor.textCursor().atBlockEnd() and editor.textCursor().blockNumber() == line


def commit_hanzi(editor, text: str) -> None:
    """Type hanzi as a Chinese input method does: it commits the chosen characters to the
    focused widget (QTest's key clicks know ASCII keys only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)


def shown(panel) -> list[tuple[str, str]]:
    """(text, tooltip) of each row of the problem list."""
    rows = [panel.issues.item(i) for i in range(panel.issues.count())]
    return [(row.text(), row.toolTip()) for row in rows]


def marks(editor) -> list[str]:
    """The tooltips of the editor's marks at problem lines."""
    return [s.format.toolTip() for s in editor.extraSelections()]


def _plain(tooltip: str) -> str:
    """A rich-text tooltip's text."""
    return html.unescape(re.sub(r"<[^>]+>", "", tooltip)).replace("\xa0", " ")


def test_the_chinese_window_says_what_is_wrong_in_chinese(qtbot, chinese, make_window):
    win = make_window(locale="zh_CN", preset="classroom_zh", policy="crackdown_zh")
    win.policy_dock.raise_()
    panel, editor = win.policy_panel, win.policy_panel.editor
    qtbot.waitUntil(lambda: editor.policy is not None and not editor.checking(), timeout=WAIT_MS)
    # the preset's own warnings: what its terms reach in innocent text, in Chinese too
    baseline = panel.issues.count()
    assert all(text.startswith("⚠ 第 ") for text, _tip in shown(panel))

    # a validation error: a misspelt action
    select_word(qtbot, editor, "action: remove", "remove")
    qtbot.keyClicks(editor, "remvoe")
    qtbot.waitUntil(lambda: panel.issues.count() == 1, timeout=WAIT_MS)
    ((text, tip),) = shown(panel)
    line = _line_of(editor, "action: remvoe") + 1
    assert text.startswith(f"✗ 第 {line} 行 rules[0].action: 应为 ")
    assert "'remove', 'review', 'restrict' 或 'ban'，实际为 'remvoe'" in text
    assert tip == text.split("rules[0].action: ", 1)[1]
    assert not re.search(r"\b(Input|should|got)\b", text)
    assert panel.status.text() == "✗ 1 个问题 — 生效中的策略保持不变"
    assert any("实际为 'remvoe'" in _plain(mark) for mark in marks(editor))
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.policy is not None and not editor.checking(), timeout=WAIT_MS)
    assert panel.issues.count() == baseline

    # a validator's error: a strike ladder written out of order
    select_word(qtbot, editor, "{at: 3", "3")
    qtbot.keyClicks(editor, "1")
    qtbot.waitUntil(lambda: panel.issues.count() == 1, timeout=WAIT_MS)
    ((text, tip),) = shown(panel)
    assert "enforcement.strikes.ladder" in text
    assert tip == (
        "处罚阶梯的各步必须按违规计分递增：第 3 步（ban，1 分）排在第 2 步（restrict，2 分）"
        "之后；每一步的计分都应高于前一步"
    )
    assert "Value error" not in text and "ladder's" not in text
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.policy is not None and not editor.checking(), timeout=WAIT_MS)

    # lint warnings: a detector no rule uses, holding a one-hanzi term the user typed
    click_end_of_line(qtbot, editor, "detectors:")
    for typed in ("  spare:", "    type: keywords", "    terms: {tobacco: ["):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, typed)
    commit_hanzi(editor, "烟")
    qtbot.keyClicks(editor, "]}")
    assert "    terms: {tobacco: [烟]}" in editor.toPlainText()
    qtbot.waitUntil(
        lambda: editor.policy is not None and not editor.checking() and panel.issues.count() > 0,
        timeout=WAIT_MS,
    )
    rows = [text for text, _tip in shown(panel)]
    assert all(row.startswith("⚠ 第 ") for row in rows)
    assert any(row.endswith("detectors.spare: 检测器 'spare' 没有被任何规则使用") for row in rows)
    short = [row for row in rows if "词条 '烟' 规范化后为 '烟'，不足 3 个字母" in row]
    assert short and "detectors.spare.terms.tobacco[0]" in short[0]
    for row in rows:
        assert HAN.search(row.split(": ", 1)[1]), row
        assert not re.search(r"\b(term|detector|rule|unreachable|normalises)\b", row), row
    assert re.fullmatch(r"✓ 有效：.+ — ⚠ 下方有 \d+ 条警告：仍可应用", panel.status.text())


def _paste(qtbot, editor, text: str) -> None:
    """Select all and paste ``text`` (Ctrl+A, Ctrl+V), as a person replacing the text."""
    QApplication.clipboard().setText(text)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_the_english_window_shows_the_problems_as_before(qtbot, make_window):
    before = json.loads((FILES / "window_en.json").read_text(encoding="utf-8"))
    assert sorted(before) == sorted(p.name for p in FILES.glob("*.yaml"))
    win = make_window()
    win.policy_dock.raise_()
    panel, editor = win.policy_panel, win.policy_panel.editor
    for name, was in before.items():
        _paste(qtbot, editor, (FILES / name).read_text(encoding="utf-8"))
        qtbot.waitUntil(lambda: not editor.checking() and panel.issues.count() > 0, timeout=WAIT_MS)
        now = {
            "status": panel.status.text(),
            "items": [text for text, _tip in shown(panel)],
            "tooltips": [tip for _text, tip in shown(panel)],
            "marks": marks(editor),
        }
        assert now == was, name


def _problems(name: str):
    from policy.errors import LocatedError
    from policy.lint import lint
    from policy.loader import load_policy

    try:
        return lint(load_policy(FILES / name))
    except LocatedError as exc:
        return exc.problems


def test_a_problem_line_reads_as_the_command_line_in_english(qapp):
    """The lesson dialog's lines (app.problems.problem_line) are str(problem) in English."""
    from app.problems import WHOLE_FILE, problem_line
    from policy import errors

    assert WHOLE_FILE == errors.WHOLE_FILE
    problems = [p for f in sorted(FILES.glob("*.yaml")) for p in _problems(f.name)]
    assert len(problems) > 30
    for problem in problems:
        assert problem_line(problem) == str(problem)


def test_a_problem_line_in_chinese_keeps_the_place(qapp, chinese):
    from app.problems import problem_line
    from policy.errors import LocatedError
    from policy.loader import load_policy_text

    with pytest.raises(LocatedError) as info:
        load_policy_text("", "empty.yaml", cache=False)
    (problem,) = info.value.problems
    assert problem_line(problem) == "empty.yaml:1:1: （整个文件）: 文件是空的；应为由键组成的映射"
