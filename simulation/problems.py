"""Located problems of the simulation's own checks (a scenario's categories and events, a
lesson's steps, the catalogue's shape).

They name file, line, column and field like the policy language's problems. A scenario's
and a lesson's are worded by templates of :mod:`simulation.messages` (the app shows them in
its language); the catalogue's, a shipped file's, are plain English shown as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from policy.errors import Problem, format_path
from policy.messages import Message
from policy.yamlfile import Located


def problem_at(
    doc: Located, path: Sequence[str | int], message: Message | str, key: bool = False
) -> Problem:
    """A problem at ``path`` of ``doc`` (at its key with ``key=True``)."""
    line, col = doc.where(path, key=key)
    field = format_path(tuple(path))
    if isinstance(message, Message):
        return Problem.of(doc.source, line, col, field, message)
    return Problem(doc.source, line, col, field, message)
