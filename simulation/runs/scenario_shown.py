"""The scenario a report shows: the one the runs ran, not the file as written.

A stored run keeps its scenario text as written (``Run.scenario_yaml``) and, beside it,
what the run changed: its ``--set`` values or a sweep's scenario parameters
(``params_json``; keys prefixed ``policy:`` are the policy's and left out here), its
number of days and its seed. A report applies them, so that the scenario it prints is
the one the numbers come from.

What a person changed by hand while a live run ran is not applied here: it is the run's
history (``simulation.runs.history``), listed beside the scenario in a report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from simulation.numbers import ranges
from simulation.runs.report_words import Words
from simulation.runs.report_words import text as _t

POLICY_PREFIX = "policy:"  # params_json keys of policy parameters (scenario keys are bare)

# a scenario's heading in a report (simulation.runs.report_words): its name, the changes
# the runs made, the days when runs of the same changes ran for different lengths, seeds
ENGLISH = Words()
SCENARIO = _t("scenario")  # a scenario without a name
SCENARIO_CHANGED = _t("{name} ({changes})")
SCENARIO_DAYS = _t("{heading}, {days} days")
SCENARIO_SEED = _t("{heading}, seed {seeds}")
SCENARIO_SEEDS = _t("{heading}, seeds {seeds}")
RUN_CHANGED = _t("the run changed: {changes}")  # below a text the code no longer reads


@dataclass(frozen=True)
class RanWith:
    """One run's scenario inputs: the text as stored, its scenario changes (dotted paths
    to values), its days and its seed, and the scenario's name (for headings)."""

    text: str
    changes: dict[str, Any]
    days: int
    seed: int
    name: str = ""

    @classmethod
    def stored(cls, text: str, params_json: str, days: int, seed: int, name: str = "") -> RanWith:
        """From a stored run's fields (``params_json`` as stored: strict JSON)."""
        params = json.loads(params_json or "{}")
        changes = {k: v for k, v in params.items() if not k.startswith(POLICY_PREFIX)}
        return cls(text, changes, int(days), int(seed), name)


def run_parameters(params_json: str) -> dict[str, Any]:
    """A run's ``--set`` values and its sweep's parameters as stored, keys sorted (a
    policy's keys begin with ``policy:``)."""
    return dict(sorted(json.loads(params_json or "{}").items()))


def parameters_text(params_json: str) -> str:
    """``key=value, key=value`` of :func:`run_parameters` (``""`` when there are none), as
    ``runs list`` and the Runs tab show them."""
    return ", ".join(f"{k}={v}" for k, v in run_parameters(params_json).items())


def split_parameters(params_json: str) -> tuple[str, str]:
    """(the scenario's, the policy's) parameters of a run as ``key=value`` texts, as a
    report's arms name them: ``sellers.evasion_learn=0.4`` beside the scenario,
    ``rules.*.delay_hours=2`` beside the policy (its ``policy:`` prefix dropped)."""
    params = run_parameters(params_json)
    scenario = {k: v for k, v in params.items() if not k.startswith(POLICY_PREFIX)}
    policy = {k[len(POLICY_PREFIX) :]: v for k, v in params.items() if k.startswith(POLICY_PREFIX)}
    return _label(scenario), _label(policy)


def scenario_that_ran(text: str, params_json: str, days: int, seed: int) -> str:
    """The scenario a stored run ran, as its report shows it (JSON, as a fresh run's
    report): the stored text with the run's ``--set`` changes, days and seed applied. A
    text the current code no longer reads is shown as stored, followed by what the run
    changed."""
    return _shown(RanWith.stored(text, params_json, days, seed), with_seed=True)


def _shown(ran: RanWith, with_seed: bool, w: Words = ENGLISH) -> str:
    from policy.errors import LocatedError
    from simulation.scenario import parse_scenario

    applied = {**ran.changes, "days": ran.days, "seed": ran.seed}
    try:
        scenario = parse_scenario(ran.text, "<stored scenario>").with_changes(applied)
    except (LocatedError, KeyError, ValueError):
        if not with_seed:
            del applied["seed"]
        said = ", ".join(f"{k}={json.dumps(v, default=str)}" for k, v in applied.items())
        return f"{ran.text.rstrip()}\n\n# {w(RUN_CHANGED).format(changes=said)}\n"
    if with_seed:
        return scenario.model_dump_json(indent=2)
    # several seeds ran this scenario: each run's own is in the runs table, none is "the"
    return scenario.model_dump_json(indent=2, exclude={"seed"})


def _order(ran: RanWith) -> tuple[Any, ...]:
    def value(v: Any) -> tuple[int, Any]:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return (0, float(v))
        return (1, json.dumps(v, sort_keys=True, default=str))

    changes = tuple((k, value(v)) for k, v in sorted(ran.changes.items()))
    return (ran.name, ran.text, changes, ran.days, ran.seed)


def _label(changes: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(changes.items()))


def scenarios_as_run(runs: Iterable[RanWith], w: Words = ENGLISH) -> list[tuple[str, str]]:
    """Each distinct scenario the runs ran, as (heading, text), in the order first run.

    Runs that differ only in their seed share one entry: its text leaves ``seed`` out
    when there are several and its heading names them; a single seed is applied. The
    heading names the scenario, the changes the runs made (as the arms name them) and
    the days when runs of the same changes ran for different lengths, in the words of
    ``w`` (a report's language; English by default)."""
    groups: dict[tuple[str, str, str], tuple[RanWith, list[int]]] = {}
    days_of: dict[tuple[str, str], set[int]] = {}
    # in a fixed order whatever order the runs finished in: by scenario, then by the
    # values changed (numbers as numbers), days and seed
    for ran in sorted(runs, key=_order):
        changes = json.dumps(ran.changes, sort_keys=True, default=str)
        key = (ran.text, changes, str(ran.days))
        _first, seeds = groups.setdefault(key, (ran, []))
        if ran.seed not in seeds:
            seeds.append(ran.seed)
        days_of.setdefault((ran.text, changes), set()).add(ran.days)
    out = []
    for (text, changes, _days), (ran, seeds) in groups.items():
        seeds.sort()
        heading = ran.name or w(SCENARIO)
        if ran.changes:
            heading = w(SCENARIO_CHANGED).format(name=heading, changes=_label(ran.changes))
        if len(days_of[(text, changes)]) > 1:
            heading = w(SCENARIO_DAYS).format(heading=heading, days=ran.days)
        seeded = SCENARIO_SEEDS if len(seeds) > 1 else SCENARIO_SEED
        heading = w(seeded).format(heading=heading, seeds=ranges(seeds))
        one = RanWith(ran.text, ran.changes, ran.days, seeds[0], ran.name)
        out.append((heading, _shown(one, with_seed=len(seeds) == 1, w=w)))
    return out
