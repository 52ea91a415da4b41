"""``circlelab metrics [NAME]``: every metric, summary measure and rule count, defined once."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from simulation.cli.common import input_error, out
from simulation.metrics.listing import definitions
from simulation.strict_json import dumps


def metrics(name: str | None, as_json: bool) -> None:
    """The registry's tables (daily metrics, run summary, per-rule counts), or one entry."""
    tables = definitions()
    if name is not None:
        base = name.split(".", 1)[0]
        tables = {
            title: [r for r in rows if next(iter(r.values())) in (name, base)]
            for title, rows in tables.items()
        }
        tables = {title: rows for title, rows in tables.items() if rows}
        if not tables:
            raise input_error(f"no metric, measure or rule count is called {name!r}")
    if as_json:
        print(dumps(tables, indent=2, ensure_ascii=False))
        return
    for title, rows in tables.items():
        table = Table(
            title=Text(title), show_header=True, header_style="bold", title_justify="left"
        )
        for col in rows[0]:
            table.add_column(col)
        for row in rows:
            table.add_row(*(Text(str(v)) for v in row.values()))
        out.print(table)
