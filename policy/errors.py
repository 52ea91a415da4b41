"""Errors a policy author can act on: every issue names file, line, column and field.

A policy is written by a person, so an error must point at the exact place to fix,
like a compiler does, and report every problem at once rather than the first only.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One problem in a policy file (lines and columns are 1-based; 0 = unknown)."""

    file: str
    line: int
    column: int
    field: str  # dotted path, e.g. ``rules[2].action``; "" for the whole file
    message: str
    severity: str = "error"  # "error" for validation, "warning" for lint

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class PolicyError(ValueError):
    """A policy file that cannot be loaded. ``issues`` lists every problem found."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues: list[Issue] = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))

    def __str__(self) -> str:
        return "\n".join(str(i) for i in self.issues)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' suffix when a close choice exists, else ''."""
    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def format_path(path: Sequence[str | int]) -> str:
    """``("rules", 2, "action")`` → ``rules[2].action``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
