"""The metric registry and everything computed from it: daily values, run summaries and
the invariants every run is checked against. See ``registry`` for the definitions."""

from simulation.metrics.registry import (
    BY_NAME,
    KINDS,
    METRICS,
    OUTCOMES,
    RULE_COUNT_NAMES,
    RULE_COUNTS,
    STYLES,
    Metric,
    breakdown,
    columns,
    definition,
    markdown_table,
)
from simulation.metrics.tally import DayTally, UnknownMetricError

__all__ = [
    "BY_NAME",
    "KINDS",
    "METRICS",
    "OUTCOMES",
    "RULE_COUNTS",
    "RULE_COUNT_NAMES",
    "STYLES",
    "DayTally",
    "Metric",
    "UnknownMetricError",
    "breakdown",
    "columns",
    "definition",
    "markdown_table",
]
