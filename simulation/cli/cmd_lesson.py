"""``circlelab lesson check | list | render``: guided lessons, headless."""

from __future__ import annotations

from pathlib import Path

from policy.errors import LocatedError
from simulation.cli.common import fail_input, input_error, out, say, staged_out
from simulation.lessons.load import LessonFile, lesson_names, load_lesson
from simulation.lessons.model import LOCALES
from simulation.lessons.timing import CLASS_LIMIT_S, class_seconds


def _load(file: str) -> LessonFile:
    try:
        return load_lesson(file)
    except LocatedError as exc:
        fail_input(exc)


def _minutes(found: LessonFile) -> str:
    return ", ".join(f"{loc} {class_seconds(found, loc) / 60:.1f} min" for loc in LOCALES)


def check(file: str, run: bool) -> None:
    """Validate a lesson; with ``run``, play it in both languages and check its claims
    (exit 1 when one does not hold)."""
    found = _load(file)
    lesson = found.lesson
    out.print(
        f"{file}: OK — '{lesson.title.en_US}' / '{lesson.title.zh_CN}': "
        f"{len(lesson.steps)} steps, about {_minutes(found)} of class time"
    )
    for loc in LOCALES:
        if class_seconds(found, loc) > CLASS_LIMIT_S:
            say(
                "warning",
                f"{loc}: longer than {CLASS_LIMIT_S / 60:.0f} minutes of class time",
                "yellow",
            )
    if not run:
        return
    from simulation.lessons.play import play

    failed = 0
    for loc in LOCALES:
        for result in play(found, loc):
            for claim in result.claims:
                failed += not claim.holds
                where = f"{loc} step {result.index + 1}: {claim.describe()}"
                if claim.holds:
                    say("holds", where, "green", console=out)
                else:
                    say("does not hold", where)
    if failed:
        import typer

        raise typer.Exit(1)


def list_() -> None:
    """The shipped lessons."""
    for name in lesson_names():
        try:
            found = load_lesson(name)
        except LocatedError as exc:
            say("error", f"{name}: {exc.problems[0]}")
            continue
        lesson = found.lesson
        out.print(
            f"{name:18} {lesson.title.en_US} / {lesson.title.zh_CN} — {len(lesson.steps)} steps, "
            f"{_minutes(found)}"
        )


def render(file: str, out_dir: Path, locale: str, answers: bool) -> None:
    """Write the handout page(s) and charts into ``out_dir``."""
    if locale not in (*LOCALES, "both"):
        raise input_error(f"--locale {locale!r}: en_US, zh_CN or both")
    found = _load(file)
    from simulation.lessons.handout import render as render_page

    locales = LOCALES if locale == "both" else (locale,)
    names = [n for loc in locales for n in (f"handout.{loc}.html", loc)]  # page, its charts
    with staged_out(out_dir, names) as tmp:
        pages = [render_page(found, tmp, loc, answers).name for loc in locales]
    for page in pages:
        out.print(f"handout: {out_dir / page}")
