"""Read a lesson file and check what the model alone cannot, located in the file.

:func:`load_lesson` reads through the input layer (``policy.yamlfile``: limits, core
YAML only, positions kept), validates with :class:`~simulation.lessons.model.Lesson`,
then checks, in both languages, that every scenario and policy a step names exists and
compiles, that every parameter a step sets exists and takes the value, that a running
world is only given parameters it reads every day, that runs go forward, and that a
question's claims name real metrics over days the run has reached. Every problem is a
:class:`~policy.errors.LocatedError` naming file, line, column and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from policy.errors import LocatedError, Problem
from policy.messages import Message, did_you_mean, msg
from policy.yamlfile import Located, read_yaml, validate
from simulation import messages as S
from simulation.lessons.model import LOCALES, Lesson, Ref, Step, ref
from simulation.messages import UnknownParameter
from simulation.metrics.registry import ALL, BY_NAME, definition
from simulation.paths import assets_dir
from simulation.problems import problem_at
from simulation.scenario import Scenario, controls, load_scenario, preset_names, scenario_path

LESSONS_DIR = assets_dir() / "lessons"
# parameters that shape the world when it is built: a running world never reads them again
WORLD_PREFIXES = ("population.", "graph.", "engine.", "corpus")
WORLD_KEYS = ("seed", "days", "locale", "name", "description", "events")


def lesson_names() -> list[str]:
    """The shipped lessons (files in ``assets/lessons``), by name."""
    return sorted(p.stem for p in LESSONS_DIR.glob("*.yaml"))


def lesson_path(name_or_path: str | Path) -> Path:
    """A shipped lesson's name (``crackdown``) or a file path."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists() or len(path.parts) > 1:
        return path
    return LESSONS_DIR / f"{name_or_path}.yaml"


def world_only(key: str) -> bool:
    """True for a parameter a running world does not read again (set it in ``load``)."""
    if key in WORLD_KEYS or key.startswith(WORLD_PREFIXES):
        return True
    return any(k == key and not c.live for k, c in controls())


@dataclass
class LessonFile:
    """A checked lesson and where it came from (relative names resolve from its folder)."""

    lesson: Lesson
    path: Path
    doc: Located = field(repr=False)

    @property
    def name(self) -> str:
        return self.path.stem

    def scenario_ref(self, value: str) -> Path:
        """A scenario preset or a file relative to the lesson."""
        here = self.path.parent / value
        if value.endswith((".yaml", ".yml")) and here.exists():
            return here
        return scenario_path(value)

    def policy_ref(self, value: str) -> Path | str:
        """A policy file relative to the lesson, or a preset name."""
        here = self.path.parent / value
        if value.endswith((".yaml", ".yml")) and here.exists():
            return here
        return value

    def scenario(self, step: Step, locale: str) -> Scenario:
        """The world a step's ``load`` builds: the scenario with its ``set`` applied and the
        content in ``locale`` (as the app builds it in that interface language)."""
        assert step.load is not None
        base = load_scenario(self.scenario_ref(ref(step.load.scenario, locale)))
        return base.with_changes({**step.load.set, "locale": locale}, source=str(self.path))

    def policy(self, value: Ref, locale: str) -> Any:
        from policy import load_policy

        return load_policy(self.policy_ref(ref(value, locale)))

    @cached_property
    def worlds(self) -> list[int]:
        """For each step, the index of the step whose ``load`` built its world."""
        out, current = [], 0
        for i, step in enumerate(self.lesson.steps):
            if step.load is not None:
                current = i
            out.append(current)
        return out


def load_lesson(name_or_path: str | Path) -> LessonFile:
    """Read, validate and cross-check a lesson (a shipped name or a file).

    Raises :class:`LocatedError` with every problem (file:line:column: field: message).
    """
    path = lesson_path(name_or_path)
    if not path.exists():
        hint = did_you_mean(str(name_or_path), lesson_names())
        known = ", ".join(lesson_names())
        missing = msg(S.NO_SUCH_LESSON, hint=hint, known=known)
        raise LocatedError([Problem.of(str(path), 0, 0, "", missing)])
    doc = read_yaml(path)
    lesson = validate(Lesson, doc)
    found = LessonFile(lesson, path, doc)
    problems = check(found)
    if problems:
        raise LocatedError(sorted(problems, key=lambda p: (p.line, p.column)))
    return found


def check(found: LessonFile) -> list[Problem]:
    """Everything the model alone cannot check, in both languages, located in the file."""
    doc, lesson = found.doc, found.lesson
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()

    def problem(path: tuple, message: Message, key: bool = False) -> None:
        p = problem_at(doc, path, message, key=key)
        if (p.field, p.message) not in seen:
            seen.add((p.field, p.message))
            problems.append(p)

    if lesson.steps[0].load is None:
        problem(("steps", 0), msg(S.FIRST_STEP_LOADS))
    for locale in LOCALES:
        scenario: Scenario | None = None
        done = 0
        for i, step in enumerate(lesson.steps):
            at = ("steps", i)
            if step.load is not None:
                scenario = _check_load(found, step, locale, at, problem)
                done = 0
            for key, value in step.set.items():
                where = (*at, "set", key)
                if world_only(key):
                    problem(where, msg(S.WORLD_ONLY), key=True)
                elif scenario is not None:
                    try:
                        scenario = scenario.with_changes({key: value})
                    except UnknownParameter as exc:
                        problem(where, exc.text, key=True)
                    except LocatedError as exc:
                        problem(where, S.one_after_another([S.text_of(p) for p in exc.problems]))
            if step.apply is not None:
                _check_policy(found, step.apply, locale, (*at, "apply"), problem)
            if step.run_to is not None and scenario is not None:
                if step.run_to <= done:
                    problem((*at, "run_to"), msg(S.ALREADY_RUN, done=done))
                elif step.run_to > scenario.days:
                    problem((*at, "run_to"), msg(S.AFTER_THE_END, days=scenario.days))
                else:
                    done = step.run_to
            if step.question is not None:
                for j, claim in enumerate(step.question.shows):
                    where = (*at, "question", "shows", j)
                    _check_claim(claim, done, where, problem)
    return problems


def _check_load(found: LessonFile, step: Step, locale: str, at: tuple, problem) -> Scenario | None:
    assert step.load is not None
    name = ref(step.load.scenario, locale)
    scenario = None
    where = (*at, "load", "scenario")
    if not found.scenario_ref(name).exists():
        hint = did_you_mean(name, preset_names())
        problem(where, msg(S.NO_SCENARIO, name=name, hint=hint))
    else:
        try:
            scenario = found.scenario(step, locale)
        except UnknownParameter as exc:
            problem((*at, "load", "set"), exc.text)
        except LocatedError as exc:
            for p in exc.problems:
                if p.file == str(found.path):  # a value of load.set the scenario refuses
                    problem((*at, "load", "set"), S.at_field(p))
                else:  # the scenario file itself
                    problem(where, S.located(p))
    _check_policy(found, step.load.policy, locale, (*at, "load", "policy"), problem)
    return scenario


def _check_policy(found: LessonFile, value: Ref, locale: str, where: tuple, problem) -> None:
    try:
        found.policy(value, locale)
    except LocatedError as exc:
        first = S.located(exc.problems[0])
        more = len(exc.problems) - 1
        problem(where, msg(S.AND_MORE, problem=first, count=more) if more else first)


def _check_claim(claim: Any, done: int, where: tuple, problem) -> None:
    name = claim.metric.removesuffix(ALL)
    try:
        metric = definition(name)
    except KeyError:
        hint = did_you_mean(name.split(".")[0], BY_NAME)
        problem((*where, "metric"), msg(S.NOT_A_METRIC, metric=claim.metric, hint=hint))
        return
    if claim.metric.endswith(ALL) and (metric.by is None or metric.aggregate == "ratio"):
        problem((*where, "metric"), msg(S.NO_TOTAL))
    last = max(claim.before[1], claim.after[1])
    if last >= done:
        problem(where, msg(S.CLAIM_TOO_LATE, last=last, done=done))
