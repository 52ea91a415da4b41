"""Paints one feed post as a Moments card: avatar, name, text, image, time, likes.

Cards have one height (``CARD_HEIGHT``) so the view can use uniform item sizes: it
then never asks a million rows for their size, only paints the visible ones.
"""

from __future__ import annotations

import math
import zlib

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app import theme
from app.feed_model import BANNED_STATUS, ROLE
from app.i18n import KIND_NAMES, t

CARD_HEIGHT = 172
MIN_CARD_WIDTH = 160  # px: narrower views cut the cards on the right
AVATAR = 44
PAD = 12
IMAGE = 64
MAX_TEXT_LINES = 3
AVATAR_COLOURS = theme.AVATAR_COLOURS


def _colour_for(name: str) -> QColor:
    return QColor(AVATAR_COLOURS[zlib.crc32(name.encode("utf-8")) % len(AVATAR_COLOURS)])


class FeedDelegate(QStyledItemDelegate):
    """Draws posts; texts come from the model's custom roles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.removed_text = self.tr("Post removed for violating community rules")
        self.banned_text = self.tr("Account banned for violating community rules")
        # what a narrow card says instead (at 1280×720 the long notice was cut to "Post
        # removed for viola…")
        self.removed_short = self.tr("Post removed")
        self.banned_short = self.tr("Account banned")
        self.day_text = self.tr("Day {day} · {time}")
        self.scale = 1.0  # the presentation view draws cards larger

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # a narrow width: the list stretches every card to the view's width (a wider hint
        # is kept as the cards' width when the view shrinks, and they spill out of it)
        return QSize(MIN_CARD_WIDTH, round(CARD_HEIGHT * self.scale))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if self.scale != 1.0:  # draw the card at its usual size, magnified
            painter.save()
            rect = option.rect
            painter.translate(rect.topLeft())
            painter.scale(self.scale, self.scale)
            scaled = QStyleOptionViewItem(option)
            scaled.rect = QRect(
                0, 0, round(rect.width() / self.scale), round(rect.height() / self.scale)
            )
            self._paint(painter, scaled, index)
            painter.restore()
        else:
            self._paint(painter, option, index)

    def _paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        s = theme.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(6, 4, -6, -4)
        bg = QColor(s.card)
        if option.state & QStyle.StateFlag.State_Selected:
            bg = QColor(s.card_selected)
        painter.setPen(QPen(QColor(s.card_border), 1))
        painter.setBrush(bg)
        painter.drawRoundedRect(card, 10, 10)
        text_colour = QColor(s.text)
        muted = QColor(s.muted)

        name = str(index.data(ROLE["author_name"]) or "")
        kind = int(index.data(ROLE["kind"]) or 0)
        removed_at = index.data(ROLE["removed_at_hours"])
        removed = removed_at is not None and not math.isnan(float(removed_at))
        banned = int(index.data(ROLE["author_status"]) or 0) == BANNED_STATUS

        # avatar: a coloured rounded square with the first letter, like a default avatar
        x0, y0 = int(card.left()) + PAD, int(card.top()) + PAD
        avatar = QRectF(x0, y0, AVATAR, AVATAR)
        path = QPainterPath()
        path.addRoundedRect(avatar, 6, 6)
        painter.fillPath(path, _colour_for(name))
        painter.setPen(QColor("white"))
        f = QFont(option.font)
        f.setPointSizeF(option.font.pointSizeF() * 1.3)
        f.setBold(True)
        painter.setFont(f)
        painter.drawText(avatar, Qt.AlignmentFlag.AlignCenter, name[:1].upper() or "?")

        left = x0 + AVATAR + PAD
        width = int(card.right()) - PAD - left
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(s.author))
        fm = QFontMetrics(bold)
        painter.drawText(
            QRect(left, y0, width - 70, fm.height()),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(name, Qt.TextElideMode.ElideRight, width - 70),
        )
        # the ground truth, small, in the corner: this is a lab, not the real app
        small = self.notice_font(option)
        painter.setFont(small)
        painter.setPen(QColor(s.kinds[kind % 4]))
        painter.drawText(
            QRect(left, y0, width, fm.height()),
            Qt.AlignmentFlag.AlignRight,
            t("Kinds", KIND_NAMES[kind % 4]),
        )

        y = y0 + fm.height() + 4
        painter.setFont(base)
        painter.setPen(muted if removed or banned else text_colour)
        fmb = QFontMetrics(base)
        has_image = bool(index.data(ROLE["has_image"]))
        text_w = width - (IMAGE + PAD if has_image else 0)
        y_meta = int(card.bottom()) - PAD - fmb.height() - (26 if removed or banned else 0)
        draw_wrapped(
            painter,
            QRectF(left, y, text_w, y_meta - 4 - y),
            str(index.data(ROLE["text"]) or ""),
            base,
            MAX_TEXT_LINES,
        )
        if has_image:  # the photo, as a thumbnail beside the text
            left_img = left + text_w + PAD
            img = QRectF(left_img, y, IMAGE, IMAGE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(s.card_border))
            painter.drawRect(img)
            painter.setPen(QPen(muted, 2))
            painter.drawEllipse(QRectF(left_img + 12, y + 12, 12, 12))
            painter.drawLine(int(left_img + 8), int(y + 54), int(left_img + 28), int(y + 30))
            painter.drawLine(int(left_img + 28), int(y + 30), int(left_img + 56), int(y + 54))
        painter.setFont(small)
        painter.setPen(muted)
        hour = float(index.data(ROLE["hour"]) or 0.0)
        when = self.day_text.format(
            day=index.data(ROLE["day"]), time=f"{int(hour):02d}:{int(hour % 1 * 60):02d}"
        )
        painter.drawText(QRect(left, y_meta, width, fmb.height()), Qt.AlignmentFlag.AlignLeft, when)
        painter.drawText(
            QRect(left, y_meta, width, fmb.height()),
            Qt.AlignmentFlag.AlignRight,
            f"♥ {int(index.data(ROLE['likes']) or 0)}",
        )
        if removed or banned:
            notice = QRectF(left, int(card.bottom()) - PAD - 22, width, 22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(s.notice_bg))
            painter.drawRoundedRect(notice, 4, 4)
            painter.setPen(QColor(s.notice_text))
            painter.setFont(small)
            inside = notice.adjusted(8, 0, -8, 0)
            painter.drawText(
                inside,
                int(Qt.AlignmentFlag.AlignVCenter) | int(Qt.AlignmentFlag.AlignLeft),
                self.notice(QFontMetricsF(small), inside.width(), banned),
            )
        painter.restore()

    def notice(self, metrics: QFontMetricsF, width: float, banned: bool) -> str:
        """The notice under a removed post (or a banned author's) for ``width`` pixels:
        the whole sentence where it fits, else its short form; elided only when even
        that does not fit."""
        full, short = (
            (self.banned_text, self.banned_short)
            if banned
            else (self.removed_text, self.removed_short)
        )
        if metrics.horizontalAdvance(full) <= width:
            return full
        return metrics.elidedText(short, Qt.TextElideMode.ElideRight, width)

    @staticmethod
    def notice_font(option: QStyleOptionViewItem) -> QFont:
        """The font of the notice (and the time): the view's, at 80%."""
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.8)
        return small

    def notice_width(self, option: QStyleOptionViewItem) -> float:
        """Pixels the notice's text has in a card of ``option.rect`` (unscaled)."""
        card = QRectF(option.rect).adjusted(6, 4, -6, -4)
        left = int(card.left()) + PAD + AVATAR + PAD
        return int(card.right()) - PAD - left - 16


def draw_wrapped(
    painter: QPainter, box: QRectF, text: str, font: QFont, max_lines: int
) -> list[str]:
    """Draw ``text`` wrapped to ``box``'s width, whole lines only: as many as fit in its
    height (at most ``max_lines``), the last one cut with an ellipsis when text is left.
    Line breaks in the text start new lines.

    Lines are laid out with the glyphs' own fonts, so a Chinese or emoji line (drawn in a
    fallback font taller than the card's) is never half shown. Returns the text of each
    line drawn (the last as elided).
    """
    text = text.replace("\r\n", "\n").replace("\n", "\u2028")  # Qt's line separator
    # Qt counts positions in UTF-16 units (an emoji is two): slice the text in them too
    units = text.encode("utf-16-le")
    total = len(units) // 2

    def part(start: int, end: int = total) -> str:
        return units[2 * start : 2 * end].decode("utf-16-le")

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    tops: list[float] = []  # the top of each line that fits
    top = 0.0
    layout.beginLayout()
    while len(tops) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(box.width())
        if tops and top + line.height() > box.height():
            break
        line.setPosition(QPointF(0.0, top))
        tops.append(top)
        top += line.height()
    layout.endLayout()
    if not tops:
        return []
    lines = [layout.lineAt(i) for i in range(len(tops))]
    shown = [part(ln.textStart(), ln.textStart() + ln.textLength()) for ln in lines]
    for ln in lines[:-1]:
        ln.draw(painter, box.topLeft())
    last = lines[-1]
    if last.textStart() + last.textLength() >= total:  # all the text fits
        last.draw(painter, box.topLeft())
        return shown
    # the last line holds the rest of the text, cut with an ellipsis
    rest = " ".join(part(last.textStart()).split())
    elided = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, box.width())
    painter.setFont(font)
    painter.drawText(
        QRectF(box.left(), box.top() + tops[-1], box.width(), last.height()),
        int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignVCenter),
        elided,
    )
    shown[-1] = elided
    return shown
