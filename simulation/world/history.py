"""What was changed in a run while it ran, as plain data (``Simulation.history``).

A world stepped by hand (the desktop app, a lesson) can have another policy put in force
or a scenario parameter changed between two days. Each change is kept as one ``dict`` of
JSON values (strings, numbers, booleans, lists), so the history survives ``deepcopy``,
pickling to and from the app's engine process and storage with the run as it is:

``{"day": 30, "kind": "policy", "name": ..., "source": ..., "replaces": ...,
"phases": [[0, false], [30, true]], "announcements": [[30, 3.0, ["tobacco"]]]}``
    a policy put in force from ``day`` (its full ``source`` text; ``replaces``: the name
    of the policy in force before; ``phases``: from which day on it has rules in force,
    each ``[from_day, has_rules]``; ``announcements``: ``[day, risk_multiplier,
    categories]``, from which only those on ``day`` or later are heard).

``{"day": 12, "kind": "parameter", "key": "posting.spammer_per_day", "old": 1.0,
"new": 2.0}``
    a scenario parameter (dotted path) changed from ``day`` on: the value in force before
    and the value the scenario took (after validation).

``day`` is the first day the change affects: the next day to be simulated when it was
made (day 0 for a change made after set-up, before the first day). The policy and the
scenario a run was set up with are its starting point, not part of the history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic_core import to_jsonable_python

from policy.interface import Announcement

POLICY = "policy"
PARAMETER = "parameter"


def plain(value: Any) -> Any:
    """``value`` as JSON data (a NumPy number as a Python one, a model as a dict)."""
    if hasattr(value, "item") and callable(value.item) and getattr(value, "shape", None) == ():
        value = value.item()  # a NumPy scalar
    return to_jsonable_python(value)


def policy_outline(policy: Any) -> dict[str, Any]:
    """What a policy is and does over time, as plain data: ``name``, ``source`` text,
    ``phases`` (``[from_day, has_rules]``, in day order; a policy without a schedule is
    one phase from day 0, with rules when it has any) and ``announcements``
    (``[day, risk_multiplier, categories]``)."""
    phases = sorted(getattr(policy, "phases", None) or [], key=lambda ph: int(ph.from_day))
    if phases:
        steps = [[int(ph.from_day), bool(ph.rules)] for ph in phases]
    else:
        steps = [[0, bool(list(getattr(policy, "rule_names", ())))]]
    announcements = policy.announcements() if hasattr(policy, "announcements") else ()
    return {
        "name": str(getattr(policy, "name", "")),
        "source": str(getattr(policy, "source", "")),
        "phases": steps,
        "announcements": [
            [int(a.day), float(a.risk_multiplier), [str(c) for c in a.categories]]
            for a in announcements
        ],
    }


def policy_change(day: int, policy: Any, replaces: str) -> dict[str, Any]:
    """The history entry of ``policy`` put in force from ``day`` in place of the policy
    named ``replaces``."""
    return {"day": int(day), "kind": POLICY, **policy_outline(policy), "replaces": str(replaces)}


def parameter_change(day: int, key: str, old: Any, new: Any) -> dict[str, Any]:
    """The history entry of parameter ``key`` changed from ``old`` to ``new`` from ``day``."""
    return {"day": int(day), "kind": PARAMETER, "key": key, "old": plain(old), "new": plain(new)}


def effective(history: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The changes that took effect, in day order: of two policies put in force before the
    same day only the second ever acted (the first is dropped); two changes of one
    parameter before the same day are one change (the first's old value, the last's new
    one); a parameter changed back to its value before that day changed nothing (dropped).
    The entries are copies; ``history`` is left as it is."""
    kept: list[dict[str, Any]] = []
    for change in history:
        day, kind = int(change["day"]), change.get("kind")
        if kind == POLICY:
            same = [i for i, c in enumerate(kept) if c["kind"] == POLICY and c["day"] == day]
            if same:
                replaces = kept[same[0]]["replaces"]
                kept[same[0]] = {**change, "replaces": replaces}
                continue
        elif kind == PARAMETER:
            same = [
                i
                for i, c in enumerate(kept)
                if c["kind"] == PARAMETER and c["day"] == day and c["key"] == change["key"]
            ]
            if same:
                kept[same[0]] = {**kept[same[0]], "new": change["new"]}
                continue
        else:
            continue  # a kind this version does not know: not shown as something it is not
        kept.append(dict(change))
    kept = [c for c in kept if c["kind"] != PARAMETER or c["old"] != c["new"]]
    return sorted(kept, key=lambda c: c["day"])  # stable: the order they were made in a day


@dataclass(frozen=True)
class OutlinePhase:
    """A phase of an outlined policy: from ``from_day`` on, rules in force or not."""

    from_day: int
    rules: bool


@dataclass(frozen=True)
class Outline:
    """A policy as its outline describes it (:func:`policy_outline`): what marks and
    ``acts_from`` read of a policy (``name``, ``source``, ``phases``, ``rule_names``,
    ``announcements()``), without its rules."""

    name: str
    source: str
    phases: tuple[OutlinePhase, ...]
    announced: tuple[Announcement, ...] = ()

    @classmethod
    def of(cls, outline: dict[str, Any]) -> Outline:
        phases = tuple(OutlinePhase(int(d), bool(r)) for d, r in outline.get("phases") or [])
        announced = tuple(
            Announcement(int(a[0]), float(a[1]), tuple(a[2]) if len(a) > 2 else ())
            for a in outline.get("announcements") or []
        )
        return cls(str(outline.get("name", "")), str(outline.get("source", "")), phases, announced)

    @property
    def rule_names(self) -> tuple[str, ...]:
        return ("rule",) if any(ph.rules for ph in self.phases) else ()

    def announcements(self) -> tuple[Announcement, ...]:
        return self.announced
