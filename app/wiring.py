"""One way to connect buttons and actions to what they do.

``clicked(bool)`` and ``triggered(bool)`` carry an argument; connected straight to a
method with an optional parameter (``export_csv(path=None)``) it lands in that
parameter, and ``Export CSV…`` then wrote nowhere. Here every command is a callable
taking *no* argument: the signal's arguments are dropped, and a callable that needs one
is refused when it is connected, not when the user clicks. A checkable action that
means on/off uses :func:`on_toggle`, which passes the state and nothing else.

Every button and menu action of the app is connected through this module (a test
checks the sources for direct ``clicked.connect`` / ``triggered.connect``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget

Command = Callable[[], object]


def _check_no_arguments(slot: Callable[..., object]) -> None:
    try:
        inspect.signature(slot).bind()
    except TypeError as exc:
        raise TypeError(f"{slot!r} must be callable without arguments: {exc}") from None
    except ValueError:  # a builtin without a signature: trust it
        pass


def on_click(source: QAbstractButton | QAction, command: Command) -> None:
    """Run ``command()`` when the button is clicked / the action is triggered."""
    _check_no_arguments(command)
    signal = source.triggered if isinstance(source, QAction) else source.clicked
    signal.connect(lambda *_ignored: command())


def on_toggle(source: QAbstractButton | QAction, slot: Callable[[bool], object]) -> None:
    """Run ``slot(checked)`` when a checkable button / action changes state."""
    source.toggled.connect(lambda checked: slot(bool(checked)))


def action(
    parent: QWidget,
    text: str,
    command: Command | None = None,
    *,
    name: str = "",
    icon: QIcon | None = None,
    shortcuts: tuple[str, ...] = (),
    tip: str = "",
    checkable: bool = False,
) -> QAction:
    """A QAction with its object name, shortcuts and tooltip, connected with :func:`on_click`."""
    act = QAction(text, parent)
    if name:
        act.setObjectName(name)
    if icon is not None:
        act.setIcon(icon)
    if shortcuts:
        act.setShortcuts([QKeySequence(k) for k in shortcuts])
    if tip:
        keys = ", ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in shortcuts
        )
        act.setToolTip(f"{tip} ({keys})" if keys else tip)
    act.setCheckable(checkable)
    if command is not None:
        on_click(act, command)
    return act
