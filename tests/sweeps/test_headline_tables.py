"""The report's headline table with many arms: a column per arm ran past the page's
width beyond about four arms (a cell is a mean and its interval, never broken), so the
page scrolled sideways. The arms are now shown at most ``ARMS_PER_TABLE`` to a table,
as evenly as can be, each table saying which of the arms it holds."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from simulation.cli.cmd_sweep import merge
from simulation.runs.report_words import Words
from simulation.sweeps import report


def test_arms_are_cut_into_as_few_even_groups_as_fit():
    sizes = {n: [len(g) for g in report.arm_groups(list(range(n)))] for n in range(10)}
    assert report.ARMS_PER_TABLE == 4
    assert sizes == {
        0: [0],
        1: [1],
        2: [2],
        3: [3],
        4: [4],
        5: [3, 2],
        6: [3, 3],
        7: [4, 3],
        8: [4, 4],
        9: [3, 3, 3],
    }
    arms = [f"arm {i}" for i in range(7)]
    assert [a for g in report.arm_groups(arms) for a in g] == arms  # each once, in order


@pytest.fixture(scope="module")
def eight_arms(reference):
    """The reference sweep's two arms four times over (nested comparisons): 8 arms."""
    two = merge(reference, reference, "A", "B")
    return merge(two, two, "C", "D")


def _page(result, locale="en_US") -> str:
    rh = report.per_run(result.runs, result.metrics, result.baseline)
    head = report.headline(rh, 0.95)
    none = pd.DataFrame(columns=["measure", "statement", "significant"])  # no comparisons
    ctx = report._context(result, "t", [], head, none, 0.95, Words(locale))
    return report.render(ctx)


def test_a_report_of_eight_arms_shows_them_four_to_a_table(eight_arms):
    page = _page(eight_arms)
    tables = re.findall(r'<table class="headline grouped">(.*?)</table>', page, re.S)
    assert len(tables) == 2
    arms = list(dict.fromkeys(eight_arms.runs["arm"]))
    assert len(arms) == 8
    assert re.findall(r'<p class="arms-of"><small>(.*?)</small>', page) == [
        "Arms 1–4 of 8",
        "Arms 5–8 of 8",
    ]
    for table, group in zip(tables, (arms[:4], arms[4:]), strict=True):
        heads = re.findall(r"<th>(.*?)</th>", table)
        assert heads == ["measure", "better", *group]
        rows = re.findall(r"<tr><td>.*?</tr>", table, re.S)
        assert len(rows) == len(report.MEASURES)
        assert all(row.count('<td class="num">') == 4 for row in rows)
    # each arm's cells under its own heading: the no-moderation arms avoid nothing
    harm = [re.search(r"<td>harm avoided</td>.*?</tr>", t, re.S).group(0) for t in tables]
    cells = re.findall(r'<td class="num">(.*?)</td>', "".join(harm))
    assert len(cells) == 8
    assert set(cells[::2]) == {"0.0% [0.0%, 0.0%]"} and "0.0% [0.0%, 0.0%]" not in cells[1::2]


def test_the_captions_are_in_the_reports_language(eight_arms):
    page = _page(eight_arms, "zh_CN")
    assert "<small>第 5–8 组（共 8 组）</small>" in page
