"""The presentation view on a projector: every lesson step that frames charts shows each of
them whole, legend included, under the banner's question and answer (kept apart from
tests/app/test_classroom.py's playthroughs so that the two can run on different workers).

Every wait is on a condition with a generous timeout (``WAIT_MS``); nothing here depends
on the machine's speed.
"""

from __future__ import annotations

import pytest

from simulation.lessons.load import load_lesson
from tests.app.conftest import WAIT_MS, choose_from_menu, click, interface
from tests.app.lesson_steps import PLAYTHROUGHS, in_view, wait_for_next


@pytest.mark.parametrize(("name", "locale"), PLAYTHROUGHS)
def test_each_step_shows_its_charts_whole_in_the_presentation_view(
    qtbot, request, make_window, name, locale
):
    """On a 1280×720 projector the presentation view showed the crackdown's step 2 with
    the offers chart's legend cut at the view's bottom and the bans chart (which the
    answer talks about) out of sight. Every step that frames charts now shows each of
    them whole, legend included, with the banner's question and answer above."""
    interface(request, locale)
    lesson = load_lesson(name).lesson
    win = make_window(locale=locale)
    choose_from_menu(qtbot, win, "menuView", "presentation")
    qtbot.waitUntil(lambda: win.presenting, timeout=WAIT_MS)
    win.showNormal()  # offscreen: full screen is the platform's size, not a projector's
    win.resize(1280, 720)
    qtbot.waitUntil(lambda: win.width() == 1280 and win.height() == 720, timeout=WAIT_MS)
    choose_from_menu(qtbot, win, "menuLessons", f"lesson_{name}")
    framed_steps = 0
    while win.lesson is not None:
        wait_for_next(qtbot, win)
        player = win.lesson
        if player is None:
            break
        step = lesson.steps[player.index]
        want = tuple(h for h in step.highlight if h != "feed")
        if player.phase == "settled" and want:
            assert win.charts.scale > 1  # the presentation's large type
            qtbot.waitUntil(lambda w=want: in_view(win, w), timeout=WAIT_MS)
            framed_steps += 1
        click(qtbot, win.banner.next_btn)
    assert framed_steps == sum(any(h != "feed" for h in s.highlight) for s in lesson.steps)
