"""A run report's charts draw the run's event marks (the days a policy was announced,
came into force or was put in force, a parameter changed): the marks the app and a
lesson's handout draw, from the same function (``simulation.runs.history.stored_marks``
over ``simulation.runs.marks.run_marks``)."""

from __future__ import annotations

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
        assert label.splitlines()[0].strip() == "announcement ×3", name
        assert label.splitlines()[1].strip().startswith("policy in force March-2024"), name
    page = (tmp_path / "bundle" / "report.html").read_text(encoding="utf-8")
    assert (
        f"day {day}: announcement ×3; policy in force March-2024 personal-account crackdown" in page
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
        res = runner.invoke(app, ["report", rid, "--db", str(db), "--out", str(band)])
        assert res.exit_code == 0, res.output
        res = runner.invoke(
            app, ["runs", "export", rid, "--db", str(db), "--out", str(own), "--svg"]
        )
        assert res.exit_code == 0, res.output
        svgs = [band / "charts" / f"{c.replace('.', '_')}.svg" for c, *_ in BAND_CHARTS]
        svgs += [own / "charts" / f"{name}.svg" for name in CHARTS]
        for svg in svgs:
            groups = re.findall(rf'<g id="{MARK_GID}', svg.read_text(encoding="utf-8"))
            assert len(groups) == 2 * expected, svg  # its line and its label
        for page in (band / "report.html", own / "report.html"):
            text = page.read_text(encoding="utf-8")
            assert ("day 5: announcement ×3" in text) == bool(expected), page


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
    assert drawn == [(3, "announcement ×2; policy in force Y"), (9, "policy in force X")]
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
