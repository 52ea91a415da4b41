"""A run report's charts draw the run's event marks (the days a policy was announced,
came into force or was put in force, a parameter changed): the marks the app and a
lesson's handout draw, from the same function (``simulation.runs.history.stored_marks``
over ``simulation.runs.marks.run_marks``)."""

from __future__ import annotations

import html
import re

from typer.testing import CliRunner

from policy import load_policy
from simulation import run
from simulation.cli.main import app
from simulation.runs.figures import CHARTS, MARK_GID, blanks
from simulation.runs.outputs import bundle_args, fill_bundle
from simulation.world.engine import Simulation

runner = CliRunner()


def _drawn(tmp_path, result, sim) -> list:
    """The report's charts as drawn: fill the bundle on figures made here (as the
    drawing worker does) and hand them back."""
    figures = blanks()
    (tmp_path / "bundle").mkdir()
    fill_bundle(tmp_path / "bundle", *bundle_args(result, sim), figures=figures)
    return figures


def _mark_days(fig) -> set[float]:
    """The days of the chart's mark lines (each line's x, in days)."""
    ax = fig.axes[0]
    lines = [line for line in ax.get_lines() if line.get_gid() == MARK_GID]
    return {float(x) for line in lines for x in line.get_xdata()}


def _mark_labels(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts if t.get_gid() == MARK_GID]


def test_a_crackdown_on_day_n_is_marked_on_day_n_in_every_chart(tmp_path, tiny):
    day = 11
    result = run(tiny, load_policy("crackdown", start_day=day), days=16, keep_simulation=True)
    figures = _drawn(tmp_path, result, result.simulation)
    assert len(figures) == len(CHARTS)
    for name, fig in zip(CHARTS, figures, strict=True):
        assert _mark_days(fig) == {day}, name
        (label,) = _mark_labels(fig)
        # the day's two marks, each on a line of its own, worded as the handout words them
        assert label.splitlines()[0].strip() == "announcement (sellers' risk ×3)", name
        assert label.splitlines()[1].strip().startswith("policy in force March-2024"), name
    page = html.unescape((tmp_path / "bundle" / "report.html").read_text(encoding="utf-8"))
    assert (
        f"day {day}: announcement (sellers' risk ×3); "
        "policy in force March-2024 personal-account crackdown" in page
    )


def test_a_run_without_a_policy_change_has_no_marks(tmp_path, tiny):
    result = run(tiny, "none", days=16, keep_simulation=True)
    figures = _drawn(tmp_path, result, result.simulation)
    for name, fig in zip(CHARTS, figures, strict=True):
        assert _mark_days(fig) == set() and _mark_labels(fig) == [], name
        assert fig.axes[0].get_lines(), name  # the chart itself was drawn
    page = (tmp_path / "bundle" / "report.html").read_text(encoding="utf-8")
    assert "Dotted lines mark events" not in page


def test_a_policy_put_in_force_during_the_run_is_marked_on_its_day(tmp_path, tiny):
    """Changed by hand while the run ran (as in the app): the report marks the day the
    policy was put in force and the parameter changed, as the app's charts do."""
    sim = Simulation(tiny.with_changes({"days": 12}), load_policy("none"))
    for _ in range(4):
        sim.step()
    sim.set_param("posting.spammer_per_day", 8.0)
    for _ in range(3):
        sim.step()
    sim.set_policy(load_policy("keywords"))
    while sim.day < 12:
        sim.step()
    from simulation.runs.live import save_live

    result = save_live(sim, out=tmp_path / "live")
    figures = _drawn(tmp_path, result, sim)
    labels = _mark_labels(figures[0])
    assert _mark_days(figures[0]) == {4, 7}
    assert any("changed posting.spammer_per_day = 8.0" in text for text in labels)
    assert any("policy in force Keyword filter only" in text for text in labels)


def test_the_reports_of_a_stored_run_draw_its_marks_in_svg(tmp_path, tiny):
    """``circlelab report ID`` (band charts) and ``circlelab runs export ID --svg`` (the
    run's own report) of a stored crackdown run: each chart's SVG holds the mark's line
    and label (their gid) and the page lists it; a stored run without one has none."""
    from simulation.sweeps.report import BAND_CHARTS

    db = tmp_path / "r.db"
    marked = run(tiny, load_policy("crackdown", start_day=5), days=8, db=db)
    plain = run(tiny, "none", days=8, db=db)
    for result, expected in ((marked, 1), (plain, 0)):
        rid = str(result.run_id)
        band, own = tmp_path / f"report-{rid}", tmp_path / f"export-{rid}"
        res = runner.invoke(app, ["report", rid, "--db", str(db), "--out", str(band), "--svg"])
        assert res.exit_code == 0, res.output
        res = runner.invoke(
            app, ["runs", "export", rid, "--db", str(db), "--out", str(own), "--svg"]
        )
        assert res.exit_code == 0, res.output
        svgs = [band / "charts" / f"{c.replace('.', '_')}.svg" for c, *_ in BAND_CHARTS]
        svgs += [own / "charts" / f"{name}.svg" for name in CHARTS]
        for svg in svgs:
            groups = re.findall(rf'<g id="{MARK_GID}', svg.read_text(encoding="utf-8"))
            # its label and its line, in pieces: up the axes (two where it passes the
            # legend), then above them up to its label
            assert len(groups) in ((3, 4) if expected else (0,)), svg
        for page in (band / "report.html", own / "report.html"):
            text = html.unescape(page.read_text(encoding="utf-8"))
            assert ("day 5: announcement (sellers' risk ×3)" in text) == bool(expected), page


def test_a_chart_of_several_arms_draws_each_day_once(tiny):
    """A sweep or comparison chart of several arms: one line a day, its label every mark of
    the day once (four variants of one crackdown are one line, not four labels); grey when
    several arms have marks that day, the arm's own colour when only it has."""
    from simulation.runs.marks import ANNOUNCEMENT, POLICY, Mark
    from simulation.sweeps.report import _colour, arm_marks

    shared = Mark(3, ANNOUNCEMENT, "×2")
    marks = {
        "A": [shared, Mark(9, POLICY, "X")],
        "B": [shared, Mark(3, POLICY, "Y")],
        "C": [shared],
    }
    drawn, colours = arm_marks(["A", "B", "C"], marks)
    assert drawn == [
        (3, "announcement (sellers' risk ×2); policy in force Y"),
        (9, "policy in force X"),
    ]
    assert colours == ["#555555", _colour(0)]
    assert arm_marks(["B", "C"], {}) == ([], [])


def test_a_long_mark_label_wraps_between_words_before_it_is_cut():
    """Chart labels of policies put in force by a lesson's steps were all cut to "policy
    in force Keyword…": now two lines broken between words, the second cut if need be."""
    from simulation.runs.figures import _fit

    assert _fit("policy in force Keyword filter only", 24) == [
        "policy in force Keyword",
        "filter only",
    ]
    assert _fit("announcement ×3", 24) == ["announcement ×3"]
    long = _fit("policy in force March-2024 personal-account crackdown of everything", 24)
    assert len(long) == 2 and long[1].endswith("…") and len(long[1]) == 24


def test_an_announcement_says_what_its_multiplier_multiplies():
    """ "announcement ×3" did not say what was tripled: the risk of being caught that
    sellers weigh, in both languages a report or handout is written in."""
    from simulation.runs.marks import ANNOUNCEMENT, POLICY, Mark, label

    assert label(Mark(30, ANNOUNCEMENT, "×3")) == "announcement (sellers' risk ×3)"
    assert label(Mark(30, ANNOUNCEMENT, "×3"), "zh_CN") == "公告（卖家风险 ×3）"
    assert label(Mark(30, POLICY, "crackdown"), "zh_CN") == "策略生效 crackdown"


# ------------------------------------------------------------------ where labels go
CRACKDOWN = "announcement (sellers' risk ×3); policy in force March-2024 personal-account crackdown"


def _peaked_chart(peaks: dict[int, float], days: int = 180):
    """A chart as the report draws one (its figure, margins and share axis up to 1.02,
    a legend in the lower right) of a series low everywhere but for a peak near the top
    of the axes on each day of ``peaks`` (its height), as precision peaks on the day a
    crackdown comes into force; and a second, flat series."""
    import numpy as np

    from simulation.runs.figures import blank

    fig = blank()
    ax = fig.axes[0]
    day = np.arange(days)
    y = np.full(days, 0.2)
    for at, height in peaks.items():
        y = np.maximum(y, height - 0.03 * np.abs(day - at))
    ax.plot(day, y, label="precision")
    ax.plot(day, np.full(days, 0.05), label="same-day recall")
    ax.legend(loc="lower right")
    ax.margins(x=0)
    ax.set_ylim(0, 1.02)
    return fig


def _label_boxes(fig) -> list:
    """The drawn mark labels' boxes on the screen (their text's window extent)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in fig.axes[0].texts if t.get_gid() == MARK_GID]


def _points_under(fig, box) -> int:
    """How many points of the chart's own lines (not the marks') lie in ``box`` (screen)."""

    under = 0
    for line in fig.axes[0].get_lines():
        if line.get_gid() == MARK_GID:
            continue
        x, y = line.get_transform().transform(line.get_xydata()).T
        under += int(((x >= box.x0) & (x <= box.x1) & (y >= box.y0) & (y <= box.y1)).sum())
    return under


def _data_top(fig) -> float:
    """The highest point of the chart's own lines (not the marks'), on the screen."""
    import numpy as np

    tops = []
    for line in fig.axes[0].get_lines():
        if line.get_gid() != MARK_GID:
            xy = line.get_xydata()
            tops.append(line.get_transform().transform(xy[np.isfinite(xy).all(axis=1)])[:, 1].max())
    return max(tops)


def _mark_lines(fig) -> list:
    """The pieces of the marks' lines, each as its two ends on the screen."""
    return [
        line.get_transform().transform(line.get_xydata())
        for line in fig.axes[0].get_lines()
        if line.get_gid() == MARK_GID
    ]


def test_a_mark_label_sits_above_the_data_right_of_its_line():
    """The demo report's precision chart: precision peaks near the top of the axes on
    the day the crackdown comes into force, and the day's label sat over the peak, or
    left of its line where the right was taken. The label now sits right of its line in a
    band above the axes, under the title; the y axis is left as the chart set it."""
    from simulation.runs.figures import draw_marks

    for day in (30, 90):
        fig = _peaked_chart({day: 0.97})
        ax = fig.axes[0]
        draw_marks(ax, [(day, CRACKDOWN)], chars=40)
        (box,) = _label_boxes(fig)
        line_x = ax.transData.transform((day, 0))[0]
        assert box.x0 >= line_x, day  # right of its line
        assert box.y0 >= ax.bbox.y1 >= _data_top(fig), day  # above the axes and the data
        assert box.y1 <= ax.title.get_window_extent(fig.canvas.get_renderer()).y0, day
        assert box.y1 <= fig.bbox.y1, day
        assert ax.get_ylim() == (0, 1.02), day
        # its line reaches up to its label
        assert max(y for ends in _mark_lines(fig) for _x, y in ends) >= box.y0 + box.height / 2


def test_the_labels_of_marks_a_day_apart_are_stacked_right_of_their_own_lines():
    """Marks on days 30 and 31 (and 178, at the right edge): the label of day 30 was
    pushed to the left of its line by day 31's, over the data. Now each sits right of its
    own line (the last one left of it: no room on the right), the two close ones at two
    heights, the earlier above, so that neither covers the other nor is crossed by the
    other's line; all above the data, off the legend and under the title."""
    from simulation.runs.figures import draw_marks

    fig = _peaked_chart({31: 0.9, 120: 0.95})
    ax = fig.axes[0]
    marks = [(30, CRACKDOWN), (31, "changed posting.spammer_per_day = 8.0"), (178, "step 3")]
    draw_marks(ax, marks, chars=40)
    boxes = _label_boxes(fig)
    assert len(boxes) == 3
    at = [ax.transData.transform((day, 0))[0] for day, _text in marks]
    assert boxes[0].x0 >= at[0] and boxes[1].x0 >= at[1]  # right of their own lines
    assert boxes[2].x1 <= at[2] <= ax.bbox.x1  # at the right edge: left of it
    assert boxes[0].y0 > boxes[1].y1  # stacked: the earlier above
    renderer = fig.canvas.get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    title = ax.title.get_window_extent(renderer)
    for i, box in enumerate(boxes):
        assert box.y0 >= _data_top(fig) and box.y0 >= ax.bbox.y1, marks[i]
        assert not box.overlaps(legend) and not box.overlaps(title), marks[i]
        assert ax.bbox.x0 <= box.x0 and box.x1 <= ax.bbox.x1, marks[i]
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other), marks[i]
        # no other mark's line runs through it
        for (x0, y0), (_x1, y1) in _mark_lines(fig):
            if abs(x0 - at[i]) > 0.5:
                crossed = box.x0 <= x0 <= box.x1 and min(y0, y1) < box.y1 and max(y0, y1) > box.y0
                assert not crossed, marks[i]
