"""Policies written in Python rather than YAML: the baseline every run compares against."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policy.interface import Announcement, DayBatch, DayDecisions, RunContext


class _NoModerationSession:
    def decide(self, batch: DayBatch) -> DayDecisions:
        return DayDecisions()


@dataclass
class NoModeration:
    """Lets everything through: the counterfactual a crackdown is measured against."""

    name: str = "No moderation"
    source: str = "# no moderation\n"
    rule_names: Sequence[str] = ()

    def announcements(self) -> Sequence[Announcement]:
        return ()

    def start(self, context: RunContext) -> _NoModerationSession:
        return _NoModerationSession()
