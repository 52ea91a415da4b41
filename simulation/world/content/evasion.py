"""How sellers and spammers disguise trigger words: the evasion styles.

Each style defeats exactly one naive-filter assumption, and one normalisation step in
``policy/normalize.py`` undoes it (SPACING -> separators, HOMOGLYPH -> confusables,
PINYIN_ABBREV -> pinyin/abbreviations, EMOJI -> emoji). CONTACT_ONLY and IMAGE_ONLY
carry no trigger word at all, so no text normalisation can catch them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import IntEnum


class EvasionStyle(IntEnum):
    NONE = 0
    SPACING = 1
    HOMOGLYPH = 2
    PINYIN_ABBREV = 3
    EMOJI = 4
    CONTACT_ONLY = 5
    IMAGE_ONLY = 6


# Separators sellers put between characters. Zero-width and word-joiner characters are
# invisible in the feed; NFKC keeps all of them, only the separators step removes them.
SEPARATORS = (" ", ".", "-", "*", "_", "·", "/", "|", "\u200b", "\u200c", "\u2060")

# Latin letter -> Cyrillic/Greek lookalikes that NFKC does not fold and whose casefold
# maps back to the Latin letter's casefold under the TR39 confusables data.
HOMOGLYPHS: dict[str, tuple[str, ...]] = {
    "a": ("а", "α"),
    "c": ("с",),
    "d": ("ԁ",),
    "e": ("е",),
    "h": ("һ",),
    "i": ("і", "ι"),
    "j": ("ј",),
    "o": ("о", "ο"),
    "p": ("р", "ρ"),
    "q": ("ԛ",),
    "s": ("ѕ",),
    "v": ("ν",),
    "w": ("ԝ",),
    "x": ("х",),
    "y": ("у",),
    "A": ("А", "Α"),
    "C": ("С",),
    "E": ("Е",),
    "H": ("Һ",),
    "I": ("І", "Ι"),
    "J": ("Ј",),
    "O": ("О", "Ο"),
    "P": ("Р",),
    "S": ("Ѕ",),
    "X": ("Х",),
    "Y": ("У",),
}


@dataclass(frozen=True)
class Variants:
    """The listed evasion variants of one trigger word (an item term or a spam trigger)."""

    word: str
    pinyin: str | None = None
    abbrev: tuple[str, ...] = ()
    emoji: str | None = None  # replaces the word (spam) or the whole item (offers)

    def supports(self, style: EvasionStyle) -> bool:
        if style == EvasionStyle.NONE or style == EvasionStyle.SPACING:
            return len(self.word.replace(" ", "")) > 1
        if style == EvasionStyle.HOMOGLYPH:
            return any(ch in HOMOGLYPHS for ch in self.word)
        if style == EvasionStyle.PINYIN_ABBREV:
            return bool(self.pinyin or self.abbrev)
        if style == EvasionStyle.EMOJI:
            return self.emoji is not None
        return False


def spaced(word: str, r: random.Random) -> str:
    """Break a word with separators: everywhere, or at one inner position."""
    sep = r.choice(SEPARATORS)
    chars = list(word)
    gaps = [i for i in range(1, len(chars)) if chars[i] != " " and chars[i - 1] != " "]
    if not gaps:
        return word
    cut = set(gaps) if r.random() < 0.5 else {r.choice(gaps)}
    return "".join((sep + ch) if i in cut else ch for i, ch in enumerate(chars))


def homoglyphed(word: str, r: random.Random) -> str:
    """Swap one or more Latin letters for Cyrillic/Greek lookalikes."""
    spots = [i for i, ch in enumerate(word) if ch in HOMOGLYPHS]
    if not spots:
        return word
    chosen = set(r.sample(spots, r.randint(1, len(spots))))
    return "".join(r.choice(HOMOGLYPHS[ch]) if i in chosen else ch for i, ch in enumerate(word))


def abbreviated(v: Variants, r: random.Random) -> str:
    """Pinyin or one of the listed abbreviations, in the case sellers type them."""
    options = ([v.pinyin] if v.pinyin else []) + list(v.abbrev)
    choice = r.choice(options)
    return choice.upper() if v.pinyin is None and r.random() < 0.2 else choice


def evade_word(v: Variants, style: EvasionStyle, r: random.Random) -> str:
    """The word as written under a word-level style (NONE..EMOJI)."""
    if style == EvasionStyle.NONE:
        return v.word
    if style == EvasionStyle.SPACING:
        return spaced(v.word, r)
    if style == EvasionStyle.HOMOGLYPH:
        return homoglyphed(v.word, r)
    if style == EvasionStyle.PINYIN_ABBREV:
        return abbreviated(v, r)
    if style == EvasionStyle.EMOJI and v.emoji is not None:
        return v.emoji
    raise ValueError(f"style {style.name} does not apply to {v.word!r}")


def evade_in(text: str, v: Variants, style: EvasionStyle, r: random.Random) -> str:
    """Replace the first occurrence (case-insensitive) of ``v.word`` in ``text``."""
    at = text.casefold().find(v.word.casefold())
    if at < 0 or len(text.casefold()) != len(text):
        at = text.find(v.word)
    if at < 0:
        raise ValueError(f"{v.word!r} does not occur in {text!r}")
    original = Variants(text[at : at + len(v.word)], v.pinyin, v.abbrev, v.emoji)
    return text[:at] + evade_word(original, style, r) + text[at + len(v.word) :]
