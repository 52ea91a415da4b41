"""The policy's YAML text: line numbers, error marks at their line, validation as you type.

Parsing a policy takes ~20 ms, so it runs in the GUI thread, debounced by
``DEBOUNCE_MS`` after the last keystroke. A broken text is never thrown away and never
replaces the last valid policy: ``validated`` reports either a policy or the issues.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QMimeData, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from app import theme
from app.highlighter import YamlHighlighter
from app.problems import problem_text
from policy import PolicyError, load_policy_text

DEBOUNCE_MS = 300
INDENT = "  "  # YAML allows no tab characters for indentation: Tab inserts spaces


class _Gutter(QWidget):
    def __init__(self, editor: PolicyEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(event)


class PolicyEditor(QPlainTextEdit):
    """A YAML editor that validates the policy it holds."""

    # True when the text compiled; read ``policy`` and ``issues``. (A bool, not the policy:
    # emitting None through Signal(object) corrupts None's refcount in PySide6 6.12.)
    validated = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 2)
        self.highlighter = YamlHighlighter(self.document())
        self.source_name = "<editor>"
        self.issues: list[Any] = []  # errors: the text cannot be used
        self.warnings: list[Any] = []  # lint warnings of a text that compiled
        self.error_lines: dict[int, str] = {}
        self.warning_lines: dict[int, str] = {}
        self.policy: Any = None  # the last policy this text compiled to (None if broken)
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._update_gutter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.validate)
        self._pending = False  # a loaded text waits for check_pending (see set_source)
        self.textChanged.connect(self._timer.start)
        self._update_margins()

    # ------------------------------------------------------------- indentation
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Tab indents with spaces (the selected lines, or up to the next stop);
        Shift+Tab takes one indentation step off the current or selected lines."""
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if event.key() == Qt.Key.Key_Tab and plain:
            self.indent()
            return
        if event.key() == Qt.Key.Key_Backtab and plain:
            self.dedent()
            return
        super().keyPressEvent(event)

    def _selected_blocks(self) -> tuple[int, int] | None:
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        doc = self.document()
        first = doc.findBlock(cur.selectionStart()).blockNumber()
        last_block = doc.findBlock(cur.selectionEnd())
        last = last_block.blockNumber()
        if last > first and cur.selectionEnd() == last_block.position():
            last -= 1  # a selection ending at a line's start leaves that line alone
        return first, last

    def indent(self) -> None:
        span = self._selected_blocks()
        cur = self.textCursor()
        if span is None or (span[0] == span[1] and "\u2029" not in cur.selectedText()):
            cur.removeSelectedText()
            column = cur.positionInBlock()
            cur.insertText(" " * (len(INDENT) - column % len(INDENT)))
            self.setTextCursor(cur)
            return
        first, last = span
        cur.beginEditBlock()
        for number in range(first, last + 1):
            QTextCursor(self.document().findBlockByNumber(number)).insertText(INDENT)
        cur.endEditBlock()

    def dedent(self) -> None:
        span = self._selected_blocks()
        cur = self.textCursor()
        first, last = span if span is not None else (cur.blockNumber(), cur.blockNumber())
        cur.beginEditBlock()
        for number in range(first, last + 1):
            block = self.document().findBlockByNumber(number)
            text = block.text()
            n = len(text) - len(text.lstrip(" "))
            take = min(n, len(INDENT))
            if take:
                line = QTextCursor(block)
                line.movePosition(
                    QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, take
                )
                line.removeSelectedText()
        cur.endEditBlock()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted tab characters become spaces too."""
        if source.hasText() and "\t" in source.text():
            self.textCursor().insertText(source.text().replace("\t", INDENT))
            return
        super().insertFromMimeData(source)

    # ------------------------------------------------------------- validation
    def set_source(self, text: str, name: str, check_now: bool = True) -> None:
        """Load a file's text (undoable, so a load never loses the user's edits).

        ``check_now=False`` leaves the check to the debounce timer (the window's start:
        compiling a policy must not hold the first paint); whoever needs the policy
        before then (Setup, Apply) gets it checked on the spot through ``validate``."""
        self.source_name = name
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if check_now:
            self.validate()
        else:
            self._timer.stop()  # the text's own change started it
            self.policy, self.issues = None, []
            self._pending = True

    def checking(self) -> bool:
        """A check of the text is pending (its result not known yet)."""
        return self._pending or self._timer.isActive()

    def check_pending(self) -> None:
        """Run the check that ``set_source(check_now=False)`` left for later, if any."""
        if self._pending:
            self.validate()

    def validate(self) -> Any:
        """Parse now; returns the policy or None. Never raises."""
        self._timer.stop()
        self._pending = False
        try:
            policy = load_policy_text(self.toPlainText(), self.source_name)
        except PolicyError as exc:
            self._show_issues(list(exc.issues))
            self.policy = None
        except Exception as exc:  # a loader bug must not take the editor down
            from policy.errors import Issue

            message = self.tr("internal error: {0}").format(exc)
            self._show_issues([Issue(self.source_name, 0, 0, "", message)])
            self.policy = None
        else:
            self._show_issues([], self._lint(policy))
            self.policy = policy
        self.validated.emit(self.policy is not None)
        return self.policy

    def _lint(self, policy: Any) -> list[Any]:
        """The lint warnings of a compiled policy (never raises: a lint bug is one
        warning, not a broken editor)."""
        from policy.errors import Issue
        from policy.lint import lint

        try:
            return lint(policy)
        except Exception as exc:
            message = self.tr("lint failed: {0}").format(exc)
            return [Issue(self.source_name, 0, 0, "", message, "warning")]

    def _show_issues(self, issues: list[Any], warnings: list[Any] | None = None) -> None:
        self.issues = issues
        self.warnings = list(warnings or [])
        self.error_lines = {}  # line -> the first problem's message, as the list shows it
        self.warning_lines = {}
        for issue in issues:
            if issue.line > 0:
                self.error_lines.setdefault(issue.line, problem_text(issue))
        for warning in self.warnings:
            if warning.line > 0 and warning.line not in self.error_lines:
                self.warning_lines.setdefault(warning.line, problem_text(warning))
        selections = []
        marks = [
            (line, message, theme.current().error) for line, message in self.error_lines.items()
        ]
        marks += [
            (line, message, theme.current().warning) for line, message in self.warning_lines.items()
        ]
        for line, message, colour in marks:
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            sel = QTextEdit.ExtraSelection()
            sel.format.setUnderlineStyle(sel.format.UnderlineStyle.WaveUnderline)
            error = QColor(colour)
            sel.format.setUnderlineColor(error)
            sel.format.setBackground(QColor(error.red(), error.green(), error.blue(), 40))
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.format.setToolTip(QtGui.Qt.convertFromPlainText(message))  # user text
            cur = QTextCursor(block)
            cur.select(QTextCursor.SelectionType.LineUnderCursor)
            sel.cursor = cur
            selections.append(sel)
        self.setExtraSelections(selections)
        self._gutter.update()

    def go_to_line(self, line: int, column: int = 1) -> None:
        block = self.document().findBlockByNumber(max(0, line - 1))
        cur = QTextCursor(block)
        cur.movePosition(QTextCursor.MoveOperation.Right, n=max(0, column - 1))
        self.setTextCursor(cur)
        self.centerCursor()
        self.setFocus()

    # ------------------------------------------------------------- gutter
    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * digits + 10

    def _update_margins(self, *_: Any) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self._gutter)
        pal = self.palette()
        painter.fillRect(event.rect(), pal.alternateBase())
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                line = number + 1
                mark = (
                    theme.current().error
                    if line in self.error_lines
                    else theme.current().warning
                    if line in self.warning_lines
                    else None
                )
                if mark is not None:
                    painter.setBrush(QColor(mark))
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.drawEllipse(3, top + height // 2 - 4, 8, 8)
                painter.setPen(QColor(theme.current().muted))
                painter.drawText(
                    0, top, self._gutter.width() - 6, height, Qt.AlignmentFlag.AlignRight, str(line)
                )
            block = block.next()
            top = bottom
            number += 1
