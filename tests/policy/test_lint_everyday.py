"""Lint: a term that is itself an everyday word, one hit of which makes a rule act, acts on
every post that uses the word in its everyday sense ('ice', 'speed', 'free', 朋友). The
warning is measured against real innocent text (the SMS ham of the shipped corpus) and
kept off where the word cannot decide alone (a second condition, a count, a shadow or
labelling rule, a category the rule does not read)."""

from __future__ import annotations

import pytest

from policy import load_policy_text
from policy.evaluate import evaluate
from policy.lexicon import common_words
from policy.lint import lint
from policy.lint_terms import EVERYDAY_ZIPF
from simulation.catalogue import LOCALES, load_catalogue
from tests.corpus.conftest import CORPUS as SMS

EVERYDAY = {"ice", "speed", "weed", "朋友"}  # of TERMS: Zipf >= 4.25
TERMS = "[ice, speed, weed, cocaine, sleeping pills, 朋友, 海洛因]"
POLICY = """
name: street drugs
detectors:
  drugs: {{type: keywords, mode: word, normalize: [nfkc, casefold], terms: {{{cat}: {terms}}}}}
  link: {{type: regex, patterns: {{url: 'https?://'}}}}
rules:
  - {{name: r, when: {when}, action: {action}{more}}}
"""


def _everyday(when: str, action: str = "remove", more: str = "", cat: str = "medical"):
    text = POLICY.format(when=when, action=action, more=more, cat=cat, terms=TERMS)
    return {
        w.message.split("'")[1]
        for w in lint(load_policy_text(text))
        if "is an everyday" in w.message
    }


def test_everyday_words_that_decide_a_rule_alone_are_warned():
    assert _everyday("{hit: drugs}") == EVERYDAY
    # 'cocaine' (Zipf 4.0), a phrase and a rare hanzi word are not everyday words
    assert _everyday("{any: [{hit: drugs}, {hit: link}]}") == EVERYDAY
    assert _everyday("{hit: {detector: drugs, count: {ge: 1}}}") == EVERYDAY
    for action in ("restrict", "ban", "downrank"):
        more = ", restrict_days: 3" if action == "restrict" else ""
        assert _everyday("{hit: drugs}", action, more) == EVERYDAY, action


@pytest.mark.parametrize(
    ("when", "action", "more"),
    [
        ("{all: [{hit: drugs}, {hit: link}]}", "remove", ""),  # a second condition
        ("{hit: {detector: drugs, count: {ge: 2}}}", "remove", ""),  # two terms needed
        ("{hit: drugs}", "label", ""),  # costs an innocent post nothing
        ("{hit: drugs}", "remove", ", shadow: true"),  # only counted
        ("{hit: {detector: drugs, categories: [tobacco]}}", "remove", ""),  # not its category
        ("{not: {hit: drugs}}", "remove", ""),
    ],
)
def test_no_warning_where_the_word_cannot_decide_alone(when, action, more):
    assert _everyday(when, action, more) == set()


def test_a_rule_scoped_to_other_categories_is_not_warned():
    scoped = "{hit: drugs}, scope: {categories: [tobacco]}"
    assert _everyday(scoped) == set()
    assert _everyday(scoped, cat="tobacco") == EVERYDAY


def test_the_warned_words_cost_innocent_messages_and_the_catalogue_terms_do_not():
    """On the 4,827 real innocent SMS (ham) of the shipped corpus, a remove rule with one
    warned word wrongly removes several messages; with 'tobacco', the catalogue's most
    frequent term (Zipf 4.2, under the threshold), one."""

    def wrongful(term: str) -> int:
        text = POLICY.format(
            when="{hit: drugs}", action="remove", more="", cat="medical", terms=f"[{term}]"
        )
        return evaluate(load_policy_text(text), SMS).overall.fp

    warned = ("ice", "free", "money", "weed", "sale", "loan", "drugs", "smoke")
    assert {t: wrongful(t) for t in warned} == {
        "ice": 8,
        "free": 59,
        "money": 53,
        "weed": 10,
        "sale": 4,
        "loan": 5,
        "drugs": 10,
        "smoke": 13,
    }
    assert wrongful("tobacco") == 1
    assert "tobacco" not in common_words("en", EVERYDAY_ZIPF)
    assert set(warned) <= common_words("en", EVERYDAY_ZIPF)


def test_the_line_is_a_core_vocabulary_and_the_catalogue_is_under_it():
    """The threshold holds about as many words as the 5,000-word frequency dictionaries of
    English and Mandarin, and none of the catalogue's restricted-goods terms."""
    for lang in ("en", "zh"):
        assert 4_000 <= len(common_words(lang, EVERYDAY_ZIPF)) <= 6_000, lang
    words = common_words("en", EVERYDAY_ZIPF) | common_words("zh", EVERYDAY_ZIPF)
    catalogue = load_catalogue()
    for locale in LOCALES:
        for category, terms in catalogue.terms(locale).items():
            assert not {t.casefold() for t in terms} & words, (locale, category)


def test_a_term_in_the_hits_category_and_the_scopes_is_warned():
    """A term listed under two categories, the hit reading one and the rule's scope the
    other: the rule acts on it (the hit and the scope each find a category of it), so it
    is warned (the two masks were once and-ed together, and the warning lost)."""
    text = """
name: two categories
detectors:
  drugs: {type: keywords, mode: word, terms: {medical: [ice], tobacco: [ice]}}
rules:
  - name: r
    when: {hit: {detector: drugs, categories: [medical]}}
    scope: {categories: [tobacco]}
    action: remove
"""
    warned = [w.message for w in lint(load_policy_text(text)) if "is an everyday" in w.message]
    assert len(warned) == 1 and "'ice'" in warned[0]


@pytest.mark.parametrize(
    "rules",
    [
        # after an unconditional allow rule: never acts (lint says it is unreachable)
        "  - {name: all, action: allow}\n  - {name: r, when: {hit: drugs}, action: remove}\n",
        # only in a channel the policy does not read at upload
        "  - {name: r, when: {hit: drugs}, action: remove, scope: {channels: [chat]}}\n",
        # reported posts only: not every post that uses the word
        "  - {name: r, when: {hit: drugs}, action: remove, scope: {stages: [report]}}\n",
    ],
    ids=["unreachable", "unscanned channel", "reports only"],
)
def test_no_warning_for_a_rule_that_never_acts_on_a_new_post(rules):
    text = (
        "name: t\ndetectors:\n"
        "  drugs: {type: keywords, mode: word, terms: {medical: [ice, speed]}}\n"
        "rules:\n" + rules
    )
    assert not [w for w in lint(load_policy_text(text)) if "is an everyday" in w.message]
