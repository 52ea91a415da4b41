"""The compiled policy: what the loader produces and a session runs.

Compiling once (terms normalised, automata built, conditions parsed) keeps the
per-day work to array operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from policy.conditions import Node
from policy.interface import Announcement, PostAction, RunContext
from policy.schema import PolicySpec

POST_ACTIONS = {
    "allow": PostAction.ALLOW,
    "label": PostAction.LABEL,
    "downrank": PostAction.DOWNRANK,
    "remove": PostAction.REMOVE,
    "review": PostAction.REVIEW,
}
SEVERITY = {
    "allow": 0,
    "label": 1,
    "downrank": 2,
    "review": 3,
    "remove": 4,
    "restrict": 5,
    "ban": 6,
}


@dataclass(frozen=True)
class Rule:
    index: int  # position in the file = index into ``rule_names``
    name: str
    condition: Node
    action: str
    strikes: float
    priority: int
    shadow: bool
    factor: float
    restrict_days: int
    delay_hours: float
    account_kinds: tuple[int, ...] | None  # None = any
    scope_cats: int  # category bit mask; 0 = any
    stages: tuple[int, ...]
    detectors: frozenset[str]  # detectors the condition reads (their hits are the evidence)


@dataclass(frozen=True)
class Phase:
    from_day: int
    rules: frozenset[int]


@dataclass
class CompiledPolicy:
    """A loaded policy. Implements :class:`policy.interface.Policy`."""

    name: str
    source: str
    spec: PolicySpec
    categories: tuple[str, ...]  # policy category order: bit i of a mask = categories[i]
    detectors: dict[str, Any]
    rules: list[Rule]
    phases: list[Phase]
    announced: list[Announcement] = field(default_factory=list)
    file: str = "<string>"
    catalogue: Any = None  # the CatalogueTerms the policy was compiled with (for lint)

    @property
    def rule_names(self) -> Sequence[str]:
        return tuple(r.name for r in self.rules)

    @property
    def semantics(self) -> str:
        return self.spec.semantics

    @property
    def order(self) -> list[Rule]:
        """Rules in evaluation order: higher priority first, then file order."""
        return sorted(self.rules, key=lambda r: (-r.priority, r.index))

    def active(self, day: int) -> np.ndarray:
        """Which rules are in force on ``day`` (bool per rule index)."""
        on = np.zeros(len(self.rules), dtype=bool)
        current: frozenset[int] = frozenset()
        for ph in self.phases:
            if ph.from_day <= day:
                current = ph.rules
        on[list(current)] = True
        return on

    def announcements(self) -> Sequence[Announcement]:
        return tuple(self.announced)

    def start(self, context: RunContext):  # -> PolicySession
        from policy.session import YamlSession

        return YamlSession(self, context)

    def cat_names(self, mask: int) -> list[str]:
        return [c for i, c in enumerate(self.categories) if mask >> i & 1]
