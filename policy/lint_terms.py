"""Lint for a keyword detector's terms: what would remove innocent posts or never match.

- A term that normalises to nothing can never match; nor can one that is also one of the
  detector's exceptions. (A term always matches itself: terms and texts go through the
  same normaliser, and the matcher reads word boundaries in the text as written.)
- A term shorter than :data:`MIN_LETTERS` letters after normalisation (a hanzi counts as
  two: one hanzi carries about as much as two letters) fires on far too much text: "se"
  (色 under the old pinyin step) or "hb" would remove every post that holds them.
- A term inside common words of its language (``policy.lexicon``, Zipf >= 3), or at
  their start, fires on them: "cialis" in "specialist", "heroin" in "heroine", "pill" in
  "pillow", 电子 in 电子邮件 (not the term inflected: "pills", "smokers"; see
  :func:`words_holding`). Terms in Latin letters are
  checked in ``substring`` mode only (``word`` mode asks for word boundaries); terms in
  hanzi in either mode (Chinese has no spaces), unless the detector's ``exceptions``
  silence the term wherever the word is written (the word itself, or a part of it holding
  the term, is an exception; one that holds the word silences it only there).
- In ``word`` mode, a term that begins or ends with a character that is neither a letter
  nor a digit can never match.
- A term that is itself an everyday word (``policy.lexicon``, Zipf >= :data:`EVERYDAY_ZIPF`:
  about 1.8 per 100,000 words or more, the ~4,800 most frequent English words and ~5,600
  Chinese ones: "ice", "speed", "free", "sex", and "weed", "sale", "loan", "drugs", "smoke")
  and whose single hit makes a rule act (remove, restrict, ban, downrank; not a shadow
  rule) acts on every post that uses the word in its everyday sense. The line is the size
  of a learner's core vocabulary: frequency dictionaries list the 5,000 most frequent words
  of a language as the words everyone uses (Davies & Gardner, *A Frequency Dictionary of
  Contemporary American English*, 2010; Xiao, Rayson & McEnery, *A Frequency Dictionary
  of Mandarin Chinese*, 2009). The catalogue's restricted-goods terms are all less
  frequent (the most frequent, "tobacco", is at 4.19), so they stay quiet; how often a
  term fires on real innocent text is what ``circlelab policy evaluate --corpus``
  measures (on the SMS ham: "smoke" 13 messages, "weed" and "drugs" 10, "tobacco" 1).

Word mode and steps that remove spaces work together (boundaries are read in the text as
written), so that combination is no longer a warning.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cache

import ahocorasick

from policy import messages as M
from policy.chars import all_han, is_han
from policy.detectors import KeywordsDetector
from policy.messages import Message, msg

MIN_LETTERS = 3
SHOWN = 3  # common words shown per warning
EVERYDAY_ZIPF = 4.25  # a term at least this frequent is an everyday word (see above)
ACTING = ("remove", "restrict", "ban", "downrank")  # actions that cost an innocent post

Warn = Callable[[str, Message], None]  # (raw term, message naming it as ``term``)
# (rule, action, the hit's category mask, the rule's scope category mask; 0 for any) of
# each rule that one hit of a detector's terms makes act (policy.lint._deciding)
Deciding = list[tuple[str, str, int, int]]


def letters(normalised: str) -> int:
    return sum(2 if is_han(c) else 1 for c in normalised)


def check_terms(
    det: KeywordsDetector,
    warn: Warn,
    spelt: Callable[[str], list[str]] = lambda term: [],
) -> None:
    """Warn about the terms of one keyword detector (``warn(raw_term, message)``).
    ``spelt(term)``: the other spellings of a normalised term that the detector matches
    and no exception silences (``policy.lint_spellings.other_spellings``): a term that is
    an exception never counts as written, but those still fire."""
    norm = det.normalizer
    swallowed = {norm.term(e) for e in det.exceptions} if norm is not None else set()
    for term, (_mask, raws) in det.table.items():
        raw = raws[0]
        if term in swallowed:
            others = spelt(term)
            if others:
                more = ", …" if len(others) > SHOWN else ""
                shown = ", ".join(map(repr, others[:SHOWN])) + more
                warn(raw, msg(M.IS_AN_EXCEPTION_SPELT, term=repr(raw), spellings=shown))
            else:
                warn(raw, msg(M.IS_AN_EXCEPTION, term=repr(raw)))
        elif letters(term) < MIN_LETTERS:
            warn(
                raw,
                msg(M.TOO_SHORT, term=repr(raw), normalised=repr(term), minimum=MIN_LETTERS),
            )
        elif det.mode == "word" and not (raw.strip()[:1].isalnum() and raw.strip()[-1:].isalnum()):
            warn(raw, msg(M.WORD_EDGE, term=repr(raw)))
    _inside_common_words(det, warn)


def empty_terms(det: KeywordsDetector, raws: list[str]) -> list[str]:
    """The listed terms that normalise to nothing (the ones the detector did not keep)."""
    kept = {r for _m, rs in det.table.values() for r in rs}
    return [t for t in dict.fromkeys(raws) if t not in kept]


def _inside_common_words(det: KeywordsDetector, warn: Warn) -> None:
    latin: dict[str, tuple[str, str]] = {}  # casefolded raw term -> (raw, normalised)
    han: dict[str, tuple[str, str]] = {}
    for term, (_mask, raws) in det.table.items():
        for raw in raws:
            key = " ".join(raw.casefold().split())
            if all_han(key):
                han.setdefault(key, (raw, term))
            elif det.mode == "substring" and key.isascii() and key.isalnum():
                latin.setdefault(key, (raw, term))
    for lang, terms in (("en", latin), ("zh", han)):
        template = {"en": M.INSIDE_ENGLISH_WORDS, "zh": M.INSIDE_CHINESE_WORDS}[lang]
        for key, held in words_holding(list(terms), lang).items():
            raw, term = terms[key]
            found = [w for w in held if not _silenced_in(det, w, term)]
            if not found:
                continue
            shown = ", ".join(found[:SHOWN]) + (", …" if len(found) > SHOWN else "")
            warn(raw, msg(template, term=repr(raw), count=len(found), words=shown))


def _silenced_in(det: KeywordsDetector, word: str, term: str) -> bool:
    """Every place the normalised ``term`` is found in ``word`` (as the detector
    normalises text) lies inside one of the detector's exceptions found in the word, so
    that the word never fires wherever it is written (``KeywordsDetector.silenced``): the
    word itself listed as an exception, or a part of it that holds the term; not an
    exception that holds the word, which silences it only inside its own text."""
    if not det.exceptions:
        return False
    norm = det.normalizer
    s = norm(word) if norm is not None else word
    places = [i for i in range(len(s)) if s.startswith(term, i)]
    return bool(places) and all(det.silenced(s, i, i + len(term)) for i in places)


def words_holding(keys: list[str], lang: str) -> dict[str, list[str]]:
    """The common words of ``lang`` (``policy.lexicon``, Zipf >= 3) that hold each key
    (casefolded; "en" or "zh") other than the key itself and the key inflected ("pills"
    for pill): key -> words, the everyday ones (Zipf >= 4.25) first, then in
    alphabetical order. Keys found in no word are left out."""
    from policy.lexicon import COMMON_ZIPF, common_words

    if not keys:
        return {}
    a = ahocorasick.Automaton()
    for key in keys:
        a.add_word(key, key)
    a.make_automaton()
    words, blob, starts = _word_blob(lang, COMMON_ZIPF)
    inside: dict[str, list[str]] = {}
    for end, key in a.iter(blob):
        at = end - len(key) + 1
        w = bisect.bisect_right(starts, at) - 1
        word = words[w]
        if at == starts[w] and (word == key or _inflected(word, key, lang)):
            continue  # the term itself, or the term inflected
        if word not in inside.get(key, ()):
            inside.setdefault(key, []).append(word)
    everyday = common_words(lang, EVERYDAY_ZIPF)
    for found in inside.values():
        found.sort(key=lambda w: w not in everyday)  # stable: alphabetical within each
    return inside


# English endings that inflect a word without making another one: "pills", "vaped",
# "smokers" are the term's own topic; "pillow", "heroine", "analysis", "title" are not
INFLECTIONS = ("s", "es", "'s", "d", "ed", "ing", "r", "rs", "er", "ers", "y")


def _inflected(word: str, key: str, lang: str) -> bool:
    """``word`` is ``key`` with an English inflectional ending (never in Chinese, which
    has none: 大麻烦 is not 大麻)."""
    return lang == "en" and word.startswith(key) and word[len(key) :] in INFLECTIONS


@cache
def _word_blob(lang: str, zipf: float) -> tuple[list[str], str, list[int]]:
    """The common words, sorted, joined by newlines (one scan finds every term in every
    word), with the offset of each word."""
    from policy.lexicon import common_words

    words = sorted(common_words(lang, zipf))
    starts = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    return words, "\n".join(words), starts


def rules_for(mask: int, deciding: Deciding) -> list[tuple[str, str]]:
    """(rule, action) of the ``deciding`` rules that a term in categories ``mask`` makes
    act alone: its categories meet the hit's mask and the rule's scope (0: any)."""
    return [
        (r, a)
        for r, a, hit, scope in deciding
        if (not hit or hit & mask) and (not scope or scope & mask)
    ]


def everyday_count(lang: str) -> str:
    """How many everyday words ``lang`` has (Zipf >= :data:`EVERYDAY_ZIPF`), to the
    hundred, as a warning says it ("4,800")."""
    from policy.lexicon import common_words

    return f"{round(len(common_words(lang, EVERYDAY_ZIPF)), -2):,}"


def everyday_terms(det: KeywordsDetector, deciding: Deciding, warn: Warn) -> None:
    """Warn about terms that are everyday words and decide a rule alone. ``deciding``:
    (rule name, action, the hit's category mask, the rule's scope category mask; 0 for
    any) of each rule that one hit of this detector's terms makes act (``policy.lint``):
    a term counts for it when its categories meet each mask."""
    from policy.lexicon import common_words

    if not deciding:
        return
    for term, (mask, raws) in det.table.items():
        if letters(term) < MIN_LETTERS:
            continue  # warned as too short
        rules = rules_for(mask, deciding)
        for raw in raws if rules else ():
            key = raw.strip().casefold()
            if all_han(key):
                lang, template = "zh", M.EVERYDAY_CHINESE_WORD
            elif key.isascii() and key.isalpha():
                lang, template = "en", M.EVERYDAY_ENGLISH_WORD
            else:
                continue
            if key in common_words(lang, EVERYDAY_ZIPF):
                rule, action = rules[0]
                count = everyday_count(lang)
                warn(raw, msg(template, term=repr(raw), count=count, rule=rule, action=action))
                break
