"""A series is drawn in one colour wherever it appears: a lesson's handout drew correct
bans red and wrongful orange, the run report correct green and wrongful red, so a
teacher switching between them read them the wrong way round."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex

from simulation.lessons import handout
from simulation.lessons.load import load_lesson
from simulation.runs import colours, figures
from simulation.runs.live_charts import LIVE_CHARTS, live_series
from simulation.runs.run import run


@pytest.fixture(scope="module")
def daily():
    return run("classroom", "crackdown", seed=1, days=12).metrics


def _line_colours(fig) -> dict[str, str]:
    """Each labelled line of a figure's axes: its label → its colour (``#rrggbb``)."""
    return {
        line.get_label(): to_hex(line.get_color())
        for line in fig.axes[0].get_lines()
        if not line.get_label().startswith("_")
    }


@pytest.fixture(scope="module")
def handout_bans(tmp_path_factory):
    """The colours of the bans chart of the crackdown lesson's handout, as its rendering
    draws it (every chart it draws is kept)."""
    drawn = []
    original = handout.draw_live

    def keep(key, *args, **kwargs):
        fig = original(key, *args, **kwargs)
        drawn.append((key, fig))
        return fig

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(handout, "draw_live", keep)
        handout.render(load_lesson("crackdown"), tmp_path_factory.mktemp("handout"), "en_US")
    bans = [fig for key, fig in drawn if key == "bans"]
    assert bans, "the crackdown lesson's handout has a bans chart"
    return _line_colours(bans[0])


def test_the_handout_and_the_report_draw_correct_and_wrongful_bans_alike(daily, handout_bans):
    report = _line_colours(figures.draw("bans", daily))
    assert handout_bans["correct"] == report["correct bans"]
    assert handout_bans["wrongful"] == report["wrongful bans"]
    assert report["correct bans"] != report["wrongful bans"]
    # the colours they share are the ones defined for the series
    assert report["correct bans"] == colours.colour("bans.correct").lower()
    assert report["wrongful bans"] == colours.colour("bans.wrongful").lower()


def test_every_live_chart_draws_each_series_in_its_own_colour(daily):
    """The handout's (and the app's) charts take a series' colour from its definition,
    not from its place in the chart: the same series as in the report's charts."""
    for key in LIVE_CHARTS:
        series = live_series(key, list(daily.columns))
        fig = figures.draw_live(key, daily)
        got = [to_hex(line.get_color()) for line in fig.axes[0].get_lines()][: len(series)]
        assert got == [colours.colour(c, i).lower() for i, (c, _t) in enumerate(series)], key


REPORT_SERIES = {  # a report chart's line label → the series it draws
    "spam": {"spam posted": "posts_created.spam", "spam removed": "posts_removed.spam"},
    "ad_share": {
        "ads + spam + offers (Advertising Circle index)": "ad_share",
        "spam + offers (prevalence)": "prevalence",
    },
    "bans": {"correct bans": "bans.correct", "wrongful bans": "bans.wrongful"},
    "detection": {"precision": "moderation_precision", "same-day recall": "recall_same_day"},
    "evasion": {"obfuscated": "obfuscated_share"},
}


@pytest.mark.parametrize("chart", sorted(REPORT_SERIES))
def test_the_report_draws_each_series_in_its_own_colour(daily, chart):
    got = _line_colours(figures.draw(chart, daily))
    assert got == {
        label: colours.colour(column).lower() for label, column in REPORT_SERIES[chart].items()
    }


def test_every_series_colour_is_one_of_the_checked_hues():
    """The app's contrast test checks the hues of ``CYCLE`` in both themes: a series'
    own colour is one of them."""
    assert set(colours.SERIES.values()) <= set(colours.CYCLE)
    assert colours.PARETO in colours.CYCLE and colours.VARIANT in colours.CYCLE
