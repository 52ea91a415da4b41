"""Toneless pinyin of hanzi, for sound-alike matching (the keyword detector's ``pinyin``).

Data: pypinyin's character and phrase dictionaries (``pinyin_dict``, ``phrases_dict``).
What the matcher needs from them, the most common reading of each hanzi and the reading
of the phrases whose reading differs from their characters' (雪茄 is xue jia, although 茄
alone is most often qie), is derived once per installation and kept in the user cache
(``policy.cache``): about 45,000 entries that load in milliseconds, where importing
pypinyin's phrase data takes about 0.2 s. Nothing is loaded until a detector with the
``pinyin`` step meets a hanzi term or text.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from policy.cache import cached_json, version_of
from policy.chars import HAN_CHAR

MAX_PHRASE = 6  # longest phrase looked up when romanising a term
LAYOUT = "2"  # of the cached tables: change it with _build


def toneless(reading: str) -> str:
    """ "lǘ" -> "lv": tone marks dropped, ü written v (as typed on a keyboard)."""
    plain = unicodedata.normalize("NFD", reading).replace("\u0308", "v")
    return "".join(c for c in plain if c.isascii() and c.isalpha()).lower()


def _build() -> dict[str, dict[str, str]]:
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    chars: dict[str, str] = {}
    for cp, readings in pinyin_dict.items():
        ch = chr(cp)
        syllable = toneless(readings.split(",")[0])
        if syllable and HAN_CHAR.match(ch):
            chars[ch] = syllable
    phrases: dict[str, str] = {}
    for phrase, readings in phrases_dict.items():
        if not 1 < len(phrase) <= MAX_PHRASE or len(readings) != len(phrase):
            continue
        syl = [toneless(r[0]) for r in readings]
        if syl != [chars.get(c, "") for c in phrase] and all(syl):
            phrases[phrase] = " ".join(syl)
    # characters read otherwise in some phrase: a term without one reads per character
    varying = sorted(
        {
            c
            for p, r in phrases.items()
            for c, s in zip(p, r.split(), strict=True)
            if s != chars.get(c)
        }
    )
    return {"chars": chars, "phrases": phrases, "varying": "".join(varying)}


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    key = ["pypinyin", version_of("pypinyin"), str(MAX_PHRASE), LAYOUT]
    data = cached_json("pinyin", key, _build)
    return data["chars"], data["phrases"], frozenset(data["varying"])


def char_syllables() -> dict[str, str]:
    """Hanzi -> toneless pinyin of its most common reading."""
    return _tables()[0]


def readings(term: str) -> list[tuple[str, ...]]:
    """The toneless syllables of a hanzi term: character by character (as texts are
    read), and, when different, as a phrase (雪茄 -> (xue, qie) and (xue, jia)).
    Empty when a character has no reading."""
    chars, phrases, varying = _tables()
    try:
        per_char = tuple([chars[c] for c in term])
    except KeyError:
        return []
    out = [per_char]
    if varying.isdisjoint(term):
        return out
    words: list[str] = []
    i = 0
    while i < len(term):
        for n in range(min(MAX_PHRASE, len(term) - i), 1, -1):
            reading = phrases.get(term[i : i + n])
            if reading:
                words.extend(reading.split())
                i += n
                break
        else:
            words.append(per_char[i])
            i += 1
    if tuple(words) != per_char:
        out.append(tuple(words))
    return out
