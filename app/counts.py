"""Counts shown above lists come from the list's own model, and only from it.

A label bound with :func:`bind_count` is rewritten whenever the model it counts
changes (reset, rows in or out, a filter), so "30 posts" can never sit above an empty
list. The text itself is the caller's: a function of the model's row count.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QObject, Slot
from PySide6.QtWidgets import QLabel


class CountBinding(QObject):
    """Keeps ``label`` equal to ``text(model.rowCount())``; :meth:`update` re-reads the
    other parts of the text (e.g. the day) when they change. It is a child of the label,
    so the connections end with the label."""

    def __init__(
        self, label: QLabel, model: QAbstractItemModel, text: Callable[[int], str]
    ) -> None:
        super().__init__(label)
        self.label, self.model, self.text = label, model, text
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self.update)
        self.update()

    @Slot()
    def update(self) -> None:
        self.label.setText(self.text(self.model.rowCount()))


def bind_count(
    label: QLabel, model: QAbstractItemModel, text: Callable[[int], str]
) -> CountBinding:
    """Bind ``label`` to the row count of ``model`` (see :class:`CountBinding`)."""
    return CountBinding(label, model, text)
