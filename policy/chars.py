"""Per-character folding for the normaliser: what one character becomes under each step.

Each function here looks at one character alone, so the normaliser can apply all of them
with one ``str.translate`` (C speed) and still know, for every output character, which
input character it came from. Tables are filled lazily, one character at a time, the
first time a character is seen: nothing is built for characters a run never meets.

Sources: the Unicode Character Database as shipped with Python (``unicodedata``) for
categories, names, compatibility decompositions and digit values; Unicode's
``DerivedCoreProperties.txt`` (Default_Ignorable_Code_Point, Unicode 15.1) for the
invisible characters, which Python does not expose; TR39 ``confusables.txt`` through the
confusable-homoglyphs package for look-alikes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from policy.cache import cached_json, version_of

# Hanzi: CJK Unified Ideographs, Extension A, compatibility ideographs, Extensions B+.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_CHAR = re.compile(f"[{HAN}]")
HAN_RUN = re.compile(f"[{HAN}]+")


def is_han(ch: str) -> bool:
    return bool(HAN_CHAR.match(ch))


def all_han(s: str) -> bool:
    """``s`` is one or more hanzi and nothing else."""
    return HAN_RUN.fullmatch(s) is not None


# Default_Ignorable_Code_Point (DerivedCoreProperties.txt), plus the Hangul and halfwidth
# fillers and the Braille blank, which render as nothing and are letters or symbols by
# category, so nothing else would drop them.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


def is_invisible(cp: int) -> bool:
    """A default-ignorable or filler code point: renders as nothing."""
    return any(a <= cp <= b for a, b in _INVISIBLE_RANGES)


_SEPARATOR_CATEGORIES = frozenset(
    {"Zs", "Zl", "Zp", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"}
    | {"Cc", "Cf", "Co", "Cs", "Cn", "Mn", "Me"}
)


def is_separator(ch: str) -> bool:
    """Neither a letter nor a digit: punctuation, any symbol (emoji included), space,
    control/format/unassigned, a combining mark, or a modifier letter that is a
    diacritic-like mark (``ˉ``, ``ˇ``, ``ʹ``; not the iteration marks of CJK)."""
    cat = unicodedata.category(ch)
    if cat in _SEPARATOR_CATEGORIES:
        return True
    if cat == "Lm":
        return unicodedata.name(ch, "").startswith("MODIFIER LETTER")
    return is_invisible(ord(ch))


# -- the per-character steps -----------------------------------------------------------

_LETTERFORM = re.compile(
    r"^(?P<kind>LATIN LETTER SMALL CAPITAL|REGIONAL INDICATOR SYMBOL LETTER"
    r"|(?:NEGATIVE )?(?:CIRCLED|SQUARED|PARENTHESIZED) LATIN (?:CAPITAL|SMALL) LETTER"
    r"|MODIFIER LETTER (?:CAPITAL|SMALL)"
    r"|LATIN (?:SUBSCRIPT|SUPERSCRIPT) (?:CAPITAL|SMALL) LETTER"
    r"|FULLWIDTH LATIN (?:CAPITAL|SMALL) LETTER"
    r"|MATHEMATICAL [A-Z -]*?(?:CAPITAL|SMALL)) (?P<letter>[A-Z])$"
)


def letterform(ch: str) -> str:
    """Small capitals, regional indicators, enclosed, modifier and mathematical letters
    -> the Latin letter they show (``ᴠ`` -> v, ``🇻`` -> V, ``🅥`` -> V)."""
    if ch.isascii():
        return ch
    m = _LETTERFORM.match(unicodedata.name(ch, ""))
    if m is None:
        return ch
    kind, letter = m.group("kind"), m.group("letter")
    return letter.lower() if "SMALL" in kind else letter


def strip_marks(ch: str) -> str:
    """Drop diacritics and combining marks (``ā`` -> a, a lone U+0336 -> nothing)."""
    if ch.isascii():
        return ch
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me"):
        return ""
    if unicodedata.decomposition(ch) == "":
        return ch
    parts = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in parts if unicodedata.category(c) not in ("Mn", "Me"))
    if kept == parts:  # a compatibility form without marks (ligature, Hangul): keep it
        return ch
    return unicodedata.normalize("NFC", kept)


def digit_of(ch: str) -> str:
    """A digit in any script or style (``❶``, ``٣``, ``𝟠``, fullwidth) -> ASCII digit.

    Hanzi numerals are not digits here: 一 is a word far more often than a number; runs of
    them are converted by the numerals step instead."""
    if ch.isascii() or is_han(ch):
        return ch
    d = unicodedata.digit(ch, None)
    if d is not None:
        return str(d)
    n = unicodedata.numeric(ch, None)
    if n is not None and unicodedata.category(ch) == "No" and n == int(n) and 0 <= n <= 50:
        return str(int(n))  # circled/negative circled numbers 10-50 (❿, ㊿)
    return ch


@cache
def confusables_map(fold_case: bool) -> dict[str, str]:
    """Non-ASCII character -> its ASCII letter/digit prototype (TR39 data).

    Deliberate departures from the full TR39 skeleton: ASCII is left alone (the skeleton
    maps ``1`` -> ``l`` and ``rn`` -> ``m``, which would turn prices and phone numbers into
    letters and make ``burn`` match ``bum``), hanzi are left alone, and only look-alikes of
    letters and digits are folded. Built once per installation (cached)."""

    def build() -> dict[str, str]:
        from confusable_homoglyphs.utils import load

        out: dict[str, str] = {}
        for key, entries in load("confusables.json").items():
            if len(key) != 1 or key.isascii() or is_han(key) or "\u3000" <= key <= "\u303f":
                continue
            for entry in entries:
                target = entry["c"]
                if target.isascii() and target.isalnum():
                    out[key] = target
                    break
        return out

    table = cached_json(
        "confusables", ["confusable-homoglyphs", version_of("confusable-homoglyphs")], build
    )
    return {k: v.casefold() for k, v in table.items()} if fold_case else table


def _nfkc(ch: str) -> str:
    return ch if ch.isascii() else unicodedata.normalize("NFKC", ch)


CHAR_STEPS = (
    "nfkc",
    "casefold",
    "confusables",
    "letterforms",
    "diacritics",
    "invisible",
    "numerals",
)


def char_folder(steps: tuple[str, ...]) -> Callable[[str], str]:
    """One character -> its folded form under the per-character parts of ``steps``."""
    funcs: list[Callable[[str], str]] = []
    for s in CHAR_STEPS:
        if s not in steps:
            continue
        if s == "nfkc":
            funcs.append(_nfkc)
        elif s == "casefold":
            funcs.append(str.casefold)
        elif s == "confusables":
            table = confusables_map("casefold" in steps)
            funcs.append(lambda c, t=table: t.get(c, c))
        elif s == "letterforms":
            lower = "casefold" in steps
            funcs.append(lambda c, lo=lower: letterform(c).lower() if lo else letterform(c))
        elif s == "diacritics":
            funcs.append(strip_marks)
        elif s == "invisible":
            funcs.append(lambda c: "" if is_invisible(ord(c)) else c)
        elif s == "numerals":
            funcs.append(digit_of)

    def one_pass(text: str) -> str:
        out = []
        for c in text:
            for f in funcs:
                c = "".join(f(x) for x in c) if len(c) != 1 else f(c)
                if not c:
                    break
            out.append(c)
        return "".join(out)

    def fold(ch: str) -> str:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            return ch  # a unified hanzi: no per-character step changes it
        out = one_pass(ch)
        for _ in range(4):  # a fixed point, so that folding twice changes nothing
            again = one_pass(out)
            if again == out:
                break
            out = again
        return out

    return fold


class LazyTable(dict):
    """A ``str.translate`` table filled on first sight of each code point.

    Every character seen is stored (identity included), so later look-ups stay in C.
    ``None`` deletes the character, as ``str.translate`` expects."""

    def __init__(self, fn: Callable[[str], str | None]) -> None:
        super().__init__()
        self.fn = fn
        for cp in range(128):
            self[cp] = fn(chr(cp))

    def __missing__(self, cp: int) -> str | None:
        value = self.fn(chr(cp))
        self[cp] = value
        return value


class Translator:
    """``str.translate`` through a :class:`LazyTable` at the speed of a plain ``dict``.

    ``str.translate`` looks characters up about a third quicker in a plain ``dict`` than
    in a subclass, but a plain ``dict`` cannot fill itself: a character it lacks would
    silently stay as it is. So a text goes through a plain copy of the table when one
    search finds no character the copy lacks, and through the lazy table otherwise (which
    fills it). The copy and its search are rebuilt after a number of such texts that
    doubles up to 1,024 (a text of unseen characters costs a rebuild at most that often).
    Nothing is filled up front (filling the hanzi blocks would cost a first Chinese text
    about 0.1 s), so a character's first texts take the lazy table's speed.

    ``exclude``: characters a caller wants to hear about before translating (the first
    characters of the emoji the normaliser replaces): ``gate(s)`` is None when ``s``
    holds none of them and no character the copy lacks, so that one search answers both
    (then ``s.translate(self.plain)`` is the translation)."""

    def __init__(self, table: LazyTable, exclude: str = "") -> None:
        self.table = table
        self.exclude = frozenset(map(ord, exclude))
        self.threshold = 16
        self._rebuild()

    def _rebuild(self) -> None:
        self.plain = dict(self.table)
        self.misses = 0
        self.unseen = _outside(sorted(self.plain))
        self.gate = (
            _outside(sorted(self.plain.keys() - self.exclude)) if self.exclude else self.unseen
        )

    def __call__(self, s: str) -> str:
        if self.unseen(s) is None:
            return s.translate(self.plain)
        out = s.translate(self.table)
        self.misses += 1
        if self.misses >= self.threshold:
            self.threshold = min(2 * self.threshold, 1024)
            self._rebuild()
        return out


def _outside(codes: list[int]) -> Callable[[str], re.Match[str] | None]:
    """The ``search`` of a regular expression finding any character not in ``codes``
    (sorted code points), written as ranges."""
    spans: list[tuple[int, int]] = []
    for cp in codes:
        if spans and spans[-1][1] == cp - 1:
            spans[-1] = (spans[-1][0], cp)
        else:
            spans.append((cp, cp))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in spans
    )
    return re.compile(f"[^{body}]").search


def translator(table: LazyTable, exclude: str = "") -> Translator:
    """The :class:`Translator` of ``table`` and ``exclude`` (one per pair, shared)."""
    shared = table.__dict__.get("translators")
    if shared is None:
        shared = table.__dict__["translators"] = {}
    tr = shared.get(exclude)
    if tr is None:
        tr = shared[exclude] = Translator(table, exclude)
    return tr


@cache
def fold_table(steps: tuple[str, ...]) -> LazyTable:
    """The combined per-character table of ``steps`` (shared by every normaliser)."""
    fold = char_folder(steps)
    return LazyTable(lambda c: fold(c) or None)


@cache
def separator_table() -> LazyTable:
    """Drops separators (``str.translate`` table)."""
    return LazyTable(lambda c: None if is_separator(c) else c)


@cache
def fold_separator_table(steps: tuple[str, ...]) -> LazyTable:
    """``fold_table(steps)`` then ``separator_table()`` in one table (one pass)."""
    fold = char_folder(steps)
    return LazyTable(lambda c: "".join(x for x in fold(c) if not is_separator(x)) or None)


@cache
def fold_length_table(steps: tuple[str, ...]) -> LazyTable:
    """Each character -> chr(how many characters it folds to): the normaliser's map skips
    its per-character work when every character folds to one."""
    fold = char_folder(steps)
    return LazyTable(lambda c: chr(len(fold(c))))


@cache
def separator_marks() -> LazyTable:
    """Each character -> "\\x00" for a separator, "\\x01" for a character kept."""
    return LazyTable(lambda c: "\x00" if is_separator(c) else "\x01")


MARK = "\x1f"  # stands for a separator between the per-character steps and leetspeak


@cache
def fold_mark_table(steps: tuple[str, ...], keep: frozenset[str]) -> LazyTable:
    """``fold_table(steps)`` with every separator it leaves written as :data:`MARK`,
    except the characters in ``keep`` (leetspeak's spellings, which it reads first)."""
    fold = char_folder(steps)

    def mark(c: str) -> str | None:
        out = "".join(MARK if is_separator(x) and x not in keep else x for x in fold(c))
        return out or None

    return LazyTable(mark)
