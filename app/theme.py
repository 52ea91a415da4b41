"""Light and dark themes: a Fusion palette plus a small stylesheet from assets/styles."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from app.assets import icons_dir, styles_dir

THEMES = ("light", "dark")
BASE_POINT_SIZE = 11  # readable on a projector without zooming


def palette(dark: bool) -> QPalette:
    p = QPalette()
    colours = (
        {
            "window": "#1e1f22",
            "base": "#2b2d31",
            "alt": "#26272b",
            "text": "#e8e8e8",
            "button": "#2f3136",
            "highlight": "#3d6fd9",
            "mid": "#555",
        }
        if dark
        else {
            "window": "#f3f3f3",
            "base": "#ffffff",
            "alt": "#f7f7f7",
            "text": "#1f1f1f",
            "button": "#fafafa",
            "highlight": "#2f6fdf",
            "mid": "#bbb",
        }
    )
    role = QPalette.ColorRole
    p.setColor(role.Window, QColor(colours["window"]))
    p.setColor(role.WindowText, QColor(colours["text"]))
    p.setColor(role.Base, QColor(colours["base"]))
    p.setColor(role.AlternateBase, QColor(colours["alt"]))
    p.setColor(role.Text, QColor(colours["text"]))
    p.setColor(role.Button, QColor(colours["button"]))
    p.setColor(role.ButtonText, QColor(colours["text"]))
    p.setColor(role.Highlight, QColor(colours["highlight"]))
    p.setColor(role.HighlightedText, QColor("#ffffff"))
    p.setColor(role.ToolTipBase, QColor(colours["base"]))
    p.setColor(role.ToolTipText, QColor(colours["text"]))
    p.setColor(role.PlaceholderText, QColor("#8a8a8a"))
    p.setColor(role.Mid, QColor(colours["mid"]))
    return p


def apply(app: QApplication, theme: str) -> None:
    dark = theme == "dark"
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setPalette(palette(dark))
    path = styles_dir() / f"{'dark' if dark else 'light'}.qss"
    common = styles_dir() / "common.qss"
    sheets = [p.read_text("utf-8") for p in (common, path) if p.exists()]
    app.setStyleSheet("\n".join(sheets))


def icon(name: str) -> QIcon:
    return QIcon(str(icons_dir() / f"{name}.svg"))
