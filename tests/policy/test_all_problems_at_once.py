"""Every problem of a policy file at once: a condition's unknown signal or operator was
reported only after the schema's problems (a misspelt action) were fixed, though the
file's other problems are all listed together."""

from __future__ import annotations

import pytest

from policy import load_policy_text
from policy.errors import LocatedError

TEXT = """name: errs
detectors:
  kw: {type: keywords, mode: word, terms: {tobacco: [vape]}}
rules:
  - name: young
    when: {all: [{hit: kw}, {acount_age_days: {lt: 30}}]}
    action: remove
  - name: old
    when: {all: [{hit: kw}, {account_age_days: {lte: 30}}]}
    action: remvoe
  - name: fine
    when: {hit: {detector: kw, categories: [tobacco]}}
    action: label
"""


def _problems(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(LocatedError) as info:
        load_policy_text(text, "p.yaml")
    return [(p.line, p.column, p.field) for p in info.value.problems]


def test_condition_problems_come_with_the_schema_problems():
    assert _problems(TEXT) == [
        (6, 30, "rules[0].when.all[1].acount_age_days"),
        (9, 49, "rules[1].when.all[1].account_age_days.lte"),
        (10, 13, "rules[1].action"),
    ]


def test_a_valid_schema_reports_each_condition_problem_once():
    text = TEXT.replace("remvoe", "remove")
    assert _problems(text) == [
        (6, 30, "rules[0].when.all[1].acount_age_days"),
        (9, 49, "rules[1].when.all[1].account_age_days.lte"),
    ]


def test_unknown_detectors_and_categories_are_named_with_the_schema_problems():
    text = TEXT.replace(
        "{hit: {detector: kw, categories: [tobacco]}}",
        "{hit: {detector: kw, categories: [tobaco]}}",
    )
    text = text.replace("{hit: kw}, {acount", "{hit: kx}, {acount")
    fields = [f for _l, _c, f in _problems(text)]
    assert "rules[0].when.all[0].hit.detector" in fields
    assert "rules[2].when.hit.categories[0]" in fields
    assert "rules[1].action" in fields
