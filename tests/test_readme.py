"""The README's figures are the ones the code prints today (scripts/figures.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("figures", ROOT / "scripts" / "figures.py")
figures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(figures)


@pytest.mark.parametrize("name", figures.CHEAP)
def test_readme_figures_are_current(name):
    text = figures.README.read_text(encoding="utf-8")
    assert figures.current(name, text) == figures.GENERATORS[name]().strip(), (
        f"README.md's figures:{name} no longer match a fresh run; "
        f"re-measure with `python scripts/figures.py --write {name}`"
    )


def test_every_figure_block_has_a_generator():
    text = figures.README.read_text(encoding="utf-8")
    import re

    names = re.findall(r"<!-- figures:([\w-]+) -->", text)
    assert names and set(names) <= set(figures.GENERATORS)
