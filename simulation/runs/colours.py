"""The colour of every chart series, defined once for every place that draws charts: the
run report (``simulation.runs.figures``), a lesson's handout (``figures.draw_live``), the
sweep and study reports (``simulation.sweeps``) and the app's live charts and rule
inspector (``app.charts``, ``app.inspectors``, through ``app.theme``). A series (correct
bans, wrongful bans, spam removed, …) is drawn in one colour wherever it appears: a
teacher switching between the handout, the report and the app reads it the same way.

Plain strings, no matplotlib and no Qt: the app reads it at start-up.

The hues are Okabe–Ito (told apart with the common colour-vision deficiencies), each in
two shades: ``light`` on a white background (reports, handouts, the app's light theme;
orange and sky blue darkened to 3:1 on white) and ``dark`` on the dark theme's chart
background (3:1 on ``#1e1f22``); ``tests/app/test_contrast.py`` checks both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hue:
    """One hue of the charts: ``#rrggbb`` on a light and on a dark background."""

    light: str
    dark: str

    def on(self, dark: bool = False) -> str:
        """The shade for a dark (``True``) or a light background."""
        return self.dark if dark else self.light


BLUE = Hue("#0072B2", "#3D9BE0")
VERMILION = Hue("#D55E00", "#E8743B")
GREEN = Hue("#009E73", "#00B386")
PURPLE = Hue("#CC79A7", "#CC79A7")
ORANGE = Hue("#A86B00", "#E69F00")
SKY = Hue("#3B82C4", "#56B4E9")
INK = Hue("#000000", "#E8E8E8")

# the hues in the order a chart's series without a colour of their own take them (the
# categories of the offers chart, the channels of the harm chart, the arms of a sweep)
CYCLE: tuple[Hue, ...] = (BLUE, VERMILION, GREEN, PURPLE, ORANGE, SKY, INK)

# series (a daily metric column, a sweep measure, a rule's daily count) → its hue; good
# outcomes green, wrongful ones vermilion, wherever they are drawn
SERIES: dict[str, Hue] = {
    # daily metrics (simulation.metrics)
    "posts_created.spam": VERMILION,
    "posts_removed.spam": BLUE,
    "ad_share": BLUE,
    "prevalence": VERMILION,
    "bans.correct": GREEN,
    "bans.wrongful": VERMILION,
    "bans_overturned": BLUE,
    "moderation_precision": BLUE,
    "recall_same_day": ORANGE,
    "review_backlog": PURPLE,
    "obfuscated_share": PURPLE,
    "spammers_active": INK,
    "units_by_account.official": INK,
    # a sweep's measures against its baseline (simulation.sweeps.report)
    "offer_impressions_avoided": BLUE,
    "harm_avoided": VERMILION,
    "spam_impressions_avoided": GREEN,
    # a rule's daily counts (the app's rule inspector; policy.evidence)
    "rule.hits": BLUE,
    "rule.true_positives": GREEN,
    "rule.false_positives": VERMILION,
    "rule.wrongful_removals": ORANGE,
}

# the Pareto front and the variants of a sweep's trade-off chart
PARETO = VERMILION
VARIANT = BLUE


def cycled(index: int) -> Hue:
    """The ``index``-th hue (0-based) of :data:`CYCLE`, round again past its end."""
    return CYCLE[index % len(CYCLE)]


def hue(series: str, index: int = 0) -> Hue:
    """The hue of ``series`` (a key of :data:`SERIES`); a series without one of its own
    (a category's, a channel's) takes :func:`cycled` ``(index)``, ``index`` being its
    place among such series of its chart."""
    return SERIES.get(series) or cycled(index)


def colour(series: str, index: int = 0, dark: bool = False) -> str:
    """``#rrggbb`` of ``series`` (:func:`hue`) on a light or a dark (``dark``) background."""
    return hue(series, index).on(dark)
