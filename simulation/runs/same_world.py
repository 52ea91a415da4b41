"""Whether two runs are of the same world, and in plain words why not.

A run's world is everything that fixes what happens in it but its policy: the scenario as
it ran (its settings, with the run's ``--set`` values or a sweep's parameters applied) and
its seed. Two runs of one world under two policies differ only by what the policies did,
so one can be measured against the other ("avoided"); against a run of another world
such a measure would count the difference between the worlds as the policy's doing.

What does not make another world: the scenario's name and description, the layout and
comments of its text, and the number of days run (the engine draws nothing ahead for
later days, so the first days of a longer run are those of a shorter one, bit for bit;
a longer baseline is counted over the days both ran).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from simulation.numbers import ranges

POLICY_PREFIX = "policy:"  # params_json keys of policy parameters (not the world's)
NOT_THE_WORLD = ("name", "description", "seed", "days")  # scenario fields that are not
SHOWN = 4  # differing settings named in a reason (the rest counted)
LONGEST = 40  # characters of a setting's value shown in a reason


@dataclass(frozen=True)
class World:
    """A run's scenario as it ran, seed aside. ``key``: equal for two runs exactly when
    their scenarios are the same world (a digest of ``settings``, or, for a text the
    current code cannot read, of the text and its changes). ``settings``: each setting
    by its dotted path, as the run had it (None for an unreadable text)."""

    key: str
    settings: Mapping[str, Any] | None


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _flat(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            out.update(_flat(value, path + "."))
        else:
            out[path] = value
    return out


_KNOWN: dict[str, World] = {}  # every world worked out in this process, by key


def known(key: str) -> World:
    """The world of ``key`` as :func:`world_of` worked it out in this process (its
    settings unknown when it did not)."""
    return _KNOWN.get(key) or World(key, None)


@functools.lru_cache(maxsize=512)
def world_of(text: str, params_json: str = "{}") -> World:
    """The world of a stored run's scenario ``text`` with its ``params_json`` (as stored:
    strict JSON; keys beginning ``policy:`` are the policy's and left out) applied."""
    from policy.errors import LocatedError
    from simulation.scenario import parse_scenario

    params = json.loads(params_json or "{}")
    changes = {k: v for k, v in sorted(params.items()) if not k.startswith(POLICY_PREFIX)}
    try:
        scenario = parse_scenario(text, "<stored scenario>")
        if changes:
            scenario = scenario.with_changes(changes)
    except (LocatedError, KeyError, ValueError, AttributeError):
        world = World("text:" + _digest([text, changes]), None)
    else:
        settings = _flat(scenario.model_dump(mode="json", exclude=set(NOT_THE_WORLD)))
        world = World(_digest(settings), settings)
    _KNOWN.setdefault(world.key, world)
    return world


@dataclass(frozen=True)
class RunWorld:
    """What a reason needs of a run: its id (0 or less: not stored), scenario name,
    scenario parameters as a label (``a=1, b=2``), seed and :class:`World`."""

    run_id: int
    scenario: str
    params: str
    seed: int
    world: World

    def same_world(self, other: RunWorld) -> bool:
        return self.world.key == other.world.key and self.seed == other.seed


def _value(v: Any) -> str:
    if v is None:
        return "none"
    if isinstance(v, bool | str):
        text = json.dumps(v, ensure_ascii=False)
    elif isinstance(v, int):
        text = f"{v:,}"
    elif isinstance(v, float):
        text = f"{v:,.6g}"
    else:  # a list (events, a mix)
        text = json.dumps(v, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


def differing_settings(run: World, base: World) -> list[str]:
    """``path: run's value against the baseline's`` for each setting the two worlds set
    differently, in path order (a section one world has and the other leaves empty is
    one entry: ``corpus set against none``); empty when either text could not be read."""
    if run.settings is None or base.settings is None:
        return []
    a, b = run.settings, base.settings
    out: dict[str, str] = {}
    for path in sorted(set(a) | set(b)):
        if path in a and path in b:
            if a[path] != b[path]:
                out[path] = f"{path} {_value(a[path])} against {_value(b[path])}"
            continue
        # a section the other world leaves empty (``corpus: null``): named once
        section = _section(path, b if path in a else a)
        if section is None:
            continue
        run_side = "set" if path in a else _value(a.get(section))
        base_side = "set" if path in b else _value(b.get(section))
        out.setdefault(section, f"{section} {run_side} against {base_side}")
    return [out[k] for k in sorted(out)]


def _section(path: str, other: Mapping[str, Any]) -> str | None:
    """The part of ``path`` that ``other`` holds as one value (``corpus`` for
    ``corpus.path`` when the other world has ``corpus: null``); None when none does."""
    parts = path.split(".")
    for i in range(len(parts) - 1, 0, -1):
        if ".".join(parts[:i]) in other:
            return ".".join(parts[:i])
    return None


def _closest(run: RunWorld, bases: list[RunWorld]) -> RunWorld:
    """The baseline run that differs from ``run`` in the fewest ways (world, then seed)."""

    def distance(b: RunWorld) -> tuple[int, int, int, int]:
        return (
            b.world.key != run.world.key,
            b.scenario != run.scenario,
            b.params != run.params,
            b.seed != run.seed,
        )

    return min(bases, key=distance)


def why_not_same_world(run: RunWorld, bases: list[RunWorld]) -> str:
    """Why no run of ``bases`` (the baseline's runs) is of ``run``'s world, in plain
    words: which of the scenario, its text, the parameters and the seed differ, and the
    settings that differ; ``""`` when one of them is of the same world (or there is no
    baseline run at all: nothing to measure against is said elsewhere)."""
    if not bases or any(run.same_world(b) for b in bases):
        return ""
    same = [b for b in bases if b.world.key == run.world.key]
    if same:  # the same scenario, never run on this seed
        seeds = sorted({b.seed for b in same})
        return (
            f"no baseline run on seed {run.seed} (the baseline ran the same scenario on "
            f"seed{'s' if len(seeds) > 1 else ''} {ranges(seeds)})"
        )
    base = _closest(run, bases)
    which = f"run {base.run_id}" if base.run_id > 0 else "the baseline run"
    parts = []
    if base.scenario != run.scenario:
        parts.append(f"another scenario ({base.scenario}, this run {run.scenario})")
    settings = differing_settings(run.world, base.world)
    params_differ = base.params != run.params
    if params_differ:
        parts.append(f"other parameters ({base.params or 'none'}, this run {run.params or 'none'})")
    if base.scenario == run.scenario and not params_differ:
        parts.append(f"the same scenario name ({run.scenario}) with another scenario text")
    elif base.scenario == run.scenario and settings and not _explained(settings, run, base):
        parts.append("another scenario text")
    if base.seed != run.seed:
        parts.append(f"another seed ({base.seed}, this run {run.seed})")
    text = f"its baseline ({which}) is not the same world: " + "; ".join(parts)
    if settings:
        shown = "; ".join(settings[:SHOWN])
        more = f"; and {len(settings) - SHOWN} more" if len(settings) > SHOWN else ""
        text += f" (settings that differ, this run against the baseline: {shown}{more})"
    return text


def _explained(settings: list[str], run: RunWorld, base: RunWorld) -> bool:
    """Every differing setting is one the parameters set (the texts are alike there)."""
    named = {
        part.split("=", 1)[0].strip()
        for label in (run.params, base.params)
        for part in label.split(",")
    }
    return all(s.split(" ", 1)[0] in named for s in settings)
