"""Options several command groups declare alike (typer declarations only: cheap to import)."""

from __future__ import annotations

from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite file path or an SQLAlchemy URL such as "
        "postgresql+psycopg://user@host/dbname (default: circlelab.db in the user's data "
        "directory). Passwords are never printed.",
    ),
]
# a study keeps its runs beside its report, so that running it again resumes
# (simulation.sweeps.study.STUDY_DB in --out; tests/cli/test_study_db.py holds them together)
STUDY_DB_DEFAULT = "OUT/study.db"
StudyDbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite file path or an SQLAlchemy URL such as "
        f"postgresql+psycopg://user@host/dbname (default: {STUDY_DB_DEFAULT}, the study's "
        "own database in --out, so that running the study again resumes it). Passwords "
        "are never printed.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output")]
LangOption = Annotated[
    str,
    typer.Option(
        "--lang",
        help="Language of the report and its charts: en_US (default) or zh_CN",
    ),
]
SvgOption = Annotated[
    bool,
    typer.Option("--svg", help="Also write every chart as SVG (PNG is always written)"),
]
