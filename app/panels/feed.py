"""The Friends Circle as one watched user sees it on the cursor's day."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.counts import bind_count
from app.feed_delegate import FeedDelegate
from app.feed_model import REMOVED, FeedModel


def make_feed_view(model: FeedModel, parent: QWidget | None = None) -> QListView:
    """A virtualised list of cards: uniform sizes, so only visible rows are ever asked."""
    view = QListView(parent)
    view.setObjectName("feedView")
    view.setModel(model)
    view.setItemDelegate(FeedDelegate(view))
    view.setUniformItemSizes(True)
    # cards are as wide as the view (their text is elided to fit): never a sideways scroll
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalScrollBar().setSingleStep(24)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setMouseTracking(True)
    return view


class FeedPanel(QWidget):
    """Viewer picker, type filter and the phone-like column of cards."""

    feedRequested = Signal(int, int)  # viewer, day
    postActivated = Signal(dict)  # every column of the clicked post
    feedShown = Signal(int, int)  # viewer, day: the cards now show this feed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = 0
        self.model = FeedModel(self)
        self.viewer = QComboBox()
        self.viewer.setObjectName("feedViewer")
        self.viewer.setToolTip(self.tr("Whose Friends Circle to show (a watched user)"))
        self.viewer.currentIndexChanged.connect(lambda _i: self.request())
        self.filter = QComboBox()
        self.filter.setObjectName("feedFilter")
        for label, value in (
            (self.tr("All posts"), None),
            (self.tr("Life"), 0),
            (self.tr("Ads"), 1),
            (self.tr("Spam"), 2),
            (self.tr("Restricted offers"), 3),
            (self.tr("Removed"), REMOVED),
        ):
            self.filter.addItem(label, value)
        self.filter.currentIndexChanged.connect(
            lambda _i: self.model.set_kind_filter(self.filter.currentData())
        )
        self.title = QLabel()
        self.title.setObjectName("feedTitle")
        self.title.setWordWrap(True)
        self.view = make_feed_view(self.model, self)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        phone = QFrame()
        phone.setObjectName("phone")
        self.phone = phone
        inner = QVBoxLayout(phone)
        inner.setContentsMargins(6, 10, 6, 10)
        inner.addWidget(self.title)
        inner.addWidget(self.view, 1)
        top = QHBoxLayout()
        top.addWidget(self.viewer, 1)
        top.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(phone, 1)
        self.count = bind_count(self.title, self.model, self._title_text)
        self._title_points = self.title.font().pointSizeF()

    def clear_run(self) -> None:
        """Forget the run: no viewers, no feed, day 0 (the filter stays as chosen)."""
        self.set_viewers(())
        self.day = 0

    def set_viewers(self, viewers: tuple[int, ...] | list[int]) -> None:
        self.viewer.blockSignals(True)
        self.viewer.clear()
        for v in viewers:
            self.viewer.addItem(self.tr("User #{0}").format(v), int(v))
        self.viewer.blockSignals(False)
        self.model.clear()

    def current_viewer(self) -> int | None:
        data = self.viewer.currentData()
        return None if data is None else int(data)

    def set_day(self, day: int) -> None:
        if day != self.day or self.model.day is None:
            self.day = day
            self.request()

    def request(self) -> None:
        viewer = self.current_viewer()
        if viewer is not None:
            self.feedRequested.emit(viewer, self.day)

    def show_feed(self, viewer: int, day: int, frame: pd.DataFrame) -> None:
        """Show a feed if it is still the one asked for (replies may arrive late)."""
        if viewer == self.current_viewer() and day == self.day:
            self.model.set_frame(frame, day)
            self.feedShown.emit(viewer, day)

    def _title_text(self, shown: int) -> str:
        """The title above the cards: the model's own day and counts, nothing else."""
        model = self.model
        if model.day is None:
            return self.tr("Friends Circle · no feed yet")
        if model.kind_filter is None:
            return self.tr("Friends Circle · day {0} · {1} posts").format(model.day, shown)
        return self.tr("Friends Circle · day {0} · {1} of {2} posts ({3})").format(
            model.day, shown, model.n_all, self.filter.currentText()
        )

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.postActivated.emit(self.model.post(index.row()))

    def show_first_removed(self) -> dict[str, Any] | None:
        """Scroll to the first removed post and select it (not clicked: its author is
        not inspected); None when the feed shows none."""
        for row in range(self.model.rowCount()):
            post = self.model.post(row)
            if post["removed_at_hours"] == post["removed_at_hours"]:  # not NaN
                index = self.model.index(row)
                self.view.scrollTo(index, self.view.ScrollHint.PositionAtTop)
                self.view.setCurrentIndex(index)
                return post
        return None

    def select_first_removed(self) -> dict[str, Any] | None:
        """Helper for scripted demos: click the first removed post, if any."""
        post = self.show_first_removed()
        if post is not None:
            self.postActivated.emit(post)
        return post

    def set_highlight(self, on: bool) -> None:
        """Frame the feed in the theme's highlight colour (a lesson points at it)."""
        self.phone.setProperty("highlight", "true" if on else "false")
        self.phone.style().unpolish(self.phone)
        self.phone.style().polish(self.phone)

    def set_scale(self, scale: float) -> None:
        """Cards and titles ``scale`` times their size (the presentation view)."""
        delegate = self.view.itemDelegate()
        if isinstance(delegate, FeedDelegate):
            delegate.scale = scale
        font = self.title.font()
        font.setPointSizeF(self._title_points * scale)
        self.title.setFont(font)
        self.view.doItemsLayout()
        self.view.viewport().update()

    def set_flags(self) -> None:
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
