"""``circlelab gui``: joins the headless CLI through the ``circlelab.commands`` entry point.

Qt is imported inside the command only, so ``circlelab --help`` stays fast and headless.
"""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("gui")
    def gui(
        preset: Annotated[str | None, typer.Option(help="Scenario preset to open")] = None,
        policy: Annotated[str | None, typer.Option(help="Policy preset for the editor")] = None,
        db: Annotated[
            str | None, typer.Option(help="Database of stored runs (SQLite path or SQLAlchemy URL)")
        ] = None,
        locale: Annotated[
            str | None, typer.Option(help="Interface and content language: en_US or zh_CN")
        ] = None,
    ) -> None:
        """Open the desktop lab: live charts, the feed, the policy editor, compare, runs."""
        if locale not in (None, "en_US", "zh_CN"):
            typer.echo(f"error: unknown locale {locale!r} (en_US or zh_CN)", err=True)
            raise typer.Exit(2)
        from app.main import run

        raise typer.Exit(run(preset=preset, policy=policy, db=db, locale=locale))
