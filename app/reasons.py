"""Why the policy acted, in the interface's language.

An account event carries its reason as the engine wrote it, in English (``reason``).
The app reads it back into its kind and values (:func:`policy.reasons.parse`) and words
it from those: the kind's template through Qt's translation (context ``Reasons``), engine
words (``ban``, ``upload``) through :func:`app.i18n.word`, numbers as the interface's
locale writes them; rule names, terms and post ids stay as they are. Runs stored by
earlier versions read the same way (their English is the same). A reason that does not
read back (a plain-text reason, one written by another version, or one a rule's name
makes ambiguous) is shown as it was stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.i18n import word
from policy.reasons import CONTEXT, Reason, parse


def _template(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def _number(value: float, spec: str) -> str:
    """A number as the interface's locale writes it (``spec``: ``.2f``, ``d`` or ``g``)."""
    locale = QLocale()
    if spec == "d":
        return locale.toString(int(value))
    if spec.startswith(".") and spec.endswith("f"):
        return locale.toString(float(value), "f", int(spec[1:-1]))
    return locale.toString(float(value), "g", 6)


def reason_words(reason: Reason) -> str:
    """``reason`` in the interface's language."""
    return reason.render(_template, word, _number)


def reason_text(text: Any) -> str:
    """An event's stored reason as shown: in the interface's language when it reads back
    as a reason of this version's, else as it was stored ("" for none)."""
    if not isinstance(text, str):
        return ""
    reason = parse(text)
    return reason_words(reason) if reason is not None else text
