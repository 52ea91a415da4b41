"""A file's problems in the interface's language.

A problem made by the policy language (``policy/``) carries a template of
:mod:`policy.messages` and its arguments; so does a scenario's or a lesson's
(:mod:`simulation.messages`) and a corpus's (:mod:`policy.corpus_messages`, whose
:class:`~policy.corpus.CorpusError` also names its place); so does an error about stored
runs and databases (:mod:`simulation.runs.messages`: ``DatabaseError``, ``NothingStored``,
a run not in a database). Here the template goes through Qt's translation (its module's
context, ``PolicyProblems``, ``ScenarioProblems``, ``LessonProblems``, ``CorpusProblems``
or ``RunProblems``; ``python -m app.i18n`` lists every template for lupdate) and the
translation is filled with the same arguments, nested parts translated in turn: the
user's own words (a misspelt action, a key, a term, a file name) and the system's (a path,
a driver's error) stay as written. A template without a translation, or a problem worded
as plain text, shows its English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from policy.corpus import CorpusError
from policy.errors import Problem
from policy.messages import Message, MessageError, context_of

WORDS_CONTEXT = "Problems"  # the app's own words around a problem
# the field shown for a problem of the whole file (policy.errors.WHOLE_FILE)
WHOLE_FILE = QT_TRANSLATE_NOOP("Problems", "(file)")


def _template(template: str) -> str:
    try:
        context = context_of(template)
    except KeyError:  # registered in another process only (its module not imported here)
        return template
    return QCoreApplication.translate(context, template)


def translate(message: Message) -> str:
    """``message`` in the interface's language (its English where none is installed)."""
    return message.render(_template)


def error_text(exc: BaseException) -> str:
    """An error in the interface's language: a corpus problem with its place
    (``file, row 3 (line 4), column 'x': message``), an error worded by a message (the
    label map's; a database's, a run's with nothing stored, a run not in a database),
    else its own text (the system's words for a file that cannot be read; a ``KeyError``'s
    without the quotes its ``str`` adds)."""
    if isinstance(exc, CorpusError):
        return exc.describe(_template)
    message = exc.message if isinstance(exc, MessageError) else getattr(exc, "message", None)
    if isinstance(message, Message):
        return translate(message)
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc)


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
