"""A one-line label that never widens its panel.

A QLabel asks for the width of its whole text; a path or a long name in a dock's label
then sets the dock's minimum width, and the window grows past the screen to honour it.
:class:`ElidedLabel` takes the width its layout gives and cuts what does not fit with an
ellipsis: in the folders of the path it is told about when there is one (``Editing:
/tmp/…/drafts/mine.yaml``: the file's name stays whole), else in the middle. The whole
text is :meth:`ElidedLabel.full_text` (callers put it in the tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIDDLE = Qt.TextElideMode.ElideMiddle


class ElidedLabel(QLabel):
    """A plain-text, one-line label elided to its width (see the module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._path = ""
        self.setTextFormat(Qt.TextFormat.PlainText)  # paths and names: user text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str, path: str = "") -> None:
        """Show ``text``; ``path``, a part of it, is where to cut first (its folders)."""
        self._full = text
        self._path = path if path and path in text else ""
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self._full if width <= 0 else self.elided(width)
        if shown != super().text():
            super().setText(shown)

    def elided(self, width: int) -> str:
        """The text as shown in ``width`` pixels."""
        fm = self.fontMetrics()
        full = self._full
        if fm.horizontalAdvance(full) <= width:
            return full
        if self._path:
            head, _, tail = full.partition(self._path)
            cut = max(self._path.rfind("/"), self._path.rfind("\\"))
            folder, name = self._path[:cut], self._path[cut:]  # name keeps its separator
            room = width - fm.horizontalAdvance(head + name + tail)
            if folder and room >= fm.horizontalAdvance("…"):
                return head + fm.elidedText(folder, MIDDLE, room) + name + tail
        return fm.elidedText(full, MIDDLE, width)
