"""Lint for what a keyword detector matches beyond its terms as written.

``policy.lint_terms`` checks the terms themselves. A detector also matches:

- the spellings its matching steps add (``KeywordsDetector.spellings``): a table's
  abbreviation in place of its meaning (``rx`` for prescription, ``xy`` for 香烟) and the
  pinyin of a hanzi term typed in Latin letters (``weige``). Each is checked as a term is:
  shorter than ``MIN_LETTERS`` letters, or an everyday English word that decides a rule
  alone (:func:`check_spellings`; the warning names the table and step it came from);
- a term of several words as a phrase: when every word of it is an everyday word
  ("no script", "hospital grade"), it fires wherever the words are written together in
  their everyday sense ("The play had no script") (:func:`everyday_phrases`);
- a term in hanzi across a word boundary (hanzi match anywhere): 外烟 in 另外|烟草 ("in
  addition, tobacco …") or 窗外|烟花 ("fireworks outside the window"), 助情 in 帮助|情况
  (``policy.lint_across``). How often two words side by side hold the term is estimated from
  their frequencies (wordfreq, words at Zipf >= ``OVERLAP_ZIPF``: their product, as if
  words followed one another at random) and compared with the term's own frequency; a
  term is warned when such pairs come to a tenth of it or more. One of the
  term's own words beside a word that the rest of the term begins counts only when what
  that word adds is no common word (特效|药膳 counts, 特效|药品 is 特效药 and 品). By this
  measure 特效|药膳 is about 1/80,000 of 特效药 and is not warned;
- hanzi that sound like a term (the ``pinyin`` step): 魏哥 ("Brother Wei") for 伟哥
  (:func:`sound_alikes`). The spellings counted are the term with its first or last
  hanzi swapped for a common single-hanzi word of the same sound, where the rest is an
  everyday word and no longer word explains the spelling (the matcher's own test,
  ``policy.lexicon.explained_by_words``): they read as two ordinary words. Word
  frequencies cannot say how often a surname meets 哥, so this is a list of what the
  step reaches, not a measure: one warning per detector, at its ``pinyin`` step, names
  how many terms it reaches and an example for the first few.

Word frequencies are wordfreq's (``policy.lexicon``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from policy import messages as M
from policy.chars import HAN_CHAR, all_han
from policy.detectors import KeywordsDetector
from policy.lint_terms import (
    EVERYDAY_ZIPF,
    MIN_LETTERS,
    SHOWN,
    Deciding,
    Warn,
    everyday_count,
    letters,
    rules_for,
)
from policy.messages import Message, msg

# -- spellings the matching steps add --------------------------------------------------


def check_spellings(det: KeywordsDetector, deciding: Deciding, warn: Warn) -> None:
    """Warn about the abbreviation and pinyin spellings of ``det``'s terms that are too
    short or an everyday English word deciding a rule alone (``warn(raw term, message)``;
    one warning per spelling, at the first term it spells)."""
    from policy.lexicon import common_words

    everyday = common_words("en", EVERYDAY_ZIPF)
    seen: set[str] = set()
    for spelled, sp in det.spellings():
        if spelled in seen:
            continue  # warned at the first term it spells
        mask, raws = det.table[sp.term]
        if sp.step == "abbreviations":
            ab = sp.source
            # the abbreviation alone, as written; or in place of its meaning inside a
            # longer term ('dly spray' for delay spray), shown as normalised
            alone = sp.key_at == (0, len(spelled))
            written = ab.key if alone else spelled
            source = msg(M.FROM_ABBREVIATION, key=ab.key, value=ab.value, table=ab.locale)
        else:
            written = spelled
            source = msg(M.FROM_PINYIN, reading=sp.source)
        seen.add(spelled)
        if letters(spelled) < MIN_LETTERS:
            warn(
                raws[0],
                msg(
                    M.SPELLING_TOO_SHORT,
                    term=repr(raws[0]),
                    spelling=repr(written),
                    source=source,
                    normalised=repr(spelled),
                    minimum=MIN_LETTERS,
                ),
            )
            continue
        rules = rules_for(mask, deciding)
        if rules and written.casefold() in everyday:
            rule, action = rules[0]
            warn(
                raws[0],
                msg(
                    M.SPELLING_EVERYDAY,
                    term=repr(raws[0]),
                    spelling=repr(written),
                    source=source,
                    count=everyday_count("en"),
                    rule=rule,
                    action=action,
                ),
            )


# -- phrases -------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W\d_]+")


def phrase_words(raw: str) -> list[str]:
    """The words of a term of several words (casefolded, of two letters or more), or []
    when it is one word or holds hanzi."""
    if HAN_CHAR.search(raw):
        return []
    words = [w for w in _WORDS.findall(raw.casefold()) if len(w) > 1]
    return words if len(words) > 1 else []


def everyday_phrases(det: KeywordsDetector, deciding: Deciding, warn: Warn) -> None:
    """Warn about the terms of several words that are all everyday English words and
    decide a rule alone: the phrase fires wherever the words are used together."""
    from policy.lexicon import common_words

    if not deciding:
        return
    everyday = common_words("en", EVERYDAY_ZIPF)
    for _term, (mask, raws) in det.table.items():
        rules = rules_for(mask, deciding)
        if not rules:
            continue
        for raw in raws:
            words = phrase_words(raw)
            if words and all(w in everyday for w in words):
                rule, action = rules[0]
                warn(
                    raw,
                    msg(
                        M.EVERYDAY_ENGLISH_PHRASE,
                        term=repr(raw),
                        words=", ".join(words),
                        count=everyday_count("en"),
                        rule=rule,
                        action=action,
                    ),
                )
                break


# -- sound-alikes ----------------------------------------------------------------------


@cache
def _same_sound() -> dict[str, list[str]]:
    """Syllable -> the common single-hanzi words (Zipf >= COMMON_ZIPF) read so, most
    frequent first."""
    from policy.lexicon import COMMON_ZIPF, WORD_ZIPF, zipf_table
    from policy.pinyin import char_syllables

    zipf = zipf_table("zh", WORD_ZIPF)
    syllables = char_syllables()
    out: dict[str, list[str]] = {}
    singles = [w for w, z in zipf.items() if len(w) == 1 and z >= COMMON_ZIPF and w in syllables]
    for w in sorted(singles, key=lambda w: (-zipf[w], w)):
        out.setdefault(syllables[w], []).append(w)
    return out


def sound_alikes(det: KeywordsDetector, first: bool = False) -> dict[str, list[str]]:
    """Normalised hanzi term -> the spellings the ``pinyin`` step reads as it that are two
    ordinary words: its first or last hanzi swapped for a common single-hanzi word of the
    same sound, the rest an everyday word, no word explaining the spelling and no
    exception silencing it wherever it is written (``KeywordsDetector.silenced``: one
    that is the spelling; one that holds it silences it only inside its own text). Most
    frequent swapped hanzi first; only that one with ``first``. Empty without the step."""
    from policy.detectors.keywords import MIN_SOUND_ALIKE
    from policy.lexicon import common_words, explained_by_words
    from policy.pinyin import readings

    if "pinyin" not in det.steps:
        return {}
    everyday = common_words("zh", EVERYDAY_ZIPF)
    same = _same_sound()
    out: dict[str, list[str]] = {}
    for term in det.table:
        if len(term) < MIN_SOUND_ALIKE or not all_han(term):
            continue
        found: dict[str, None] = {}
        for i, rest in ((0, term[1:]), (len(term) - 1, term[:-1])):
            if rest not in everyday:
                continue
            for syllables in readings(term):
                for c in same.get(syllables[i], ()):
                    v = term[:i] + c + term[i + 1 :]
                    if c == term[i] or v in det.table or det.silenced(v):
                        continue  # a term itself, or silenced wherever it is written
                    if explained_by_words(v, 0, len(v), term) is None:
                        found[v] = None
                        if first:
                            break
                if first and found:
                    break
            if first and found:
                break
        if found:
            out[term] = list(found)
    return out


def other_spellings(det: KeywordsDetector) -> Callable[[str], list[str]]:
    """For a normalised term of ``det``: spellings other than itself that the detector
    matches as it and that no exception silences: its pinyin typed in Latin letters and
    its abbreviations (:meth:`KeywordsDetector.spellings`, all of them), then, with the
    ``pinyin`` step, the term with one hanzi swapped for another of the same sound that
    the matcher itself fires on as the term (a few, commonest hanzi first: there can be
    hundreds). Computed once per term, on first use."""
    table: dict[str, list[str]] | None = None
    found: dict[str, list[str]] = {}

    def of(term: str) -> list[str]:
        nonlocal table
        if table is None:
            table = {}
            for spelled, sp in det.spellings():
                if spelled != sp.term and not det.silenced(spelled):
                    table.setdefault(sp.term, []).append(spelled)
        if term not in found:
            found[term] = list(dict.fromkeys([*table.get(term, []), *_swapped(det, term)]))
        return found[term]

    return of


SWAPS_SHOWN = SHOWN + 1  # sound-alikes found before the search stops (one more: "…")


def _swapped(det: KeywordsDetector, term: str) -> list[str]:
    """Up to ``SWAPS_SHOWN`` spellings of hanzi ``term`` with one hanzi swapped for
    another read the same that ``det`` matches as ``term`` (its own scan: exceptions,
    words that explain a spelling and every other rule of the step applied), the
    commonest swapped hanzi first. Empty without the ``pinyin`` step."""
    from policy.pinyin import readings

    if "pinyin" not in det.steps or not all_han(term):
        return []
    same = _all_same_sound()
    common = _same_sound()
    out: list[str] = []
    for syllables in readings(term):
        for i, syllable in enumerate(syllables):
            rest = [c for c in same.get(syllable, ()) if c not in common.get(syllable, ())]
            for c in [*common.get(syllable, ()), *rest]:
                v = term[:i] + c + term[i + 1 :]
                if c == term[i] or v in out or v in det.table:
                    continue
                if any(h.what == term or h.normalized == term for h in det.match(v)):
                    out.append(v)
                    if len(out) >= SWAPS_SHOWN:
                        return out
    return out


@cache
def _all_same_sound() -> dict[str, list[str]]:
    """Syllable -> every hanzi read so (its most common reading), in code point order."""
    from policy.pinyin import char_syllables

    out: dict[str, list[str]] = {}
    for c, syllable in sorted(char_syllables().items()):
        out.setdefault(syllable, []).append(c)
    return out


def check_sound_alikes(det: KeywordsDetector, warn_step: Callable[[Message], None]) -> None:
    """One warning for the detector's ``pinyin`` step when it reads ordinary words as
    terms (:func:`sound_alikes`): how many, and an example for the first few terms."""
    found = sound_alikes(det, first=True)
    if not found:
        return
    raw = {t: raws[0] for t, (_m, raws) in det.table.items()}
    examples = ", ".join(f"{v[0]} → {raw[t]!r}" for t, v in list(found.items())[:SHOWN])
    more = ", …" if len(found) > SHOWN else ""
    warn_step(msg(M.SOUND_ALIKE_WORDS, terms=f"{len(found):,}", examples=examples + more))
