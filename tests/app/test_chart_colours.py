"""The app's live charts draw a series in the colour the reports and handouts draw it in
(``simulation.runs.colours``), in the shade of the theme: the bans chart drew correct bans
in blue and wrongful in vermilion, by their place in the chart."""

from __future__ import annotations

from app.charts import ChartPanel, chart_specs
from simulation.runs import colours


def _pen(panel: ChartPanel, column: str) -> str:
    return panel.curves[("", column)].opts["pen"].color().name()


def test_the_bans_chart_draws_correct_and_wrongful_bans_as_the_report_does(qtbot):
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.build(chart_specs(("medical", "tobacco"), {}))
    assert _pen(panel, "bans.correct") == colours.GREEN.light.lower()
    assert _pen(panel, "bans.wrongful") == colours.VERMILION.light.lower()
    for spec in panel.specs:
        for i, series in enumerate(spec.series):
            assert _pen(panel, series.column) == colours.colour(series.column, i).lower()
    panel.set_dark(True)  # the same hues, in the dark theme's shades
    assert _pen(panel, "bans.correct") == colours.GREEN.dark.lower()
    assert _pen(panel, "bans.wrongful") == colours.VERMILION.dark.lower()
