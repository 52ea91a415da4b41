"""YAML colouring for the policy editor: keys, comments, strings, numbers, actions."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app import theme

ACTIONS = ("allow", "label", "downrank", "remove", "review", "restrict", "ban", "warn")


def _fmt(colour: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(colour))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    f.setFontItalic(italic)
    return f


class YamlHighlighter(QSyntaxHighlighter):
    """Line-by-line rules; YAML policies have no multi-line constructs worth colouring."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self.set_dark(dark)

    def set_dark(self, dark: bool) -> None:
        c = theme.scheme(dark).syntax
        self.rules: list[tuple[re.Pattern[str], QTextCharFormat, int]] = [
            (re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w.-]*)\s*:"), _fmt(c["key"], bold=True), 1),
            (re.compile(r"[{,]\s*([A-Za-z_][\w.-]*)\s*:"), _fmt(c["key"], bold=True), 1),
            (re.compile(r"\b(" + "|".join(ACTIONS) + r")\b"), _fmt(c["act"], bold=True), 1),
            (re.compile(r"\b(true|false|null|and|or|not|any|all)\b"), _fmt(c["kw"]), 1),
            (re.compile(r"(?<![\w.])(-?\d+(?:\.\d+)?)\b"), _fmt(c["num"]), 1),
            (re.compile(r"(\"[^\"]*\"|'[^']*')"), _fmt(c["str"]), 1),
        ]
        self.comment = _fmt(c["com"], italic=True)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        comment_at = _comment_start(text)
        code = text if comment_at < 0 else text[:comment_at]
        for pattern, fmt, group in self.rules:
            for m in pattern.finditer(code):
                self.setFormat(m.start(group), m.end(group) - m.start(group), fmt)
        if comment_at >= 0:
            self.setFormat(comment_at, len(text) - comment_at, self.comment)


def _comment_start(text: str) -> int:
    """Index of a ``#`` that starts a comment (not inside quotes), or -1."""
    quote = ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1] in " \t"):
            return i
    return -1
