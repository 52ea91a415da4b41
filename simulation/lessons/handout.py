"""A lesson's printable handout: its narration and questions with the charts a headless
run of its steps produces (``circlelab lesson render FILE --out DIR``).

One self-contained HTML page per language (``handout.en_US.html``), with the charts as
PNG files beside it (``en_US/step-02-offers.png``). Each step shows the charts it
highlights (or, when it runs without highlighting any, the last ones shown), drawn up to
the day the step's run ended, with the event marks so far. The answers come last, so the
page can be handed out before the lesson.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib

from simulation.catalogue import load_catalogue
from simulation.i18n import translator
from simulation.lessons.load import LessonFile
from simulation.lessons.model import CHARTS
from simulation.lessons.play import StepResult, play
from simulation.lessons.timing import class_seconds
from simulation.runs.figures import LIVE_CHARTS, draw_live, font_families
from simulation.runs.marks import PARAMETER, Mark, merged
from simulation.scenario import controls

WORDS = {
    "en_US": {
        "step": "Step {0}",
        "question": "Question",
        "answers": "Answers",
        "minutes": "About {0} minutes of class time; {1} steps.",
        "minute": "About 1 minute of class time; {1} steps.",
        "colon": ": ",
        "day": "day {0}",
        "days": "Days {0}–{1}",
        "feed": "Look at the Friends Circle (the feed) on screen.",
        "marks": "Marks on the charts",
    },
    "zh_CN": {
        "step": "第{0}步",
        "question": "问题",
        "answers": "答案",
        "minutes": "课堂时间约{0}分钟，共{1}步。",
        "minute": "课堂时间约{0}分钟，共{1}步。",
        "colon": "：",
        "day": "第{0}天",
        "days": "第{0}–{1}天",
        "feed": "请看屏幕上的朋友圈（信息流）。",
        "marks": "图上的标记",
    },
}


def _fonts(locale: str) -> Any:
    """Chinese charts need a CJK font after the Latin one (``figures.font_families``):
    set for the handout's figures alone (a context: a Chinese handout left every later
    figure of the process made in its fonts)."""
    return matplotlib.rc_context({"font.family": font_families(locale == "zh_CN")})


def _category_labels(locale: str) -> dict[str, str]:
    cats = load_catalogue().categories
    if locale == "zh_CN":
        return {c.name: c.label.get("zh_CN", c.name) for c in cats}
    return {c.name: c.name.replace("_", " ") for c in cats}


def charts_of(found: LessonFile, results: list[StepResult]) -> list[list[str]]:
    """The charts each step's section shows (see the module's docstring)."""
    shown: list[str] = []
    out = []
    for step, result in zip(found.lesson.steps, results, strict=True):
        chosen = [h for h in step.highlight if h in CHARTS]
        if chosen:
            shown = chosen
        ran = result.end_day > result.start_day
        out.append(chosen or (shown if ran else []) or (["offers"] if ran else []))
        if ran and not shown:
            shown = ["offers"]
    return out


def _worded(marks: list[Mark], tr: Callable[[str, str], str]) -> list[Mark]:
    """The marks with each changed parameter named as the app's scenario panel names it, in
    the handout's language (``posting.mention_share`` → "Mentions share" → its Chinese),
    ``tr`` being the app's translation (context "Params")."""
    labels = {key: control.label for key, control in controls()}
    out = []
    for mark in marks:
        if mark.kind == PARAMETER:
            parts = []
            for part in mark.detail.split(", "):
                key, sep, value = part.partition(" = ")
                parts.append(
                    f"{tr('Params', labels[key])} = {value}" if sep and key in labels else part
                )
            mark = dataclasses.replace(mark, detail=", ".join(parts))
        out.append(mark)
    return out


def render(found: LessonFile, out: Path, locale: str, answers: bool = True) -> Path:
    """Write ``out/handout.<locale>.html`` and its charts; returns the page's path."""
    with _fonts(locale):
        return _render(found, out, locale, answers)


def _render(found: LessonFile, out: Path, locale: str, answers: bool) -> Path:
    words = WORDS[locale]
    tr = translator(locale)
    cats = _category_labels(locale)
    lesson = found.lesson
    results = play(found, locale)
    figures = out / locale
    figures.mkdir(parents=True, exist_ok=True)
    esc = html.escape
    sections = []
    for step, result, charts in zip(lesson.steps, results, charts_of(found, results), strict=True):
        n = result.index + 1
        parts = [f"<h2>{esc(words['step'].format(n))} · {esc(step.title.get(locale))}</h2>"]
        if result.end_day > 0:
            parts.append(
                f"<p class='days'>{esc(words['days'].format(result.start_day, result.end_day))}</p>"
            )
        parts.append(f"<p>{esc(step.narration.get(locale))}</p>")
        if step.question is not None:
            parts.append(
                f"<p class='question'><b>{esc(words['question'])}{words['colon']}</b>"
                f"{esc(step.question.ask.get(locale))}</p>"
            )
        if "feed" in step.highlight:
            parts.append(f"<p class='feed'>{esc(words['feed'])}</p>")
        marks = merged(_worded(result.marks, tr), locale)
        for key in charts:
            fig = draw_live(
                key,
                result.metrics,
                marks,
                tr=tr,
                category_label=lambda c: cats.get(c, c),
                last_day=max(result.end_day - 1, 10),
            )
            path = figures / f"step-{n:02d}-{key}.png"
            fig.savefig(path, dpi=110)
            alt = tr("Charts", LIVE_CHARTS[key].title)
            parts.append(f"<img src='{esc(locale)}/{esc(path.name)}' alt='{esc(alt)}'>")
        if charts and marks:  # one entry a day, as the charts draw them (duplicates dropped)
            items = "".join(
                f"<li>{esc(words['day'].format(day))}{words['colon']}{esc(text)}</li>"
                for day, text in marks
            )
            parts.append(
                f"<details><summary>{esc(words['marks'])}</summary><ul>{items}</ul></details>"
            )
        sections.append(f"<section class='step'>{''.join(parts)}</section>")
    answer_items = [
        f"<li><b>{esc(words['step'].format(i + 1))}{words['colon']}</b>"
        f"{esc(s.question.answer.get(locale))}</li>"
        for i, s in enumerate(lesson.steps)
        if s.question is not None
    ]
    answer_block = (
        f"<section class='answers'><h2>{esc(words['answers'])}</h2><ul>{''.join(answer_items)}"
        "</ul></section>"
        if answers and answer_items
        else ""
    )
    minutes = max(1, round(class_seconds(found, locale) / 60))
    length = words["minute" if minutes == 1 else "minutes"].format(minutes, len(lesson.steps))
    lang = "zh-CN" if locale == "zh_CN" else "en"
    page = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(lesson.title.get(locale))}</title>
<style>
body{{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2rem auto;max-width:900px;
color:#1f1f1f;line-height:1.5;font-size:15px}} h1{{font-size:1.9rem}} h2{{font-size:1.3rem}}
img{{max-width:100%}} .question{{border-left:4px solid #2f6fdf;padding-left:.8rem}}
.days{{color:#555}} .step{{margin-bottom:1.5rem}}
@media print{{.step{{break-inside:avoid}} .answers{{break-before:page}} details{{display:none}}}}
</style></head><body>
<h1>{esc(lesson.title.get(locale))}</h1>
<p>{esc(lesson.summary.get(locale))}</p>
<p class='days'>{esc(length)}</p>
{"".join(sections)}
{answer_block}
</body></html>
"""
    target = out / f"handout.{locale}.html"
    target.write_text(page, encoding="utf-8")
    return target
