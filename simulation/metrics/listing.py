"""The definitions as plain rows, for `circlelab metrics`, the report and the app's help."""

from __future__ import annotations

from simulation.metrics.registry import METRICS, RULE_COUNTS
from simulation.metrics.summary import MEASURES, RELATIVE


def definitions() -> dict[str, list[dict[str, str]]]:
    """Three tables (title → rows of column → text): daily metrics, run measures, rule counts."""
    return {
        "Daily metrics (daily_metrics.csv: one column per metric and breakdown value)": [
            {
                "metric": m.name,
                "unit": m.unit,
                "breakdown": m.by or "",
                "over a run": m.aggregate,
                "meaning": m.meaning,
            }
            for m in METRICS
        ],
        "Run measures (the summary; sweeps compare runs on these)": [
            {"measure": x.name, "unit": x.unit, "better": x.better, "meaning": x.meaning}
            for x in (*MEASURES, *RELATIVE)
        ],
        "Rule statistics (rule_stats.csv: per rule and day)": [
            {"count": c.name, "unit": c.unit, "meaning": c.meaning} for c in RULE_COUNTS
        ],
    }
