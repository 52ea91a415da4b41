"""What a study file's model alone cannot check, located in the study file.

A study names a scenario, policies, seeds, parameter values and the parameter its figure
is drawn against. Each of them is checked here before any run starts, the way a lesson's
steps are (``simulation.lessons.load``): the scenario and every policy exist and load,
every value of ``set`` is one the scenario takes, every path of ``policy_set`` and
``policy_zip`` is in some policy and each of its values compiles there, zipped lists are
equally long, ``baseline`` is one of the policies and ``x`` is a swept parameter. Every
problem names the study file, the line and column of the value (or key) at fault and its
field, with the closest valid name where there is one.

Relative names resolve from the study's folder first (a policy or scenario file next to
the study), then as presets, as :func:`resolve` says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from policy.errors import LocatedError, Problem, did_you_mean
from policy.yamlfile import Located, parse_yaml
from simulation.messages import UnknownParameter
from simulation.problems import problem_at
from simulation.scenario import Scenario, load_scenario, preset_names, scenario_path
from simulation.sweeps.plan import parse_seeds
from simulation.sweeps.variants import (
    PolicySource,
    compile_source,
    has_path,
    read_policy,
    variant,
)

Report = Callable[..., None]


def resolve(base: Path, ref: str) -> str:
    """A name in a study file: a file next to the study when there is one, else as written
    (a preset name, or a path from the working directory)."""
    here = base / ref
    return str(here) if here.exists() else ref


def check_study(doc: Located, study: Any, base: Path) -> list[Problem]:
    """Every problem of ``study`` (a validated :class:`~simulation.sweeps.study.Study`)
    that its model cannot see, located in ``doc`` (the study file as read); ``base`` is
    the study's folder. Returns the problems in file order (none: the study can run)."""
    problems: list[Problem] = []

    def problem(where: tuple, message: Any, key: bool = False) -> None:
        problems.append(problem_at(doc, where, message, key=key))

    seeds = study.seeds
    try:
        parse_seeds(seeds if isinstance(seeds, list) else str(seeds))
    except ValueError as exc:
        problem(("seeds",), str(exc))
    scenario = _scenario(study.scenario, base, problem)
    sources = _policies(study.policies, base, problem)
    if scenario is not None:
        for key, values in (study.set or {}).items():
            for where, value in _values(("set", key), values):
                if not _check_set(scenario, key, value, where, problem):
                    break
    for field in ("policy_set", "policy_zip"):
        for key, values in (getattr(study, field) or {}).items():
            _check_policy_values(sources, (field, key), key, values, problem)
    _check_zip(study.policy_zip or {}, problem)
    if study.baseline is not None and study.baseline not in study.policies:
        hint = did_you_mean(study.baseline, study.policies)
        known = ", ".join(study.policies)
        problem(
            ("baseline",),
            f"'{study.baseline}' is not one of the study's policies{hint} (policies: {known})",
        )
    swept = [*(study.set or {}), *(study.policy_set or {}), *(study.policy_zip or {})]
    if study.x is not None and study.x not in swept:
        hint = did_you_mean(study.x, swept)
        listed = ", ".join(swept) if swept else "nothing"
        problem(("x",), f"'{study.x}' is not a swept parameter{hint} (the study sweeps: {listed})")
    _check_x_numbers(study, problem)
    return sorted(problems, key=lambda p: (p.line, p.column))


def _check_x_numbers(study: Any, problem: Report) -> None:
    """The study's curve plots its measures against the values of ``x``: each a number."""
    for field in ("policy_set", "policy_zip"):
        values = (getattr(study, field) or {}).get(study.x)
        if study.x is None or values is None:
            continue
        for where, value in _values((field, study.x), values):
            if isinstance(value, bool) or not isinstance(value, int | float):
                problem(
                    where,
                    f"x is '{study.x}': the study's curve plots against its values, "
                    f"each a number, not {value!r}",
                )


def _scenario(name: str, base: Path, problem: Report) -> Scenario | None:
    ref = resolve(base, name)
    if not scenario_path(ref).exists():
        hint = did_you_mean(name, preset_names())
        known = ", ".join(preset_names())
        problem(("scenario",), f"no scenario preset or file '{name}'{hint} (presets: {known})")
        return None
    try:
        return load_scenario(ref)
    except LocatedError as exc:
        problem(("scenario",), _first(exc))
        return None


def _policies(refs: list[str], base: Path, problem: Report) -> list[PolicySource]:
    sources = []
    for i, ref in enumerate(refs):
        try:
            source = read_policy(resolve(base, ref))
            compile_source(source)
        except LocatedError as exc:
            problem(("policies", i), _first(exc))
            continue
        sources.append(source)
    return sources


def _values(where: tuple, values: Any) -> Iterator[tuple[tuple, Any]]:
    """Each value a sweep takes from ``values`` (a list, or one value), with its place."""
    if isinstance(values, list):
        for j, value in enumerate(values):
            yield (*where, j), value
    else:
        yield where, values


def _check_set(scenario: Scenario, key: str, value: Any, where: tuple, problem: Report) -> bool:
    """Whether the parameter exists (its other values are worth checking)."""
    try:
        scenario.with_changes({key: value})
    except UnknownParameter as exc:
        problem(where[:2], str(exc.text), key=True)
        return False
    except LocatedError as exc:
        problem(where, f"the scenario does not take {key}={value!r}: {_why(exc)}")
    return True


def _check_policy_values(
    sources: list[PolicySource], at: tuple, key: str, values: Any, problem: Report
) -> None:
    having = [s for s in sources if has_path(s.text, key)]
    if sources and not having:
        paths = sorted({p for s in sources for p in _paths(s)})
        hint = did_you_mean(key, paths)
        problem(at, f"no policy of the study has '{key}'{hint}", key=True)
        return
    for where, value in _values(at, values):
        for source in having:
            try:
                compile_source(variant(source, {key: value}))
            except LocatedError as exc:
                refused = f"policy '{source.ref}' with {key}={value!r} does not compile"
                problem(where, f"{refused}: {_why(exc)}")
                break


def _check_zip(zipped: dict[str, list[Any]], problem: Report) -> None:
    lengths = {key: len(values) for key, values in zipped.items()}
    if len(set(lengths.values())) <= 1:
        return
    first, n = next(iter(lengths.items()))
    for key, count in lengths.items():
        if count != n:
            problem(
                ("policy_zip", key),
                f"zipped lists move together, so each needs the same number of values: "
                f"this one has {count}, '{first}' has {n}",
            )


def _paths(source: PolicySource) -> Iterator[str]:
    """The dotted paths of a policy's values (rules also by name), for "did you mean"."""

    def walk(node: Any, prefix: str) -> Iterator[str]:
        if isinstance(node, dict):
            for k, v in node.items():
                path = f"{prefix}.{k}" if prefix else str(k)
                yield path
                yield from walk(v, path)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                names = [str(i)]
                if isinstance(item, dict) and isinstance(item.get("name"), str):
                    names.append(item["name"])
                for name in names:
                    path = f"{prefix}.{name}"
                    yield path
                    yield from walk(item, path)

    try:
        yield from walk(parse_yaml(source.text, source.file).data, "")
    except LocatedError:
        return


def _why(exc: LocatedError) -> str:
    """What refused a value: each problem's field and message, once."""
    return "; ".join(dict.fromkeys(f"{p.field}: {p.message}" for p in exc.problems))


def _first(exc: LocatedError) -> str:
    """The first problem of another file, located (``file:line:col: field: message``), and
    how many more there are."""
    first, more = str(exc.problems[0]), len(exc.problems) - 1
    return f"{first} (and {more} more)" if more else first
