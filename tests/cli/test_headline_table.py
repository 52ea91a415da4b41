"""The sweep's headline table never breaks a word: arms as rows when the terminal is wide
enough, measures as rows in a narrower one, a table per arm in a very narrow one; every
number whole in every layout."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from rich.text import Text

from simulation.cli import cmd_sweep
from simulation.sweeps.report import KEY_MEASURES, heading

ARMS = ["No moderation", "March-2024 personal-account crackdown"]
CELL = "54.4% [53.4%, 55.3%]"


def _render(width: int, monkeypatch) -> tuple[str, int]:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    monkeypatch.setattr(cmd_sweep, "out", console)
    cells = {(a, n): Text(CELL) for a in ARMS for n in KEY_MEASURES}
    tables = cmd_sweep.headline_tables(ARMS, cells, "sweep sw-1: mean [95% CI] across seeds")
    for table in tables:
        console.print(table)
    return console.export_text(), len(tables)


def _words(text: str) -> set[str]:
    """Every word inside the table's cells, as printed (one line of a cell at a time)."""
    return {w for line in text.splitlines() for w in re.split(r"[\s│┃┏┓┗┛━┳┻╇┡┩└┘┴─]+", line) if w}


@pytest.mark.parametrize(
    ("width", "tables", "first"), [(220, 1, "arm"), (80, 1, "measure"), (40, 2, "measure")]
)
def test_the_headline_table_never_breaks_a_word(width, tables, first, monkeypatch):
    text, n = _render(width, monkeypatch)
    assert n == tables
    assert max(len(line) for line in text.splitlines()) <= width
    words = _words(text)
    # every heading's words, the arms' and the numbers' are printed whole
    for name in KEY_MEASURES:
        assert set(heading(name).split()) <= words, heading(name)
    for arm in ARMS:
        assert set(arm.split()) <= words
    assert {"54.4%", "[53.4%,", "55.3%]"} <= words
    assert first in words
