"""What a policy does over time, read from its text alone: the phases of its rules
(``start_day`` or ``schedule``) and its announcements.

The compiler builds a policy's phases and announcements with these functions; a stored
run's marks read them with :func:`load_schedule`, without compiling the detectors (so
they are known even when a terms file or catalogue the policy names cannot be read
where the run is reopened, and without the compiler's cost).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from policy import messages as M
from policy import schema as S
from policy.interface import Announcement
from policy.messages import Message, did_you_mean, msg
from policy.model import Phase
from policy.yamlfile import parse_yaml, validate

Report = Callable[[tuple, Message], None]  # (path in the file, message): a problem found


def schedule_phases(
    spec: S.PolicySpec, names: dict[str, int], error: Report, *, moved: bool = False
) -> list[Phase]:
    """The phases of a policy's rules in time: from ``start_day`` (all rules from that
    day) or the ``schedule`` (each phase's rules by name, ``names``: rule name → index),
    always beginning with day 0. ``moved``: the start day came from the caller, not from
    the file. Problems (a start day beside a schedule, phases out of order, an unknown
    rule) go to ``error``; the phases are returned all the same."""
    every = frozenset(range(len(spec.rules)))
    if spec.schedule and (spec.start_day > 0 or moved):
        # start_day is the shorthand for a schedule: beside one it would be ignored
        if moved:  # the start day came from the caller, not from this file
            error(("schedule",), msg(M.START_DAY_GIVEN, day=spec.start_day))
        else:
            error(("start_day",), msg(M.START_DAY_AND_SCHEDULE))
    if not spec.schedule:
        if spec.start_day > 0:
            return [Phase(0, frozenset()), Phase(spec.start_day, every)]
        return [Phase(0, every)]
    out = [Phase(0, frozenset())]
    last = -1
    for i, ph in enumerate(spec.schedule):
        if ph.from_day <= last:
            error(("schedule", i, "from_day"), msg(M.PHASES_IN_ORDER))
        last = ph.from_day
        if ph.rules == "all":
            chosen = every
        elif ph.rules == "none":
            chosen = frozenset()
        else:
            idx = set()
            for j, n in enumerate(ph.rules):
                if n not in names:
                    error(
                        ("schedule", i, "rules", j),
                        msg(M.UNKNOWN_RULE, name=n, hint=did_you_mean(n, names)),
                    )
                else:
                    idx.add(names[n])
            chosen = frozenset(idx)
        out.append(Phase(ph.from_day, chosen))
    return out


def first_acting_day(spec: S.PolicySpec) -> int:
    """The day a policy's rules are first in force: ``start_day``, or with a ``schedule``
    the ``from_day`` of its first phase that puts any rule in force (a phase of
    ``rules: none`` or ``[]`` does not; when none does, its first phase's). An
    announcement that gives no day is made on this day: sellers hear of enforcement
    when it begins, not weeks before."""
    if not spec.schedule:
        return spec.start_day
    acting = [ph.from_day for ph in spec.schedule if ph.rules not in ("none", [])]
    return min(acting) if acting else min(ph.from_day for ph in spec.schedule)


def spec_announcements(
    spec: S.PolicySpec, check_category: Callable[[tuple, str], int]
) -> list[Announcement]:
    """The policy's announcements in day order (``announcements`` that give no day on
    the day the policy first acts, :func:`first_acting_day`; a schedule phase's
    ``announce`` on the phase's first day); each category is passed to
    ``check_category(path, name)``."""
    out = []
    first = first_acting_day(spec)
    items = [(("announcements", i), a, first) for i, a in enumerate(spec.announcements)]
    items += [
        (("schedule", i, "announce"), ph.announce, ph.from_day)
        for i, ph in enumerate(spec.schedule)
        if ph.announce
    ]
    for path, a, default_day in items:
        for j, c in enumerate(a.categories):
            check_category((*path, "categories", j), c)
        day = a.day if a.day is not None else default_day
        out.append(Announcement(day, a.risk_multiplier, tuple(a.categories)))
    return sorted(out, key=lambda a: a.day)


@dataclass(frozen=True)
class PolicySchedule:
    """A policy's name, source text, rules' names, phases and announcements: what the
    marks of a run and ``acts_from`` read of a policy (``announcements()`` as a compiled
    policy has it)."""

    name: str
    source: str
    rule_names: tuple[str, ...]
    phases: tuple[Phase, ...]
    announced: tuple[Announcement, ...]

    def announcements(self) -> Sequence[Announcement]:
        return self.announced


def load_schedule(text: str, source: str = "<string>") -> PolicySchedule:
    """A policy's schedule from its YAML text, without compiling its detectors: the
    phases and announcements the compiled policy would have. Problems of the schedule
    itself (phases out of order, an unknown rule) are not reported here: the policy was
    compiled when it ran. Raises :class:`~policy.errors.LocatedError` when the text is
    not a policy's structure (YAML errors, fields of the wrong type)."""
    spec = validate(S.PolicySpec, parse_yaml(text, source))
    names: dict[str, int] = {}
    for i, rule in enumerate(spec.rules):
        names.setdefault(rule.name, i)
    phases = schedule_phases(spec, names, lambda _path, _message: None)
    announced = spec_announcements(spec, lambda _path, _name: 0)
    return PolicySchedule(
        spec.name, text, tuple(r.name for r in spec.rules), tuple(phases), tuple(announced)
    )


def rule_actions(text: str, source: str = "<string>") -> dict[str, str]:
    """Each rule's action by its name, as a policy's text gives it (``remove``,
    ``allow``, …; ``shadow (would label)`` for a shadow rule, counted and never acted on), read
    without compiling. Raises :class:`~policy.errors.LocatedError` when the text is not a
    policy's structure."""
    spec = validate(S.PolicySpec, parse_yaml(text, source))
    out: dict[str, str] = {}
    for rule in spec.rules:
        out.setdefault(rule.name, f"shadow (would {rule.action})" if rule.shadow else rule.action)
    return out
