"""``acts_from``: the first day a policy's rules are in force, from the day it is loaded."""

from __future__ import annotations

from types import SimpleNamespace

from policy.loader import load_policy
from policy.model import Phase
from simulation.runs.marks import POLICY, acts_from, policy_marks


def _policy(*phases: tuple[int, set[int]]) -> SimpleNamespace:
    return SimpleNamespace(
        phases=[Phase(day, frozenset(rules)) for day, rules in phases], rule_names=("a", "b")
    )


def test_a_start_day_is_when_the_preset_acts():
    crackdown = load_policy("crackdown")
    assert acts_from(crackdown, 0) == 30
    assert acts_from(crackdown, 12) == 30
    assert acts_from(crackdown, 30) == 30
    assert acts_from(crackdown, 41) == 41
    assert acts_from(load_policy("crackdown", start_day=5), 0) == 5
    assert acts_from(load_policy("none"), 0) is None


def test_a_schedule_acts_in_its_first_phase_with_rules_still_ahead():
    policy = _policy((0, set()), (10, {0}), (20, set()), (40, {1}))
    assert acts_from(policy, 0) == 10
    assert acts_from(policy, 15) == 15
    assert acts_from(policy, 20) == 40
    assert acts_from(policy, 50) == 50
    assert acts_from(_policy((0, set()), (10, {0}), (20, set())), 25) is None


def test_a_policy_without_phases_acts_when_it_has_rules():
    assert acts_from(SimpleNamespace(rule_names=("a",)), 7) == 7
    assert acts_from(SimpleNamespace(rule_names=()), 7) is None


def test_policy_marks_only_phases_still_in_force():
    """A schedule whose rules ended before the day it is applied marks nothing then (it
    marked "policy" on that day although no rule acted); phases ahead are marked."""

    def policy_days(policy: SimpleNamespace, from_day: int) -> list[int]:
        return [m.day for m in policy_marks(policy, from_day) if m.kind == POLICY]

    schedule = _policy((0, set()), (10, {0}), (20, set()), (40, {1}))
    schedule.name, schedule.announcements = "scheduled", list
    assert policy_days(schedule, 0) == [10, 40]
    assert policy_days(schedule, 15) == [15, 40]
    assert policy_days(schedule, 25) == [40]  # the first phase's rules ended on day 20
    over = _policy((0, set()), (10, {0}), (20, set()))
    over.name, over.announcements = "over", list
    assert policy_days(over, 25) == []
