"""Lint: a hanzi term that two words side by side hold across their boundary.

Hanzi have no word boundaries, so a term matches anywhere: 外烟 ("foreign cigarettes") in
另外|烟草 ("in addition, tobacco …") and 窗外|烟花 ("fireworks outside the window"), 助情 in
帮助|情况, 口交 in 人口|交通. :func:`across` estimates how often such pairs are written
against the term itself, from wordfreq's frequencies (words at Zipf >=
``policy.lexicon.OVERLAP_ZIPF``, which a reader sees as words): a pair as often as the
product of its words' frequencies, as if words followed one another at random (grammar
makes some pairs likelier than that and others never met). A pair that is the term's own
split (情趣|用品) or that an exception holds does not count; one of the term's own words
beside a word the rest of the term begins counts only when what that word adds is no
common word (特效|药膳 does, 特效|药品 is 特效药 and 品). A term is warned when the pairs
come to :data:`ACROSS_SHARE` of it or more; 特效|药膳, about 1/80,000 of 特效药, is not.

Measured on the 4,291 innocent Chinese reviews (``assets/corpora/zh-reviews.tsv``) with
the 15,000-word list ``bench/bench_policy.py`` draws (seed 1) as terms: the 2,734 terms
this check warns about are found in them 5.75 times as often as their own frequency
predicts, the 12,266 it leaves quiet 1.47 times.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from policy import messages as M
from policy.chars import all_han
from policy.detectors import KeywordsDetector
from policy.lint_terms import SHOWN, Warn
from policy.messages import msg

ACROSS_SHARE = 0.1  # two-word readings at least a tenth as frequent as the term itself
LONGEST_PIECE = 4  # hanzi: the longest part of a term looked up at a word's edge


@dataclass(frozen=True)
class _Edges:
    """Chinese words of two hanzi or more that a reader sees as words (Zipf >=
    ``policy.lexicon.OVERLAP_ZIPF``) by their last and first ``1..LONGEST_PIECE`` hanzi:
    the sum of their frequencies (per word of text) leaving out the piece itself, and
    that sum over the words whose other part does not begin (end) with a common word
    (what one of the term's own words may meet); and the :data:`LISTED` most frequent of
    the words, which a warning shows. All is kept in the user cache (``policy.cache``)."""

    zipf: dict[str, float]  # policy.lexicon.zipf_table("zh")
    end_sum: dict[str, float]
    start_sum: dict[str, float]
    end_free: dict[str, float]
    start_free: dict[str, float]
    ending: dict[str, list[str]]
    starting: dict[str, list[str]]


EDGES_LAYOUT = "3"  # of the cached tables: change it with _edge_tables
LISTED = 16  # words kept per piece, most frequent first (a warning shows a few pairs)


def _edge_words() -> list[str]:
    from policy.lexicon import OVERLAP_ZIPF, WORD_ZIPF, zipf_table

    zipf = zipf_table("zh", WORD_ZIPF)
    return sorted(
        (w for w, z in zipf.items() if z >= OVERLAP_ZIPF and len(w) > 1 and all_han(w)),
        key=lambda w: (-zipf[w], w),
    )


def _edge_tables() -> list[dict]:
    from policy.lexicon import WORD_ZIPF, zipf_table

    zipf = zipf_table("zh", WORD_ZIPF)
    common = _common()
    tables: list[dict] = [{}, {}, {}, {}, {}, {}]
    end_sum, start_sum, end_free, start_free, ending, starting = tables
    for w in _edge_words():
        f = 10 ** (zipf[w] - 9)
        size = len(w)
        for n in range(1, min(LONGEST_PIECE, size - 1) + 1):
            end, start = w[-n:], w[:n]
            for listed, piece in ((ending, end), (starting, start)):
                words = listed.setdefault(piece, [])
                if len(words) < LISTED:
                    words.append(w)
            end_sum[end] = end_sum.get(end, 0.0) + f
            start_sum[start] = start_sum.get(start, 0.0) + f
            if not _begins_or_ends_with(w[: size - n], common, at_start=False):
                end_free[end] = end_free.get(end, 0.0) + f
            if not _begins_or_ends_with(w[n:], common, at_start=True):
                start_free[start] = start_free.get(start, 0.0) + f
    for sums in tables[:4]:  # four significant digits: an estimate, and a smaller cache file
        for piece, total in sums.items():
            sums[piece] = float(f"{total:.4g}")
    return tables


@cache
def _edges() -> _Edges:
    from policy.cache import cached_json, version_of
    from policy.lexicon import COMMON_ZIPF, OVERLAP_ZIPF, WORD_ZIPF, zipf_table

    # every setting the tables are built with: a tuned one builds new tables
    settings = (LONGEST_PIECE, LISTED, OVERLAP_ZIPF, COMMON_ZIPF, WORD_ZIPF)
    key = ["wordfreq", version_of("wordfreq"), *map(str, settings), EDGES_LAYOUT]
    return _Edges(zipf_table("zh", WORD_ZIPF), *cached_json("zh-edges", key, _edge_tables))


def _begins_or_ends_with(s: str, words: frozenset[str], at_start: bool) -> bool:
    """``s`` begins (``at_start``) or ends with one of ``words``."""
    for n in range(1, min(LONGEST_PIECE, len(s)) + 1):
        if (s[:n] if at_start else s[-n:]) in words:
            return True
    return False


def _freq(word: str, e: _Edges) -> float:
    """A word's frequency per word of text (0 under ``OVERLAP_ZIPF``: no word a reader
    sees)."""
    from policy.lexicon import OVERLAP_ZIPF

    z = e.zipf.get(word, 0.0)
    return 10 ** (z - 9) if z >= OVERLAP_ZIPF else 0.0


def _own(part: str, e: _Edges) -> float:
    """The frequency of one of the term's own parts as a word (0 for one hanzi: a single
    hanzi beside a longer word is read with it)."""
    return _freq(part, e) if len(part) > 1 else 0.0


def across(
    term: str, exceptions: tuple[str, ...] = (), pairs_at: float = 0.0
) -> tuple[float, list[tuple[str, str]]]:
    """How often two words side by side hold ``term`` across their boundary, against the
    term itself, and the likeliest such pairs (first word, second word).

    The pairs: a word ending with the term's start and a word beginning with its end
    (窗外|烟花 for 外烟), or one of the term's own words and a word that the rest of the
    term begins (ends) where what that word adds is no common word (特效|药膳 for 特效药;
    not 特效|药品, which is 特效药 and 品). Frequencies are wordfreq's, words at Zipf >=
    ``OVERLAP_ZIPF``; a pair is counted as often as its words' frequencies predict side
    by side (their product), an estimate, since grammar makes some pairs likelier than
    that and others never met. Returns (the pairs' summed frequency / the term's
    frequency, a term rarer than ``WORD_ZIPF`` counted as at it; the pairs, most
    frequent first, at most ``SHOWN + 1``, found only when the share reaches
    ``pairs_at``). Pairs an exception holds are left out; a word that holds the whole
    term counts in the sum (lint warns about such words as they are), not among the
    pairs shown."""
    from policy.lexicon import WORD_ZIPF

    e = _edges()
    total = 0.0
    pairs: list[tuple[float, str, str]] = []
    # only an exception holding the term silences it (the matcher ignores a hit that an
    # exception's text covers): the others neither take pairs off nor hide pairs shown
    exceptions = tuple(x for x in exceptions if term in x)
    for k in range(1, len(term)):
        a, b = term[:k], term[k:]
        if len(a) > LONGEST_PIECE or len(b) > LONGEST_PIECE:
            continue
        fa, fb = _own(a, e), _own(b, e)
        total += e.end_sum.get(a, 0.0) * e.start_sum.get(b, 0.0)
        total += fa * e.start_free.get(b, 0.0) + fb * e.end_free.get(a, 0.0)
        total -= _covered(term, k, exceptions, e)
    own = 10 ** (max(e.zipf.get(term, WORD_ZIPF), WORD_ZIPF) - 9)
    share = max(total, 0.0) / own
    if share < pairs_at:
        return share, []
    ending, starting = e.ending, e.starting
    for k in range(1, len(term)):
        a, b = term[:k], term[k:]
        if len(a) > LONGEST_PIECE or len(b) > LONGEST_PIECE:
            continue
        fa, fb = _own(a, e), _own(b, e)
        firsts = [w for w in ending.get(a, ())[: SHOWN * 4] if w != a and term not in w]
        seconds = [w for w in starting.get(b, ())[: SHOWN * 4] if w != b and term not in w]
        f = {w: _freq(w, e) for w in firsts + seconds}
        found = [(f[w1] * f[w2], w1, w2) for w1 in firsts for w2 in seconds]
        if fa:
            found += [(fa * f[w], a, w) for w in seconds if not _rest(w[len(b) :], True)]
        if fb:
            found += [(fb * f[w], w, b) for w in firsts if not _rest(w[: -len(a)], False)]
        pairs += [p for p in found if not any(x in p[1] + p[2] for x in exceptions)]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    shown = list(dict.fromkeys((w1, w2) for _f, w1, w2 in pairs))[: SHOWN + 1]
    return share, shown


def _cuts(term: str, k: int, exceptions: tuple[str, ...]) -> set[tuple[str, str]]:
    """Each exception around each place it holds ``term``, cut where the term is split at
    ``k``: (what the first word must end with, what the second must begin with) for the
    exception to cover the pair."""
    out = set()
    for x in exceptions:
        at = x.find(term)
        while at >= 0:
            out.add((x[: at + k], x[at + k :]))
            at = x.find(term, at + 1)
    return out


def _outermost(pieces, at_start: bool) -> list[str]:
    """The pieces no other of which begins (``at_start``) or ends them: the words they
    begin (end) are those of the pieces kept, each word under one of them."""
    pieces = set(pieces)
    return sorted(
        p
        for p in pieces
        if not any(q != p and (p.startswith(q) if at_start else p.endswith(q)) for q in pieces)
    )


def _covered(term: str, k: int, exceptions: tuple[str, ...], e: _Edges) -> float:
    """The summed frequency of the pairs split at ``k`` that the exceptions cover, each
    pair once however many exceptions cover it (an exception covers a pair when the first
    word ends with its part before the split and the second begins with the rest).

    The words ending with the exceptions' first parts nest or are apart (one part ends
    another, or the words share none), and so do the words beginning with their second
    parts; so the first words are cut into regions, each the words under one first part
    and under none longer, and a region meets the second words of every exception whose
    first part it ends with, the words under each second part counted once."""
    cuts = _cuts(term, k, exceptions)
    if not cuts:
        return 0.0
    a, b = term[:k], term[k:]
    lefts = {left for left, _r in cuts}
    covered = 0.0
    for left in lefts:
        inner = _outermost((x for x in lefts if x != left and x.endswith(left)), at_start=False)
        region = _side(left, a, e, ending=True)[0] - sum(
            _side(x, a, e, ending=True)[0] for x in inner
        )
        rights = _outermost((r for x, r in cuts if left.endswith(x)), at_start=True)
        covered += region * sum(_side(r, b, e, ending=False)[0] for r in rights)
    # the term's own first (second) part as a word: only an exception that begins
    # (ends) with it covers such a pair
    fa, fb = _own(a, e), _own(b, e)
    if fa:
        rights = _outermost((r for x, r in cuts if x == a), at_start=True)
        covered += fa * sum(_side(r, b, e, ending=False)[1] for r in rights)
    if fb:
        lefts_b = _outermost((x for x, r in cuts if r == b), at_start=False)
        covered += fb * sum(_side(x, a, e, ending=True)[1] for x in lefts_b)
    return covered


def _side(x: str, part: str, e: _Edges, ending: bool) -> tuple[float, float]:
    """The summed frequency of the words that end (``ending``) or begin with ``x``, one
    side of an exception at a split where the term's side is ``part`` (``part`` itself
    left out), and that sum over the words whose other part is no common word."""
    sums, free = (e.end_sum, e.end_free) if ending else (e.start_sum, e.start_free)
    total, total_free = sums.get(x, 0.0), free.get(x, 0.0)
    if len(x) > len(part):  # x itself as a word
        f = _freq(x, e)
        total += f
        other = x[: -len(part)] if ending else x[len(part) :]
        if not _rest(other, at_start=not ending):
            total_free += f
    return total, total_free


def _rest(s: str, at_start: bool) -> bool:
    """What a word adds to one of the term's parts begins (ends) with a common word."""
    return _begins_or_ends_with(s, _common(), at_start)


@cache
def _common() -> frozenset[str]:
    from policy.lexicon import COMMON_ZIPF, common_words

    return common_words("zh", COMMON_ZIPF)


def across_words(det: KeywordsDetector, warn: Warn) -> None:
    """Warn about hanzi terms that two words side by side hold, by word frequency, at
    least :data:`ACROSS_SHARE` as often as the term itself is written (:func:`across`)."""
    norm = det.normalizer
    exceptions = tuple(norm.term(x) for x in det.exceptions) if norm is not None else ()
    for term, (_mask, raws) in det.table.items():
        if len(term) < 2 or not all_han(term):
            continue
        share, pairs = across(term, exceptions, pairs_at=ACROSS_SHARE)
        if share >= ACROSS_SHARE and pairs:
            shown = ", ".join(f"{a}|{b}" for a, b in pairs[:SHOWN])
            more = ", …" if len(pairs) > SHOWN else ""
            warn(
                raws[0],
                msg(
                    M.ACROSS_CHINESE_WORDS,
                    term=repr(raws[0]),
                    pairs=shown + more,
                    share=f"{share:.2g}",
                ),
            )
