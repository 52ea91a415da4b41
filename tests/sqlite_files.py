"""SQLite files made for a test: a database that is not Circle Lab's, or one changed by hand."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def sqlite_with(path: Path, *statements: str) -> Path:
    """``path`` as a SQLite file after running ``statements`` on it; returns ``path``."""
    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()
    return path
