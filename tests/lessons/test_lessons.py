"""Lessons, headless: the shipped ones are valid, short enough for a class and say what
their runs show; a broken lesson is refused with its file, line and field; the command
line lists, checks and renders them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policy.errors import LocatedError
from simulation.lessons.load import lesson_names, load_lesson
from simulation.lessons.model import LOCALES
from simulation.lessons.play import play
from simulation.lessons.timing import CLASS_LIMIT_S, class_seconds
from simulation.runs.marks import POLICY, STEP, scenario_marks
from simulation.scenario import load_scenario

SHIPPED = lesson_names()


def test_the_three_lessons_of_the_seed_story_ship():
    assert {"crackdown", "keyword_filter", "speed"} <= set(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_a_shipped_lesson_fits_a_class_in_both_languages(name):
    found = load_lesson(name)
    for locale in LOCALES:
        assert class_seconds(found, locale) <= CLASS_LIMIT_S, locale
        for step in found.lesson.steps:
            assert step.title.get(locale).strip() and step.narration.get(locale).strip()


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("name", SHIPPED)
def test_what_a_lesson_claims_is_what_its_run_shows(name, locale):
    results = play(load_lesson(name), locale)
    claims = [c for r in results for c in r.claims]
    assert claims, "every shipped lesson backs its answers with a claim"
    assert all(c.holds for c in claims), [c.describe() for c in claims if not c.holds]


def test_a_broken_lesson_names_file_line_and_field(tmp_path):
    text = (Path(load_lesson("speed").path)).read_text("utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("run_to: 60", "run_to: sixty"), encoding="utf-8")
    line = next(i for i, s in enumerate(broken.read_text().splitlines(), 1) if "sixty" in s)
    with pytest.raises(LocatedError) as caught:
        load_lesson(broken)
    message = "\n".join(str(p) for p in caught.value.problems)
    assert f"broken.yaml:{line}:" in message and "run_to" in message


def test_a_claim_with_a_span_backwards_is_an_error_at_that_span(tmp_path):
    text = (Path(load_lesson("speed").path)).read_text("utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("after: [40, 59]", "after: [59, 40]", 1), encoding="utf-8")
    lines = broken.read_text().splitlines()
    line = next(i for i, s in enumerate(lines, 1) if "[59, 40]" in s)
    with pytest.raises(LocatedError) as caught:
        load_lesson(broken)
    (p,) = caught.value.problems
    assert (p.line, p.column) == (line, lines[line - 1].index("[59, 40]") + 1)
    assert p.field.endswith(".shows[0].after") and "first day (59) is after the last (40)" in (
        p.message
    )


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "simulation.cli.main", "lesson", *args],
        capture_output=True,
        text=True,
    )


def test_lesson_commands(tmp_path):
    listed = _cli("list")
    assert listed.returncode == 0 and all(n in listed.stdout for n in SHIPPED)
    checked = _cli("check", "speed")
    assert checked.returncode == 0 and "OK" in checked.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\ntitle: {en_US: x}\nsteps: []\n", encoding="utf-8")
    refused = _cli("check", str(bad))
    assert refused.returncode == 2 and "bad.yaml:" in refused.stderr + refused.stdout
    out = tmp_path / "handout"
    rendered = _cli("render", "speed", "--out", str(out))
    assert rendered.returncode == 0, rendered.stderr
    assert "Speed matters" in (out / "handout.en_US.html").read_text("utf-8")
    assert "速度很重要" in (out / "handout.zh_CN.html").read_text("utf-8")
    assert list(out.rglob("*.png")) or list(out.rglob("*.svg"))
    again = _cli("render", "speed", "--out", str(out))  # its own files: replaced
    assert again.returncode == 0, again.stderr
    # a page of that name it did not write is never replaced (it was overwritten)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "handout.en_US.html").write_text("my page", encoding="utf-8")
    refused = _cli("render", "speed", "--out", str(mine))
    assert refused.returncode == 2 and "handout.en_US.html, which Circle Lab" in refused.stderr
    assert (mine / "handout.en_US.html").read_text("utf-8") == "my page"
    assert [p.name for p in mine.iterdir()] == ["handout.en_US.html"]


def test_a_handout_marks_a_replaced_policy_as_the_app_does(tmp_path):
    """A lesson loads the crackdown (in force and announced from day 30) and replaces it on
    day 10 with no moderation: the crackdown's day-30 marks never happen, and the played
    lesson (the handout's marks) showed them; it now draws the app's marks (run_marks)."""
    lesson = tmp_path / "replaced.yaml"
    both = "{{en_US: {0}, zh_CN: {0}}}".format
    lesson.write_text(
        "version: 1\n"
        f"title: {both('Replaced')}\n"
        f"summary: {both('The crackdown never comes.')}\n"
        "steps:\n"
        f"  - title: {both('Set up')}\n"
        f"    narration: {both('The crackdown is planned for day 30.')}\n"
        f"    load: {{scenario: {both('classroom')}, policy: {both('crackdown')}}}\n"
        "    run_to: 10\n"
        f"  - title: {both('Called off')}\n"
        f"    narration: {both('Nothing is moderated after all.')}\n"
        f"    apply: {both('none')}\n"
        "    run_to: 35\n",
        encoding="utf-8",
    )
    first, second = play(load_lesson(lesson))
    scheduled = [(m.day, m.kind, m.detail) for m in scenario_marks(load_scenario("classroom"))]
    assert (30, POLICY, "March-2024 personal-account crackdown") in {
        (m.day, m.kind, m.detail) for m in first.marks
    }
    shown = [(m.day, m.kind, m.detail) for m in second.marks]
    assert [x for x in shown if x[1] != STEP] == sorted([(10, POLICY, "No moderation"), *scheduled])
    assert [x for x in shown if x[1] == STEP] == [(0, STEP, "1"), (10, STEP, "2")]


def test_a_handout_lists_each_days_marks_once_in_its_language(tmp_path):
    """The crackdown lesson's handout: each day's marks once (the scenario's and the
    policy's announcement on day 30 were listed twice), days and colons as the language
    writes them, and "1 minute" not "1 minutes"."""
    import re

    from simulation.lessons.handout import render

    found = load_lesson("crackdown")
    for locale, day30, colon in (("en_US", "day 30", ": "), ("zh_CN", "第30天", "：")):
        page = render(found, tmp_path / locale, locale).read_text(encoding="utf-8")
        lists = re.findall(r"<details><summary>.*?</summary><ul>(.*?)</ul>", page)
        assert lists
        for items in lists:
            days = re.findall(r"<li>(.*?)" + re.escape(colon), items)
            assert len(days) == len(set(days)), items  # one entry a day
            assert day30 in days
        if locale == "zh_CN":
            assert "问题：" in page and "问题:" not in page
        assert "1 minutes" not in page


def test_a_handout_names_a_changed_parameter_as_the_app_does():
    """A parameter the app shows as a slider is named by its label in the handout's
    language (the key itself stayed, English in a Chinese handout); others keep their key."""
    import re

    from simulation.i18n import translator
    from simulation.lessons.handout import _worded
    from simulation.runs.marks import PARAMETER, Mark

    key = "population.mix.restricted_seller"
    marks = [Mark(5, PARAMETER, f"{key} = 0.1, posting.mention_share = 0.05")]
    zh = _worded(marks, translator("zh_CN"))[0].detail
    name, rest = zh.split(" = 0.1, ")
    assert re.search("[\u4e00-\u9fff]", name) and key not in zh
    assert rest == "posting.mention_share = 0.05"
    assert _worded(marks, translator("en_US"))[0].detail.startswith("Restricted sellers = 0.1")
