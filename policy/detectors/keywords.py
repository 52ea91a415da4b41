"""The keyword detector: thousands of terms, one Aho-Corasick pass per text.

Terms go through the same normaliser as texts, so a designer writes "viagra" once and the
``confusables`` step makes "vіagra" (Cyrillic і) match it. Two normalisation steps are
matching steps here rather than text rewrites:

- ``abbreviations``: a table's abbreviation is one more spelling of every term that
  contains its meaning (``dzy`` for 电子烟 and for 一次性电子烟), valid only where the
  abbreviation is a whole word of the text as written (and, for a ``han`` table, in a text
  with hanzi, in lower case).
- ``pinyin``: a term in hanzi also matches (a) its pinyin typed in Latin letters, as whole
  words ("dianziyan", "dian zi yan"; not "Ryan you" for 烟油), and (b) hanzi that sound the
  same, aligned character by character inside a run of hanzi, when they keep at least one
  character of the term (威哥 for 伟哥; not 剑指 for 兼职) and no ordinary word explains
  them (威信 is a word, not 微信; see ``policy.lexicon``). Terms in Latin letters are never
  compared with the sound of hanzi (是啥 is not "shisha").

``mode: word`` asks a term in Latin letters to begin and end at word boundaries of the text
as written ("selling vape pens" yes, "specialist" for cialis no); hanzi have no word
boundaries and match anywhere. A term read across ordinary words with a grammar word among
them ("hero in" for heroin, "a ward" for award) is prose, not a disguise, and does not
count (``policy.detectors.apart``). ``exceptions`` are phrases inside which a hit does not
count (路口交通 holds 口交).

Speed: the normalised text (cached per text by the session) is scanned once; the map back
to the text as written is computed only for texts with a candidate hit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import ahocorasick

from policy.chars import HAN_CHAR, all_han
from policy.detectors.apart import read_apart
from policy.detectors.base import Hit, TextDetector
from policy.normalize import (
    Normalized,
    Normalizer,
    boundary_after,
    boundary_before,
    written_span,
)

EXACT, ABBREVIATION, PINYIN, EXCEPTION = range(4)
MIN_SOUND_ALIKE = 2  # hanzi: a single character sounds like too many others
# why a candidate does not count (KeywordsDetector.set_aside)
NOT_A_WORD = "the abbreviation is not a whole word of the text"
IN_CAPITALS = "a pinyin abbreviation counts only in lower case"
NOT_AT_BOUNDARIES = "not at word boundaries of the text (mode: word)"
AN_ORDINARY_WORD = "an ordinary word (the repeats step dropped a doubled letter)"
ORDINARY_WORDS = "ordinary words read together, not the term spaced out"
EXPLAINED_BY = "sounds like the term, but the word '{word}' explains it"


class _Entry(NamedTuple):
    kind: int
    term: str  # the normalised term (key of ``table``); the exception for EXCEPTION
    length: int  # of the matched spelling, in normalised characters
    key_at: tuple[int, int] = (0, 0)  # ABBREVIATION: the abbreviation inside the spelling
    script: str = ""  # ABBREVIATION: the table's script
    how: str = ""
    # ABBREVIATION: the table's entry (a policy.tables.Abbreviation); PINYIN: the
    # syllables, joined by spaces
    source: Any = None


class Spelling(NamedTuple):
    """What a spelling added by a matching step stands for: the ``step``, the normalised
    ``term`` it spells, where the abbreviation sits in the spelling (``key_at``; all of a
    pinyin spelling) and ``source``: the table entry (a ``policy.tables.Abbreviation``)
    or the pinyin syllables joined by spaces."""

    step: str
    term: str
    key_at: tuple[int, int]
    source: Any


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (of exceptions) that hold ``start:end``: a candidate inside one does not
    count."""
    return [(x, y) for x, y in spans if x <= start and end <= y]


def _latin_edge(ch: str) -> bool:
    return ch.isalnum() and not HAN_CHAR.match(ch)


@dataclass
class KeywordsDetector(TextDetector):
    name: str
    categories: tuple[str, ...]  # the policy's category order (bit i = categories[i])
    steps: tuple[str, ...] = ()
    mode: str = "substring"
    # normalised term -> (category bit mask, raw spellings)
    table: dict[str, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    exceptions: tuple[str, ...] = ()  # phrases inside which a hit does not count
    normalizer: Any = None  # a policy.normalize.Normalizer (built from steps when None)
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)  # term -> file, line
    _automaton: Any = None
    _sound: Any = None
    _sound_terms: dict[str, list[str]] = field(default_factory=dict)
    places_later = True
    # its findings are a function of the fields above (the ones starting with _ are built
    # from them): equal detectors share them across runs (policy.detectors.memo)
    findings_depend_on_fields = True

    def findings_ready(self) -> bool:
        """Built (its automata made from its fields): before, it finds nothing."""
        return self._automaton is not None

    # -- compile ---------------------------------------------------------------------------
    def build(self) -> None:
        if self.normalizer is None:
            self.normalizer = Normalizer(list(self.steps))
        norm: Normalizer = self.normalizer
        entries: dict[str, list[_Entry]] = {}

        def add(key: str, e: _Entry) -> None:
            if key and READ_OK(key):
                entries.setdefault(key, []).append(e)

        for term in self.table:
            add(term, _Entry(EXACT, term, len(term)))
        if "abbreviations" in self.steps:
            self._abbreviations(add)
        if "pinyin" in self.steps:
            self._pinyin(add)
        for phrase in self.exceptions:
            n = norm.term(phrase)
            add(n, _Entry(EXCEPTION, n, len(n)))
        a = ahocorasick.Automaton()
        for key, es in entries.items():
            a.add_word(key, tuple(es))
        if len(a):
            a.make_automaton()
        self._automaton = a
        self._raw_of = {term: raws[0] for term, (_m, raws) in self.table.items()}
        # terms spelled with a doubled letter, which the repeats step drops ('weed' -> 'wed',
        # 'ass' -> 'as'): their hits are checked against ordinary words (_an_ordinary_word)
        self._doubled = {
            term: {r.casefold() for r in raws}
            for term, (_m, raws) in self.table.items()
            if "repeats" in self.steps and any(_DOUBLED.search(r.casefold()) for r in raws)
        }
        self._mask_of = {raws[0]: mask for _t, (mask, raws) in self.table.items()}
        self._names: dict[str, str] = {}

    def _abbreviations(self, add) -> None:
        """Each abbreviation as a further spelling of the terms that contain its meaning."""
        norm: Normalizer = self.normalizer
        values = ahocorasick.Automaton()
        abbrevs: dict[str, list[tuple[str, Any]]] = {}
        for ab in norm.tables.abbreviations:
            k, v = norm.term(ab.key), norm.term(ab.value)
            if not k or not v or k == v:
                continue
            abbrevs.setdefault(v, []).append((k, ab))
        for v in abbrevs:
            values.add_word(v, v)
        if not len(values):
            return
        values.make_automaton()
        inside: dict[str, list[str]] = {}  # a part of a meaning -> the meanings holding it
        for v in abbrevs:
            for i in range(len(v)):
                for j in range(i + 1, len(v) + 1):
                    if v[i:j] != v and v not in inside.setdefault(v[i:j], []):
                        inside[v[i:j]].append(v)
        for term in self.table:
            for end, v in values.iter(term):
                start = end - len(v) + 1
                for k, ab in abbrevs[v]:
                    spelled = term[:start] + k + term[end + 1 :]
                    how = f"abbreviation {ab.key} = {ab.value}"
                    add(
                        spelled,
                        _Entry(
                            ABBREVIATION,
                            term,
                            len(spelled),
                            (start, start + len(k)),
                            ab.script,
                            how,
                            ab,
                        ),
                    )
            # the meaning contains the whole term: the abbreviation alone stands for it
            for v in inside.get(term, ()):
                for k, ab in abbrevs[v]:
                    how = f"abbreviation {ab.key} = {ab.value}"
                    add(k, _Entry(ABBREVIATION, term, len(k), (0, len(k)), ab.script, how, ab))

    def _pinyin(self, add) -> None:
        """Hanzi terms: their pinyin typed in Latin letters, and their sound."""
        from policy.pinyin import readings

        norm: Normalizer = self.normalizer
        sound: dict[str, list[str]] = {}
        for term in self.table:
            if not all_han(term):
                continue
            for syllables in readings(term):
                typed = norm.term("".join(syllables))
                reading = " ".join(syllables)
                add(
                    typed, _Entry(PINYIN, term, len(typed), how="pinyin " + reading, source=reading)
                )
                if len(term) >= MIN_SOUND_ALIKE:
                    sound.setdefault("," + ",".join(syllables) + ",", []).append(term)
        if sound:
            a = ahocorasick.Automaton()
            for key, terms in sound.items():
                a.add_word(key, (key, tuple(terms)))
            a.make_automaton()
            self._sound = a
            self._syllables = _SyllableTable()

    def spellings(self) -> list[tuple[str, Spelling]]:
        """Every spelling the matching steps add to the terms (``abbreviations``: a
        table's abbreviation in place of its meaning; ``pinyin``: the pinyin of a hanzi
        term typed in Latin letters), as (normalised spelling, what it spells), in a
        stable order. Sound-alikes are not listed: they are read in the text."""
        out = []
        a = self._automaton
        for key, es in sorted(a.items()) if a is not None and len(a) else ():
            for e in es:
                if e.kind == ABBREVIATION:
                    out.append((key, Spelling("abbreviations", e.term, e.key_at, e.source)))
                elif e.kind == PINYIN:
                    out.append((key, Spelling("pinyin", e.term, (0, len(key)), e.source)))
        return out

    # -- match -----------------------------------------------------------------------------
    def match(self, normalized: str) -> list[Hit]:
        """Hits in an already normalised text (spans then index that text)."""
        return self.scan(normalized, normalized, mapped=False)

    def scan(
        self,
        text: str,
        normalized: str | None = None,
        mapped: bool = True,
        locate: bool = True,
    ) -> list[Hit]:
        """Hits in ``text``. ``locate=False`` lets hits whose decision needs no word
        boundary find their place in the text as written only when first shown (the map
        is computed then): the engine decides most texts without it."""
        norm: Normalizer = self.normalizer
        s = normalized if normalized is not None else norm(text)
        if not s:
            return []
        found, excepted = self._candidates(s)
        if excepted:
            found = [f for f in found if not _inside(excepted, f[0], f[1])]
        if not found:
            return []
        if not mapped:
            n = Normalized(s, s, list(range(len(s))), list(range(1, len(s) + 1)))
        elif locate or any(self._needs_map(e) for _a, _b, e in found):
            n = norm.mapped(text)
            if n.text != s:
                raise RuntimeError(f"normaliser disagrees on {text!r}: {n.text!r} != {s!r}")
        else:  # every candidate counts as it is: place the hits when they are shown
            return self._hits(None, text, s, found)
        return self._hits(n, text, s, found)

    def set_aside(self, text: str) -> list[str]:
        """The candidates in ``text`` that do not count, each with why, as the text is
        written (``policy explain`` shows them): inside an exception, not at word
        boundaries ("specialist" for cialis), an ordinary word or words ("wed" for weed,
        "hero in" for heroin), a pinyin abbreviation in capitals, a sound-alike a word
        explains (烟又 in 递烟又说 for 烟油: 又 is a grammar word)."""
        norm: Normalizer = self.normalizer
        s = norm(text)
        if not s:
            return []
        explained: list[tuple[int, int, str, str]] = []
        found, excepted = self._candidates(s, explained)
        if not found and not explained:
            return []
        n = norm.mapped(text)
        out: dict[str, None] = {}
        for start, end, term, word in explained:
            raw = self._raw_of[term]
            written = n.source[slice(*written_span(n, start, end))]
            out[f"{raw!r} as written {written!r}: {EXPLAINED_BY.format(word=word)}"] = None
        for start, end, e in found:
            raw = self._raw_of[e.term]
            written = n.source[slice(*written_span(n, start, end))]
            inside = _inside(excepted, start, end)
            if inside:
                x, y = inside[0]
                exception = n.source[slice(*written_span(n, x, y))]
                out[f"{raw!r} as written {written!r}: inside the exception {exception!r}"] = None
                continue
            verdict = self._verify(n, start, end, e)
            if isinstance(verdict, str):
                out[f"{raw!r} as written {written!r}: {verdict}"] = None
        return list(out)

    def silenced(self, s: str, start: int = 0, end: int | None = None) -> bool:
        """Whether the candidate ``s[start:end]`` (normalised text; all of ``s`` by default)
        lies inside an exception found in ``s``, so that it does not count. Of all of
        ``s``, the answer holds wherever ``s`` is written: an exception that is ``s``
        silences it everywhere, one that merely holds ``s`` only inside its own text."""
        end = len(s) if end is None else end
        a = self._automaton
        if a is None or not len(a) or not s:
            return False
        excepted = [
            (e_end - e.length + 1, e_end + 1)
            for e_end, es in a.iter(s)
            for e in es
            if e.kind == EXCEPTION
        ]
        return bool(_inside(excepted, start, end))

    def _candidates(
        self, s: str, aside: list[tuple[int, int, str, str]] | None = None
    ) -> tuple[list[tuple[int, int, _Entry]], list[tuple[int, int]]]:
        """Every candidate hit in the normalised text ``s`` and every exception's span (the
        sound-alikes a word explains go to ``aside`` when given)."""
        found: list[tuple[int, int, _Entry]] = []
        excepted: list[tuple[int, int]] = []
        han: bool | None = None
        a = self._automaton
        if a is not None and len(a):
            for end, es in a.iter(s):
                for e in es:
                    start = end - e.length + 1
                    if e.kind == EXCEPTION:
                        excepted.append((start, end + 1))
                        continue
                    if e.kind == ABBREVIATION and e.script == "han":
                        if han is None:
                            han = bool(HAN_CHAR.search(s))
                        if not han:
                            continue
                    found.append((start, end + 1, e))
        if self._sound is not None and (han if han is not None else HAN_CHAR.search(s)):
            found.extend(self._sound_alikes(s, aside))
        return found, excepted

    def _needs_map(self, e: _Entry) -> bool:
        """Whether a candidate's decision reads the text as written (word boundaries)."""
        if e.kind in (ABBREVIATION, PINYIN) or e.term in self._doubled:
            return True
        return self.mode == "word" and (_latin_edge(e.term[0]) or _latin_edge(e.term[-1]))

    def _hits(
        self, n: Normalized | None, text: str, s: str, found: list[tuple[int, int, _Entry]]
    ) -> list[Hit]:
        hits: dict[tuple[str, int, int], Hit] = {}
        norm: Normalizer = self.normalizer
        for start, end, e in found:
            if n is not None:
                where = self._verify(n, start, end, e)
                if isinstance(where, str):
                    continue  # set aside (why: see set_aside)
                a0, b0 = where
            else:
                a0, b0 = start, end  # normalised for now; placed by Hit.located()
            raw = self._raw_of[e.term]
            key = (raw, a0, b0)
            if key in hits and not e.how:
                hits.pop(key)  # an exact match explains a hit better than another reading
            if key in hits:
                continue
            if n is not None:
                hits[key] = Hit(
                    self.name, raw, self._cat_names(raw), s[start:end], (a0, b0),
                    n.source[a0:b0], e.how,
                )  # fmt: skip
            else:
                hits[key] = Hit(
                    self.name, raw, self._cat_names(raw), s[start:end], how=e.how,
                    place=(norm, text, start, end),
                )  # fmt: skip
        return list(hits.values())

    def _verify(self, n: Normalized, start: int, end: int, e: _Entry) -> tuple[int, int] | str:
        """The span of the text as written that a candidate stands for, or why it does not
        count (word boundaries, case of a pinyin abbreviation, ordinary words)."""
        norm: Normalizer = self.normalizer
        a0, b0 = written_span(n, start, end)
        if e.kind == ABBREVIATION:
            ka, kb = start + e.key_at[0], start + e.key_at[1]
            k0 = boundary_before(n, norm, ka)
            k1 = boundary_after(n, norm, kb - 1)
            if k0 is None or k1 is None:
                return NOT_A_WORD
            if e.script == "han" and n.source[k0:k1] != n.source[k0:k1].lower():
                return IN_CAPITALS
            if e.key_at[0] == 0:
                a0 = k0
            if e.key_at[1] == e.length:
                b0 = k1
        if e.kind == PINYIN or (self.mode == "word" and e.kind in (EXACT, ABBREVIATION)):
            term = e.term
            if e.kind == PINYIN or _latin_edge(term[0]):
                k = boundary_before(n, norm, start)
                if k is None:
                    return NOT_AT_BOUNDARIES
                a0 = k
            if e.kind == PINYIN or _latin_edge(term[-1]):
                k = boundary_after(n, norm, end - 1)
                if k is None:
                    return NOT_AT_BOUNDARIES
                b0 = k
        if e.kind == EXACT and e.term in self._doubled and self._an_ordinary_word(e, n, a0, b0):
            return AN_ORDINARY_WORD
        if (
            e.kind == EXACT
            and self.mode == "word"
            and not n.source[a0:b0].isalpha()  # one word as written: nothing to read apart
            and _latin_edge(e.term[0])
            and read_apart(n.source[a0:b0], self.table[e.term][1])
        ):
            return ORDINARY_WORDS  # "hero in" (policy.detectors.apart)
        return a0, b0

    def _an_ordinary_word(self, e: _Entry, n: Normalized, a0: int, b0: int) -> bool:
        """A term with a doubled letter matched an ordinary English word that is not the
        term, only because the repeats step dropped that letter: 'wed' for weed, 'as' for
        ass, 'sped' for speed (common = wordfreq's list at Zipf >= COMMON_ZIPF). A
        misspelling that is no word still counts: 'tobaco', 'hets'."""
        from policy.lexicon import common_words

        written = " ".join(n.source[a0:b0].casefold().split())
        return written not in self._doubled[e.term] and written in common_words("en")

    def _sound_alikes(
        self, s: str, aside: list[tuple[int, int, str, str]] | None = None
    ) -> list[tuple[int, int, _Entry]]:
        """Hanzi that sound like a term, aligned to whole characters, not a common word;
        those a word explains go to ``aside`` as (start, end, term, word) when given."""
        from policy.lexicon import WORD_LONGEST, explained_by_words

        syl = "," + s.translate(self._syllables)  # one "syllable," or "#," per character
        # the character at each comma: a bisection, not a count from the start per candidate
        # (which made a long run of hanzi quadratic)
        commas = [i for i, ch in enumerate(syl) if ch == ","]
        out = []
        for end, (key, terms) in self._sound.iter(syl):
            p = end - len(key) + 1
            a = bisect_right(commas, p) - 1
            b = a + key.count(",") - 1
            written = s[a:b]
            for term in terms:
                kept = sum(x == y for x, y in zip(written, term, strict=True))
                if kept == len(term) or not kept:
                    continue  # the term itself (an exact match), or no character of it
                # the run of hanzi around it, as far as a word that explains it can reach
                lo, hi = a, b
                while lo > max(0, a - WORD_LONGEST) and HAN_CHAR.match(s[lo - 1]):
                    lo -= 1
                while hi < min(len(s), b + WORD_LONGEST) and HAN_CHAR.match(s[hi]):
                    hi += 1
                word = explained_by_words(s[lo:hi], a - lo, b - lo, term)
                if word is not None:
                    if aside is not None:
                        aside.append((a, b, term, word))
                    continue
                how = "sound-alike " + key.strip(",").replace(",", " ")
                out.append((a, b, _Entry(EXACT, term, b - a, how=how)))
        return out

    def _cat_names(self, raw: str) -> str:
        names = self._names.get(raw)
        if names is None:
            mask = self._mask_of[raw]
            names = self._names[raw] = ",".join(
                c for i, c in enumerate(self.categories) if mask >> i & 1
            )
        return names

    def cat_mask(self, hits: list[Hit]) -> int:
        out = 0
        for h in hits:
            out |= self._mask_of[h.what]
        return out


_DOUBLED = re.compile(r"([a-z])\1")


def READ_OK(key: str) -> bool:
    """A spelling can be matched: it never contains the readings joiner."""
    return "\x00" not in key


class _SyllableTable(dict):
    """``str.translate`` table: hanzi -> "syllable,", anything else -> "#," (a break),
    filled as characters are met.

    Pickled as an empty table (a compiled policy kept on disk,
    ``policy.compiled_cache``): the readings come from the process's one copy of
    ``policy.pinyin.char_syllables`` when needed. Pickling that dictionary made a
    keyword detector with the ``pinyin`` step 590 KB, 88% of it the readings of 45,000
    hanzi, and reading a kept policy back took 14 ms instead of 2."""

    def __missing__(self, cp: int) -> str:
        from policy.pinyin import char_syllables  # one table per process (cached)

        syl = char_syllables().get(chr(cp))
        value = f"{syl}," if syl else "#,"
        self[cp] = value
        return value

    def __reduce__(self) -> tuple[type, tuple[()]]:
        return (type(self), ())
