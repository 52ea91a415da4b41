"""A term read across ordinary words is not the term: "the hero in this film" holds no
heroin (it was removed by a word-mode filter for ``heroin``), while a word spaced out to
evade ("her oin", "h e r o i n", "hero.in") is still caught; ``policy explain`` says
which candidates were set aside and why."""

from __future__ import annotations

import itertools
import re

import pytest

from policy import explain, load_policy_text
from policy.catalogue import read_catalogue
from policy.detectors.apart import read_apart
from tests.policy.test_text_matching import detector

POLICY = """
name: drug words
detectors:
  kw:
    type: keywords
    mode: word
    normalize: [emoji, nfkc, casefold, confusables, letterforms, diacritics, invisible,
                leetspeak, separators, traditional, numerals, repeats]
    terms: {medical: [heroin, together, weed, painkillers], spam: [award, giveaway]}
rules:
  - {name: r, when: {hit: kw}, action: remove}
"""


@pytest.mark.parametrize(
    ("written", "spellings", "apart"),
    [
        ("hero in", ["heroin"], True),
        ("Hero, in", ["heroin"], True),
        ("a ward", ["award"], True),
        ("to get her", ["together"], True),
        ("her oin", ["heroin"], False),  # 'oin' is no word: a disguise
        ("h e r o i n", ["heroin"], False),  # spaced out letter by letter
        ("hero.in", ["heroin"], False),  # glued by a symbol, not apart as prose
        ("S now", ["snow"], False),  # one letter that is no grammar word
        ("lu be", ["lube"], False),  # short pieces that are no words
        ("give away", ["giveaway"], False),  # a compound written apart
        ("pain killers", ["painkillers"], False),
        ("hero in", ["heroin", "hero in"], False),  # the designer lists it apart
        ("heroin", ["heroin"], False),
    ],
)
def test_ordinary_words_read_together(written, spellings, apart):
    assert read_apart(written, spellings) is apart


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("the hero in this film was great", []),
        ("visit a ward upstairs", []),
        ("we should get together to get her a gift", ["together"]),
        ("selling her oin cheap", ["heroin"]),
        ("h e r o i n for sale", ["heroin"]),
        ("hero.in dm me", ["heroin"]),
        ("pain killers no script", ["painkillers"]),
        ("big give away today", ["giveaway"]),
    ],
)
def test_the_detector_spares_prose_and_catches_disguises(text, hits):
    det = load_policy_text(POLICY).detectors["kw"]
    assert sorted({h.what for h in det.scan(text)}) == hits


def test_explain_says_what_was_set_aside_and_why():
    exp = explain(load_policy_text(POLICY), "the hero in this film")
    assert exp.action == "allow"
    assert exp.set_aside["kw"] == [
        "'heroin' as written 'hero in': ordinary words read together, not the term spaced out"
    ]
    assert "    set aside kw: 'heroin' as written 'hero in'" in str(exp)


def test_explain_names_word_boundaries_too():
    det = detector({"medical": ["cialis"]})
    assert det.set_aside("ask a specialist") == [
        "'cialis' as written 'cialis': not at word boundaries of the text (mode: word)"
    ]


def catalogue_words() -> list[str]:
    cat = read_catalogue()
    terms = {t for per in cat.terms.values() for ts in per.values() for t in ts}
    return sorted({w for t in terms for w in re.findall(r"[a-z]+", t.casefold()) if len(w) > 1})


def test_no_disguise_a_seller_makes_of_a_catalogue_term_is_set_aside():
    """The simulation's sellers cut a term with spaces everywhere or at one place
    (``simulation.world.content.evasion.spaced``): none of those readings is set aside."""
    words = catalogue_words()
    assert len(words) > 50
    for word in words:
        assert not read_apart(" ".join(word), [word]), word
        for i in range(1, len(word)):
            assert not read_apart(f"{word[:i]} {word[i:]}", [word]), (word, i)


def test_the_shipped_terms_set_aside_only_these_splits():
    """What the rule costs on the shipped terms: every split of a catalogue or preset term
    into two or three pieces that it sets aside (none of them a seller's disguise)."""
    words = [*catalogue_words(), "award", "giveaway"]
    found = []
    for word in words:
        for k in (1, 2):
            for cuts in itertools.combinations(range(1, len(word)), k):
                bounds = zip((0, *cuts), (*cuts, len(word)), strict=True)
                written = " ".join(word[a:b] for a, b in bounds)
                if read_apart(written, [word]):
                    found.append(written)
    assert sorted(found) == ["a ward", "give a way", "he a ted", "in tim ate", "pot i on"]
