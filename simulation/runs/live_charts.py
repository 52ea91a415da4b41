"""The app's live charts (and a lesson handout's): which daily metrics each one draws.

Kept apart from ``simulation.runs.figures`` (matplotlib) so that the desktop app can name
its charts without importing a plotting library at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# units whose values lie in 0..1 (shares, probabilities, precision and recall): their
# charts span exactly 0..1, in the app (app.charts) and in an exported chart (figures)
SHARE_UNITS = frozenset({"share", "probability"})


@dataclass(frozen=True)
class LiveChart:
    """One chart of the app (and of a lesson's handout): raw daily values, as the class
    sees them. ``series`` are (column, label); a column ending in ``.*`` stands for one
    series per breakdown value (the offer volume of each category)."""

    title: str
    series: tuple[tuple[str, str], ...]


LIVE_CHARTS: dict[str, LiveChart] = {
    "offers": LiveChart("Restricted-offer volume", (("offers_created.*", ""),)),
    "spam": LiveChart(
        "Spam volume",
        (("posts_created.spam", "spam posted"), ("posts_removed.spam", "spam removed")),
    ),
    "ad_share": LiveChart(
        "Advertising Circle index",
        (("ad_share", "ads+spam+offers share"), ("prevalence", "spam+offers share")),
    ),
    "bans": LiveChart(
        "Bans: correct vs wrongful",
        (
            ("bans.correct", "correct"),
            ("bans.wrongful", "wrongful"),
            ("bans_overturned", "overturned on appeal"),
        ),
    ),
    "quality": LiveChart(
        "Precision and recall",
        (("moderation_precision", "precision"), ("recall_same_day", "same-day recall")),
    ),
    "backlog": LiveChart("Review backlog", (("review_backlog", "waiting for review"),)),
}


def live_series(key: str, columns: Sequence[str]) -> list[tuple[str, str]]:
    """A live chart's (column, label) pairs for a run with these metric columns (a
    ``.*`` series becomes one per breakdown value, labelled with that value)."""
    out = []
    for column, text in LIVE_CHARTS[key].series:
        if column.endswith(".*"):
            prefix = column[:-1]
            out += [(c, c[len(prefix) :]) for c in columns if c.startswith(prefix)]
        else:
            out.append((column, text))
    return out
