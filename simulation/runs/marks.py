"""Event marks: the days on which something happened to a run, for charts to label.

A chart of a crackdown means little without the day it was announced. The marks of a
run come from four places:

* the scenario's events (an announcement, a parameter change, an influx of accounts);
* the policy: its announcements and the days its rules come into force;
* what someone did during the run: a policy applied, a parameter changed (the app, a
  lesson);
* the steps of a lesson.

A :class:`Mark` is language-neutral: ``kind`` is one of :data:`KINDS` and ``detail`` is
data (a multiplier, a policy name, ``key = value``), so the app words it in the
interface language and a handout in its own; :func:`label` gives the wording used
outside the app (English and Chinese): an announcement's multiplier is the risk of being
caught that sellers weigh from that day (``announcement (sellers' risk ×3)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from simulation.world.history import PARAMETER as CHANGED_PARAMETER
from simulation.world.history import POLICY as CHANGED_POLICY
from simulation.world.history import Outline, effective

ANNOUNCEMENT = "announcement"
POLICY = "policy"
PARAMETER = "parameter"
INFLUX = "influx"
STEP = "step"
KINDS = (ANNOUNCEMENT, POLICY, PARAMETER, INFLUX, STEP)

REPORT_LOCALE = "en_US"  # the language reports are written in unless --lang says another

# the words a handout or the command line uses for each kind
KIND_WORDS: dict[str, dict[str, str]] = {
    "en_US": {
        ANNOUNCEMENT: "announcement",
        POLICY: "policy in force",
        PARAMETER: "changed",
        INFLUX: "newcomers",
        STEP: "step",
    },
    "zh_CN": {
        ANNOUNCEMENT: "公告",
        POLICY: "策略生效",
        PARAMETER: "参数改变",
        INFLUX: "新账号涌入",
        STEP: "步骤",
    },
}


@dataclass(frozen=True)
class Mark:
    """Something that happened on ``day`` (the first day it affects).

    ``detail`` is shown after the kind's word: ``×3`` for an announcement's risk
    multiplier, a policy's name, ``key = value`` for a parameter, a step's number.
    """

    day: int
    kind: str
    detail: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown mark kind {self.kind!r} (one of {', '.join(KINDS)})")


# how a kind's detail is worded where the bare detail would not say what it is: an
# announcement's ``×3`` multiplies the risk of being caught that sellers weigh (the app's
# tooltip on a mark says it the same way)
DETAIL_FORMS: dict[str, dict[str, str]] = {
    "en_US": {ANNOUNCEMENT: "{word} (sellers' risk {detail})"},
    "zh_CN": {ANNOUNCEMENT: "{word}（卖家风险 {detail}）"},
}


def label(mark: Mark, locale: str = "en_US") -> str:
    """``announcement (sellers' risk ×3)``, ``策略生效 crackdown``: the mark in words
    (en_US or zh_CN)."""
    words = KIND_WORDS.get(locale, KIND_WORDS["en_US"])
    form = DETAIL_FORMS.get(locale, DETAIL_FORMS["en_US"]).get(mark.kind)
    if form is not None and mark.detail:
        return form.format(word=words[mark.kind], detail=mark.detail)
    return f"{words[mark.kind]} {mark.detail}".strip()


def multiplier(value: float) -> str:
    return f"×{value:g}"


def scenario_marks(scenario: Any) -> list[Mark]:
    """The scenario's scheduled events (``scenario.events``), in day order."""
    marks = []
    for event in scenario.events:
        if event.announce is not None:
            marks.append(Mark(event.day, ANNOUNCEMENT, multiplier(event.announce.risk_multiplier)))
        elif event.set:
            detail = ", ".join(f"{k} = {v}" for k, v in event.set.items())
            marks.append(Mark(event.day, PARAMETER, detail))
        elif event.spawn:
            marks.append(Mark(event.day, INFLUX, f"+{sum(event.spawn.values())}"))
    return sorted(marks, key=lambda m: m.day)


def policy_marks(policy: Any, from_day: int = 0) -> list[Mark]:
    """A policy's announcements and the days its rules change (from ``from_day`` on).

    A policy applied on day ``from_day`` announces only what is still ahead; a phase
    that starts before ``from_day`` is in force from ``from_day``. A policy without
    rules (no moderation) marks nothing.
    """
    marks = [
        Mark(a.day, ANNOUNCEMENT, multiplier(a.risk_multiplier))
        for a in policy.announcements()
        if a.day >= from_day
    ]
    name = str(getattr(policy, "name", ""))
    phases = sorted(getattr(policy, "phases", []) or [], key=lambda ph: int(ph.from_day))
    # each phase with rules that is still in force from ``from_day`` on (one that ended
    # before it marks nothing: no rule of it acts then)
    ends = [int(ph.from_day) for ph in phases[1:]] + [None]
    starts = sorted(
        {
            max(int(ph.from_day), from_day)
            for ph, end in zip(phases, ends, strict=True)
            if ph.rules and (end is None or end > from_day)
        }
    )
    if not phases and list(getattr(policy, "rule_names", ())):
        starts = [from_day]
    marks += [Mark(day, POLICY, name) for day in starts if day > 0 or from_day == 0]
    return sorted(marks, key=lambda m: m.day)


def acts_from(policy: Any, from_day: int = 0) -> int | None:
    """The first day, ``from_day`` or later, on which one of ``policy``'s rules is in force.

    A policy loaded on ``from_day`` may act later: its ``start_day`` (the ``crackdown``
    preset's is 30) or its schedule's first phase with rules. Phases are
    ``policy.phases`` (``from_day`` and the indices of their ``rules``, each lasting until
    the next phase's start); a policy without phases acts from ``from_day`` when it has
    rules. ``None``: no rule is ever in force from ``from_day`` on (no moderation).
    """
    phases = sorted(getattr(policy, "phases", []) or [], key=lambda ph: int(ph.from_day))
    if not phases:
        return from_day if list(getattr(policy, "rule_names", ())) else None
    for i, phase in enumerate(phases):
        end = int(phases[i + 1].from_day) if i + 1 < len(phases) else None
        if phase.rules and (end is None or end > from_day):
            return max(int(phase.from_day), from_day)
    return None


def heard(policy: Any, from_day: int = 0) -> list[int]:
    """The days, ``from_day`` or later, of ``policy``'s announcements that change what
    sellers weigh (a risk multiplier above 1: one of 1 or less adds no fear), in order.
    A policy put in force on ``from_day`` makes only those still ahead."""
    made = policy.announcements() if hasattr(policy, "announcements") else ()
    return sorted(int(a.day) for a in made if a.day >= from_day and a.risk_multiplier > 1)


def first_action(policy: Any, from_day: int = 0) -> int | None:
    """The first day, ``from_day`` or later, on which ``policy`` acts: its first
    announcement (sellers hear it and weigh more risk from that day, :func:`heard`) or
    the first day one of its rules is in force (:func:`acts_from`), whichever comes
    first. ``None``: it never acts (no moderation). A policy that announces on day 3
    and enforces from day 20 acts from day 3: sellers already post less after the
    announcement, so its runs differ from no moderation from then on."""
    days = [d for d in (acts_from(policy, from_day), *heard(policy, from_day)) if d is not None]
    return min(days, default=None)


def run_marks(
    scenario: Any,
    policy: Any,
    history: Sequence[Mapping[str, Any]] = (),
    label: Callable[[str, str], str] | None = None,
) -> list[Mark]:
    """Every mark of a run, as the app draws it while the run is live and when it is
    reopened from the database, in day order.

    * the scenario's events (:func:`scenario_marks`; ``scenario`` None: none);
    * the policy the run was set up with (``policy``: the policy object, or None when it
      is not known): its marks (:func:`policy_marks`) before its first replacement;
    * each policy put in force during the run (``history``, as ``Simulation.history``):
      a "policy" mark on the day it was put in force, detailed ``label(name, source)``
      (default: its name), then its own marks after that day, up to its replacement;
    * each parameter changed during the run: a "parameter" mark ``key = new value``.

    Changes that never took effect (two before the same day) count once, as in
    :func:`simulation.world.history.effective`.
    """
    name_of = label or (lambda name, _source: name)
    changes = effective(history)
    switches = [c for c in changes if c["kind"] == CHANGED_POLICY]
    ends = [int(c["day"]) for c in switches] + [None]
    marks = scenario_marks(scenario) if scenario is not None else []

    def before(found: list[Mark], end: int | None) -> list[Mark]:
        return [m for m in found if end is None or m.day < end]

    if policy is not None:
        marks += before(policy_marks(policy), ends[0])
    for change, end in zip(switches, ends[1:], strict=True):
        day = int(change["day"])
        marks.append(Mark(day, POLICY, name_of(str(change["name"]), str(change["source"]))))
        # its own marks from that day on: the "policy" mark of that day is the one above;
        # an announcement made that day is heard (as policy_marks says) and shown
        own = policy_marks(Outline.of(change), from_day=day)
        later = [m for m in own if m.day > day or m.kind != POLICY]
        marks += before(later, end)
    marks += [
        Mark(int(c["day"]), PARAMETER, f"{c['key']} = {c['new']}")
        for c in changes
        if c["kind"] == CHANGED_PARAMETER
    ]
    return sorted(marks, key=lambda m: m.day)


def merged(marks: Iterable[Mark], locale: str = "en_US") -> list[tuple[int, str]]:
    """One entry per day: ``(day, "label; label")`` with duplicates dropped, day order."""
    by_day: dict[int, list[str]] = {}
    for mark in marks:
        text = label(mark, locale)
        day = by_day.setdefault(mark.day, [])
        if text not in day:
            day.append(text)
    return [(day, "; ".join(texts)) for day, texts in sorted(by_day.items())]


def within(marks: Sequence[Mark], first: int, last: int) -> list[Mark]:
    """The marks with ``first <= day <= last``."""
    return [m for m in marks if first <= m.day <= last]
