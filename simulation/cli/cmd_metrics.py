"""``circlelab metrics [NAME]``: every metric, summary field and rule count, defined once.

``--json`` prints one object with a stable key per section (``daily_metrics``,
``run_facts``, ``run_measures``, ``rule_counts``), each a list of entries whose name is
always in ``name`` (then ``unit``, ``meaning`` and the section's other fields, in
snake_case); the tables printed without it keep their titles and headings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from simulation.cli.common import input_error, out
from simulation.metrics.listing import sections
from simulation.strict_json import dumps


def metrics(name: str | None, as_json: bool) -> None:
    """The registry's tables (daily metrics, run facts, run measures, per-rule counts), or
    the entries of one name."""
    shown = sections()
    if name is not None:
        shown = tuple(s for s in (s.matching(name) for s in shown) if s.rows)
        if not shown:
            raise input_error(f"no metric, measure, fact or rule count is called {name!r}")
    if as_json:
        print(dumps({s.key: list(s.rows) for s in shown}, indent=2, ensure_ascii=False))
        return
    for section in shown:
        table = Table(
            title=Text(section.title), show_header=True, header_style="bold", title_justify="left"
        )
        for _field, heading in section.columns:
            table.add_column(heading)
        for row in section.rows:
            table.add_row(*(Text(str(row[f])) for f, _heading in section.columns))
        out.print(table)
