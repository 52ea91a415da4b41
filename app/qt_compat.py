"""Work around a reference-counting bug of PySide6 6.12 on Python 3.11.

PySide6/shiboken6 6.12.0 hands back ``None``, ``True`` and ``False`` without taking a
reference to them: every void call (``app.processEvents()``, ``timer.stop()``,
``painter.setPen()``…) drops None's reference count by one, every ``signal.emit()``
drops True's (measured with ``sys.getrefcount``). On Python >= 3.12 these objects are
immortal and nothing happens; on 3.11 the count reaches zero after some thousands to
~80,000 calls and the interpreter aborts with "Fatal Python error: none_dealloc" or
"bool_dealloc" — a minute into a GUI session, or in the middle of a test suite.

The proper fix is a PySide6 without the bug or Python >= 3.12. Until then we make the
three singletons effectively immortal ourselves, as 3.12 does: one addition to each
reference count (2**40 references; the counter is 64-bit), done only when the buggy
combination is detected. These objects are never deallocated in a healthy interpreter,
so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_done = False


def leaks_none() -> bool:
    """True when calling a void Qt method drops a reference to None."""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QTimer

    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(100):
        timer.stop()
    return sys.getrefcount(None) < before - 50


def guard_none_refcount() -> bool:
    """Make None/True/False immortal if this PySide6 leaks references to them."""
    global _done
    if _done or not leaks_none():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BOOST
    _done = True
    return True
