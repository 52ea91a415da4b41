"""Light and dark themes: one colour scheme per theme, applied everywhere.

Every colour the app draws comes from a :class:`Scheme`: the Fusion palette (with its
own *disabled* colours, so a disabled button looks disabled), the stylesheets in
``assets/styles`` (checked against the same contrast rules by the tests), the feed's
cards, the charts, the YAML colours and the icons (whose SVG colours are swapped for
lighter ones in the dark theme). Text meets WCAG 2.1 AA contrast (4.5:1; 3:1 for chart
lines and icons), which ``tests/app/test_contrast.py`` checks from the real palette,
stylesheet and widgets of both themes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QObject, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from app.assets import icons_dir, styles_dir
from simulation.runs import colours

THEMES = ("light", "dark")
BASE_POINT_SIZE = 11  # readable on a projector without zooming
ICON_SIZES = (16, 20, 24, 32, 48)
# default avatars (a white initial on a colour, both themes): 3:1 or more against white
AVATAR_COLOURS = ("#3D6FD9", "#1E8450", "#A86B00", "#C8372D", "#1B7EA0", "#7E57C2", "#B85A12")


@dataclass(frozen=True)
class Scheme:
    """The colours of one theme (``#rrggbb``)."""

    dark: bool
    window: str
    base: str
    alt_base: str
    text: str
    button: str
    highlight: str
    highlighted_text: str
    mid: str
    placeholder: str
    link: str
    link_visited: str
    disabled_text: str  # text of disabled widgets: still legible, clearly greyed
    disabled_button: str
    muted: str  # secondary text on cards and in the gutter
    card: str  # a feed card
    card_selected: str
    card_border: str
    phone: str  # the feed's phone frame
    author: str  # a display name on a card (the Moments link blue)
    kinds: tuple[str, str, str, str]  # life, ad, spam, offer labels on a card
    notice_bg: str  # "post removed" banner
    notice_text: str
    error: str  # error marks in the editor
    warning: str  # warning marks in the editor (a valid policy with a rule that never acts)
    chart_bg: str
    chart_fg: str
    legend_bg: str
    series: tuple[str, ...]  # the hues of chart lines (simulation.runs.colours), in order
    syntax: dict[str, str]  # YAML colours: key, str, num, com, act, kw
    icon_colours: dict[str, str]  # SVG colour -> colour in this theme


LIGHT = Scheme(
    dark=False,
    window="#f3f3f3",
    base="#ffffff",
    alt_base="#f5f5f5",
    text="#1f1f1f",
    button="#fafafa",
    highlight="#2f6fdf",
    highlighted_text="#ffffff",
    mid="#b0b0b0",
    placeholder="#6b6b6b",
    link="#0b57d0",
    link_visited="#6a1b9a",
    disabled_text="#5c5c5c",
    disabled_button="#e9e9e9",
    muted="#5f6368",
    card="#ffffff",
    card_selected="#e8f0fe",
    card_border="#dadada",
    phone="#ededed",
    author="#576b95",
    kinds=("#5f6368", "#1f6fc5", "#c0392b", "#8e44ad"),
    notice_bg="#fdecea",
    notice_text="#b3261e",
    error="#d93025",
    warning="#a35a00",
    chart_bg="#ffffff",
    chart_fg="#202020",
    legend_bg="#ffffffd9",
    # a series' colour is the same in the reports and handouts (simulation.runs.colours)
    series=tuple(h.light for h in colours.CYCLE),
    syntax={
        "key": "#0b57d0",
        "str": "#8a5a00",
        "num": "#a43a00",
        "com": "#5f6368",
        "act": "#b3261e",
        "kw": "#7b1fa2",
    },
    icon_colours={},
)

DARK = Scheme(
    dark=True,
    window="#1e1f22",
    base="#2b2d31",
    alt_base="#26272b",
    text="#e8e8e8",
    button="#2f3136",
    highlight="#2f5fc4",
    highlighted_text="#ffffff",
    mid="#5a5d63",
    placeholder="#a0a0a0",
    link="#8ab4f8",
    link_visited="#d7aefb",
    disabled_text="#a0a0a0",
    disabled_button="#242529",
    muted="#b4b7bc",
    card="#26272b",
    card_selected="#3b4250",
    card_border="#3a3b40",
    phone="#18191c",
    author="#8fa3d1",
    kinds=("#a8abb0", "#6ea8ff", "#ff8a80", "#d59cf0"),
    notice_bg="#5a2a2a",
    notice_text="#ffb4a9",
    error="#ff6e62",
    warning="#f6c35b",
    chart_bg="#1e1f22",
    chart_fg="#e8e8e8",
    legend_bg="#2b2d31d9",
    series=tuple(h.dark for h in colours.CYCLE),
    syntax={
        "key": "#7cb7ff",
        "str": "#e6c07b",
        "num": "#d19a66",
        "com": "#9da5b4",
        "act": "#ff7b72",
        "kw": "#c678dd",
    },
    icon_colours={
        "#00695c": "#4db6ac",
        "#37474f": "#cfd8dc",
        "#455a64": "#b0bec5",
        "#1565c0": "#64b5f6",
        "#6a1b9a": "#ce93d8",
        "#2e7d32": "#81c784",
        "#e65100": "#ffb74d",
        "#d84315": "#ff8a65",
        "#eceff1": "#37474f",
    },
)


def scheme(dark: bool) -> Scheme:
    return DARK if dark else LIGHT


_current = LIGHT


def current() -> Scheme:
    """The scheme of the theme applied last (light until one is applied)."""
    return _current


# ------------------------------------------------------------------ contrast (WCAG 2.1)
def luminance(colour: str | QColor) -> float:
    """Relative luminance of an sRGB colour (WCAG 2.1 definition), 0 (black) to 1."""
    c = QColor(colour)

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(fg: str | QColor, bg: str | QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (alpha is ignored: blend first)."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def blend(fg: str | QColor, bg: str | QColor) -> QColor:
    """``fg`` with its alpha painted over an opaque ``bg``."""
    f, b = QColor(fg), QColor(bg)
    a = f.alphaF()
    return QColor.fromRgbF(
        f.redF() * a + b.redF() * (1 - a),
        f.greenF() * a + b.greenF() * (1 - a),
        f.blueF() * a + b.blueF() * (1 - a),
    )


# ------------------------------------------------------------------ palette and stylesheet
def palette(dark: bool) -> QPalette:
    """The Fusion palette of a theme, with distinct colours for disabled widgets."""
    s = scheme(dark)
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: s.window,
        role.WindowText: s.text,
        role.Base: s.base,
        role.AlternateBase: s.alt_base,
        role.Text: s.text,
        role.Button: s.button,
        role.ButtonText: s.text,
        role.BrightText: s.highlighted_text,
        role.Highlight: s.highlight,
        role.HighlightedText: s.highlighted_text,
        role.ToolTipBase: s.base,
        role.ToolTipText: s.text,
        role.PlaceholderText: s.placeholder,
        role.Link: s.link,
        role.LinkVisited: s.link_visited,
        role.Mid: s.mid,
        role.Midlight: s.button,
        role.Light: s.base,
        role.Dark: s.mid,
        role.Shadow: "#000000",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))  # every group
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(s.disabled_text))
    p.setColor(group.Disabled, role.Button, QColor(s.disabled_button))
    p.setColor(group.Disabled, role.Base, QColor(s.window))
    p.setColor(group.Disabled, role.Highlight, QColor(s.mid))
    p.setColor(group.Disabled, role.HighlightedText, QColor(s.text))
    return p


def stylesheet(dark: bool) -> str:
    """``common.qss`` plus the theme's own sheet."""
    names = ("common.qss", "dark.qss" if dark else "light.qss")
    return "\n".join(
        (styles_dir() / n).read_text("utf-8") for n in names if (styles_dir() / n).exists()
    )


def set_base_font(app: QApplication) -> None:
    """The app font, once, before widgets exist: a size set later reaches only some of
    them until the next style change (text then grew when the theme was toggled)."""
    font = QFont(app.font())
    if font.pointSize() != BASE_POINT_SIZE:
        font.setPointSize(BASE_POINT_SIZE)
        app.setFont(font)


_FUSION = "circlelabFusion"  # the application property: Circle Lab set the Fusion style


def apply(app: QApplication, theme: str) -> Scheme:
    """Put ``theme`` ("light" or "dark") on the whole application; returns its scheme."""
    global _current
    dark = theme == "dark"
    # each of these restyles every widget of the application (0.15 s and 0.4 s for a
    # window's worth), so what is already in place is not put there again: once a sheet
    # is set, app.style() is Qt's style-sheet proxy, whose name is not "fusion", and a
    # second window asked for Fusion and the same sheet again
    if app.property(_FUSION) is not True:
        app.setStyle("Fusion")
        app.setProperty(_FUSION, True)
    set_base_font(app)
    colours = palette(dark)
    if app.palette() != colours:
        app.setPalette(colours)
    sheet = stylesheet(dark)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    _current = scheme(dark)
    return _current


# ------------------------------------------------------------------ icons
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def icon_svg(name: str, dark: bool) -> str:
    """The SVG text of an icon with the theme's colours."""
    text = (icons_dir() / f"{name}.svg").read_text("utf-8")
    swap = scheme(dark).icon_colours
    return _COLOUR.sub(lambda m: swap.get(m.group(0).lower(), m.group(0)), text)


@functools.lru_cache(maxsize=64)
def _icon(name: str, dark: bool) -> QIcon:
    renderer = QSvgRenderer(QByteArray(icon_svg(name, dark).encode("utf-8")))
    out = QIcon()
    for size in ICON_SIZES:
        pix = QPixmap(QSize(size, size))
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        renderer.render(painter)
        painter.end()
        out.addPixmap(pix)
    return out


def icon(name: str, dark: bool | None = None) -> QIcon:
    """An icon drawn in the colours of ``dark`` (default: the theme in force)."""
    return _icon(name, current().dark if dark is None else dark)


ICON_PROPERTY = "themeIcon"


def set_icon(target: QObject, name: str) -> None:
    """Give a button or action the icon ``name``; :func:`retint` redraws it on a theme change."""
    target.setProperty(ICON_PROPERTY, name)
    target.setIcon(icon(name))  # type: ignore[attr-defined]


def retint(root: QObject) -> None:
    """Redraw, in the current theme's colours, every icon set with :func:`set_icon` under
    ``root`` (actions and buttons)."""
    for obj in [root, *root.findChildren(QObject)]:
        name = obj.property(ICON_PROPERTY)
        if name and hasattr(obj, "setIcon"):
            obj.setIcon(icon(str(name)))
