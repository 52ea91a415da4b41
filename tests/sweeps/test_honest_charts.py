"""Charts and intervals that do not claim more than the runs show.

- A cumulative count (bans) is drawn as steps that rise on the day it grew: a line from
  the day before's total made bans made on a policy's first day seem to begin the day
  before it was in force (run report and sweep charts alike).
- A headline interval cut at what its measure can be (at most 100% avoided, no count
  below 0) shows that end as past the bound (``>100.0%``, ``<0``) and says why, in the
  terminal, the page (in Chinese too) and the data (``clipped``): it printed
  "-687.7% [-1695.9%, 100.0%]" with two seeds, the 100% a bound of the measure, not
  of the data.
- The study figure's title no longer runs over its y label.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.cbook import STEP_LOOKUP_MAP
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.runs.figures import MARK_GID, draw
from simulation.runs.report_words import Words
from simulation.sweeps import words as W
from simulation.sweeps.aggregate import MEASURES, headline
from simulation.sweeps.report import band_chart, curve_chart, headline_cell

START = 5  # the day the policy is in force: the first bans are made on it


def _totals() -> np.ndarray:
    daily = np.zeros(10)
    daily[START:] = [46, 12, 0, 7, 3]
    return daily.cumsum()


def _as_drawn(line) -> tuple[np.ndarray, np.ndarray]:
    xy = np.asarray(line.get_xydata(), dtype=float)
    return STEP_LOOKUP_MAP[line.get_drawstyle()](xy[:, 0], xy[:, 1])


def _honest(line, totals: np.ndarray) -> None:
    """Between day d-1 and day d the line stays at the total of day d-1: it rises on d."""
    x, y = _as_drawn(line)
    days = np.arange(1, len(totals))
    assert np.interp(days - 0.5, x, y).tolist() == totals[:-1].tolist()
    assert np.interp(days, x, y).tolist() == totals[1:].tolist()


def test_the_run_reports_cumulative_bans_rise_on_the_day_of_the_bans():
    totals = _totals()
    m = pd.DataFrame(
        {"day": range(10), "bans.correct": np.diff(totals, prepend=0), "bans.wrongful": 0.0}
    )
    fig = draw("bans", m, marks=[(START, "policy in force")])
    lines = [ln for ln in fig.axes[0].get_lines() if ln.get_gid() != MARK_GID]
    assert len(lines) == 2
    _honest(lines[0], totals)
    _honest(lines[1], np.zeros(10))
    # counted in bans (an account banned twice counts twice), as the run's measures are
    assert fig.axes[0].get_ylabel() == "bans"
    zh = draw("bans", m, w=Words("zh_CN"))
    assert zh.axes[0].get_ylabel() == Words("zh_CN").unit("bans") != "bans"


def test_a_sweeps_cumulative_bans_and_their_band_rise_on_the_day_of_the_bans():
    totals = _totals()
    bands = pd.DataFrame(
        {
            "arm": "crackdown",
            "metric": "bans.wrongful.cumulative",
            "day": range(10),
            "n": 3,
            "mean": totals,
            "lo": 0.5 * totals,
            "hi": 1.5 * totals,
        }
    )
    fig = band_chart(bands, "bans.wrongful.cumulative", W.WRONGFUL, "accounts")
    ax = fig.axes[0]
    (line,) = [ln for ln in ax.get_lines() if ln.get_gid() != "event-mark"]
    _honest(line, totals)
    (band,) = ax.collections
    path = band.get_paths()[0]
    # half a day before the start nothing is shaded above 0; half a day after, the band
    assert not path.contains_point((START - 0.5, 0.25 * totals[START]))
    assert path.contains_point((START + 0.5, totals[START]))
    # a flow (not a running total) is still a line
    flow = bands.assign(metric="offers_created.all")
    fig = band_chart(flow, "offers_created.all", W.OFFERS, "offers/day")
    assert fig.axes[0].get_lines()[0].get_drawstyle() == "default"


def _headlines(values: dict[str, list[float]]) -> pd.DataFrame:
    rows = {"arm": ["A"] * 2}
    rows.update({name: values.get(name, [np.nan, np.nan]) for name in MEASURES})
    return headline(pd.DataFrame(rows)).set_index("measure")


def test_an_interval_cut_at_its_measures_bound_is_shown_past_it():
    head = _headlines(
        {
            "private_harm_avoided": [-13.86, 0.106],  # t interval about [-95, +82]
            "innocent_posts_removed": [10.0, 300.0],  # t interval below 0
            "reviewer_hours": [10.0, 11.0],  # within the bounds
        }
    )
    assert head.loc["private_harm_avoided", "clipped"] == "high"
    assert head.loc["innocent_posts_removed", "clipped"] == "low"
    assert head.loc["reviewer_hours", "clipped"] == ""
    assert head.loc["private_harm_avoided", "hi"] == 1.0  # the measure's bound, flagged
    cell = headline_cell(head.loc["private_harm_avoided"], "private_harm_avoided")
    assert cell == "-687.7% [-9560.4%, >100.0%]"
    cell = headline_cell(head.loc["innocent_posts_removed"], "innocent_posts_removed")
    assert cell == "155 [<0, 1,997]"
    cell = headline_cell(head.loc["reviewer_hours"], "reviewer_hours")
    assert "<" not in cell and ">" not in cell


def test_clipped_intervals_are_said_in_the_terminal_the_page_and_the_data(tmp_path):
    out = tmp_path / "zh"
    args = ["sweep", "--scenario", "classroom", "--policy", "none", "--policy", "crackdown"]
    args += ["--policy-set", "start_day=1", "--seeds", "1-2", "--days", "6", "--workers", "1"]
    args += ["--db", str(tmp_path / "s.db"), "--out", str(out), "--lang", "zh_CN"]
    done = CliRunner().invoke(app, args, terminal_width=400)
    assert done.exit_code == 0, done.output
    head = pd.read_csv(out / "data" / "headline.csv", keep_default_na=False)
    cut = head[head["clipped"] != ""]
    assert len(cut), "two seeds: some interval runs past its measure's bound"
    assert set(cut["clipped"]) <= {"low", "high", "both"}
    shown = " ".join(done.stdout.split())
    assert W.CLIPPED_NOTE.strip() in shown
    assert "<" in shown or ">" in shown
    page = (out / "report.html").read_text("utf-8")
    note = Words("zh_CN")(W.CLIPPED_NOTE)
    assert note != W.CLIPPED_NOTE and note.strip()[:10] in page.replace("&lt;", "<").replace(
        "&gt;", ">"
    ).replace("&#34;", '"')


def test_the_study_figures_title_leaves_its_y_label_clear():
    rows = []
    for x in [1, 3, 6, 12, 24, 48, 72]:
        for seed in (1, 2):
            rows.append(
                {
                    "arm": f"p [delay={x}]",
                    "policy": "p",
                    "scenario_params": "",
                    "seed": seed,
                    "policy:rules.*.delay_hours": x,
                    "offer_impressions_avoided": 0.5 - x / 200 + seed / 50,
                    "harm_avoided": 0.4 - x / 300,
                    "spam_impressions_avoided": 0.3,
                }
            )
    fig = curve_chart(
        pd.DataFrame(rows),
        "rules.*.delay_hours",
        "hours from posting to removal",
        True,
        {"half_life_hours": 6.8, "recall": 0.9},
        "No moderation",
    )
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    texts = [ax.title, ax.xaxis.label, ax.yaxis.label, fig._suptitle]
    boxes = [t.get_window_extent(renderer) for t in texts if t is not None and t.get_text()]
    assert len(boxes) == 3  # a title, and the two axes' labels
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    assert boxes[-1].y0 >= ax.get_window_extent(renderer).y1  # above the axes


def test_an_error_bar_cut_at_its_measures_bound_ends_in_an_arrowhead():
    """In the "avoided" and trade-off charts, a bar that stops at 100% (or 0) because the
    measure can go no further ends in an arrowhead, as the table prints ``>100.0%``."""
    from simulation.sweeps.report import avoided_chart
    from simulation.sweeps.tradeoff import (
        CLIPPED_GID,
        COST,
        GAIN,
        tradeoff_chart,
        tradeoff_points,
    )

    def heads(fig) -> list[tuple[str, float, float]]:
        return [
            (ln.get_marker(), *ln.get_xydata()[0])
            for ln in fig.axes[0].get_lines()
            if ln.get_gid() == CLIPPED_GID
        ]

    head = _headlines({"harm_avoided": [-13.86, 0.106], "offer_impressions_avoided": [0.4, 0.41]})
    fig = avoided_chart(head.reset_index(), "No moderation")
    assert heads(fig) == [(">", 100.0, 0.0)]  # harm avoided, the middle bar of the arm
    rh = pd.DataFrame(
        {
            "arm": ["A", "A"],
            "policy": "A",
            "policy_params": "",
            "scenario_params": "",
            COST: [0.0, 100.0],  # t interval below 0
            GAIN: [-13.86, 0.106],  # t interval above 100%
        }
    )
    points = tradeoff_points(rh, [])
    assert (points["cost_clipped"].iat[0], points["gain_clipped"].iat[0]) == ("low", "high")
    marks = heads(tradeoff_chart(points, "trade-off"))
    assert sorted(m for m, _x, _y in marks) == ["<", "^"]
    assert ("<", 0.0, pytest.approx(100 * -6.877)) in marks and ("^", 50.0, 100.0) in marks


def test_the_terminal_notes_only_what_its_table_shows():
    """The terminal's table shows the key measures only: a note about a cut interval of a
    measure it does not show pointed at no '<' or '>' in it."""
    from simulation.cli.cmd_sweep import KEY_MEASURES, headline_notes

    hidden = next(m for m in MEASURES if m not in KEY_MEASURES)
    shown = KEY_MEASURES[0]
    rows = [
        {"arm": "a", "measure": hidden, "clipped": "high", "censored": 0},
        {"arm": "a", "measure": shown, "clipped": "", "censored": 0},
    ]
    assert headline_notes(pd.DataFrame(rows)) == []
    rows[1]["clipped"] = "low"
    assert headline_notes(pd.DataFrame(rows)) == [W.CLIPPED_NOTE.strip()]
