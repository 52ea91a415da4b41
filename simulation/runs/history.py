"""A run's history told truthfully: which policy was in force on which days, and what was
changed while it ran, for everything that presents a run (reports, ``runs list``, the
app's runs view, sweeps and comparisons of stored runs).

The history itself is kept by the engine (``Simulation.history``; its entries are
described in ``simulation.world.history``) and stored with the run (``Run.history_json``,
schema version 4). A run is stored with the policy and scenario it was *set up* with
(``policy_text``, ``scenario_yaml``) and its history; its ``policy_name`` names every
policy put in force (``"No moderation → March-2024 crackdown (day 30)"``), so that no
listing claims one policy ran throughout.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from simulation.runs.marks import Mark, acts_from, run_marks
from simulation.runs.report_words import Words
from simulation.runs.report_words import text as _text
from simulation.strict_json import dumps as strict_dumps
from simulation.world.history import PARAMETER, POLICY, Outline, effective

NOT_RECORDED = "not recorded"  # a run stored before histories were kept (schema < 4)

# a run's history in a report's words (simulation.runs.report_words: translated in the
# app's .ts); the English is what every listing and report wrote before
ENGLISH = Words()
IN_CHAIN = _text("{policy} (day {day})")  # a policy put in force, in a chain of names
ONE_DAY = _text("day {day}")
DAY_SPAN = _text("days {first}–{last}")
SET_UP_WITH_RUN = _text("set up with the run")
PUT_IN_FORCE = _text("put in force on day {day}")
RULES_ACT_FROM = _text("; its rules act from day {day}")
IN_FORCE_ON = _text("{days} ({how})")
NO_DAY_AFTER_END = _text("no day ({how}, after the last day run, day {last})")
NO_DAY_REPLACED = _text("no day ({how}; replaced before day {first} ran)")
POLICY_CHANGE = _text(
    "Day {day}: policy “{name}” in force from day {day} (in place of “{replaces}”; "
    "strikes and review queues start afresh)"
)
POLICY_AFTER_END = _text("; after the last day run (day {last}): no day ran under it")
PARAMETER_CHANGE = _text("Day {day}: parameter {key}: {old} → {new} from day {day}")
PARAMETER_AFTER_END = _text(" (after the last day run, day {last})")
POLICIES_BY_DAY = _text("Policies in force during this run, by day (changed while it ran):")
POLICY_DAYS = _text("{policy}: {days}")  # a policy and the days it was in force


def policy_schedule(text: str, source: str = "<stored policy>") -> Any | None:
    """What a stored policy text does over time (its name, rules' names, phases and
    announcements: what a run's marks read, ``policy.schedule.load_schedule``), read
    without compiling it, so that a policy naming a terms file or catalogue that is not
    where the run is reopened still has its marks. None for a text that is not a
    policy's structure (a text of an older version)."""
    from policy.errors import LocatedError
    from policy.schedule import load_schedule

    try:
        return load_schedule(text, source)
    except (LocatedError, ValueError, KeyError, TypeError):
        return None


def stored_marks(
    scenario_text: str | None,
    policy_text: str,
    changes: Sequence[dict[str, Any]] = (),
    label: Callable[[str, str], str] | None = None,
    source: str = "<stored policy>",
) -> list[Mark]:
    """A run's event marks from its texts, as the live run had them: ``run_marks`` of the
    scenario (``scenario_text``, YAML or JSON; None or a text the current code does not
    read: no scenario marks), the schedule of the policy it was set up with
    (``policy_text``, read by :func:`policy_schedule`) and what changed while it ran
    (``changes``, as ``Simulation.history``). ``label(name, source)`` words a policy put
    in force (default: its name). What reopens or reports a stored run draws these."""
    from policy.errors import LocatedError
    from simulation.scenario import parse_scenario

    scenario = None
    if scenario_text is not None:
        try:
            scenario = parse_scenario(scenario_text, "<stored scenario>")
        except (LocatedError, ValueError, AttributeError):
            scenario = None
    return run_marks(scenario, policy_schedule(policy_text, source), changes, label)


def dumps(history: Sequence[dict[str, Any]]) -> str:
    """``history`` as the JSON text stored with a run (``Run.history_json``; strict JSON,
    see ``simulation.strict_json``)."""
    return strict_dumps(list(history), ensure_ascii=False)


def loads(text: str | None) -> list[dict[str, Any]] | None:
    """A stored ``history_json`` as a list of changes; None when the run was stored before
    histories were kept (NULL) or the text is not a list."""
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return [c for c in data if isinstance(c, dict)] if isinstance(data, list) else None


def value_text(value: Any) -> str:
    """A parameter's value as JSON writes it (``0.25``, ``true``, ``"zh_CN"``)."""
    return json.dumps(value, ensure_ascii=False)


def day_range(first: int, end: int, w: Words = ENGLISH) -> str:
    """``days 3–9``, ``day 3``: the days from ``first`` up to ``end`` (excluded), in the
    words of ``w`` (a report's language; English by default)."""
    if end - first == 1:
        return w(ONE_DAY).format(day=first)
    return w(DAY_SPAN).format(first=first, last=end - 1)


@dataclass(frozen=True)
class Period:
    """One policy's time in force: from day ``first`` up to ``end`` (excluded), within
    the days run (``first == end``: no day ran under it). ``applied``: the day it was put
    in force during the run (None: the run was set up with it); ``acts``: the first day
    its rules act in that time when later than ``first`` (its ``start_day`` or schedule;
    None otherwise)."""

    name: str
    source: str
    first: int
    end: int
    applied: int | None = None
    acts: int | None = None
    change: dict[str, Any] | None = field(default=None, compare=False, repr=False)

    @property
    def days(self) -> int:
        return self.end - self.first

    def describe(self, days_run: int, w: Words = ENGLISH) -> str:
        """When it was in force, in words: ``days 30–59 (put in force on day 30)`` (in the
        language of ``w``; English by default)."""
        if self.applied is None:
            how = w(SET_UP_WITH_RUN)
        else:
            how = w(PUT_IN_FORCE).format(day=self.applied)
        if self.acts is not None:
            how += w(RULES_ACT_FROM).format(day=self.acts)
        if self.days > 0:
            return w(IN_FORCE_ON).format(days=day_range(self.first, self.end, w), how=how)
        if self.first >= days_run:
            return w(NO_DAY_AFTER_END).format(how=how, last=days_run - 1)
        return w(NO_DAY_REPLACED).format(how=how, first=self.first)


@dataclass(frozen=True)
class RunHistory:
    """What a run started with and what changed while it ran.

    ``start_name``/``start_source``: the policy the run was set up with; ``changes``: as
    ``Simulation.history``; ``days``: the days run (saved); ``recorded`` False: the run
    was stored before histories were kept, so whether anything changed is not known."""

    start_name: str
    start_source: str
    changes: tuple[dict[str, Any], ...] = ()
    days: int = 0
    recorded: bool = True

    @classmethod
    def of_simulation(cls, sim: Any) -> RunHistory:
        """The history of a (live) ``Simulation`` over the days it has run."""
        return cls(
            str(sim.start_policy.get("name", "")),
            str(sim.start_policy.get("source", "")),
            tuple(sim.history),
            len(sim.records),
        )

    @classmethod
    def of_run(cls, run: Any) -> RunHistory:
        """The history of a stored ``Run`` row (its ``history_json``, ``policy_text``,
        ``days_done``); the starting policy's name is the one the first change replaced."""
        changes = loads(getattr(run, "history_json", None))
        start = run.policy_name
        switches = [c for c in changes or [] if c.get("kind") == POLICY]
        if switches:
            start = str(switches[0].get("replaces", start))
        return cls(
            start, run.policy_text, tuple(changes or ()), int(run.days_done), changes is not None
        )

    # ------------------------------------------------------------------ the changes
    def effective(self) -> list[dict[str, Any]]:
        """The changes that took effect (see ``simulation.world.history.effective``)."""
        return effective(self.changes)

    @property
    def changed(self) -> bool:
        """Whether any policy or parameter was changed while the run ran."""
        return bool(self.effective())

    def policy_changes(self) -> list[dict[str, Any]]:
        return [c for c in self.effective() if c["kind"] == POLICY]

    def parameter_changes(self) -> list[dict[str, Any]]:
        return [c for c in self.effective() if c["kind"] == PARAMETER]

    def name(self, label: Callable[[str, str], str] | None = None, w: Words = ENGLISH) -> str:
        """The name of the policy, or of every policy in the order they were put in force:
        ``No moderation → March-2024 crackdown (day 30)``. ``label(name, source)`` words
        each policy (default: its name; the app adds a hash of its text); ``w``: the
        language of the words around the names (English by default)."""
        word = label or (lambda name, _source: name)
        return word(self.start_name, self.start_source) + "".join(
            " → " + w(IN_CHAIN).format(policy=word(str(c["name"]), str(c["source"])), day=c["day"])
            for c in self.policy_changes()
        )

    def periods(self) -> list[Period]:
        """Each policy's time in force, in order (the starting policy first)."""
        switches = self.policy_changes()
        starts = [0, *(int(c["day"]) for c in switches)]
        nexts: list[int | None] = [*starts[1:], None]
        periods = []
        for i, (first, nxt) in enumerate(zip(starts, nexts, strict=True)):
            end = max(first, min(self.days, nxt if nxt is not None else self.days))
            if i == 0:
                periods.append(Period(self.start_name, self.start_source, 0, end))
                continue
            change = switches[i - 1]
            acts = acts_from(Outline.of(change), first)
            if acts is not None and (acts == first or (nxt is not None and acts >= nxt)):
                acts = None  # acts at once, or never within its time: nothing to add
            periods.append(
                Period(str(change["name"]), str(change["source"]), first, end, first, acts, change)
            )
        return periods

    # ------------------------------------------------------------------ in words
    def lines(self, w: Words = ENGLISH) -> list[str]:
        """Each change in words, in day order (in the language of ``w``; English by
        default). Policy names, parameter keys and values stay as written."""
        out = []
        acts = {p.applied: p.acts for p in self.periods() if p.applied is not None}
        last = self.days - 1
        for c in self.effective():
            day = int(c["day"])
            if c["kind"] == POLICY:
                text = w(POLICY_CHANGE).format(day=day, name=c["name"], replaces=c["replaces"])
                if acts.get(day) is not None:
                    text += w(RULES_ACT_FROM).format(day=acts[day])
                if day >= self.days:
                    text += w(POLICY_AFTER_END).format(last=last)
            else:
                old, new = value_text(c["old"]), value_text(c["new"])
                text = w(PARAMETER_CHANGE).format(day=day, key=c["key"], old=old, new=new)
                if day >= self.days:
                    text += w(PARAMETER_AFTER_END).format(last=last)
            out.append(text)
        return out

    def brief(self) -> str:
        """A short mark for listings: "" (no change), ``not recorded`` (stored before
        histories were kept) or the changes, ``day 30 policy; day 12 posting.x 1 → 2``."""
        if not self.recorded:
            return NOT_RECORDED
        parts = []
        for c in self.effective():
            if c["kind"] == POLICY:
                parts.append(f"day {c['day']} policy")
            else:
                parts.append(
                    f"day {c['day']} {c['key']} {value_text(c['old'])} → {value_text(c['new'])}"
                )
        if len(parts) > 3:
            return "; ".join(parts[:3]) + f"; … ({len(parts)} changes)"
        return "; ".join(parts)

    def compact(self) -> list[dict[str, Any]] | None:
        """The changes that took effect without the policies' texts and outlines (for a
        JSON listing); None when not recorded."""
        if not self.recorded:
            return None
        keep = ("day", "kind", "name", "replaces", "key", "old", "new")
        return [{k: c[k] for k in keep if k in c} for c in self.effective()]

    def policy_account(self, w: Words = ENGLISH) -> str:
        """Every policy in force and its text, as one plain text (a report's <pre>): for a
        run without policy changes, its text alone. The comments above each text are in
        the language of ``w`` (English by default)."""
        periods = self.periods()
        if len(periods) == 1:
            return self.start_source
        head = [f"# {w(POLICIES_BY_DAY)}"]
        spans = [
            w(POLICY_DAYS).format(policy=p.name, days=p.describe(self.days, w)) for p in periods
        ]
        head += [f"#   {span}" for span in spans]
        blocks = [
            f"# ---- {span} ----\n{p.source.rstrip()}\n"
            for span, p in zip(spans, periods, strict=True)
        ]
        return "\n".join(head) + "\n\n" + "\n".join(blocks)
