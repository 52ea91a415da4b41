"""A file's problems in the interface's language.

A problem made by the policy language (``policy/``) carries a template of
:mod:`policy.messages` and its arguments. Here the template goes through Qt's translation
(context ``PolicyProblems``; ``python -m app.i18n`` lists every template for lupdate)
and the translation is filled with the same arguments, nested parts translated in turn:
the user's own words (a misspelt action, a key, a term, a file name) stay as written. A
template without a translation, or a problem worded as plain text (a scenario's or a
lesson's own checks), shows its English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from policy.errors import Problem
from policy.messages import CONTEXT, Message

WORDS_CONTEXT = "Problems"  # the app's own words around a problem
# the field shown for a problem of the whole file (policy.errors.WHOLE_FILE)
WHOLE_FILE = QT_TRANSLATE_NOOP("Problems", "(file)")


def translate(message: Message) -> str:
    """``message`` in the interface's language (its English where none is installed)."""
    return message.render(lambda template: QCoreApplication.translate(CONTEXT, template))


def problem_text(problem: Problem) -> str:
    """What is wrong, in the interface's language (without file, line or field)."""
    text = problem.text
    return translate(text) if text is not None else problem.message


def problem_line(problem: Problem) -> str:
    """``file:line:column: field: message`` as ``str(problem)`` writes it, the message
    (and the whole file's field) in the interface's language."""
    where = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
    field = problem.field or QCoreApplication.translate(WORDS_CONTEXT, WHOLE_FILE)
    return f"{where}: {field}: {problem_text(problem)}"
