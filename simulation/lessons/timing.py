"""How long a lesson takes in class: reading aloud, thinking, setting up and running.

An estimate a teacher can plan with, not a measurement: narration, questions and
answers read aloud at a calm classroom pace (150 English words or 250 Chinese
characters a minute; a common figure for read-aloud speech), ``THINK_S`` for the class
to think about each question, ``SETUP_S`` for each new world, and the days run at the
lesson's speed (days per second, the app's speed slider).
"""

from __future__ import annotations

import re

from simulation.lessons.load import LessonFile

WORDS_PER_MINUTE = 150  # English read aloud
HANZI_PER_MINUTE = 250  # Chinese read aloud
THINK_S = 10.0  # per question, before the run answers it
SETUP_S = 2.0  # per new world (the classroom scenario builds in about a second)
CLASS_LIMIT_S = 120.0  # what a shipped lesson may take

_HANZI = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def reading_seconds(text: str, locale: str) -> float:
    """Seconds to read ``text`` aloud in ``locale``."""
    if locale == "zh_CN":
        units = len(_HANZI.findall(text)) + len(_WORD.findall(text))
        return 60.0 * units / HANZI_PER_MINUTE
    return 60.0 * len(_WORD.findall(text)) / WORDS_PER_MINUTE


def class_seconds(found: LessonFile, locale: str) -> float:
    """The lesson's estimated class time in ``locale``, in seconds."""
    lesson = found.lesson
    total, done = 0.0, 0
    for step in lesson.steps:
        texts = [step.title.get(locale), step.narration.get(locale)]
        if step.question is not None:
            texts += [step.question.ask.get(locale), step.question.answer.get(locale)]
            total += THINK_S
        total += sum(reading_seconds(t, locale) for t in texts)
        if step.load is not None:
            total += SETUP_S
            done = 0
        if step.run_to is not None and step.run_to > done:
            total += (step.run_to - done) / lesson.speed
            done = step.run_to
    return total
