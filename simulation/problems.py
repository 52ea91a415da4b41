"""Located problems worded in plain English by the simulation's own checks (a scenario's
categories and events, a lesson's steps, the catalogue's shape).

They name file, line, column and field like the policy language's problems, but their
messages are not :mod:`policy.messages` templates, so the app shows them as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from policy.errors import Problem, format_path
from policy.yamlfile import Located


def problem_at(doc: Located, path: Sequence[str | int], message: str, key: bool = False) -> Problem:
    """A problem at ``path`` of ``doc`` (at its key with ``key=True``)."""
    line, col = doc.where(path, key=key)
    return Problem(doc.source, line, col, format_path(tuple(path)), message)
