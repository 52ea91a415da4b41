"""The interface's own translations for what is drawn headless (a lesson's handout).

They live in one place, the app's Qt translation file ``assets/i18n/circlelab_<locale>.ts``
(``python -m app.i18n`` keeps it up to date); this reads it as plain XML, so the
handout's chart titles, series and units are worded exactly as in the app, without Qt.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections.abc import Callable

from simulation.paths import assets_dir

OPEN = ("unfinished", "vanished", "obsolete")


@functools.lru_cache(maxsize=4)
def translations(locale: str) -> dict[tuple[str, str], str]:
    """``{(context, source): translation}`` of the finished entries (empty for en_US or a
    locale without a file)."""
    path = assets_dir() / "i18n" / f"circlelab_{locale}.ts"
    if locale == "en_US" or not path.exists():
        return {}
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            text = (node.text or "") if node is not None else ""
            if node is not None and node.get("type") not in OPEN and text.strip():
                out[(name, message.findtext("source") or "")] = text
    return out


def translator(locale: str) -> Callable[[str, str], str]:
    """``tr(context, text)`` in ``locale``; a text without a translation stays as it is."""
    table = translations(locale)
    return lambda context, text: table.get((context, text), text)
