"""A term read across ordinary words: "hero in" is not heroin.

The ``separators`` step joins the words of a text, so that a word spaced out to evade a
filter ("h e r o i n", "her oin", "v.a.p.e") is found. It also joins ordinary prose: "the
hero in this film" holds ``heroin`` at word boundaries, "visit a ward" holds ``award``,
"to get her" holds ``together``. Such a reading is ordinary English, not a disguise, when

- the words are apart as prose writes them (whitespace, perhaps after a comma or a full
  stop), not glued by a symbol ("hero.in", "va*pe" stay disguises);
- every word is an ordinary one: a grammar word of :data:`GRAMMAR` ("in", "a", "the",
  "her" …), or a word of at least three letters at Zipf >= :data:`ORDINARY_ZIPF` (one in a
  hundred thousand words of wordfreq's English list; ``policy.lexicon``);
- at least one of them is a grammar word: two content words apart ("give away", "ring
  tone", "pain killers") are usually the compound itself written apart, which stays a hit;
- no spelling the designer listed splits the term at the same places (a term listed as
  "sex toys" is found as "sex toys").

One or two letters that are not grammar words ("va pe", "lu be", "S now" for snow) stay a
hit: the reading may be a disguise. Measured on the shipped terms, the rule sets aside
"a ward" (award) and, in three pieces, "give a way", "he a ted", "in tim ate" and "pot i
on"; no split a seller's one-cut disguise makes of a catalogue term (``tests/policy/
test_apart.py`` lists them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# English closed-class words: articles, pronouns, prepositions, conjunctions, auxiliaries
# fmt: off
GRAMMAR = frozenset({
    "a", "i", "an", "the", "in", "on", "at", "to", "of", "by", "up", "is", "it", "be", "we",
    "he", "me", "my", "us", "so", "no", "or", "as", "do", "if", "am", "and", "for", "you",
    "are", "was", "not", "but", "her", "his", "him", "our", "its", "she", "who", "all", "any",
    "has", "had", "can", "off", "per", "via", "yet", "nor",
})
# fmt: on
ORDINARY_ZIPF = 4.0  # a content word this frequent is ordinary (one in 100,000 words)
MIN_CONTENT = 3  # letters of the shortest content word counted as ordinary

# between two words as prose writes them: whitespace, perhaps after closing punctuation
# and before opening punctuation
_APART = re.compile(r"[,.;:!?\"')\]]*\s+[\"'(\[]*")
_LETTERS = re.compile(r"[^\W\d_]+")


def _cuts(pieces: Iterable[str]) -> frozenset[int]:
    """Where a sequence of pieces splits the letters they spell (letter offsets)."""
    out, at = set(), 0
    for p in list(pieces)[:-1]:
        at += len(p)
        out.add(at)
    return frozenset(out)


def read_apart(written: str, spellings: Iterable[str]) -> bool:
    """Whether a hit ``written`` as in the text is ordinary words read together, not
    the term (see the module's rules). ``spellings``: the term as the policy lists it.

    >>> read_apart("hero in", ["heroin"]), read_apart("her oin", ["heroin"])
    (True, False)
    """
    pieces = _APART.split(written.strip())
    if len(pieces) < 2 or not all(p.isalpha() and p.isascii() for p in pieces):
        return False
    folded = [p.casefold() for p in pieces]
    if not any(p in GRAMMAR for p in folded):
        return False
    from policy.lexicon import common_words

    content = common_words("en", ORDINARY_ZIPF)
    if not all(p in GRAMMAR or (len(p) >= MIN_CONTENT and p in content) for p in folded):
        return False
    cuts, letters = _cuts(folded), "".join(folded)
    for spelling in spellings:
        parts = _LETTERS.findall(spelling.casefold())
        if "".join(parts) == letters and cuts <= _cuts(parts):
            return False
    return True
