"""The database behind ``--db``, shared by every command that reads stored runs."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console

err = Console(stderr=True, highlight=False, soft_wrap=True)


def open_stored(db: str | None) -> Any:
    """The database behind ``--db``, or exit 2 with the reason it cannot be used."""
    # SQLAlchemy and sqlmodel take ~0.4 s to import: only commands that open a database pay
    from simulation.runs.storage import open_db, usable_db

    try:
        return open_db(usable_db(db))
    except OSError as exc:
        err.print(f"[red]error[/red]: --db {db}: cannot use this database: {exc}", markup=True)
        raise typer.Exit(2) from None
