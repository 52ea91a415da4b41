"""Which strings are common words: the matcher's test for "is this sound-alike just an
ordinary word?" and lint's test for "is this term inside ordinary words?".

Source: the wordfreq package's word lists (Speer et al., ``wordfreq``, frequencies from
Wikipedia, subtitles, news, books, web text and social media, on the Zipf scale: 6 is
one word in a thousand, 3 one in a million). Its Chinese list is segmented with a jieba
dictionary and written in simplified characters, which is what the normaliser produces.
Two thresholds: a sound-alike is explained away by any *word* (Zipf >= :data:`WORD_ZIPF`,
about once in three billion words: every word of the list but its rarest third), while
lint calls a word *common* at Zipf >= :data:`COMMON_ZIPF`. The filtered lists are kept in
the user cache once per installation (``policy.cache``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

from policy.cache import cached_json, version_of

WORD_ZIPF = 1.5  # a sound-alike that is (or holds) such a word is not read as the term
# a word reaching past a sound-alike explains it only at this frequency (about once in 300
# million words): rarer entries of the segmented list are often pieces of two words, such
# as 药有 (Zipf 1.8) in 椿药有货 ("aphrodisiac in stock"), not words a reader sees
OVERLAP_ZIPF = 2.5
FUNCTION_ZIPF = 5.9  # single hanzi this frequent are grammar words: 又, 只, 要, 的, 是 …
WORD_LONGEST = 4  # hanzi in the longest word that may explain a sound-alike
COMMON_ZIPF = 3.0  # lint: one occurrence in a million words
LANGUAGES = ("en", "zh")


def _word_lines(
    name: str, lang: str, min_zipf: float, line: Callable[[str, float], str]
) -> list[str]:
    """One line per word of ``lang`` ("en" or "zh") at Zipf frequency >= ``min_zipf``,
    ``line(word, frequency per word of text)``, in the words' order; kept in the user
    cache as ``name-lang`` (``policy.cache``), keyed by wordfreq's version and the
    threshold. Raises ValueError for a language without a word list."""
    if lang not in LANGUAGES:
        raise ValueError(f"no word list for {lang!r}; available: {', '.join(LANGUAGES)}")

    def build() -> str:
        import wordfreq

        least = 10 ** (min_zipf - 9)
        freq = wordfreq.get_frequency_dict(lang)
        return "\n".join(line(w, f) for w, f in sorted(freq.items()) if f >= least)

    blob = cached_json(
        f"{name}-{lang}", ["wordfreq", version_of("wordfreq"), lang, repr(min_zipf)], build
    )
    return blob.split("\n")


@cache
def common_words(lang: str, min_zipf: float = COMMON_ZIPF) -> frozenset[str]:
    """Words of ``lang`` ("en" or "zh") at Zipf frequency >= ``min_zipf``."""
    return frozenset(_word_lines("words", lang, min_zipf, lambda w, _f: w))


def explained_by_words(
    run: str, a: int, b: int, term: str, longest: int = WORD_LONGEST
) -> str | None:
    """What explains ``run[a:b]`` as ordinary Chinese rather than a disguise of ``term``
    (a sound-alike of the same length), or None.

    A sound-alike is read as the term only when no word explains its characters: not
    when it is or holds a word (two to ``longest`` hanzi, Zipf >= WORD_ZIPF): 学家 is not
    雪茄; not when a word reaching past it overlaps it (Zipf >= OVERLAP_ZIPF): 厨房要
    (厨房) is not 处方药, 眼干涩 (干涩) is not 烟杆, while 椿药有货 is 春药 (药有 is too
    rare to be read as a word); and not when a
    character it changes is a grammar word (Zipf >= FUNCTION_ZIPF): 递烟又说 is not 烟油.
    ``run`` is a run of hanzi as normalised."""
    grammar = common_words("zh", FUNCTION_ZIPF)
    for i in range(a, b):
        if run[i] != term[i - a] and run[i] in grammar:
            return run[i]
    words = common_words("zh", WORD_ZIPF)
    reaching = common_words("zh", OVERLAP_ZIPF)
    for start in range(max(0, a - longest + 1), b):
        for n in range(2, longest + 1):
            end = start + n
            if end <= a or end > len(run):
                continue
            w = run[start:end]
            inside = a <= start and end <= b
            if w != term and w in (words if inside else reaching):
                return w
    return None


@cache
def zipf_table(lang: str, min_zipf: float = WORD_ZIPF) -> dict[str, float]:
    """Word -> its Zipf frequency (two decimals) for the words of ``lang`` ("en" or "zh")
    at ``min_zipf`` or more; a word not in it is rarer (lint's frequency comparisons)."""
    lines = _word_lines("zipf", lang, min_zipf, lambda w, f: f"{w}\t{math.log10(f) + 9:.2f}")
    return {w: float(z) for w, _, z in (line.partition("\t") for line in lines)}
