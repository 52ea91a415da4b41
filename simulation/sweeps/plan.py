"""A sweep's plan: policies × seeds × parameter values expanded into jobs, validated up front.

A job's key is a hash of the policy text that ran, the seed, the parameters and the
number of days, so a re-run of a sweep id recognises what is already stored. It names the
work, not the rules it was computed under: a stored run is reused only when it was also
made under this code's model version (``simulation.model_version``, stored with each run
and compared by ``simulation.sweeps.sweep``).
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policy.errors import LocatedError
from policy.yamlfile import parse_value
from simulation.messages import UnknownParameter
from simulation.runs.marks import acts_from, first_action
from simulation.runs.run import resolve_scenario
from simulation.runs.scenario_shown import POLICY_PREFIX  # params_json keys of policy parameters
from simulation.scenario import Scenario
from simulation.strict_json import dumps
from simulation.sweeps import words as W
from simulation.sweeps.variants import (
    PolicySource,
    compile_source,
    does_nothing_text,
    has_path,
    is_baseline_text,
    read_policy,
    variant,
)

SET_PREFIX = "set:"  # columns of scenario parameters in SweepResult.runs
# What a sweep stores per run. "all" is what `simulation.run` stores (the feed view and
# audits work on any run); "sample" keeps the daily metrics, rule statistics, events and
# the SAMPLE_POSTS most-seen posts, and drops feeds and accounts: a demo run shrinks
# from ~7 MB and seconds of writing to a fraction, which is what a 100-run study needs.
KEEP = ("all", "sample")
SAMPLE_POSTS = 200


def parse_seeds(text: str | Iterable[int]) -> list[int]:
    """``"1-20"``, ``"1,3,5"``, ``"1-5,9"`` or a list of ints → sorted unique seeds."""
    if not isinstance(text, str):
        return sorted({int(s) for s in text})
    seeds: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        lo, sep, hi = part.partition("-")
        try:
            if sep and lo:
                a, b = int(lo), int(hi)
                if b < a:
                    raise ValueError(f"seed range '{part}' runs backwards")
                seeds.update(range(a, b + 1))
            else:
                seeds.add(int(part))
        except ValueError as exc:
            if "backwards" in str(exc):
                raise
            raise ValueError(
                f"seeds '{text}': '{part}' is not a seed or a range (expected e.g. 1-20 or 1,3,5)"
            ) from None
    if not seeds:
        raise ValueError(f"no seeds in '{text}'")
    return sorted(seeds)


def _split_values(raw: str) -> list[str]:
    """Split ``a,b,c`` on top-level commas (a YAML list ``[1, 2]`` stays one value)."""
    if raw.strip()[:1] in "[{":
        return [raw]
    return [v for v in raw.split(",") if v.strip()]


def parse_assignments(items: Sequence[str] | None, flag: str) -> dict[str, list[Any]]:
    """``["a.b=1,2", "c=x"]`` → ``{"a.b": [1, 2], "c": ["x"]}``, values read as YAML scalars.

    Raises ``ValueError`` for a malformed item (:class:`~policy.errors.LocatedError`,
    itself a ``ValueError``, for a value that is not usable YAML)."""
    out: dict[str, list[Any]] = {}
    for item in items or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"{flag} {item!r}: expected KEY=VALUE[,VALUE...]")
        out[key.strip()] = [parse_value(v, f"{flag} {key.strip()}") for v in _split_values(raw)]
    return out


def typed_options(items: Sequence[str] | None, flag: str) -> dict[str, str]:
    """Each KEY of ``items`` (``KEY=VALUE[,VALUE...]``) → the option as the user typed it,
    ``--policy-set rules.*.delay_hours=1,6``: what an error about it names."""
    return {item.partition("=")[0].strip(): f"{flag} {item}" for item in items or []}


def option_label(typed: Mapping[str, str], key: str, kind: str = "parameter") -> str:
    """How an error names the option that set ``key``: as typed, else ``parameter 'key'``."""
    return typed.get(key) or f"{kind} '{key}'"


def scenario_changes_error(
    exc: UnknownParameter | LocatedError, changes: Mapping[str, Any], typed: Mapping[str, str]
) -> str:
    """The message for scenario changes a scenario refuses, naming each option as typed:
    ``--set sellers.evasion_lern=0.5: unknown scenario parameter 'sellers.evasion_lern'
    (did you mean 'sellers.evasion_learn'?)``, or the field and why for a value."""
    if isinstance(exc, UnknownParameter):
        return f"{option_label(typed, exc.key)}: {exc.text}"
    out = []
    for p in exc.problems:
        keys = [k for k in changes if p.field == k or p.field.startswith(k + ".")] or list(changes)
        named = ", ".join(option_label(typed, k) for k in keys)
        out.append(f"{named}: {p.field}: {p.message}" if p.field else f"{named}: {p.message}")
    return "; ".join(dict.fromkeys(out))


def _variant_error(
    exc: LocatedError, ref: str, changes: Mapping[str, Any], typed: Mapping[str, str]
) -> str:
    """A policy variant that does not compile, while its policy does: the changes are at
    fault, so the message names the options as typed and what the compiler said (the
    lines of the variant's text are nowhere in the user's file)."""
    out = []
    for p in exc.problems:
        keys = [k for k in changes if k.rsplit(".", 1)[-1] in p.field] or list(changes)
        named = ", ".join(option_label(typed, k, "policy parameter") for k in keys)
        values = ", ".join(f"{k}={changes[k]!r}" for k in keys)
        out.append(f"{named}: {p.field}: {p.message} (policy '{ref}' with {values})")
    return "; ".join(dict.fromkeys(out))


def _grid(values: dict[str, list[Any]]) -> list[dict[str, Any]]:
    keys = list(values)
    return [dict(zip(keys, combo, strict=True)) for combo in itertools.product(*values.values())]


def _zip(
    values: dict[str, list[Any]], typed: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    lengths = {len(v) for v in values.values()}
    if len(lengths) > 1:
        counts = "; ".join(
            f"{option_label(typed or {}, k, 'zipped parameter')} has {len(v)}"
            for k, v in values.items()
        )
        raise ValueError(
            f"zipped parameters move together, so each needs the same number of values: {counts}"
        )
    keys = list(values)
    return [dict(zip(keys, combo, strict=True)) for combo in zip(*values.values(), strict=True)]


def canonical(params: dict[str, Any]) -> str:
    """The parameters as stored (``params_json``) and keyed: strict JSON, keys sorted;
    for finite values the text ``json.dumps(params, sort_keys=True, default=str)`` wrote,
    so a sweep stored before resumes with the same keys."""
    return dumps(params, sort_keys=True)


def param_cell(value: Any) -> Any:
    """A parameter's value as a cell of ``SweepResult.runs`` and in an arm's name: what a
    sweep groups, sorts and labels its runs by. A list or a map (``--set events=[]``) as
    its canonical JSON text (keys sorted: ``[]``, ``{"a": 1}``), which can be compared and
    grouped; any other value (a number, a word, ``None``) as it is."""
    if isinstance(value, list | tuple | dict):
        return dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def check_values(values: Mapping[str, Sequence[Any]], typed: Mapping[str, str], kind: str) -> None:
    """Every parameter of ``values`` (path → its values) has at least one value: a
    parameter without one (``--set x=,``) would run nothing. Raises ``ValueError``
    naming the option as typed (``kind``: what a parameter is called without it)."""
    empty = [k for k, v in values.items() if not len(v)]
    if empty:
        raise ValueError(
            "; ".join(f"{option_label(typed, k, kind)}: no value given" for k in empty)
        )


def job_key(policy_text: str, seed: int, params_json: str, days: int) -> str:
    """The identity a resumed sweep recognises a stored run by: the work it is. Reused only
    when the stored run's model version is also this code's (``simulation.sweeps.sweep``)."""
    h = hashlib.sha1()
    for part in (policy_text, str(seed), params_json, str(days)):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:20]


@dataclass(frozen=True)
class Job:
    """One run of a sweep: everything a worker needs, picklable, no database."""

    key: str
    sweep_id: str
    scenario: Scenario
    scenario_text: str
    policy: PolicySource
    policy_name: str
    seed: int
    days: int
    scenario_changes: dict[str, Any]
    policy_changes: dict[str, Any]
    params_json: str
    keep: str = "all"  # "all": what `simulation.run` stores; "sample": see KEEP


@dataclass
class Plan:
    """The jobs of a sweep, and what the user should know about how it was expanded."""

    sweep_id: str
    jobs: list[Job]
    notes: list[str]  # in English (simulation.sweeps.words.Note: said in a report's language)
    policy_names: dict[str, str]  # policy ref → name
    baseline: str | None  # policy name of the counterfactual, when in the sweep


def plan(
    scenario: Scenario | str | Path,
    policies: Sequence[str | Path],
    seeds: str | Iterable[int],
    *,
    sets: dict[str, list[Any]] | None = None,
    policy_sets: dict[str, list[Any]] | None = None,
    days: int | None = None,
    sweep_id: str | None = None,
    baseline: str | None = None,
    keep: str = "all",
    policy_zip: dict[str, list[Any]] | None = None,
    typed: Mapping[str, str] | None = None,
) -> Plan:
    """Expand a sweep into jobs, validating every scenario and policy variant up front.

    Scenario parameters (``sets``) apply to every policy. A policy parameter
    (``policy_sets``) applies only to the policies that have that path, so a ``none``
    baseline stays one arm in a sweep over the crackdown's takedown delay.
    ``policy_zip`` lists move together instead of crossing: each index is one variant,
    e.g. a classifier threshold as (recall, false-positive rate) points of one ROC curve.
    ``typed``: each parameter's option as the user typed it (:func:`typed_options`), so
    that an error about a value names it (``ValueError``, ``KeyError``); a policy file's
    own errors stay located in the file (``LocatedError``).
    """
    typed = dict(typed or {})
    if keep not in KEEP:
        raise ValueError(f"keep must be one of {KEEP}, not {keep!r}")
    scen, scen_text = resolve_scenario(scenario)
    n_days = int(days) if days is not None else scen.days
    seed_list = parse_seeds(seeds)
    sets, policy_sets = dict(sets or {}), dict(policy_sets or {})
    check_values(sets, typed, "scenario parameter")
    check_values(policy_sets, typed, "policy parameter")
    check_values(policy_zip or {}, typed, "zipped parameter")
    scen_grid = _grid(sets)
    for changes in scen_grid:
        if changes:
            try:
                scen.with_changes(changes)
            except (UnknownParameter, LocatedError) as exc:
                raise ValueError(scenario_changes_error(exc, changes, typed)) from None
    notes: list[str] = []  # W.Note: English, and said in a report's language
    late: set[str] = set()  # policies whose rules start after the last day (noted once)
    sources: list[tuple[PolicySource, dict[str, Any], str]] = []
    names: dict[str, str] = {}
    zipped = _zip(policy_zip or {}, typed)
    given: set[str] = set()
    for ref in policies:
        if str(ref) in given:  # the same runs again: one arm, its seeds counted once
            notes.append(W.Note(W.NOTE_TWICE, ref=ref))
            continue
        given.add(str(ref))
        base = read_policy(ref)
        # a policy without rules or announcements lets everything through whatever its
        # parameters (a top-level key such as start_day can always be set): it runs once;
        # one that only announces runs each variant (its start_day moves the announcement)
        rules = not does_nothing_text(base.text)
        own = {k: v for k, v in policy_sets.items() if rules and has_path(base.text, k)}
        if not rules and (policy_sets or zipped):
            notes.append(W.Note(W.NOTE_NO_RULES, ref=ref))
        for k in policy_sets.keys() - own.keys() if rules else ():
            notes.append(W.Note(W.NOTE_NO_PATH, ref=ref, path=k))
        has_zip = bool(zipped) and rules and all(has_path(base.text, k) for k in zipped[0])
        if zipped and rules and not has_zip:
            notes.append(W.Note(W.NOTE_NO_ZIP, ref=ref))
        variants = list(itertools.product(_grid(own), zipped if has_zip else [{}]))
        if any(crossed or together for crossed, together in variants):
            compile_source(base)  # the file's own errors: located in the file
        for crossed, together in variants:
            changes = {**crossed, **together}
            src = variant(base, changes)
            try:
                compiled = compile_source(src)
            except LocatedError as exc:
                if not changes:
                    raise
                raise ValueError(_variant_error(exc, str(ref), changes, typed)) from None
            names[str(ref)] = compiled.name
            acts, rules_from = first_action(compiled), acts_from(compiled)
            if acts is not None and acts >= n_days and str(ref) not in late:
                late.add(str(ref))
                notes.append(W.Note(W.NOTE_LATE, ref=ref, day=acts, last=n_days - 1))
            elif rules_from is not None and rules_from >= n_days and str(ref) not in late:
                late.add(str(ref))
                notes.append(
                    W.Note(W.NOTE_RULES_LATE, ref=ref, rules=rules_from, last=n_days - 1, day=acts)
                )
            sources.append((src, changes, compiled.name))
    used = {k for _s, changes, _n in sources for k in changes}
    unused = [k for k in [*policy_sets, *(policy_zip or {})] if k not in used]
    if unused:
        raise KeyError(
            "; ".join(
                f"{option_label(typed, k, 'policy parameter')}: no policy in the sweep has '{k}'"
                for k in unused
            )
        )
    by_name: dict[str, set[str]] = {}
    for src, _c, name in sources:
        by_name.setdefault(name, set()).add(src.ref)
    clash = {n: r for n, r in by_name.items() if len(r) > 1}
    if clash:
        raise ValueError(f"two policies share a name, their results would mix: {clash}")
    if sweep_id is None:
        ident = canonical(
            {
                "scenario": scen_text,
                "policies": [s.text for s, _c, _n in sources],
                "sets": sets,
                "days": n_days,
            }
        )
        sweep_id = "sw-" + hashlib.sha1(ident.encode()).hexdigest()[:10]
    jobs = []
    for (src, pchanges, name), schanges, seed in itertools.product(sources, scen_grid, seed_list):
        params = {**schanges, **{POLICY_PREFIX + k: v for k, v in pchanges.items()}}
        pj = canonical(params)
        jobs.append(
            Job(
                job_key(src.text, seed, pj, n_days),
                sweep_id,
                scen,
                scen_text,
                src,
                name,
                seed,
                n_days,
                schanges,
                pchanges,
                pj,
                keep,
            )
        )
    base_name = names.get(str(baseline)) if baseline else None
    if baseline and base_name is None:
        raise ValueError(f"--baseline {baseline!r} is not one of the sweep's policies")
    if base_name is None:
        base_name = next((n for s, _c, n in sources if is_baseline_text(s.text)), None)
    return Plan(sweep_id, jobs, notes, names, base_name)


def as_lists(values: dict[str, Any] | None) -> dict[str, list[Any]]:
    return {
        k: list(v) if isinstance(v, list | tuple | range) else [v]
        for k, v in (values or {}).items()
    }
