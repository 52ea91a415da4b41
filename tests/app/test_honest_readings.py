"""What the window shows is what the run does: charts of counts and shares start at 0
(a line drawn from a non-zero floor makes a small change look large), and the policy
panel says when the policy in force starts acting, not only when it was loaded.

Each test drives the real window (toolbar buttons, the policy panel's Apply, a click on
a rule) and reads the widgets' own state (a plot's view range, a label's text).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt

from app.versions import policy_label
from tests.app.conftest import (
    WAIT_MS,
    click,
    click_action,
    pause,
    run_to_end,
    run_until,
    setup_run,
)

SHARE_UNITS = ("share", "probability")  # units of values in 0..1 (app.charts)


def _value_range(plot) -> tuple[float, float]:
    low, high = plot.getViewBox().viewRange()[1]
    return float(low), float(high)


def _data_max(win, spec) -> float:
    values = [win.charts.series(s.column)[1] for s in spec.series]
    finite = np.concatenate([v[np.isfinite(v)] for v in values])
    return float(finite.max()) if len(finite) else 0.0


def _ranges(win):
    return {
        s.key: (_value_range(win.charts.plots[s.key]), _data_max(win, s)) for s in win.charts.specs
    }


def _charts_start_at_zero(win) -> bool:
    """Every chart's value axis starts at 0 and reaches its data's maximum; a share's
    spans 0..1 (and a little room above 1 for the line's width)."""
    for spec in win.charts.specs:
        low, high = _value_range(win.charts.plots[spec.key])
        if abs(low) > 1e-9 or high < _data_max(win, spec):
            return False
        if (spec.unit in SHARE_UNITS) and not 1.0 <= high <= 1.1:
            return False
    return True


def _drawn(win, days: int) -> bool:
    return all(
        len(win.charts.series(s.column)[0]) == days
        for spec in win.charts.specs
        for s in spec.series
    )


def test_share_and_count_charts_start_at_zero(qtbot, make_window):
    win = make_window(days=8)
    setup_run(qtbot, win)
    run_to_end(qtbot, win)
    qtbot.waitUntil(lambda: _drawn(win, 8), timeout=WAIT_MS)
    shares = [spec.key for spec in win.charts.specs if (spec.unit in SHARE_UNITS)]
    assert {"ad_share", "quality"} <= set(shares)
    # the Advertising Circle index runs well above 0: auto-range alone would cut the floor
    ad_share = win.charts.series("ad_share")[1]
    assert np.nanmin(ad_share) > 0.05
    qtbot.wait(500)
    assert _charts_start_at_zero(win), _ranges(win)
    # the offer volume (a count) is never 0 on these days: its axis still starts at 0
    offers = next(spec for spec in win.charts.specs if spec.key == "offers")
    assert min(np.nanmin(win.charts.series(s.column)[1]) for s in offers.series) > 0
    low, high = _value_range(win.charts.plots["offers"])
    assert low == 0 and high >= _data_max(win, offers)

    # a new world (Reset, then a step at a time) rescales from 0 again
    click_action(qtbot, win, win.controls.reset)
    qtbot.waitUntil(lambda: win.mode == "live" and win.days_done == 0, timeout=WAIT_MS)
    for day in (1, 2, 3):
        click_action(qtbot, win, win.controls.step)
        qtbot.waitUntil(lambda day=day: win.days_done == day, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not win.running, timeout=WAIT_MS)
    win.charts.refresh()
    qtbot.waitUntil(lambda: _drawn(win, 3), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _charts_start_at_zero(win), timeout=WAIT_MS)


def test_the_rule_chart_starts_at_zero(qtbot, make_window):
    """The rule inspector's daily counts of posts, for a rule clicked in the policy panel."""
    win = make_window(policy="keywords", days=8)
    setup_run(qtbot, win)
    run_to_end(qtbot, win)
    table = win.policy_panel.rules
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    inspector = win.rule_inspector
    qtbot.waitUntil(lambda: bool(inspector.rule), timeout=WAIT_MS)
    hits = inspector.curves["hits"].getData()[1]
    assert hits is not None and len(hits) == 8
    qtbot.waitUntil(lambda: _starts_at_zero(inspector.plot.getViewBox()), timeout=WAIT_MS)

    # a rule whose every count stays high: the floor is not 0 by chance of a series at 0
    # (the window's own refresh, still pending on a busy machine, would draw the run's
    # counts over these: it is stopped first)
    win.hits_timer.stop()
    days = np.arange(8)
    frame = pd.DataFrame(
        {
            "day": days,
            "name": inspector.rule,
            "hits": 900 + days,
            "true_positives": 500 + days,
            "false_positives": 400 + 0 * days,
            "wrongful_removals": 400 + 0 * days,
        }
    )
    inspector.show_rule(inspector.rule, frame)
    qtbot.waitUntil(lambda: _starts_at_zero(inspector.plot.getViewBox(), 907), timeout=WAIT_MS)


def _starts_at_zero(view, top: float = 0.0) -> bool:
    low, high = view.viewRange()[1]
    return abs(low) < 1e-9 and high >= top


def test_count_charts_start_at_zero_whatever_their_floor(qtbot, make_window):
    """Counts far above 0 on every day (a backlog in the hundreds, steady spam): the value
    axis still starts at 0, and reaches the data's top."""
    win = make_window(days=8)
    setup_run(qtbot, win)
    charts = win.charts
    for day in range(8):
        metrics = {s.column: 400.0 + 10 * day for spec in charts.specs for s in spec.series}
        metrics["ad_share"] = metrics["prevalence"] = 0.40 - 0.01 * day
        metrics["moderation_precision"] = metrics["recall_same_day"] = 0.9
        charts.append(day, metrics)
    charts.refresh()
    for spec in charts.specs:
        top = 1.0 if spec.unit in SHARE_UNITS else 470.0
        qtbot.waitUntil(
            lambda spec=spec, top=top: _starts_at_zero(charts.plots[spec.key].getViewBox(), top),
            timeout=WAIT_MS,
        )


def test_in_force_says_when_the_policy_acts(qtbot, make_window):
    """crackdown: loaded on day 0 (Setup), its rules act from its start_day, 30."""
    win = make_window(days=40)
    setup_run(qtbot, win)
    label = policy_label(win.policy_in_force)
    in_force = win.policy_panel.in_force
    assert win.policy_in_force.spec.start_day == 30
    assert in_force.full_text() == f"In force: {label} (loaded day 0; acts from day 30)"
    assert 30 in win.charts.mark_days("ad_share")

    # applied again mid-run, before day 30: loaded then, still acting from day 30
    win.controls.speed.setValue(10)
    loaded = apply_on_day(qtbot, win, 3, lambda day: f"loaded day {day};")
    assert in_force.full_text() == f"In force: {label} (loaded day {loaded}; acts from day 30)"

    # applied after day 30: it acts at once, one day is enough
    loaded = apply_on_day(qtbot, win, 32, lambda day: f"from day {day})")
    assert in_force.full_text() == f"In force: {label} (from day {loaded})"


def test_in_force_counts_an_announcement_ahead_of_the_rules(qtbot, make_window, tmp_path):
    """A policy that announces on day 3 and enforces from day 20 acts from day 3: sellers
    weigh more risk from the announcement (its runs differ from no moderation then)."""
    from tests.sweeps.test_announcement_acts import WARN_EARLY

    path = tmp_path / "warn_early.yaml"
    path.write_text(WARN_EARLY, encoding="utf-8")
    win = make_window(days=10)
    assert win.policy_panel.open_path(path)
    setup_run(qtbot, win)
    label = policy_label(win.policy_in_force)
    in_force = win.policy_panel.in_force.full_text()
    assert in_force == f"In force: {label} (loaded day 0; acts from day 3)"


def apply_on_day(qtbot, win, day: int, shows) -> int:
    """Run to ``day``, pause, press Apply; wait until the in-force text ``shows(day
    loaded)``. Returns the day it was applied on."""
    run_until(qtbot, win, day)
    pause(qtbot, win)
    loaded = win.days_done
    click(qtbot, win.policy_panel.apply_btn)
    in_force = win.policy_panel.in_force
    qtbot.waitUntil(lambda: shows(loaded) in in_force.full_text(), timeout=WAIT_MS)
    return loaded


def test_a_policy_acting_at_once_shows_one_day(qtbot, make_window):
    win = make_window(policy="keywords", days=5)
    setup_run(qtbot, win)
    label = policy_label(win.policy_in_force)
    assert win.policy_panel.in_force.full_text() == f"In force: {label} (from day 0)"


def test_in_force_in_chinese(qtbot, chinese, make_window):
    win = make_window(locale="zh_CN", preset="classroom_zh", policy="crackdown_zh", days=35)
    setup_run(qtbot, win)
    label = policy_label(win.policy_in_force)
    in_force = win.policy_panel.in_force.full_text()
    assert in_force == f"生效中：{label}（第 0 天载入；自第 30 天起执行）"
