"""Every message of a scenario's and a lesson's own checks, as an English template with
named parts (contexts ``ScenarioProblems`` and ``LessonProblems``).

The rules of :mod:`policy.messages` hold: placeholders are named and unformatted (the
caller writes ``f"{n:,}"``), an argument is text the file or the program supplied (a
parameter's dotted name, a preset's name, a number), or a nested
:class:`~policy.messages.Message`. The command line prints the English (``str``); the app
translates each template (``app.problems``) and fills it with the same arguments, so the
user's own words stay as typed. A problem of another file quoted inside a lesson's
problem (a broken scenario or policy it loads) keeps its own template: :func:`located`.
"""

from __future__ import annotations

from collections.abc import Sequence

from policy import messages as M
from policy.errors import Problem
from policy.messages import Message, msg, register

SCENARIO = "ScenarioProblems"
LESSON = "LessonProblems"


def _s(template: str) -> str:
    return register(template, SCENARIO)


def _l(template: str) -> str:
    return register(template, LESSON)


# -- a scenario (simulation.scenario) ----------------------------------------------------
# why a value is refused (policy.yamlfile.at_most: "at most {limit}: {reason}")
POSTS_WHY = _s("every post is a row the engine keeps for engine.retention_days days")
PERSON_WHY = _s(
    "a person posting more often is a spammer; every post is a row the engine keeps for "
    "engine.retention_days days"
)
ENTRY_WHY = _s("accounts a day per 10,000: more would replace the population every day")
ACCOUNTS_WHY = _s(
    "the engine holds every account in memory (about 3.3 KiB each with its friends and "
    "posts; 5 million need about 16 GB)"
)
FRIENDS_WHY = _s("no account has more friends")
SPAWN_WHY = _s("accounts are held in memory")
# the model's validators
SHARES_ADD_UP = _s("archetype shares must add up to 1 (they add up to {total})")
SOME_REGULAR = _s("there must be some regular users (regular > 0)")
POSTS_A_DAY = _s(
    "these rates make about {per_day} posts a day ({accounts} accounts); the engine runs at "
    "most {limit} a day ({why}): lower this rate or population.accounts"
)
POSTS_HELD = _s(
    "about {per_day} posts a day kept for {days} days is {held} posts in memory; the engine "
    "holds at most {limit} (about 27 bytes each): lower the rates, population.accounts or "
    "engine.retention_days"
)
ONE_THING = _s("an event has exactly one of: announce, set, spawn")
# what the model alone cannot check (simulation.scenario.check_scenario)
UNKNOWN_PARAMETER = _s("unknown scenario parameter '{key}'{hint}")
NO_SUCH_SCENARIO = _s("no such scenario (presets: {known})")
UNKNOWN_CATEGORY = _s("unknown category; the catalogue has {known}")
UNKNOWN_CATEGORY_NAMED = _s("unknown category '{name}'{hint}; the catalogue has {known}")
MAKES_INVALID = _s("on day {day} this makes {what} invalid: {message}")
THE_SCENARIO = _s("the scenario")

# -- a lesson (simulation.lessons) -------------------------------------------------------
NO_SUCH_LESSON = _l("no such lesson{hint} (shipped: {known})")
FIRST_STEP_LOADS = _l("the first step must load a world (load: scenario, policy)")
WORLD_ONLY = _l(
    "a running world does not read this parameter again; set it under load.set (a new world)"
)
ALREADY_RUN = _l(
    "the world has already run {done} days; run_to must be later (or load a new world)"
)
AFTER_THE_END = _l("the scenario runs {days} days; run_to is after its end")
NO_SCENARIO = _l("no scenario preset or file '{name}'{hint}")
NOT_A_METRIC = _l("'{metric}' is not a metric{hint}")
NO_TOTAL = _l("only a count with a breakdown has a total (….all)")
CLAIM_TOO_LATE = _l(
    "the claim reads day {last}, but the run has done {done} days when the answer is "
    "revealed (days count from 0)"
)
SPAN_BACKWARDS = _l("the first day ({first}) is after the last ({last})")
# another file's problem quoted in a lesson's (a scenario or a policy a step loads)
AT_FIELD = _l("{field}: {message}")
IN_FILE_AT = _l("{file}:{line}:{column}: {field}: {message}")
IN_FILE = _l("{file}: {field}: {message}")
WHOLE_FILE = _l("(file)")  # policy.errors.WHOLE_FILE
AND_MORE = _l("{problem} (and {count} more)")
ONE_AFTER_ANOTHER = _l("{first}; {then}")


class UnknownParameter(KeyError):
    """A dotted scenario parameter that does not exist; ``args[0]`` is the English (as a
    plain ``KeyError`` had it), ``text`` the message, with the closest parameter there is
    when one is close (``hint``: "did you mean", as a scenario file's unknown key)."""

    def __init__(self, key: str, hint: Message | str = "") -> None:
        self.key = key
        self.text = msg(UNKNOWN_PARAMETER, key=key, hint=hint)
        super().__init__(str(self.text))


def text_of(problem: Problem) -> Message:
    """A problem's message: its template, or its plain English as written."""
    return problem.text or msg(M.AS_WRITTEN, text=problem.message)


def located(problem: Problem) -> Message:
    """``str(problem)`` (``file:line:column: field: message``) as a message."""
    field = problem.field or msg(WHOLE_FILE)
    if problem.line:
        return msg(
            IN_FILE_AT,
            file=problem.file,
            line=problem.line,
            column=problem.column,
            field=field,
            message=text_of(problem),
        )
    return msg(IN_FILE, file=problem.file, field=field, message=text_of(problem))


def at_field(problem: Problem) -> Message:
    """``field: message`` (the message alone for a problem of the whole file)."""
    if not problem.field:
        return text_of(problem)
    return msg(AT_FIELD, field=problem.field, message=text_of(problem))


def one_after_another(parts: Sequence[Message]) -> Message:
    """``a; b; c`` of messages, as one message."""
    first, *rest = parts
    return msg(ONE_AFTER_ANOTHER, first=first, then=one_after_another(rest)) if rest else first
