"""The definitions as plain rows, for `circlelab metrics`, the report and the app's help.

Four sections, each with a stable machine key (``--json``), the title its table is
printed under, and rows whose first field is always ``name``; each section's other
fields are its columns (``unit``, ``meaning``, …), with the heading a table prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulation.metrics.registry import METRICS, RULE_COUNTS
from simulation.metrics.summary import FACTS, MEASURES, RELATIVE


@dataclass(frozen=True)
class Section:
    """One table of definitions. ``columns``: (field, heading as printed) in order, the
    first always ``("name", …)``; ``rows``: field → text."""

    key: str
    title: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[dict[str, str], ...]

    def matching(self, name: str) -> Section:
        """Only the rows named ``name`` or, for a breakdown column (``bans.wrongful``),
        its metric's name."""
        base = name.split(".", 1)[0]
        return Section(
            self.key,
            self.title,
            self.columns,
            tuple(r for r in self.rows if r["name"] in (name, base)),
        )


def sections() -> tuple[Section, ...]:
    """Daily metrics, the run summary's facts and measures, and the per-rule counts."""
    return (
        Section(
            "daily_metrics",
            "Daily metrics (daily_metrics.csv: one column per metric and breakdown value)",
            (
                ("name", "metric"),
                ("unit", "unit"),
                ("breakdown", "breakdown"),
                ("over_a_run", "over a run"),
                ("meaning", "meaning"),
            ),
            tuple(
                {
                    "name": m.name,
                    "unit": m.unit,
                    "breakdown": m.by or "",
                    "over_a_run": m.aggregate,
                    "meaning": m.meaning,
                }
                for m in METRICS
            ),
        ),
        Section(
            "run_facts",
            "Run facts (the summary: what ran, and how long it took)",
            (("name", "fact"), ("unit", "unit"), ("meaning", "meaning")),
            tuple({"name": x.name, "unit": x.unit, "meaning": x.meaning} for x in FACTS),
        ),
        Section(
            "run_measures",
            "Run measures (the summary; sweeps compare runs on these)",
            (("name", "measure"), ("unit", "unit"), ("better", "better"), ("meaning", "meaning")),
            tuple(
                {"name": x.name, "unit": x.unit, "better": x.better, "meaning": x.meaning}
                for x in (*MEASURES, *RELATIVE)
            ),
        ),
        Section(
            "rule_counts",
            "Rule statistics (rule_stats.csv: per rule and day)",
            (("name", "count"), ("unit", "unit"), ("meaning", "meaning")),
            tuple({"name": c.name, "unit": c.unit, "meaning": c.meaning} for c in RULE_COUNTS),
        ),
    )
