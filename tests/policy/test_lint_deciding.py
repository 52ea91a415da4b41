"""Lint's warnings about everyday words are about rules that one hit makes act: a spelling
the pinyin step adds that is an everyday English word (嫦娥 typed 'change'), a phrase of
everyday words ('no script') and a term that is an everyday word ('ice'). They are quiet
where a hit alone costs an innocent post nothing: a labelling rule, a shadow rule (only
counted), a hit beside a second condition (all: with two parts); an all: of the hit alone
decides as the hit does. A spelling too short to mean anything is warned whatever the
rules do (it is what the detector matches)."""

from __future__ import annotations

import pytest

from policy import explain, load_policy_text
from policy.lint import lint

POLICY = """
name: deciding
detectors:
  kw:
    type: keywords
    mode: word
    normalize: [nfkc, casefold, separators, pinyin, abbreviations]
    terms: {{medical: [嫦娥, no script, ice, prescription]}}
  link: {{type: regex, patterns: {{url: 'https?://'}}}}
rules:
  - {{name: r, when: {when}, action: {action}}}
  - {{name: links, when: {{hit: link}}, action: label}}
"""
EVERYDAY = ("is also matched as 'change'", "made of everyday English words", "is an everyday")


def _policy(when: str = "{hit: kw}", action: str = "remove"):
    return load_policy_text(POLICY.format(when=when, action=action))


def _warned(policy) -> list[str]:
    return [w.message for w in lint(policy)]


def test_a_pinyin_spelling_that_is_an_everyday_word_is_warned_and_fires():
    policy = _policy()
    (warning,) = [w for w in _warned(policy) if "is also matched as 'change'" in w]
    assert warning == (
        "term '嫦娥' is also matched as 'change' (pinyin chang e, step pinyin), an everyday "
        "English word (one of the 4,800 most frequent), and a single hit of it makes rule "
        "'r' remove: every post using the word in its everyday sense does too"
    )
    for text in ("Time for a change", "The play had no script", "ice in my drink"):
        assert explain(policy, text).action == "remove", text
    # each of the three everyday warnings once
    for needle in EVERYDAY:
        assert len([w for w in _warned(policy) if needle in w]) == 1, needle


@pytest.mark.parametrize(
    ("when", "action", "acts"),
    [
        ("{hit: kw}", "label", "label"),  # costs an innocent post nothing
        ("{hit: kw}", "remove, shadow: true", "allow"),  # only counted
        ("{all: [{hit: kw}, {hit: link}]}", "remove", "allow"),  # a second condition
    ],
    ids=["label", "shadow", "all with a second condition"],
)
def test_everyday_warnings_are_quiet_where_a_hit_alone_costs_nothing(when, action, acts):
    policy = _policy(when, action)
    warned = _warned(policy)
    for needle in EVERYDAY:
        assert not [w for w in warned if needle in w], needle
    # and the policy indeed does not act on the everyday text by it
    for text in ("Time for a change", "The play had no script", "ice in my drink"):
        assert explain(policy, text).action == acts, text
    # a spelling too short to mean anything is warned whatever the rules do
    assert len([w for w in warned if "is also matched as 'rx'" in w]) == 1


def test_an_all_of_the_hit_alone_decides_as_the_hit():
    policy = _policy("{all: [{hit: kw}]}")
    warned = _warned(policy)
    for needle in EVERYDAY:
        assert len([w for w in warned if needle in w]) == 1, needle
    assert explain(policy, "Time for a change").action == "remove"
