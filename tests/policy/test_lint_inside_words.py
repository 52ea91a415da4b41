"""Lint: a substring term that begins a longer common word fires on it too ('heroin' in
*heroine*, 'pill' in *pillow*, 'tit' in *title*, 电子 in 电子邮件), unless the longer word is
the term inflected ('pills', 'vaped', 'smokers'). Only matches inside a word used to be
reported, so every word that starts with the term went unwarned."""

from __future__ import annotations

import pytest

from policy import explain, load_policy_text
from policy.lint import lint
from policy.lint_terms import words_holding

POLICY = """
name: inside words
detectors:
  kw: {{type: keywords, mode: {mode}, normalize: [nfkc, casefold], terms: {{medical: [{terms}]}}}}
rules:
  - {{name: r, when: {{hit: kw}}, action: remove}}
"""


def _inside(terms: str, mode: str = "substring") -> dict[str, str]:
    """Term -> the words its 'inside common words' warning names."""
    policy = load_policy_text(POLICY.format(terms=terms, mode=mode))
    out = {}
    for w in lint(policy):
        if "common English word" in w.message or "common Chinese word" in w.message:
            out[w.message.split("'")[1]] = w.message
    return out


@pytest.mark.parametrize(
    ("term", "word"),
    [("heroin", "heroine"), ("anal", "analysis"), ("tit", "title"), ("pill", "pillow")],
)
def test_a_word_that_starts_with_the_term_is_warned_and_the_post_is_removed(term, word):
    assert word in words_holding([term], "en")[term]
    assert term in _inside(term)
    policy = load_policy_text(POLICY.format(terms=term, mode="substring"))
    assert explain(policy, f"the {word} of it").action == "remove"  # what the warning means


def test_the_everyday_words_are_named_first():
    assert "(analysis, " in _inside("anal")["anal"]


def test_the_term_inflected_is_not_another_word():
    (message,) = _inside("pills").values()  # 'spills' only, not 'pills' itself
    assert "(spills)" in message
    held = words_holding(["pill", "vape", "smoke"], "en")
    assert not {"pills", "vaped", "vapes", "smoker", "smokers", "smoked"} & {
        w for words in held.values() for w in words
    }
    assert "pillow" in held["pill"]


def test_chinese_words_starting_with_the_term_are_warned():
    assert "电子邮件" in words_holding(["电子"], "zh")["电子"]
    assert "电子" in _inside("电子", mode="word")


def test_word_mode_latin_terms_are_not_checked():
    assert _inside("heroin", mode="word") == {}
