"""Every metric name the engine, the reports and the app use is one the registry defines.

The scan reads the source (string constants and the fixed part of f-strings) of every
module that writes or reads daily metrics. A name that is a registry metric must use a
valid breakdown value; a name that is *almost* a registry metric (a misspelling) fails.
"""

from __future__ import annotations

import ast
import difflib
import re
from pathlib import Path

import pytest

from simulation.catalogue import load_catalogue
from simulation.metrics import METRICS, RULE_COUNTS, breakdown
from simulation.metrics.summary import MEASURES, RELATIVE

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [
        *ROOT.glob("simulation/world/*.py"),
        *ROOT.glob("simulation/runs/*.py"),
        *ROOT.glob("simulation/sweeps/*.py"),
        *ROOT.glob("simulation/metrics/*.py"),
        *ROOT.glob("simulation/cli/*.py"),
        *ROOT.glob("app/**/*.py"),
        *ROOT.glob("bench/*.py"),
    ]
)
NAMES = {m.name for m in METRICS}
OTHER = {c.name for c in RULE_COUNTS} | {x.name for x in (*MEASURES, *RELATIVE)}
CATEGORIES = tuple(load_catalogue().names())
DERIVED_SUFFIXES = {"all", "cumulative"}
FILE_TYPES = {"html", "png", "svg", "csv", "json", "yaml", "parquet"}
NAME = re.compile(r"^[a-z][a-z_]*(\.[a-z_{}]*)*$")


def _strings(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value + "{"


def _problem(text: str) -> str | None:
    if not NAME.match(text):
        return None
    head, _, rest = text.partition(".")
    if head in NAMES:
        metric = next(m for m in METRICS if m.name == head)
        part = rest.split(".", 1)[0]
        allowed = set(breakdown(metric, CATEGORIES)) | DERIVED_SUFFIXES
        if rest and "{" not in part and part not in allowed:
            return f"{text!r}: {part!r} is not a breakdown value of {head}"
        return None
    if head in OTHER or len(head) < 6 or rest.split(".")[-1] in FILE_TYPES:
        return None
    close = difflib.get_close_matches(head, [*NAMES, *OTHER], n=1, cutoff=0.88)
    if close and close[0] not in (head, head + "s"):  # "review" is a word, not "reviews"
        return f"{text!r} looks like a misspelling of the metric {close[0]!r}"
    return None


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_metric_names_in_source_are_defined(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {why}"
        for line, text in _strings(tree)
        if (why := _problem(text))
    ]
    assert not problems, "\n".join(problems)


def test_the_scan_catches_a_misspelling_and_a_bad_breakdown():
    assert _problem("posts_removd.life")
    assert _problem("offers_created.tabacco")
    assert _problem("bans.wrongfull")
    assert _problem("posts_created.{k}") is None
    assert _problem("offers_created.all") is None
    assert _problem("bans.wrongful.cumulative") is None
