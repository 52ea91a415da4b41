"""Errors a person can act on: every problem names file, line, column and field.

Every YAML file the project reads (policies, scenarios, policy cases, studies,
lessons) is written by a person, so an error must point at the exact place to fix,
like a compiler does, and report every problem at once rather than the first only.
One type serves them all: :class:`LocatedError` carrying :class:`Problem` s.
``Issue`` and ``PolicyError`` are the same classes under the names the policy API
has always used (lint warnings are ``Issue`` s with ``severity="warning"``).

A problem made in ``policy/`` is made with :meth:`Problem.of` from a
:class:`~policy.messages.Message`: beside the English ``message`` it keeps the template
and arguments, so the app can show it in the interface's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from policy import messages
from policy.messages import Message

WHOLE_FILE = "(file)"  # the field shown for a problem of the whole file


@dataclass(frozen=True)
class Problem:
    """One problem in a file (lines and columns are 1-based; 0 = unknown).

    ``template`` and ``args`` are the message's :mod:`policy.messages` template and its
    arguments (``""`` and ``()`` for a message written elsewhere as plain text);
    ``message`` is the English."""

    file: str
    line: int
    column: int
    field: str  # path such as ``rules[2].action``; "" for the whole file
    message: str
    severity: str = "error"  # "error" for validation, "warning" for lint
    template: str = field(default="", compare=False)
    args: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @classmethod
    def of(
        cls,
        file: str,
        line: int,
        column: int,
        field: str,
        message: Message,
        severity: str = "error",
    ) -> Problem:
        """A problem worded by ``message`` (its English is :attr:`message`)."""
        if not isinstance(message, Message):
            raise TypeError(f"a problem is worded by a policy.messages.Message, not {message!r}")
        return cls(
            file, line, column, field, str(message), severity, message.template, message.args
        )

    @property
    def text(self) -> Message | None:
        """The message as template and arguments; None for a plain-text message."""
        return Message(self.template, self.args) if self.template else None

    def __str__(self) -> str:
        """``file:line:column: field: message`` (``file: field: message`` without a line)."""
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.field or WHOLE_FILE}: {self.message}"


class LocatedError(ValueError):
    """A file that cannot be used. ``problems`` lists every problem found, in file order:
    by line and column within each file (the files in the order their first problem was
    found), however the checks that found them were ordered."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = in_file_order(problems)
        super().__init__(str(self))

    @property
    def issues(self) -> list[Problem]:
        """The policy API's name for :attr:`problems`."""
        return self.problems

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


Issue = Problem
PolicyError = LocatedError


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` sorted by (line, column) within each file, the files in the order of
    their first problem (a problem of the whole file, line 0, first); stable, so problems
    at one place keep the order they were found in."""
    problems = list(problems)
    files: dict[str, int] = {}
    for p in problems:
        files.setdefault(p.file, len(files))
    return sorted(problems, key=lambda p: (files[p.file], p.line, p.column))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' suffix when a close choice exists, else '' (as text;
    :func:`policy.messages.did_you_mean` gives it as a message)."""
    return str(messages.did_you_mean(word, choices))


def format_path(path: Sequence[str | int]) -> str:
    """``("rules", 2, "action")`` → ``rules[2].action``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
